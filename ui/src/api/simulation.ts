/**
 * The Monte Carlo simulation of an open document: the shell runs it off the main thread,
 * sends progress every 1 000 draws over a channel and answers `null` when the run was
 * cancelled. Every figure, sentence and chart in the answer comes from the engine.
 */
import { Channel, invoke } from "@tauri-apps/api/core";
import type { SimulationProgress, SimulationRun } from "./types/index";
import { toApiError } from "./index";

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toApiError(e);
  }
}

/** A run under way: its answer (`null` when cancelled) and a way to stop it. */
export interface RunningSimulation {
  result: Promise<SimulationRun | null>;
  cancel: () => Promise<void>;
}

let runs = 0;

/** Simulates the document's JSON text with its own draws and seed. */
export function simulate(document: string, onProgress: (p: SimulationProgress) => void): RunningSimulation {
  const run = ++runs;
  const channel = new Channel<SimulationProgress>();
  channel.onmessage = onProgress;
  return {
    result: call<SimulationRun | null>("simulation_run", { document, run, onProgress: channel }),
    cancel: () => call<null>("simulation_cancel", { run }).then(() => undefined),
  };
}
