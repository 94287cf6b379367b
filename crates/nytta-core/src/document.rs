//! The valuation document, version 1 (`*.nytta.json`), as it is written on disk.
//!
//! These types mirror docs/format.md field for field. They are only parsed here;
//! `validate` checks them into the rich [`crate::model`] types the engine computes with.
//! Unknown fields are refused so that a typo is caught, with its path.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::num::{FormulaText, Num};

mod case;

pub use case::{
    BusinessCase, CaseOption, Commercial, Dpa, Financial, Funding, Management, Milestone,
    PlannedFollowUp, ProposedDecision,
};

/// The document format version this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// One initiative with its valuation and follow-ups.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Format version; this build reads 1.
    pub nytta: u32,
    /// What the valuation is about.
    pub initiative: Initiative,
    /// The valuation: parameters, roles, inputs, lines, scores, goals, risks.
    pub valuation: Valuation,
    /// Follow-ups made after the decision, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub follow_ups: Vec<FollowUp>,
}

/// An initiative (*initiativ*).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Initiative {
    /// Title.
    pub title: String,
    /// Free description.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Owning department (*förvaltning*) or municipal company (*bolag*).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub department: String,
    /// Responsible person, named by role.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// Stage (*status*).
    #[serde(default)]
    pub stage: Stage,
    /// Priority basis (*prioriteringsgrund*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority_basis: Option<PriorityBasis>,
    /// Free tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Needs analysis (*behovsanalys*).
    #[serde(default)]
    pub needs: Needs,
}

/// The stage of an initiative, in process order, plus `rejected`.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    JsonSchema,
    Default,
)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// idé
    #[default]
    Idea,
    /// utvecklingsfas
    Development,
    /// värderad
    Valued,
    /// för beslut
    AwaitingDecision,
    /// beslutad
    Decided,
    /// planering
    Planning,
    /// genomförs
    InProgress,
    /// uppföljning
    FollowUp,
    /// avslutad
    Closed,
    /// avslagen
    Rejected,
}

impl Stage {
    /// Every stage in process order.
    pub const ALL: [Stage; 10] = [
        Stage::Idea,
        Stage::Development,
        Stage::Valued,
        Stage::AwaitingDecision,
        Stage::Decided,
        Stage::Planning,
        Stage::InProgress,
        Stage::FollowUp,
        Stage::Closed,
        Stage::Rejected,
    ];
}

/// Priority basis, strongest first.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum PriorityBasis {
    /// Required by law (*gällande rätt*).
    Legal,
    /// Critical societal function (*samhällsviktig verksamhet*).
    Critical,
    /// Internal efficiency or cost reduction (*inre effektivitet*).
    Efficiency,
}

/// Needs analysis texts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Needs {
    /// The problem.
    #[serde(default)]
    pub problem: String,
    /// Goals.
    #[serde(default)]
    pub goals: String,
    /// Target groups.
    #[serde(default)]
    pub target_groups: String,
    /// Alternatives considered.
    #[serde(default)]
    pub alternatives: String,
}

/// One field of the needs analysis, named as the Behov tab names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum NeedsField {
    /// Problem.
    Problem,
    /// Goals (mål).
    Goals,
    /// Target groups.
    TargetGroups,
    /// Alternatives.
    Alternatives,
}

/// One filled-in field of the needs analysis with its text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NeedsPart {
    /// Which field.
    pub field: NeedsField,
    /// Its text, trimmed.
    pub text: String,
}

impl NeedsField {
    /// The field's name as the Behov tab shows it.
    pub fn label(self, lang: crate::format::Lang) -> &'static str {
        let sv = lang == crate::format::Lang::Sv;
        match self {
            NeedsField::Problem => "Problem",
            NeedsField::Goals if sv => "Mål",
            NeedsField::Goals => "Goals",
            NeedsField::TargetGroups if sv => "Målgrupper",
            NeedsField::TargetGroups => "Target groups",
            NeedsField::Alternatives if sv => "Alternativ",
            NeedsField::Alternatives => "Alternatives",
        }
    }
}

impl Needs {
    /// The fields filled in, in the Behov tab's order (problem, goals, target groups,
    /// alternatives), each trimmed; blank ones left out.
    pub fn parts(&self) -> Vec<NeedsPart> {
        [
            (NeedsField::Problem, &self.problem),
            (NeedsField::Goals, &self.goals),
            (NeedsField::TargetGroups, &self.target_groups),
            (NeedsField::Alternatives, &self.alternatives),
        ]
        .into_iter()
        .filter(|(_, t)| !t.trim().is_empty())
        .map(|(field, t)| NeedsPart {
            field,
            text: t.trim().to_string(),
        })
        .collect()
    }
}

/// A valuation version (*nyttovärdering*).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Valuation {
    /// Version label, e.g. "Beslutsunderlag".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    /// ISO date (YYYY-MM-DD) of the version; for a decided version, the date of the decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Who took the decision on this version (*beslutsinstans*), e.g. "Omsorgsnämnden";
    /// set when the version is marked decided.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub decided_by: String,
    /// `draft` or `decided` (a decided version is never edited again).
    #[serde(default)]
    pub status: ValuationStatus,
    /// Analysis parameters.
    pub parameters: Parameters,
    /// Staff groups and their hourly costs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    /// Named values shared by the formulas (*faktorer*).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inputs: Vec<Input>,
    /// Benefit and cost lines.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<Line>,
    /// The user's scores for feasibility and financing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scores: Option<Scores>,
    /// Effect goals (*effektmål*).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub effect_goals: Vec<EffectGoal>,
    /// Risks and obstacles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub risks: Vec<Risk>,
    /// The decision material: proposed decision, options, financial, management and
    /// commercial parts of the business case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case: Option<BusinessCase>,
    /// Score thresholds and weights this valuation is computed with (defaults when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<ScoreSettingsDoc>,
    /// Draws and seed of the Monte Carlo simulation (defaults when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub simulation: Option<SimulationSettings>,
}

/// Whether a valuation version is still being worked on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ValuationStatus {
    /// Being worked on.
    #[default]
    Draft,
    /// The decision was taken on this version; it is frozen.
    Decided,
}

/// Analysis parameters.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Parameters {
    /// Calendar year of year 0.
    pub start_year: i32,
    /// Analysis period N (*kalkylperiod*): years 0..=N are computed.
    pub years: u32,
    /// Discount rate (*diskonteringsränta*), e.g. 0.03.
    pub discount_rate: Num,
    /// Hours per full-time equivalent (*årsarbetare*); default 1700.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours_per_fte: Option<Num>,
    /// Optimism bias added to every cost, e.g. 0.1 for +10 %; default 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub optimism_bias: Option<Num>,
    /// Currency; only SEK.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
}

/// A staff group with its hourly cost including payroll overhead.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// Id used in formulas as `role.ID`.
    pub id: String,
    /// Name shown to people.
    pub name: String,
    /// Hourly cost incl. payroll overhead (*timkostnad inkl. PO-pålägg*), kr/h.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hourly_cost: Option<Num>,
    /// Monthly salary; the hourly cost is then `monthly ÷ 142 × 1.54`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monthly_salary: Option<Num>,
    /// Where the figure comes from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

/// A named value shared by several calculations (*faktor*).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Input {
    /// Id used in formulas.
    pub id: String,
    /// Name shown to people.
    pub name: String,
    /// Unit, e.g. "st", "min", "kr".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    /// Likely value, or a formula over other inputs (a derived input).
    pub value: FormulaText,
    /// Low value for sensitivity analysis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub low: Option<Num>,
    /// High value for sensitivity analysis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<Num>,
    /// How the input varies in the simulation (needs `low` and `high`); PERT when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distribution: Option<Distribution>,
    /// Source (*källa*), printed in the business case.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// Free description.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

/// The distribution an input with a range is drawn from in the simulation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "snake_case")]
pub enum Distribution {
    /// PERT (a Beta distribution) from low, likely and high: most draws near the likely value.
    #[default]
    Pert,
    /// Triangular from low, likely and high.
    Triangular,
    /// Every value between low and high equally likely (the likely value plays no part).
    Uniform,
}

/// How the valuation's Monte Carlo simulation is run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct SimulationSettings {
    /// Number of draws, 1–100 000; default 10 000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draws: Option<i64>,
    /// Seed of the random numbers; the same document and seed give the same figures. An
    /// integer, or its digits as a string.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::num::seed::deserialize"
    )]
    #[schemars(schema_with = "crate::num::seed::schema")]
    pub seed: Option<u64>,
}

/// Benefit or cost.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// *nytta*
    Benefit,
    /// *kostnad*
    Cost,
}

/// What kind of value a line carries.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Money actually saved or spent (*finansiell*).
    Financial,
    /// Resources freed for other work, or internal staff time spent (*omfördelning*).
    Reallocation,
    /// Quality, not valued in money (*kvalitet*).
    Quality,
    /// Environment, not valued in money (*miljö*).
    Environment,
}

impl Category {
    /// Every category in display order.
    pub const ALL: [Category; 4] = [
        Category::Financial,
        Category::Reallocation,
        Category::Quality,
        Category::Environment,
    ];

    /// Whether lines of this category carry money.
    pub fn is_money(self) -> bool {
        matches!(self, Category::Financial | Category::Reallocation)
    }
}

/// Who gains or pays (*intressent*).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Stakeholder {
    /// brukare/patient
    User,
    /// personal
    Staff,
    /// kommunen
    Organisation,
    /// samhället
    Society,
}

impl Stakeholder {
    /// Every stakeholder in display order.
    pub const ALL: [Stakeholder; 4] = [
        Stakeholder::User,
        Stakeholder::Staff,
        Stakeholder::Organisation,
        Stakeholder::Society,
    ];
}

/// A benefit or cost line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Line {
    /// Stable id.
    pub id: String,
    /// `benefit` or `cost`.
    pub side: Side,
    /// Name shown to people.
    pub name: String,
    /// Free description.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Category.
    pub category: Category,
    /// Stakeholder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stakeholder: Option<Stakeholder>,
    /// Kronor per occurrence of the timing, as a formula.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<FormulaText>,
    /// Time form: minutes × occurrences / 60 × the role's hourly cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<TimeForm>,
    /// When the amount falls.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timing: Option<Timing>,
    /// Ramp-up factors per year from the first year of the timing; the last repeats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ramp: Option<Vec<Num>>,
    /// Confidence 0–1 (benefits only); default 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Num>,
    /// Indicator to follow up.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub indicator: String,
    /// Who answers for realising the benefit (*nyttoägare*), named by role; benefits only.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub benefit_owner: String,
    /// The id of the effect goal this line contributes to.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub effect_goal: String,
}

/// The time form of a money line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TimeForm {
    /// Minutes per occurrence.
    pub minutes: FormulaText,
    /// Occurrences per year (or in total for a one-off line).
    pub occurrences: FormulaText,
    /// The role whose hourly cost values the time.
    pub role: String,
}

/// When a money line's amount falls (years count from 0, the start year).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Timing {
    /// Once, in the given year (*engångs*).
    Once(u32),
    /// Every year in a range (*löpande*).
    Yearly(YearRange),
}

/// A range of years, both ends included.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct YearRange {
    /// First year.
    pub from: u32,
    /// Last year; the end of the analysis period when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<u32>,
}

/// The user's scores.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Scores {
    /// Feasibility (*genomförbarhet*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feasibility: Option<ScoreChoice>,
    /// Financing (*finansiering*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub financing: Option<ScoreChoice>,
}

/// A level chosen by the user, with the reason.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScoreChoice {
    /// 1, 3 or 5.
    pub level: u8,
    /// Why this level.
    #[serde(default)]
    pub reason: String,
}

/// Whether an effect goal's indicator should rise or fall.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Higher is better.
    Increase,
    /// Lower is better.
    Decrease,
}

/// An effect goal (*effektmål*).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EffectGoal {
    /// Stable id.
    pub id: String,
    /// What is measured.
    pub indicator: String,
    /// Unit.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    /// Increase or decrease.
    pub direction: Direction,
    /// Value before the change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Num>,
    /// Value aimed for.
    pub target: Num,
    /// ISO date by which the target should be reached.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_date: Option<String>,
    /// How it will be measured.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub method: String,
}

/// Risk or obstacle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RiskKind {
    /// *risk*
    Risk,
    /// *hinder*
    Obstacle,
}

/// A risk or obstacle line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    /// Risk or obstacle.
    pub kind: RiskKind,
    /// What could happen.
    pub text: String,
    /// Likelihood 1–5.
    pub likelihood: u8,
    /// Impact 1–5.
    pub impact: u8,
    /// What is done about it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub mitigation: String,
}

/// Score thresholds, weights and rubric texts, as stored with a valuation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScoreSettingsDoc {
    /// Effect level 5 at this annual money value or more (kr).
    pub effect_money_5: Num,
    /// Effect level 3 at this annual money value or more (kr).
    pub effect_money_3: Num,
    /// Effect level 5 at this many freed hours a year or more.
    pub effect_hours_5: Num,
    /// Effect level 3 at this many freed hours a year or more.
    pub effect_hours_3: Num,
    /// Resource need level 5 at this one-off cost or more (kr).
    pub resource_5: Num,
    /// Resource need level 3 at this one-off cost or more (kr).
    pub resource_3: Num,
    /// Weight of potential effect in the priority score.
    pub weight_effect: Num,
    /// Weight of feasibility.
    pub weight_feasibility: Num,
    /// Weight of financing.
    pub weight_financing: Num,
    /// Weight of (6 − resource need).
    pub weight_resource: Num,
    /// A full valuation is required at this effect level or more.
    pub full_valuation_effect: u8,
    /// A full valuation is required at this resource-need level or more.
    pub full_valuation_resource: u8,
}

/// What became of freed staff time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum FreedTimeUse {
    /// Used for other work (*omfördelad*).
    Redeployed,
    /// Spent on quality for users (*kvalitet*).
    Quality,
    /// Realised as a budget saving, taken out of the budget (*hemtagen i budget*): counts in
    /// the realised budget view.
    Withdrawn,
}

/// A follow-up (*uppföljning*): realised values and what was learned.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    /// ISO date of the follow-up.
    pub date: String,
    /// The analysis year (0..N) the realised values describe.
    pub year: u32,
    /// Who followed up (a role).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evaluator: String,
    /// Method description (*metodbeskrivning*).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub method: String,
    /// Realised input values by input id.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub inputs: std::collections::BTreeMap<String, Num>,
    /// Realised line fields by line id.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub lines: std::collections::BTreeMap<String, LineOverride>,
    /// Actual value per effect goal id.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub effect_goals: std::collections::BTreeMap<String, Num>,
    /// What became of freed time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freed_time_use: Option<FreedTimeUse>,
    /// Observations from users, citizens and staff.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub observations: String,
    /// Lessons learned (*lärdomar*).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lessons: Vec<String>,
}

/// Realised values that replace a line's expected ones.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct LineOverride {
    /// Realised amount formula.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<FormulaText>,
    /// Realised time form fields.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<TimeOverride>,
    /// Realised confidence (default 1: what happened is known).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Num>,
}

/// Realised time form fields; absent ones keep the expected value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct TimeOverride {
    /// Realised minutes per occurrence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<FormulaText>,
    /// Realised occurrences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occurrences: Option<FormulaText>,
    /// Realised role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}
