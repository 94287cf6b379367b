import { describe, expect, it, beforeEach } from "vitest";
import { render, screen, waitFor, within, cleanup } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import Portfolio from "./Portfolio.svelte";
import Initiative from "./Initiative.svelte";
import { installMockIpc, mockChooseFile, mockChooseSavePath, mockWorkbooks } from "../api/mock";
import * as api from "../api";
import { app } from "../state/app.svelte";
import { setLang } from "../i18n/i18n.svelte";
import { dismissToast, toast } from "../state/toast.svelte";

beforeEach(() => {
  cleanup();
  installMockIpc();
  dismissToast();
  setLang("sv");
  app.view = { name: "portfolio" };
});

async function documentOf(title: string): Promise<{ id: number; doc: api.NyttaDocument }> {
  const row = (await api.portfolioList()).find((r) => r.title === title)!;
  return { id: row.id, doc: JSON.parse((await api.initiativeGet(row.id)).document_json) as api.NyttaDocument };
}

describe("Excel in the portfolio", () => {
  it("exports the whole portfolio to the workbook chosen in the save dialog", async () => {
    const user = userEvent.setup();
    render(Portfolio);
    await screen.findAllByTestId("portfolio-row");
    const button = screen.getByTestId("xlsx-export");
    expect(button.textContent).toBe("Exportera till Excel");
    expect(screen.getByTestId("xlsx-note").textContent).toContain("en rad per initiativ");
    mockChooseSavePath("/hem/portfolj.xlsx");
    await user.click(button);
    await waitFor(() => expect(mockWorkbooks).toEqual([{ command: "portfolio_export_xlsx", path: "/hem/portfolj.xlsx" }]));
    await waitFor(() => expect(toast.current?.text).toBe("Portföljen sparades som Excelarbetsbok."));
  });

  it("writes nothing when the save dialog is cancelled", async () => {
    const user = userEvent.setup();
    render(Portfolio);
    await screen.findAllByTestId("portfolio-row");
    await user.click(screen.getByTestId("xlsx-export"));
    expect(mockWorkbooks).toEqual([]);
  });

  it("imports a workbook as a new initiative, and asks before making a duplicate", async () => {
    const user = userEvent.setup();
    const { doc } = await documentOf("Digitala medicinskåp");
    render(Portfolio);
    const before = (await screen.findAllByTestId("portfolio-row")).length;
    mockChooseFile("/hem/medicinskap.xlsx", JSON.stringify(doc));
    await user.click(screen.getByTestId("xlsx-import"));
    const dialog = await screen.findByTestId("import-duplicate");
    await user.click(within(dialog).getByTestId("import-copy"));
    await waitFor(() => expect(screen.getAllByTestId("portfolio-row")).toHaveLength(before + 1));
    await waitFor(() => expect(toast.current?.text).toBe("Arbetsboken importerades."));
  });

  it("names the cell of a workbook problem once, not twice", async () => {
    // The engine's message already begins with its place; the list printed "Rader!F3: Rader!F3: …".
    type Invoke = (cmd: string, args?: Record<string, unknown>, options?: unknown) => Promise<unknown>;
    const internals = (window as unknown as { __TAURI_INTERNALS__: { invoke: Invoke } }).__TAURI_INTERNALS__;
    const real = internals.invoke;
    const problem = { code: "invalid_value", path: "Rader!F3", message_sv: "Rader!F3: beloppet ska vara ett tal", message_en: "Rader!F3: the amount must be a number" };
    internals.invoke = (cmd, args, options) =>
      cmd === "xlsx_import" ? Promise.reject({ ...problem, problems: [problem] }) : real(cmd, args, options);
    const user = userEvent.setup();
    render(Portfolio);
    await screen.findAllByTestId("portfolio-row");
    mockChooseFile("/hem/trasig.xlsx", "{}");
    await user.click(screen.getByTestId("xlsx-import"));
    const item = await screen.findByText(/beloppet ska vara ett tal/);
    expect(item.textContent).toBe("Rader!F3: beloppet ska vara ett tal");
    internals.invoke = real;
  });

  it("speaks English when asked", async () => {
    setLang("en");
    render(Portfolio);
    await screen.findAllByTestId("portfolio-row");
    expect(screen.getByTestId("xlsx-export").textContent).toBe("Export to Excel");
    expect(screen.getByTestId("xlsx-import").textContent).toBe("Import from Excel");
  });
});

describe("Excel on an initiative", () => {
  it("exports the initiative's valuation, named after its title", async () => {
    const user = userEvent.setup();
    const { id } = await documentOf("Digitala medicinskåp");
    render(Initiative, { id });
    await screen.findByTestId("npv-economic");
    mockChooseSavePath("/hem/Digitala medicinskåp.xlsx");
    await user.click(screen.getByTestId("xlsx-export"));
    await waitFor(() => expect(mockWorkbooks).toEqual([{ command: "xlsx_export", id, path: "/hem/Digitala medicinskåp.xlsx" }]));
    await waitFor(() => expect(toast.current?.text).toBe("Värderingen sparades som Excelarbetsbok med levande formler."));
  });

  it("imports a changed workbook as a new version of the initiative", async () => {
    const user = userEvent.setup();
    const { id, doc } = await documentOf("Digitala medicinskåp");
    const versions = (await api.initiativeGet(id)).versions.length;
    render(Initiative, { id });
    await screen.findByTestId("npv-economic");
    mockChooseFile("/hem/medicinskap-andrad.xlsx", JSON.stringify(doc));
    await user.click(screen.getByTestId("xlsx-import"));
    await waitFor(async () => expect((await api.initiativeGet(id)).versions).toHaveLength(versions + 1));
    await waitFor(() => expect(toast.current?.text).toBe("Arbetsboken importerades som en ny version."));
  });
});
