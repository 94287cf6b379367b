import { describe, expect, it, beforeEach, afterEach } from "vitest";
import { render, screen, cleanup } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import Initiative from "../Initiative.svelte";
import KeyFigures from "./KeyFigures.svelte";
import type { NyttaDocument } from "../../api";
import { installMockIpc, SHELL } from "../../api/mock";
import { setLang } from "../../i18n/i18n.svelte";

beforeEach(() => {
  cleanup();
  installMockIpc();
  setLang("sv");
});
afterEach(() => setLang("sv"));

async function openSensitivity(id: number) {
  const user = userEvent.setup();
  render(Initiative, { id });
  await screen.findByTestId("npv-economic");
  await user.click(screen.getByTestId("tab-sensitivity"));
  await screen.findByTestId("switch-benefits-budget");
}
const text = (id: string) => screen.getByTestId(id).textContent;

describe("the switching values on Känslighet", () => {
  // Robotisering av ekonomiadministration (id 2): the engine's switching values are
  // NPV ÷ PV — economic 0.768166 and 3.313425, budget −0.024687 and −0.024092 (NPV < 0).
  it("say the budget's benefits must rise and costs must fall, where they read 'may fall by −2 %'", async () => {
    await openSensitivity(2);
    expect(text("switch-benefits-economic")).toBe("kan minska med 76,8 %");
    expect(text("switch-costs-economic")).toBe("kan öka med 331,3 %");
    expect(text("switch-benefits-budget")).toBe("behöver öka med 2,5 %");
    expect(text("switch-costs-budget")).toBe("behöver minska med 2,4 %");
  });

  it("say the same in English", async () => {
    setLang("en");
    await openSensitivity(2);
    expect(text("switch-benefits-economic")).toBe("may fall by 76.8%");
    expect(text("switch-costs-economic")).toBe("may rise by 331.3%");
    expect(text("switch-benefits-budget")).toBe("must rise by 2.5%");
    expect(text("switch-costs-budget")).toBe("must fall by 2.4%");
  });
});

describe("the scenarios' payback on Känslighet", () => {
  it("reads 'cannot be computed: no costs' like the key figure when the view has no costs, where it read '0,0 år'", async () => {
    // A valuation with one time benefit and no costs: the engine gives no payback in any case.
    const ev = SHELL.evaluations[2];
    const kept = structuredClone(ev);
    ev.economic.total_costs = "0.00";
    ev.economic.payback_years = null;
    ev.sensitivity.pessimistic.payback_years = null;
    ev.sensitivity.optimistic.payback_years = null;
    try {
      await openSensitivity(2);
      const cells = [...document.querySelectorAll("[aria-labelledby=cases-h] tbody tr td:last-child")].map((c) => c.textContent);
      expect(cells).toEqual(Array(3).fill("kan inte beräknas: inga kostnader"));
    } finally {
      Object.assign(ev, kept);
    }
  });
});

describe("the key figure's payback without costs", () => {
  it("reads 'cannot be computed: no costs' now that the engine gives no payback, where it read 'not within the analysis period'", () => {
    const evaluation = structuredClone(SHELL.evaluations[2]);
    evaluation.budget.total_costs = "0.00";
    evaluation.budget.payback_years = null;
    evaluation.economic.payback_years = null;
    const doc = JSON.parse(SHELL.initiatives[2].document_json) as NyttaDocument;
    render(KeyFigures, { evaluation, doc });
    const shown = (id: string) => screen.getByTestId(id).querySelector("button")?.textContent;
    expect(shown("payback-budget")).toBe("kan inte beräknas: inga kostnader");
    // With costs and no payback: not within the period.
    expect(shown("payback-economic")).toBe("inte inom kalkylperioden");
  });
});
