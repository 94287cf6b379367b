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

/** The explanation a figure shows on hover or focus (its tooltip). */
function explanation(testid: string): string {
  return screen.getByTestId(testid).querySelector("[role=tooltip]")?.textContent ?? "";
}

describe("the key figures explain themselves with the engine's texts", () => {
  it("shows present values per year, ROI, the benefit–cost ratio and the priority score", async () => {
    // Digitala examinationer (discount rate 3 %).
    render(Initiative, { id: 1 });
    await screen.findByTestId("npv-economic");
    expect(explanation("npv-economic")).toMatch(/år 1: .* kr ÷ 1,03 = .* kr; år 2: .* kr ÷ 1,0609 = /);
    expect(explanation("roi-economic")).toMatch(/^\(nyttornas nuvärde − kostnadernas nuvärde\) ÷ kostnadernas nuvärde = /);
    expect(explanation("bcr-budget")).toMatch(/^nyttornas nuvärde ÷ kostnadernas nuvärde = /);
    expect(explanation("priority")).toMatch(/^Viktat medelvärde \(vikt × nivå\): \(effekt 1 × \d/);
  });
});
