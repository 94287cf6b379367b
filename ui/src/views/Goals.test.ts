import { describe, expect, it, beforeEach } from "vitest";
import { render, screen, waitFor, cleanup } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import Initiative from "./Initiative.svelte";
import { installMockIpc } from "../api/mock";
import * as api from "../api";
import type { NyttaDocument } from "../api";
import { setLang } from "../i18n/i18n.svelte";

beforeEach(() => {
  cleanup();
  installMockIpc();
  setLang("sv");
});

async function savedDoc(id: number): Promise<NyttaDocument> {
  return JSON.parse((await api.initiativeGet(id)).document_json) as NyttaDocument;
}

describe("effect goals", () => {
  it("have an editable method (metod), saved with the goal", async () => {
    const user = userEvent.setup();
    const id = await api.initiativeCreate("E-tjänst", "Omsorg");
    render(Initiative, { id });
    await screen.findByTestId("npv-economic");
    await user.click(screen.getByTestId("tab-goals"));
    await user.click(screen.getByRole("button", { name: "+ Lägg till effektmål" }));
    const method = screen.getByRole("textbox", { name: "Metod (hur målet mäts)" });
    await user.type(method, "Stickprov i journalen varje kvartal");
    await waitFor(() => expect(screen.getByTestId("save-status").textContent).toBe("Sparat"), { timeout: 3000 });
    expect((await savedDoc(id)).valuation.effect_goals?.[0].method).toBe("Stickprov i journalen varje kvartal");
  });

  it("show a decided version's methods read-only", async () => {
    const user = userEvent.setup();
    setLang("en");
    // Läkemedelsrobotar i boendestödet: decided; its first goal's method is in the sample.
    render(Initiative, { id: 2 });
    await screen.findByTestId("decided-note");
    await user.click(screen.getByTestId("tab-goals"));
    const methods = screen.getAllByRole("textbox", { name: "Method (how it is measured)" }) as HTMLTextAreaElement[];
    const first = (await savedDoc(2)).valuation.effect_goals?.[0].method;
    expect(first).toBeTruthy();
    expect(methods[0].value).toBe(first);
    expect(methods[0].readOnly).toBe(true);
  });

  it("give a decided version's long texts fields that wrap, and the unit and 1–5 choices narrow columns", async () => {
    const user = userEvent.setup();
    // Läkemedelsrobotar i boendestödet: decided, so nobody can widen a field by typing.
    render(Initiative, { id: 2 });
    await screen.findByTestId("decided-note");
    await user.click(screen.getByTestId("tab-goals"));
    const doc = await savedDoc(2);
    const wraps = (testid: string, texts: (string | undefined)[]) => {
      const fields = screen.getAllByTestId(testid);
      expect(fields.map((f) => f.tagName)).toEqual(texts.map(() => "TEXTAREA"));
      expect(fields.map((f) => (f as HTMLTextAreaElement).value)).toEqual(texts.map((x) => x ?? ""));
      for (const f of fields) {
        expect((f as HTMLTextAreaElement).readOnly).toBe(true);
        expect(f.closest("td")?.classList.contains("col-text")).toBe(true);
      }
    };
    wraps("goal-indicator", (doc.valuation.effect_goals ?? []).map((g) => g.indicator));
    wraps("risk-text", (doc.valuation.risks ?? []).map((r) => r.text));
    wraps("risk-mitigation", (doc.valuation.risks ?? []).map((r) => r.mitigation));
    expect(screen.getAllByRole("textbox", { name: "Enhet" })[0].closest("td")?.className).toBe("col-unit");
    expect(screen.getAllByRole("combobox", { name: "Riktning" })[0].closest("td")?.className).toBe("col-fit");
    expect(screen.getAllByRole("combobox", { name: "Sannolikhet (1–5)" })[0].closest("td")?.className).toBe("col-fit");
  });
});
