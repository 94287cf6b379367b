import { describe, expect, it, beforeEach } from "vitest";
import { render, screen, cleanup, fireEvent } from "@testing-library/svelte";
import { tick } from "svelte";
import SimulationPanel from "./SimulationPanel.svelte";
import { SimulationFeed } from "../../state/simulation.svelte";
import type { SimulationProgress, SimulationRun } from "../../api/types/index";
import type { RunningSimulation } from "../../api/simulation";
import recorded from "../../test/fixtures/simulation.json";
import { setLang } from "../../i18n/i18n.svelte";

beforeEach(() => {
  cleanup();
  setLang("sv");
});

const RUN = recorded as unknown as SimulationRun;

/** A shell stand-in whose run the test drives: progress, the answer, and whether it was cancelled. */
function controlled() {
  const calls: { text: string; progress: (p: SimulationProgress) => void; finish: (r: SimulationRun | null) => void; cancelled: boolean }[] = [];
  const start = (text: string, progress: (p: SimulationProgress) => void): RunningSimulation => {
    let finish: (r: SimulationRun | null) => void = () => {};
    const result = new Promise<SimulationRun | null>((resolve) => (finish = resolve));
    const call = { text, progress, finish, cancelled: false };
    calls.push(call);
    return {
      result,
      cancel: async () => {
        call.cancelled = true;
        finish(null);
      },
    };
  };
  return { calls, feed: new SimulationFeed(start) };
}

const names = new Map([["visits_removed_per_day", "Besök som ersätts per dag"]]);
const props = (feed: SimulationFeed) => ({
  feed,
  names,
  doc: { nytta: 1, initiative: { title: "T" }, valuation: { parameters: { start_year: 2025, years: 3, discount_rate: "0.03" } } },
  readonly: false,
});

describe("the simulation panel", () => {
  it("shows progress while the shell draws, then the engine's figures, sentence and charts", async () => {
    const { calls, feed } = controlled();
    feed.update('{"doc":1}');
    render(SimulationPanel, props(feed));
    await fireEvent.click(screen.getByTestId("sim-run"));
    expect(calls).toHaveLength(1);
    expect(calls[0].text).toBe('{"doc":1}');
    calls[0].progress({ done: 3000, total: 10000 });
    await tick();
    expect(screen.getByTestId("sim-progress-text").textContent).toBe("3 000 av 10 000 dragningar");
    expect((screen.getByTestId("sim-progress") as HTMLProgressElement).value).toBe(3000);
    expect(screen.getByTestId("sim-cancel")).toBeTruthy();
    calls[0].finish(RUN);
    await tick();
    await tick();
    expect(screen.queryByTestId("sim-progress")).toBeNull();
    const sentence = screen.getByTestId("sim-sentence").textContent ?? "";
    // The engine's sentence goes on in lower case after the label's colon.
    expect(RUN.economic.sentence_sv).toMatch(/^Nuvärdet är positivt i (\d+|under 1|över 99) % av utfallen\.$/);
    expect(sentence).toContain(`Samhällsekonomiskt: n${RUN.economic.sentence_sv.slice(1)}`);
    expect(sentence).toContain(`I budgetvyn: n${RUN.budget.sentence_sv.slice(1)}`);
    expect(sentence).not.toMatch(/: N/);
    expect(screen.getByTestId("sim-ran").textContent).toBe("10 000 utfall, frö 1. Beloppen är uppskattningar.");
    const figures = screen.getByTestId("sim-figures").textContent ?? "";
    expect(figures).toContain(RUN.economic.positive_sv);
    const drivers = screen.getByTestId("sim-drivers").querySelectorAll("tbody tr");
    expect(drivers).toHaveLength(RUN.inputs.length);
    expect(drivers[0].querySelector("th")?.textContent).toBe("Besök som ersätts per dag");
    expect(drivers[0].querySelector("td")?.textContent).toBe("PERT");
    // Two decimals always: 0,10 is not written 0,1.
    for (const row of drivers) expect(row.querySelectorAll("td")[1].textContent).toMatch(/^−?\d,\d\d$/);
    const histogram = screen.getByTestId("chart-histogram") as HTMLImageElement;
    expect(decodeURIComponent(histogram.src)).toContain("Samhällsekonomiskt nuvärde i simuleringen");
    expect(screen.getByTestId("chart-s-curve")).toBeTruthy();
    expect(screen.queryByTestId("sim-stale")).toBeNull();
    expect(screen.getByTestId("sim-run").textContent).toBe("Simulera igen");
  });

  it("goes on in lower case after the label's colon in English too, naming the socio-economic view", async () => {
    setLang("en");
    const { calls, feed } = controlled();
    feed.update('{"doc":1}');
    render(SimulationPanel, props(feed));
    await fireEvent.click(screen.getByTestId("sim-run"));
    calls[0].finish(RUN);
    await tick();
    await tick();
    const sentence = screen.getByTestId("sim-sentence").textContent ?? "";
    expect(RUN.economic.sentence_en).toMatch(/^The NPV is positive in /);
    expect(sentence).toContain(`Socio-economic view: t${RUN.economic.sentence_en.slice(1)}`);
    expect(sentence).toContain(`Budget view: t${RUN.budget.sentence_en.slice(1)}`);
    setLang("sv");
  });

  it("cancels the run in the shell and keeps no half result", async () => {
    const { calls, feed } = controlled();
    feed.update("a");
    render(SimulationPanel, props(feed));
    await fireEvent.click(screen.getByTestId("sim-run"));
    calls[0].progress({ done: 1000, total: 100000 });
    await tick();
    await fireEvent.click(screen.getByTestId("sim-cancel"));
    await tick();
    expect(calls[0].cancelled).toBe(true);
    expect(screen.getByTestId("sim-cancelled").textContent).toBe("Simuleringen avbröts.");
    expect(screen.queryByTestId("sim-result")).toBeNull();
    expect(screen.getByTestId("sim-run")).toBeTruthy();
  });

  it("marks the result stale when the document changes, until it is run again", async () => {
    const { calls, feed } = controlled();
    feed.update("first");
    render(SimulationPanel, props(feed));
    await fireEvent.click(screen.getByTestId("sim-run"));
    calls[0].finish(RUN);
    await tick();
    await tick();
    expect(screen.queryByTestId("sim-stale")).toBeNull();
    feed.update("edited");
    await tick();
    expect(screen.getByTestId("sim-stale").textContent).toBe("Inaktuellt – dokumentet har ändrats. Simulera igen för att uppdatera.");
    expect(screen.getByTestId("chart-histogram").classList.contains("stale")).toBe(true);
    // Back to the text it was run on: current again.
    feed.update("first");
    await tick();
    expect(screen.queryByTestId("sim-stale")).toBeNull();
    feed.update("edited");
    await fireEvent.click(screen.getByTestId("sim-run"));
    expect(calls[1].text).toBe("edited");
    calls[1].finish(RUN);
    await tick();
    await tick();
    expect(screen.queryByTestId("sim-stale")).toBeNull();
  });

  it("names each problem by its path when the document cannot be simulated, in English too", async () => {
    setLang("en");
    const feed = new SimulationFeed(() => ({
      result: Promise.reject({
        code: "invalid_document",
        message_sv: "Dokumentet har 1 fel",
        message_en: "The document has 1 problem",
        problems: [{ code: "invalid", path: "valuation.simulation.draws", message_sv: "antalet dragningar ska vara 1–100 000, inte 0", message_en: "the number of draws must be 1–100,000, not 0" }],
      }),
      cancel: async () => {},
    }));
    render(SimulationPanel, props(feed));
    await fireEvent.click(screen.getByTestId("sim-run"));
    await tick();
    await tick();
    const failed = screen.getByTestId("sim-failed").textContent ?? "";
    expect(failed).toContain("The simulation could not be run:");
    expect(failed).toContain("valuation.simulation.draws: the number of draws must be 1–100,000, not 0");
    setLang("sv");
  });
});
