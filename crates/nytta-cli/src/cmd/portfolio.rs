//! `nytta portfolio`: the portfolio overview for the municipal leadership, through the same
//! `nytta_app::overview` use case the desktop app calls. `--db PATH` as for `db`.

use std::path::PathBuf;
use std::process::ExitCode;

use nytta_app::portfolio::{self as pf, Ctx};
use nytta_app::{overview, AppError, Lang};

/// Arguments of `portfolio`.
#[derive(clap::Args)]
pub struct Args {
    /// Databasfilen (the store's file); annars NYTTA_DB eller användarens datamapp.
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    /// Språk: sv eller en.
    #[arg(long, global = true, default_value = "sv")]
    lang: String,
    /// Skriv JSON (print JSON; keys in docs/portfolio.md).
    #[arg(long, global = true)]
    json: bool,
}

fn fail(e: &AppError, lang: Lang) -> ExitCode {
    for line in e.lines(lang) {
        eprintln!("{line}");
    }
    match e {
        AppError::StoreDamaged { .. } => ExitCode::from(3),
        _ => ExitCode::from(1),
    }
}

/// Runs `portfolio`.
pub fn run(args: Args) -> ExitCode {
    let lang = match super::lang(&args.lang) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let result = pf::resolve_db_path(args.db.as_deref())
        .and_then(|p| Ctx::open(&p))
        .and_then(|ctx| overview::overview(&ctx, &pf::system_today()));
    match result {
        Ok(o) if args.json => {
            outln!(
                "{}",
                serde_json::to_string_pretty(&o).unwrap_or_else(|_| "null".into())
            );
            ExitCode::SUCCESS
        }
        Ok(o) => {
            out!("{}", overview::text(&o, lang));
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e, lang),
    }
}
