//! The published JSON Schema (`schema/nytta-v1.schema.json`) is what the code generates: a
//! change to the document types that is not in the committed schema fails here. With
//! `NYTTA_UPDATE_SCHEMA=1` the test rewrites the file instead.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

#[test]
fn the_published_schema_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema/nytta-v1.schema.json");
    let generated = nytta_app::schema::document_schema();
    if std::env::var_os("NYTTA_UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, format!("{generated}\n")).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap();
    assert!(
        committed.trim_end() == generated.trim_end(),
        "schema/nytta-v1.schema.json is stale: run NYTTA_UPDATE_SCHEMA=1 cargo test -p nytta-app --test schema"
    );
}
