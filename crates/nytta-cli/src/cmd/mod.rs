//! One module per subcommand, plus what they share: language choice, reading a file and
//! reporting an error with the right exit code.

pub mod db;
pub mod evaluate;
pub mod evidence;
pub mod portfolio;
pub mod report;
pub mod sync;
pub mod validate;
pub mod xlsx;

use std::path::Path;
use std::process::ExitCode;

use nytta_app::{AppError, Lang};

/// `--lang sv|en`: the language of messages and summaries (clap refuses anything else).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LangArg {
    /// Svenska (the default).
    Sv,
    /// English.
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Sv => Lang::Sv,
            LangArg::En => Lang::En,
        }
    }
}

/// Reads a text file.
pub fn read(file: &Path) -> Result<String, AppError> {
    std::fs::read_to_string(file).map_err(|e| AppError::Io {
        path: file.display().to_string(),
        detail: e.to_string(),
    })
}

/// Prints every line of an error and returns its exit code: 2 for an invalid document,
/// 1 otherwise.
pub fn fail(e: &AppError, lang: Lang, file: &Path) -> ExitCode {
    for line in e.lines(lang) {
        eprintln!("{}: {line}", file.display());
    }
    match e {
        AppError::InvalidDocument(_) => ExitCode::from(2),
        _ => ExitCode::from(1),
    }
}
