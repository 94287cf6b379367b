import { describe, expect, it, beforeEach } from "vitest";
import { render, screen, waitFor, within, cleanup } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import * as api from "../api";
import Portfolio from "./Portfolio.svelte";
import OverviewView from "./Overview.svelte";
import Priorities from "./Priorities.svelte";
import Similar from "./Similar.svelte";
import { installMockIpc, mockSimilarNeeds, SHELL } from "../api/mock";
import { app } from "../state/app.svelte";
import { setLang } from "../i18n/i18n.svelte";

beforeEach(() => {
  cleanup();
  installMockIpc();
  setLang("sv");
  app.view = { name: "portfolio" };
});

const shownIds = () => screen.getAllByTestId("portfolio-row").map((r) => Number(r.dataset.id));

describe("the overview", () => {
  it("shows the funnel and clicks through a count to exactly its initiatives", async () => {
    const user = userEvent.setup();
    render(OverviewView);
    const valued = await screen.findByRole("button", { name: "Visa 2 initiativ: Värderad" });
    expect(valued.textContent).toBe("2");
    // The third step has no stage of its own and says so.
    expect(screen.getByTestId("ov-funnel").textContent).toContain("Ingen egen status");
    await user.click(valued);
    expect(app.view).toEqual({ name: "portfolio", ids: [3, 1], what: "Värderad", npv: "economic" });
    cleanup();
    render(Portfolio, { ids: [3, 1], what: "Värderad" });
    await screen.findByTestId("id-filter");
    expect(shownIds()).toEqual([3, 1]);
    expect(screen.getByTestId("id-filter").textContent).toContain("Visar: Värderad (2)");
  });

  it("shows the budget NPV of the initiatives behind a department's budget NPV clicked", async () => {
    const user = userEvent.setup();
    render(OverviewView);
    await user.click(await screen.findByRole("button", { name: "Visa 2 initiativ: Arbete och välfärd: Nuvärde, budget" }));
    expect(app.view).toEqual({ name: "portfolio", ids: [2, 1], what: "Arbete och välfärd: Nuvärde, budget", npv: "budget" });
    cleanup();
    render(Portfolio, { ids: [2, 1], what: "Arbete och välfärd: Nuvärde, budget", npv: "budget" });
    await screen.findByTestId("id-filter");
    const table = screen.getByRole("table");
    expect(within(table).getByRole("button", { name: "Sortera på Nuvärde, budget" })).toBeTruthy();
    expect(within(table).queryByText("Nuvärde")).toBeNull();
    // The department's −724 693,88 kr is the sum of these two: −9 998,55 and −714 695,33.
    const cells = screen.getAllByTestId("npv-cell").map((c) => c.textContent?.replace(/\s/g, " "));
    expect(cells).toEqual(["−9 999 kr", "−714 695 kr"]);
  });

  it("names the NPV column's view and the actions column in full", async () => {
    render(Portfolio);
    const table = await screen.findByRole("table");
    const npv = within(table).getByRole("button", { name: "Nuvärde, samhällsek. – Sortera på Nuvärde, samhällsekonomiskt" });
    expect(npv.textContent).toContain("Nuvärde, samhällsek.");
    expect(within(table).getAllByRole("columnheader").at(-1)?.textContent).toBe("Åtgärder");
    expect(screen.getByTestId("export-note").textContent).toMatch(/^Exportera som fil sparar/);
  });

  it("lists the hygiene counts with the months setting in English", async () => {
    setLang("en");
    render(OverviewView);
    const list = await screen.findByTestId("ov-hygiene");
    expect(list.textContent).toContain(`Valuation older than ${SHELL.overview.stale_months} months: 4`);
    expect(list.textContent).toContain("Follow-up overdue: 2");
  });
});

describe("the portfolio list", () => {
  it("shows every stage in the stage filter, also with 0, and departments with their share", async () => {
    render(Portfolio);
    await screen.findAllByTestId("portfolio-row");
    await waitFor(() => expect(screen.getAllByTestId("stage-chip")).toHaveLength(10));
    const decided = screen.getAllByTestId("stage-chip").find((c) => c.dataset.stage === "decided")!;
    expect(decided.textContent?.replace(/\s+/g, " ").trim()).toBe("Beslutad 0");
    const chips = screen.getAllByTestId("department-chip").map((c) => c.textContent?.replace(/\s+/g, " ").trim());
    expect(chips).toEqual(["Arbete och välfärd 2 50,0 %", "Omsorgsförvaltningen 2 50,0 %"]);
  });

  it("shows an initiative without a valuation as not valued, not as effect 1 and 0 kr", async () => {
    const id = await api.initiativeCreate("Ny", "Kultur och fritid");
    render(Portfolio, { ids: [id, 1], what: "Utan nyttovärdering" });
    await screen.findByTestId("id-filter");
    const row = (i: number) => screen.getAllByTestId("portfolio-row").find((r) => Number(r.dataset.id) === i)!;
    const [fresh, valued] = [row(id), row(1)];
    const cells = (row: HTMLElement) => [...row.querySelectorAll("td")].map((c) => c.textContent?.replace(/\s/g, " ").trim());
    // Title, department, stage, basis, Eff., Genf., Fin., Res., Prio., NPV, payback, actions:
    // effect, resource need, NPV and payback exist only with a valuation.
    const none = cells(fresh);
    expect([none[4], none[7], none[9], none[10]]).toEqual(Array(4).fill("–Inte nyttovärderat"));
    // An example keeps its figures: effect 3, resource need 1, NPV 297 429,50 kr, payback 2,66… years.
    const example = cells(valued);
    expect([example[4], example[7], example[9], example[10]]).toEqual(["3", "1", "297 430 kr", "2,7 år"]);
  });

  it("suggests every department in the portfolio in the new initiative dialog, the configured first", async () => {
    const user = userEvent.setup();
    await api.initiativeCreate("Meröppet bibliotek", "Kultur och fritid");
    render(Portfolio);
    await user.click(await screen.findByTestId("new-initiative"));
    const options = () => [...document.querySelectorAll("#dept-list option")].map((o) => o.getAttribute("value"));
    await waitFor(() =>
      expect(options()).toEqual(["Arbete och välfärd", "Omsorgsförvaltningen", "Kommunledningsförvaltningen", "Kultur och fritid"]),
    );
  });

  it("finds initiatives by the words of their needs", async () => {
    const user = userEvent.setup();
    render(Portfolio);
    await screen.findAllByTestId("portfolio-row");
    // "kamera" is in the alternatives of the medicine robots, not in any title or tag.
    await user.type(screen.getByTestId("portfolio-search"), "kamera");
    await waitFor(() => expect(shownIds()).toEqual([2]));
  });

  it("keeps the store's priority order by default and comes back to it in one click", async () => {
    const user = userEvent.setup();
    render(Portfolio);
    await screen.findAllByTestId("portfolio-row");
    const storeOrder = SHELL.portfolio.map((r) => r.id);
    expect(shownIds()).toEqual(storeOrder);
    expect(screen.getByTestId("sort-line").textContent).toContain("Sorterat i prioritetsordning");
    await user.click(screen.getByRole("button", { name: "Sortera på Titel" }));
    expect(shownIds()).not.toEqual(storeOrder);
    expect(screen.getByTestId("sort-line").textContent).toContain("Sorterat efter Titel i vyn.");
    await user.click(screen.getByTestId("sort-priority"));
    expect(shownIds()).toEqual(storeOrder);
  });

  it("adds and removes the demo portfolio from the toolbar", async () => {
    const user = userEvent.setup();
    render(Portfolio);
    const button = await screen.findByTestId("demo-toggle");
    await waitFor(() => expect(button.textContent).toBe("Lägg till demoportfölj"));
    await user.click(button);
    await waitFor(() => expect(button.textContent).toBe("Ta bort demoportföljen"));
    await user.click(button);
    await waitFor(() => expect(button.textContent).toBe("Lägg till demoportfölj"));
  });
});

describe("prioritisation", () => {
  it("ranks in the store's order and draws the capacity line at the budget entered", async () => {
    const user = userEvent.setup();
    render(Priorities);
    expect(await screen.findByText("Inga initiativ med den statusen.")).toBeTruthy();
    await user.selectOptions(screen.getByTestId("pr-stage"), "");
    await waitFor(() => expect(screen.getAllByTestId("pr-row")).toHaveLength(4));
    const recorded = SHELL.priorities[2];
    await user.type(screen.getByTestId("pr-budget"), "1 000 000");
    await user.tab();
    const line = await screen.findByTestId("pr-capacity");
    expect(line.textContent).toContain(`Kapacitetsgräns: ${recorded.fit_count} initiativ ryms i budgeten 1 000 000 kr per år`);
    expect(screen.getAllByTestId("pr-row").map((r) => Number(r.dataset.id))).toEqual(recorded.ranked.map((r) => r.id));
  });

  it("draws the capacity line at the staff hours entered, with the hours of those that fit", async () => {
    const user = userEvent.setup();
    render(Priorities);
    expect(await screen.findByText("Inga initiativ med den statusen.")).toBeTruthy();
    await user.selectOptions(screen.getByTestId("pr-stage"), "");
    await waitFor(() => expect(screen.getAllByTestId("pr-row")).toHaveLength(4));
    // The examples with 500 hours a year: Digitala medicinskåp, first in priority order,
    // needs 250 h of project time and 400 × 30 min of training = 450 h in 2023; the next,
    // Digital signering, needs more than the 50 h left in its busiest year.
    const recorded = SHELL.priorities[3];
    expect(recorded.filter.hours_per_year).toBe("500");
    expect(recorded.fit_count).toBe(1);
    await user.type(screen.getByTestId("pr-hours"), "500");
    await user.tab();
    const line = await screen.findByTestId("pr-capacity");
    expect(line.textContent).toBe("Kapacitetsgräns: 1 initiativ ryms i 500 h per år. Initiativen nedanför ryms inte.");
    expect(screen.getByTestId("pr-fit-hours").textContent).toBe("Timmar per år för dem som ryms: 2023 450 h");
    const rows = screen.getAllByTestId("pr-row");
    expect(rows[0].textContent).toContain("450 h");
    expect(rows[0].textContent).toContain("Ja");
    expect(rows[1].textContent).toContain("Nej");
  });

  it("heads the freed time as what each row holds: its own hours, whatever its stage", async () => {
    render(Priorities);
    const table = await screen.findByTestId("pr-table");
    const headers = within(table).getAllByRole("columnheader").map((h) => h.textContent);
    expect(headers).toContain("Frigjord tid, h/år");
    expect(headers.join(" ")).not.toContain("beslutade och pågående");
  });

  it("names staff hours that are no number", async () => {
    const user = userEvent.setup();
    render(Priorities);
    await user.type(await screen.findByTestId("pr-hours"), "många");
    await user.tab();
    expect((await screen.findByRole("alert")).textContent).toBe("Skriv personalkapaciteten som ett antal timmar, t.ex. 3 400.");
  });

  it("names a budget that is no amount", async () => {
    const user = userEvent.setup();
    render(Priorities);
    await user.type(await screen.findByTestId("pr-budget"), "mycket");
    await user.tab();
    expect((await screen.findByRole("alert")).textContent).toBe("Skriv budgeten som ett belopp, t.ex. 2 000 000.");
  });
});

describe("similar needs", () => {
  it("shows a group with its shared words and keeps a pair marked not similar out", async () => {
    const user = userEvent.setup();
    mockSimilarNeeds(1);
    render(Similar);
    const group = await screen.findByTestId("sim-group");
    expect(group.textContent).toContain("Arbete och välfärd, Omsorgsförvaltningen");
    expect(group.textContent).toContain("kamera");
    await user.click(within(group).getByTestId("sim-dismiss"));
    await waitFor(() => expect(screen.queryByTestId("sim-group")).toBeNull());
    expect(screen.getByTestId("sim-summary").textContent).toContain("1 par markerade som inte liknande visas inte.");
  });

  it("links a pair as a coordinated need", async () => {
    const user = userEvent.setup();
    mockSimilarNeeds(1);
    render(Similar);
    await user.click(await screen.findByTestId("sim-coordinate"));
    expect(await screen.findByTestId("sim-coordinated")).toBeTruthy();
  });

  it("shows one current message about the threshold at its field, without the internal key", async () => {
    const user = userEvent.setup();
    render(Similar);
    const field = await screen.findByTestId("sim-threshold");
    await screen.findByTestId("sim-summary");
    await user.clear(field);
    await user.type(field, "2");
    await user.click(screen.getByRole("button", { name: "Uppdatera" }));
    await waitFor(() => expect(screen.getAllByRole("alert")).toHaveLength(1));
    const said = () => document.getElementById(field.getAttribute("aria-describedby") ?? "")?.textContent;
    expect(said()).toBe("Tröskeln för liknande behov ska vara ett tal över 0 och högst 1, t.ex. 0,25");
    expect(document.body.textContent).not.toContain("similarity_threshold");
    await user.clear(field);
    await user.type(field, "abc");
    await user.click(screen.getByRole("button", { name: "Uppdatera" }));
    await waitFor(() => expect(said()).toBe("Skriv tröskeln som ett tal över 0 och högst 1, t.ex. 0,25."));
    expect(screen.getAllByRole("alert")).toHaveLength(1);
    await user.clear(field);
    await user.type(field, "0,3");
    await user.click(screen.getByRole("button", { name: "Uppdatera" }));
    await waitFor(() => expect(screen.queryAllByRole("alert")).toHaveLength(0));
    expect(field.getAttribute("aria-invalid")).toBeNull();
  });
});
