//! Trains Prisme's mention sentiment models on NewsMTSC train and writes them
//! to `data/sentiment/model_{en,fr}.tsv`.
//!
//!     cargo run --release --example train_sentiment
//!
//! Deterministic: a fixed seed, a fixed split, plain arithmetic and `libm`.
//! The model is a multinomial logistic regression (negative, neutral,
//! positive) trained by AdaGrad with L2 on the features of
//! `prisme::engine::sentiment_training`. Model selection is a 5-fold
//! cross-validation on train, folds by story; the dev split is never read
//! here. The chosen settings are then retrained on all of train.
//!
//! English: lexicon features plus hashed words around the target. French:
//! the same lexicon features only (language-independent: sums of what the
//! French lexicon finds), trained on the same English rows.

use prisme::engine::sentiment_training::{class_score, features_of, Feature, Spec, DENSE};
use prisme::engine::{sentiment_training, NEUTRAL_BAND};
use prisme::engine::Span;
use std::io::BufRead;

#[derive(serde::Deserialize)]
struct Row {
    polarity: i8,
    from: usize,
    to: usize,
    sentence: String,
    id: String,
}

/// The dense feature that marks a victim (the engine holds its score at 0 or above).
const VICTIM: usize = 2;
/// Folds of the cross-validation that chooses the settings.
const FOLDS: u64 = 5;
const SEED: u64 = 0x5eed_2024;
/// Hashed features go into 2^BITS buckets.
const BITS: u32 = 16;
/// AdaGrad's step size.
const LEARNING_RATE: f64 = 0.1;

fn byte_offset(s: &str, chars: usize) -> usize {
    s.char_indices().nth(chars).map_or(s.len(), |(b, _)| b)
}

fn fnv(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// xorshift64*: the shuffling order, the same on every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

#[derive(Clone, Copy, Debug)]
struct Setting {
    spec: Spec,
    /// L2 on the lexicon features.
    l2: f64,
    /// L2 on the hashed words (much stronger: there are many, each rare).
    l2_words: f64,
    epochs: usize,
}

fn margin(w: &[f64], x: &[Feature]) -> f64 {
    x.iter().map(|f| w[f.index] * f.value).sum()
}

/// Multinomial logistic regression by AdaGrad; `y` in 0..3 (negative, neutral, positive).
fn train_multi(data: &[(Vec<Feature>, usize)], size: usize, s: &Setting) -> Vec<Vec<f64>> {
    let mut w = vec![vec![0.0; size]; 3];
    let mut g2 = vec![vec![1e-8; size]; 3];
    let mut counts = [0usize; 3];
    for (_, y) in data {
        counts[*y] += 1;
    }
    let class_weight: Vec<f64> = counts.iter().map(|&c| data.len() as f64 / (3.0 * c.max(1) as f64)).collect();
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = Rng(SEED);
    for _ in 0..s.epochs {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        for &k in &order {
            let (x, y) = &data[k];
            let z: Vec<f64> = (0..3).map(|c| margin(&w[c], x)).collect();
            let mx = z.iter().cloned().fold(f64::MIN, f64::max);
            let e: Vec<f64> = z.iter().map(|v| libm::exp(v - mx)).collect();
            let sum: f64 = e.iter().sum();
            for c in 0..3 {
                let gm = class_weight[*y] * (e[c] / sum - if c == *y { 1.0 } else { 0.0 });
                for f in x {
                    let l2 = if f.index < DENSE.len() { s.l2 } else { s.l2_words };
                    let g = gm * f.value + l2 * w[c][f.index];
                    g2[c][f.index] += g * g;
                    w[c][f.index] -= LEARNING_RATE * g / libm::sqrt(g2[c][f.index]);
                }
            }
        }
    }
    w
}

/// The weights as the engine reads them: toward negative and toward
/// positive, each minus the weight toward neutral, plus class offsets on the bias.
fn relative(w: &[Vec<f64>], offsets: [f64; 2]) -> Vec<[f64; 2]> {
    (0..w[0].len())
        .map(|i| {
            let bias = if i == 0 { offsets } else { [0.0, 0.0] };
            [w[0][i] - w[1][i] + bias[0], w[2][i] - w[1][i] + bias[1]]
        })
        .collect()
}

/// Macro-F1 on `data` with the engine's own reading of the logits.
fn macro_f1_of(w: &[[f64; 2]], data: &[(Vec<Feature>, usize)]) -> f64 {
    let gold: Vec<usize> = data.iter().map(|(_, y)| *y).collect();
    let got: Vec<usize> = data
        .iter()
        .map(|(x, _)| {
            let z = [x.iter().map(|f| w[f.index][0] * f.value).sum(), x.iter().map(|f| w[f.index][1] * f.value).sum()];
            let victim = x.iter().any(|f| f.index == VICTIM);
            let s = class_score(z, victim);
            if s >= NEUTRAL_BAND { 2 } else if s <= -NEUTRAL_BAND { 0 } else { 1 }
        })
        .collect();
    macro_f1(&gold, &got)
}

fn macro_f1(gold: &[usize], got: &[usize]) -> f64 {
    let mut m = [[0usize; 3]; 3];
    for (g, p) in gold.iter().zip(got) {
        m[*g][*p] += 1;
    }
    sentiment_training::macro_f1(&m)
}

fn load(path: &str) -> Vec<Row> {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    std::io::BufReader::new(file).lines().map(|l| serde_json::from_str(&l.expect("line")).expect("NewsMTSC row")).collect()
}

fn featurise(rows: &[&Row], spec: &Spec) -> Vec<(Vec<Feature>, usize)> {
    rows.iter()
        .map(|r| {
            let s = &r.sentence;
            let target = Span::new(byte_offset(s, r.from), byte_offset(s, r.to));
            (features_of(s, Span::new(0, s.len()), target, "en", spec).0, (r.polarity + 1) as usize)
        })
        .collect()
}

fn write_model(path: &str, what: &str, s: &Setting, w: &[[f64; 2]], note: &str) {
    let mut out = String::new();
    out.push_str(&format!("# Prisme mention sentiment model ({what}): multinomial logistic regression.\n"));
    out.push_str("# Written by `cargo run --release --example train_sentiment` from NewsMTSC rw-train\n");
    out.push_str("# (Hamborg & Donnay 2021, MIT). Derived numbers only: no sentence is stored.\n");
    out.push_str(&format!("# {note}\n"));
    out.push_str(&format!("# l2 {} (hashed words {}), {} epochs. Rows: weight toward negative, toward positive (neutral is 0); `h` rows in thousandths.\n", s.l2, s.l2_words, s.epochs));
    out.push_str(&format!("spec\twindow\t{}\n", s.spec.window));
    out.push_str(&format!("spec\tbits\t{}\n", s.spec.bits));
    out.push_str(&format!("spec\tsentence_words\t{}\n", s.spec.sentence_words as u8));
    out.push_str(&format!("spec\tbigrams\t{}\n", s.spec.bigrams as u8));
    out.push_str(&format!("spec\tstems\t{}\n", s.spec.stems as u8));
    out.push_str(&format!("spec\tquoted_words\t{}\n", s.spec.quoted_words as u8));
    let r = |x: f64| (x * 10_000.0).round() / 10_000.0;
    for (i, name) in DENSE.iter().enumerate() {
        out.push_str(&format!("dense\t{name}\t{}\t{}\n", r(w[i][0]), r(w[i][1])));
    }
    let mut kept = 0;
    // Hashed words in thousandths: 1/1000 changes no decision and keeps the file small.
    for (b, v) in w[DENSE.len()..].iter().enumerate() {
        let (n, p) = ((v[0] * 1000.0).round() as i64, (v[1] * 1000.0).round() as i64);
        if n != 0 || p != 0 {
            out.push_str(&format!("h\t{b}\t{n}\t{p}\n"));
            kept += 1;
        }
    }
    std::fs::write(path, &out).unwrap_or_else(|e| panic!("{path}: {e}"));
    println!("wrote {path}: {} bytes, {kept} hashed weights", out.len());
}

fn main() {
    let root = env!("CARGO_MANIFEST_DIR");
    let rows = load(&format!("{root}/../shared/data/newsmtsc/rw-train.jsonl"));
    let all: Vec<&Row> = rows.iter().collect();
    println!("train: {} rows", rows.len());
    let spec = |window, sentence_words, bigrams, stems, quoted_words| Spec { window, bits: BITS, sentence_words, bigrams, stems, quoted_words };
    let mut settings = vec![
        // Lexicon features only (language-independent; compared, not written).
        Setting { spec: spec(0, false, false, false, false), l2: 1e-3, l2_words: 0.0, epochs: 3 },
        // Plus hashed English words (stems did better than words, 65.1 to
        // 64.1; bigrams and quoted words did worse).
    ];
    for window in [5, 8] {
        for l2_words in [0.1, 0.3, 1.0] {
            for epochs in [3, 5] {
                settings.push(Setting { spec: spec(window, true, false, true, false), l2: 1e-3, l2_words, epochs });
            }
        }
    }
    let means = cross_validate(&rows, &settings);
    let pick = |words: bool| {
        (0..settings.len())
            .filter(|&i| (settings[i].spec.window > 0 || settings[i].spec.sentence_words) == words)
            .fold(None, |best: Option<usize>, i| if best.is_none_or(|b| means[i] > means[b] + 1e-9) { Some(i) } else { best })
            .expect("a setting")
    };
    assert_eq!(DENSE[VICTIM], "role_victim");
    // The lexicon-features-only setting is cross-validated for comparison but
    // not written: on French it made the seed texts read wrong (every actor in
    // a harsh sentence turned negative), so French keeps the lexicon scorer.
    let _ = pick(false);
    for (i, path, what) in [(pick(true), "model_en.tsv", "English")] {
        let s = settings[i];
        println!("{what}: chose {s:?}, cross-validated macro-F1 {:.1}; retraining on all of train", means[i] * 100.0);
        let w = train_multi(&featurise(&all, &s.spec), DENSE.len() + (1 << s.spec.bits), &s);
        let note = format!("Macro-F1 of this setting in 5-fold cross-validation on train (folds by story): {:.1}.", means[i] * 100.0);
        write_model(&format!("{root}/data/sentiment/{path}"), what, &s, &relative(&w, [0.0, 0.0]), &note);
    }
}

/// Model selection: 5 folds of train by story (an AllSides story cluster, a
/// POLUSA article, so no story is on both sides), each setting's mean
/// macro-F1 over the folds, beside the lexicon scorer's.
fn cross_validate(rows: &[Row], settings: &[Setting]) -> Vec<f64> {
    let story = |r: &Row| {
        let parts: Vec<&str> = r.id.split('_').collect();
        let n = if parts[0] == "allsides" { 2 } else { 3 };
        parts[..n.min(parts.len())].join("_")
    };
    let mut lex_sum = 0.0;
    let mut sums = vec![0.0; settings.len()];
    for k in 0..FOLDS {
        let fit: Vec<&Row> = rows.iter().filter(|r| fnv(&story(r)) % FOLDS != k).collect();
        let out: Vec<&Row> = rows.iter().filter(|r| fnv(&story(r)) % FOLDS == k).collect();
        let (gold, lex): (Vec<usize>, Vec<usize>) = out
            .iter()
            .map(|r| {
                let s = &r.sentence;
                let target = Span::new(byte_offset(s, r.from), byte_offset(s, r.to));
                let score = features_of(s, Span::new(0, s.len()), target, "en", &settings[0].spec).1;
                ((r.polarity + 1) as usize, if score >= NEUTRAL_BAND { 2 } else if score <= -NEUTRAL_BAND { 0 } else { 1 })
            })
            .unzip();
        let l = macro_f1(&gold, &lex);
        lex_sum += l;
        print!("fold {k} ({} rows): lexicon {:.1}", out.len(), l * 100.0);
        for (i, s) in settings.iter().enumerate() {
            let w = train_multi(&featurise(&fit, &s.spec), DENSE.len() + (1 << s.spec.bits), s);
            let f = macro_f1_of(&relative(&w, [0.0, 0.0]), &featurise(&out, &s.spec));
            sums[i] += f;
            print!(" | {i}: {:.1}", f * 100.0);
        }
        println!();
    }
    println!("mean: lexicon scorer alone {:.1}", lex_sum / FOLDS as f64 * 100.0);
    for (i, s) in settings.iter().enumerate() {
        println!("  {i} {s:?}: {:.1}", sums[i] / FOLDS as f64 * 100.0);
    }
    sums.iter().map(|x| x / FOLDS as f64).collect()
}
