import { describe, expect, it } from "vitest";
import { en } from "./en";

const entries = Object.entries(en);

describe("the English catalogue", () => {
  it("writes a percentage without a space before %, where Settings read '54 %'", () => {
    const spaced = entries.filter(([, text]) => /\d %/.test(text)).map(([key]) => key);
    expect(spaced).toEqual([]);
  });

  it("calls samhällsekonomisk 'socio-economic', never plain 'economic'", () => {
    const plain = entries.filter(([, text]) => /(?<!socio-)\beconomic\b/i.test(text)).map(([key]) => key);
    expect(plain).toEqual([]);
  });
});
