/** Which view is shown, and the settings every view reads (rubric texts, departments). */
import type { Settings } from "../api";

export type View =
  | { name: "portfolio" }
  | { name: "initiative"; id: number }
  | { name: "lessons" }
  | { name: "settings" };

export const app = $state<{ view: View; settings: Settings | null; newRequested: number; searchRequested: number }>({
  view: { name: "portfolio" },
  settings: null,
  newRequested: 0,
  searchRequested: 0,
});

export function go(view: View): void {
  app.view = view;
}
