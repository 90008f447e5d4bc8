//! Throughput of the engine on generated corpora, stage by stage, and peak
//! memory: the heap one analysis holds at its peak, its documents included
//! (counted in an extra, untimed run), and the process's resident peak. Prints one JSON object per run; `scripts/bench` runs it and makes
//! the table. Figures, not a test: nothing here fails on a slow run.
//!
//!     cargo run --release --example bench -- --corpus fr --mb 5
//!     cargo run --release --example bench -- --corpus en --mb 5 --runs 3
//!     cargo run --release --example bench -- --corpus en --mb 5 --write-docs target/bench/en-5.json
//!
//! `--write-analysis PATH` writes the analysis as the JSON export, to check
//! that an optimisation leaves the output byte for byte the same. `--once`
//! skips the extra wall-clock run (for profilers that count instructions).
//!
//! Corpora (never committed; built in memory from files outside the repo):
//! - `fr`: the five seed texts (`../shared/corpus/seeds`) repeated, each copy
//!   a document of its own, until the corpus holds `--mb` megabytes;
//! - `en`: NewsMTSC sentences (`../shared/data/newsmtsc/rw-train.jsonl`, each
//!   sentence once), 40 to a document, four to a paragraph, taken round
//!   and round (shifted by a few sentences each round) up to `--mb` megabytes.
//!
//! Times are the thread's CPU time (`--wall` for wall-clock time), so that a
//! busy shared machine does not blur them; `analyse_wall_ms` is one more run
//! timed by the wall clock. Stages: `decode` is intake (`decode_file` on each file's bytes); the others
//! come from [`prisme::engine::analyse_timed`]; `json` is the serialisation
//! the worker does before posting the analysis to the page.

use prisme::engine::{analyse_timed, analyse_with_clock, decode_file, InputDocument, StageTimes};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

/// The system allocator, counting the bytes held and their peak when
/// `PRISME_BENCH_MEMORY` is set (one relaxed load per call otherwise). The
/// live heap is what the worker's WebAssembly memory must hold; the
/// resident size also counts what the allocator keeps after a free.
struct Counting;
static COUNTING: AtomicBool = AtomicBool::new(false);
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call goes to the system allocator unchanged; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if COUNTING.load(Relaxed) {
            let now = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(now, Relaxed);
        }
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if COUNTING.load(Relaxed) {
            LIVE.fetch_sub(layout.size(), Relaxed);
        }
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if COUNTING.load(Relaxed) {
            if new_size <= layout.size() {
                // A shrink happens in place (in the system allocator and in
                // the worker's dlmalloc alike): no moment holds both blocks.
                LIVE.fetch_sub(layout.size() - new_size, Relaxed);
            } else {
                // A growth may copy: counted as holding both blocks for a moment.
                let now = LIVE.fetch_add(new_size, Relaxed) + new_size;
                PEAK.fetch_max(now, Relaxed);
                LIVE.fetch_sub(layout.size(), Relaxed);
            }
        }
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const MIB: f64 = 1024.0 * 1024.0;

/// A megabyte here is 10^6 bytes, as in MB/s.
const MB: usize = 1_000_000;
/// Sentences per English document: a news article's length.
const EN_SENTENCES_PER_DOC: usize = 40;
/// Sentences per English paragraph.
const EN_SENTENCES_PER_PARAGRAPH: usize = 4;
/// Each round over the English sentences starts this many sentences later,
/// so that the documents of one round are not copies of the previous one's.
const EN_ROUND_SHIFT: usize = 7;

struct Args {
    corpus: String,
    mb: f64,
    runs: usize,
    write_docs: Option<String>,
    write_analysis: Option<String>,
    wall: bool,
    once: bool,
}

fn parse_args() -> Args {
    let mut args = Args { corpus: "fr".into(), mb: 5.0, runs: 1, write_docs: None, write_analysis: None, wall: false, once: false };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--corpus" => args.corpus = it.next().expect("--corpus fr|en"),
            "--mb" => args.mb = it.next().and_then(|v| v.parse().ok()).expect("--mb N"),
            "--runs" => args.runs = it.next().and_then(|v| v.parse().ok()).expect("--runs N"),
            "--write-docs" => args.write_docs = Some(it.next().expect("--write-docs PATH")),
            "--write-analysis" => args.write_analysis = Some(it.next().expect("--write-analysis PATH")),
            "--wall" => args.wall = true,
            "--once" => args.once = true,
            "--bench" => {} // added by `cargo bench`
            other => panic!("unknown argument {other}"),
        }
    }
    args
}

fn shared(path: &str) -> String {
    format!("{}/../shared/{path}", env!("CARGO_MANIFEST_DIR"))
}

/// The files of the corpus: (file name, bytes), `target` bytes in all or a little more.
fn corpus_files(corpus: &str, target: usize) -> Vec<(String, Vec<u8>)> {
    match corpus {
        "fr" => {
            let dir = shared("corpus/seeds");
            let mut seeds: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
                .unwrap_or_else(|e| panic!("{dir}: {e}"))
                .filter_map(|e| e.ok())
                .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).expect("seed")))
                .collect();
            seeds.sort();
            let mut files = Vec::new();
            let mut total = 0;
            for round in 0.. {
                for (name, bytes) in &seeds {
                    if total >= target {
                        return files;
                    }
                    total += bytes.len();
                    files.push((format!("r{round:05}-{name}"), bytes.clone()));
                }
            }
            unreachable!()
        }
        "en" => {
            let path = shared("data/newsmtsc/rw-train.jsonl");
            let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
            let mut seen = std::collections::HashSet::new();
            let sentences: Vec<String> = raw
                .lines()
                .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
                .filter_map(|v| v["sentence"].as_str().map(str::to_string))
                .filter(|s| seen.insert(s.clone()))
                .collect();
            let mut files = Vec::new();
            let mut total = 0;
            let mut round = 0;
            let mut next = 0;
            while total < target {
                let mut text = String::new();
                for k in 0..EN_SENTENCES_PER_DOC {
                    if next == sentences.len() {
                        round += 1;
                        next = 0;
                    }
                    let s = &sentences[(next + round * EN_ROUND_SHIFT) % sentences.len()];
                    next += 1;
                    if k > 0 {
                        text.push_str(if k % EN_SENTENCES_PER_PARAGRAPH == 0 { "\n\n" } else { " " });
                    }
                    text.push_str(s);
                }
                text.push('\n');
                total += text.len();
                files.push((format!("newsmtsc-{:05}.txt", files.len()), text.into_bytes()));
            }
            files
        }
        other => panic!("unknown corpus {other} (fr or en)"),
    }
}

#[repr(C)]
struct Timespec {
    sec: i64,
    nsec: i64,
}

extern "C" {
    fn clock_gettime(clock: i32, ts: *mut Timespec) -> i32;
}

/// Linux's CLOCK_THREAD_CPUTIME_ID.
const CLOCK_THREAD_CPUTIME_ID: i32 = 3;

/// CPU time of this thread in milliseconds: unlike wall time, it does not
/// count the time other processes on a shared machine take from us.
fn cpu_ms() -> f64 {
    let mut ts = Timespec { sec: 0, nsec: 0 };
    // SAFETY: clock_gettime only writes the struct we pass, laid out as the C timespec on 64-bit Linux.
    unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    ts.sec as f64 * 1000.0 + ts.nsec as f64 / 1e6
}

/// A line of /proc/self/status, in kB (Linux only; 0 elsewhere).
fn status_kb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

/// The documents with texts of their own, as the worker reads them from
/// the page's request: a clone would share the texts, and the heap counted
/// from it on would leave them out.
fn own_copy(docs: &[prisme::engine::InputDocument]) -> Vec<prisme::engine::InputDocument> {
    docs.iter().map(|d| prisme::engine::InputDocument { text: std::sync::Arc::from(&*d.text), ..d.clone() }).collect()
}

/// The heap each list of `analysis` holds, measured by dropping a copy of
/// it list by list (the copy holds what the original holds).
fn list_sizes(analysis: &prisme::engine::Analysis) -> String {
    let mut copy = analysis.clone();
    // Texts are shared between copies: the copy gets its own, so that
    // dropping its documents frees what the original's hold.
    for d in &mut copy.documents {
        d.text = std::sync::Arc::from(&*d.text);
    }
    LIVE.store(0, Relaxed);
    COUNTING.store(true, Relaxed);
    let mut sizes = Vec::new();
    let mut drop_list = |name: &str, free: &mut dyn FnMut()| {
        let before = LIVE.load(Relaxed) as isize;
        free();
        sizes.push(format!("{name} {:.1}", (before - LIVE.load(Relaxed) as isize) as f64 / MIB));
    };
    drop_list("documents", &mut || drop(std::mem::take(&mut copy.documents)));
    drop_list("sources", &mut || drop(std::mem::take(&mut copy.sources)));
    drop_list("actors", &mut || drop(std::mem::take(&mut copy.actors)));
    drop_list("mentions", &mut || drop(std::mem::take(&mut copy.mentions)));
    drop_list("sentiment", &mut || drop(std::mem::take(&mut copy.sentiment)));
    drop_list("sentiment_evidence", &mut || drop(std::mem::take(&mut copy.sentiment_evidence)));
    drop_list("keywords", &mut || drop(std::mem::take(&mut copy.keywords)));
    drop_list("labels", &mut || drop(std::mem::take(&mut copy.labels)));
    drop_list("frames", &mut || drop(std::mem::take(&mut copy.frames)));
    drop_list("markers", &mut || drop(std::mem::take(&mut copy.markers)));
    drop_list("cooccurrences", &mut || drop(std::mem::take(&mut copy.cooccurrences)));
    COUNTING.store(false, Relaxed);
    sizes.join(", ")
}

/// Resets the peak resident size (VmHWM) to the current one, so the next
/// reading is the peak of the analysis alone (with its input resident).
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn main() {
    let args = parse_args();
    let files = corpus_files(&args.corpus, (args.mb * MB as f64) as usize);
    let input_bytes: usize = files.iter().map(|(_, b)| b.len()).sum();

    // The built-in lists, loaded before anything is timed (the worker loads
    // them as it starts); their own time is reported as `startup_ms`.
    let startup = prisme::engine::warm_up(&cpu_ms);

    let started = cpu_ms();
    let mut docs: Vec<InputDocument> = Vec::with_capacity(files.len());
    for (name, bytes) in &files {
        docs.extend(decode_file(name, bytes).expect("corpus file decodes"));
    }
    let decode_ms = cpu_ms() - started;
    drop(files);

    if let Some(path) = &args.write_docs {
        if let Some(dir) = std::path::Path::new(path).parent() {
            std::fs::create_dir_all(dir).expect("folder for --write-docs");
        }
        let json = serde_json::to_string(&serde_json::json!({ "documents": docs })).expect("documents as JSON");
        std::fs::write(path, json).expect("--write-docs written");
    }

    // Median run by total time; its stage times are reported.
    let mut runs: Vec<(StageTimes, f64, u64, u64, f64, (f64, f64, usize, usize))> = Vec::new();
    for _ in 0..args.runs.max(1) {
        // The memory of a run: its own copy of the documents (as the worker
        // holds the corpus it is sent), which the analysis takes over, and
        // everything the analysis builds, up to the analysis itself.
        let base_kb = status_kb("VmRSS:");
        let memory = std::env::var_os("PRISME_BENCH_MEMORY").is_some();
        if memory {
            LIVE.store(0, Relaxed);
            PEAK.store(0, Relaxed);
            COUNTING.store(true, Relaxed);
        }
        let own = own_copy(&docs);
        reset_peak();
        let (analysis, times) = if args.wall {
            analyse_timed(own, &Default::default())
        } else {
            // (resident MB, live heap MB, peak live heap MB) at each step.
            let trace = std::cell::RefCell::new(Vec::<(u64, u64, u64)>::new());
            let r = analyse_with_clock(own, &Default::default(), &|| {
                if memory {
                    let step = (status_kb("VmRSS:") / 1024, (LIVE.load(Relaxed) as f64 / MIB) as u64, (PEAK.load(Relaxed) as f64 / MIB) as u64);
                    let mut t = trace.borrow_mut();
                    if t.last() != Some(&step) {
                        t.push(step);
                    }
                }
                cpu_ms()
            });
            if memory {
                COUNTING.store(false, Relaxed);
                // The live heap counts from the copy of the documents the run hands over.
                eprintln!("(resident MB, live heap MB, peak live heap MB) as the analysis goes, the documents handed over included: {:?}", trace.borrow());
                eprintln!("analysis held at the end: {:.1} MB live; peak live heap {:.1} MB", LIVE.load(Relaxed) as f64 / MIB, PEAK.load(Relaxed) as f64 / MIB);
            }
            r
        };
        COUNTING.store(false, Relaxed);
        let peak_kb = status_kb("VmHWM:");
        if std::env::var_os("PRISME_BENCH_MEMORY").is_some() {
            eprintln!("heap held by each list of the analysis (MB): {}", list_sizes(&analysis));
        }
        let t = cpu_ms();
        let json = serde_json::to_string(&analysis).expect("analysis as JSON");
        let json_ms = cpu_ms() - t;
        // What the worker sends the page (texts left out) and what the page reads back.
        let mut sent = analysis.clone();
        sent.documents.iter_mut().for_each(|d| d.text = Default::default());
        let t = cpu_ms();
        let mut parts = Vec::new();
        prisme::engine::write_parts(&sent, 512 * 1024, b"1\t", &mut |p| parts.push(p)).expect("parts");
        let parts_ms = cpu_ms() - t;
        let parts_bytes: usize = parts.iter().map(Vec::len).sum();
        let t = cpu_ms();
        let mut back = prisme::engine::AnalysisParts::default();
        for p in &parts {
            back.add(&p[2..]).expect("part reads back");
        }
        let read_ms = cpu_ms() - t;
        assert!(back.finish() == sent, "the parts give the same analysis back");
        drop(sent);
        let json_bytes = json.len();
        if let Some(path) = &args.write_analysis {
            std::fs::write(path, prisme::engine::to_json(&analysis)).expect("--write-analysis written");
        }
        drop(analysis);
        drop(json);
        let wall = Instant::now();
        if !args.once {
            std::hint::black_box(prisme::engine::analyse_owned(docs.clone(), &Default::default()));
        }
        let wall_ms = wall.elapsed().as_secs_f64() * 1000.0;
        runs.push((times, json_ms, base_kb, peak_kb, wall_ms, (parts_ms, read_ms, parts_bytes, json_bytes)));
    }
    // The resident peak of the first run: later runs start with what the
    // allocator kept from the one before.
    let (first_base_kb, first_peak_kb) = (runs[0].2, runs[0].3);
    // One more run, untimed, counting the heap from the documents handed
    // over: the most the analysis holds at once, and what it holds at the end.
    let (peak_heap, held_heap, read_peak_heap, read_held_heap) = {
        LIVE.store(0, Relaxed);
        PEAK.store(0, Relaxed);
        COUNTING.store(true, Relaxed);
        let mut analysis = prisme::engine::analyse_owned(own_copy(&docs), &Default::default());
        let counted = (PEAK.load(Relaxed), LIVE.load(Relaxed));
        COUNTING.store(false, Relaxed);
        // The page's side: the heap it needs to read the analysis from the
        // worker's parts (texts left out, as the worker sends them), at the
        // most and once read. The parts themselves are not counted: the page
        // gets them as the browser's buffers, one at a time.
        analysis.documents.iter_mut().for_each(|d| d.text = Default::default());
        let mut parts = Vec::new();
        prisme::engine::write_parts(&analysis, 512 * 1024, b"1\t", &mut |p| parts.push(p)).expect("parts");
        drop(analysis);
        LIVE.store(0, Relaxed);
        PEAK.store(0, Relaxed);
        COUNTING.store(true, Relaxed);
        let mut back = prisme::engine::AnalysisParts::default();
        for p in &parts {
            back.add(&p[2..]).expect("part reads back");
        }
        let read = (PEAK.load(Relaxed), LIVE.load(Relaxed));
        COUNTING.store(false, Relaxed);
        drop(back);
        (counted.0, counted.1, read.0, read.1)
    };
    runs.sort_by(|a, b| a.0.total.total_cmp(&b.0.total));
    let (times, json_ms, _, _, wall_ms, (parts_ms, read_ms, parts_bytes, json_bytes)) = runs[runs.len() / 2];
    let words: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
    let out = serde_json::json!({
        "corpus": args.corpus,
        "input_bytes": input_bytes,
        "text_bytes": docs.iter().map(|d| d.text.len()).sum::<usize>(),
        "documents": docs.len(),
        "words": words,
        "runs": args.runs.max(1),
        "decode_ms": decode_ms,
        "clean_ms": times.clean,
        "segment_ms": times.segment,
        "language_ms": times.language,
        "actors_ms": times.actors,
        "sentiment_ms": times.sentiment,
        "framing_ms": times.framing,
        "analyse_ms": times.total,
        "json_ms": json_ms,
        "json_bytes": json_bytes,
        "parts_ms": parts_ms,
        "parts_read_ms": read_ms,
        "parts_bytes": parts_bytes,
        "clock": if args.wall { "wall" } else { "cpu" },
        // Not measured with --once.
        "analyse_wall_ms": (!args.once).then_some(wall_ms),
        "startup_ms": startup.iter().map(|(_, ms)| ms).sum::<f64>(),
        "startup_parts_ms": startup.iter().map(|(name, ms)| (name.to_string(), serde_json::json!(ms))).collect::<serde_json::Map<_, _>>(),
        // The process's resident size before the first run and at its peak
        // (it holds the generated corpus too).
        "rss_before_kb": first_base_kb,
        "peak_rss_kb": first_peak_kb,
        // Resident memory the first run added (its documents and the analysis) over the input's size.
        "peak_over_input": (first_peak_kb.saturating_sub(first_base_kb) as f64 * 1024.0) / input_bytes as f64,
        // The heap of one analysis, its documents included: at its peak and at its end.
        "peak_heap_bytes": peak_heap,
        "held_heap_bytes": held_heap,
        "peak_heap_over_input": peak_heap as f64 / input_bytes as f64,
        // The page reading that analysis from the worker's parts: its heap at the most and once read.
        "read_peak_heap_bytes": read_peak_heap,
        "read_held_heap_bytes": read_held_heap,
    });
    println!("{out}");
}
