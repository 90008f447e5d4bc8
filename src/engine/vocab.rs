//! The vocabulary of one analysis: every distinct spelling of a token and
//! every distinct matching key, each stored once. Tokens carry the ids of
//! their spelling and key (two `u32`), so a stage that needs to know
//! something about a word (is it in a lexicon, what is its stem, is it a
//! title) computes it once per spelling or key, in a table indexed by id,
//! and every later token of that word is a look-up in that table.
//!
//! A corpus repeats its words: 5 MB of news hold about 800,000 tokens but
//! fewer than 60,000 spellings.

use super::segment::key_of;
use hashbrown::HashTable;
use std::hash::BuildHasher;

/// The id of a distinct spelling (the token's text as written).
pub type TypeId = u32;
/// The id of a distinct matching key (lower case, accents folded).
pub type KeyId = u32;

/// Spellings and keys of the tokens of one analysis.
#[derive(Clone, Default)]
pub struct Vocab {
    /// Every string, end to end; `Entry::at` locates each in it.
    arena: String,
    spellings: Vec<Spelling>,
    spelling_index: HashTable<TypeId>,
    keys: Vec<(u32, u32)>,
    key_index: HashTable<KeyId>,
}

#[derive(Clone, Copy)]
struct Spelling {
    at: (u32, u32),
    key: KeyId,
    /// The pronoun of an inversion ("-t-il"): its key is the pronoun alone.
    clitic: bool,
}

fn hash(s: &str, clitic: bool) -> u64 {
    rustc_hash::FxBuildHasher.hash_one((s, clitic))
}

fn hash_key(s: &str) -> u64 {
    rustc_hash::FxBuildHasher.hash_one(s)
}

impl Vocab {
    pub fn new() -> Self {
        Vocab::default()
    }

    fn str_at(&self, at: (u32, u32)) -> &str {
        &self.arena[at.0 as usize..at.1 as usize]
    }

    fn push_str(&mut self, s: &str) -> (u32, u32) {
        let start = self.arena.len();
        self.arena.push_str(s);
        (start as u32, self.arena.len() as u32)
    }

    /// The ids of a token written `surface`; `clitic` for the pronoun of a
    /// French inversion or an English possessive, whose key drops the
    /// hyphens and the euphonic t ("-t-il" → "il").
    pub fn intern(&mut self, surface: &str, clitic: bool) -> (TypeId, KeyId) {
        let h = hash(surface, clitic);
        let found = {
            let (spellings, arena) = (&self.spellings, &self.arena);
            self.spelling_index
                .find(h, |&t| {
                    let s = spellings[t as usize];
                    s.clitic == clitic && &arena[s.at.0 as usize..s.at.1 as usize] == surface
                })
                .copied()
        };
        if let Some(t) = found {
            return (t, self.spellings[t as usize].key);
        }
        let key = self.intern_key(&key_of(surface, clitic));
        let at = self.push_str(surface);
        let t = self.spellings.len() as TypeId;
        self.spellings.push(Spelling { at, key, clitic });
        let (spellings, arena) = (&self.spellings, &self.arena);
        self.spelling_index.insert_unique(h, t, |&t| {
            let s = spellings[t as usize];
            hash(&arena[s.at.0 as usize..s.at.1 as usize], s.clitic)
        });
        (t, key)
    }

    /// The id of a key, added if new.
    pub fn intern_key(&mut self, key: &str) -> KeyId {
        if let Some(k) = self.key_id(key) {
            return k;
        }
        let at = self.push_str(key);
        let k = self.keys.len() as KeyId;
        self.keys.push(at);
        let (keys, arena) = (&self.keys, &self.arena);
        self.key_index.insert_unique(hash_key(key), k, |&k| {
            let at = keys[k as usize];
            hash_key(&arena[at.0 as usize..at.1 as usize])
        });
        k
    }

    /// The id of a key already seen, if any.
    pub fn key_id(&self, key: &str) -> Option<KeyId> {
        self.key_index.find(hash_key(key), |&k| self.str_at(self.keys[k as usize]) == key).copied()
    }

    /// The text of a key.
    pub fn key(&self, k: KeyId) -> &str {
        self.str_at(self.keys[k as usize])
    }

    /// A spelling as written.
    pub fn spelling(&self, t: TypeId) -> &str {
        self.str_at(self.spellings[t as usize].at)
    }

    /// The key of a spelling.
    pub fn key_of(&self, t: TypeId) -> KeyId {
        self.spellings[t as usize].key
    }

    /// How many spellings: type ids are `0..types()`.
    pub fn types(&self) -> usize {
        self.spellings.len()
    }

    /// How many keys: key ids are `0..keys()`.
    pub fn keys(&self) -> usize {
        self.keys.len()
    }
}

impl std::fmt::Debug for Vocab {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "Vocab({} spellings, {} keys)", self.types(), self.keys())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_share_keys_and_ids_are_stable() {
        let mut v = Vocab::new();
        let (a, ka) = v.intern("Régime", false);
        let (b, kb) = v.intern("régime", false);
        let (c, kc) = v.intern("Régime", false);
        assert_eq!(a, c);
        assert_ne!(a, b);
        assert_eq!((ka, kb, kc), (ka, ka, ka));
        assert_eq!(v.key(ka), "regime");
        assert_eq!(v.spelling(b), "régime");
        let (il, kil) = v.intern("-t-il", true);
        assert_eq!(v.key(kil), "il");
        assert_eq!(v.spelling(il), "-t-il");
        // A hyphen on its own is punctuation, not a clitic: its key is itself.
        let (_, dash) = v.intern("-", false);
        assert_eq!(v.key(dash), "-");
        assert_eq!(v.key_id("regime"), Some(ka));
        assert_eq!(v.key_id("nothing"), None);
        assert_eq!((v.types(), v.keys()), (4, 3));
    }
}
