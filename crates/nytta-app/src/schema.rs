//! The published JSON Schema of the valuation document, generated from the Rust types.

use nytta_core::Document;

/// The JSON Schema of document version 1, pretty-printed with a trailing newline.
pub fn document_schema() -> String {
    let mut schema = schemars::schema_for!(Document);
    schema.insert(
        "title".into(),
        serde_json::Value::String("Nytta valuation document, version 1".into()),
    );
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_else(|_| "{}".into());
    s.push('\n');
    s
}
