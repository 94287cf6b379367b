//! `nytta sync --server URL [--db PATH]` and `nytta server init --url URL`: the group
//! server, through `nytta_app::sync`. The password is never an argument Nytta stores: it
//! comes from the URL, `PGPASSWORD` or the password file (`.pgpass`), as in psql.
//!
//! Exit codes: 0 everything sent and brought in; 4 the sync ran but the server refused some
//! initiatives (their changes wait, each named); 1 the sync could not run (server
//! unreachable, sign-in refused, …; nothing is lost, the changes wait).

use std::path::PathBuf;
use std::process::ExitCode;

use super::LangArg;
use nytta_app::ctx::Ctx;
use nytta_app::sync::{self, SyncReport};
use nytta_app::{AppError, Lang};

/// Arguments of `sync`.
#[derive(clap::Args)]
pub struct SyncArgs {
    /// Servern: en anslutningssträng (host=… dbname=… user=… sslmode=verify-full
    /// sslrootcert=…) eller en postgresql://-URI (the group server).
    #[arg(long, value_name = "URL")]
    server: String,
    /// Databasfilen (the store's file); annars NYTTA_DB eller användarens datamapp.
    #[arg(long, value_name = "PATH")]
    db: Option<PathBuf>,
    /// Skriv JSON (print JSON).
    #[arg(long)]
    json: bool,
    /// Språk: sv eller en.
    #[arg(long, value_enum, default_value_t = LangArg::Sv)]
    lang: LangArg,
}

/// Arguments of `server`.
#[derive(clap::Args)]
pub struct ServerArgs {
    #[command(subcommand)]
    command: ServerCommand,
}

#[derive(clap::Subcommand)]
enum ServerCommand {
    /// Skapa eller uppdatera serverns schema; kan köras igen (create or update the server
    /// schema; safe to run again).
    Init {
        /// Servern, som för `nytta sync --server`.
        #[arg(long, value_name = "URL")]
        url: String,
        /// Språk: sv eller en.
        #[arg(long, value_enum, default_value_t = LangArg::Sv)]
        lang: LangArg,
    },
}

fn fail(e: &AppError, lang: Lang) -> ExitCode {
    for line in e.lines(lang) {
        eprintln!("{line}");
    }
    ExitCode::from(1)
}

fn print(r: &SyncReport, lang: Lang) {
    let sv = lang == Lang::Sv;
    outln!(
        "{}",
        if sv {
            format!(
                "Synkroniserad med {} {}: {} initiativ skickade, {} hämtade ({} ms).",
                r.server, r.synced_at, r.pushed, r.pulled, r.millis
            )
        } else {
            format!(
                "Synchronised with {} at {}: {} initiatives sent, {} brought in ({} ms).",
                r.server, r.synced_at, r.pushed, r.pulled, r.millis
            )
        }
    );
    for c in &r.new_conflicts {
        outln!(
            "{}",
            if sv {
                format!(
                    "Konflikt: ”{}” ({}, id {}) ändrades av någon annan sedan din senaste synkronisering. Båda versionerna finns kvar: dina ändringar är version {}, markerad som konflikt.",
                    c.title, c.department, c.id, c.version_number
                )
            } else {
                format!(
                    "Conflict: “{}” ({}, id {}) was changed by someone else since your last sync. Both versions are kept: your changes are version {}, marked as a conflict.",
                    c.title, c.department, c.id, c.version_number
                )
            }
        );
    }
    for c in &r.conflicts {
        let other = c
            .other_number
            .map(|n| n.to_string())
            .unwrap_or_else(|| "?".into());
        let by = c.pushed_by.clone().unwrap_or_default();
        outln!(
            "{}",
            if sv {
                format!(
                    "Olöst konflikt: ”{}” ({}, id {}): version {} (skickad av {by}) krockade med version {other}. Öppna den, jämför och spara den för att lösa konflikten.",
                    c.title, c.department, c.id, c.version_number
                )
            } else {
                format!(
                    "Unresolved conflict: “{}” ({}, id {}): version {} (sent by {by}) collided with version {other}. Open it, compare and save it to resolve the conflict.",
                    c.title, c.department, c.id, c.version_number
                )
            }
        );
    }
    for x in &r.refused {
        eprintln!("{}", if sv { &x.message_sv } else { &x.message_en });
    }
    if !r.waiting.is_empty() {
        let n: i64 = r.waiting.iter().map(|w| w.changes).sum();
        outln!(
            "{}",
            if sv {
                format!(
                    "Väntar på att skickas: {n} ändringar i {} initiativ.",
                    r.waiting.len()
                )
            } else {
                format!(
                    "Waiting to be sent: {n} changes in {} initiatives.",
                    r.waiting.len()
                )
            }
        );
    }
}

/// Runs `sync`.
pub fn run(args: SyncArgs) -> ExitCode {
    let lang = Lang::from(args.lang);
    let result = nytta_app::ctx::resolve_db_path(args.db.as_deref())
        .and_then(|p| Ctx::open(&p))
        .and_then(|ctx| sync::sync(&ctx, &args.server));
    match result {
        Ok(r) => {
            if args.json {
                outln!("{}", serde_json::to_string_pretty(&r).unwrap_or_default());
            } else {
                print(&r, lang);
            }
            if r.refused.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(4)
            }
        }
        Err(e) => fail(&e, lang),
    }
}

/// Runs `server`.
pub fn server(args: ServerArgs) -> ExitCode {
    match args.command {
        ServerCommand::Init { url, lang } => {
            let lang = Lang::from(lang);
            match sync::server_init(&url) {
                Ok(r) => {
                    outln!(
                        "{}",
                        if lang == Lang::Sv {
                            format!(
                                "{}: serverns schema version {} (var {}), server-id {}",
                                r.server, r.to, r.from, r.server_id
                            )
                        } else {
                            format!(
                                "{}: server schema version {} (was {}), server id {}",
                                r.server, r.to, r.from, r.server_id
                            )
                        }
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&e, lang),
            }
        }
    }
}
