//! # nytta-server
//!
//! The group's shared portfolio on PostgreSQL (≥ 15): the server schema with its numbered
//! migrations ([`schema`], `migrations/NNN_*.sql`), and connecting the way libpq does
//! ([`connect`]: connection string or URI, password from `PGPASSWORD` or the password file,
//! TLS up to `verify-full`).
//!
//! Access is the database's business: every user signs in as their own role, and
//! row-level security (forced on every table) decides what they may read and change, for
//! Nytta and psql alike. Synchronising a local store with the server is in nytta-app
//! (`sync`).

pub mod connect;
pub mod error;
pub mod schema;

pub use connect::{connect, Target, TlsMode};
pub use error::ServerError;
pub use postgres;
