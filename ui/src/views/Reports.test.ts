import { describe, expect, it, beforeEach, vi } from "vitest";
import { render, screen, waitFor, within, cleanup, fireEvent } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import Initiative from "./Initiative.svelte";
import Lessons from "./Lessons.svelte";
import Toast from "../components/Toast.svelte";
import { installMockIpc } from "../api/mock";
import * as api from "../api";
import { setLang } from "../i18n/i18n.svelte";
import { markEvidenceStale } from "../state/evidence.svelte";
import { dismissToast } from "../state/toast.svelte";

const dialog = vi.hoisted(() => ({ save: vi.fn<(title: string, name: string) => Promise<string | null>>() }));
vi.mock("../api/reports", async (original) => ({
  ...(await original<typeof import("../api/reports")>()),
  choosePdfToSave: dialog.save,
}));

type Invoke = (cmd: string, args?: Record<string, unknown>, options?: unknown) => Promise<unknown>;
const internals = () => (window as unknown as { __TAURI_INTERNALS__: { invoke: Invoke } }).__TAURI_INTERNALS__;

/** Every command the page sent, with its arguments; `fail` makes one command reject. */
function recordCommands(fail: Record<string, unknown> = {}) {
  const sent: [string, Record<string, unknown> | undefined][] = [];
  const real = internals().invoke;
  internals().invoke = (cmd, args, options) => {
    sent.push([cmd, args]);
    return cmd in fail ? Promise.reject(fail[cmd]) : real(cmd, args, options);
  };
  return sent;
}

async function idOf(title: string): Promise<number> {
  const row = (await api.portfolioList()).find((s) => s.title.startsWith(title));
  if (!row) throw new Error(`no example ${title}`);
  return row.id;
}

const svgOf = (img: HTMLElement) => decodeURIComponent((img as HTMLImageElement).src.replace(/^data:image\/svg\+xml;charset=utf-8,/, ""));

beforeEach(() => {
  cleanup();
  installMockIpc();
  setLang("sv");
  markEvidenceStale();
  dialog.save.mockReset();
  dismissToast();
});

describe("Beslutsunderlag", () => {
  it("shows the business case as the document the PDF prints, in the app's language", async () => {
    const user = userEvent.setup();
    render(Initiative, { id: await idOf("Läkemedelsrobotar") });
    await user.click(await screen.findByTestId("tab-report"));
    const doc = await screen.findByTestId("case-document");
    const sections = within(doc)
      .getAllByRole("heading", { level: 3 })
      .map((h) => h.textContent);
    expect(sections).toEqual([
      "Läkemedelsrobotar i boendestödet",
      "1. Sammanfattning",
      "2. Strategiskt underlag",
      "3. Ekonomiskt underlag",
      "4. Kommersiellt underlag",
      "5. Finansiellt underlag",
      "6. Genomförande och styrning",
      "7. Antaganden och beräkningsregler",
    ]);
    // Economic NPV of the example, 2 829 229,77 kr (tests/reference), in whole kronor.
    expect(within(doc).getAllByText("2 829 230 kr").length).toBeGreaterThan(0);
    expect(within(doc).getAllByRole("columnheader", { name: "Diskonterat netto" })).toHaveLength(2);
    const figures = within(doc).getAllByTestId("case-figure");
    expect(figures[0].getAttribute("alt")).toMatch(/^Linjediagram ”Ackumulerat netto”/);
    expect(svgOf(figures[0])).toContain("Budgetvy");
    const sent = recordCommands();
    setLang("en");
    await waitFor(() => expect(sent.some(([cmd, args]) => cmd === "business_case_content" && args?.lang === "en")).toBe(true));
  });

  it("exports the PDF to the chosen file, suggesting the title as its name", async () => {
    const user = userEvent.setup();
    const id = await idOf("Läkemedelsrobotar");
    render(Toast);
    render(Initiative, { id });
    await user.click(await screen.findByTestId("tab-report"));
    const sent = recordCommands();
    dialog.save.mockResolvedValue("/home/handläggare/Läkemedelsrobotar.pdf");
    await user.click(screen.getByTestId("report-export"));
    await waitFor(() => expect(screen.getByTestId("toast").textContent).toContain("PDF:en sparades: /home/handläggare/Läkemedelsrobotar.pdf"));
    expect(dialog.save).toHaveBeenCalledWith("Spara PDF", "lakemedelsrobotar-i-boendestodet.pdf");
    expect(sent).toContainEqual(["report_business_case", { id, path: "/home/handläggare/Läkemedelsrobotar.pdf", lang: "sv" }]);
  });

  it("says in plain words when the file cannot be written, and nothing when the dialog is cancelled", async () => {
    const user = userEvent.setup();
    render(Toast);
    render(Initiative, { id: await idOf("Läkemedelsrobotar") });
    await user.click(await screen.findByTestId("tab-report"));
    const sent = recordCommands({
      report_business_case: { code: "io", message_sv: "x", message_en: "x", path: "/skrivskyddad/rapport.pdf" },
    });
    dialog.save.mockResolvedValueOnce(null);
    await user.click(screen.getByTestId("report-export"));
    await waitFor(() => expect(dialog.save).toHaveBeenCalledTimes(1));
    expect(sent.some(([cmd]) => cmd === "report_business_case")).toBe(false);
    expect(screen.queryByTestId("toast")).toBeNull();

    dialog.save.mockResolvedValueOnce("/skrivskyddad/rapport.pdf");
    await user.click(screen.getByTestId("report-export"));
    const toast = await screen.findByTestId("toast");
    expect(toast.textContent).toContain("PDF:en kunde inte sparas i /skrivskyddad/rapport.pdf");
    expect(toast.className).toContain("error");
  });

  it("exports with Ctrl+P from another tab", async () => {
    render(Initiative, { id: await idOf("Digitala examinationer") });
    await screen.findByTestId("npv-economic");
    dialog.save.mockResolvedValue(null);
    await fireEvent.keyDown(window, { key: "p", ctrlKey: true });
    await waitFor(() => expect(dialog.save).toHaveBeenCalledWith("Spara PDF", "digitala-examinationer-i-samhallsorienteringen.pdf"));
  });
});

describe("charts beside the figures", () => {
  it("shows the cash flow under the key figures and the tornado beside the table", async () => {
    const user = userEvent.setup();
    render(Initiative, { id: await idOf("Läkemedelsrobotar") });
    const cash = await screen.findByTestId("chart-cash-flow");
    expect(svgOf(cash)).toContain("Samhällsekonomisk vy");
    await user.click(screen.getByTestId("tab-sensitivity"));
    expect(svgOf(await screen.findByTestId("chart-tornado"))).toMatch(/^<svg/);
  });

  it("opens the small cash-flow chart large with Enter and closes it with Esc", async () => {
    const user = userEvent.setup();
    render(Initiative, { id: await idOf("Läkemedelsrobotar") });
    await screen.findByTestId("chart-cash-flow");
    const zoom = screen.getByTestId("chart-cash-flow-enlarge");
    zoom.focus();
    await user.keyboard("{Enter}");
    const large = screen.getByTestId("chart-cash-flow-large");
    expect(large.hasAttribute("open")).toBe(true);
    expect(svgOf(large.querySelector("img") as HTMLElement)).toContain("Samhällsekonomisk vy");
    await fireEvent(large, new Event("cancel", { cancelable: true }));
    expect(large.hasAttribute("open")).toBe(false);
  });

  it("shows freed time in hours with årsarbetare (hours ÷ 1 700) on its own line", async () => {
    render(Initiative, { id: await idOf("Läkemedelsrobotar") });
    const freed = await screen.findByTestId("freed-time");
    const hoursPerYear = Number(freed.getAttribute("data-value"));
    expect(freed.querySelector("button")?.textContent).toMatch(/^[\d\s]+ h$/);
    const fte = (Math.round((hoursPerYear / 1700) * 10) / 10).toFixed(1).replace(".", ",");
    expect(screen.getByTestId("freed-fte").textContent).toBe(`${fte} årsarbetare`);
  });

  it("offers the follow-up report only for a document with a follow-up", async () => {
    const user = userEvent.setup();
    const robots = render(Initiative, { id: await idOf("Läkemedelsrobotar") });
    await user.click(await screen.findByTestId("tab-follow-up"));
    expect(svgOf(await screen.findByTestId("chart-follow-up", {}, { timeout: 3000 }))).toMatch(/^<svg/);
    const sent = recordCommands();
    dialog.save.mockResolvedValue("/tmp/uppfoljning.pdf");
    await user.click(screen.getByTestId("report-follow-up-export"));
    await waitFor(() => expect(sent.map(([c]) => c)).toContain("report_follow_up"), { timeout: 3000 });
    expect(dialog.save.mock.calls[0][1]).toBe("lakemedelsrobotar-i-boendestodet-uppfoljning-2023-01-25.pdf");
    expect(sent.find(([c]) => c === "report_follow_up")?.[1]).toMatchObject({ index: 0, path: "/tmp/uppfoljning.pdf", lang: "sv" });
    robots.unmount();

    render(Initiative, { id: await idOf("Digitala examinationer") });
    await user.click(await screen.findByTestId("tab-follow-up"));
    expect(screen.queryByTestId("report-follow-up-export")).toBeNull();
  });

  it("tells the historical realisation beside a reallocation benefit's confidence", async () => {
    const user = userEvent.setup();
    render(Initiative, { id: await idOf("Läkemedelsrobotar") });
    await screen.findByTestId("npv-economic");
    const group = screen.getByRole("heading", { name: "Omfördelning" });
    const line = group.nextElementSibling as HTMLElement;
    await user.click(within(line).getByRole("button", { name: /Detaljer|Mer/ }));
    // 1 265 294,83 realised ÷ 1 082 362,57 expected over 6 lines = 116,9 %.
    expect(await within(line).findByText("Omfördelningsnyttor realiserades i snitt till 117 %, n = 6")).toBeTruthy();
  });
});

describe("Lärdomar", () => {
  it("finds lessons by words and department and shows the calibration table", async () => {
    const user = userEvent.setup();
    render(Lessons);
    await waitFor(() => expect(screen.getByTestId("lessons-count").textContent).toBe("8 lärdomar"));
    await user.type(screen.getByLabelText("Sök i lärdomar"), "budgetbesparing");
    await waitFor(() => expect(screen.getAllByTestId("lesson")).toHaveLength(1));
    expect(screen.getByTestId("lesson").textContent).toContain("Läkemedelsrobotar i boendestödet");
    await user.clear(screen.getByLabelText("Sök i lärdomar"));
    await user.selectOptions(screen.getByLabelText("Förvaltning"), "Omsorgsförvaltningen");
    await waitFor(() => expect(screen.getByTestId("lessons-count").textContent).toBe("4 lärdomar"));
    expect(screen.getAllByTestId("lesson").every((l) => l.textContent?.includes("Digital signering"))).toBe(true);

    const table = screen.getByTestId("calibration-by_category");
    const row = within(table).getByRole("row", { name: /Nytta: Omfördelning/ });
    const cells = within(row).getAllByRole("cell").map((c) => c.textContent);
    expect(cells).toEqual(["6", "2", "1 082 363 kr", "1 265 295 kr", "117 %"]);
  });
});
