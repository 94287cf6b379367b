//! `nytta report FILE -o case.pdf [--lang sv|en] [--follow-up [N]]`: writes the business case
//! (*beslutsunderlag*), or with `--follow-up` the report of follow-up N (1 = the first; the
//! latest when N is left out), as PDF. Today's date is read here, at the edge, and passed
//! in. The file is written to a temporary name beside the target and renamed into place,
//! so a failed run never leaves half a PDF.

use std::path::PathBuf;
use std::process::ExitCode;

use super::LangArg;
use nytta_app::report::{business_case_pdf, follow_up_pdf, ReportOptions};
use nytta_app::report_files::write_atomically;
use nytta_app::Lang;

/// Arguments of `report`.
#[derive(clap::Args)]
pub struct Args {
    /// Dokumentet (*.nytta.json).
    file: PathBuf,
    /// PDF-filen som skrivs (the PDF file to write).
    #[arg(short = 'o', long = "output", value_name = "PDF")]
    output: PathBuf,
    /// Språk: sv eller en.
    #[arg(long, value_enum, default_value_t = LangArg::Sv)]
    lang: LangArg,
    /// Skriv uppföljningsrapporten; N = vilken uppföljning, 1 = den första, utan N den senaste
    /// (write the follow-up report of follow-up N, the latest by default).
    #[arg(long = "follow-up", value_name = "N", num_args = 0..=1)]
    follow_up: Option<Option<usize>>,
}

/// Writes the PDF and says where.
pub fn run(args: Args) -> ExitCode {
    let lang = Lang::from(args.lang);
    let index = match args.follow_up {
        Some(Some(0)) => {
            eprintln!("--follow-up räknar från 1 / --follow-up counts from 1");
            return ExitCode::from(1);
        }
        Some(n) => Some(n.map(|n| n - 1)),
        None => None,
    };
    let opts = ReportOptions::new(lang, nytta_app::ctx::system_today());
    let result = super::read(&args.file)
        .and_then(|text| match index {
            None => business_case_pdf(&text, &opts),
            Some(i) => follow_up_pdf(&text, i, &opts),
        })
        .and_then(|pdf| write_atomically(&args.output, &pdf));
    match result {
        Ok(()) => {
            let done = match lang {
                Lang::Sv => "skrev",
                Lang::En => "wrote",
            };
            outln!("{done} {}", args.output.display());
            ExitCode::SUCCESS
        }
        Err(e) => super::fail(&e, lang, &args.file),
    }
}
