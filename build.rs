//! Fingerprints every data file the engine ships (lexicons, gazetteer, cue
//! lists) so that an analysis report can say exactly which versions it used.
//! Writes `data_manifest.rs` into OUT_DIR: (path, bytes, FNV-1a 64) rows.
//! Also packs the English sentiment model (see `src/engine/packed.rs`).

use std::fs;
use std::path::{Path, PathBuf};

#[path = "src/engine/packed/codec.rs"]
#[allow(dead_code)]
mod codec;

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3))
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=src/engine/packed/codec.rs");
    let mut all = Vec::new();
    files(&root, &mut all);
    all.sort();
    let mut rows = String::from("/// (path under data/, bytes, FNV-1a 64 of the content)\npub const DATA_FILES: &[(&str, usize, &str)] = &[\n");
    for p in all {
        let rel = p.strip_prefix(&root).unwrap_or(&p).to_string_lossy().replace('\\', "/");
        // The demo corpus and the notes are not lexicons.
        if rel.starts_with("demo/") || rel.ends_with("README.md") {
            continue;
        }
        let bytes = fs::read(&p).unwrap_or_default();
        rows.push_str(&format!("    ({:?}, {}, \"{:016x}\"),\n", rel, bytes.len(), fnv1a(&bytes)));
    }
    rows.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR")).join("data_manifest.rs");
    fs::write(out, rows).expect("write data manifest");
    pack_model(&root.join("sentiment/model_en.tsv"));
}

/// Writes the packed model into OUT_DIR, after checking that it unpacks to
/// the same bytes.
fn pack_model(tsv: &Path) {
    let src = fs::read_to_string(tsv).expect("read the English sentiment model");
    let packed = codec::pack(&src);
    assert_eq!(codec::unpack(&packed).as_deref(), Some(src.as_str()), "the packed model must unpack to {}", tsv.display());
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR")).join("model_en.packed");
    fs::write(out, packed).expect("write the packed model");
}
