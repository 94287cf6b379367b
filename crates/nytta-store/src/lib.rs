//! # nytta-store
//!
//! Nytta's local SQLite store. It owns the database file and everything about keeping it
//! safe: the schema and its numbered migrations (`migrations/NNN_*.sql`, applied in order,
//! each in its own transaction, recorded in `PRAGMA user_version`), WAL with
//! `synchronous=FULL`, one transaction per user action (`BEGIN IMMEDIATE` with a busy
//! timeout, so two programs can use one store safely), rotating verified backups, and
//! moving a damaged file aside instead of ever deleting or overwriting it.
//!
//! It must not compute figures itself (nytta-core does, through [`valuation`]), read the
//! clock (callers pass `now` as an ISO 8601 UTC timestamp, see [`clock`]) or talk to the
//! user beyond returning a [`StoreError`] whose message exists in Swedish and English.
//!
//! One module per table, each with its row type and queries: [`initiatives`],
//! [`versions`], [`settings`]. [`store::Store`] opens the file; the user's actions are
//! methods on it (in [`ops`]); [`backup`] makes and lists backups; [`sync`] is the store's
//! side of synchronising with the group server (UUIDs, the outbox, applying pulled state).

pub mod backup;
pub mod clock;
pub mod error;
pub mod import_many;
pub mod initiatives;
pub mod migrate;
pub mod ops;
pub mod portfolio;
pub mod samples;
pub mod settings;
pub mod store;
pub mod sync;
pub mod valuation;
pub mod versions;
pub mod write;

pub use backup::BackupInfo;
pub use error::StoreError;
pub use initiatives::InitiativeSummary;
pub use ops::{Decision, StoredInitiative};
pub use portfolio::{LinkKind, NeedLink, PortfolioFigures, PortfolioRow, PortfolioSettings};
pub use settings::{ServerSettings, ServerTls, Settings};
pub use store::{CheckReport, Store};
pub use valuation::Summary;
pub use versions::VersionInfo;
pub use write::SavedInfo;
