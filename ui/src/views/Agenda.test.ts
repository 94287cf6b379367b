import { describe, expect, it, beforeEach, vi } from "vitest";
import { render, screen, waitFor, within, cleanup, fireEvent } from "@testing-library/svelte";
import Agenda from "./Agenda.svelte";
import { installMockIpc } from "../api/mock";
import { app } from "../state/app.svelte";
import { setLang } from "../i18n/i18n.svelte";
import { toast } from "../state/toast.svelte";

const dialog = vi.hoisted(() => ({ save: vi.fn<(title: string, name: string) => Promise<string | null>>() }));
vi.mock("../api/reports", async (original) => ({
  ...(await original<typeof import("../api/reports")>()),
  choosePdfToSave: dialog.save,
}));

type Invoke = (cmd: string, args?: Record<string, unknown>, options?: unknown) => Promise<unknown>;
const internals = () => (window as unknown as { __TAURI_INTERNALS__: { invoke: Invoke } }).__TAURI_INTERNALS__;

beforeEach(() => {
  cleanup();
  installMockIpc();
  setLang("sv");
  app.view = { name: "agenda" };
});

const setSince = async (date: string) => {
  const input = (await screen.findByTestId("ag-since")) as HTMLInputElement;
  await fireEvent.input(input, { target: { value: date } });
  await fireEvent.change(input);
};

describe("the PULS agenda", () => {
  it("shows the date as an ISO date in a text field, never in the system's date format", async () => {
    render(Agenda);
    const input = (await screen.findByTestId("ag-since")) as HTMLInputElement;
    expect(input.type).toBe("text");
    expect(input.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(input.placeholder).toBe("ÅÅÅÅ-MM-DD");
    setLang("en");
    await waitFor(() => expect(input.placeholder).toBe("YYYY-MM-DD"));
  });

  it("lists what asks for a decision or support since the date, in priority order, with key figures and needs", async () => {
    render(Agenda);
    await setSince("2025-03-01");
    await waitFor(() => expect(screen.getByTestId("ag-summary").textContent).toBe("Ändrade 2025-03-01 eller senare: 1 för beslut, 1 för stöd."));
    const items = screen.getAllByTestId("ag-item");
    // The recording: the medicine cabinets awaiting decision (critical function) before the
    // examinations in development (internal efficiency), as the store lists them.
    expect(items.map((i) => Number(i.dataset.id))).toEqual([5, 6]);
    const first = items[0].textContent ?? "";
    expect(first).toContain("1.");
    expect(first).toContain("Digitala medicinskåp");
    expect(first).toContain("Beslut");
    expect(first).toContain("Samhällsviktig verksamhet");
    // 563 831,96 kr, −1 555 227,62 kr and 1 471 587,75 kr to whole kronor; payback 4,066481
    // years to one decimal; the budget view pays back not within the period.
    expect(first).toContain("563 832 kr");
    expect(first).toContain("−1 555 228 kr");
    expect(first).toContain("1 471 588 kr");
    expect(first).toContain("4,1 år");
    expect(first).toContain("inte inom kalkylperioden");
    // The needs under the Behov tab's field names, each with its own text.
    const needs = within(items[0]).getByTestId("ag-needs");
    expect(needs.querySelector("h3")?.textContent).toBe("Behov");
    expect([...needs.querySelectorAll("dt")].map((d) => d.textContent)).toEqual(["Problem", "Mål", "Målgrupper", "Alternativ"]);
    expect(needs.querySelectorAll("dd")[1].textContent).toMatch(/^Läkemedelsstölderna ska minska\./);
    const second = items[1].textContent ?? "";
    expect(second).toContain("Stöd");
    expect(second).toContain("Inre effektivitet");
    expect(within(items[1]).getByText("3,5")).toBeTruthy();
  });

  it("is empty after the last change and says so", async () => {
    render(Agenda);
    await setSince("2025-03-02");
    await waitFor(() => expect(screen.getByTestId("ag-summary").textContent).toBe("Ändrade 2025-03-02 eller senare: 0 för beslut, 0 för stöd."));
    expect(screen.queryAllByTestId("ag-item")).toHaveLength(0);
    expect(screen.getByText("Inga initiativ begär beslut eller stöd sedan datumet.")).toBeTruthy();
  });

  it("opens an initiative from the agenda and speaks English", async () => {
    setLang("en");
    render(Agenda);
    await setSince("2025-03-01");
    await waitFor(() => expect(screen.getByTestId("ag-summary").textContent).toBe("Changed 2025-03-01 or later: 1 for a decision, 1 for support."));
    expect(screen.getAllByTestId("ag-item")[0].textContent).toContain("−SEK 1,555,228");
    await fireEvent.click(screen.getByRole("button", { name: "Digitala medicinskåp" }));
    expect(app.view).toEqual({ name: "initiative", id: 5 });
  });

  it("saves the agenda as a PDF to the file chosen, for the date and in the language shown", async () => {
    const sent: [string, Record<string, unknown> | undefined][] = [];
    const real = internals().invoke;
    internals().invoke = (cmd, args, options) => {
      sent.push([cmd, args]);
      return real(cmd, args, options);
    };
    dialog.save.mockResolvedValueOnce("agendor/puls.pdf");
    render(Agenda);
    await setSince("2025-03-01");
    await fireEvent.click(screen.getByTestId("ag-pdf"));
    await waitFor(() => expect(toast.current?.text).toBe("PDF:en sparades: agendor/puls.pdf"));
    expect(dialog.save).toHaveBeenCalledWith("Spara PDF", "puls-agenda-2025-03-01.pdf");
    expect(sent.find(([c]) => c === "portfolio_agenda_pdf")?.[1]).toEqual({ since: "2025-03-01", path: "agendor/puls.pdf", lang: "sv" });
  });
});
