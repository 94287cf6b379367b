/**
 * The valuation document (`*.nytta.json`, docs/format.md) as the editors change it. The shell
 * takes and returns it as JSON text (`document_json`), so it has no generated declaration;
 * every shape a command returns is generated from Rust into `./types/` (ts-rs).
 */
import type { Category, Direction, FreedTimeUse, PriorityBasis, Side, Stage, Stakeholder } from "./types/index";

/** A number in a document: JSON number or exact decimal string. */
export type Num = string | number;
/** A formula (a plain number is a formula). */
export type FormulaText = string | number;

/** Every stage in process order (the order of nytta-core's `Stage::ALL`). */
export const STAGES: Stage[] = [
  "idea",
  "development",
  "valued",
  "awaiting_decision",
  "decided",
  "planning",
  "in_progress",
  "follow_up",
  "closed",
  "rejected",
];
export const PRIORITY_BASES: PriorityBasis[] = ["legal", "critical", "efficiency"];
export const CATEGORIES: Category[] = ["financial", "reallocation", "quality", "environment"];
export const STAKEHOLDERS: Stakeholder[] = ["user", "staff", "organisation", "society"];
export const FREED_TIME_USES: FreedTimeUse[] = ["redeployed", "quality", "withdrawn"];

export interface Needs {
  problem: string;
  goals: string;
  target_groups: string;
  alternatives: string;
}
export interface InitiativeDoc {
  title: string;
  description?: string;
  department?: string;
  owner?: string;
  stage?: Stage;
  priority_basis?: PriorityBasis;
  tags?: string[];
  needs?: Needs;
}
export interface Parameters {
  start_year: number;
  years: number;
  discount_rate: Num;
  hours_per_fte?: Num;
  optimism_bias?: Num;
  currency?: string;
}
export interface Role {
  id: string;
  name: string;
  hourly_cost?: Num;
  monthly_salary?: Num;
  source?: string;
}
export interface Input {
  id: string;
  name: string;
  unit?: string;
  value: FormulaText;
  low?: Num;
  high?: Num;
  /** What the simulation draws the input from (needs low and high); PERT when absent. */
  distribution?: Distribution;
  source?: string;
  description?: string;
}
/** The simulation's distributions (docs/format.md §inputs). */
export type Distribution = "pert" | "triangular" | "uniform";
export const DISTRIBUTIONS: Distribution[] = ["pert", "triangular", "uniform"];
/**
 * How the Monte Carlo simulation is run (`valuation.simulation`). The seed is a 64-bit
 * integer: one above 2^53 is carried as its digits in a string, which the engine reads as the
 * same seed ({@link parseDocument} makes sure it is never rounded on the way in).
 */
export interface SimulationSettings {
  draws?: number;
  seed?: number | string;
}
export interface TimeForm {
  minutes: FormulaText;
  occurrences: FormulaText;
  role: string;
}
export type Timing = { once: number } | { yearly: { from: number; to?: number } };
export interface Line {
  id: string;
  side: Side;
  name: string;
  description?: string;
  category: Category;
  stakeholder?: Stakeholder;
  amount?: FormulaText;
  time?: TimeForm;
  timing?: Timing;
  ramp?: Num[];
  confidence?: Num;
  indicator?: string;
  /** Who answers for realising the benefit (nyttoägare); benefit lines only. */
  benefit_owner?: string;
  /** The id of the valuation's effect goal this line serves. */
  effect_goal?: string;
}
export interface ScoreChoice {
  level: number;
  reason: string;
}
export interface ScoreSettingsDoc {
  effect_money_5: Num;
  effect_money_3: Num;
  effect_hours_5: Num;
  effect_hours_3: Num;
  resource_5: Num;
  resource_3: Num;
  weight_effect: Num;
  weight_feasibility: Num;
  weight_financing: Num;
  weight_resource: Num;
  full_valuation_effect: number;
  full_valuation_resource: number;
}
export interface EffectGoal {
  id: string;
  indicator: string;
  unit?: string;
  direction: Direction;
  baseline?: Num;
  target: Num;
  target_date?: string;
  method?: string;
}
export interface Risk {
  kind: "risk" | "obstacle";
  text: string;
  likelihood: number;
  impact: number;
  mitigation?: string;
}
/** The proposed decision (the business case's decision box). */
export interface ProposedDecision {
  proposal?: string;
  /** Who is to decide (beslutsinstans). */
  deciding_body?: string;
  funding_source?: string;
  /** ISO date the initiative starts. */
  start?: string;
  recommendation?: string;
  /** Diarienummer. */
  case_number?: string;
}
/** An alternative to the proposal; the do-nothing baseline is never listed. */
export interface CaseOption {
  id: string;
  name?: string;
  description?: string;
  one_off_cost?: Num;
  yearly_cost?: Num;
  yearly_benefit?: Num;
}
/** Money for the initiative in one analysis year (0..N) from one source. */
export interface Funding {
  source?: string;
  year?: number;
  amount?: Num;
}
export interface Milestone {
  date?: string;
  text?: string;
}
export interface PlannedFollowUp {
  date?: string;
  who?: string;
  what?: string;
}
/** Whether a data-processing agreement (personuppgiftsbiträdesavtal) is needed. */
export type Dpa = "yes" | "no" | "unclear";
export const DPA_ANSWERS: Dpa[] = ["yes", "no", "unclear"];
/** The version's own decision material (docs/format.md, `valuation.case`). */
export interface BusinessCase {
  decision?: ProposedDecision;
  changed_work?: string;
  options?: CaseOption[];
  financial?: { funding?: Funding[]; budget_plan?: string };
  management?: { milestones?: Milestone[]; follow_up_plan?: PlannedFollowUp[] };
  commercial?: { procurement?: string; contract_years?: Num; exit?: string; dpa?: Dpa; dpa_note?: string };
}
export interface Valuation {
  label?: string;
  /** The version's date; for a decided version, the date of the decision. */
  date?: string;
  /** Who took the decision (beslutsinstans), set when the version is marked decided. */
  decided_by?: string;
  status?: "draft" | "decided";
  parameters: Parameters;
  roles?: Role[];
  inputs?: Input[];
  lines?: Line[];
  scores?: { feasibility?: ScoreChoice; financing?: ScoreChoice };
  effect_goals?: EffectGoal[];
  risks?: Risk[];
  settings?: ScoreSettingsDoc;
  simulation?: SimulationSettings;
  case?: BusinessCase;
}
export interface LineOverride {
  amount?: FormulaText;
  time?: { minutes?: FormulaText; occurrences?: FormulaText; role?: string };
  confidence?: Num;
}
export interface FollowUp {
  date: string;
  year: number;
  evaluator?: string;
  method?: string;
  inputs?: Record<string, Num>;
  lines?: Record<string, LineOverride>;
  effect_goals?: Record<string, Num>;
  freed_time_use?: FreedTimeUse;
  observations?: string;
  lessons?: string[];
}
/** The valuation document (`*.nytta.json`), version 1. */
export interface NyttaDocument {
  nytta: number;
  initiative: InitiativeDoc;
  valuation: Valuation;
  follow_ups?: FollowUp[];
}

/**
 * Reads a document's JSON text like `JSON.parse`, except that an integer JavaScript cannot
 * hold exactly (beyond ±2^53, such as a 64-bit seed) becomes a string of its digits instead
 * of the nearest double: the engine reads the string as the same number, so an edit
 * elsewhere never changes it.
 */
export function parseDocument(text: string): NyttaDocument {
  // Strings are matched first and kept as they are, so digits inside them are never touched.
  const exact = text.replace(/"(?:[^"\\]|\\.)*"|-?\d+(\.\d+)?([eE][-+]?\d+)?/g, (token, fraction, exponent) =>
    token.startsWith('"') || fraction !== undefined || exponent !== undefined || Number.isSafeInteger(Number(token)) ? token : `"${token}"`,
  );
  return JSON.parse(exact) as NyttaDocument;
}
