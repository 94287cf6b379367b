//! `nytta evaluate FILE… [--json] [--simulate [DRAWS]] [--lang sv|en]`: one document as
//! JSON or the readable summary, or several files and folders at once (evaluated in
//! parallel) as one JSON line per document or a table.

use super::LangArg;
use nytta_app::batch::{self, FileOutcome};
use nytta_app::{AppError, Lang};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `evaluate`.
#[derive(clap::Args)]
pub struct Args {
    /// Dokument (*.nytta.json) eller mappar med dokument (documents or folders of them).
    #[arg(required = true, num_args = 1..)]
    files: Vec<PathBuf>,
    /// Skriv JSON enligt docs/format.md; flera dokument ger en rad per dokument (print JSON;
    /// several documents give one line each).
    #[arg(long)]
    json: bool,
    /// Simulera (Monte Carlo) med dokumentets antal dragningar, eller DRAWS (run the
    /// simulation with the document's draws, or DRAWS).
    #[arg(long, value_name = "DRAWS", num_args = 0..=1, allow_negative_numbers = true)]
    simulate: Option<Option<i64>>,
    /// Språk: sv eller en.
    #[arg(long, value_enum, default_value_t = LangArg::Sv)]
    lang: LangArg,
}

/// Exit code of a batch: 2 when a document is invalid, 1 for any other error, else 0.
fn batch_code(outcomes: &[FileOutcome]) -> ExitCode {
    let errors = outcomes.iter().filter_map(|o| o.result.as_ref().err());
    let mut code = 0;
    for e in errors {
        code = match e {
            AppError::InvalidDocument(_) => 2,
            _ => code.max(1),
        };
        if code == 2 {
            break;
        }
    }
    ExitCode::from(code)
}

/// Evaluates the documents and prints JSON, the readable summary or the batch table.
pub fn run(args: Args) -> ExitCode {
    let lang = Lang::from(args.lang);
    if let Some(Some(draws)) = args.simulate {
        if let Err(e) = batch::check_draws(draws) {
            for line in e.lines(lang) {
                eprintln!("{line}");
            }
            return ExitCode::from(1);
        }
    }
    let single = args.files.len() == 1 && !args.files[0].is_dir();
    if single {
        let outcome = batch::evaluate_file(&args.files[0], lang, args.simulate);
        return match outcome.result {
            Ok(e) => {
                if args.json {
                    let value = batch::evaluation_value(&e.evaluation, e.simulation.as_ref());
                    outln!(
                        "{}",
                        serde_json::to_string_pretty(&value).unwrap_or_else(|_| "{}".into())
                    );
                } else {
                    out!("{}", crate::summary::summary(&e.model, &e.evaluation, lang));
                    if let Some(sim) = &e.simulation {
                        out!("{}", crate::simulated::simulation_text(&e.model, sim, lang));
                    }
                }
                ExitCode::SUCCESS
            }
            Err(e) => super::fail(&e, lang, &outcome.file),
        };
    }
    let files = match batch::expand(&args.files) {
        Ok(f) => f,
        Err(e) => {
            for line in e.lines(lang) {
                eprintln!("{line}");
            }
            return ExitCode::from(1);
        }
    };
    let outcomes = batch::evaluate_files(&files, lang, args.simulate);
    if args.json {
        let lines: Vec<String> = batch::parallel_map(&outcomes, batch::json_line);
        outln!("{}", lines.join("\n"));
    } else {
        for o in &outcomes {
            if let Err(e) = &o.result {
                for line in e.lines(lang) {
                    eprintln!("{}: {line}", o.file.display());
                }
            }
        }
        out!("{}", crate::simulated::batch_table(&outcomes, lang));
    }
    batch_code(&outcomes)
}
