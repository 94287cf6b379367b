//! `nytta evaluate FILE [--json] [--lang sv|en]`.

use super::LangArg;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `evaluate`.
#[derive(clap::Args)]
pub struct Args {
    /// Dokumentet (*.nytta.json).
    file: PathBuf,
    /// Skriv JSON enligt docs/format.md (print JSON).
    #[arg(long)]
    json: bool,
    /// Språk: sv eller en.
    #[arg(long, value_enum, default_value_t = LangArg::Sv)]
    lang: LangArg,
}

/// Evaluates the document and prints JSON or the readable summary.
pub fn run(args: Args) -> ExitCode {
    let lang = nytta_app::Lang::from(args.lang);
    match super::read(&args.file).and_then(|text| nytta_app::evaluate_text(&text, lang)) {
        Ok((model, ev)) => {
            if args.json {
                outln!("{}", nytta_app::evaluation_json(&ev));
            } else {
                out!("{}", crate::summary::summary(&model, &ev, lang));
            }
            ExitCode::SUCCESS
        }
        Err(e) => super::fail(&e, lang, &args.file),
    }
}
