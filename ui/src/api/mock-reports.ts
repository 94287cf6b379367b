/**
 * The mock shell's answers to the report, chart and evidence commands, replaying
 * `../test/fixtures/reports.json` (recorded from the real use cases by
 * `src-tauri/tests/report_fixtures.rs`). Charts are looked up by the document's title; a
 * document without a recording gets the new initiative's charts; the business case's content
 * (`../test/fixtures/content.json`) likewise. PDFs are not written. A
 * simulation answers with the recorded run of the followed-up example
 * (`../test/fixtures/simulation.json`, recorded by the same test).
 */
import type { Block, Category, ChartSet, Evidence, Lesson } from "./types/index";
import recorded from "../test/fixtures/reports.json";
import recordedContent from "../test/fixtures/content.json";
import simulated from "../test/fixtures/simulation.json";

/** What the real commands answered on a fresh store. */
export const REPORTS = recorded as unknown as {
  charts: Record<string, ChartSet>;
  new_charts: ChartSet;
  evidence: Evidence;
  lessons: Lesson[];
};

/** The business case's content the real command answered, in Swedish, by title. */
export const CONTENT = recordedContent as unknown as {
  content: Record<string, Block[]>;
  new_content: Block[];
};

/** Lessons matching the filters the way `nytta_core::calibration::matches` does. */
function matching(a: Record<string, unknown>): Lesson[] {
  const words = String(a.text ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  const same = (x: unknown, y: string) => typeof x !== "string" || x.trim() === "" || x.trim().toLowerCase() === y.toLowerCase();
  return REPORTS.lessons.filter(
    (l) =>
      words.every((w) => `${l.text} ${l.initiative}`.toLowerCase().includes(w)) &&
      (typeof a.tag !== "string" || a.tag.trim() === "" || l.tags.some((x) => same(a.tag, x))) &&
      same(a.department, l.department) &&
      (a.category == null || l.categories.includes(a.category as Category)),
  );
}

/** The answer to `cmd`, or `undefined` when it is not one of these commands. */
export function reportsMock(cmd: string, a: Record<string, unknown>): unknown {
  switch (cmd) {
    case "charts_svg": {
      const title = (JSON.parse(String(a.document)) as { initiative?: { title?: string } }).initiative?.title ?? "";
      return structuredClone(REPORTS.charts[title] ?? REPORTS.new_charts);
    }
    case "business_case_content": {
      const title = (JSON.parse(String(a.document)) as { initiative?: { title?: string } }).initiative?.title ?? "";
      return structuredClone(CONTENT.content[title] ?? CONTENT.new_content);
    }
    case "calibration":
      return structuredClone(REPORTS.evidence);
    case "lessons_search":
      return structuredClone(matching(a));
    case "report_business_case":
    case "report_follow_up":
    case "simulation_cancel":
      return null;
    case "simulation_run":
      // The recorded run of the followed-up example, whatever the document (no progress).
      return structuredClone(simulated);
    default:
      return undefined;
  }
}
