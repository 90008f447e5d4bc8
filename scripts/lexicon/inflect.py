"""Inflection rules used to expand Prisme's hand-written lemma lists into the
inflected lexicons in data/lexicon/ (see build.py). Accents do not matter for
matching (the engine folds é→e), so French stem changes like mène/mener are
covered by the regular endings."""

import re


def _strip_explicit(word):
    """`strike(struck,striking)` → ('strike', ['struck', 'striking'])."""
    m = re.fullmatch(r"([^()]+)\(([^()]*)\)", word)
    if m:
        return m.group(1), [f for f in m.group(2).split(",") if f]
    return word, None


# ---------------------------------------------------------------- English

def en_plural(w):
    if re.search(r"(s|x|z|ch|sh)$", w):
        return w + "es"
    if re.search(r"[^aeiou]y$", w):
        return w[:-1] + "ies"
    return w + "s"


def en_verb(w, double=False):
    base = w
    third = en_plural(w)
    if double:
        past = w + w[-1] + "ed"
        ing = w + w[-1] + "ing"
    else:
        if w.endswith("e"):
            past = w + "d"
        elif re.search(r"[^aeiou]y$", w):
            past = w[:-1] + "ied"
        else:
            past = w + "ed"
        if w.endswith("ee") or w.endswith("ye"):
            ing = w + "ing"
        elif w.endswith("ie"):
            ing = w[:-2] + "ying"
        elif w.endswith("e"):
            ing = w[:-1] + "ing"
        else:
            ing = w + "ing"
    return [base, third, past, ing]


def en_adverb(w):
    if w.endswith("ly"):
        return None
    if w.endswith("ble") or w.endswith("ple") or w.endswith("tle"):
        return w[:-1] + "y"
    if re.search(r"[^aeiou]y$", w):
        return w[:-1] + "ily"
    if w.endswith("ic"):
        return w + "ally"
    if w.endswith("ll"):
        return w + "y"
    return w + "ly"


def expand_en(word, pos):
    word, explicit = _strip_explicit(word)
    if explicit is not None:
        return [word] + explicit
    if " " in word or word.endswith("-"):
        return [word]
    double = word.endswith("+")
    word = word.rstrip("+")
    if pos == "verb":
        return en_verb(word, double)
    if pos == "noun":
        return [word, en_plural(word)]
    if pos == "adj":
        adv = en_adverb(word)
        return [word] + ([adv] if adv else [])
    return [word]


# ---------------------------------------------------------------- French

def fr_noun_plural(w):
    if re.search(r"[sxz]$", w):
        return w
    if w.endswith("al") and w not in ("festival", "carnaval", "bal", "récital"):
        return w[:-2] + "aux"
    if re.search(r"(eau|au|eu)$", w):
        return w + "x"
    return w + "s"


def fr_adj(w):
    if w.endswith("e"):
        fem = w
    elif w.endswith("eux"):
        fem = w[:-1] + "se"
    elif w.endswith("if"):
        fem = w[:-1] + "ve"
    elif w.endswith(("el", "eil", "en", "on", "ien", "et")) and not w.endswith("ion"):
        fem = w + w[-1] + "e"
    elif w.endswith("er"):
        fem = w[:-2] + "ère"
    elif w.endswith("eur") and len(w) > 5 and w[-5:] in ("ateur", "iteur"):
        fem = w[:-3] + "rice"
    else:
        fem = w + "e"
    if w.endswith(("s", "x")):
        mpl = w
    elif w.endswith("al"):
        mpl = w[:-2] + "aux"
    else:
        mpl = w + "s"
    fpl = fem + "s"
    return [w, fem, mpl, fpl]


def fr_verb_er(w):
    s = w[:-2]
    soft_g = s.endswith("g")
    soft_c = s.endswith("c")

    def before_a_o(ending):
        if soft_g:
            return s + "e" + ending
        if soft_c:
            return s[:-1] + "ç" + ending
        return s + ending

    y = s.endswith("oy") or s.endswith("uy")
    e_stem = s[:-1] + "i" if y else s
    return [
        w, e_stem + "e", e_stem + "es", before_a_o("ons"), s + "ez", e_stem + "ent",
        s + "é", s + "ée", s + "és", s + "ées", before_a_o("ant"),
        before_a_o("ait"), before_a_o("aient"), before_a_o("ais"), s + "iez", s + "ions",
        e_stem + "era", e_stem + "eront", e_stem + "erait", e_stem + "eraient", e_stem + "erai", e_stem + "erons",
        before_a_o("a"), s + "èrent", before_a_o("âmes"), before_a_o("asse"),
    ]


def fr_verb_ir(w):
    s = w[:-2]
    return [
        w, s + "is", s + "it", s + "issons", s + "issez", s + "issent", s + "i", s + "ie", s + "ies",
        s + "issant", s + "issait", s + "issaient", s + "issais", s + "ira", s + "iront", s + "irait",
        s + "iraient", s + "irent", s + "isse",
    ]


def fr_verb(w):
    """Regular patterns of the three French groups; anything else needs explicit forms."""
    if w.endswith("mettre"):
        p = w[:-4]
        return [w, p + "s", p, p + "tons", p + "tez", p + "tent", w[:-5] + "is", w[:-5] + "ise", w[:-5] + "ises",
                p + "tant", p + "tait", p + "taient", p + "tra", p + "tront", p + "trait", w[:-5] + "it", w[:-5] + "irent"]
    if w.endswith("prendre"):
        p = w[:-4]
        return [w, p + "ds", p + "d", p + "ons", p + "ez", p + "nent", w[:-5] + "is", w[:-5] + "ise", w[:-5] + "ises",
                p + "ant", p + "ait", p + "aient", p + "dra", p + "dront", p + "drait", w[:-5] + "it", w[:-5] + "irent"]
    if w.endswith("enir"):
        p = w[:-4]
        return [w, p + "iens", p + "ient", p + "enons", p + "enez", p + "iennent", p + "enu", p + "enue", p + "enus",
                p + "enues", p + "enant", p + "enait", p + "enaient", p + "iendra", p + "iendront", p + "iendrait",
                p + "int", p + "inrent"]
    if w.endswith(("vrir", "frir")):
        p = w[:-2]
        return [w, p + "e", p + "es", p + "ent", p + "ons", w[:-3] + "ert", w[:-3] + "erte", w[:-3] + "erts",
                w[:-3] + "ertes", p + "ant", p + "ait", p + "aient", p + "ira", p + "iront", p + "irait", p + "it"]
    if w.endswith("uire"):
        p = w[:-2]
        return [w, p + "s", p + "t", p + "sons", p + "sez", p + "sent", p + "te", p + "ts", p + "tes", p + "sant",
                p + "sait", p + "saient", w[:-1] + "a", w[:-1] + "ont", w[:-1] + "ait", p + "sit", p + "sirent"]
    if w.endswith("indre"):
        p = w[:-4]
        return [w, p + "ns", p + "nt", p + "gnons", p + "gnez", p + "gnent", p + "nte", p + "nts", p + "ntes",
                p + "gnant", p + "gnait", p + "gnaient", p + "ndra", p + "ndront", p + "ndrait", p + "gnit"]
    if w.endswith("ttre"):
        p = w[:-3]
        return [w, p + "s", p, p + "tons", p + "tez", p + "tent", p + "tu", p + "tue", p + "tus", p + "tues",
                p + "tant", p + "tait", p + "taient", p + "tra", p + "tront", p + "trait", p + "tit", p + "tirent"]
    if re.search(r"(e|a|o|er)ndre$", w):
        p = w[:-2]
        return [w, p + "s", p, p + "ons", p + "ez", p + "ent", p + "u", p + "ue", p + "us", p + "ues", p + "ant",
                p + "ait", p + "aient", p + "ra", p + "ront", p + "rait", p + "it", p + "irent"]
    if w.endswith("er"):
        return fr_verb_er(w)
    if w.endswith("ir"):
        return fr_verb_ir(w)
    raise ValueError(f"French verb without explicit forms: {w}")


def expand_fr(word, pos):
    word, explicit = _strip_explicit(word)
    if explicit is not None:
        return [word] + explicit
    if " " in word or word.endswith("-"):
        return [word]
    if pos == "verb":
        return fr_verb(word)
    if pos == "noun":
        return [word, fr_noun_plural(word)]
    if pos == "adj":
        return fr_adj(word)
    return [word]
