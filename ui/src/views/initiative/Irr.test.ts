import { describe, expect, it, beforeEach } from "vitest";
import { render, screen, cleanup } from "@testing-library/svelte";
import KeyFigures from "./KeyFigures.svelte";
import { SHELL } from "../../api/mock";
import type { Evaluation, NyttaDocument } from "../../api";
import { setLang } from "../../i18n/i18n.svelte";

beforeEach(() => cleanup());

/** The first example's evaluation with the IRRs the engine found replaced. */
function withIrr(economic: string | null, budget: string | null): { evaluation: Evaluation; doc: NyttaDocument } {
  const evaluation = structuredClone(SHELL.evaluations[0]);
  evaluation.economic.irr = economic;
  evaluation.budget.irr = budget;
  const doc = JSON.parse(SHELL.initiatives[0].document_json) as NyttaDocument;
  return { evaluation, doc };
}

describe("the internal rate of return in the key figures", () => {
  it("reads '> 1 000 %' above 1 000 %, where it read as if none existed", () => {
    setLang("sv");
    // −275 400 kr, then +2 762 813 kr a year for six years: the engine finds 10.031995.
    render(KeyFigures, withIrr("10.031995", "0.280948"));
    expect(screen.getByTestId("irr-economic").textContent).toBe("> 1 000 %");
    expect(screen.getByTestId("irr-budget").textContent).toBe("28,1 %");
  });

  it("writes exactly 1 000 % as a figure and says so in English", () => {
    setLang("en");
    render(KeyFigures, withIrr("10.000000", "10.000001"));
    expect(screen.getByTestId("irr-economic").textContent).toBe("1,000.0%");
    expect(screen.getByTestId("irr-budget").textContent).toBe("> 1,000%");
    setLang("sv");
  });
});
