//! `nytta portfolio [priorities|similar|agenda|report|csv]`: portfolio governance for the
//! municipal leadership, through the same `nytta_app` use cases the desktop app calls: the
//! overview (the default), the priority order with a capacity line, similar needs across
//! departments, the PULS agenda, the portfolio report as a PDF, and the portfolio as CSV for
//! Excel. `--db PATH` as for `db`.

use std::path::PathBuf;
use std::process::ExitCode;

use super::LangArg;
use nytta_app::ctx::Ctx;
use nytta_app::{agenda, csv, overview, portfolio_report, priorities, similar, AppError, Lang};

/// Arguments of `portfolio`.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Option<PortfolioCommand>,
    /// Databasfilen (the store's file); annars NYTTA_DB eller användarens datamapp.
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    /// Språk: sv eller en.
    #[arg(long, global = true, value_enum, default_value_t = LangArg::Sv)]
    lang: LangArg,
    /// Skriv JSON (print JSON; keys in docs/portfolio.md).
    #[arg(long, global = true)]
    json: bool,
}

#[derive(clap::Subcommand)]
enum PortfolioCommand {
    /// Liknande behov i olika förvaltningar (similar needs across departments).
    Similar {
        /// Tröskel 0–1, t.ex. 0,25 (threshold; else the setting).
        #[arg(long)]
        threshold: Option<String>,
    },
    /// Prioriteringsordning med kapacitetsgräns (priority order with a capacity line).
    Priorities {
        /// Status att ta med, t.ex. awaiting_decision (stage codes; default awaiting_decision;
        /// "all" for every stage).
        #[arg(long = "stage")]
        stages: Vec<String>,
        /// Bara denna förvaltning (only this department).
        #[arg(long)]
        department: Option<String>,
        /// Budget per år i kronor för kapacitetsgränsen (budget per year for the capacity line).
        #[arg(long)]
        budget: Option<String>,
        /// Personalkapacitet i timmar per år för kapacitetsgränsen (staff capacity in hours
        /// per year for the capacity line; the hours of each initiative's cost lines in time
        /// form).
        #[arg(long)]
        hours: Option<String>,
    },
    /// PULS-agenda: för beslut eller stöd, ändrade sedan ett datum (PULS agenda: asking for a
    /// decision or support, changed since a date).
    Agenda {
        /// Ändrade detta datum eller senare, ÅÅÅÅ-MM-DD (changed on or after this date).
        #[arg(long, value_name = "DATE")]
        since: String,
        /// Skriv agendan som PDF till filen (write the agenda as a PDF to the file).
        #[arg(short = 'o', long = "out", value_name = "FILE.pdf")]
        out: Option<PathBuf>,
    },
    /// Portföljrapport för kommunledningen som PDF (the portfolio report as a PDF).
    Report {
        /// PDF-filen att skriva (the PDF file to write).
        #[arg(short = 'o', long = "out", value_name = "FILE.pdf")]
        out: PathBuf,
    },
    /// Portföljen som CSV för Excel (the portfolio as CSV for Excel).
    Csv {
        /// Fil att skriva till; annars stdout (file to write; else stdout).
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

fn fail(e: &AppError, lang: Lang) -> ExitCode {
    for line in e.lines(lang) {
        eprintln!("{line}");
    }
    match e {
        AppError::InvalidDocument(_) => ExitCode::from(2),
        AppError::StoreDamaged { .. } => ExitCode::from(3),
        _ => ExitCode::from(1),
    }
}

fn json(v: serde_json::Result<String>) -> String {
    v.unwrap_or_else(|_| "null".into())
}

/// Runs `portfolio`.
pub fn run(args: Args) -> ExitCode {
    let lang = Lang::from(args.lang);
    let ctx = match nytta_app::ctx::resolve_db_path(args.db.as_deref()).and_then(|p| Ctx::open(&p))
    {
        Ok(c) => c,
        Err(e) => return fail(&e, lang),
    };
    match run_with(args.command, args.json, &ctx, lang) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&e, lang),
    }
}

fn run_with(
    command: Option<PortfolioCommand>,
    as_json: bool,
    ctx: &Ctx,
    lang: Lang,
) -> Result<(), AppError> {
    match command {
        None => {
            let o = overview::overview(ctx, &nytta_app::ctx::system_today())?;
            if as_json {
                outln!("{}", json(serde_json::to_string_pretty(&o)));
            } else {
                out!("{}", overview::text(&o, lang));
            }
        }
        Some(PortfolioCommand::Similar { threshold }) => {
            let t = threshold
                .as_deref()
                .map(similar::parse_threshold)
                .transpose()?;
            let s = similar::similar_needs(ctx, t)?;
            if as_json {
                outln!("{}", json(serde_json::to_string_pretty(&s)));
            } else {
                out!("{}", similar::text(&s, lang));
            }
        }
        Some(PortfolioCommand::Priorities {
            stages,
            department,
            budget,
            hours,
        }) => {
            let mut filter = priorities::PriorityFilter {
                department,
                budget_per_year: budget
                    .as_deref()
                    .map(priorities::parse_budget)
                    .transpose()?,
                hours_per_year: hours.as_deref().map(priorities::parse_hours).transpose()?,
                ..Default::default()
            };
            if stages.iter().any(|s| s == "all") {
                filter.stages.clear();
            } else if !stages.is_empty() {
                filter.stages = stages;
            }
            let p = priorities::priorities(ctx, &filter)?;
            if as_json {
                outln!("{}", json(serde_json::to_string_pretty(&p)));
            } else {
                out!("{}", priorities::text(&p, lang));
            }
        }
        Some(PortfolioCommand::Agenda {
            since,
            out: Some(file),
        }) => {
            let opts = nytta_app::report::ReportOptions::new(lang, nytta_app::ctx::system_today());
            agenda::pdf_to(ctx, &since, &file, &opts)?;
            outln!("{}", file.display());
        }
        Some(PortfolioCommand::Agenda { since, out: None }) => {
            let a = agenda::agenda(ctx, &since)?;
            if as_json {
                outln!("{}", json(serde_json::to_string_pretty(&a)));
            } else {
                out!("{}", agenda::text(&a, lang));
            }
        }
        Some(PortfolioCommand::Report { out }) => {
            let opts = nytta_app::report::ReportOptions::new(lang, nytta_app::ctx::system_today());
            portfolio_report::pdf_to(ctx, &out, &opts)?;
            outln!("{}", out.display());
        }
        Some(PortfolioCommand::Csv { out: Some(file) }) => {
            csv::export_to(ctx, &file, lang)?;
            outln!("{}", file.display());
        }
        Some(PortfolioCommand::Csv { out: None }) => out!("{}", csv::export(ctx, lang)?),
    }
    Ok(())
}
