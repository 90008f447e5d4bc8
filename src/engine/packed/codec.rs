//! Packs and unpacks the model file (see [`super`]). Also compiled into
//! `build.rs` with `#[path]`, so it uses `std` only.

/// First byte of a packed file: the text as is (a file that does not have
/// the shape packed below, so nothing is lost whatever the file holds).
pub const RAW: u8 = 0;
/// First byte of a packed file: head text, bucket bitmap, weights, tail text.
pub const ROWS: u8 = 1;

/// The line of one hashed-word row, exactly as the TSV writes it.
fn row_line(bucket: usize, neg: i32, pos: i32) -> String {
    let mut line = String::new();
    push_row(&mut line, bucket, neg, pos);
    line
}

/// Appends the line of one row (the numbers written by hand: `format!` would
/// make unpacking three times slower).
fn push_row(out: &mut String, bucket: usize, neg: i32, pos: i32) {
    out.push_str("h\t");
    push_int(out, bucket as i64);
    out.push('\t');
    push_int(out, i64::from(neg));
    out.push('\t');
    push_int(out, i64::from(pos));
    out.push('\n');
}

fn push_int(out: &mut String, v: i64) {
    if v < 0 {
        out.push('-');
    }
    let mut digits = [0u8; 20];
    let mut n = v.unsigned_abs();
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    digits[i..].iter().for_each(|&d| out.push(char::from(d)));
}

/// Weights are stored as zigzag integers (0, -1, 1, -2, …), so that small
/// negative numbers have a zero high byte too.
fn zigzag(v: i32) -> u32 {
    ((v << 1) ^ (v >> 31)) as u32
}

fn unzigzag(z: u32) -> i32 {
    ((z >> 1) as i32) ^ -((z & 1) as i32)
}

/// One `h` row if `line` is one as written by the trainer (canonical integers).
fn parse_row(line: &str) -> Option<(usize, i32, i32)> {
    let mut f = line.strip_suffix('\n')?.split('\t');
    if f.next()? != "h" {
        return None;
    }
    let (b, n, p) = (f.next()?, f.next()?, f.next()?);
    let row = (b.parse().ok()?, n.parse().ok()?, p.parse().ok()?);
    (f.next().is_none() && row_line(row.0, row.1, row.2) == line).then_some(row)
}

fn push_text(out: &mut Vec<u8>, text: &str) {
    out.extend_from_slice(&(text.len() as u32).to_le_bytes());
    out.extend_from_slice(text.as_bytes());
}

/// Packs a model file (see the module's doc). Files of another shape are
/// stored as they are.
pub fn pack(src: &str) -> Vec<u8> {
    let lines: Vec<&str> = src.split_inclusive('\n').collect();
    let first = lines.iter().position(|l| parse_row(l).is_some());
    let last = lines.iter().rposition(|l| parse_row(l).is_some());
    let (Some(first), Some(last)) = (first, last) else { return raw(src) };
    let mut rows = Vec::new();
    for line in &lines[first..=last] {
        match parse_row(line) {
            Some(r) if rows.last().is_none_or(|(b, _, _)| *b < r.0) => rows.push(r),
            _ => return raw(src),
        }
    }
    let weights: Vec<u32> = rows.iter().flat_map(|&(_, n, p)| [zigzag(n), zigzag(p)]).collect();
    if weights.iter().any(|&z| z > u32::from(u16::MAX)) {
        return raw(src);
    }
    let mut bitmap = vec![0u8; rows.last().map_or(0, |(b, _, _)| b / 8 + 1)];
    for (b, _, _) in &rows {
        bitmap[b / 8] |= 1 << (b % 8);
    }
    let mut out = vec![ROWS];
    push_text(&mut out, &lines[..first].concat());
    push_text(&mut out, &lines[last + 1..].concat());
    out.extend_from_slice(&(bitmap.len() as u32).to_le_bytes());
    out.extend_from_slice(&bitmap);
    out.extend(weights.iter().map(|&z| z as u8));
    out.extend(weights.iter().map(|&z| (z >> 8) as u8));
    out
}

fn raw(src: &str) -> Vec<u8> {
    let mut out = vec![RAW];
    out.extend_from_slice(src.as_bytes());
    out
}

/// Reads `n` bytes at `*at`, moving past them.
fn take<'a>(bytes: &'a [u8], at: &mut usize, n: usize) -> Option<&'a [u8]> {
    let s = bytes.get(*at..at.checked_add(n)?)?;
    *at += n;
    Some(s)
}

fn take_len(bytes: &[u8], at: &mut usize) -> Option<usize> {
    Some(u32::from_le_bytes(take(bytes, at, 4)?.try_into().ok()?) as usize)
}

fn take_text<'a>(bytes: &'a [u8], at: &mut usize) -> Option<&'a str> {
    let n = take_len(bytes, at)?;
    std::str::from_utf8(take(bytes, at, n)?).ok()
}

/// The model file that [`pack`] packed; `None` if `bytes` is not a packed file.
pub fn unpack(bytes: &[u8]) -> Option<String> {
    match bytes.split_first()? {
        (&RAW, text) => std::str::from_utf8(text).ok().map(str::to_string),
        (&ROWS, _) => {
            let mut at = 1;
            let head = take_text(bytes, &mut at)?;
            let tail = take_text(bytes, &mut at)?;
            let n = take_len(bytes, &mut at)?;
            let bitmap = take(bytes, &mut at, n)?;
            let buckets: Vec<usize> = (0..n * 8).filter(|b| bitmap[b / 8] & (1 << (b % 8)) != 0).collect();
            let lo = take(bytes, &mut at, buckets.len() * 2)?;
            let hi = take(bytes, &mut at, buckets.len() * 2)?;
            if at != bytes.len() {
                return None;
            }
            let weight = |i: usize| unzigzag(u32::from(lo[i]) | u32::from(hi[i]) << 8);
            let mut out = String::with_capacity(head.len() + tail.len() + buckets.len() * 16);
            out.push_str(head);
            for (i, b) in buckets.into_iter().enumerate() {
                push_row(&mut out, b, weight(2 * i), weight(2 * i + 1));
            }
            out.push_str(tail);
            Some(out)
        }
        _ => None,
    }
}
