/**
 * A stand-in for the Tauri shell, for the accessibility run, screenshots and page tests in a
 * plain browser. It replays `../test/fixtures/shell.json`, recorded from the real commands by
 * `src-tauri/tests/fixtures.rs` (settings, the four examples with their evaluations, a new
 * initiative, a backup, a damaged store), and keeps edits in memory. Like the store, it
 * refuses a change to the valuation of a decided version (`decided_locked`) and lets the
 * rest of the document be saved. Formulas that name an unknown input, negative hourly costs,
 * a distribution on an input without a range, negative amounts in the decision material and
 * links to an unknown effect goal are refused the way the engine refuses them, with the path
 * (and the position in `pos`).
 */
import { mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { emit } from "@tauri-apps/api/event";
import type {
  About,
  Agenda,
  BackupInfo,
  Decision,
  DraftSaved,
  ErrorDto,
  Evaluation,
  LinkKind,
  Overview,
  PortfolioLine,
  Priorities,
  PriorityFilter,
  Problem,
  SavedInfo,
  SearchText,
  SimilarNeeds,
  Settings,
  StoredInitiative,
  VersionDocument,
  VersionInfo,
} from "./types/index";
import type { NyttaDocument } from "./document";
import recorded from "../test/fixtures/shell.json";
import { reportsMock } from "./mock-reports";
import { resetSyncMock, syncMock } from "./mock-sync";

/** What the real commands answered on a fresh store. */
export const SHELL = recorded as unknown as {
  settings: Settings;
  portfolio: PortfolioLine[];
  initiatives: StoredInitiative[];
  evaluations: Evaluation[];
  new_initiative: StoredInitiative;
  new_evaluation: Evaluation;
  saved: SavedInfo;
  backups: BackupInfo[];
  store_damaged: ErrorDto;
  overview: Overview;
  /** Awaiting decision; every stage; every stage with a budget of 1 000 000 kr. */
  priorities: Priorities[];
  /** On the examples; on a store where two departments ask for camera supervision. */
  similar: SimilarNeeds[];
  /** Since 2025-03-01 on a store with one example for a decision and one for support. */
  agenda: Agenda;
  search_texts: SearchText[];
};

/** Which recorded similar needs the mock answers with (0: the examples, 1: two alike). */
let similarStore = 0;
/** Makes the mock answer similar needs from the recording with two alike initiatives. */
export function mockSimilarNeeds(which: 0 | 1): void {
  similarStore = which;
}

interface Entry {
  stored: StoredInitiative;
  /** Older versions' documents, by version id. */
  older: Map<number, string>;
  deleted: boolean;
  summary: PortfolioLine;
}

const fail = (code: string, sv: string, en: string, extra: Partial<ErrorDto> = {}): never => {
  throw { code, message_sv: sv, message_en: en, ...extra } satisfies ErrorDto;
};

/** The engine's first "unknown input" problem in the document's formulas, if any. */
function unknownInput(doc: NyttaDocument): ErrorDto | null {
  const ids = new Set((doc.valuation.inputs ?? []).map((i) => i.id));
  const roles = new Set((doc.valuation.roles ?? []).map((r) => r.id));
  const check = (formula: unknown, path: string): ErrorDto | null => {
    if (typeof formula !== "string") return null;
    for (const m of formula.matchAll(/[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?/g)) {
      const [name] = m;
      const ok = name.startsWith("role.") ? roles.has(name.slice(5)) : ids.has(name) || name === "min" || name === "max";
      if (!ok) {
        const pos = (m.index ?? 0) + 1;
        const sv = `${path}: tecken ${pos}: okänd faktor "${name}"`;
        const en = `${path}: character ${pos}: unknown input "${name}"`;
        const problem = { code: "unknown_input", path, message_sv: sv, message_en: en, pos };
        return { code: "unknown_input", message_sv: sv, message_en: en, path, problems: [problem] };
      }
    }
    return null;
  };
  for (const [i, l] of (doc.valuation.lines ?? []).entries()) {
    const p =
      check(l.amount, `valuation.lines[${i}].amount`) ??
      check(l.time?.minutes, `valuation.lines[${i}].time.minutes`) ??
      check(l.time?.occurrences, `valuation.lines[${i}].time.occurrences`);
    if (p) return p;
  }
  return null;
}

/** The engine's "negative hourly cost" problem for the first role with one, if any. */
function negativeCost(doc: NyttaDocument): ErrorDto | null {
  for (const [i, r] of (doc.valuation.roles ?? []).entries()) {
    const field = r.hourly_cost != null ? "hourly_cost" : "monthly_salary";
    if (!String(r[field] ?? "").startsWith("-")) continue;
    const path = `valuation.roles[${i}].${field}`;
    const sv = `${path}: timkostnaden får inte vara negativ`;
    const en = `${path}: the hourly cost must not be negative`;
    return { code: "invalid_value", message_sv: sv, message_en: en, path, problems: [{ code: "invalid_value", path, message_sv: sv, message_en: en }] };
  }
  return null;
}

/** The engine's problem with a distribution on an input without a number and a range, if any. */
function distributionProblem(doc: NyttaDocument): ErrorDto | null {
  for (const [i, x] of (doc.valuation.inputs ?? []).entries()) {
    if (x.distribution == null) continue;
    const plain = /^\s*-?\d+(\.\d+)?\s*$/.test(String(x.value));
    if (plain && x.low != null && x.high != null) continue;
    const path = `valuation.inputs[${i}].distribution`;
    const sv = `${path}: en fördelning kräver att faktorn har ett tal som värde och både ett lågt och ett högt värde (low och high); ange intervallet eller ta bort fördelningen`;
    const en = `${path}: a distribution needs the input to have a number as its value and both a low and a high value (low and high); give the range or remove the distribution`;
    return { code: "invalid_value", message_sv: sv, message_en: en, path, problems: [{ code: "invalid_value", path, message_sv: sv, message_en: en }] };
  }
  return null;
}

/**
 * The engine's problems with the decision material and the lines' links into it: a negative
 * amount in an option or a funding row, a funding year after the period, and an effect goal
 * no goal of the valuation has.
 */
function caseProblem(doc: NyttaDocument): ErrorDto | null {
  const problems: Problem[] = [];
  const c = doc.valuation.case;
  const amount = (path: string, v: unknown) => {
    if (v == null || !String(v).startsWith("-")) return;
    const sv = `${path}: beloppet ska vara mellan 0 kr och 1 000 000 000 000 000 kr, inte ${String(v)}`;
    const en = `${path}: the amount must be between SEK 0 and SEK 1,000,000,000,000,000, not ${String(v)}`;
    problems.push({ code: "invalid_value", path, message_sv: sv, message_en: en });
  };
  for (const [i, o] of (c?.options ?? []).entries()) {
    for (const k of ["one_off_cost", "yearly_cost", "yearly_benefit"] as const) amount(`valuation.case.options[${i}].${k}`, o[k]);
  }
  const years = doc.valuation.parameters.years;
  for (const [i, f] of (c?.financial?.funding ?? []).entries()) {
    if (f.year != null && f.year > years) {
      const path = `valuation.case.financial.funding[${i}].year`;
      const sv = `${path}: året ska ligga inom kalkylperioden 0–${years}`;
      const en = `${path}: the year must lie within the analysis period 0–${years}`;
      problems.push({ code: "invalid_value", path, message_sv: sv, message_en: en });
    }
    amount(`valuation.case.financial.funding[${i}].amount`, f.amount);
  }
  const goals = new Set((doc.valuation.effect_goals ?? []).map((g) => g.id));
  for (const [i, l] of (doc.valuation.lines ?? []).entries()) {
    if (!l.effect_goal || goals.has(l.effect_goal)) continue;
    const path = `valuation.lines[${i}].effect_goal`;
    const sv = `${path}: det finns inget effektmål med id "${l.effect_goal}"`;
    const en = `${path}: there is no effect goal with id "${l.effect_goal}"`;
    problems.push({ code: "unknown_reference", path, message_sv: sv, message_en: en });
  }
  if (problems.length === 0) return null;
  const [first] = problems;
  return { code: first.code, message_sv: first.message_sv, message_en: first.message_en, path: first.path, problems };
}

/** The recorded evaluation of the example with this title, or the new initiative's. */
function evaluationFor(doc: NyttaDocument): Evaluation {
  const i = SHELL.initiatives.findIndex((s) => (JSON.parse(s.document_json) as NyttaDocument).initiative.title === doc.initiative.title);
  return i >= 0 ? SHELL.evaluations[i] : SHELL.new_evaluation;
}

function summarise(e: Entry): PortfolioLine {
  const doc = JSON.parse(e.stored.document_json) as NyttaDocument;
  const ev = evaluationFor(doc);
  const current = e.stored.versions.find((v) => v.id === e.stored.current_version_id);
  return {
    ...e.summary,
    current_version_id: e.stored.current_version_id,
    current_version_number: current?.number ?? 1,
    status: current?.status ?? "draft",
    title: doc.initiative.title,
    department: doc.initiative.department ?? "",
    stage: doc.initiative.stage ?? "idea",
    priority_basis: doc.initiative.priority_basis ?? null,
    tags: doc.initiative.tags ?? [],
    npv_economic: ev.economic.npv,
    npv_budget: ev.budget.npv,
    payback_economic: ev.economic.payback_years,
    payback_budget: ev.budget.payback_years,
    // Like the store: valued when a line is valued in money (a financial or reallocation one).
    valued: (doc.valuation.lines ?? []).some((l) => l.category === "financial" || l.category === "reallocation"),
  };
}

/** Whether the window was closed (destroyed) since the mock was installed. */
let windowClosed = false;
export const mockWindowClosed = (): boolean => windowClosed;
/** Asks the window to close, as its close button does. */
export const mockRequestClose = (): Promise<void> => emit("tauri://close-requested");

/** Document files the mock's open dialog can pick, by path (set by page tests). */
const files = new Map<string, string>();
let chosen: string | null = null;

/** Makes the next open dialog pick `path`, a file holding `text`. */
export function mockChooseFile(path: string, text: string): void {
  files.set(path, text);
  chosen = path;
}

let savePath: string | null = null;
/** Makes the next save dialog pick `path`. */
export function mockChooseSavePath(path: string): void {
  savePath = path;
}

/** The Excel workbooks written, as `{ command, id?, path }`, oldest first. */
export const mockWorkbooks: { command: string; id?: number; path: string }[] = [];

/**
 * Installs the mock: `examples` is a fresh store, `empty` one without initiatives (the
 * empty state), `damaged` a store that could not be opened (the recovery message).
 */
export function installMockIpc(store: "examples" | "empty" | "damaged" = "examples"): void {
  const empty = store !== "examples";
  let settings: Settings = structuredClone(SHELL.settings);
  const entries: Entry[] = empty
    ? []
    : SHELL.initiatives.map((stored) => ({
        stored: structuredClone(stored),
        older: new Map(),
        deleted: false,
        summary: structuredClone(SHELL.portfolio.find((s) => s.id === stored.id)!),
      }));
  const backups: BackupInfo[] = structuredClone(SHELL.backups);
  let nextVersion = 100;
  let demo = 0;
  const links = new Map<string, LinkKind>();
  const find = (id: unknown) =>
    entries.find((e) => e.stored.id === id && !e.deleted) ?? fail("not_found", "Initiativet finns inte", "No such initiative");
  const current = (e: Entry) => e.stored.versions.find((v) => v.id === e.stored.current_version_id)!;
  const saved = (e: Entry): SavedInfo => {
    e.summary = summarise(e);
    const v = current(e);
    const s = e.summary;
    const summary = {
      title: s.title, department: s.department, stage: s.stage, priority_basis: s.priority_basis, tags: s.tags,
      effect: s.effect, feasibility: s.feasibility, financing: s.financing, resource_need: s.resource_need,
      priority: s.priority, full_valuation_required: s.full_valuation_required,
      npv_economic: s.npv_economic, npv_budget: s.npv_budget, payback_economic: s.payback_economic, payback_budget: s.payback_budget,
    };
    return { id: e.stored.id, version_id: v.id, version_number: v.number, status: v.status, summary };
  };
  const create = (doc: NyttaDocument): number => {
    const id = Math.max(0, ...entries.map((e) => e.stored.id)) + 1;
    const version: VersionInfo = { ...SHELL.new_initiative.versions[0], id: nextVersion++, number: 1, status: "draft" };
    const stored: StoredInitiative = { id, example: false, deleted: false, current_version_id: version.id, versions: [version], document_json: JSON.stringify(doc, null, 2), working_copy: null, working_copy_at: null };
    const e: Entry = { stored, older: new Map(), deleted: false, summary: { ...structuredClone(SHELL.portfolio[0]), id, example: false } };
    e.summary = summarise(e);
    entries.push(e);
    return id;
  };

  mockWindows("main");
  windowClosed = false;
  resetSyncMock();
  similarStore = 0;
  mockWorkbooks.length = 0;
  savePath = null;
  mockIPC((cmd, payload) => {
    const a = (payload ?? {}) as Record<string, unknown>;
    switch (cmd) {
      case "hourly_from_monthly":
        // A stand-in for the engine's rule (monthly ÷ 142 × 1,54, to öre), for page tests.
        return (Math.round((Number(a.monthly) / 142) * 1.54 * 100) / 100).toFixed(2);
      case "file_name": {
        // Like nytta-app's files::file_name: ASCII words joined by "-" (a stand-in for deunicode).
        const stem = (x: string) =>
          x.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60).replace(/-+$/, "");
        return `${stem(String(a.title)) || stem(String(a.fallback)) || "nytta"}.${String(a.extension)}`;
      }
      case "store_status":
        return { db_path: "nytta.db", error: store === "damaged" ? SHELL.store_damaged : null };
      case "about":
        return {
          version: "0.1.0",
          licence: "EUPL-1.2",
          db_path: "nytta.db",
          schema_version: store === "damaged" ? null : 5,
          third_party: [
            { source: "crate", name: "rusqlite", version: "0.43.0", licence: "MIT" },
            { source: "crate", name: "tauri", version: "2.12.5", licence: "Apache-2.0 OR MIT" },
            { source: "npm", name: "svelte", version: "5.57.3", licence: "MIT" },
          ],
        } satisfies About;
      case "settings_get":
        return structuredClone(settings);
      case "settings_save":
        settings = structuredClone(a.settings as Settings);
        return null;
      case "portfolio_overview":
        return { ...structuredClone(SHELL.overview), demo };
      case "portfolio_priorities": {
        // The recording made with the same filter (the order and capacity line are the store's).
        const f = a.filter as PriorityFilter;
        const same = SHELL.priorities.find((p) => JSON.stringify(p.filter.stages) === JSON.stringify(f.stages) && (p.filter.budget_per_year === null) === (f.budget_per_year === null) && (p.filter.hours_per_year === null) === (f.hours_per_year == null));
        return same ? structuredClone(same) : fail("unknown_filter", "Ingen inspelning för filtret", "No recording for the filter");
      }
      case "portfolio_agenda": {
        // The recording, keeping the items changed on or after the date asked for.
        const since = String(a.since).trim();
        if (!/^\d{4}-\d{2}-\d{2}$/.test(since))
          return fail("invalid_document", "since: datumet ska skrivas ÅÅÅÅ-MM-DD, t.ex. 2025-05-01", "since: the date must be written YYYY-MM-DD, e.g. 2025-05-01");
        const rec = structuredClone(SHELL.agenda);
        rec.since = since;
        rec.items = rec.items.filter((i) => i.changed >= since);
        rec.decisions = rec.items.filter((i) => i.ask === "decision").length;
        rec.support = rec.items.filter((i) => i.ask === "support").length;
        return rec;
      }
      case "portfolio_bubbles":
        // A stand-in drawing: the chart itself is nytta-report's and tested there.
        return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="560"><text x="10" y="20">${(a.filter as PriorityFilter).stages.join(",")}</text></svg>`;
      case "portfolio_agenda_pdf":
      case "portfolio_report_pdf":
        return null;
      case "portfolio_similar": {
        const given = a.threshold == null ? null : Number(a.threshold);
        if (given !== null && !(given > 0 && given <= 1)) {
          const path = "portfolio.similarity_threshold";
          const sv = "Tröskeln för liknande behov ska vara ett tal över 0 och högst 1, t.ex. 0,25";
          const en = "The threshold for similar needs must be a number above 0 and at most 1, e.g. 0.25";
          return fail("invalid_document", `${path}: ${sv}`, `${path}: ${en}`, {
            problems: [{ code: "invalid_value", path, message_sv: `${path}: ${sv}`, message_en: `${path}: ${en}` }],
          });
        }
        // The recording, less the pairs marked "not similar", with coordinated pairs flagged.
        const rec = structuredClone(SHELL.similar[similarStore]);
        let dismissed = 0;
        for (const g of rec.groups) {
          g.pairs = g.pairs.filter((p) => {
            const kind = links.get(`${p.a}-${p.b}`);
            if (kind === "not_similar") dismissed++;
            p.coordinated = kind === "coordinated";
            return kind !== "not_similar";
          });
        }
        rec.groups = rec.groups.filter((g) => g.pairs.length > 0);
        rec.dismissed = dismissed;
        return rec;
      }
      case "portfolio_similar_mark": {
        const key = `${Math.min(Number(a.a), Number(a.b))}-${Math.max(Number(a.a), Number(a.b))}`;
        if (a.kind) links.set(key, a.kind as LinkKind);
        else links.delete(key);
        return null;
      }
      case "departments_list": {
        // Like the app: the configured list, then the others the live initiatives name.
        const configured = [...new Set(settings.departments.map((d) => d.trim()).filter(Boolean))];
        const others = [...new Set(entries.filter((e) => !e.deleted).map((e) => e.summary.department.trim()))]
          .filter((d) => d && !configured.includes(d))
          .sort((x, y) => x.localeCompare(y, "sv"));
        return [...configured, ...others];
      }
      case "portfolio_search_texts":
        return structuredClone(SHELL.search_texts).filter((x) => entries.some((e) => e.stored.id === x.id && !e.deleted));
      case "demo_count":
        return demo;
      case "demo_add":
        if (demo > 0) return fail("demo_exists", "demoportföljen finns redan", "the demo portfolio is already there");
        demo = 453;
        return { count: demo };
      case "demo_remove": {
        const count = demo;
        demo = 0;
        return { count };
      }
      case "portfolio_list":
        return entries.filter((e) => !e.deleted).map((e) => ({ ...e.summary, has_working_copy: e.stored.working_copy != null }));
      case "initiative_get":
        return structuredClone(find(a.id).stored);
      case "version_get": {
        for (const e of entries) {
          const info = e.stored.versions.find((v) => v.id === a.versionId);
          if (info) return { info, document_json: e.older.get(info.id) ?? e.stored.document_json } satisfies VersionDocument;
        }
        return fail("not_found", "Versionen finns inte", "No such version");
      }
      case "initiative_create": {
        const doc = JSON.parse(SHELL.new_initiative.document_json) as NyttaDocument;
        doc.initiative.title = String(a.title);
        if (a.department) doc.initiative.department = String(a.department);
        return create(doc);
      }
      case "initiative_save": {
        const e = find(a.id);
        const next = JSON.parse(String(a.document)) as NyttaDocument;
        const old = JSON.parse(e.stored.document_json) as NyttaDocument;
        if (current(e).status === "decided" && JSON.stringify(next.valuation) !== JSON.stringify(old.valuation))
          fail("decided_locked", "Versionen är beslutad: värderingen kan inte ändras", "The version is decided: its valuation cannot change");
        // Like the store: a document that does not pass the check is kept whole as the
        // working copy; a valid one becomes the version and drops the working copy.
        const problem = unknownInput(next) ?? negativeCost(next) ?? distributionProblem(next) ?? caseProblem(next);
        if (problem) {
          e.stored.working_copy = String(a.document);
          e.stored.working_copy_at = "2025-03-01T09:00:00Z";
          return { saved: null, problems: problem.problems ?? [] } satisfies DraftSaved;
        }
        e.stored.document_json = String(a.document);
        e.stored.working_copy = null;
        e.stored.working_copy_at = null;
        return { saved: saved(e), problems: [] } satisfies DraftSaved;
      }
      case "initiative_discard_working_copy": {
        const e = find(a.id);
        e.stored.working_copy = null;
        e.stored.working_copy_at = null;
        return null;
      }
      case "initiative_duplicate": {
        const doc = JSON.parse(find(a.id).stored.document_json) as NyttaDocument;
        doc.initiative.title += " (kopia)";
        doc.valuation.status = "draft";
        return create(doc);
      }
      case "initiative_delete":
        find(a.id).deleted = true;
        return null;
      case "initiative_undelete": {
        const e = entries.find((x) => x.stored.id === a.id);
        if (e) e.deleted = false;
        return null;
      }
      case "initiative_decide": {
        const e = find(a.id);
        const doc = JSON.parse(e.stored.document_json) as NyttaDocument;
        const d = a.decision as Decision;
        if (!d.decided_by.trim())
          fail("invalid_value", "valuation.decided_by: ange vem som fattade beslutet (beslutsinstans)", "valuation.decided_by: say who took the decision (deciding body)");
        doc.valuation.status = "decided";
        doc.valuation.date = d.date.trim();
        doc.valuation.decided_by = d.decided_by.trim();
        doc.valuation.label = d.label.trim();
        if (d.set_stage) doc.initiative.stage = "decided";
        e.stored.document_json = JSON.stringify(doc, null, 2);
        current(e).status = "decided";
        return saved(e);
      }
      case "initiative_new_version": {
        const e = find(a.id);
        const old = current(e);
        e.older.set(old.id, e.stored.document_json);
        const doc = JSON.parse(e.stored.document_json) as NyttaDocument;
        doc.valuation.status = "draft";
        const version: VersionInfo = { ...old, id: nextVersion++, number: old.number + 1, status: "draft", based_on: old.id, decided_at: null };
        e.stored.versions.push(version);
        e.stored.current_version_id = version.id;
        e.stored.document_json = JSON.stringify(doc, null, 2);
        return saved(e);
      }
      case "evaluate_document": {
        const doc = JSON.parse(String(a.document)) as NyttaDocument;
        const problem = unknownInput(doc) ?? negativeCost(doc) ?? distributionProblem(doc) ?? caseProblem(doc);
        if (problem) throw problem;
        return evaluationFor(doc);
      }
      case "backups_list":
        return structuredClone(backups);
      case "backup_create": {
        const b: BackupInfo = { ...backups[0], file_name: `nytta.db-20250302T080000Z-c${backups.length}.bak`, stamp: "20250302T080000Z", changes: backups.length };
        backups.unshift(b);
        return b;
      }
      case "backup_restore":
        return "";
      case "xlsx_export":
        find(a.id);
        mockWorkbooks.push({ command: cmd, id: Number(a.id), path: String(a.path) });
        return null;
      case "portfolio_export_xlsx":
        mockWorkbooks.push({ command: cmd, path: String(a.path) });
        return null;
      // The shell reads a workbook back as a document; a mock file holds that document.
      case "xlsx_import":
      case "document_import": {
        // Like the store: the same title and department (trimmed, any case) is the same
        // initiative, refused unless a copy or a new version is asked for.
        const text = files.get(String(a.path)) ?? fail("io", `${String(a.path)}: filen kunde inte läsas`, `${String(a.path)}: the file could not be read`);
        const doc = JSON.parse(text) as NyttaDocument;
        const key = (x: string | undefined) => (x ?? "").trim().toLowerCase();
        const same = entries
          .filter((e) => !e.deleted && key(e.summary.title) === key(doc.initiative.title) && key(e.summary.department) === key(doc.initiative.department))
          .sort((x, y) => x.stored.id - y.stored.id)[0];
        if (!same || a.onDuplicate === "copy") return create(doc);
        if (a.onDuplicate !== "new_version") {
          const { title, department } = same.summary;
          return fail("already_in_store", `initiativet ”${title}” (${department}) finns redan`, `the initiative “${title}” (${department}) is already in the store`, {
            existing: { id: same.stored.id, title, department },
          });
        }
        const old = current(same);
        same.older.set(old.id, same.stored.document_json);
        const version: VersionInfo = { ...old, id: nextVersion++, number: old.number + 1, status: doc.valuation.status ?? "draft", based_on: old.id };
        same.stored.versions.push(version);
        same.stored.current_version_id = version.id;
        same.stored.document_json = text;
        saved(same);
        return same.stored.id;
      }
      case "plugin:dialog|open": {
        const path = chosen;
        chosen = null;
        return path;
      }
      case "plugin:dialog|save": {
        const path = savePath;
        savePath = null;
        return path;
      }
      case "plugin:window|destroy":
        windowClosed = true;
        return null;
      default: {
        const answer = reportsMock(cmd, a);
        if (answer !== undefined) return answer;
        const sync = syncMock(cmd, a);
        return sync !== undefined ? sync : fail("unknown_command", `Okänt kommando ${cmd}`, `Unknown command ${cmd}`);
      }
    }
  }, { shouldMockEvents: true });
}
