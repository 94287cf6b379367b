/**
 * A stand-in for the Tauri shell, for the accessibility run and screenshots in a plain
 * browser: an in-memory store seeded with the four samples and evaluations recorded from the
 * real engine (`nytta evaluate samples/X --json`). Formulas that name an unknown input are
 * refused the way the engine refuses them, so formula-mode errors can be seen.
 */
import { mockIPC } from "@tauri-apps/api/mocks";
import type { BackupInfo, ErrorDto, Evaluation, InitiativeSummary, NyttaDocument, Settings, StoredInitiative } from "./types";
import digitalSigningDoc from "../test/fixtures/digital-signering.nytta.json?raw";
import examsDoc from "../test/fixtures/digitala-examinationer.nytta.json?raw";
import cabinetsDoc from "../test/fixtures/digitala-medicinskap.nytta.json?raw";
import robotsDoc from "../test/fixtures/lakemedelsrobotar.nytta.json?raw";
import digitalSigningEval from "../test/fixtures/digital-signering.eval.json";
import examsEval from "../test/fixtures/digitala-examinationer.eval.json";
import cabinetsEval from "../test/fixtures/digitala-medicinskap.eval.json";
import robotsEval from "../test/fixtures/lakemedelsrobotar.eval.json";
import emptyEval from "../test/fixtures/empty.eval.json";

const SAMPLES: [string, Evaluation][] = [
  [robotsDoc, robotsEval as Evaluation],
  [examsDoc, examsEval as Evaluation],
  [cabinetsDoc, cabinetsEval as Evaluation],
  [digitalSigningDoc, digitalSigningEval as Evaluation],
];

/** Default settings as DOMAIN.md gives them. */
export const MOCK_SETTINGS: Settings = {
  lang: "sv",
  roles: [
    { id: "usk", name: "Undersköterska hemtjänst", hourly_cost: "359" },
    { id: "ssk", name: "Grundutbildad sjuksköterska", hourly_cost: "453" },
    { id: "invanare", name: "Invånarens fritid", hourly_cost: "101" },
  ],
  parameters: { start_year: 2025, years: 6, discount_rate: "0.03", hours_per_fte: "1700", optimism_bias: "0" },
  scores: {
    effect_money_5: "1000000",
    effect_money_3: "250000",
    effect_hours_5: "2000",
    effect_hours_3: "500",
    resource_5: "2000000",
    resource_3: "500000",
    weight_effect: "1",
    weight_feasibility: "1",
    weight_financing: "1",
    weight_resource: "1",
    full_valuation_effect: 3,
    full_valuation_resource: 3,
  },
  rubric: {
    feasibility: { level5: "", level3: "", level1: "" },
    financing: { level5: "", level3: "", level1: "" },
  },
  departments: ["Arbete och välfärd", "Omsorgsförvaltningen", "Omsorgsnämnden", "Kommunledningsförvaltningen"],
};

interface Entry {
  id: number;
  example: boolean;
  deleted: boolean;
  text: string;
  evaluation: Evaluation;
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
        return { code: "unknown_input", message_sv: sv, message_en: en, path, problems: [{ code: "unknown_input", path, message_sv: sv, message_en: en }] };
      }
    }
    return null;
  };
  const lines = doc.valuation.lines ?? [];
  for (const [i, l] of lines.entries()) {
    const p = check(l.amount, `valuation.lines[${i}].amount`) ?? check(l.time?.minutes, `valuation.lines[${i}].time.minutes`) ?? check(l.time?.occurrences, `valuation.lines[${i}].time.occurrences`);
    if (p) return p;
  }
  return null;
}

function summary(e: Entry): InitiativeSummary {
  const doc = JSON.parse(e.text) as NyttaDocument;
  const ev = e.evaluation;
  return {
    id: e.id,
    title: doc.initiative.title,
    department: doc.initiative.department ?? "",
    stage: doc.initiative.stage ?? "idea",
    priority_basis: doc.initiative.priority_basis ?? null,
    tags: doc.initiative.tags ?? [],
    example: e.example,
    effect: ev.scores.effect,
    feasibility: ev.scores.feasibility,
    financing: ev.scores.financing,
    resource_need: ev.scores.resource_need,
    priority: ev.scores.priority,
    npv: ev.economic.npv,
    payback_years: ev.economic.payback_years,
  };
}

/** Installs the mock; `empty` starts with no initiatives (the first-start empty state). */
export function installMockIpc(empty = false): void {
  let settings: Settings = structuredClone(MOCK_SETTINGS);
  const entries: Entry[] = empty
    ? []
    : SAMPLES.map(([text, evaluation], i) => ({ id: i + 1, example: true, deleted: false, text, evaluation }));
  const backups: BackupInfo[] = [{ name: "nytta-2025-01-15.db", created: "2025-01-15", size_bytes: 81920 }];
  const find = (id: unknown) =>
    entries.find((e) => e.id === id && !e.deleted) ?? fail("not_found", "Initiativet finns inte", "No such initiative");
  const evaluationFor = (doc: NyttaDocument) =>
    SAMPLES.find(([text]) => (JSON.parse(text) as NyttaDocument).initiative.title === doc.initiative.title)?.[1] ??
    (emptyEval as Evaluation);
  const create = (doc: NyttaDocument, example = false) => {
    const id = Math.max(0, ...entries.map((e) => e.id)) + 1;
    entries.push({ id, example, deleted: false, text: JSON.stringify(doc, null, 2), evaluation: evaluationFor(doc) });
    return id;
  };

  mockIPC((cmd, payload) => {
    const a = (payload ?? {}) as Record<string, unknown>;
    switch (cmd) {
      case "store_status":
        return { db_path: "nytta.db", error: null };
      case "settings_get":
        return structuredClone(settings);
      case "settings_save":
        settings = a.settings as Settings;
        return null;
      case "portfolio_list":
        return entries.filter((e) => !e.deleted).map(summary);
      case "initiative_get": {
        const e = find(a.id);
        const doc = JSON.parse(e.text) as NyttaDocument;
        const status = doc.valuation.status ?? "draft";
        return {
          id: e.id,
          example: e.example,
          current_version: 1,
          versions: [{ id: 1, label: doc.valuation.label ?? "", date: doc.valuation.date ?? null, status, document_json: e.text }],
          document_json: e.text,
        } satisfies StoredInitiative;
      }
      case "initiative_create": {
        const doc: NyttaDocument = {
          nytta: 1,
          initiative: { title: String(a.title), department: String(a.department) },
          valuation: { parameters: { ...settings.parameters, start_year: 2025 }, roles: structuredClone(settings.roles) },
        };
        return create(doc);
      }
      case "initiative_save": {
        const e = find(a.id);
        if ((JSON.parse(e.text) as NyttaDocument).valuation.status === "decided")
          fail("decided_locked", "Versionen är beslutad", "The version is decided");
        e.text = String(a.document);
        return { saved_at: "2025-01-15T10:00:00Z" };
      }
      case "initiative_duplicate": {
        const doc = JSON.parse(find(a.id).text) as NyttaDocument;
        doc.initiative.title += " (kopia)";
        doc.valuation.status = "draft";
        return create(doc);
      }
      case "initiative_delete":
        find(a.id).deleted = true;
        return null;
      case "initiative_undelete": {
        const e = entries.find((x) => x.id === a.id);
        if (e) e.deleted = false;
        return null;
      }
      case "initiative_decide":
      case "initiative_new_version": {
        const e = find(a.id);
        const doc = JSON.parse(e.text) as NyttaDocument;
        doc.valuation.status = cmd === "initiative_decide" ? "decided" : "draft";
        e.text = JSON.stringify(doc, null, 2);
        return null;
      }
      case "evaluate_document": {
        const doc = JSON.parse(String(a.document)) as NyttaDocument;
        const problem = unknownInput(doc);
        if (problem) throw problem;
        return evaluationFor(doc);
      }
      case "backups_list":
        return backups;
      case "backup_create": {
        const b = { name: `nytta-${backups.length + 1}.db`, created: "2025-01-16", size_bytes: 90112 };
        backups.push(b);
        return b;
      }
      case "backup_restore":
        return null;
      case "plugin:dialog|open":
      case "plugin:dialog|save":
        return null;
      default:
        return fail("unknown_command", `Okänt kommando ${cmd}`, `Unknown command ${cmd}`);
    }
  });
}
