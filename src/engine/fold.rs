//! Matching keys: lower case, accents removed, typographic apostrophes made
//! plain, so that "États-Unis", "Etats-Unis" and "états-unis" compare equal.

/// The matching key of `s`: lower-cased, Latin accents and ligatures folded
/// (é→e, œ→oe, ß→ss, ı→i), and ’ ‘ ʼ made into '.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_folded(c, &mut out);
    }
    out
}

/// Appends the folded form of one character.
pub fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let folded: &str = match c {
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'Ā' | 'ā' | 'Ă'
        | 'ă' | 'Ą' | 'ą' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' | 'Ć' | 'ć' | 'Č' | 'č' | 'Ĉ' | 'ĉ' | 'Ċ' | 'ċ' => "c",
        'Ď' | 'ď' | 'Đ' | 'đ' | 'Ð' | 'ð' => "d",
        'È' | 'É' | 'Ê' | 'Ë' | 'è' | 'é' | 'ê' | 'ë' | 'Ē' | 'ē' | 'Ė' | 'ė' | 'Ę' | 'ę' | 'Ě'
        | 'ě' | 'Ĕ' | 'ĕ' => "e",
        'Ğ' | 'ğ' | 'Ģ' | 'ģ' | 'Ĝ' | 'ĝ' | 'Ġ' | 'ġ' => "g",
        'Ĥ' | 'ĥ' | 'Ħ' | 'ħ' => "h",
        'Ì' | 'Í' | 'Î' | 'Ï' | 'ì' | 'í' | 'î' | 'ï' | 'Ī' | 'ī' | 'Į' | 'į' | 'İ' | 'ı' | 'Ĭ'
        | 'ĭ' | 'Ĩ' | 'ĩ' => "i",
        'Ĵ' | 'ĵ' => "j",
        'Ķ' | 'ķ' => "k",
        'Ł' | 'ł' | 'Ľ' | 'ľ' | 'Ĺ' | 'ĺ' | 'Ļ' | 'ļ' => "l",
        'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ň' | 'ň' | 'Ņ' | 'ņ' => "n",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ō' | 'ō' | 'Ő'
        | 'ő' | 'Ŏ' | 'ŏ' => "o",
        'Œ' | 'œ' => "oe",
        'Ŕ' | 'ŕ' | 'Ř' | 'ř' | 'Ŗ' | 'ŗ' => "r",
        'Ś' | 'ś' | 'Š' | 'š' | 'Ş' | 'ş' | 'Ș' | 'ș' | 'Ŝ' | 'ŝ' => "s",
        'ß' | 'ẞ' => "ss",
        'Ť' | 'ť' | 'Ţ' | 'ţ' | 'Ț' | 'ț' => "t",
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'ù' | 'ú' | 'û' | 'ü' | 'Ū' | 'ū' | 'Ů' | 'ů' | 'Ű' | 'ű' | 'Ų'
        | 'ų' | 'Ŭ' | 'ŭ' | 'Ũ' | 'ũ' => "u",
        'Ý' | 'ý' | 'ÿ' | 'Ÿ' => "y",
        'Ź' | 'ź' | 'Ż' | 'ż' | 'Ž' | 'ž' => "z",
        'Þ' | 'þ' => "th",
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' => "'",
        '\u{2010}' | '\u{2011}' => "-",
        // Combining accents (a text in decomposed form) carry no letter.
        '\u{0300}'..='\u{036F}' => "",
        _ => {
            for l in c.to_lowercase() {
                out.push(l);
            }
            return;
        }
    };
    out.push_str(folded);
}

/// True for the apostrophes that French elision uses (' and ’ and their kin).
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}')
}

/// True for hyphens that join the parts of a word.
pub fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_case_accents_and_apostrophes() {
        assert_eq!(fold("États-Unis"), "etats-unis");
        assert_eq!(fold("Etats-Unis"), fold("états-unis"));
        assert_eq!(fold("Sergueï"), "serguei");
        assert_eq!(fold("cœur"), "coeur");
        assert_eq!(fold("d’Idleb"), "d'idleb");
        assert_eq!(fold("Çavuşoğlu"), "cavusoglu");
        // "é" written as e + combining acute accent folds the same way.
        assert_eq!(fold("e\u{301}te\u{301}"), "ete");
    }
}
