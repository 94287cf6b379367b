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
