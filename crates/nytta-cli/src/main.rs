//! The `nytta` command. Each subcommand (one module under `cmd/`) reads its arguments and
//! forwards to `nytta-app`; no figures are computed or formatted here.
//!
//! Exit codes: 0 success, 2 an invalid document (every problem printed with its path),
//! 1 anything else (a file that cannot be read, a bad argument).

/// `println!` that stops quietly when standard output is closed (`nytta … | head`)
/// instead of panicking.
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

/// `print!` with the same care as [`outln!`].
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout().lock(), $($arg)*);
    }};
}

mod cmd;
mod render;
mod simulated;
mod summary;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "nytta",
    version,
    about = "Nyttovärdering och business case för digitaliseringsinitiativ"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Beräkna en nyttovärdering (evaluate a valuation document).
    Evaluate(cmd::evaluate::Args),
    /// Kontrollera ett dokument (validate a document).
    Validate(cmd::validate::Args),
    /// Skriv beslutsunderlaget eller en uppföljningsrapport som PDF (write the business case or a follow-up report as PDF).
    Report(cmd::report::Args),
    /// Skriv dokumentformatets JSON Schema (print the document's JSON Schema).
    Schema,
    /// Den lokala databasen (the local store).
    Db(cmd::db::Args),
    /// Skriv en nyttovärdering som Excelarbetsbok med levande formler (write a valuation as an Excel workbook with live formulas).
    ExportXlsx(cmd::xlsx::ExportArgs),
    /// Läs tillbaka en Excelarbetsbok som dokument (read an Excel workbook back as a document).
    ImportXlsx(cmd::xlsx::ImportArgs),
    /// Utfall ÷ förväntat per kategori och intressent (realised ÷ expected across follow-ups).
    Calibration(cmd::evidence::StoreArgs),
    /// Sök lärdomar från uppföljningar (search lessons learned).
    Lessons(cmd::evidence::LessonArgs),
    /// Portföljöversikt för kommunledningen (portfolio overview for the municipal leadership).
    Portfolio(cmd::portfolio::Args),
    /// Synkronisera med koncernens server (synchronise with the group server).
    Sync(cmd::sync::SyncArgs),
    /// Koncernens server: skapa schemat (the group server: create its schema).
    Server(cmd::sync::ServerArgs),
}

fn main() -> ExitCode {
    // A bad argument exits 1, like every error that is not an invalid document (2); --help
    // and --version print and exit 0.
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match cli.command {
        Command::Evaluate(args) => cmd::evaluate::run(args),
        Command::Validate(args) => cmd::validate::run(args),
        Command::Report(args) => cmd::report::run(args),
        Command::Db(args) => cmd::db::run(args),
        Command::ExportXlsx(args) => cmd::xlsx::export(args),
        Command::ImportXlsx(args) => cmd::xlsx::import(args),
        Command::Calibration(args) => cmd::evidence::calibration(args),
        Command::Lessons(args) => cmd::evidence::lessons(args),
        Command::Portfolio(args) => cmd::portfolio::run(args),
        Command::Sync(args) => cmd::sync::run(args),
        Command::Server(args) => cmd::sync::server(args),
        Command::Schema => {
            out!("{}", nytta_app::schema::document_schema());
            ExitCode::SUCCESS
        }
    }
}
