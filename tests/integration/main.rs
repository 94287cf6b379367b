//! Workspace integration tests, built into one binary (`cargo test -p nytta-tests`).
//!
//! Each test hands the engine a whole document, as a user or the CLI would, and compares
//! what a user would see (the JSON of docs/format.md) with values computed independently:
//! by hand, with the arithmetic in a comment beside each expected value, or for the samples
//! by `tests/reference/reference.py`.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod bad_documents;
mod check;
mod conventions;
mod labels;
mod modules;
mod overflow;
mod properties;
mod samples;
mod scores;
