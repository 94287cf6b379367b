import { describe, expect, it, beforeEach } from "vitest";
import { render, screen, waitFor, cleanup } from "@testing-library/svelte";
import Priorities from "./Priorities.svelte";
import { installMockIpc } from "../api/mock";
import { setLang } from "../i18n/i18n.svelte";

type Invoke = (cmd: string, args?: Record<string, unknown>, options?: unknown) => Promise<unknown>;
const internals = () => (window as unknown as { __TAURI_INTERNALS__: { invoke: Invoke } }).__TAURI_INTERNALS__;

beforeEach(() => {
  cleanup();
  installMockIpc();
});

describe("the bubble chart in Prioritering", () => {
  it("shows the shell's chart for the same filter as the table, in the language shown", async () => {
    setLang("en");
    const sent: [string, Record<string, unknown> | undefined][] = [];
    const real = internals().invoke;
    internals().invoke = (cmd, args, options) => {
      sent.push([cmd, args]);
      return real(cmd, args, options);
    };
    render(Priorities);
    const img = (await screen.findByTestId("pr-bubbles")) as HTMLImageElement;
    expect(img.alt).toBe("Bubble chart: potential effect against feasibility for the initiatives in the table, size by socio-economic NPV, colour by department.");
    expect(decodeURIComponent(img.src)).toContain(">awaiting_decision</text>");
    await waitFor(() => expect(sent.find(([c]) => c === "portfolio_bubbles")).toBeTruthy());
    const table = sent.find(([c]) => c === "portfolio_priorities")?.[1];
    const chart = sent.find(([c]) => c === "portfolio_bubbles")?.[1];
    expect(chart).toEqual({ filter: table?.filter, lang: "en" });
  });
});
