//! A key written twice in one JSON object: `serde_json` keeps the last value silently, so a
//! document with `"title"` twice would lose the first without a word. This walk finds the
//! first such key and its path before anything else reads the document.

use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

/// The path of the first key written twice, if any (`valuation.lines[0].name`).
pub(super) fn first_duplicate(text: &str) -> Option<String> {
    let found = RefCell::new(None);
    let mut de = serde_json::Deserializer::from_str(text);
    // A syntax error is reported by the real parse afterwards; here it only ends the walk.
    let _ = Walk {
        parent: None,
        step: Step::Root,
        found: &found,
    }
    .deserialize(&mut de);
    found.into_inner()
}

/// How a value is reached from its parent.
enum Step<'k> {
    Root,
    Key(&'k str),
    Index(usize),
}

/// A value being walked, with the way to it: the path is written out only for a key found
/// twice, not for every value of a sound document.
struct Walk<'p> {
    parent: Option<&'p Walk<'p>>,
    step: Step<'p>,
    found: &'p RefCell<Option<String>>,
}

impl Walk<'_> {
    fn path(&self) -> String {
        let mut steps = Vec::new();
        let mut at = Some(self);
        while let Some(w) = at {
            steps.push(&w.step);
            at = w.parent;
        }
        let mut path = String::new();
        for step in steps.into_iter().rev() {
            match step {
                Step::Root => {}
                Step::Key(k) if path.is_empty() => path.push_str(k),
                Step::Key(k) => {
                    path.push('.');
                    path.push_str(k);
                }
                Step::Index(i) => path.push_str(&format!("[{i}]")),
            }
        }
        path
    }
}

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

/// A key as written: borrowed from the text unless it holds an escape.
struct Key<'de>(Cow<'de, str>);

impl<'de> de::Deserialize<'de> for Key<'de> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }

            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(s)))
            }

            fn visit_str<E>(self, s: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(s.to_owned())))
            }
        }
        d.deserialize_str(KeyVisitor)
    }
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut i = 0usize;
        while seq
            .next_element_seed(Walk {
                parent: Some(&self),
                step: Step::Index(i),
                found: self.found,
            })?
            .is_some()
        {
            i += 1;
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        // An object has a few keys: a list searched in order is quicker than hashing them.
        let mut seen: Vec<Key<'de>> = Vec::new();
        while let Some(key) = map.next_key::<Key<'de>>()? {
            if seen.iter().any(|k| k.0 == key.0) {
                let here = Walk {
                    parent: Some(&self),
                    step: Step::Key(&key.0),
                    found: self.found,
                };
                *self.found.borrow_mut() = Some(here.path());
                return Err(de::Error::custom("duplicate key"));
            }
            map.next_value_seed(Walk {
                parent: Some(&self),
                step: Step::Key(&key.0),
                found: self.found,
            })?;
            seen.push(key);
        }
        Ok(())
    }
}
