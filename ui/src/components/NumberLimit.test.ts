import { describe, expect, it, beforeEach } from "vitest";
import { render, screen, cleanup } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import NumberField from "./NumberField.svelte";
import { setLang } from "../i18n/i18n.svelte";
import { beyondLimit } from "../lib/number";
import { MAX_DIGITS, MAX_LINE_AMOUNT } from "../api/types/limits";

beforeEach(() => {
  cleanup();
  setLang("sv");
});

/** A number field whose accepted values are collected. */
function field(props: { scale?: number } = {}) {
  const accepted: (string | null)[] = [];
  render(NumberField, { label: "Belopp", value: "1", onchange: (v: string | null) => accepted.push(v), testid: "n", ...props });
  return { input: screen.getByTestId("n") as HTMLInputElement, accepted };
}

describe("a number too large for the engine", () => {
  it("is refused at the field with the engine's limit, not handed on as a valid figure", async () => {
    const user = userEvent.setup();
    const { input, accepted } = field();
    await user.clear(input);
    await user.type(input, "1 000 000 000 000 001");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    const message = document.getElementById(input.getAttribute("aria-describedby") ?? "");
    expect(message?.textContent).toBe("Talet är för stort: högst 1 000 000 000 000 000 kan räknas med.");
    expect(accepted.at(-1)).not.toBe("1000000000000001");
    // The limit itself is accepted.
    await user.clear(input);
    await user.type(input, "-1 000 000 000 000 000");
    expect(input.getAttribute("aria-invalid")).toBe("false");
    expect(accepted.at(-1)).toBe("-1000000000000000");
  });

  it("says so in English, and in the field's unit for a percentage", async () => {
    setLang("en");
    const user = userEvent.setup();
    const { input } = field({ scale: 2 });
    await user.clear(input);
    await user.type(input, "200000000000000000000");
    const message = document.getElementById(input.getAttribute("aria-describedby") ?? "");
    expect(message?.textContent).toBe("The number is too large: at most 100,000,000,000,000,000 can be calculated with.");
  });

  it("refuses more digits than an exact decimal holds", async () => {
    const user = userEvent.setup();
    const { input, accepted } = field();
    await user.clear(input);
    await user.type(input, "0,12345678901234567890123456789");
    const message = document.getElementById(input.getAttribute("aria-describedby") ?? "");
    expect(message?.textContent).toBe("För många siffror: högst 28 siffror kan räknas med.");
    expect(accepted).not.toContain("0.12345678901234567890123456789");
  });

  it("takes its limits from the engine's generated constants", () => {
    expect(MAX_LINE_AMOUNT).toBe("1000000000000000");
    expect(MAX_DIGITS).toBe(28);
    expect(beyondLimit("999999999999999.9999", MAX_LINE_AMOUNT, MAX_DIGITS)).toBeNull();
    expect(beyondLimit("-1000000000000000.1", MAX_LINE_AMOUNT, MAX_DIGITS)).toBe("too_large");
    expect(beyondLimit("0.0000000000000000000000000001", MAX_LINE_AMOUNT, MAX_DIGITS)).toBeNull();
    expect(beyondLimit("0.00000000000000000000000000001", MAX_LINE_AMOUNT, MAX_DIGITS)).toBe("too_many_digits");
  });
});
