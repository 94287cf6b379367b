/**
 * The value of every input given as a formula (e.g. `robots * visits_removed_per_day * 365`),
 * computed by the engine rather than in the UI: a probe document with one one-off line per
 * such input, `amount = <input id>`, is evaluated and each line's full-effect amount is the
 * input's value (rounded to öre, as the engine rounds money).
 */
import type { Evaluation } from "../api";
import type { NyttaDocument } from "../api/document";
import { isDecimal } from "./number";

/** The ids of the inputs whose value is a formula, in document order. */
export function derivedInputs(doc: NyttaDocument): string[] {
  return (doc.valuation.inputs ?? []).filter((i) => !isDecimal(String(i.value))).map((i) => i.id);
}

/** The probe document's text, or `null` when no input is a formula. */
export function derivedProbe(doc: NyttaDocument): string | null {
  const ids = derivedInputs(doc);
  if (ids.length === 0) return null;
  const probe: NyttaDocument = {
    nytta: doc.nytta,
    initiative: { title: doc.initiative.title },
    valuation: {
      parameters: doc.valuation.parameters,
      roles: doc.valuation.roles,
      inputs: doc.valuation.inputs,
      lines: ids.map((id, i) => ({ id: `probe_${i}`, side: "benefit", name: id, category: "financial", amount: id, timing: { once: 0 } })),
    },
  };
  return JSON.stringify(probe);
}

/** Input id → its value, read from the probe's evaluation. */
export function derivedValues(doc: NyttaDocument, probe: Evaluation): Map<string, string> {
  const out = new Map<string, string>();
  derivedInputs(doc).forEach((id, i) => {
    const annual = probe.lines.find((l) => l.id === `probe_${i}`)?.annual;
    if (annual != null) out.set(id, annual);
  });
  return out;
}
