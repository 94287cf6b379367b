//! Every type that crosses from Nytta to its callers — the desktop UI (generated to
//! TypeScript by the shell) and the CLI — named from here, so that the shell and the CLI
//! depend on nytta-app alone. Codes that the UI branches on (a stage, a version's status, a
//! priority basis, a category) are nytta-core's enums, which reach TypeScript as string
//! unions, never free strings.

pub use nytta_core::calibration::{Lesson, LessonQuery};
pub use nytta_core::case::{Figures, YearFlows, YearRow};
pub use nytta_core::document::{Category, PriorityBasis, Side, Stage, ValuationStatus};
pub use nytta_core::{Evaluation, Lang};
pub use nytta_store::versions::VersionInfo;
pub use nytta_store::{
    BackupInfo, CheckReport, Decision, InitiativeSummary, SavedInfo, Settings, StoredInitiative,
    Summary,
};

pub use crate::agenda::{Agenda, AgendaItem, Ask};
pub use crate::demo::DemoOutcome;
pub use crate::dto::{ErrorDto, StoreStatus};
pub use crate::evidence_view::Evidence;
pub use crate::overview::{
    BasisRow, Count, DemandYear, DepartmentRow, Hygiene, Overview, StageCount, Step, Sum,
};
pub use crate::portfolio::{DraftSaved, OnDuplicate, PortfolioLine, SearchText, VersionDocument};
pub use crate::priorities::{Priorities, PriorityFilter, Ranked, YearCost};
pub use crate::report_files::ChartSet;
pub use crate::similar::{Group, Member, Pair, SimilarNeeds};
pub use crate::sync::{Refused, SyncReport, SyncStatus};
pub use nytta_report::{Block, ColumnAlign, Row, Run, TextStyle};
pub use nytta_store::sync::{OpenConflict, Waiting};
pub use nytta_store::LinkKind;
pub use nytta_store::{ServerSettings, ServerTls};

/// The engine's limits that the UI checks input against (so it never keeps a copy).
pub mod limits {
    pub use nytta_core::amounts::MAX_LINE_AMOUNT;
    pub use nytta_core::format::IRR_SHOWN_UP_TO;
    pub use nytta_core::num::MAX_DIGITS;
    pub use nytta_core::simulation::{DEFAULT_DRAWS, DEFAULT_SEED, MAX_DRAWS};
}
