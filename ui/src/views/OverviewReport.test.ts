import { describe, expect, it, beforeEach, vi } from "vitest";
import { render, screen, waitFor, cleanup, fireEvent } from "@testing-library/svelte";
import OverviewView from "./Overview.svelte";
import { installMockIpc, SHELL } from "../api/mock";
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
  dialog.save.mockReset();
});

function recordCommands() {
  const sent: [string, Record<string, unknown> | undefined][] = [];
  const real = internals().invoke;
  internals().invoke = (cmd, args, options) => {
    sent.push([cmd, args]);
    return real(cmd, args, options);
  };
  return sent;
}

describe("the portfolio report PDF from the overview", () => {
  it("writes the report in the language shown to the file chosen and says where", async () => {
    setLang("en");
    const sent = recordCommands();
    dialog.save.mockResolvedValueOnce("rapporter/portfolj.pdf");
    render(OverviewView);
    await screen.findByTestId("ov-funnel");
    await fireEvent.click(screen.getByRole("button", { name: "Save the portfolio report as PDF" }));
    await waitFor(() => expect(toast.current?.text).toContain("rapporter/portfolj.pdf"));
    expect(dialog.save.mock.calls[0][1]).toBe("portfolio-report-2025-03-01.pdf");
    expect(sent.find(([c]) => c === "portfolio_report_pdf")?.[1]).toEqual({ path: "rapporter/portfolj.pdf", lang: "en" });
  });

  it("writes nothing when the save dialog is cancelled", async () => {
    setLang("sv");
    const sent = recordCommands();
    dialog.save.mockResolvedValueOnce(null);
    render(OverviewView);
    await screen.findByTestId("ov-funnel");
    await fireEvent.click(screen.getByTestId("ov-report-pdf"));
    await waitFor(() => expect(dialog.save).toHaveBeenCalled());
    expect(sent.some(([c]) => c === "portfolio_report_pdf")).toBe(false);
  });
});

describe("the departments' FTE on the overview", () => {
  it("have one decimal always, where 22 and 10 stood beside 13,3", async () => {
    const deps = SHELL.overview.departments;
    const kept = structuredClone(deps);
    deps[0].fte.value = "22.000000";
    deps[1].fte.value = "13.333333";
    try {
      for (const [lang, label, want] of [
        ["sv", "Årsarbetare", ["22,0", "13,3"]],
        ["en", "FTE", ["22.0", "13.3"]],
      ] as const) {
        cleanup();
        setLang(lang);
        render(OverviewView);
        await screen.findByTestId("ov-funnel");
        const shown = deps.map((d) => document.querySelector(`[data-what="${d.department}: ${label}"]`)?.textContent);
        expect(shown).toEqual(want);
      }
    } finally {
      deps.forEach((d, i) => Object.assign(d, kept[i]));
      setLang("sv");
    }
  });
});
