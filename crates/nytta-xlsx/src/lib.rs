//! # nytta-xlsx
//!
//! Excel both ways. [`export_valuation`] writes a valuation as a workbook whose formulas
//! recompute to Nytta's own figures (inputs as defined names, each line's formula in Excel's
//! words, the year table in both views, NPV as `=CF0+NPV(r;CF1:CFn)`, IRR, MIRR, payback by
//! formula), with Nytta's values cached in every formula cell. [`import_workbook`] reads such
//! a workbook back after a person edited it and checks it like any other document.
//! [`export_portfolio`] writes the portfolio as one table with filters.
//!
//! Values in, bytes out (and back): no file I/O, no clock. Text is always written as text,
//! and nothing in a workbook that is read is evaluated or run.

mod excel;
mod export;
mod import;
mod layout;
mod portfolio;

pub use excel::{from_excel, to_excel, Names, NotNytta, Resolve, Untranslatable};
pub use export::{export_valuation, NONE};
pub use import::import_workbook;
pub use layout::{
    input_name, role_name, DATA, FIGURES, FRONT, INPUTS, LINES, PARAMS, ROLES, YEARS,
};
pub use portfolio::{export_portfolio, PortfolioRow, PORTFOLIO_COLUMNS, PORTFOLIO_SHEET};

use nytta_core::error::DocError;
use nytta_core::DocErrors;

/// Why a workbook could not be written.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The document holds something Excel cannot express (each problem names the line or
    /// input, in Swedish and English).
    #[error("{0}")]
    Document(DocErrors),
    /// The workbook writer failed.
    #[error("the workbook could not be written: {0}")]
    Workbook(String),
}

impl From<rust_xlsxwriter::XlsxError> for Error {
    fn from(e: rust_xlsxwriter::XlsxError) -> Self {
        Error::Workbook(e.to_string())
    }
}

impl From<DocError> for Error {
    fn from(e: DocError) -> Self {
        Error::Document(e.into())
    }
}

/// Row and column (0-based) of the key figures on the sheet [`FIGURES`]: the economic view
/// is column B, the budget view column C. For readers that check a recalculated workbook.
pub mod cells {
    /// Rows of the key figures (0-based), in the order of the sheet.
    pub const NPV: u32 = 1;
    /// Present value of benefits.
    pub const PV_BENEFITS: u32 = 2;
    /// Present value of costs.
    pub const PV_COSTS: u32 = 3;
    /// ROI.
    pub const ROI: u32 = 4;
    /// Benefit–cost ratio.
    pub const BENEFIT_COST_RATIO: u32 = 5;
    /// Payback.
    pub const PAYBACK: u32 = 6;
    /// Discounted payback.
    pub const DISCOUNTED_PAYBACK: u32 = 7;
    /// IRR.
    pub const IRR: u32 = 8;
    /// MIRR.
    pub const MIRR: u32 = 9;
    /// Total benefits.
    pub const TOTAL_BENEFITS: u32 = 10;
    /// Total costs.
    pub const TOTAL_COSTS: u32 = 11;
    /// Switching value of benefits.
    pub const SWITCHING_BENEFITS: u32 = 12;
    /// Switching value of costs.
    pub const SWITCHING_COSTS: u32 = 13;
    /// Column of the economic view.
    pub const ECONOMIC: u32 = 1;
    /// Column of the budget view.
    pub const BUDGET: u32 = 2;
    /// First row (0-based) of year 0 on the year sheet; year t is this + t.
    pub const YEAR0_ROW: u32 = 2;
    /// Column of the economic view's first figure (benefits) on the year sheet; then
    /// costs, net, cumulative, discounted net. The budget view starts at [`YEAR_BUDGET`].
    pub const YEAR_ECONOMIC: u32 = 2;
    /// Column of the budget view's benefits on the year sheet.
    pub const YEAR_BUDGET: u32 = 10;
}
