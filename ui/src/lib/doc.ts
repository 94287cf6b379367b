/**
 * Building and reading parts of a valuation document in the shapes docs/format.md defines:
 * the ready forms for new lines, which form a line is in, and fresh ids.
 */
import type { FormulaText, Line, NyttaDocument, Side } from "../api";

/** The ready forms a money line can be edited in. */
export type LineForm = "time" | "yearly" | "once" | "none";

/** Which form a line is shown in. */
export function lineForm(line: Line): LineForm {
  if (line.category === "quality" || line.category === "environment") return "none";
  if (line.time) return "time";
  if (line.timing && "once" in line.timing) return "once";
  return "yearly";
}

/** An id not yet in `taken`, made from `base` (`line`, `line_2`, …). */
export function freshId(base: string, taken: string[]): string {
  const clean = base.replace(/[^A-Za-z0-9_]/g, "_").replace(/^[^A-Za-z]+/, "") || "id";
  if (!taken.includes(clean)) return clean;
  let n = 2;
  while (taken.includes(`${clean}_${n}`)) n++;
  return `${clean}_${n}`;
}

/** A new line in one of the ready forms. */
export function newLine(side: Side, form: LineForm, id: string, name: string, role?: string): Line {
  const category = form === "none" ? "quality" : side === "benefit" && form === "time" ? "reallocation" : "financial";
  const line: Line = { id, side, name, category };
  if (form === "time") {
    line.time = { minutes: "0", occurrences: "0", role: role ?? "" };
    line.timing = { yearly: { from: 1 } };
  } else if (form === "yearly") {
    line.amount = "0";
    line.timing = { yearly: { from: side === "benefit" ? 1 : 1 } };
  } else if (form === "once") {
    line.amount = "0";
    line.timing = { once: 0 };
  }
  return line;
}

function wrap(f: FormulaText): string {
  const s = String(f);
  return /^[A-Za-z0-9_.]+$/.test(s) ? s : `(${s})`;
}

/**
 * The line's amount as one formula (for "Visa formel"): a time line becomes
 * `minutes / 60 * occurrences * role.ID`, which the engine values identically.
 */
export function lineFormula(line: Line): string {
  if (line.time) {
    const { minutes, occurrences, role } = line.time;
    return `${wrap(minutes)} / 60 * ${wrap(occurrences)} * role.${role}`;
  }
  return line.amount == null ? "" : String(line.amount);
}

/**
 * Writes a formula typed in formula mode. On a time line, the formula shown is
 * [`lineFormula`]; only a different text turns the line into an amount line (which no longer
 * counts as freed time).
 */
export function setFormula(line: Line, formula: string): void {
  if (line.time) {
    if (formula === lineFormula(line)) return;
    delete line.time;
  }
  line.amount = formula;
}

/** Every id used by inputs and lines (ids must be unique across the document's lists). */
export function takenIds(doc: NyttaDocument): string[] {
  return [...(doc.valuation.inputs ?? []).map((i) => i.id), ...(doc.valuation.lines ?? []).map((l) => l.id)];
}
