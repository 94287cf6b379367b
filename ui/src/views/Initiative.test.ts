import { describe, expect, it, beforeEach } from "vitest";
import { render, screen, waitFor, within, cleanup } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import Initiative from "./Initiative.svelte";
import { installMockIpc, mockRequestClose, mockWindowClosed } from "../api/mock";
import { app, go } from "../state/app.svelte";
import App from "../App.svelte";
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

describe("the valuation editor", () => {
  it("shows the engine's key figures the Swedish way, with raw values for tests", async () => {
    render(Initiative, { id: 1 });
    const npv = await screen.findByTestId("npv-economic");
    // digitala-examinationer: economic NPV 297 429,50 kr; half a krona rounds away from zero.
    expect(npv.dataset.value).toBe("297429.50");
    expect(npv.textContent).toContain("297 430 kr");
    expect(screen.getByTestId("payback-budget").textContent).toContain("inte inom kalkylperioden");
  });

  it("builds the time form and a one-off cost from Swedish number entry, and autosaves", async () => {
    const user = userEvent.setup();
    const id = await api.initiativeCreate("E-tjänst", "Omsorg");
    render(Initiative, { id });
    await user.click(await screen.findByTestId("add-role"));
    const roleNames = screen.getAllByTestId("role-name");
    await user.type(roleNames[roleNames.length - 1], "Handläggare");
    const costs = screen.getAllByTestId("role-hourly-cost");
    await user.clear(costs[costs.length - 1]);
    await user.type(costs[costs.length - 1], "400");

    await user.click(screen.getByTestId("add-benefit-time"));
    let line = screen.getAllByTestId("line").at(-1)!;
    await user.clear(within(line).getByTestId("line-minutes"));
    await user.type(within(line).getByTestId("line-minutes"), "30");
    await user.clear(within(line).getByTestId("line-occurrences"));
    await user.type(within(line).getByTestId("line-occurrences"), "1 000");
    const roleSelect = within(line).getByTestId("line-role") as HTMLSelectElement;
    const handlaggare = [...roleSelect.options].find((o) => o.text === "Handläggare")!;
    await user.selectOptions(roleSelect, handlaggare.value);

    await user.click(screen.getByTestId("add-cost-once"));
    line = screen.getAllByTestId("line").at(-1)!;
    await user.clear(within(line).getByTestId("line-amount"));
    await user.type(within(line).getByTestId("line-amount"), "300 000");

    await waitFor(() => expect(screen.getByTestId("save-status").textContent).toBe("Sparat"), { timeout: 3000 });
    const lines = (await savedDoc(id)).valuation.lines ?? [];
    const role = (await savedDoc(id)).valuation.roles?.find((r) => r.name === "Handläggare");
    expect(role?.hourly_cost).toBe("400");
    expect(lines[0]).toMatchObject({
      side: "benefit",
      category: "reallocation",
      time: { minutes: "30", occurrences: "1000", role: role?.id },
      timing: { yearly: { from: 1 } },
    });
    expect(lines[0]).not.toHaveProperty("amount");
    expect(lines[1]).toMatchObject({ side: "cost", category: "financial", amount: "300000", timing: { once: 0 } });
  });

  it("'Visa formel' on a time line is a view: toggling it changes and saves nothing", async () => {
    const user = userEvent.setup();
    for (const id of [1, 2, 3, 4]) {
      cleanup();
      render(Initiative, { id });
      await screen.findByTestId("npv-economic");
      const timeLine = screen.getAllByTestId("line").find((l) => within(l).queryByTestId("line-minutes"));
      if (!timeLine) continue;
      const before = (await api.initiativeGet(id)).document_json;
      const role = (within(timeLine).getByTestId("line-role") as HTMLSelectElement).value;
      for (let i = 0; i < 3; i++) {
        await user.click(within(timeLine).getByText("Visa formel"));
        // The formula view shows the time line's own formula and says it counts as freed time.
        expect((within(timeLine).getByTestId("line-amount") as HTMLInputElement).value).toMatch(new RegExp(`/ 60 \\* .+ \\* role\\.${role}$`));
        expect(within(timeLine).getByTestId("formula-time-note").textContent).toContain("frigjord tid");
        await user.click(within(timeLine).getByText("Visa formulär"));
        expect(within(timeLine).getByTestId("line-minutes")).toBeTruthy();
      }
      await new Promise((r) => setTimeout(r, 500));
      expect(screen.getByTestId("save-status").textContent).toBe("");
      expect((await api.initiativeGet(id)).document_json).toBe(before);
      return;
    }
    throw new Error("no example has a time line");
  });

  it("typing a different formula on a time line turns it into an amount line", async () => {
    const user = userEvent.setup();
    const id = await api.initiativeCreate("E-tjänst", "Omsorg");
    render(Initiative, { id });
    await screen.findByTestId("add-benefit-time");
    await user.click(screen.getByTestId("add-benefit-time"));
    const line = screen.getAllByTestId("line").at(-1)!;
    await user.click(within(line).getByText("Visa formel"));
    const amount = within(line).getByTestId("line-amount");
    await user.clear(amount);
    await user.type(amount, "1000");
    await waitFor(() => expect(screen.getByTestId("save-status").textContent).toBe("Sparat"), { timeout: 3000 });
    const saved = (await savedDoc(id)).valuation.lines?.at(-1);
    expect(saved).toMatchObject({ amount: "1000" });
    expect(saved).not.toHaveProperty("time");
  });

  it("marks a formula error at the position the engine reports", async () => {
    const user = userEvent.setup();
    render(Initiative, { id: 1 });
    await screen.findByTestId("npv-economic");
    const line = screen.getAllByTestId("line").find((l) => within(l).queryByText("Visa formel"))!;
    await user.click(within(line).getByText("Visa formel"));
    const amount = within(line).getByTestId("line-amount");
    await user.clear(amount);
    await user.type(amount, "exams * fel_id");
    const error = await within(line).findByTestId("formula-error", {}, { timeout: 3000 });
    expect(error.dataset.pos).toBe("9");
    expect(error.querySelector("mark")?.textContent).toBe("fel_id");
    expect(error.textContent).toContain('okänd faktor "fel_id"');
    expect(amount.getAttribute("aria-invalid")).toBe("true");
  });

  it("turns a time line into the same formula with Visa formel", async () => {
    const user = userEvent.setup();
    const id = await api.initiativeCreate("Formel", "Omsorg");
    render(Initiative, { id });
    await user.click(await screen.findByTestId("add-benefit-time"));
    const line = screen.getAllByTestId("line").at(-1)!;
    await user.clear(within(line).getByTestId("line-minutes"));
    await user.type(within(line).getByTestId("line-minutes"), "12");
    await user.clear(within(line).getByTestId("line-occurrences"));
    await user.type(within(line).getByTestId("line-occurrences"), "robots * 2");
    await user.click(within(line).getByText("Visa formel"));
    expect((within(line).getByTestId("line-amount") as HTMLInputElement).value).toBe("12 / 60 * (robots * 2) * role.usk");
  });
});

describe("never losing typed work", () => {
  /** The dialog once it is open (a closed one is in the page, empty). */
  const openDialog = (testid: string) =>
    waitFor(() => {
      const d = screen.getByTestId(testid);
      expect(d.textContent).not.toBe("");
      return d;
    });
  /** A negative hourly cost on the first role and a description typed in Behov. */
  async function typeInvalidEdit(user: ReturnType<typeof userEvent.setup>) {
    const cost = (await screen.findAllByTestId("role-hourly-cost"))[0];
    await user.clear(cost);
    await user.type(cost, "-5");
    await user.click(screen.getByTestId("tab-needs"));
    const description = screen.getByTestId("needs-description");
    await user.clear(description);
    await user.type(description, "Nattlig tillsyn med kamera");
    await waitFor(() => expect(screen.getByTestId("save-status").textContent).toBe("Sparat som arbetskopia (har fel)"), { timeout: 3000 });
  }

  it("keeps an invalid edit with every typed word, asks before leaving, and shows it again", async () => {
    const user = userEvent.setup();
    const id = await api.initiativeCreate("Digital nattillsyn", "Omsorgsförvaltningen");
    const before = (await api.initiativeGet(id)).document_json;
    render(Initiative, { id });
    await typeInvalidEdit(user);
    expect(screen.getByTestId("working-copy-note")).toBeTruthy();
    // The version is untouched; the working copy holds both edits.
    const stored = await api.initiativeGet(id);
    expect(stored.document_json).toBe(before);
    const copy = JSON.parse(stored.working_copy ?? "{}") as NyttaDocument;
    expect(copy.initiative.description).toBe("Nattlig tillsyn med kamera");
    expect(copy.valuation.roles?.[0].hourly_cost).toBe("-5");

    // Leaving asks; "Stanna och rätta" stays.
    app.view = { name: "initiative", id };
    const leaving = go({ name: "portfolio" });
    const dialog = await openDialog("leave-dialog");
    expect(dialog.textContent).toContain("sparat som arbetskopia");
    await user.click(within(dialog).getByText("Stanna och rätta"));
    expect(await leaving).toBe(false);
    expect(app.view.name).toBe("initiative");
    const again = go({ name: "portfolio" });
    await user.click(within(await openDialog("leave-dialog")).getByText("Lämna"));
    expect(await again).toBe(true);

    // Opened again: the typed text is there, with the problem shown.
    cleanup();
    render(Initiative, { id });
    await user.click(await screen.findByTestId("tab-needs"));
    expect((screen.getByTestId("needs-description") as HTMLTextAreaElement).value).toBe("Nattlig tillsyn med kamera");
    expect(screen.getByTestId("working-copy-note")).toBeTruthy();
  });

  it("closing the window with an invalid edit asks first and stays open on 'Stanna'", async () => {
    const user = userEvent.setup();
    const id = await api.initiativeCreate("Digital nattillsyn", "Omsorgsförvaltningen");
    render(App);
    app.view = { name: "initiative", id };
    await typeInvalidEdit(user);
    void mockRequestClose();
    await user.click(within(await openDialog("leave-dialog")).getByText("Stanna och rätta"));
    await new Promise((r) => setTimeout(r, 50));
    expect(mockWindowClosed()).toBe(false);
    void mockRequestClose();
    await user.click(within(await openDialog("leave-dialog")).getByText("Lämna"));
    await waitFor(() => expect(mockWindowClosed()).toBe(true));
  });

  it("a valid edit leaves without a question", async () => {
    const user = userEvent.setup();
    render(Initiative, { id: 1 });
    await user.click(await screen.findByTestId("tab-needs"));
    const description = screen.getByTestId("needs-description");
    await user.type(description, " Mer text.");
    expect(await go({ name: "portfolio" })).toBe(true);
    expect(screen.getByTestId("leave-dialog").textContent).toBe("");
    expect(JSON.parse((await api.initiativeGet(1)).document_json).initiative.description).toContain("Mer text.");
  });
});

describe("follow-ups on a decided version", () => {
  it("keeps the valuation locked but saves a new lesson, and shows derived inputs as values", async () => {
    const user = userEvent.setup();
    // Läkemedelsrobotar i boendestödet: decided, with one follow-up.
    render(Initiative, { id: 2 });
    await screen.findByTestId("decided-note");
    expect(screen.queryByTestId("add-role")).toBeNull();
    await user.click(screen.getByTestId("tab-follow-up"));
    // "Ersatta läkemedelsbesök per år" = robots × visits_removed_per_day × 365 = 10 × 1,5 × 365 = 5 475.
    expect((await screen.findAllByText("5 475 besök/år")).length).toBe(1);
    // The formula is the figure's explanation, not the value.
    expect(screen.getByText(/robots \* visits_removed_per_day/).getAttribute("role")).toBe("tooltip");
    await user.click(screen.getByTestId("fu-lesson-add"));
    await user.type(screen.getAllByTestId("fu-lesson").at(-1)!, "Börja med en pilot");
    await waitFor(() => expect(screen.getByTestId("save-status").textContent).toBe("Sparat"), { timeout: 3000 });
    const doc = await savedDoc(2);
    expect(doc.follow_ups?.[0].lessons?.at(-1)).toBe("Börja med en pilot");
    expect(doc.valuation.status).toBe("decided");
  });

  it("shows its editor tables without an empty remove column", async () => {
    const user = userEvent.setup();
    render(Initiative, { id: 2 });
    await screen.findByTestId("decided-note");
    const tables = () => document.querySelectorAll<HTMLTableElement>("table.edit-table");
    expect(tables().length).toBeGreaterThan(1);
    for (const table of tables()) {
      const cols = [...table.tHead!.rows[0].cells].reduce((n, c) => n + c.colSpan, 0);
      for (const row of table.tBodies[0].rows) expect(row.cells.length).toBeLessThanOrEqual(cols);
      expect(within(table).queryByText("Ta bort")).toBeNull();
    }
    expect(screen.queryAllByRole("columnheader", { name: "Ta bort" })).toEqual([]);
    await user.click(screen.getByTestId("tab-goals"));
    expect(screen.queryAllByRole("columnheader", { name: "Ta bort" })).toEqual([]);
  });

  it("names the shown version by its valuation's label and date in the version picker", async () => {
    render(Initiative, { id: 2 });
    await screen.findByTestId("decided-note");
    // samples/lakemedelsrobotar.nytta.json: "label": "Beslutsunderlag", "date": "2021-03-01".
    const picker = screen.getByTestId("version-picker") as HTMLSelectElement;
    expect(picker.selectedOptions[0].textContent).toBe("1 · Beslutsunderlag 2021-03-01 · beslutad");
  });

  it("shows the realised case beside the decided one, in both views", async () => {
    const user = userEvent.setup();
    render(Initiative, { id: 2 });
    await screen.findByTestId("decided-note");
    await user.click(screen.getByTestId("tab-follow-up"));
    const cmp = await screen.findByTestId("fu-comparison");
    expect(within(cmp).getByTestId("fu-npv-economic").dataset.value).toMatch(/^-?\d+\.\d{2}$/);
    expect(within(cmp).getByTestId("fu-npv-budget").textContent).toMatch(/kr$/);
    expect(within(cmp).getAllByTestId("fu-rate").length).toBeGreaterThan(0);
  });
});
