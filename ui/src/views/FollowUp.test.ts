import { afterEach, describe, expect, it, beforeEach, vi } from "vitest";
import { render, screen, waitFor, within, cleanup } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import Initiative from "./Initiative.svelte";
import Lessons from "./Lessons.svelte";
import { installMockIpc, SHELL } from "../api/mock";
import * as api from "../api";
import type { NyttaDocument } from "../api";
import { setLang } from "../i18n/i18n.svelte";
import { app } from "../state/app.svelte";

beforeEach(() => {
  cleanup();
  installMockIpc();
  setLang("sv");
});
afterEach(() => vi.useRealTimers());

async function savedDoc(id: number): Promise<NyttaDocument> {
  return JSON.parse((await api.initiativeGet(id)).document_json) as NyttaDocument;
}

async function followUpTab(id: number) {
  const user = userEvent.setup();
  render(Initiative, { id });
  await screen.findByTestId("npv-economic");
  await user.click(screen.getByTestId("tab-follow-up"));
  return user;
}

describe("the follow-up tab", () => {
  it("shows the existing follow-up in the picker, with its year", async () => {
    // Läkemedelsrobotar: one follow-up dated 2023-01-25 of year 1 (start year 2021 → 2022).
    await followUpTab(2);
    const picker = screen.getByTestId("fu-picker") as HTMLSelectElement;
    expect(picker.selectedOptions[0]?.textContent).toBe("2023-01-25 · år 1 (2022)");
  });

  it("dates a new follow-up at the end of the year it refers to, and the picker shows it", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(2024, 4, 2));
    // Robots: start year 2021, so in 2024 the new follow-up is of year 3, dated 2024-12-31.
    const user = await followUpTab(2);
    await user.click(screen.getByTestId("fu-add"));
    const picker = screen.getByTestId("fu-picker") as HTMLSelectElement;
    await waitFor(() => expect(picker.selectedOptions[0]?.textContent).toBe("2024-12-31 · år 3 (2024)"));
    expect((screen.getByTestId("fu-date") as HTMLInputElement).value).toBe("2024-12-31");
    await waitFor(async () => expect((await savedDoc(2)).follow_ups?.[1]).toMatchObject({ date: "2024-12-31", year: 3 }), { timeout: 3000 });
    // Going back to the first follow-up shows it again.
    await user.selectOptions(picker, "0");
    expect(picker.selectedOptions[0]?.textContent).toBe("2023-01-25 · år 1 (2022)");
    expect((screen.getByTestId("fu-date") as HTMLInputElement).value).toBe("2023-01-25");
  });

  it("compares a one-off cost in the year it falls, with its realised value", async () => {
    await followUpTab(2);
    const cmp = await screen.findByTestId("fu-comparison");
    const row = within(cmp).getAllByTestId("fu-line").find((r) => r.textContent?.includes("Inköp av robotar"))!;
    // Year 0: 10 robots × 22 000 kr expected, 14 × 22 000 = 308 000 kr realised, 140 %.
    // A whole word, where it read "(engångs, år 0)".
    expect(within(row).getByTestId("fu-line-year").textContent?.trim()).toBe("(engångsbelopp, år 0)");
    expect(row.querySelector("th")?.textContent).toBe("Inköp av robotar (engångsbelopp, år 0)");
    // Year 1 is 2022 (start year 2021); the follow-up's date comes after, named as such, where
    // "år 1 (2023-01-25)" read as if year 1 were 2023.
    expect(within(cmp).getByRole("heading", { level: 3 }).textContent).toBe("Jämförelse för år 1 (2022), uppföljd 2023-01-25");
    const cells = [...row.querySelectorAll("td")].map((c) => c.textContent?.trim());
    expect(cells[0]).toBe("220 000 kr");
    expect(cells[1]).toContain("308 000 kr");
    expect(cells[2]).toBe("88 000 kr");
    expect(cells[3]).toBe("140 %");
    // Freed time in kronor in year 1: the reallocation benefits only (time 327 587,50 +
    // deviations 4 756,50 = 332 344 kr expected; 403 587,80 + 9 513,00 = 413 100,80 realised),
    // not the staff time spent on refilling the robots, which is a cost.
    expect(within(cmp).getByTestId("fu-freed-value-expected").textContent).toBe("332 344 kr");
    expect(within(cmp).getByTestId("fu-freed-value").textContent).toBe("413 101 kr");
    // 327 588 + 4 757 = 332 345 kr in rows rounded one by one: the note says why the exact
    // total reads 332 344 kr.
    expect(within(cmp).getByTestId("fu-rounding").textContent).toBe(
      "Beloppen är avrundade var för sig till hela kronor; en summa kan därför skilja sig någon krona från raderna.",
    );
  });

  it("says a realised view without costs has no payback to compute, as the key figure does", async () => {
    // Robots (id 2): its realised budget view given without costs and so, by the engine,
    // without payback; it read "inte inom kalkylperioden".
    const budget = SHELL.evaluations[2].follow_ups[0].realised.budget;
    const kept = structuredClone(budget);
    budget.total_costs = "0.00";
    budget.payback_years = null;
    try {
      await followUpTab(2);
      const cmp = await screen.findByTestId("fu-comparison");
      expect(within(cmp).getByTestId("fu-payback-budget").textContent).toBe("kan inte beräknas: inga kostnader");
    } finally {
      Object.assign(budget, kept);
    }
  });

  it("lists a one-off falling after the follow-up year as planned, not as an outcome", async () => {
    // Digital signering, followed up in year 1 (start year 2021 → 2022): the replacement
    // phones of 280 000 kr fall in year 4 (2025), so they are not yet realised.
    await followUpTab(4);
    const cmp = await screen.findByTestId("fu-comparison");
    const names = within(cmp).getAllByTestId("fu-line").map((r) => r.querySelector("th")?.textContent);
    expect(names.some((n) => n?.startsWith("Återinvestering i mobiltelefoner"))).toBe(false);
    expect(within(cmp).getByTestId("fu-planned").querySelector("li")?.textContent).toBe(
      "Återinvestering i mobiltelefoner: 280 000 kr, planerad år 4 (2025) – inte utfallen ännu",
    );
  });

  it("says ≈ where the hourly cost from a monthly salary is shown rounded to the öre", async () => {
    // Robots' project role: 46 000 × 1,54 ÷ 142 = 498,873239… kr/h, shown as 498,87.
    const user = userEvent.setup();
    render(Initiative, { id: 2 });
    await screen.findByTestId("npv-economic");
    await user.click(screen.getByTestId("tab-valuation"));
    await waitFor(() => expect(document.body.textContent).toContain("46 000 kr ÷ 142 × 1,54 ≈ 498,87 kr/h"));
  });

  it("takes a lesson over several lines", async () => {
    const user = await followUpTab(2);
    await user.click(screen.getByTestId("fu-lesson-add"));
    const lesson = screen.getAllByTestId("fu-lesson").at(-1)!;
    expect(lesson.tagName).toBe("TEXTAREA");
    await user.type(lesson, "Börja med en pilot.{Enter}Mät tiden före start.");
    await waitFor(() => expect(screen.getByTestId("save-status").textContent).toBe("Sparat"), { timeout: 3000 });
    expect((await savedDoc(2)).follow_ups?.[0].lessons?.at(-1)).toBe("Börja med en pilot.\nMät tiden före start.");
  });
});

describe("the lessons view", () => {
  it("counts one lesson in the singular, in Swedish and English", async () => {
    const user = userEvent.setup();
    render(Lessons);
    await waitFor(() => expect(screen.getByTestId("lessons-count").textContent).toBe("8 lärdomar"));
    await user.type(screen.getByTestId("lessons-text"), "budgetbesparing");
    await waitFor(() => expect(screen.getByTestId("lessons-count").textContent).toBe("1 lärdom"));
    setLang("en");
    await waitFor(() => expect(screen.getByTestId("lessons-count").textContent).toBe("1 lesson"));
  });

  it("opens a lesson's initiative", async () => {
    const user = userEvent.setup();
    render(Lessons);
    await waitFor(() => expect(screen.getAllByTestId("lesson").length).toBe(8));
    const lesson = screen.getAllByTestId("lesson").find((l) => l.textContent?.includes("Läkemedelsrobotar i boendestödet"))!;
    const robots = (await api.portfolioList()).find((s) => s.title === "Läkemedelsrobotar i boendestödet")!;
    await user.click(within(lesson).getByRole("button", { name: "Läkemedelsrobotar i boendestödet" }));
    expect(app.view).toEqual({ name: "initiative", id: robots.id });
  });
});
