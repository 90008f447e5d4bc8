//! The English sentiment model's weights in a denser form than its TSV, for
//! a smaller download. `build.rs` packs `data/sentiment/model_en.tsv` at build
//! time, checks that unpacking gives the file back byte for byte, and the
//! engine unpacks it once, when the model is first needed. The TSV stays the
//! readable source: this is the same file, stored otherwise.
//!
//! The file's `h` rows (bucket, weight toward negative, toward positive, in
//! thousandths) are 22,000 lines of numbers as text; gzip leaves them at
//! 137 KB. Packed, a bit per bucket says which rows exist, then the low
//! bytes of every weight, then the high bytes: 68 KB gzipped. The lines
//! before and after the rows are kept as text.

// Packing runs in build.rs and the tests; the page and worker only unpack.
#[cfg_attr(not(test), allow(dead_code))]
mod codec;

/// The English model's TSV, unpacked from the form `build.rs` wrote.
pub(crate) fn model_en() -> String {
    codec::unpack(include_bytes!(concat!(env!("OUT_DIR"), "/model_en.packed")))
        .expect("build.rs checked the packed model")
}

#[cfg(test)]
mod tests {
    use super::codec::{pack, unpack, ROWS};
    use super::model_en;

    #[test]
    fn the_packed_model_is_the_tsv_byte_for_byte() {
        assert_eq!(model_en(), include_str!("../../data/sentiment/model_en.tsv"));
    }

    #[test]
    fn the_packed_model_is_smaller_than_half_the_tsv() {
        let packed = include_bytes!(concat!(env!("OUT_DIR"), "/model_en.packed"));
        assert_eq!(packed[0], ROWS, "model_en.tsv no longer has the shape build.rs packs");
        assert!(packed.len() * 2 < include_str!("../../data/sentiment/model_en.tsv").len());
    }

    #[test]
    fn any_other_text_comes_back_as_it_was() {
        for src in [
            "",
            "# only a comment\n",
            "h\t3\t1\t2\nh\t2\t1\t2\n",         // buckets out of order
            "h\t1\t01\t2\n",                    // not written by the trainer
            "h\t1\t-1\t2",                      // no final newline
            "spec\tbits\t4\nh\t1\t-70000\t2\n", // too large for two bytes
            "# a\nh\t0\t-3\t7\nh\t9\t0\t-1\n# b\n",
            "h\t5\t-2138\t1138\n",
        ] {
            assert_eq!(unpack(&pack(src)).as_deref(), Some(src), "{src:?}");
        }
        assert_eq!(pack("# a\nh\t0\t-3\t7\nh\t9\t0\t-1\n# b\n")[0], ROWS);
    }

    #[test]
    fn a_cut_file_is_refused() {
        let packed = pack("# a\nh\t0\t-3\t7\nh\t9\t0\t-1\n");
        for n in 1..packed.len() {
            assert_eq!(unpack(&packed[..n]), None, "cut at {n}");
        }
    }
}
