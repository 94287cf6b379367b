//! `nytta export-xlsx FILE -o OUT.xlsx` and `nytta import-xlsx IN.xlsx -o FILE`: a document
//! as an Excel workbook with live formulas, and a workbook (perhaps edited in Excel or
//! LibreOffice) back as a document. The work is in `nytta_app::xlsx`.

use super::LangArg;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `export-xlsx`.
#[derive(clap::Args)]
pub struct ExportArgs {
    /// Dokumentet (*.nytta.json).
    file: PathBuf,
    /// Arbetsboken att skriva (the .xlsx to write).
    #[arg(short, long)]
    out: PathBuf,
    /// Språk: sv eller en.
    #[arg(long, value_enum, default_value_t = LangArg::Sv)]
    lang: LangArg,
}

/// Arguments of `import-xlsx`.
#[derive(clap::Args)]
pub struct ImportArgs {
    /// Arbetsboken (*.xlsx).
    file: PathBuf,
    /// Dokumentet att skriva (the *.nytta.json to write).
    #[arg(short, long)]
    out: PathBuf,
    /// Språk: sv eller en.
    #[arg(long, value_enum, default_value_t = LangArg::Sv)]
    lang: LangArg,
}

/// Names the file written.
fn done(from: &std::path::Path, to: &std::path::Path) -> ExitCode {
    outln!("{} → {}", from.display(), to.display());
    ExitCode::SUCCESS
}

/// Writes the workbook.
pub fn export(args: ExportArgs) -> ExitCode {
    let lang = nytta_app::Lang::from(args.lang);
    match nytta_app::xlsx::export_file(&args.file, &args.out) {
        Ok(()) => done(&args.file, &args.out),
        Err(e) => super::fail(&e, lang, &args.file),
    }
}

/// Reads the workbook back and writes the document.
pub fn import(args: ImportArgs) -> ExitCode {
    let lang = nytta_app::Lang::from(args.lang);
    match nytta_app::xlsx::import_file(&args.file, &args.out) {
        Ok(()) => done(&args.file, &args.out),
        Err(e) => super::fail(&e, lang, &args.file),
    }
}
