import { describe, expect, it, beforeEach } from "vitest";
import { render, screen, cleanup } from "@testing-library/svelte";
import KeyFigures from "./KeyFigures.svelte";
import { SHELL } from "../../api/mock";
import type { Evaluation, NyttaDocument } from "../../api";
import { setLang } from "../../i18n/i18n.svelte";

beforeEach(() => cleanup());

/** The first example's evaluation with the IRRs the engine found replaced. */
function withIrr(economic: string | null, budget: string | null, roots: string[] = []): { evaluation: Evaluation; doc: NyttaDocument } {
  const evaluation = structuredClone(SHELL.evaluations[0]);
  evaluation.economic.irr = economic;
  evaluation.economic.irr_roots = roots.length ? roots : economic == null ? [] : [economic];
  evaluation.budget.irr = budget;
  evaluation.budget.irr_roots = budget == null ? [] : [budget];
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

  it("names several IRRs with their values and points to NPV and MIRR, where it showed one", () => {
    setLang("sv");
    // −10 000, +23 000, −13 200 kr: NPV is zero at 10 % and at 20 % (the engine's roots).
    render(KeyFigures, withIrr("0.100000", null, ["0.100000", "0.200000"]));
    const several = screen.getByTestId("irr-several-economic");
    expect(several.querySelector("button")?.textContent).toBe("flera internräntor: 10,0 %; 20,0 %");
    expect(several.querySelector("[role=tooltip]")?.textContent).toContain("Läs nuvärdet och MIRR i stället.");
    // The first example's budget net is negative every year (the engine's reason).
    expect(screen.getByTestId("irr-budget").textContent).toBe("ej definierad – nettot är negativt varje år");
  });

  it("shows the engine's MIRR with how it is computed", () => {
    setLang("sv");
    const { evaluation, doc } = withIrr("0.280948", null);
    evaluation.economic.mirr = "0.194815";
    evaluation.budget.mirr = null;
    render(KeyFigures, { evaluation, doc });
    const mirr = screen.getByTestId("mirr-economic");
    expect(mirr.querySelector("button")?.textContent).toBe("19,5 %");
    const years = String(evaluation.years.length - 1);
    expect(mirr.querySelector("[role=tooltip]")?.textContent).toContain(`räknas upp till år ${years}`);
    const none = screen.getByTestId("mirr-budget");
    expect(none.querySelector("button")?.textContent).toBe("ej definierad – nettot är negativt varje år");
    expect(none.querySelector("[role=tooltip]")?.textContent).toBe("MIRR kräver både år med positivt och år med negativt nettoflöde.");
  });

  it("says why an IRR and a MIRR are not defined, where it read 'finns inte'", () => {
    // Budget net −100 000, −20 000, −20 000 kr: negative every year (the engine's reason).
    const { evaluation, doc } = withIrr("0.130662", null);
    evaluation.budget.irr_undefined = "negative_every_year";
    evaluation.budget.mirr = null;
    evaluation.budget.mirr_undefined = "negative_every_year";
    setLang("sv");
    render(KeyFigures, { evaluation, doc });
    expect(screen.getByTestId("irr-budget").textContent).toBe("ej definierad – nettot är negativt varje år");
    expect(screen.getByTestId("mirr-budget").querySelector("button")?.textContent).toBe("ej definierad – nettot är negativt varje år");
    cleanup();
    setLang("en");
    render(KeyFigures, { evaluation, doc });
    expect(screen.getByTestId("irr-budget").textContent).toBe("not defined – the net is negative every year");
    expect(screen.getByTestId("mirr-budget").querySelector("button")?.textContent).toBe("not defined – the net is negative every year");
    setLang("sv");
  });
});
