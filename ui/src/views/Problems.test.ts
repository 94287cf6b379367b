import { describe, expect, it, beforeEach } from "vitest";
import { render, screen, waitFor, within, cleanup } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import Initiative from "./Initiative.svelte";
import { installMockIpc } from "../api/mock";
import * as api from "../api";
import type { NyttaDocument, Problem } from "../api";
import { setLang } from "../i18n/i18n.svelte";
import { describeProblem, placeOf } from "../lib/problems";

beforeEach(() => {
  cleanup();
  installMockIpc();
  setLang("sv");
});

/** Digitala medicinskåp: its first role is "Undersköterska" with an hourly cost. */
const MEDICINSKAP = 3;

async function doc(id: number): Promise<NyttaDocument> {
  return JSON.parse((await api.initiativeGet(id)).document_json) as NyttaDocument;
}

function field(path: string): HTMLInputElement {
  const el = document.querySelector<HTMLInputElement>(`[data-path="${path}"]`);
  if (!el) throw new Error(`no field for ${path}`);
  return el;
}

describe("a problem in the valuation, in the user's words", () => {
  for (const [lang, says] of [
    ["sv", "Roll ”Undersköterska”, Timkostnad: timkostnaden får inte vara negativ"],
    ["en", "Role “Undersköterska”, Hourly cost: the hourly cost must not be negative"],
  ] as const) {
    it(`names the role and the field, marks the field and focuses it from the message (${lang})`, async () => {
      setLang(lang);
      const user = userEvent.setup();
      render(Initiative, { id: MEDICINSKAP });
      await screen.findByTestId("npv-economic");
      const cost = field("valuation.roles[0].hourly_cost");
      expect(cost.getAttribute("aria-invalid")).toBe("false");
      await user.clear(cost);
      await user.type(cost, "-5");
      await user.tab();

      const link = await screen.findByTestId("problem-link", {}, { timeout: 2000 });
      expect(link.textContent).toBe(says);
      expect(screen.getByTestId("problems").textContent).not.toContain("valuation.");
      // The field itself is marked and says what is wrong, without the path.
      expect(cost.getAttribute("aria-invalid")).toBe("true");
      const described = document.getElementById(cost.getAttribute("aria-describedby")!)!;
      expect(described.textContent).toBe(says.slice(says.indexOf(": ") + 2));

      expect(document.activeElement).not.toBe(cost);
      await user.click(link);
      expect(document.activeElement).toBe(cost);

      // Fixed: the message and the mark go away.
      await user.clear(cost);
      await user.type(cost, "400");
      await user.tab();
      await waitFor(() => expect(screen.queryByTestId("problems")).toBeNull(), { timeout: 2000 });
      expect(cost.getAttribute("aria-invalid")).toBe("false");
    });
  }

  it("names a line by its name and focuses its formula field, not the id", async () => {
    const user = userEvent.setup();
    render(Initiative, { id: MEDICINSKAP });
    await screen.findByTestId("npv-economic");
    const d = await doc(MEDICINSKAP);
    const i = (d.valuation.lines ?? []).findIndex((l) => l.side === "cost" && l.amount != null && l.time == null);
    const line = (d.valuation.lines ?? [])[i];
    const row = screen.getAllByTestId("line").find((el) => el.dataset.lineId === line.id)!;
    const amount = within(row).getByTestId("line-amount");
    expect(amount.dataset.path).toBe(`valuation.lines[${i}].amount`);
    await user.clear(amount);
    await user.type(amount, "okand_faktor * 2");
    await user.tab();

    const link = await screen.findByTestId("problem-link", {}, { timeout: 2000 });
    expect(link.textContent).toMatch(new RegExp(`^Raden ”${line.name}”, Belopp (per år )?\\(kr\\): tecken 1: okänd faktor "okand_faktor"$`));
    expect(link.textContent).not.toContain(line.id);
    await user.click(link);
    expect(document.activeElement).toBe(amount);
  });
});

describe("placeOf", () => {
  const d = {
    nytta: 1,
    initiative: { title: "Digital nattillsyn" },
    valuation: {
      parameters: { start_year: 2025, years: 6, discount_rate: "0.03" },
      roles: [{ id: "usk", name: "Undersköterska", hourly_cost: "359" }, { id: "r2", name: " ", hourly_cost: "1" }],
      inputs: [{ id: "besok", name: "Besök per natt", value: "12" }],
      lines: [
        { id: "nytta", side: "benefit", name: "Färre nattbesök", category: "reallocation", amount: "1", timing: { yearly: { from: 1 } } },
        { id: "kostnad", side: "cost", name: "Kameror", category: "financial", amount: "1", timing: { once: 0 } },
      ],
    },
  } as unknown as NyttaDocument;

  it("turns paths into the names and labels on the screen, in Swedish and English", () => {
    const cases: [string, string, string][] = [
      ["valuation.roles[0].hourly_cost", "Roll ”Undersköterska”, Timkostnad", "Role “Undersköterska”, Hourly cost"],
      ["valuation.roles[1]", "Roll 2", "Role 2"],
      ["valuation.inputs[0].value", "Faktor ”Besök per natt”, Värde", "Input “Besök per natt”, Value"],
      ["valuation.lines[0].time.minutes", "Raden ”Färre nattbesök”, Minuter per tillfälle", "Line “Färre nattbesök”, Minutes per occurrence"],
      ["valuation.lines[1].amount", "Raden ”Kameror”, Belopp (kr)", "Line “Kameror”, Amount (SEK)"],
      ["valuation.parameters.years", "Kalkylperiod (år)", "Analysis period (years)"],
    ];
    for (const [path, sv, en] of cases) {
      setLang("sv");
      expect(placeOf(d, path), path).toBe(sv);
      setLang("en");
      expect(placeOf(d, path), path).toBe(en);
    }
  });

  it("keeps the engine's message but drops the path in front of it", () => {
    const p: Problem = {
      code: "invalid_value",
      path: "valuation.lines[0].confidence",
      message_sv: "valuation.lines[0].confidence: förväntade ett tal mellan 0 och 1",
      message_en: "valuation.lines[0].confidence: expected a number between 0 and 1",
    };
    setLang("sv");
    expect(describeProblem(d, p, "sv")).toBe("Raden ”Färre nattbesök”, Säkerhet (%): förväntade ett tal mellan 0 och 1");
    expect(describeProblem(d, { ...p, path: undefined, message_sv: "texten är inte giltig JSON" }, "sv")).toBe("texten är inte giltig JSON");
  });
});
