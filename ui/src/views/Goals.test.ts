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
});
