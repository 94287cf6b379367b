//! "Om Nytta" (About): which Nytta this is, which store it has open at which schema version,
//! and the licences it is shipped under — its own and every third-party component's.
//!
//! The third-party list (`third_party.json`) is generated: the Rust crates linked into the
//! shipped binaries (`cargo tree` of nytta-desktop and nytta-cli, normal dependencies, every
//! target platform) and the npm packages the UI bundle is built from (the non-development
//! entries of `ui/package-lock.json`, whose `license` is each package's own field).
//! `tests/third_party.rs` regenerates it and fails when the committed file differs.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::ctx::Ctx;

/// Nytta's version (the workspace's).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Nytta's own licence, as an SPDX expression (the workspace's).
pub const LICENCE: &str = env!("CARGO_PKG_LICENSE");

/// The generated list of third-party components.
const THIRD_PARTY: &str = include_str!("third_party.json");

/// Where a third-party component comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum ThirdPartySource {
    /// A Rust crate from crates.io.
    Crate,
    /// An npm package in the UI bundle.
    Npm,
}

/// One third-party component and the licence it is used under.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ThirdParty {
    /// Where it comes from.
    pub source: ThirdPartySource,
    /// The crate's or package's name.
    pub name: String,
    /// Its exact version.
    pub version: String,
    /// Its licence, an SPDX expression as its authors declare it.
    pub licence: String,
}

/// What "Om Nytta" shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct About {
    /// Nytta's version.
    pub version: String,
    /// Nytta's licence (SPDX).
    pub licence: String,
    /// The database file in use.
    pub db_path: String,
    /// The schema version of the open store; `null` when the store did not open.
    pub schema_version: Option<i64>,
    /// Every third-party component, crates first, each list by name.
    pub third_party: Vec<ThirdParty>,
}

/// The third-party components, in the committed order.
pub fn third_party() -> Vec<ThirdParty> {
    // The file is generated and parsed by this crate's tests, so it always reads.
    serde_json::from_str(THIRD_PARTY).unwrap_or_default()
}

/// "Om Nytta" for the store at `db_path`, open (`Some`) or not.
pub fn about(ctx: Option<&Ctx>, db_path: &Path) -> About {
    About {
        version: VERSION.to_string(),
        licence: LICENCE.to_string(),
        db_path: db_path.display().to_string(),
        schema_version: ctx.and_then(|c| c.store().schema_version().ok()),
        third_party: third_party(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_store_schema_is_the_number_of_migrations_and_absent_without_a_store() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let db = dir.path().join("nytta.db");
        let ctx = Ctx::open(&db).unwrap_or_else(|e| panic!("{e}"));
        let migrations = std::fs::read_dir(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../nytta-store/migrations"),
        )
        .unwrap_or_else(|e| panic!("{e}"))
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.file_name().to_string_lossy().ends_with(".sql"))
        })
        .count();
        let a = about(Some(&ctx), &db);
        assert_eq!(a.schema_version, i64::try_from(migrations).ok());
        assert_eq!(a.db_path, db.display().to_string());
        let workspace =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../Cargo.toml"))
                .unwrap_or_default();
        let package = workspace
            .split("[workspace.package]")
            .nth(1)
            .unwrap_or_default();
        assert!(
            package.contains(&format!("\nversion = \"{}\"\n", a.version)),
            "the workspace's version: {}",
            a.version
        );
        assert_eq!(a.licence, "EUPL-1.2");
        assert_eq!(about(None, &db).schema_version, None);
    }

    #[test]
    fn the_third_party_list_reads_and_holds_the_app_framework_and_the_ui_framework() {
        let list = third_party();
        let has = |source, name: &str| {
            list.iter()
                .any(|t| t.source == source && t.name == name && !t.licence.is_empty())
        };
        assert!(
            has(ThirdPartySource::Crate, "tauri"),
            "tauri is a crate in the list"
        );
        assert!(
            has(ThirdPartySource::Crate, "rusqlite"),
            "rusqlite is a crate in the list"
        );
        assert!(
            has(ThirdPartySource::Npm, "svelte"),
            "svelte is an npm package in the list"
        );
        assert!(
            !list.iter().any(|t| t.name.starts_with("nytta")),
            "Nytta's own crates are not third-party"
        );
    }
}
