//! What can go wrong while making a chart or a PDF, in Swedish and English.

use nytta_core::Lang;

/// An error from a report or chart.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    /// The embedded font could not be read (a broken build, never user data).
    #[error("the embedded font DejaVu Sans could not be read")]
    Font,
    /// A chart could not be drawn.
    #[error("chart \"{chart}\" could not be drawn: {detail}")]
    Chart {
        /// Which chart.
        chart: String,
        /// The drawing library's message.
        detail: String,
    },
    /// The PDF could not be serialised.
    #[error("the PDF could not be written: {0}")]
    Write(String),
    /// The follow-up asked for does not exist.
    #[error("follow_ups[{index}]: the document has {count} follow-up(s)")]
    NoFollowUp {
        /// The index asked for.
        index: usize,
        /// How many follow-ups the document has.
        count: usize,
    },
    /// A date passed by the caller is not `YYYY-MM-DD`.
    #[error("{field}: expected a date YYYY-MM-DD, got \"{value}\"")]
    BadDate {
        /// Which option.
        field: String,
        /// What was given.
        value: String,
    },
}

impl ReportError {
    /// A stable code for callers to branch on.
    pub fn code(&self) -> &'static str {
        match self {
            ReportError::Font => "report_font",
            ReportError::Chart { .. } => "report_chart",
            ReportError::Write(_) => "report_write",
            ReportError::NoFollowUp { .. } => "no_follow_up",
            ReportError::BadDate { .. } => "bad_date",
        }
    }

    /// The document path or option the error is about, if any.
    pub fn path(&self) -> Option<String> {
        match self {
            ReportError::NoFollowUp { index, .. } => Some(format!("follow_ups[{index}]")),
            ReportError::BadDate { field, .. } => Some(field.clone()),
            _ => None,
        }
    }

    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (ReportError::Font, Lang::Sv) => {
                "det inbäddade typsnittet DejaVu Sans kunde inte läsas".into()
            }
            (ReportError::Chart { chart, detail }, Lang::Sv) => {
                format!("diagrammet \"{chart}\" kunde inte ritas: {detail}")
            }
            (ReportError::Write(detail), Lang::Sv) => {
                format!("pdf-filen kunde inte skrivas: {detail}")
            }
            (ReportError::NoFollowUp { index, count }, Lang::Sv) => format!(
                "follow_ups[{index}]: dokumentet har {count} uppföljning(ar); välj en som finns"
            ),
            (ReportError::BadDate { field, value }, Lang::Sv) => {
                format!("{field}: förväntade ett datum ÅÅÅÅ-MM-DD, fick \"{value}\"")
            }
            (e, Lang::En) => e.to_string(),
        }
    }
}
