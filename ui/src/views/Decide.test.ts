import { describe, expect, it, beforeEach } from "vitest";
import { render, screen, waitFor, within, cleanup } from "@testing-library/svelte";
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

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

describe("marking a version decided", () => {
  it("asks for the date (today), the deciding body and the label, stores them and moves the stage", async () => {
    const user = userEvent.setup();
    // Digitala examinationer: a draft at stage "valued" with the label "Nyttovärdering".
    render(Initiative, { id: 1 });
    await screen.findByTestId("npv-economic");
    const label = (await savedDoc(1)).valuation.label;
    await user.click(screen.getByRole("button", { name: "Markera som beslutad" }));
    const dialog = screen.getByTestId("decide-dialog");
    expect((within(dialog).getByLabelText("Beslutsdatum") as HTMLInputElement).value).toBe(todayIso());
    expect((within(dialog).getByLabelText("Versionens benämning") as HTMLInputElement).value).toBe(label || "Beslutsunderlag");
    expect((within(dialog).getByTestId("decide-set-stage") as HTMLInputElement).checked).toBe(true);

    // Without a deciding body nothing is stored and the field says why.
    await user.click(within(dialog).getByTestId("confirm"));
    const body = within(dialog).getByLabelText("Beslutsinstans");
    expect(body.getAttribute("aria-invalid")).toBe("true");
    expect(within(dialog).getByText("Ange vem som fattade beslutet.")).toBeTruthy();
    expect(document.activeElement).toBe(body);
    expect((await savedDoc(1)).valuation.status ?? "draft").toBe("draft");

    const date = within(dialog).getByLabelText("Beslutsdatum");
    await user.clear(date);
    await user.type(date, "2025-02-30");
    await user.type(body, "Arbete och välfärdsnämnden");
    const name = within(dialog).getByLabelText("Versionens benämning");
    await user.clear(name);
    await user.type(name, "Beslutsunderlag");
    await user.click(within(dialog).getByTestId("confirm"));
    expect(within(dialog).getByText("Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2025-02-27.")).toBeTruthy();
    await user.clear(date);
    await user.type(date, "2025-02-27");
    await user.click(within(dialog).getByTestId("confirm"));

    await screen.findByTestId("decided-note");
    const doc = await savedDoc(1);
    expect(doc.valuation).toMatchObject({ status: "decided", date: "2025-02-27", decided_by: "Arbete och välfärdsnämnden", label: "Beslutsunderlag" });
    expect(doc.initiative.stage).toBe("decided");
    await waitFor(() => expect((screen.getByTestId("version-picker") as HTMLSelectElement).selectedOptions[0].textContent).toBe("1 · Beslutsunderlag 2025-02-27 · beslutad"));
  });

  it("leaves the stage as it is when the box is cleared, in English too", async () => {
    setLang("en");
    const user = userEvent.setup();
    render(Initiative, { id: 1 });
    await screen.findByTestId("npv-economic");
    await user.click(screen.getByRole("button", { name: "Mark as decided" }));
    const dialog = screen.getByTestId("decide-dialog");
    await user.type(within(dialog).getByLabelText("Deciding body"), "Kommunstyrelsen");
    await user.click(within(dialog).getByLabelText("Set the stage to Decided"));
    await user.click(within(dialog).getByTestId("confirm"));
    await screen.findByTestId("decided-note");
    const doc = await savedDoc(1);
    expect(doc.valuation).toMatchObject({ status: "decided", decided_by: "Kommunstyrelsen", date: todayIso() });
    expect(doc.initiative.stage).toBe("valued");
  });
});
