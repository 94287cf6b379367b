//! `nytta db init|list|show|import|export|export-xlsx|backup|restore|check|demo`: the store, through
//! the same `nytta_app::portfolio` use cases the desktop app calls. Every subcommand takes
//! `--db PATH` (else `$NYTTA_DB`, else the per-user data folder).
//!
//! Exit codes: 0 success; 2 an invalid document (or a folder import with any refused
//! file); 3 a damaged store (`check`, or any subcommand that finds damage on open);
//! 1 anything else.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::LangArg;
use nytta_app::ctx::Ctx;
use nytta_app::portfolio as pf;
use nytta_app::{AppError, Lang};

/// Arguments of `db`.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: DbCommand,
    /// Databasfilen (the store's file); annars NYTTA_DB eller användarens datamapp.
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    /// Språk: sv eller en.
    #[arg(long, global = true, value_enum, default_value_t = LangArg::Sv)]
    lang: LangArg,
}

#[derive(clap::Subcommand)]
enum DbCommand {
    /// Skapa databasen med exemplen (create the store with the samples).
    Init,
    /// Lista portföljen (list the portfolio).
    List {
        /// Skriv JSON (print JSON).
        #[arg(long)]
        json: bool,
    },
    /// Visa ett initiativ och dess versioner (show an initiative and its versions).
    Show {
        /// Initiativets id.
        id: i64,
        /// Skriv JSON (print JSON).
        #[arg(long)]
        json: bool,
    },
    /// Importera ett dokument eller en mapp (import a document or a folder).
    Import {
        /// En *.nytta.json-fil eller en mapp.
        path: PathBuf,
        /// Finns initiativet redan (samma titel och förvaltning): importera som ny kopia
        /// (already in the store: import as a new copy).
        #[arg(long, conflicts_with = "new_version")]
        copy: bool,
        /// Finns initiativet redan: importera som ny version av det (already in the store:
        /// import as a new version of it).
        #[arg(long)]
        new_version: bool,
    },
    /// Exportera ett initiativ, eller alla med --all (export one, or all with --all).
    Export {
        /// Initiativets id (skrivs till stdout eller --out).
        id: Option<i64>,
        /// Fil att skriva till (file to write).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Skriv alla initiativ som dokument i mappen (write every initiative into DIR).
        #[arg(long, value_name = "DIR", conflicts_with = "id")]
        all: Option<PathBuf>,
    },
    /// Skriv portföljen som Excelarbetsbok, en tabell med filter (write the portfolio as an Excel workbook).
    ExportXlsx {
        /// Arbetsboken att skriva (the .xlsx to write).
        #[arg(short, long)]
        out: PathBuf,
    },
    /// Gör en kontrollerad säkerhetskopia, eller lista dem (make a verified backup, or list).
    Backup {
        /// Lista säkerhetskopiorna i stället (list the backups instead).
        #[arg(long)]
        list: bool,
    },
    /// Återställ från en säkerhetskopia; den nuvarande filen sparas först (restore a backup).
    Restore {
        /// Säkerhetskopians fil.
        backup: PathBuf,
    },
    /// Kontrollera databasfilen utan att ändra den (check the file; non-zero when damaged).
    Check,
    /// Skapa demoportföljen: 453 påhittade initiativ märkta som demodata (create the demo
    /// portfolio: 453 made-up initiatives marked as demo data).
    Demo {
        /// Ta bort demoportföljen i stället (remove the demo portfolio instead).
        #[arg(long)]
        remove: bool,
    },
}

fn fail(e: &AppError, lang: Lang) -> ExitCode {
    for line in e.lines(lang) {
        eprintln!("{line}");
    }
    if let AppError::AlreadyInStore { .. } = e {
        eprintln!("{}", duplicate_hint(lang));
    }
    match e {
        AppError::InvalidDocument(_) => ExitCode::from(2),
        AppError::StoreDamaged { .. } => ExitCode::from(3),
        _ => ExitCode::from(1),
    }
}

/// How to import a document that is already in the store.
fn duplicate_hint(lang: Lang) -> &'static str {
    if lang == Lang::Sv {
        "Ange --copy för en ny kopia eller --new-version för en ny version av det."
    } else {
        "Give --copy for a new copy or --new-version for a new version of it."
    }
}

/// What `db import` does with a document already in the store: refuse unless a flag says.
fn on_duplicate(copy: bool, new_version: bool) -> pf::OnDuplicate {
    if copy {
        pf::OnDuplicate::Copy
    } else if new_version {
        pf::OnDuplicate::NewVersion
    } else {
        pf::OnDuplicate::Refuse
    }
}

fn json(v: serde_json::Result<String>) -> String {
    v.unwrap_or_else(|_| "null".into())
}

fn say(lang: Lang, sv: String, en: String) {
    outln!("{}", if lang == Lang::Sv { sv } else { en });
}

/// Runs a `db` subcommand.
pub fn run(args: Args) -> ExitCode {
    let lang = Lang::from(args.lang);
    let path = match nytta_app::ctx::resolve_db_path(args.db.as_deref()) {
        Ok(p) => p,
        Err(e) => return fail(&e, lang),
    };
    match run_with(args.command, &path, lang) {
        Ok(code) => code,
        Err(e) => fail(&e, lang),
    }
}

fn run_with(command: DbCommand, path: &Path, lang: Lang) -> Result<ExitCode, AppError> {
    match command {
        DbCommand::Check => {
            let r = pf::check_path(path)?;
            say(
                lang,
                format!(
                    "{}: databasen är hel (schema {}, {} initiativ, {} versioner, {} säkerhetskopior)",
                    r.path, r.schema_version, r.initiatives, r.versions, r.backups
                ),
                format!(
                    "{}: the store is healthy (schema {}, {} initiatives, {} versions, {} backups)",
                    r.path, r.schema_version, r.initiatives, r.versions, r.backups
                ),
            );
            Ok(ExitCode::SUCCESS)
        }
        DbCommand::Restore { backup } => {
            let kept = pf::restore_to_path(path, &backup)?;
            say(
                lang,
                format!("{}: återställd från {}", path.display(), backup.display()),
                format!("{}: restored from {}", path.display(), backup.display()),
            );
            if let Some(k) = kept {
                say(
                    lang,
                    format!("Den tidigare filen sparades som {k}"),
                    format!("The previous file was kept as {k}"),
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        other => {
            let ctx = Ctx::open(path)?;
            with_ctx(other, &ctx, lang)
        }
    }
}

fn with_ctx(command: DbCommand, ctx: &Ctx, lang: Lang) -> Result<ExitCode, AppError> {
    match command {
        DbCommand::Init => {
            let n = pf::list(ctx)?.len();
            let p = ctx.path().display().to_string();
            say(
                lang,
                format!("{p}: {n} initiativ"),
                format!("{p}: {n} initiatives"),
            );
        }
        DbCommand::List { json: true } => {
            outln!("{}", json(serde_json::to_string_pretty(&pf::list(ctx)?)))
        }
        DbCommand::List { json: false } => out!("{}", crate::render::table(&pf::list(ctx)?, lang)),
        DbCommand::Show { id, json: as_json } => {
            let s = pf::get(ctx, id)?;
            if as_json {
                outln!("{}", json(serde_json::to_string_pretty(&s)));
            } else {
                let summary = pf::list(ctx)?.into_iter().find(|m| m.id == id);
                out!("{}", crate::render::describe(&s, summary.as_ref(), lang));
            }
        }
        DbCommand::Import {
            path,
            copy,
            new_version,
        } if path.is_dir() => {
            let outcomes =
                nytta_app::batch::import_dir(ctx, &path, on_duplicate(copy, new_version))?;
            let mut refused = false;
            for o in &outcomes {
                match o.id {
                    Some(id) => say(
                        lang,
                        format!("{}: importerad som {id}", o.file),
                        format!("{}: imported as {id}", o.file),
                    ),
                    None => {
                        refused = true;
                        let lines = if lang == Lang::Sv {
                            &o.errors_sv
                        } else {
                            &o.errors_en
                        };
                        for line in lines {
                            eprintln!("{}: {line}", o.file);
                        }
                        if o.code.as_deref() == Some("already_in_store") {
                            eprintln!("{}: {}", o.file, duplicate_hint(lang));
                        }
                    }
                }
            }
            return Ok(if refused {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            });
        }
        DbCommand::Import {
            path,
            copy,
            new_version,
        } => {
            let text = super::read(&path)?;
            let saved = pf::import_text(ctx, &text, on_duplicate(copy, new_version))?;
            if saved.version_number > 1 {
                say(
                    lang,
                    format!(
                        "{}: importerad som version {} av {}",
                        path.display(),
                        saved.version_number,
                        saved.id
                    ),
                    format!(
                        "{}: imported as version {} of {}",
                        path.display(),
                        saved.version_number,
                        saved.id
                    ),
                );
            } else {
                say(
                    lang,
                    format!("{}: importerad som {}", path.display(), saved.id),
                    format!("{}: imported as {}", path.display(), saved.id),
                );
            }
        }
        DbCommand::Export { all: Some(dir), .. } => {
            for f in pf::export_all(ctx, &dir)? {
                outln!("{}", f.file);
            }
        }
        DbCommand::Export {
            id: Some(id), out, ..
        } => {
            let text = pf::export(ctx, id)?;
            match out {
                Some(file) => std::fs::write(&file, text).map_err(|e| AppError::Io {
                    path: file.display().to_string(),
                    detail: e.to_string(),
                })?,
                None => out!("{text}"),
            }
        }
        DbCommand::ExportXlsx { out } => {
            nytta_app::xlsx::export_portfolio(ctx, &out)?;
            outln!("{}", out.display());
        }
        DbCommand::Export { .. } => {
            eprintln!("ange ett id eller --all DIR / give an id or --all DIR");
            return Ok(ExitCode::from(1));
        }
        DbCommand::Backup { list: true } => {
            for b in pf::list_backups(ctx)? {
                outln!("{}", b.path);
            }
        }
        DbCommand::Backup { list: false } => {
            let b = pf::create_backup(ctx)?;
            say(
                lang,
                format!("Säkerhetskopia: {}", b.path),
                format!("Backup: {}", b.path),
            );
        }
        DbCommand::Demo { remove: false } => {
            let n = nytta_app::demo::add(ctx)?.count;
            say(
                lang,
                format!("Demoportföljen skapades: {n} initiativ märkta som demodata (ta bort med nytta db demo --remove)"),
                format!("The demo portfolio was created: {n} initiatives marked as demo data (remove with nytta db demo --remove)"),
            );
        }
        DbCommand::Demo { remove: true } => {
            let n = nytta_app::demo::remove(ctx)?.count;
            say(
                lang,
                format!("Demoportföljen togs bort: {n} initiativ"),
                format!("The demo portfolio was removed: {n} initiatives"),
            );
        }
        DbCommand::Check | DbCommand::Restore { .. } => {}
    }
    Ok(ExitCode::SUCCESS)
}
