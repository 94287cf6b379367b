/**
 * Formula-mode helpers: where the engine says a formula is wrong, and what to suggest while
 * the user types an input id or `role.ID`.
 */
import type { Problem } from "../api";

/** A problem located in one formula: 1-based position and the message without its path. */
export interface FormulaMark {
  pos: number;
  text: string;
}

/**
 * The problem the engine reported for the field at `path` (e.g. `valuation.lines[1].amount`),
 * marked at the problem's `pos` (the shell sends it for every formula problem; a problem
 * without one is marked at the start). The text is the message in `lang` without the path.
 */
export function formulaMark(problems: Problem[], path: string, lang: "sv" | "en"): FormulaMark | null {
  const p = problems.find((q) => q.path === path);
  if (!p) return null;
  const message = lang === "sv" ? p.message_sv : p.message_en;
  const prefix = `${path}: `;
  return { pos: p.pos ?? 1, text: message.startsWith(prefix) ? message.slice(prefix.length) : message };
}

/** The formula split around the marked character, for showing the marker inline. */
export function splitAt(text: string, pos: number): [string, string, string] {
  const chars = [...text];
  const i = Math.min(Math.max(pos - 1, 0), chars.length);
  // Mark the whole identifier that starts at the position, or a single character.
  let j = i;
  while (j < chars.length && /[A-Za-z0-9_.]/.test(chars[j])) j++;
  if (j === i) j = Math.min(i + 1, chars.length);
  return [chars.slice(0, i).join(""), chars.slice(i, j).join("") || " ", chars.slice(j).join("")];
}

/** What can be completed at the caret. */
export interface Completion {
  start: number;
  end: number;
  options: string[];
}

/** Suggestions for the identifier being typed before `caret`: input ids and `role.ID`. */
export function complete(
  text: string,
  caret: number,
  inputIds: string[],
  roleIds: string[],
): Completion | null {
  const before = text.slice(0, caret);
  const m = /[A-Za-z_][A-Za-z0-9_.]*$/.exec(before);
  if (!m) return null;
  const prefix = m[0].toLowerCase();
  const all = [...inputIds, ...roleIds.map((r) => `role.${r}`)];
  const options = all.filter((o) => o.toLowerCase().startsWith(prefix) && o.toLowerCase() !== prefix);
  if (options.length === 0) return null;
  let end = caret;
  while (end < text.length && /[A-Za-z0-9_.]/.test(text[end])) end++;
  return { start: m.index, end, options: options.slice(0, 8) };
}

/** The text with the completion applied, and the caret after the inserted identifier. */
export function applyCompletion(text: string, c: Completion, option: string): [string, number] {
  return [text.slice(0, c.start) + option + text.slice(c.end), c.start + option.length];
}
