//! What can go wrong with the group server, in plain Swedish and English. No message ever
//! holds a password: connections are described as `user@host:port/dbname`.

/// An error from the group server.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ServerError {
    /// The connection string or URI cannot be used.
    #[error("connection string: {0}")]
    Url(String),
    /// TLS could not be set up (the CA file, the certificate, the handshake).
    #[error("TLS: {0}")]
    Tls(String),
    /// The server could not be reached, or the connection broke.
    #[error("server unreachable: {0}")]
    Unreachable(String),
    /// The server refused the sign-in (wrong password, unknown role, not allowed in).
    #[error("sign-in refused: {0}")]
    SignIn(String),
    /// The database refused a change: the role has no right to it (row-level security).
    #[error("not allowed: {0}")]
    Refused(String),
    /// The database has no Nytta schema yet, or an older or newer one.
    #[error("server schema: {0}")]
    Schema(String),
    /// Any other database error.
    #[error("database error: {0}")]
    Db(String),
}

impl ServerError {
    /// Stable code, for callers to branch on.
    pub fn code(&self) -> &'static str {
        match self {
            ServerError::Url(_) => "server_url",
            ServerError::Tls(_) => "server_tls",
            ServerError::Unreachable(_) => "server_unreachable",
            ServerError::SignIn(_) => "server_sign_in",
            ServerError::Refused(_) => "server_refused",
            ServerError::Schema(_) => "server_schema",
            ServerError::Db(_) => "server_error",
        }
    }

    /// The message in Swedish: what happened in Swedish, then the driver's or database's own
    /// text (often English) labelled as the technical detail.
    pub fn message_sv(&self) -> String {
        match self {
            ServerError::Url(d) => {
                format!("Serveradressen går inte att använda. Teknisk detalj: {d}")
            }
            ServerError::Tls(d) => {
                format!("Krypterad anslutning (TLS) gick inte att upprätta. Teknisk detalj: {d}")
            }
            ServerError::Unreachable(d) => {
                format!("Servern går inte att nå. Teknisk detalj: {d}")
            }
            ServerError::SignIn(d) => format!(
                "Servern godtog inte inloggningen. Kontrollera användarnamnet och lösenordet \
                 (PGPASSWORD eller .pgpass). Teknisk detalj: {d}"
            ),
            ServerError::Refused(d) => format!(
                "Databasen tillåter inte ändringen: din roll får bara ändra den egna \
                 förvaltningens initiativ. Teknisk detalj: {d}"
            ),
            ServerError::Schema(d) => {
                format!("Serverns databas är inte redo för Nytta. Teknisk detalj: {d}")
            }
            ServerError::Db(d) => format!("Databasfel på servern. Teknisk detalj: {d}"),
        }
    }

    /// The message in English, the technical detail labelled the same way.
    pub fn message_en(&self) -> String {
        match self {
            ServerError::Url(d) => {
                format!("The server address cannot be used. Technical detail: {d}")
            }
            ServerError::Tls(d) => {
                format!("An encrypted connection (TLS) could not be set up. Technical detail: {d}")
            }
            ServerError::Unreachable(d) => {
                format!("The server cannot be reached. Technical detail: {d}")
            }
            ServerError::SignIn(d) => format!(
                "The server did not accept the sign-in. Check the user name and the password \
                 (PGPASSWORD or .pgpass). Technical detail: {d}"
            ),
            ServerError::Refused(d) => format!(
                "The database does not allow the change: your role may only change its own \
                 department's initiatives. Technical detail: {d}"
            ),
            ServerError::Schema(d) => {
                format!("The server's database is not ready for Nytta. Technical detail: {d}")
            }
            ServerError::Db(d) => format!("Database error on the server. Technical detail: {d}"),
        }
    }

    /// Sorts a client error: a refused right, a refused sign-in, a lost connection, or
    /// another database error. `target` describes the connection (never with a password).
    pub fn from_pg(e: &postgres::Error, target: Option<&str>) -> ServerError {
        use postgres::error::SqlState;
        let at = target.map(|t| format!("{t}: ")).unwrap_or_default();
        if let Some(db) = e.as_db_error() {
            let code = db.code();
            let detail = format!("{at}{}", db.message());
            if *code == SqlState::INSUFFICIENT_PRIVILEGE {
                return ServerError::Refused(detail);
            }
            if *code == SqlState::INVALID_PASSWORD
                || *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION
                || *code == SqlState::INVALID_CATALOG_NAME
            {
                return ServerError::SignIn(detail);
            }
            if *code == SqlState::UNDEFINED_TABLE || *code == SqlState::INVALID_SCHEMA_NAME {
                return ServerError::Schema(detail);
            }
            if code.code().starts_with("08") || code.code().starts_with("57P") {
                return ServerError::Unreachable(detail);
            }
            return ServerError::Db(detail);
        }
        if e.is_closed() || e.code().is_none() {
            let text = e.to_string();
            if text.contains("TLS") || text.contains("certificate") || text.contains("SSL") {
                let source = std::error::Error::source(e)
                    .map(|s| format!(": {s}"))
                    .unwrap_or_default();
                return ServerError::Tls(format!("{at}{text}{source}"));
            }
            // Where it tried, without the user name: who signs in does not matter here.
            let host = target
                .map(|t| format!("{}: ", t.rsplit_once('@').map_or(t, |(_, h)| h)))
                .unwrap_or_default();
            return ServerError::Unreachable(format!("{host}{text}"));
        }
        ServerError::Db(format!("{at}{e}"))
    }
}

impl From<postgres::Error> for ServerError {
    fn from(e: postgres::Error) -> Self {
        ServerError::from_pg(&e, None)
    }
}

/// Shorthand for the server's results.
pub type Result<T> = std::result::Result<T, ServerError>;

#[cfg(test)]
mod tests {
    use super::ServerError;

    #[test]
    fn every_message_is_a_sentence_with_the_driver_text_labelled_as_technical_detail() {
        let d = "db.kommun.se:5432/nytta: error connecting to server";
        for e in [
            ServerError::Url(d.into()),
            ServerError::Tls(d.into()),
            ServerError::Unreachable(d.into()),
            ServerError::SignIn(d.into()),
            ServerError::Refused(d.into()),
            ServerError::Schema(d.into()),
            ServerError::Db(d.into()),
        ] {
            let (sv, en) = (e.message_sv(), e.message_en());
            assert!(sv.ends_with(&format!(". Teknisk detalj: {d}")), "{sv}");
            assert!(en.ends_with(&format!(". Technical detail: {d}")), "{en}");
            assert_eq!(sv.matches(d).count(), 1, "{sv}");
            assert!(!sv.contains(&format!("({d}")), "{sv}");
        }
        assert_eq!(
            ServerError::SignIn(d.into()).message_sv(),
            format!(
                "Servern godtog inte inloggningen. Kontrollera användarnamnet och lösenordet \
                 (PGPASSWORD eller .pgpass). Teknisk detalj: {d}"
            )
        );
    }
}
