/**
 * Editing a version's decision material (`valuation.case`, docs/format.md). Every field is
 * optional, so the editor writes a field only while it holds something: clearing the last
 * text of a section removes the section, and a valuation without decision material keeps no
 * empty `case` behind (a decided version compares equal to what it was).
 */
import type { CaseOption, Valuation } from "../api";
import { freshId } from "./doc";

type Obj = Record<string, unknown>;

function blank(value: unknown): boolean {
  return value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
}

/**
 * Sets the value at `keys` below `root` (creating the objects on the way), or removes it when
 * it is blank — together with every object on the way that is left empty.
 */
export function setIn(root: Obj, keys: string[], value: unknown): void {
  const chain: Obj[] = [root];
  let at = root;
  for (const k of keys.slice(0, -1)) {
    if (at[k] == null) {
      if (blank(value)) return;
      at[k] = {};
    }
    at = at[k] as Obj;
    chain.push(at);
  }
  const last = keys[keys.length - 1];
  if (blank(value)) delete at[last];
  else at[last] = value;
  for (let i = chain.length - 1; i > 0 && Object.keys(chain[i]).length === 0; i--) delete chain[i - 1][keys[i - 1]];
}

/** Sets `valuation.case.<keys>` (see {@link setIn}). */
export function setCase(v: Valuation, keys: string[], value: unknown): void {
  setIn(v as unknown as Obj, ["case", ...keys], value);
}

/** Sets a field of a row (an option, a funding, a milestone): a blank text is removed. */
export function setRow<T extends object>(row: T, key: keyof T & string, value: unknown): void {
  setIn(row as Obj, [key], value);
}

/** A new option with an id not yet used by the valuation's options. */
export function newOption(options: CaseOption[]): CaseOption {
  return { id: freshId("alternativ", options.map((o) => o.id)), name: "" };
}

/** The analysis years 0..N a funding row can name, and a year outside them it already has. */
export function fundingYears(years: number, chosen: number | undefined): number[] {
  const all = Array.from({ length: Math.max(0, years) + 1 }, (_, i) => i);
  return chosen != null && !all.includes(chosen) ? [...all, chosen] : all;
}
