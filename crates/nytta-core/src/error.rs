//! Errors in a document, each tied to the path of the field it concerns.
//!
//! Messages exist in Swedish and English; the code is stable and is what callers branch on
//! (never the message text).

use std::fmt;

use crate::format::Lang;
use crate::formula::FormulaError;

/// A problem in a document, with the path of the field (e.g. `valuation.lines[2].amount`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocError {
    /// Document path, dot- and index-separated; empty for the whole document.
    pub path: String,
    /// What is wrong.
    pub kind: ErrorKind,
}

/// What is wrong with a field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The text is not JSON.
    Json {
        /// The parser's message (English, with line and column).
        detail: String,
    },
    /// A field the format does not have (often a typo).
    UnknownField {
        /// The field as written.
        field: String,
    },
    /// A required field is missing.
    MissingField {
        /// The missing field.
        field: String,
    },
    /// A value of the wrong type or shape.
    WrongValue {
        /// The parser's description (English).
        detail: String,
    },
    /// The document was written by a newer version of Nytta.
    NewerVersion {
        /// The version found.
        found: String,
    },
    /// The version field is not a version this build knows.
    BadVersion {
        /// The version found.
        found: String,
    },
    /// A formula that does not parse or cannot be computed.
    Formula(FormulaError),
    /// Inputs that refer to themselves through each other.
    Cycle {
        /// The ids around the cycle, first repeated at the end.
        chain: Vec<String>,
    },
    /// Two items share an id.
    DuplicateId {
        /// The id.
        id: String,
    },
    /// An id that must be a plain name.
    BadId {
        /// The id.
        id: String,
    },
    /// A reference to an id that does not exist.
    UnknownRef {
        /// What kind of thing (`role`, `line`, `input`, `effect_goal`).
        what: &'static str,
        /// The id.
        id: String,
    },
    /// A value outside what is allowed.
    Invalid {
        /// Swedish: what was expected.
        sv: String,
        /// English: what was expected.
        en: String,
    },
}

impl DocError {
    /// A new error at `path`.
    pub fn new(path: impl Into<String>, kind: ErrorKind) -> Self {
        DocError {
            path: path.into(),
            kind,
        }
    }

    /// An "expected …" error with a Swedish and an English text.
    pub fn invalid(path: impl Into<String>, sv: impl Into<String>, en: impl Into<String>) -> Self {
        DocError::new(
            path,
            ErrorKind::Invalid {
                sv: sv.into(),
                en: en.into(),
            },
        )
    }

    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match &self.kind {
            ErrorKind::Json { .. } => "json_syntax",
            ErrorKind::UnknownField { .. } => "unknown_field",
            ErrorKind::MissingField { .. } => "missing_field",
            ErrorKind::WrongValue { .. } => "wrong_value",
            ErrorKind::NewerVersion { .. } => "newer_version",
            ErrorKind::BadVersion { .. } => "bad_version",
            ErrorKind::Formula(e) => e.kind.code(),
            ErrorKind::Cycle { .. } => "cycle",
            ErrorKind::DuplicateId { .. } => "duplicate_id",
            ErrorKind::BadId { .. } => "bad_id",
            ErrorKind::UnknownRef { .. } => "unknown_reference",
            ErrorKind::Invalid { .. } => "invalid_value",
        }
    }

    /// The message without the path.
    pub fn detail(&self, lang: Lang) -> String {
        let sv = lang == Lang::Sv;
        match &self.kind {
            ErrorKind::Json { detail } => {
                if sv {
                    format!("texten är inte giltig JSON ({detail})")
                } else {
                    format!("the text is not valid JSON ({detail})")
                }
            }
            ErrorKind::UnknownField { field } => {
                if sv {
                    format!("okänt fält \"{field}\" (stavfel?)")
                } else {
                    format!("unknown field \"{field}\" (a typo?)")
                }
            }
            ErrorKind::MissingField { field } => {
                if sv {
                    format!("fältet \"{field}\" saknas men krävs")
                } else {
                    format!("the required field \"{field}\" is missing")
                }
            }
            ErrorKind::WrongValue { detail } => {
                if sv {
                    format!("fel sorts värde: {}", wrong_value_sv(detail))
                } else if detail == "invalid number" {
                    "wrong kind of value: expected a whole number within range".into()
                } else {
                    format!("wrong kind of value: {detail}")
                }
            }
            ErrorKind::NewerVersion { found } => {
                if sv {
                    format!("dokumentet har formatversion {found} från en nyare version av Nytta; den här versionen läser version 1 – uppdatera Nytta")
                } else {
                    format!("the document has format version {found}, written by a newer Nytta; this version reads version 1 – please update Nytta")
                }
            }
            ErrorKind::BadVersion { found } => {
                if sv {
                    format!("okänd formatversion {found}; förväntade \"nytta\": 1")
                } else {
                    format!("unknown format version {found}; expected \"nytta\": 1")
                }
            }
            ErrorKind::Formula(e) => e.message(lang),
            ErrorKind::Cycle { chain } => {
                let c = chain.join(" → ");
                if sv {
                    format!("faktorerna refererar till sig själva i en cirkel: {c}")
                } else {
                    format!("the inputs refer to themselves in a cycle: {c}")
                }
            }
            ErrorKind::DuplicateId { id } => {
                if sv {
                    format!("id \"{id}\" används mer än en gång")
                } else {
                    format!("the id \"{id}\" is used more than once")
                }
            }
            ErrorKind::BadId { id } => {
                if sv {
                    format!("id \"{id}\" ska börja med en bokstav och bara innehålla a–z, A–Z, 0–9 och _")
                } else {
                    format!("the id \"{id}\" must start with a letter and contain only a–z, A–Z, 0–9 and _")
                }
            }
            ErrorKind::UnknownRef { what, id } => {
                // Swedish "ingen"/"inget" follows the noun's gender (ett effektmål).
                let (no, sv_what, en_what) = match *what {
                    "role" => ("ingen", "roll", "role"),
                    "line" => ("ingen", "rad", "line"),
                    "input" => ("ingen", "faktor", "input"),
                    "effect_goal" => ("inget", "effektmål", "effect goal"),
                    other => ("ingen", other, other),
                };
                if sv {
                    format!("det finns {no} {sv_what} med id \"{id}\"")
                } else {
                    format!("there is no {en_what} with id \"{id}\"")
                }
            }
            ErrorKind::Invalid { sv: s, en } => {
                if sv {
                    s.clone()
                } else {
                    en.clone()
                }
            }
        }
    }

    /// The full message: path, then what is wrong.
    pub fn message(&self, lang: Lang) -> String {
        if self.path.is_empty() {
            self.detail(lang)
        } else {
            format!("{}: {}", self.path, self.detail(lang))
        }
    }
}

/// serde's English message about a wrong value, in Swedish. serde's messages have a few
/// fixed shapes (`invalid type: U, expected E`, `unknown variant `v`, expected …`); the
/// parts that come from the document are kept as they are, the rest is translated, and
/// a message of any other shape is kept in English rather than guessed at.
fn wrong_value_sv(detail: &str) -> String {
    // The document's own text sits in the "unexpected" part, so split at the last
    // ", expected ", which only serde writes.
    let split = |rest: &str| -> Option<(String, String)> {
        let (found, expected) = rest.rsplit_once(", expected ")?;
        Some((unexpected_sv(found), expected_sv(expected)))
    };
    if detail == "invalid number" {
        // serde_json's message for a number that does not fit a whole-number field.
        return "förväntade ett heltal inom tillåtet intervall".into();
    }
    if let Some(rest) = detail.strip_prefix("unknown variant ") {
        if let Some((v, allowed)) = rest.split_once(", expected one of ") {
            return format!("okänt värde {v}; tillåtna värden är {allowed}");
        }
        if let Some((v, allowed)) = rest.split_once(", expected ") {
            return format!(
                "okänt värde {v}; tillåtet är {}",
                allowed.replace(" or ", " eller ")
            );
        }
    }
    let shapes = [
        ("invalid type: ", "fel typ"),
        ("invalid value: ", "ogiltigt värde"),
    ];
    for (prefix, sv) in shapes {
        if let Some((found, expected)) = detail.strip_prefix(prefix).and_then(split) {
            return format!("{sv}: {found}, förväntade {expected}");
        }
    }
    if let Some(rest) = detail.strip_prefix("invalid length ") {
        if let Some((n, expected)) = rest.split_once(", expected ") {
            return format!("fel längd {n}, förväntade {}", expected_sv(expected));
        }
    }
    if let Some(x) = detail
        .strip_prefix("the number ")
        .and_then(|r| r.strip_suffix(" cannot be represented exactly"))
    {
        return format!("talet {x} kan inte återges exakt (högst 28 decimaler och 29 siffror)");
    }
    detail.to_string()
}

/// What serde found, in Swedish (`string "x"` → `texten "x"`).
fn unexpected_sv(found: &str) -> String {
    let kinds = [
        ("string ", "texten "),
        ("integer ", "heltalet "),
        ("floating point ", "decimaltalet "),
        ("boolean ", "sanningsvärdet "),
        ("the number ", "talet "),
    ];
    for (en, sv) in kinds {
        if let Some(rest) = found.strip_prefix(en) {
            return format!("{sv}{rest}");
        }
    }
    match found {
        "map" => "ett objekt { … }".into(),
        "sequence" => "en lista [ … ]".into(),
        "null" | "unit value" => "null".into(),
        "number" => "ett tal".into(),
        "unit variant" => "ett namn utan värde".into(),
        other => other.into(),
    }
}

/// What serde expected, in Swedish.
fn expected_sv(expected: &str) -> String {
    match expected {
        "u8" | "u16" | "u32" | "u64" | "i32" | "i64" | "usize" => "ett heltal".into(),
        "a string" => "en text".into(),
        "a boolean" => "true eller false".into(),
        "a sequence" => "en lista [ … ]".into(),
        "a map" => "ett objekt { … }".into(),
        "newtype variant" => "ett namn med ett värde, t.ex. { \"once\": 0 }".into(),
        "a number (as a JSON number or a string such as \"1234.5\")" => {
            "ett tal (som JSON-tal eller som text, t.ex. \"1234.5\")".into()
        }
        "a formula (a string such as \"users * 0.5\") or a number" => {
            "en formel (en text, t.ex. \"users * 0.5\") eller ett tal".into()
        }
        crate::num::seed::EXPECTED => {
            "ett heltal från 0 till 18446744073709551615 (eller dess siffror som text)".into()
        }
        e if e.starts_with("struct ") => "ett objekt { … }".into(),
        other => other.into(),
    }
}

impl fmt::Display for DocError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for DocError {}

/// Every problem found in a document (validation reports them all, not just the first).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocErrors(pub Vec<DocError>);

impl DocErrors {
    /// The problems, in document order.
    pub fn iter(&self) -> std::slice::Iter<'_, DocError> {
        self.0.iter()
    }
}

impl From<DocError> for DocErrors {
    fn from(e: DocError) -> Self {
        DocErrors(vec![e])
    }
}

impl fmt::Display for DocErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for DocErrors {}

#[cfg(test)]
mod tests {
    use super::*;

    fn unknown(what: &'static str, lang: Lang) -> String {
        let id = "x".to_string();
        DocError::new("p", ErrorKind::UnknownRef { what, id }).message(lang)
    }

    #[test]
    fn an_unknown_reference_is_named_with_the_nouns_own_gender_in_swedish() {
        assert!(unknown("effect_goal", Lang::Sv).contains("det finns inget effektmål med id \"x\""));
        assert!(unknown("role", Lang::Sv).contains("det finns ingen roll med id \"x\""));
        assert!(unknown("line", Lang::Sv).contains("det finns ingen rad med id \"x\""));
        assert!(unknown("input", Lang::Sv).contains("det finns ingen faktor med id \"x\""));
        assert!(unknown("effect_goal", Lang::En).contains("there is no effect goal with id \"x\""));
    }
}
