/** Which view is shown, and the settings every view reads (rubric texts, departments). */
import type { Settings } from "../api";

/** Which view of the NPV and payback a list shows: socio-economic or budget. */
export type NpvView = "economic" | "budget";

export type View =
  | { name: "portfolio"; ids?: number[]; what?: string; npv?: NpvView }
  | { name: "overview" }
  | { name: "priorities" }
  | { name: "agenda" }
  | { name: "similar" }
  | { name: "initiative"; id: number }
  | { name: "lessons" }
  | { name: "sync" }
  | { name: "settings" };

export const app = $state<{ view: View; settings: Settings | null; newRequested: number; searchRequested: number }>({
  view: { name: "portfolio" },
  settings: null,
  newRequested: 0,
  searchRequested: 0,
});

/** Asked before the view changes or the window closes; resolves to whether to go on. */
export type LeaveGuard = () => Promise<boolean>;
let leaveGuard: LeaveGuard | null = null;

/** Sets (or, with `null`, clears) the question asked before leaving the current view. */
export function setLeaveGuard(guard: LeaveGuard | null): void {
  leaveGuard = guard;
}

/** Whether the current view may be left now (asks the open initiative, if it must). */
export async function mayLeave(): Promise<boolean> {
  return leaveGuard ? leaveGuard() : true;
}

/** Shows `view` once the current one may be left; resolves to whether it was shown. */
export async function go(view: View): Promise<boolean> {
  if (!(await mayLeave())) return false;
  app.view = view;
  return true;
}
