import { describe, expect, it } from "vitest";
import { fileName } from "./filename";

describe("file names from titles", () => {
  it("keeps Swedish letters and spaces", () => {
    expect(fileName("Läkemedelsrobotar i boendestödet", "pdf", "x")).toBe("Läkemedelsrobotar i boendestödet.pdf");
  });
  it("replaces characters no file system accepts and trims dots and dashes", () => {
    expect(fileName(' E-tjänst: "ansök/betala"? ', "pdf", "x")).toBe("E-tjänst- -ansök-betala.pdf");
    expect(fileName("..rapport..", "pdf", "x")).toBe("rapport.pdf");
  });
  it("falls back when nothing is left", () => {
    expect(fileName("///", "pdf", "beslutsunderlag")).toBe("beslutsunderlag.pdf");
    expect(fileName("", "pdf", "beslutsunderlag")).toBe("beslutsunderlag.pdf");
  });
  it("cuts very long titles", () => {
    expect(fileName("a".repeat(300), "pdf", "x")).toBe(`${"a".repeat(120)}.pdf`);
  });
});
