import { describe, expect, it, beforeEach } from "vitest";
import { render, screen, cleanup } from "@testing-library/svelte";
import Initiative from "./Initiative.svelte";
import { installMockIpc } from "../api/mock";
import { setLang } from "../i18n/i18n.svelte";

beforeEach(() => {
  cleanup();
  installMockIpc();
  setLang("sv");
});

// jsdom lays nothing out; the real window's widths are checked by
// src-tauri/tests/e2e.rs (the_results_panel_and_the_follow_up_comparison_fit_at_1280_and_1024).
describe("the key figures at 1280×800 and below", () => {
  it("let words wrap but keep amounts whole, so the budget column is not pushed out of the panel", async () => {
    // Digitala medicinskåp: the budget view has no payback within the period.
    render(Initiative, { id: 3 });
    const payback = await screen.findByTestId("payback-budget");
    expect(payback.textContent).toContain("inte inom kalkylperioden");
    expect(payback.classList.contains("words")).toBe(true);
    const npv = screen.getByTestId("npv-budget");
    expect(npv.textContent).toContain("−1 555 228 kr");
    expect(npv.classList.contains("words")).toBe(false);
    expect(screen.getByTestId("payback-economic").classList.contains("words")).toBe(false);
  });
});
