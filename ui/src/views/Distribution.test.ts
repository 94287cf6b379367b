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

  it("is named in English", async () => {
    setLang("en");
    render(Initiative, { id: 1 });
    await screen.findByTestId("npv-economic");
    const select = screen.getAllByTestId("input-distribution")[0] as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(["PERT (default)", "Triangular", "Uniform"]);
    setLang("sv");
  });
});
