//! The command-line tool: `prisme analyse FILE... [--json] [--csv DIR]`.
//!
//! It reads files exactly as the web page reads dropped files and writes the
//! same `Analysis` JSON as the page's "Export JSON".

use prisme::engine::{self, Analysis, Config, InputDocument, RemovalReason};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
Usage: prisme analyse FILE... [--json] [--csv DIR] [--report FILE [--lang fr|en]]

  FILE...     files to analyse, in the order given (a folder adds its files):
              .txt .md .html .docx, and .csv .tsv .json .jsonl with one document per row
  --json      write the full analysis as JSON to standard output
              (the same bytes as the web page's \"Export JSON\")
  --csv DIR   write one CSV file per table into DIR
  --report F  write a self-contained, printable HTML report to F
              (in the language given by --lang, English by default)
Without --json or --csv, a short summary is printed.";

struct Args {
    files: Vec<PathBuf>,
    json: bool,
    csv: Option<PathBuf>,
    report: Option<PathBuf>,
    lang: String,
}

fn parse_args(raw: &[String]) -> Result<Args, String> {
    let mut it = raw.iter();
    match it.next().map(String::as_str) {
        Some("analyse") | Some("analyze") => {}
        Some("-h") | Some("--help") | None => return Err(String::new()),
        Some(other) => return Err(format!("unknown command '{other}'")),
    }
    let mut args = Args { files: Vec::new(), json: false, csv: None, report: None, lang: "en".into() };
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => args.json = true,
            "--csv" => args.csv = Some(it.next().ok_or("--csv needs a folder")?.into()),
            "--report" => args.report = Some(it.next().ok_or("--report needs a file name")?.into()),
            "--lang" => args.lang = it.next().ok_or("--lang needs fr or en")?.clone(),
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with("--") => return Err(format!("unknown option '{s}'")),
            s => args.files.push(s.into()),
        }
    }
    if args.files.is_empty() {
        return Err("no file given".into());
    }
    Ok(args)
}

/// Files of a folder, sorted by name; a file stands for itself.
fn expand(path: &Path) -> Vec<PathBuf> {
    if path.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)
            .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_file()).collect())
            .unwrap_or_default();
        files.sort();
        files
    } else {
        vec![path.to_path_buf()]
    }
}

fn load(files: &[PathBuf]) -> (Vec<InputDocument>, Vec<String>) {
    let mut docs: Vec<InputDocument> = Vec::new();
    let mut problems = Vec::new();
    for path in files.iter().flat_map(|p| expand(p)) {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        match std::fs::read(&path) {
            Err(e) => problems.push(format!("{}: {e}", path.display())),
            Ok(bytes) => match engine::decode_file(&name, &bytes) {
                Err(e) => problems.push(e.to_string()),
                Ok(found) => {
                    for mut doc in found {
                        if let Some(twin) = docs.iter().find(|d| engine::same_content(d, &doc)) {
                            problems.push(format!("{}: same text as {}, analysed twice", doc.id, twin.id));
                        }
                        let taken: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
                        doc.id = engine::unique_id(&doc.id, &taken);
                        docs.push(doc);
                    }
                }
            },
        }
    }
    (docs, problems)
}

fn summary(a: &Analysis) -> String {
    let mut s = String::new();
    for d in &a.documents {
        s += &format!("{}\t{}\t{}\t{} words\t{} sentences\t{}\n", d.id, d.language, d.date, d.words, d.sentences, d.title);
        for r in &d.removed {
            if r.reason != RemovalReason::Markup {
                s += &format!("\t- removed ({}): {}\n", r.reason.as_str(), r.span.slice(&d.text).chars().take(60).collect::<String>());
            }
        }
        for w in &d.warnings {
            s += &format!("\t! {}\n", w.message);
        }
    }
    s += "\nActors (mentions in all):\n";
    for ac in a.actors.iter().take(25) {
        s += &format!("{:>5}  {}  ({})\n", ac.total, ac.name, ac.aliases.join(", "));
    }
    s
}

fn run(args: Args) -> Result<(), String> {
    let (docs, problems) = load(&args.files);
    for p in &problems {
        eprintln!("prisme: {p}");
    }
    if docs.is_empty() {
        return Err("no document could be read".into());
    }
    let analysis = engine::analyse(&docs, &Config::default());
    if let Some(dir) = &args.csv {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for (name, contents) in engine::to_csv_tables(&analysis) {
            let path = dir.join(name);
            std::fs::write(&path, contents).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    if let Some(path) = &args.report {
        let html = engine::to_report_html(&analysis, &Config::default(), &args.lang);
        std::fs::write(path, html).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let mut stdout = std::io::stdout().lock();
    if args.json {
        // Written part by part: a large corpus's JSON is never held whole.
        let mut written = Ok(());
        engine::write_json(&analysis, 1 << 20, &mut |part| {
            if written.is_ok() {
                written = stdout.write_all(&part);
            }
        })
        .map_err(|e| e.to_string())?;
        written.map_err(|e| e.to_string())
    } else if args.csv.is_none() && args.report.is_none() {
        stdout.write_all(summary(&analysis).as_bytes()).map_err(|e| e.to_string())
    } else {
        Ok(())
    }
}

fn main() -> ExitCode {
    let raw: Vec<String> = std::env::args().skip(1).collect();
    match parse_args(&raw) {
        Err(msg) if msg.is_empty() => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Err(msg) => {
            eprintln!("prisme: {msg}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Ok(args) => match run(args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(msg) => {
                eprintln!("prisme: {msg}");
                ExitCode::FAILURE
            }
        },
    }
}
