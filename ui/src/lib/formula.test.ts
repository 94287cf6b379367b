import { describe, expect, it } from "vitest";
import { applyCompletion, complete, formulaMark, splitAt } from "./formula";
import type { Problem } from "../api";

const problem: Problem = {
  code: "unknown_input",
  path: "valuation.lines[1].amount",
  message_sv: 'valuation.lines[1].amount: tecken 18: okänd faktor "kmx"',
  message_en: 'valuation.lines[1].amount: character 18: unknown input "kmx"',
  pos: 18,
};

describe("formula-mode error marking", () => {
  it("finds the engine's problem for the field, at the position the shell sends", () => {
    expect(formulaMark([problem], "valuation.lines[1].amount", "sv")).toEqual({ pos: 18, text: 'tecken 18: okänd faktor "kmx"' });
    expect(formulaMark([problem], "valuation.lines[1].amount", "en")?.text).toBe('character 18: unknown input "kmx"');
    expect(formulaMark([problem], "valuation.lines[0].amount", "sv")).toBeNull();
  });
  it("takes the position from the pos field, never from the message", () => {
    expect(formulaMark([{ ...problem, pos: 3 }], "valuation.lines[1].amount", "sv")?.pos).toBe(3);
    expect(formulaMark([{ ...problem, pos: undefined }], "valuation.lines[1].amount", "sv")?.pos).toBe(1);
  });
  it("marks the identifier that starts at the 1-based position", () => {
    expect(splitAt("removed_visits * kmx * 2", 18)).toEqual(["removed_visits * ", "kmx", " * 2"]);
    expect(splitAt("12 / (3 + )", 11)).toEqual(["12 / (3 + ", ")", ""]);
    // At the end of the formula the marker is a blank after the text.
    expect(splitAt("robots *", 9)).toEqual(["robots *", " ", ""]);
  });
});

describe("autocomplete of inputs and roles", () => {
  it("offers inputs and role.ID that start with what is typed", () => {
    const c = complete("rob", 3, ["robots", "refill_min"], ["usk"]);
    expect(c).toEqual({ start: 0, end: 3, options: ["robots"] });
    expect(complete("robots * ro", 11, ["robots"], ["usk", "ssk"])?.options).toEqual(["robots", "role.usk", "role.ssk"]);
    expect(complete("role.s", 6, ["robots"], ["usk", "ssk"])?.options).toEqual(["role.ssk"]);
    expect(complete("12 * ", 5, ["robots"], ["usk"])).toBeNull();
  });
  it("replaces the typed prefix and puts the caret after the choice", () => {
    const text = "robots * role.u * 2";
    const c = complete(text, 15, ["robots"], ["usk"]);
    expect(c).not.toBeNull();
    expect(applyCompletion(text, c!, "role.usk")).toEqual(["robots * role.usk * 2", 17]);
  });
});
