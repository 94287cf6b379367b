//! `nytta validate FILE [--lang sv|en]`: checks a document completely (format, references,
//! formulas, and that every figure can be computed).

use std::path::PathBuf;
use std::process::ExitCode;

use super::LangArg;
use nytta_app::Lang;

/// Arguments of `validate`.
#[derive(clap::Args)]
pub struct Args {
    /// Dokumentet (*.nytta.json).
    file: PathBuf,
    /// Språk: sv eller en.
    #[arg(long, value_enum, default_value_t = LangArg::Sv)]
    lang: LangArg,
}

/// Validates and reports.
pub fn run(args: Args) -> ExitCode {
    let lang = Lang::from(args.lang);
    match super::read(&args.file).and_then(|text| nytta_app::evaluate_text(&text, lang)) {
        Ok(_) => {
            let ok = match lang {
                Lang::Sv => "dokumentet är giltigt",
                Lang::En => "the document is valid",
            };
            outln!("{}: {ok}", args.file.display());
            ExitCode::SUCCESS
        }
        Err(e) => super::fail(&e, lang, &args.file),
    }
}
