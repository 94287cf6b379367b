/**
 * The shapes that cross the Tauri boundary, written against FORMAT.md's JSON and the desktop
 * contract. Money and ratios are decimal strings; a figure that does not exist is `null`.
 */

/** A number in a document: JSON number or exact decimal string. */
export type Num = string | number;
/** A formula (a plain number is a formula). */
export type FormulaText = string | number;

export type Stage =
  | "idea"
  | "development"
  | "valued"
  | "awaiting_decision"
  | "decided"
  | "planning"
  | "in_progress"
  | "follow_up"
  | "closed"
  | "rejected";
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
export type PriorityBasis = "legal" | "critical" | "efficiency";
export const PRIORITY_BASES: PriorityBasis[] = ["legal", "critical", "efficiency"];
export type Side = "benefit" | "cost";
export type Category = "financial" | "reallocation" | "quality" | "environment";
export const CATEGORIES: Category[] = ["financial", "reallocation", "quality", "environment"];
export type Stakeholder = "user" | "staff" | "organisation" | "society";
export const STAKEHOLDERS: Stakeholder[] = ["user", "staff", "organisation", "society"];
export type Direction = "increase" | "decrease";
export type FreedTimeUse = "redeployed" | "quality" | "withdrawn";
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
  source?: string;
  description?: string;
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
export interface Valuation {
  label?: string;
  date?: string;
  status?: "draft" | "decided";
  parameters: Parameters;
  roles?: Role[];
  inputs?: Input[];
  lines?: Line[];
  scores?: { feasibility?: ScoreChoice; financing?: ScoreChoice };
  effect_goals?: EffectGoal[];
  risks?: Risk[];
  settings?: ScoreSettingsDoc;
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

/** One view (economic or budget) of the key figures. */
export interface Figures {
  npv: string;
  pv_benefits: string;
  pv_costs: string;
  roi: string | null;
  benefit_cost_ratio: string | null;
  payback_years: string | null;
  discounted_payback_years: string | null;
  irr: string | null;
  total_benefits: string;
  total_costs: string;
  switching_benefits: string | null;
  switching_costs: string | null;
}
export interface YearFlows {
  benefits: string;
  costs: string;
  net: string;
  cumulative: string;
  discounted_net: string;
}
export interface YearRow {
  year: number;
  calendar_year: number;
  economic: YearFlows;
  budget: YearFlows;
}
export interface LineResult {
  id: string;
  side: Side;
  category: Category;
  stakeholder?: Stakeholder | null;
  annual: string | null;
  hours_per_year: string | null;
  explain: string | null;
  in_budget?: boolean;
  values?: string[];
}
export interface ScoresResult {
  effect: number;
  feasibility: number | null;
  financing: number | null;
  resource_need: number;
  priority: string | null;
  full_valuation_required: boolean;
  effect_money?: string;
  resource_money?: string;
}
export interface Sensitivity {
  tornado: { input: string; npv_at_low: string; npv_at_high: string }[];
  pessimistic: { npv: string; payback_years: string | null };
  optimistic: { npv: string; payback_years: string | null };
}
export interface FollowUpResult {
  date: string;
  year?: number;
  realised: { economic: Figures; budget: Figures };
  lines: {
    id: string;
    expected: string;
    realised: string;
    difference?: string;
    rate: string | null;
    explain?: string | null;
  }[];
  effect_goals: {
    id: string;
    direction?: Direction;
    baseline: string | null;
    target: string;
    actual: string | null;
    attainment: string | null;
  }[];
  freed_time_use?: FreedTimeUse | null;
  freed_hours_per_year?: string;
  freed_time_value?: string;
}
/** `evaluate_document`'s answer: FORMAT.md's evaluate JSON. */
export interface Evaluation {
  economic: Figures;
  budget: Figures;
  freed_hours_per_year: string;
  fte: string;
  scores: ScoresResult;
  years: YearRow[];
  lines: LineResult[];
  sensitivity: Sensitivity;
  follow_ups: FollowUpResult[];
}

/** One row of the portfolio. */
export interface InitiativeSummary {
  id: number;
  title: string;
  department: string;
  stage: Stage;
  priority_basis: PriorityBasis | null;
  tags: string[];
  example: boolean;
  effect: number | null;
  feasibility: number | null;
  financing: number | null;
  resource_need: number | null;
  priority: string | null;
  npv: string | null;
  payback_years: string | null;
}
/** A saved valuation version of an initiative. */
export interface VersionInfo {
  id: number;
  label: string;
  date: string | null;
  status: "draft" | "decided";
  document_json: string;
}
/** `initiative_get`'s answer. */
export interface StoredInitiative {
  id: number;
  example: boolean;
  versions: VersionInfo[];
  current_version: number;
  document_json: string;
}
/** `initiative_save`'s answer. */
export interface SavedInfo {
  saved_at: string;
}
export interface RubricTexts {
  level1: string;
  level3: string;
  level5: string;
}
/** App settings. */
export interface Settings {
  lang: "sv" | "en";
  roles: Role[];
  parameters: Parameters;
  scores: ScoreSettingsDoc;
  rubric: { feasibility: RubricTexts; financing: RubricTexts };
  departments: string[];
}
export interface BackupInfo {
  name: string;
  created: string;
  size_bytes: number;
}
export interface Problem {
  code: string;
  path?: string;
  message_sv: string;
  message_en: string;
  /** 1-based character position in a formula, when the problem is in one. */
  pos?: number;
}
/** How a command's error crosses the boundary. */
export interface ErrorDto {
  code: string;
  message_sv: string;
  message_en: string;
  path?: string;
  problems?: Problem[];
}
/** `store_status`'s answer: where the store is and whether it could be opened. */
export interface StoreStatus {
  db_path: string;
  error: ErrorDto | null;
}
