//! Reading and writing the document text: JSON in, [`Document`] out, every problem with
//! its path. The version is checked before the fields, so a newer document is refused as
//! newer rather than as full of unknown fields.

mod duplicates;

use serde_json::Value;

use crate::document::{Document, FORMAT_VERSION};
use crate::error::{DocError, DocErrors, ErrorKind};

/// Parses a document's text. Numbers are read exactly; unknown fields and keys written
/// twice in one object are refused.
pub fn read_document(text: &str) -> Result<Document, DocErrors> {
    match read_sound(text) {
        Some(doc) => Ok(doc),
        None => read_checked(text),
    }
}

/// A sound document — of this version, every field known, no key twice — read straight from
/// its text into a [`Document`], without the tree of values the checks read; `None` for any
/// other, which [`read_checked`] reads again to say what is wrong and where.
fn read_sound(text: &str) -> Option<Document> {
    let doc: Document = serde_json::from_str(text).ok()?;
    (doc.nytta == FORMAT_VERSION && duplicates::first_duplicate(text).is_none()).then_some(doc)
}

/// Reads a document step by step: the JSON, keys written twice, the version, then the fields
/// with the path of the first that is wrong.
fn read_checked(text: &str) -> Result<Document, DocErrors> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        DocError::new(
            "",
            ErrorKind::Json {
                detail: e.to_string(),
            },
        )
    })?;
    if let Some(path) = duplicates::first_duplicate(text) {
        return Err(DocError::invalid(
            path,
            "fältet står två gånger i samma objekt; ta bort det ena",
            "the field is written twice in the same object; remove one of them",
        )
        .into());
    }
    check_version(&value)?;
    serde_path_to_error::deserialize::<_, Document>(value).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." { String::new() } else { path };
        DocErrors::from(classify(path, e.inner().to_string()))
    })
}

/// Writes a document as pretty-printed JSON (two-space indent, trailing newline).
pub fn write_document(doc: &Document) -> String {
    // Serialising plain data with string keys cannot fail; fall back to an empty object
    // rather than panicking if it ever did.
    let mut s = serde_json::to_string_pretty(doc).unwrap_or_else(|_| "{}".to_string());
    s.push('\n');
    s
}

fn check_version(value: &Value) -> Result<(), DocError> {
    let Some(obj) = value.as_object() else {
        return Err(DocError::invalid(
            "",
            "dokumentet ska vara ett JSON-objekt { … }",
            "the document must be a JSON object { … }",
        ));
    };
    let Some(v) = obj.get("nytta") else {
        return Err(DocError::new(
            "nytta",
            ErrorKind::MissingField {
                field: "nytta".into(),
            },
        ));
    };
    let found = v.to_string();
    match v.as_u64() {
        Some(n) if n == u64::from(FORMAT_VERSION) => Ok(()),
        Some(n) if n > u64::from(FORMAT_VERSION) => {
            Err(DocError::new("nytta", ErrorKind::NewerVersion { found }))
        }
        _ => Err(DocError::new("nytta", ErrorKind::BadVersion { found })),
    }
}

/// Turns serde's English message into a typed error kind, naming the field in the path.
fn classify(path: String, msg: String) -> DocError {
    let join = |field: &str| {
        if path.is_empty() {
            field.to_string()
        } else {
            format!("{path}.{field}")
        }
    };
    if let Some(field) = between(&msg, "unknown field `", "`") {
        // The path of an unknown field already ends with the field itself.
        let p = if path == field || path.ends_with(&format!(".{field}")) {
            path.clone()
        } else {
            join(field)
        };
        return DocError::new(
            p,
            ErrorKind::UnknownField {
                field: field.into(),
            },
        );
    }
    if let Some(field) = between(&msg, "missing field `", "`") {
        let p = join(field);
        return DocError::new(
            p,
            ErrorKind::MissingField {
                field: field.into(),
            },
        );
    }
    DocError::new(path, ErrorKind::WrongValue { detail: msg })
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let i = s.find(start)? + start.len();
    let j = s[i..].find(end)? + i;
    Some(&s[i..j])
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const SAMPLES: [&str; 4] = [
        include_str!("../../../samples/lakemedelsrobotar.nytta.json"),
        include_str!("../../../samples/digital-signering.nytta.json"),
        include_str!("../../../samples/digitala-examinationer.nytta.json"),
        include_str!("../../../samples/digitala-medicinskap.nytta.json"),
    ];

    /// What the straight reading gives, the step-by-step reading gives too: the same document,
    /// or, when the straight reading declines, whatever the checks say.
    fn read_alike(text: &str) -> Result<(), TestCaseError> {
        if let Some(doc) = read_sound(text) {
            prop_assert_eq!(Ok(doc), read_checked(text));
        }
        Ok(())
    }

    #[test]
    fn the_samples_are_read_straight_into_the_same_documents() {
        for text in SAMPLES {
            let doc = read_sound(text).expect("a sample is sound");
            assert_eq!(doc, read_checked(text).unwrap());
        }
    }

    #[test]
    fn a_document_with_something_wrong_is_left_to_the_checks() {
        let sound = r#"{"nytta": 1, "initiative": {"title": "A"},
          "valuation": {"parameters": {"start_year": 2025, "years": 6, "discount_rate": 0.03}}}"#;
        assert!(read_sound(sound).is_some());
        for wrong in [
            sound.replace(r#""nytta": 1"#, r#""nytta": 2"#),
            sound.replace(r#""title": "A""#, r#""title": "A", "title": "B""#),
            sound.replace(r#""title": "A""#, r#""title": "A", "ti\u0074le": "B""#),
            sound.replace(r#""title": "A""#, r#""title": "A", "colour": "B""#),
            sound.replace(r#""years": 6"#, r#""years": "6""#),
        ] {
            assert!(read_sound(&wrong).is_none(), "{wrong}");
            assert!(read_checked(&wrong).is_err(), "{wrong}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// A sample with one character taken out, or one put in, anywhere.
        #[test]
        fn a_changed_sample_is_read_alike_both_ways(
            sample in 0usize..4,
            at in 0usize..20_000,
            put in prop::option::of(prop::sample::select(
                vec!['"', ',', '1', '-', '.', 'e', '{', '}', '[', ']', ':', ' ', 'x'],
            )),
        ) {
            let text = SAMPLES[sample];
            let mut at = at % text.len();
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let mut changed = text.to_string();
            match put {
                Some(c) => changed.insert(at, c),
                None => {
                    changed.remove(at);
                }
            }
            read_alike(&changed)?;
        }
    }
}
