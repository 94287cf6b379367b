import { describe, expect, it, beforeEach } from "vitest";
import { render, screen, cleanup, within } from "@testing-library/svelte";
import CaseDocument from "./CaseDocument.svelte";
import type { Block } from "../../api/types/index";

beforeEach(() => cleanup());

/** A small business case as the engine writes it: every text final, every figure formatted. */
const BLOCKS: Block[] = [
  { kind: "title", title: "Läkemedelsrobotar i boendestödet", subtitle: "Arbete och välfärd · Beslutsunderlag 2021-03-01" },
  { kind: "heading", level: 1, text: "3. Ekonomiskt underlag" },
  { kind: "heading", level: 2, text: "År för år: budgetvy" },
  {
    kind: "table",
    header: ["År", "Nyttor", "Netto"],
    align: ["left", "right", "right"],
    rows: [
      { cells: [[{ text: "2021 (0)", bold: false }], [{ text: "0 kr", bold: false }], [{ text: "−275 400 kr", bold: false }]], sum: false },
      { cells: [[{ text: "Summa", bold: true }], [{ text: "1 234 567 kr", bold: true }], [{ text: "959 167 kr", bold: true }]], sum: true },
    ],
  },
  { kind: "paragraph", text: "Summaraden är odiskonterade summor.", style: "note" },
  { kind: "labelled", label: "Problem", text: "Hembesök för läkemedel tar tid." },
  { kind: "bullets", items: ["År t = 0..N.", "Fasta priser."] },
  { kind: "figure", chart: "CashFlow", svg: "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>Budgetvy</text></svg>", alt: "Linjediagram ”Ackumulerat netto” över åren 2021–2027", caption: "Ackumulerat netto per år i båda vyerna." },
];

describe("the business case as a document", () => {
  it("renders the headings in order, one level below the tab's own heading", () => {
    render(CaseDocument, { blocks: BLOCKS });
    const doc = screen.getByTestId("case-document");
    const headings = within(doc).getAllByRole("heading");
    expect(headings.map((h) => [h.tagName, h.textContent])).toEqual([
      ["H3", "Läkemedelsrobotar i boendestödet"],
      ["H3", "3. Ekonomiskt underlag"],
      ["H4", "År för år: budgetvy"],
    ]);
  });

  it("renders a table with column header cells, row headers, figures right and the sum row marked", () => {
    render(CaseDocument, { blocks: BLOCKS });
    const table = screen.getByRole("table");
    const cols = within(table).getAllByRole("columnheader");
    expect(cols.map((c) => [c.textContent, c.getAttribute("scope")])).toEqual([
      ["År", "col"],
      ["Nyttor", "col"],
      ["Netto", "col"],
    ]);
    expect(within(table).getAllByRole("rowheader").map((c) => c.textContent)).toEqual(["2021 (0)", "Summa"]);
    const rows = within(table).getAllByRole("row");
    expect(rows[2].className).toContain("sum");
    expect(rows[1].className).not.toContain("sum");
    const net = within(rows[1]).getByText("−275 400 kr").closest("td");
    expect(net?.className).toContain("num");
  });

  it("shows a figure with the chart's alternative text and its caption", () => {
    render(CaseDocument, { blocks: BLOCKS });
    const img = screen.getByRole("img");
    expect(img.getAttribute("alt")).toBe("Linjediagram ”Ackumulerat netto” över åren 2021–2027");
    expect(decodeURIComponent((img as HTMLImageElement).src)).toContain("<text>Budgetvy</text>");
    const figure = screen.getByRole("figure");
    expect(within(figure).getByText("Ackumulerat netto per år i båda vyerna.").tagName).toBe("FIGCAPTION");
  });

  it("renders the labelled text, the note and the list as written", () => {
    render(CaseDocument, { blocks: BLOCKS });
    expect(screen.getByText("Problem").tagName).toBe("STRONG");
    expect(screen.getByText("Hembesök för läkemedel tar tid.").tagName).toBe("P");
    expect(screen.getByText("Summaraden är odiskonterade summor.").className).toContain("note");
    expect(within(screen.getByRole("list")).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["År t = 0..N.", "Fasta priser."]);
  });
});
