//! Connecting to the group server the way libpq does, so that IT's usual settings work:
//! a connection string (`host=… dbname=… user=…`) or a `postgresql://` URI; the password
//! from the string itself, `PGPASSWORD` or the password file (`PGPASSFILE`, else
//! `~/.pgpass`); the `PG*` variables for anything the string leaves out; TLS by `sslmode`
//! (`disable`, `prefer`, `require`, `verify-ca`, `verify-full`) with `sslrootcert` as the CA
//! file. Nytta never writes the password anywhere: it is read when connecting and handed
//! to the server only.

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use postgres::config::{Host, SslMode};
use postgres::{Client, Config};

use crate::error::{Result, ServerError};

/// How long connecting may take before the server counts as unreachable.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// How much TLS a connection must have (libpq's `sslmode`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TlsMode {
    /// No TLS.
    Disable,
    /// TLS when the server offers it; the server is not verified.
    Prefer,
    /// TLS required; the server is not verified (unless a CA file is given, as libpq does).
    Require,
    /// TLS required and the server's certificate must be signed by the CA.
    VerifyCa,
    /// As `VerifyCa`, and the certificate must name the host connected to.
    VerifyFull,
}

impl TlsMode {
    fn parse(s: &str) -> Result<TlsMode> {
        Ok(match s {
            "disable" => TlsMode::Disable,
            "allow" | "prefer" => TlsMode::Prefer,
            "require" => TlsMode::Require,
            "verify-ca" => TlsMode::VerifyCa,
            "verify-full" => TlsMode::VerifyFull,
            other => {
                return Err(ServerError::Url(format!(
                    "sslmode={other}: use disable, prefer, require, verify-ca or verify-full"
                )))
            }
        })
    }
}

/// Where the password comes from, and the values of the environment that count.
#[derive(Clone, Debug, Default)]
pub struct Env {
    /// `PGHOST`, `PGPORT`, `PGDATABASE`, `PGUSER`.
    pub host: Option<String>,
    /// `PGPORT`.
    pub port: Option<String>,
    /// `PGDATABASE`.
    pub dbname: Option<String>,
    /// `PGUSER`.
    pub user: Option<String>,
    /// `PGPASSWORD`.
    pub password: Option<String>,
    /// `PGPASSFILE`, else `~/.pgpass`.
    pub passfile: Option<PathBuf>,
    /// `PGSSLMODE`.
    pub sslmode: Option<String>,
    /// `PGSSLROOTCERT`.
    pub sslrootcert: Option<String>,
    /// The operating system's user name (libpq's default user).
    pub os_user: Option<String>,
}

impl Env {
    /// The process environment.
    pub fn from_process() -> Env {
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        Env {
            host: var("PGHOST"),
            port: var("PGPORT"),
            dbname: var("PGDATABASE"),
            user: var("PGUSER"),
            password: var("PGPASSWORD"),
            passfile: var("PGPASSFILE")
                .map(PathBuf::from)
                .or_else(|| dirs::home_dir().map(|h| h.join(".pgpass"))),
            sslmode: var("PGSSLMODE"),
            sslrootcert: var("PGSSLROOTCERT"),
            os_user: var("USER").or_else(|| var("USERNAME")),
        }
    }
}

/// A parsed connection: everything the client needs, TLS settings apart.
#[derive(Clone, Debug)]
pub struct Target {
    /// The client's configuration (host, port, database, user, password).
    pub config: Config,
    /// TLS mode.
    pub tls: TlsMode,
    /// CA file for `verify-ca` / `verify-full` (and `require` when given).
    pub root_cert: Option<PathBuf>,
}

impl Target {
    /// A description without the password, for messages: `user@host:port/dbname`.
    pub fn describe(&self) -> String {
        let host = match self.config.get_hosts().first() {
            Some(Host::Tcp(h)) => h.clone(),
            Some(Host::Unix(p)) => p.display().to_string(),
            None => "localhost".into(),
        };
        let port = self.config.get_ports().first().copied().unwrap_or(5432);
        format!(
            "{}@{host}:{port}/{}",
            self.config.get_user().unwrap_or(""),
            self.config.get_dbname().unwrap_or("")
        )
    }
}

/// Splits a key/value connection string into its pairs (libpq's quoting: single quotes,
/// backslash escapes).
fn key_values(s: &str) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        if chars.peek().is_none() {
            return Ok(out);
        }
        let mut key = String::new();
        while let Some(&c) = chars.peek() {
            if c == '=' || c.is_whitespace() {
                break;
            }
            key.push(c);
            chars.next();
        }
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        if chars.next() != Some('=') {
            return Err(ServerError::Url(format!(
                "\"{key}\" has no value (key=value)"
            )));
        }
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        let mut value = String::new();
        if chars.peek() == Some(&'\'') {
            chars.next();
            loop {
                match chars.next() {
                    Some('\\') => value.extend(chars.next()),
                    Some('\'') => break,
                    Some(c) => value.push(c),
                    None => return Err(ServerError::Url(format!("{key}: unterminated quote"))),
                }
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() {
                    break;
                }
                if c == '\\' {
                    chars.next();
                    value.extend(chars.next());
                } else {
                    value.push(c);
                    chars.next();
                }
            }
        }
        out.push((key, value));
    }
}

fn quote(v: &str) -> String {
    format!("'{}'", v.replace('\\', "\\\\").replace('\'', "\\'"))
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&a), Some(&b)) if hex(a).is_some() && hex(b).is_some() => {
                out.push(((hex(a).unwrap_or(0) << 4) | hex(b).unwrap_or(0)) as u8);
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Takes `sslmode` and `sslrootcert` out of the string (the client does not know every
/// mode libpq has) and returns the rest, with the two values.
fn split_tls(url: &str) -> Result<(String, Option<String>, Option<String>)> {
    let (mut mode, mut root) = (None, None);
    let url = url.trim();
    if url.starts_with("postgresql://") || url.starts_with("postgres://") {
        let Some((base, query)) = url.split_once('?') else {
            return Ok((url.to_string(), None, None));
        };
        let mut rest = Vec::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            match k {
                "sslmode" => mode = Some(percent_decode(v)),
                "sslrootcert" => root = Some(percent_decode(v)),
                _ => rest.push(pair),
            }
        }
        let rebuilt = if rest.is_empty() {
            base.to_string()
        } else {
            format!("{base}?{}", rest.join("&"))
        };
        return Ok((rebuilt, mode, root));
    }
    let mut rest = Vec::new();
    for (k, v) in key_values(url)? {
        match k.as_str() {
            "sslmode" => mode = Some(v),
            "sslrootcert" => root = Some(v),
            _ => rest.push(format!("{k}={}", quote(&v))),
        }
    }
    Ok((rest.join(" "), mode, root))
}

/// One line of a password file: `host:port:database:user:password`, `*` matching anything,
/// `\:` and `\\` escaped.
fn passfile_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let (Some(n), Some(last)) = (chars.next(), fields.last_mut()) {
                    last.push(n);
                }
            }
            ':' if fields.len() < 5 => fields.push(String::new()),
            c => {
                if let Some(last) = fields.last_mut() {
                    last.push(c);
                }
            }
        }
    }
    fields
}

/// The password for `host:port/dbname` as `user` from a password file, as libpq finds it
/// (the first matching line). A file that others may read is ignored, as libpq does.
pub fn passfile_password(
    file: &Path,
    host: &str,
    port: u16,
    dbname: &str,
    user: &str,
) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(file).ok()?.permissions().mode();
        if mode & 0o077 != 0 {
            return None;
        }
    }
    let text = std::fs::read_to_string(file).ok()?;
    let port = port.to_string();
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty())
        .map(passfile_fields)
        .find(|f| {
            f.len() == 5
                && [host, port.as_str(), dbname, user]
                    .iter()
                    .zip(f.iter())
                    .all(|(want, got)| got == "*" || got == want)
        })
        .map(|f| f[4].clone())
}

/// Parses a connection string or URI and fills what it leaves out from `env`, as libpq
/// does: host, port, database, user, password (string, `PGPASSWORD`, password file),
/// `sslmode` (default `prefer`) and the CA file.
pub fn parse(url: &str, env: &Env) -> Result<Target> {
    let (rest, mode, root) = split_tls(url)?;
    let mut config = if rest.is_empty() {
        Config::new()
    } else {
        Config::from_str(&rest).map_err(|e| ServerError::Url(e.to_string()))?
    };
    if config.get_hosts().is_empty() {
        config.host(env.host.as_deref().unwrap_or("localhost"));
    }
    if config.get_ports().is_empty() {
        if let Some(p) = &env.port {
            let port = p
                .parse::<u16>()
                .map_err(|_| ServerError::Url(format!("PGPORT={p}")))?;
            config.port(port);
        }
    }
    if config.get_user().is_none() {
        let user = env
            .user
            .clone()
            .or_else(|| env.os_user.clone())
            .ok_or_else(|| ServerError::Url("no user: give user=… or set PGUSER".into()))?;
        config.user(&user);
    }
    if config.get_dbname().is_none() {
        let db = env
            .dbname
            .clone()
            .or_else(|| config.get_user().map(str::to_string))
            .unwrap_or_default();
        config.dbname(&db);
    }
    if config.get_password().is_none() {
        let from_file = || {
            let host = match config.get_hosts().first() {
                Some(Host::Tcp(h)) => h.clone(),
                _ => "localhost".into(),
            };
            let port = config.get_ports().first().copied().unwrap_or(5432);
            env.passfile.as_deref().and_then(|f| {
                passfile_password(
                    f,
                    &host,
                    port,
                    config.get_dbname().unwrap_or(""),
                    config.get_user().unwrap_or(""),
                )
            })
        };
        if let Some(p) = env.password.clone().or_else(from_file) {
            config.password(p);
        }
    }
    let tls = TlsMode::parse(
        mode.as_deref()
            .or(env.sslmode.as_deref())
            .unwrap_or("prefer"),
    )?;
    let root_cert = root.or_else(|| env.sslrootcert.clone()).map(PathBuf::from);
    if matches!(tls, TlsMode::VerifyCa | TlsMode::VerifyFull) && root_cert.is_none() {
        return Err(ServerError::Url(
            "sslmode=verify-ca/verify-full needs sslrootcert=<CA file>".into(),
        ));
    }
    config.ssl_mode(match tls {
        TlsMode::Disable => SslMode::Disable,
        TlsMode::Prefer => SslMode::Prefer,
        _ => SslMode::Require,
    });
    config.connect_timeout(CONNECT_TIMEOUT);
    config.application_name("nytta");
    Ok(Target {
        config,
        tls,
        root_cert,
    })
}

fn tls_connector(t: &Target) -> Result<postgres_native_tls::MakeTlsConnector> {
    let mut b = native_tls::TlsConnector::builder();
    // As libpq: the server is verified against the CA file given, never the system's
    // store (which would also cost loading every system certificate on each connection).
    b.disable_built_in_roots(true);
    if let Some(file) = &t.root_cert {
        let pem = std::fs::read(file)
            .map_err(|e| ServerError::Tls(format!("{}: {e}", file.display())))?;
        let cert = native_tls::Certificate::from_pem(&pem)
            .map_err(|e| ServerError::Tls(format!("{}: {e}", file.display())))?;
        b.add_root_certificate(cert);
    }
    match t.tls {
        TlsMode::VerifyFull => {}
        TlsMode::VerifyCa => {
            b.danger_accept_invalid_hostnames(true);
        }
        TlsMode::Require if t.root_cert.is_some() => {
            b.danger_accept_invalid_hostnames(true);
        }
        // libpq's `prefer` and `require` without a CA file encrypt without checking who
        // answers; `verify-full` is what IT should configure.
        _ => {
            b.danger_accept_invalid_certs(true);
            b.danger_accept_invalid_hostnames(true);
        }
    }
    let c = b.build().map_err(|e| ServerError::Tls(e.to_string()))?;
    Ok(postgres_native_tls::MakeTlsConnector::new(c))
}

/// Connects to the server described by `url`, with the process environment.
pub fn connect(url: &str) -> Result<Client> {
    connect_target(&parse(url, &Env::from_process())?)
}

/// Connects to a parsed target.
pub fn connect_target(t: &Target) -> Result<Client> {
    let client = match t.tls {
        TlsMode::Disable => t.config.connect(postgres::NoTls),
        _ => t.config.connect(tls_connector(t)?),
    };
    client.map_err(|e| ServerError::from_pg(&e, Some(&t.describe())))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn env() -> Env {
        Env {
            os_user: Some("os".into()),
            ..Env::default()
        }
    }

    #[test]
    fn verify_full_and_the_ca_file_are_taken_out_of_a_uri() {
        let t = parse(
            "postgresql://handlaggare@db.kommun.se:5433/nytta?sslmode=verify-full&sslrootcert=%2Fetc%2Fca.pem&application_name=x",
            &env(),
        )
        .unwrap();
        assert_eq!(t.tls, TlsMode::VerifyFull);
        assert_eq!(t.root_cert.as_deref(), Some(Path::new("/etc/ca.pem")));
        assert_eq!(t.describe(), "handlaggare@db.kommun.se:5433/nytta");
        assert_eq!(t.config.get_ssl_mode(), SslMode::Require);
    }

    #[test]
    fn a_key_value_string_with_quotes_keeps_its_values() {
        let t = parse(
            "host=127.0.0.1 port = 6000 dbname='group portfolio' user=it\\ admin sslmode=require",
            &env(),
        )
        .unwrap();
        assert_eq!(t.tls, TlsMode::Require);
        assert_eq!(t.config.get_dbname(), Some("group portfolio"));
        assert_eq!(t.config.get_user(), Some("it admin"));
        assert_eq!(t.config.get_ports(), &[6000]);
    }

    #[test]
    fn verify_full_without_a_ca_file_is_refused() {
        let e = parse("host=x user=y sslmode=verify-full", &env()).unwrap_err();
        assert!(e.to_string().contains("sslrootcert"), "{e}");
        let e = parse("host=x user=y sslmode=sometimes", &env()).unwrap_err();
        assert!(e.to_string().contains("sometimes"), "{e}");
    }

    #[test]
    fn the_password_comes_from_the_string_then_pgpassword_then_the_password_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("pgpass");
        std::fs::write(
            &file,
            "# comment\nother:5432:*:*:wrong\n127.0.0.1:5432:nytta:handl\\:aggare:från-filen\n",
        )
        .unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        let mut e = env();
        e.passfile = Some(file.clone());
        let url = "host=127.0.0.1 dbname=nytta user=handl:aggare";
        let t = parse(url, &e).unwrap();
        assert_eq!(t.config.get_password(), Some("från-filen".as_bytes()));
        e.password = Some("från-miljön".into());
        let t = parse(url, &e).unwrap();
        assert_eq!(t.config.get_password(), Some("från-miljön".as_bytes()));
        let t = parse(&format!("{url} password=i-strängen"), &e).unwrap();
        assert_eq!(t.config.get_password(), Some("i-strängen".as_bytes()));
        // A password file that others may read is ignored, as libpq does.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
            e.password = None;
            let t = parse(url, &e).unwrap();
            assert_eq!(t.config.get_password(), None);
        }
    }

    #[test]
    fn the_description_never_holds_the_password() {
        let t = parse("postgresql://u:hemligt@h/db", &env()).unwrap();
        assert!(!t.describe().contains("hemligt"));
        assert!(!format!("{}", ServerError::Url(t.describe())).contains("hemligt"));
    }
}
