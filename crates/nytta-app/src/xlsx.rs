//! Excel both ways: a valuation as a workbook with live formulas, a workbook a person edited
//! read back as a document, and the portfolio as one table with filters (nytta-xlsx does
//! the work; this module reads and writes the files and the store).
//!
//! Files are written beside the target and renamed into place, so a failed write leaves no
//! half workbook.

use std::path::Path;

use nytta_core::read::write_document;
use nytta_xlsx::PortfolioRow;

use crate::ctx::Ctx;
use crate::portfolio::{self, OnDuplicate};
use crate::{AppError, Lang};

fn io_error(path: &Path, detail: impl ToString) -> AppError {
    AppError::Io {
        path: path.display().to_string(),
        detail: detail.to_string(),
    }
}

fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), AppError> {
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    let partial = Path::new(&partial);
    std::fs::write(partial, bytes).map_err(|e| io_error(path, e))?;
    std::fs::rename(partial, path).map_err(|e| {
        let _ = std::fs::remove_file(partial);
        io_error(path, e)
    })
}

fn workbook(r: Result<Vec<u8>, nytta_xlsx::Error>, path: &Path) -> Result<Vec<u8>, AppError> {
    r.map_err(|e| match e {
        nytta_xlsx::Error::Document(errors) => AppError::from(errors),
        nytta_xlsx::Error::Workbook(detail) => io_error(path, detail),
    })
}

/// A document's text as an .xlsx workbook: checked and evaluated first, then every figure
/// written as a live formula with Nytta's value cached.
pub fn export_text(text: &str) -> Result<Vec<u8>, AppError> {
    let (model, evaluation) = crate::evaluate_text(text, Lang::Sv)?;
    workbook(
        nytta_xlsx::export_valuation(&model, &evaluation),
        Path::new(""),
    )
}

/// `nytta export-xlsx FILE -o OUT`: a document file to a workbook file.
pub fn export_file(document: &Path, out: &Path) -> Result<(), AppError> {
    let text = std::fs::read_to_string(document).map_err(|e| io_error(document, e))?;
    write_atomic(out, &export_text(&text)?)
}

/// A stored initiative's current version to a workbook file.
pub fn export_initiative(ctx: &Ctx, id: i64, out: &Path) -> Result<(), AppError> {
    write_atomic(out, &export_text(&portfolio::export(ctx, id)?)?)
}

/// A workbook read back as a document's text (docs/format.md), checked like any other
/// document; every problem names its sheet and cell.
pub fn import_bytes(bytes: &[u8]) -> Result<String, AppError> {
    let doc = nytta_xlsx::import_workbook(bytes)?;
    Ok(write_document(&doc))
}

/// `nytta import-xlsx IN -o FILE`: a workbook file to a document file.
pub fn import_file(workbook: &Path, out: &Path) -> Result<(), AppError> {
    let bytes = std::fs::read(workbook).map_err(|e| io_error(workbook, e))?;
    write_atomic(out, import_bytes(&bytes)?.as_bytes())
}

/// A workbook file into the store (a new initiative, or as `on_duplicate` says when it is
/// already there); returns the initiative's id.
pub fn import_into_store(
    ctx: &Ctx,
    workbook: &Path,
    on_duplicate: OnDuplicate,
) -> Result<i64, AppError> {
    let bytes = std::fs::read(workbook).map_err(|e| io_error(workbook, e))?;
    let text = import_bytes(&bytes)?;
    Ok(portfolio::import_text(ctx, &text, on_duplicate)?.id)
}

/// The store's portfolio, one row per initiative with every summary column, as rows of the
/// workbook table (stage and priority basis in `lang`'s words).
pub fn portfolio_rows(ctx: &Ctx, lang: Lang) -> Result<Vec<PortfolioRow>, AppError> {
    let dec = |s: Option<&str>| s.and_then(|s| s.parse().ok());
    Ok(portfolio::list(ctx)?
        .into_iter()
        .map(|s| {
            let m = s.summary;
            let stage = crate::text::stage(lang, m.stage).to_string();
            let basis = m
                .priority_basis
                .map(|p| crate::text::priority_basis(lang, p).to_string())
                .unwrap_or_default();
            PortfolioRow {
                id: s.id,
                title: m.title,
                department: m.department,
                stage,
                priority_basis: basis,
                tags: m.tags.join(", "),
                example: s.example,
                version: s.current_version_number,
                status: nytta_store::valuation::code_of(&s.status),
                updated_at: s.updated_at,
                effect: m.effect,
                feasibility: m.feasibility,
                financing: m.financing,
                resource_need: m.resource_need,
                priority: dec(m.priority.as_deref()),
                full_valuation_required: m.full_valuation_required,
                npv_economic: dec(Some(&m.npv_economic)).unwrap_or_default(),
                npv_budget: dec(Some(&m.npv_budget)).unwrap_or_default(),
                payback_economic: dec(m.payback_economic.as_deref()),
                payback_budget: dec(m.payback_budget.as_deref()),
            }
        })
        .collect())
}

/// `nytta db export-xlsx -o OUT`: the portfolio as a workbook file.
pub fn export_portfolio(ctx: &Ctx, out: &Path) -> Result<(), AppError> {
    let rows = portfolio_rows(ctx, Lang::Sv)?;
    let bytes = workbook(nytta_xlsx::export_portfolio(&rows), out)?;
    write_atomic(out, &bytes)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn ctx(dir: &Path) -> Ctx {
        Ctx::open_with_clock(
            &dir.join("nytta.db"),
            Box::new(|| "2025-03-01T09:30:00Z".into()),
        )
        .unwrap()
    }

    const ROBOTS: &str = include_str!("../../../samples/lakemedelsrobotar.nytta.json");

    #[test]
    fn a_document_file_goes_to_a_workbook_and_back_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let doc = dir.path().join("robots.nytta.json");
        std::fs::write(&doc, ROBOTS).unwrap();
        let book = dir.path().join("robots.xlsx");
        export_file(&doc, &book).unwrap();
        assert!(!dir.path().join("robots.xlsx.partial").exists());
        let back = dir.path().join("back.nytta.json");
        import_file(&book, &back).unwrap();
        let again = std::fs::read_to_string(&back).unwrap();
        assert_eq!(
            nytta_core::read::read_document(&again).unwrap(),
            nytta_core::read::read_document(ROBOTS).unwrap()
        );
    }

    #[test]
    fn a_file_that_is_no_workbook_is_an_invalid_document_in_both_languages() {
        let e = import_bytes(b"not a workbook").unwrap_err();
        let AppError::InvalidDocument(problems) = &e else {
            panic!("{e:?}")
        };
        assert!(
            problems[0].message_sv.contains("Excelarbetsbok"),
            "{problems:?}"
        );
        assert!(
            problems[0].message_en.contains("Excel workbook"),
            "{problems:?}"
        );
    }

    #[test]
    fn the_portfolio_has_one_row_per_initiative() {
        let dir = tempfile::tempdir().unwrap();
        let ctx = ctx(dir.path());
        portfolio::create(&ctx, "Digital post", "Kommunstyrelsen").unwrap();
        let rows = portfolio_rows(&ctx, Lang::Sv).unwrap();
        assert_eq!(rows.len(), portfolio::list(&ctx).unwrap().len());
        let robots = rows
            .iter()
            .find(|r| r.title == "Läkemedelsrobotar i boendestödet")
            .unwrap();
        assert_eq!(robots.stage, "uppföljning");
        assert!(robots.example, "the store's samples are examples");
        let out = dir.path().join("portfolj.xlsx");
        export_portfolio(&ctx, &out).unwrap();
        assert!(std::fs::metadata(&out).unwrap().len() > 0);
    }
}
