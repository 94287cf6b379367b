//! The `nytta` command. Each subcommand reads its arguments and forwards to `nytta-app`;
//! no figures are computed or formatted here.
//!
//! Exit codes: 0 success, 2 an invalid document (every problem printed with its path),
//! 1 anything else (a file that cannot be read, a bad argument).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use nytta_app::{AppError, Lang};

#[derive(Parser)]
#[command(name = "nytta", version, about = "Nyttovärdering och business case för digitaliseringsinitiativ")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Beräkna en nyttovärdering (evaluate a valuation document).
    Evaluate {
        /// Dokumentet (*.nytta.json).
        file: PathBuf,
        /// Skriv JSON enligt FORMAT.md (print JSON).
        #[arg(long)]
        json: bool,
        /// Språk: sv eller en.
        #[arg(long, default_value = "sv")]
        lang: String,
    },
    /// Kontrollera ett dokument (validate a document).
    Validate {
        /// Dokumentet (*.nytta.json).
        file: PathBuf,
        /// Språk: sv eller en.
        #[arg(long, default_value = "sv")]
        lang: String,
    },
    /// Skriv dokumentformatets JSON Schema (print the document's JSON Schema).
    Schema,
}

fn lang(code: &str) -> Result<Lang, String> {
    code.parse::<Lang>()
        .map_err(|_| format!("okänt språk \"{code}\"; välj sv eller en / unknown language \"{code}\"; choose sv or en"))
}

fn read(file: &PathBuf) -> Result<String, AppError> {
    std::fs::read_to_string(file).map_err(|e| AppError::Io {
        path: file.display().to_string(),
        detail: e.to_string(),
    })
}

fn fail(e: &AppError, lang: Lang, file: &std::path::Path) -> ExitCode {
    for line in e.lines(lang) {
        eprintln!("{}: {line}", file.display());
    }
    match e {
        AppError::InvalidDocument(_) => ExitCode::from(2),
        AppError::Io { .. } => ExitCode::from(1),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Schema => {
            print!("{}", nytta_app::schema::document_schema());
            ExitCode::SUCCESS
        }
        Command::Validate { file, lang: code } => {
            let lang = match lang(&code) {
                Ok(l) => l,
                Err(msg) => {
                    eprintln!("{msg}");
                    return ExitCode::from(1);
                }
            };
            match read(&file).and_then(|text| nytta_app::evaluate_text(&text, lang)) {
                Ok(_) => {
                    let ok = match lang {
                        Lang::Sv => "dokumentet är giltigt",
                        Lang::En => "the document is valid",
                    };
                    println!("{}: {ok}", file.display());
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&e, lang, &file),
            }
        }
        Command::Evaluate {
            file,
            json,
            lang: code,
        } => {
            let lang = match lang(&code) {
                Ok(l) => l,
                Err(msg) => {
                    eprintln!("{msg}");
                    return ExitCode::from(1);
                }
            };
            match read(&file).and_then(|text| nytta_app::evaluate_text(&text, lang)) {
                Ok((model, ev)) => {
                    if json {
                        println!("{}", nytta_app::evaluation_json(&ev));
                    } else {
                        print!("{}", nytta_app::summary::summary(&model, &ev, lang));
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&e, lang, &file),
            }
        }
    }
}
