//! The decision material of a valuation version (`valuation.case`): the proposed decision,
//! the changed way of working, the options compared with the proposal, and the financial,
//! management and commercial parts of the business case (docs/format.md §case). Every field
//! is optional; the business case says plainly what was not given.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::num::Num;

/// The decision material, laid out along the Five Case Model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct BusinessCase {
    /// The proposed decision.
    #[serde(default, skip_serializing_if = "ProposedDecision::is_empty")]
    pub decision: ProposedDecision,
    /// How the work is done differently once the initiative is in place.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub changed_work: String,
    /// Options compared with the proposal; the do-nothing baseline is never listed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<CaseOption>,
    /// Funding and the budget plan.
    #[serde(default, skip_serializing_if = "Financial::is_empty")]
    pub financial: Financial,
    /// Milestones and the follow-up plan.
    #[serde(default, skip_serializing_if = "Management::is_empty")]
    pub management: Management,
    /// Procurement, contract and data processing.
    #[serde(default, skip_serializing_if = "Commercial::is_empty")]
    pub commercial: Commercial,
}

/// The decision proposed to the deciding body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct ProposedDecision {
    /// The proposed decision in concrete terms.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub proposal: String,
    /// Who decides (*beslutsinstans*), e.g. "Omsorgsnämnden".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub deciding_body: String,
    /// Funding source or budget line.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub funding_source: String,
    /// ISO date the initiative starts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// The recommendation of the department.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub recommendation: String,
    /// Registration number (*diarienummer*).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub case_number: String,
}

impl ProposedDecision {
    /// Whether no field is given.
    pub fn is_empty(&self) -> bool {
        *self == ProposedDecision::default()
    }
}

/// An option compared with the proposal (the do-nothing baseline is implied).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct CaseOption {
    /// Stable id, unique among the options.
    pub id: String,
    /// Name shown to people.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// What the option means.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// One-off cost in year 0 (kr).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub one_off_cost: Option<Num>,
    /// Cost every year 1..N (kr).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub yearly_cost: Option<Num>,
    /// Benefit every year 1..N (kr).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub yearly_benefit: Option<Num>,
}

impl CaseOption {
    /// Whether the option is costed (any of its three figures given).
    pub fn is_costed(&self) -> bool {
        self.one_off_cost.is_some() || self.yearly_cost.is_some() || self.yearly_benefit.is_some()
    }
}

/// The financial case: where the money comes from and how freed time becomes budget.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Financial {
    /// Funding per year and source.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub funding: Vec<Funding>,
    /// How freed time is turned into budget effect, when that is claimed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub budget_plan: String,
}

impl Financial {
    /// Whether no field is given.
    pub fn is_empty(&self) -> bool {
        *self == Financial::default()
    }
}

/// Money from one source in one analysis year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Funding {
    /// The source, e.g. a budget line.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// The analysis year 0..N.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u32>,
    /// Kronor, not negative.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Num>,
}

/// The management case: the timeline and who follows up when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Management {
    /// Milestones, in the order given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<Milestone>,
    /// Planned follow-ups.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub follow_up_plan: Vec<PlannedFollowUp>,
}

impl Management {
    /// Whether no field is given.
    pub fn is_empty(&self) -> bool {
        *self == Management::default()
    }
}

/// A milestone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// ISO date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// What is reached.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

/// A planned follow-up: when, who (a role) and what.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct PlannedFollowUp {
    /// ISO date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Who follows up, named by role.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub who: String,
    /// What is followed up.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub what: String,
}

/// The commercial case.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Commercial {
    /// Procurement route.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub procurement: String,
    /// Contract length in years, above 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_years: Option<Num>,
    /// How the municipality leaves the contract (exit).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub exit: String,
    /// Whether a data-processing agreement (*personuppgiftsbiträdesavtal*) is needed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dpa: Option<Dpa>,
    /// A note on the data-processing agreement.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub dpa_note: String,
}

impl Commercial {
    /// Whether no field is given.
    pub fn is_empty(&self) -> bool {
        *self == Commercial::default()
    }
}

/// Whether a data-processing agreement is needed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Dpa {
    /// Needed.
    Yes,
    /// Not needed.
    No,
    /// Not yet known.
    Unclear,
}
