//! Measures sentiment toward a target on NewsMTSC (English news, human labels).
//!
//!     cargo run --release --example newsmtsc            # dev split (343 rows)
//!     cargo run --release --example newsmtsc -- train   # train split (for tuning)
//!
//! Each row's target is given by CHARACTER offsets into its sentence; they are
//! turned into byte offsets before scoring. Prints macro-F1 over the three
//! classes (−1, 0, 1), the metric of the NewsMTSC paper. English is scored
//! by the trained model (data/sentiment/model_en.tsv, trained on the train
//! split by `examples/train_sentiment.rs`), so `train` here measures the
//! model on its own training rows: use the trainer's cross-validation instead.

use prisme::engine::{score_target, sentiment_training, Span};
use std::io::BufRead;

#[derive(serde::Deserialize)]
struct Row {
    polarity: i8,
    from: usize,
    to: usize,
    sentence: String,
}

fn byte_offset(s: &str, chars: usize) -> usize {
    s.char_indices().nth(chars).map_or(s.len(), |(b, _)| b)
}

fn main() {
    let split = std::env::args().nth(1).unwrap_or_else(|| "dev".into());
    let path = format!("{}/../shared/data/newsmtsc/rw-{split}.jsonl", env!("CARGO_MANIFEST_DIR"));
    let file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut confusion = [[0usize; 3]; 3];
    let mut scored: Vec<(i8, f64)> = Vec::new();
    for line in std::io::BufReader::new(file).lines() {
        let line = line.expect("readable line");
        let row: Row = serde_json::from_str(&line).expect("NewsMTSC row");
        let s = &row.sentence;
        let target = Span::new(byte_offset(s, row.from), byte_offset(s, row.to));
        let result = score_target(s, Span::new(0, s.len()), target, "en");
        scored.push((row.polarity, result.score));
        let got = result.polarity();
        confusion[(row.polarity + 1) as usize][(got + 1) as usize] += 1;
    }
    let total: usize = confusion.iter().flatten().sum();
    println!("NewsMTSC rw-{split}: {total} rows");
    println!("confusion (rows = gold −1/0/1, columns = predicted −1/0/1): {confusion:?}");
    for (c, name) in ["negative", "neutral", "positive"].iter().enumerate() {
        let (p, r, f1) = sentiment_training::class_scores(&confusion, c);
        println!("{name:>9}: precision {:5.1}  recall {:5.1}  F1 {:5.1}", p * 100.0, r * 100.0, f1 * 100.0);
    }
    let accuracy = (0..3).map(|c| confusion[c][c]).sum::<usize>() as f64 / total as f64;
    println!("accuracy {:.1}", accuracy * 100.0);
    println!("macro-F1 {:.1}", sentiment_training::macro_f1(&confusion) * 100.0);
    if split == "train" {
        // Tuning aid: macro-F1 for other neutral bands (choose on train only).
        for band in [0.02, 0.05, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25] {
            println!("band {band:.2}: macro-F1 {:.1}", macro_f1(&scored, band) * 100.0);
        }
    }
}

/// Macro-F1 of the scores when `band` is the neutral band.
fn macro_f1(scored: &[(i8, f64)], band: f64) -> f64 {
    let mut m = [[0usize; 3]; 3];
    for &(gold, score) in scored {
        let got = if score >= band { 1 } else if score <= -band { -1 } else { 0 };
        m[(gold + 1) as usize][(got + 1) as usize] += 1;
    }
    sentiment_training::macro_f1(&m)
}
