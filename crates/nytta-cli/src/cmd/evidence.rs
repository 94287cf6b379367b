//! `nytta calibration` and `nytta lessons`: the municipality's evidence across the store,
//! through `nytta_app::evidence`.

use std::path::PathBuf;
use std::process::ExitCode;

use super::LangArg;
use nytta_app::ctx::Ctx;
use nytta_app::evidence;
use nytta_app::types::Category;
use nytta_app::types::LessonQuery;
use nytta_app::{AppError, Lang};

/// Where the store is and how to answer.
#[derive(clap::Args)]
pub struct StoreArgs {
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

/// Arguments of `lessons`.
#[derive(clap::Args)]
pub struct LessonArgs {
    /// Ord som ska finnas i lärdomen (words the lesson must contain).
    #[arg(default_value = "")]
    text: String,
    /// Tagg (tag).
    #[arg(long)]
    tag: Option<String>,
    /// Förvaltning (department).
    #[arg(long)]
    department: Option<String>,
    /// Kategori: financial, reallocation, quality, environment.
    #[arg(long, value_parser = parse_category)]
    category: Option<Category>,
    #[command(flatten)]
    store: StoreArgs,
}

fn parse_category(s: &str) -> Result<Category, String> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).map_err(|_| {
        format!("okänd kategori \"{s}\" / unknown category \"{s}\": financial, reallocation, quality, environment")
    })
}

fn open(args: &StoreArgs) -> Result<(Ctx, Lang), ExitCode> {
    let lang = Lang::from(args.lang);
    let ctx = nytta_app::ctx::resolve_db_path(args.db.as_deref()).and_then(|p| Ctx::open(&p));
    match ctx {
        Ok(ctx) => Ok((ctx, lang)),
        Err(e) => Err(fail(&e, lang)),
    }
}

fn fail(e: &AppError, lang: Lang) -> ExitCode {
    for line in e.lines(lang) {
        eprintln!("{line}");
    }
    ExitCode::from(1)
}

/// Prints the calibration table.
pub fn calibration(args: StoreArgs) -> ExitCode {
    let (ctx, lang) = match open(&args) {
        Ok(x) => x,
        Err(code) => return code,
    };
    match evidence::calibration(&ctx) {
        Ok(table) if args.json => {
            outln!(
                "{}",
                serde_json::to_string_pretty(&table).unwrap_or_default()
            );
            ExitCode::SUCCESS
        }
        Ok(table) => {
            out!("{}", evidence::calibration_text(&table, lang));
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e, lang),
    }
}

/// Prints the lessons that match.
pub fn lessons(args: LessonArgs) -> ExitCode {
    let (ctx, lang) = match open(&args.store) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let query = LessonQuery {
        text: args.text,
        tag: args.tag,
        department: args.department,
        category: args.category,
    };
    match evidence::lessons(&ctx, &query) {
        Ok(found) if args.store.json => {
            outln!(
                "{}",
                serde_json::to_string_pretty(&found).unwrap_or_default()
            );
            ExitCode::SUCCESS
        }
        Ok(found) => {
            if found.is_empty() {
                outln!(
                    "{}",
                    if lang == Lang::Sv {
                        "Inga lärdomar matchar."
                    } else {
                        "No lessons match."
                    }
                );
            }
            for l in found {
                outln!(
                    "{} · {} · {}\n  {}",
                    l.date,
                    l.initiative,
                    l.department,
                    l.text
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e, lang),
    }
}
