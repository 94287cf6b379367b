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

/// Parses `--lang`; an unknown code is a usage error (exit 1).
pub fn lang(code: &str) -> Result<Lang, ExitCode> {
    code.parse::<Lang>().map_err(|_| {
        eprintln!("okänt språk \"{code}\"; välj sv eller en / unknown language \"{code}\"; choose sv or en");
        ExitCode::from(1)
    })
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
