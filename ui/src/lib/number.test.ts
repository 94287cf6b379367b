import { describe, expect, it } from "vitest";
import {
  compareDecimal,
  displayText,
  formatMoney,
  formatNumber,
  formatPercent,
  formatYears,
  MINUS,
  parseNumber,
  shiftDecimal,
} from "./number";

describe("parseNumber reads what a Swedish user types, exactly", () => {
  const cases: [string, string | null][] = [
    ["1 234,5", "1234.5"],
    ["1234,5", "1234.5"],
    ["1234.5", "1234.5"],
    ["1 234", "1234"],
    ["1\u00a0234\u00a0567,25", "1234567.25"],
    ["1\u202f234", "1234"],
    ["-0,5", "-0.5"],
    ["\u22120,5", "-0.5"],
    ["−12", "-12"],
    [",5", "0.5"],
    ["  300 000 ", "300000"],
    ["0,10", "0.1"],
    ["007", "7"],
    ["-0", "0"],
    ["0.1", "0.1"],
    ["12345678901234567890,123456789", "12345678901234567890.123456789"],
    // Two separators are refused rather than guessed at.
    ["1.234,5", null],
    ["1,234.5", null],
    ["1 23", null],
    ["12 345 6", null],
    ["1234 567", null],
    ["", null],
    ["-", null],
    [",", null],
    ["12,", null],
    ["abc", null],
    ["1e3", null],
    ["--1", null],
  ];
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text)} → ${JSON.stringify(expected)}`, () => expect(parseNumber(text)).toBe(expected));
  }
});

describe("formatters give sv-SE text from the engine's decimal strings", () => {
  it("rounds money to whole kronor, midpoint away from zero, with a real minus", () => {
    expect(formatMoney("1234567.49", "sv")).toBe("1 234 567 kr");
    expect(formatMoney("1234567.50", "sv")).toBe("1 234 568 kr");
    expect(formatMoney("-39.20", "sv")).toBe("\u221239 kr");
    expect(formatMoney("-0.40", "sv")).toBe("0 kr");
    expect(formatMoney("524140.00", "sv", 2)).toBe("524 140,00 kr");
    expect(formatMoney("-39.2", "en")).toBe("\u2212SEK 39");
    expect(formatMoney("999.5", "sv")).toBe("1 000 kr");
  });
  it("does not lose digits a float would lose", () => {
    // 2^53 + 1 is not representable as a double.
    expect(formatMoney("9007199254740993.00", "sv")).toBe("9 007 199 254 740 993 kr");
    expect(formatNumber("0.285", 2, "sv")).toBe("0,29");
    expect(formatNumber("1.005", 2, "sv")).toBe("1,01");
  });
  it("shows years to one decimal", () => {
    expect(formatYears("2.500000", "sv")).toBe("2,5 år");
    expect(formatYears("1.071812", "sv")).toBe("1,1 år");
    expect(formatYears("0.96", "en")).toBe("1.0 year");
    expect(formatYears("2.036", "en")).toBe("2.0 years");
  });
  it("shows ratios as percent", () => {
    expect(formatPercent("0.38", "sv")).toBe("38 %");
    expect(formatPercent("3.313425", "sv")).toBe("331 %");
    expect(formatPercent("-0.024092", "sv", 1)).toBe("\u22122,4 %");
    expect(formatPercent("0.280948", "en", 1)).toBe("28.1%");
    expect(formatPercent("0.004", "sv")).toBe("0 %");
  });
  it("shows field values grouped with every decimal, and reads them back", () => {
    expect(displayText("1000000", "sv")).toBe("1 000 000");
    expect(displayText("1700", "sv")).toBe("1 700");
    expect(displayText("-12345.125", "sv")).toBe(`${MINUS}12 345,125`);
    expect(displayText("0.03", "en")).toBe("0.03");
    expect(displayText("robots * 2", "sv")).toBe("robots * 2");
    for (const v of ["1000000", "1700", "-12345.125", "0.5"]) expect(parseNumber(displayText(v, "sv"))).toBe(v);
  });
  it("moves the decimal point for percent fields", () => {
    expect(shiftDecimal("0.03", 2)).toBe("3");
    expect(shiftDecimal("3", -2)).toBe("0.03");
    expect(shiftDecimal("12.5", -2)).toBe("0.125");
    expect(shiftDecimal("-0.5", 2)).toBe("-50");
  });
  it("orders decimal strings numerically with null last", () => {
    const list = ["10.5", null, "-3", "9.99", "100"];
    expect([...list].sort(compareDecimal)).toEqual(["-3", "9.99", "10.5", "100", null]);
  });
});
