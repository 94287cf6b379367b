//! Where the group server is, as the desktop keeps it (the store's settings key `server`):
//! host, port, database, the user's own role and the TLS mode with its CA file. Checked
//! before it is saved, every problem named by its field. Never a password: libpq's usual
//! places (`PGPASSWORD`, the password file `~/.pgpass` or `PGPASSFILE`) give it when
//! connecting, so it is never written to the store.

use std::path::Path;

use nytta_core::{DocError, DocErrors};
use nytta_store::{ServerSettings, ServerTls};

use crate::ctx::Ctx;
use crate::AppError;

/// The saved server settings, if any.
pub fn get(ctx: &Ctx) -> Result<Option<ServerSettings>, AppError> {
    Ok(ctx.store().server_settings()?)
}

/// Checks the settings (every problem at its field, `server.host`, …) and saves them with
/// the surrounding spaces of each text removed.
pub fn save(ctx: &Ctx, s: &ServerSettings) -> Result<(), AppError> {
    let s = trimmed(s);
    check(&s)?;
    Ok(ctx.store().save_server_settings(&s, &ctx.now())?)
}

fn trimmed(s: &ServerSettings) -> ServerSettings {
    ServerSettings {
        host: s.host.trim().to_string(),
        port: s.port,
        database: s.database.trim().to_string(),
        user: s.user.trim().to_string(),
        tls: s.tls,
        ca_file: s
            .ca_file
            .as_deref()
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .map(str::to_string),
    }
}

/// Every problem of the settings, each at its field.
fn check(s: &ServerSettings) -> Result<(), AppError> {
    let mut problems = Vec::new();
    // Role and database names may hold spaces (they are quoted); a host name may not.
    let mut text = |path: &str, value: &str, sv: &str, en: &str| {
        if value.is_empty() {
            problems.push(DocError::invalid(
                path,
                format!("{sv} saknas"),
                format!("The {en} is missing"),
            ));
        } else if path == "server.host" && value.chars().any(char::is_whitespace) {
            problems.push(DocError::invalid(
                path,
                format!("{sv} får inte innehålla mellanslag"),
                format!("The {en} must not contain spaces"),
            ));
        }
    };
    text(
        "server.host",
        &s.host,
        "Serverns adress",
        "server's address",
    );
    text(
        "server.database",
        &s.database,
        "Databasens namn",
        "database name",
    );
    text("server.user", &s.user, "Användarnamnet", "user name");
    if !(1..=65_535).contains(&s.port) {
        problems.push(DocError::invalid(
            "server.port",
            format!("Porten {} ska vara mellan 1 och 65535", s.port),
            format!("The port {} must be between 1 and 65535", s.port),
        ));
    }
    match (&s.ca_file, s.tls) {
        (None, ServerTls::VerifyFull) => problems.push(DocError::invalid(
            "server.ca_file",
            "Läget verify-full kräver en CA-fil att kontrollera serverns certifikat mot",
            "The verify-full mode needs a CA file to check the server's certificate against",
        )),
        (Some(f), _) if !Path::new(f).is_file() => problems.push(DocError::invalid(
            "server.ca_file",
            format!("CA-filen {f} finns inte"),
            format!("The CA file {f} does not exist"),
        )),
        _ => {}
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(DocErrors(problems).into())
    }
}

/// A libpq value in single quotes, with `\` and `'` escaped.
fn quote(v: &str) -> String {
    format!("'{}'", v.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// The settings as a libpq connection string (no password: the connection takes it from
/// `PGPASSWORD` or the password file).
pub fn connection_string(s: &ServerSettings) -> String {
    let mode = match s.tls {
        ServerTls::Require => "require",
        ServerTls::VerifyFull => "verify-full",
    };
    let mut out = format!(
        "host={} port={} dbname={} user={} sslmode={mode}",
        quote(&s.host),
        s.port,
        quote(&s.database),
        quote(&s.user)
    );
    if let Some(ca) = &s.ca_file {
        out.push_str(&format!(" sslrootcert={}", quote(ca)));
    }
    out
}

/// The server as `user@host:port/database`, for the window.
pub fn describe(s: &ServerSettings) -> String {
    format!("{}@{}:{}/{}", s.user, s.host, s.port, s.database)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use nytta_server::connect::{parse, Env, TlsMode};

    fn settings() -> ServerSettings {
        ServerSettings {
            host: "nytta.kommun.se".into(),
            port: 5433,
            database: "koncernens portfölj".into(),
            user: "it's \\ handläggare".into(),
            tls: ServerTls::VerifyFull,
            ca_file: Some("/etc/ssl/kommun ca.pem".into()),
        }
    }

    #[test]
    fn the_connection_string_reads_back_as_the_settings_it_was_made_from() {
        let t = parse(&connection_string(&settings()), &Env::default()).unwrap();
        assert_eq!(
            t.describe(),
            "it's \\ handläggare@nytta.kommun.se:5433/koncernens portfölj"
        );
        assert_eq!(t.tls, TlsMode::VerifyFull);
        assert_eq!(
            t.root_cert.as_deref(),
            Some(Path::new("/etc/ssl/kommun ca.pem"))
        );
        assert_eq!(t.config.get_password(), None);
    }

    #[test]
    fn require_without_a_ca_file_names_no_root_certificate() {
        let s = ServerSettings {
            tls: ServerTls::Require,
            ca_file: None,
            ..settings()
        };
        assert!(!connection_string(&s).contains("sslrootcert"));
        let t = parse(&connection_string(&s), &Env::default()).unwrap();
        assert_eq!((t.tls, t.root_cert), (TlsMode::Require, None));
    }

    #[test]
    fn every_problem_is_named_by_its_field() {
        let bad = ServerSettings {
            host: "".into(),
            port: 70_000,
            database: " ".into(),
            user: "".into(),
            tls: ServerTls::VerifyFull,
            ca_file: Some("  ".into()),
        };
        let AppError::InvalidDocument(problems) = check(&trimmed(&bad)).unwrap_err() else {
            panic!("not a list of problems");
        };
        let paths: Vec<_> = problems.iter().map(|p| p.path.clone().unwrap()).collect();
        assert_eq!(
            paths,
            [
                "server.host",
                "server.database",
                "server.user",
                "server.port",
                "server.ca_file"
            ]
        );
        assert_eq!(
            problems[0].message_sv,
            "server.host: Serverns adress saknas"
        );
        assert_eq!(
            problems[1].message_en,
            "server.database: The database name is missing"
        );
        assert_eq!(
            problems[3].message_sv,
            "server.port: Porten 70000 ska vara mellan 1 och 65535"
        );

        let spaced = ServerSettings {
            host: "nytta kommun.se".into(),
            ca_file: Some("/finns/inte/ca.pem".into()),
            ..settings()
        };
        let AppError::InvalidDocument(problems) = check(&spaced).unwrap_err() else {
            panic!("not a list of problems");
        };
        let texts: Vec<_> = problems.iter().map(|p| p.message_en.as_str()).collect();
        assert_eq!(
            texts,
            [
                "server.host: The server's address must not contain spaces",
                "server.ca_file: The CA file /finns/inte/ca.pem does not exist"
            ]
        );
    }
}
