/**
 * The engine's problems in the user's words. The engine names a problem by its document path
 * (`valuation.roles[3].hourly_cost`); this is the one place that turns a path into what the
 * person sees — the role's name and the field's label ("Roll ”Undersköterska”, Timkostnad
 * (kr/h)") — and that finds the field on the page to mark and focus. Every editor field that
 * shows a document value carries its path in `data-path`.
 */
import { getContext, setContext } from "svelte";
import type { Line, NyttaDocument, Problem } from "../api";
import { locale, t, type MessageKey } from "../i18n/i18n.svelte";

type Lang = "sv" | "en";

/** The message in `lang` without the path the engine puts in front of it. */
export function problemText(p: Problem, lang: Lang): string {
  const message = lang === "sv" ? p.message_sv : p.message_en;
  const prefix = p.path ? `${p.path}: ` : "";
  return prefix && message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

/** The problem at exactly this path, if any. */
export function problemAt(problems: Problem[], path: string): Problem | undefined {
  return problems.find((p) => p.path === path);
}

const PARAMS: Record<string, MessageKey> = {
  start_year: "param_start_year",
  years: "param_years",
  discount_rate: "param_discount_rate",
  hours_per_fte: "param_hours_per_fte",
  optimism_bias: "param_optimism_bias",
};
const ROLE_FIELDS: Record<string, MessageKey> = {
  id: "role_id",
  name: "role_name",
  hourly_cost: "role_hourly",
  monthly_salary: "role_monthly",
};
const INPUT_FIELDS: Record<string, MessageKey> = {
  id: "input_id",
  name: "input_name",
  value: "input_value",
  low: "input_low",
  high: "input_high",
  unit: "input_unit",
  source: "input_source",
};
const LINE_FIELDS: Record<string, MessageKey> = {
  id: "line_name",
  name: "line_name",
  category: "line_category",
  stakeholder: "line_stakeholder",
  "time.minutes": "time_minutes",
  "time.occurrences": "time_occurrences",
  "time.role": "time_role",
  "time": "form_time",
  "timing.once": "once_year",
  "timing.yearly.from": "yearly_from",
  "timing.yearly.to": "yearly_to",
  timing: "line_form",
  ramp: "line_ramp",
  confidence: "line_confidence",
  description: "initiative_description",
  benefit_owner: "line_benefit_owner",
  effect_goal: "line_effect_goal",
};
const INITIATIVE_FIELDS: Record<string, MessageKey> = {
  title: "initiative_title",
  department: "initiative_department",
  owner: "initiative_owner",
  stage: "initiative_stage",
  description: "initiative_description",
  priority_basis: "needs_priority_basis",
  tags: "needs_tags",
  "needs.problem": "needs_problem",
  "needs.goals": "needs_goals",
  "needs.target_groups": "needs_target_groups",
  "needs.alternatives": "needs_alternatives",
};
/** The decision material's fields below `valuation.case.` (rows without their index). */
const CASE_FIELDS: Record<string, MessageKey> = {
  "decision.proposal": "case_proposal",
  "decision.deciding_body": "case_deciding_body",
  "decision.funding_source": "case_funding_source",
  "decision.start": "case_start",
  "decision.recommendation": "case_recommendation",
  "decision.case_number": "case_case_number",
  decision: "case_decision_title",
  changed_work: "case_changed_work",
  "options.name": "case_option_name",
  "options.description": "case_option_description",
  "options.one_off_cost": "case_option_one_off",
  "options.yearly_cost": "case_option_yearly_cost",
  "options.yearly_benefit": "case_option_yearly_benefit",
  options: "case_options_title",
  "financial.funding.source": "case_funding_from",
  "financial.funding.year": "case_funding_year",
  "financial.funding.amount": "case_funding_amount",
  "financial.funding": "case_funding",
  "financial.budget_plan": "case_budget_plan",
  financial: "case_financial_title",
  "management.milestones.date": "case_milestone_date",
  "management.milestones.text": "case_milestone_text",
  "management.milestones": "case_milestones",
  "management.follow_up_plan.date": "case_plan_date",
  "management.follow_up_plan.who": "case_plan_who",
  "management.follow_up_plan.what": "case_plan_what",
  "management.follow_up_plan": "case_follow_up_plan",
  management: "case_management_title",
  "commercial.procurement": "case_procurement",
  "commercial.contract_years": "case_contract_years",
  "commercial.exit": "case_exit",
  "commercial.dpa": "case_dpa",
  "commercial.dpa_note": "case_dpa_note",
  commercial: "case_commercial_title",
};

/**
 * Where in the decision material (`rest` after `valuation.case.`): the tab, the list and row
 * when the path is in one, and the field's label — "Beslut, Alternativ, rad 2, Engångskostnad
 * (kr)".
 */
function casePlace(rest: string): string {
  const parts = [t("tab_case")];
  const row = /^([\w.]+)\[(\d+)\]\.?(.*)$/.exec(rest);
  if (row) {
    const list = CASE_FIELDS[row[1]];
    if (list) parts.push(t(list));
    parts.push(t("case_row", { n: String(Number(row[2]) + 1) }));
    const field = row[3] ? CASE_FIELDS[`${row[1]}.${row[3].split(".")[0]}`] : undefined;
    if (field) parts.push(t(field));
    return parts.join(", ");
  }
  let key: MessageKey | undefined;
  for (let p = rest; p && !key; p = p.includes(".") ? p.slice(0, p.lastIndexOf(".")) : "") key = CASE_FIELDS[p];
  if (key) parts.push(t(key));
  return parts.join(", ");
}

const SCORES: Record<string, MessageKey> = {
  feasibility: "score_feasibility",
  financing: "score_financing",
};

/** The label of a line's field (`time.minutes`, `amount`, …) as its editor shows it. */
export function lineField(line: Line | undefined, field: string): string | null {
  if (field === "amount") return t(line?.timing != null && "once" in line.timing ? "amount_once" : "amount_yearly");
  const key = LINE_FIELDS[field] ?? LINE_FIELDS[field.replace(/\[\d+\].*$/, "")] ?? LINE_FIELDS[field.split(".")[0]];
  return key ? t(key) : null;
}

/** `name` in quotes, or "number n" when it has none. */
function named(kind: MessageKey, name: string | undefined, i: number): string {
  const n = (name ?? "").trim();
  return n ? t(kind, { name: n }) : t(`${kind}_unnamed` as MessageKey, { n: i + 1 });
}

/**
 * Where a problem is, in the words of the screen: the named thing and the field's label
 * ("Raden ”Minskad dokumentation”, Minuter per tillfälle"), or `null` for the whole document.
 */
export function placeOf(doc: NyttaDocument | null, path: string | undefined): string | null {
  if (!path) return null;
  const v = doc?.valuation;
  const label = (fields: Record<string, MessageKey>, rest: string): string | null => {
    const key = fields[rest] ?? fields[rest.replace(/\[\d+\].*$/, "")] ?? fields[rest.split(".")[0]];
    return key ? t(key) : null;
  };
  const join = (thing: string, field: string | null) => (field ? `${thing}, ${field}` : thing);
  let m = /^valuation\.parameters\.(\w+)/.exec(path);
  if (m) return PARAMS[m[1]] ? t(PARAMS[m[1]]) : t("section_parameters");
  m = /^valuation\.roles\[(\d+)\]\.?(.*)$/.exec(path);
  if (m) {
    const i = Number(m[1]);
    return join(named("place_role", v?.roles?.[i]?.name, i), label(ROLE_FIELDS, m[2]));
  }
  m = /^valuation\.inputs\[(\d+)\]\.?(.*)$/.exec(path);
  if (m) {
    const i = Number(m[1]);
    return join(named("place_input", v?.inputs?.[i]?.name, i), label(INPUT_FIELDS, m[2]));
  }
  m = /^valuation\.lines\[(\d+)\]\.?(.*)$/.exec(path);
  if (m) {
    const i = Number(m[1]);
    const line = v?.lines?.[i];
    return join(named("place_line", line?.name, i), lineField(line, m[2]));
  }
  m = /^valuation\.scores\.(\w+)/.exec(path);
  if (m) return SCORES[m[1]] ? t(SCORES[m[1]]) : t("matrix_title");
  m = /^initiative\.(.+)$/.exec(path);
  if (m) return label(INITIATIVE_FIELDS, m[1]);
  m = /^valuation\.case\.?(.*)$/.exec(path);
  if (m) return casePlace(m[1]);
  if (/^valuation\.(effect_goals|risks)/.test(path)) return t(path.includes("risks") ? "risks_title" : "goals_title");
  if (/^follow_ups/.test(path)) return t("fu_title");
  return null;
}

/** The whole message in the user's words: where, then what is wrong. */
export function describeProblem(doc: NyttaDocument | null, p: Problem, lang: Lang): string {
  const place = placeOf(doc, p.path);
  const text = problemText(p, lang);
  return place ? `${place}: ${text}` : text;
}

/**
 * The element that shows the value at `path`, or the nearest one that shows a thing it
 * belongs to (a line whose field is folded away, the role's row), within `root`.
 */
export function fieldFor(root: ParentNode, path: string): HTMLElement | null {
  const shown = new Map<string, HTMLElement>();
  for (const el of root.querySelectorAll<HTMLElement>("[data-path]")) {
    if (!shown.has(el.dataset.path!)) shown.set(el.dataset.path!, el);
  }
  let p = path;
  for (;;) {
    const el = shown.get(p);
    if (el) return el;
    const shorter = p.replace(/(\.[^.[\]]+|\[\d+\])$/, "");
    if (shorter === p || shorter === "") return null;
    p = shorter;
  }
}

/** Moves focus to the field a problem is about (scrolled into view); false if none is shown. */
export function focusProblem(root: ParentNode, path: string | undefined): boolean {
  if (!path) return false;
  const el = fieldFor(root, path);
  if (!el) return false;
  const target = el.matches("input, select, textarea, button, [tabindex]") ? el : el.querySelector<HTMLElement>("input, select, textarea, button") ?? el;
  target.scrollIntoView?.({ block: "center" });
  target.focus();
  return true;
}

const KEY = Symbol("problems");

/** Gives the fields below this component the open document's problems (call during init). */
export function provideProblems(list: () => Problem[]): void {
  setContext(KEY, list);
}

/**
 * For a field (call during its init): the engine's message about the value at the path
 * `path()` returns, without the path, in the current language; `null` when there is none.
 */
export function fieldProblem(path: () => string | undefined): () => string | null {
  const list = getContext<(() => Problem[]) | undefined>(KEY);
  return () => {
    const at = path();
    const p = at && list ? problemAt(list(), at) : undefined;
    return p ? problemText(p, locale.lang) : null;
  };
}
