/**
 * The Monte Carlo simulation of the open initiative, run on request ("Simulera"): progress
 * while the shell draws, a cancel that stops the run, and the result kept with the text of
 * the document it was run on, so the panel can mark it stale ("inaktuellt – dokumentet har
 * ändrats") as soon as the document differs. One feed per initiative, kept across tab
 * switches, so a run goes on while another tab is shown.
 */
import * as sim from "../api/simulation";
import { toApiError, type ApiError } from "../api";
import type { SimulationProgress, SimulationRun } from "../api/types/index";

/** idle: never run; running; done: `result` holds the run; cancelled; failed: `error` says why. */
export type SimulationStatus = "idle" | "running" | "done" | "cancelled" | "failed";

export class SimulationFeed {
  status = $state<SimulationStatus>("idle");
  progress = $state<SimulationProgress | null>(null);
  /** The last finished run (kept while a new one runs or after a cancel). */
  result = $state<SimulationRun | null>(null);
  error = $state<ApiError | null>(null);
  /** The document's text now. */
  text = $state("");
  /** The text the result was run on. */
  private ranOn = $state("");
  private running: sim.RunningSimulation | null = null;
  private readonly start: typeof sim.simulate;

  constructor(start: typeof sim.simulate = sim.simulate) {
    this.start = start;
  }

  /** Whether the result belongs to another text than the document's now. */
  get stale(): boolean {
    return this.result !== null && this.ranOn !== this.text;
  }

  /** Called with the document's text after every edit. */
  update(text: string): void {
    this.text = text;
  }

  /** Runs the simulation of the current text (a run under way is cancelled first). */
  async run(): Promise<void> {
    if (this.running) await this.cancel();
    const text = this.text;
    this.status = "running";
    this.error = null;
    this.progress = null;
    const running = this.start(text, (p) => {
      if (this.running === running) this.progress = p;
    });
    this.running = running;
    try {
      const out = await running.result;
      if (this.running !== running) return;
      if (out === null) {
        this.status = "cancelled";
      } else {
        this.result = out;
        this.ranOn = text;
        this.status = "done";
      }
    } catch (e) {
      if (this.running !== running) return;
      this.error = toApiError(e);
      this.status = "failed";
    } finally {
      if (this.running === running) this.running = null;
    }
  }

  /** Stops the run under way; the previous result, if any, stays. */
  async cancel(): Promise<void> {
    const running = this.running;
    if (!running) return;
    this.running = null;
    this.status = "cancelled";
    await running.cancel();
  }
}

/** The feeds by initiative id (not state themselves: each feed's fields are). */
const feeds: Record<number, SimulationFeed> = {};

/** The feed of initiative `id`, the same one every time the panel is shown. */
export function simulationFor(id: number): SimulationFeed {
  feeds[id] ??= new SimulationFeed();
  return feeds[id];
}
