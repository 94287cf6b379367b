//! The `settings` table: one JSON value per key. Roles and hourly costs, default
//! parameters for new valuations, score thresholds, weights and rubric texts, departments,
//! the interface language and where the group server is.

use nytta_core::settings::ScoreSettings;
use rusqlite::{params, Connection, OptionalExtension};
use rust_decimal::Decimal;
use serde::{de::DeserializeOwned, Deserialize, Serialize};

use crate::error::{Result, StoreError};

/// A staff group offered when a new valuation is created.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RoleSetting {
    /// Id used in formulas as `role.ID`.
    pub id: String,
    /// Name.
    pub name: String,
    /// Hourly cost including payroll overhead (kr/h).
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub hourly_cost: Decimal,
}

/// Parameters a new valuation starts with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DefaultParameters {
    /// Analysis period in years.
    pub years: u32,
    /// Discount rate, e.g. 0.03.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub discount_rate: Decimal,
    /// Hours per full-time equivalent.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub hours_per_fte: Decimal,
    /// Optimism bias on costs, e.g. 0.1.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub optimism_bias: Decimal,
}

/// The guiding text of one score level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RubricLevel {
    /// Level 1, 3 or 5.
    pub level: u8,
    /// Swedish text.
    pub sv: String,
    /// English text.
    pub en: String,
}

/// Rubric texts for the criteria the user scores.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Rubric {
    /// Feasibility (*genomförbarhet*).
    pub feasibility: Vec<RubricLevel>,
    /// Financing (*finansiering*).
    pub financing: Vec<RubricLevel>,
}

/// Every setting, with the defaults of docs/domain.md and docs/scores.md.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Settings {
    /// Roles offered in new valuations.
    pub roles: Vec<RoleSetting>,
    /// Parameters of new valuations.
    pub parameters: DefaultParameters,
    /// Score thresholds and weights used for valuations that do not carry their own.
    pub scores: ScoreSettings,
    /// Rubric texts.
    pub rubric: Rubric,
    /// Departments and municipal companies to choose from.
    pub departments: Vec<String>,
    /// Interface language, `sv` or `en`.
    pub language: String,
}

fn level(level: u8, sv: &str, en: &str) -> RubricLevel {
    RubricLevel {
        level,
        sv: sv.into(),
        en: en.into(),
    }
}

impl Default for Settings {
    fn default() -> Self {
        let role = |id: &str, name: &str, cost: i64| RoleSetting {
            id: id.into(),
            name: name.into(),
            hourly_cost: Decimal::from(cost),
        };
        Settings {
            roles: vec![
                role("usk", "Undersköterska hemtjänst", 359),
                role("ssk", "Grundutbildad sjuksköterska", 453),
                role("fritid", "Invånarens fritid", 101),
            ],
            parameters: DefaultParameters {
                years: 6,
                discount_rate: Decimal::new(3, 2),
                hours_per_fte: Decimal::from(1700),
                optimism_bias: Decimal::ZERO,
            },
            scores: ScoreSettings::default(),
            rubric: Rubric {
                feasibility: vec![
                    level(5, "Beprövad lösning, låg risk", "Proven solution, low risk"),
                    level(3, "Delvis beprövad, viss risk", "Partly proven, some risk"),
                    level(
                        1,
                        "Oprövad lösning, hög risk",
                        "Untested solution, high risk",
                    ),
                ],
                financing: vec![
                    level(5, "Ryms i befintlig budget", "Within the existing budget"),
                    level(
                        3,
                        "Delvis finansierad eller sökt",
                        "Partly financed or applied for",
                    ),
                    level(1, "Ofinansierad", "Unfunded"),
                ],
            },
            departments: vec![
                "Arbete och välfärd".into(),
                "Omsorgsförvaltningen".into(),
                "Kommunledningsförvaltningen".into(),
            ],
            language: "sv".into(),
        }
    }
}

/// How much TLS the connection to the group server must have (libpq's `sslmode`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum ServerTls {
    /// Encrypted; the server is verified only when a CA file is given.
    Require,
    /// Encrypted, and the server's certificate must be signed by the CA file and name the
    /// host.
    VerifyFull,
}

/// Where the group server is (settings key `server`). Never a password: that comes from
/// `PGPASSWORD` or the password file when connecting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ServerSettings {
    /// Host name or address.
    pub host: String,
    /// TCP port (5432 is PostgreSQL's).
    pub port: u32,
    /// Database name.
    pub database: String,
    /// The user's own PostgreSQL role.
    pub user: String,
    /// TLS mode.
    pub tls: ServerTls,
    /// The CA file the server's certificate is checked against (needed for `verify-full`).
    pub ca_file: Option<String>,
}

/// The key the server settings are kept under.
const SERVER_KEY: &str = "server";

/// The group server's settings, if any were saved.
pub fn load_server(conn: &Connection) -> Result<Option<ServerSettings>> {
    get(conn, SERVER_KEY, None)
}

/// Writes the group server's settings (inside the caller's transaction).
pub fn save_server(conn: &Connection, s: &ServerSettings, now: &str) -> Result<()> {
    let text = serde_json::to_string(s).map_err(|e| StoreError::Sqlite(e.to_string()))?;
    conn.execute(
        "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        params![SERVER_KEY, text, now],
    )?;
    Ok(())
}

const KEYS: [&str; 6] = [
    "roles",
    "parameters",
    "scores",
    "rubric",
    "departments",
    "language",
];

fn get<T: DeserializeOwned>(conn: &Connection, key: &str, default: T) -> Result<T> {
    let text: Option<String> = conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?;
    match text {
        None => Ok(default),
        Some(t) => {
            serde_json::from_str(&t).map_err(|e| StoreError::Sqlite(format!("settings.{key}: {e}")))
        }
    }
}

/// Reads every setting; a key never saved has its default.
pub fn load(conn: &Connection) -> Result<Settings> {
    let d = Settings::default();
    Ok(Settings {
        roles: get(conn, "roles", d.roles)?,
        parameters: get(conn, "parameters", d.parameters)?,
        scores: get(conn, "scores", d.scores)?,
        rubric: get(conn, "rubric", d.rubric)?,
        departments: get(conn, "departments", d.departments)?,
        language: get(conn, "language", d.language)?,
    })
}

/// Writes every setting (inside the caller's transaction).
pub fn save(conn: &Connection, s: &Settings, now: &str) -> Result<()> {
    let value = serde_json::to_value(s).map_err(|e| StoreError::Sqlite(e.to_string()))?;
    for key in KEYS {
        let text = value
            .get(key)
            .map(|v| v.to_string())
            .unwrap_or_else(|| "null".into());
        conn.execute(
            "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            params![key, text, now],
        )?;
    }
    Ok(())
}
