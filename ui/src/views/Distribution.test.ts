import { describe, expect, it, beforeEach } from "vitest";
import { render, screen, waitFor, cleanup } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import Initiative from "./Initiative.svelte";
import { installMockIpc } from "../api/mock";
import * as api from "../api";
import { parseDocument } from "../api";
import { setLang } from "../i18n/i18n.svelte";

beforeEach(() => {
  cleanup();
  installMockIpc();
  setLang("sv");
});

describe("the distribution an input is simulated with", () => {
  it("is chosen per input with a low and a high value (PERT by default) and saved", async () => {
    const user = userEvent.setup();
    // Digitala examinationer: a draft; `participants` has a range, `exams` is a formula.
    render(Initiative, { id: 1 });
    await screen.findByTestId("npv-economic");
    const inputs = screen.getAllByTestId("input");
    const participants = inputs.find((x) => x.dataset.path === "valuation.inputs[0]")!;
    const select = participants.querySelector<HTMLSelectElement>("[data-testid=input-distribution]")!;
    expect(select.value).toBe("pert");
    expect([...select.options].map((o) => o.textContent)).toEqual(["PERT (standard)", "Triangel", "Likformig"]);
    expect(select.getAttribute("aria-label")).toMatch(/^Fördelning i simuleringen: /);
    const exams = inputs.find((x) => x.dataset.path === "valuation.inputs[2]")!;
    expect(exams.querySelector("[data-testid=input-distribution]")).toBeNull();
    expect(exams.textContent).toContain("Varieras inte i simuleringen");
    await user.selectOptions(select, "uniform");
    await waitFor(() => expect(screen.getByTestId("save-status").textContent).toBe("Sparat"), { timeout: 3000 });
    const saved = parseDocument((await api.initiativeGet(1)).document_json);
    expect(saved.valuation.inputs?.[0].distribution).toBe("uniform");
    expect(saved.valuation.inputs?.[1].distribution).toBeUndefined();
  });

  it("shows the engine's problem beside it when the input loses its range", async () => {
    const user = userEvent.setup();
    render(Initiative, { id: 1 });
    await screen.findByTestId("npv-economic");
    const participants = screen.getAllByTestId("input").find((x) => x.dataset.path === "valuation.inputs[0]")!;
    const select = participants.querySelector<HTMLSelectElement>("[data-testid=input-distribution]")!;
    await user.selectOptions(select, "triangular");
    const low = participants.querySelector<HTMLInputElement>('[data-path="valuation.inputs[0].low"]')!;
    await user.clear(low);
    await user.tab();
    const error = await screen.findByTestId("input-distribution-error");
    expect(error.textContent).toBe(
      "en fördelning kräver att faktorn har ett tal som värde och både ett lågt och ett högt värde (low och high); ange intervallet eller ta bort fördelningen",
    );
    const shown = participants.querySelector<HTMLSelectElement>("[data-testid=input-distribution]")!;
    expect(shown.getAttribute("aria-invalid")).toBe("true");
  });

  it("is named in English", async () => {
    setLang("en");
    render(Initiative, { id: 1 });
    await screen.findByTestId("npv-economic");
    const select = screen.getAllByTestId("input-distribution")[0] as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(["PERT (default)", "Triangular", "Uniform"]);
    setLang("sv");
  });
});

describe("the simulation settings on Känslighet", () => {
  it("ask for the simulation in the business case, with draws and a seed beyond 2^53 kept exact", async () => {
    const user = userEvent.setup();
    render(Initiative, { id: 1 });
    await screen.findByTestId("npv-economic");
    await user.click(screen.getByTestId("tab-sensitivity"));
    const box = (await screen.findByTestId("sim-in-report")) as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(screen.queryByTestId("sim-seed")).toBeNull();
    await user.click(box);
    // The engine's limits and defaults (limits.ts, generated from nytta-core).
    expect(screen.getByText("1–100 000; tomt: 10 000.")).toBeTruthy();
    expect(screen.getByText("Ett heltal; samma frö ger samma utfall. Tomt: 1.")).toBeTruthy();
    await user.type(screen.getByTestId("sim-draws"), "5000");
    await user.type(screen.getByTestId("sim-seed"), "18446744073709551615");
    await user.tab();
    await waitFor(() => expect(screen.getByTestId("save-status").textContent).toBe("Sparat"), { timeout: 3000 });
    const text = (await api.initiativeGet(1)).document_json;
    expect(text).toContain('"seed":"18446744073709551615"');
    expect(parseDocument(text).valuation.simulation).toEqual({ draws: 5000, seed: "18446744073709551615" });
    // Unticked: the business case no longer asks for it.
    await user.click(screen.getByTestId("sim-in-report"));
    await waitFor(async () => expect(parseDocument((await api.initiativeGet(1)).document_json).valuation.simulation).toBeUndefined(), { timeout: 3000 });
  });
});
