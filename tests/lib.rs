//! # nytta-tests
//!
//! Holds no code: this package exists so that the workspace integration tests under
//! `integration/` build into one test binary (`cargo test -p nytta-tests`). The tests drive
//! `nytta-core` and `nytta-app` with whole documents and compare figures computed
//! independently (by hand, or by `reference/reference.py` for the samples).
