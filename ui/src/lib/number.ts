/**
 * Exact decimal numbers as text: reading what a user types and showing the engine's decimal
 * strings the Swedish way. Money never passes through a JS float here; rounding is done on
 * the digits (BigInt), midpoint away from zero, exactly as nytta-core's `format` module does.
 */

/** The minus sign shown to people (U+2212), as the engine's formatter uses. */
export const MINUS = "\u2212";

export type Lang = "sv" | "en";

const GROUP_SPACE = /[ \u00a0\u202f\u2009]/;

/**
 * Reads a number as a user types it: `1234,5`, `1 234,5`, `1234.5`, `1 234`, `-12`, `−12`.
 * Spaces (also no-break and narrow no-break) may group thousands in threes before the
 * decimal separator. Only one separator (`,` or `.`) is allowed, so `1.234,5` and `1,234.5`
 * are refused rather than guessed at. Returns a plain decimal string (`"-1234.5"`) or `null`.
 */
export function parseNumber(text: string): string | null {
  let t = text.trim();
  if (t === "") return null;
  let negative = false;
  if (t.startsWith("-") || t.startsWith(MINUS)) {
    negative = true;
    t = t.slice(1);
  }
  const seps = [...t].filter((c) => c === "," || c === ".").length;
  if (seps > 1) return null;
  const sepAt = t.search(/[,.]/);
  const intPart = sepAt < 0 ? t : t.slice(0, sepAt);
  const frac = sepAt < 0 ? null : t.slice(sepAt + 1);
  const int = ungroup(intPart);
  if (int === null) return null;
  if (frac !== null && !/^[0-9]+$/.test(frac)) return null;
  if (int === "" && frac === null) return null;
  const digits = (int === "" ? "0" : int).replace(/^0+(?=\d)/, "");
  const fracDigits = frac === null ? "" : frac.replace(/0+$/, "");
  const isZero = /^0*$/.test(digits) && /^0*$/.test(fracDigits);
  const body = fracDigits ? `${digits}.${fracDigits}` : digits;
  return negative && !isZero ? `-${body}` : body;
}

function ungroup(int: string): string | null {
  const groups = int.split(GROUP_SPACE);
  const first = groups[0] ?? "";
  if (!/^[0-9]*$/.test(first)) return null;
  if (groups.length === 1) return first;
  if (first === "" || first.length > 3) return null;
  for (const g of groups.slice(1)) {
    if (!/^[0-9]{3}$/.test(g)) return null;
  }
  return groups.join("");
}

/** A decimal string split into sign, integer digits and fraction digits. */
interface Parts {
  negative: boolean;
  int: string;
  frac: string;
}

/** Whether `text` is a plain decimal string such as the engine writes (`-12.50`, `3`). */
export function isDecimal(text: string): boolean {
  return /^-?[0-9]+(\.[0-9]+)?$/.test(text);
}

/**
 * Rounds a decimal string to `decimals` places, midpoint away from zero, and pads to exactly
 * that many. A value that rounds to zero is unsigned.
 */
export function roundParts(value: string, decimals: number): Parts {
  if (!isDecimal(value)) throw new Error(`not a decimal: ${value}`);
  const negative = value.startsWith("-");
  const [i, f = ""] = value.replace("-", "").split(".");
  const scaled = BigInt(i + f.padEnd(decimals, "0").slice(0, decimals));
  const roundUp = f.length > decimals && Number(f[decimals]) >= 5;
  const n = roundUp ? scaled + 1n : scaled;
  const s = n.toString().padStart(decimals + 1, "0");
  const int = s.slice(0, s.length - decimals);
  const frac = s.slice(s.length - decimals);
  return { negative: negative && n !== 0n, int, frac };
}

function group(int: string, sep: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

function localise(p: Parts, lang: Lang): string {
  const [thousands, point] = lang === "sv" ? [" ", ","] : [",", "."];
  return (p.negative ? MINUS : "") + group(p.int, thousands) + (p.frac ? point + p.frac : "");
}

/** A number rounded to `decimals`: sv `1 234 567,50`, en `1,234,567.50`. */
export function formatNumber(value: string, decimals: number, lang: Lang): string {
  return localise(roundParts(value, decimals), lang);
}

/** Like {@link formatNumber} without trailing zeros: `7 300`, `0,5`, `12,25`. */
export function formatNumberTrim(value: string, maxDecimals: number, lang: Lang): string {
  const p = roundParts(value, maxDecimals);
  p.frac = p.frac.replace(/0+$/, "");
  return localise(p, lang);
}

/** Whole kronor: sv `1 234 567 kr`, en `SEK 1,234,567`; negatives with `−`. */
export function formatMoney(value: string, lang: Lang, decimals = 0): string {
  const p = roundParts(value, decimals);
  if (lang === "sv") return `${localise(p, lang)} kr`;
  const sign = p.negative ? MINUS : "";
  return `${sign}SEK ${localise({ ...p, negative: false }, lang)}`;
}

/** Years to one decimal: sv `2,5 år`, en `2.5 years` (`1.0 year`). */
export function formatYears(value: string, lang: Lang): string {
  const p = roundParts(value, 1);
  const text = localise(p, lang);
  if (lang === "sv") return `${text} år`;
  return p.int === "1" && p.frac === "0" && !p.negative ? `${text} year` : `${text} years`;
}

/** Multiplies a decimal string by 100 exactly (moves the point two places). */
function times100(value: string): string {
  const negative = value.startsWith("-");
  const [i, f = ""] = value.replace("-", "").split(".");
  const padded = f.padEnd(2, "0");
  const int = (i + padded.slice(0, 2)).replace(/^0+(?=\d)/, "");
  const rest = padded.slice(2);
  return (negative ? "-" : "") + int + (rest ? `.${rest}` : "");
}

/** A ratio as a percentage: 0.38 → sv `38 %`, en `38%`. */
export function formatPercent(ratio: string, lang: Lang, decimals = 0): string {
  const text = formatNumber(times100(ratio), decimals, lang);
  return lang === "sv" ? `${text} %` : `${text}%`;
}

/** Whole hours: sv `1 234 h`. */
export function formatHours(value: string, lang: Lang): string {
  return `${formatNumber(value, 0, lang)} h`;
}

/** Whether a decimal string is below zero (after rounding to `decimals`). */
export function isNegative(value: string | null | undefined, decimals = 0): boolean {
  return value != null && isDecimal(value) && roundParts(value, decimals).negative;
}

/**
 * A document number (JSON number or decimal string) shown for editing in the user's
 * language, without grouping so it can be edited back: `0.03` → `0,03`.
 */
export function editText(value: string | number | null | undefined, lang: Lang): string {
  if (value == null) return "";
  const s = String(value);
  if (!isDecimal(s)) return s;
  const neg = s.startsWith("-");
  const body = (neg ? MINUS : "") + s.replace("-", "");
  return lang === "sv" ? body.replace(".", ",") : body;
}

/**
 * A document number shown in a field that is not being edited: grouped in the user's
 * language with every decimal kept, `1000000` → sv `1 000 000`, `0.125` → `0,125`. What is
 * shown here reads back through {@link parseNumber} to the same value in Swedish.
 */
export function displayText(value: string | number | null | undefined, lang: Lang): string {
  if (value == null) return "";
  const s = String(value);
  if (!isDecimal(s)) return s;
  return formatNumberTrim(s, s.split(".")[1]?.length ?? 0, lang);
}

/** Moves the decimal point of a decimal string: `shiftDecimal("0.03", 2)` → `"3"`. */
export function shiftDecimal(value: string, places: number): string {
  if (!isDecimal(value)) throw new Error(`not a decimal: ${value}`);
  const negative = value.startsWith("-");
  const [i, f = ""] = value.replace("-", "").split(".");
  let digits = i + f;
  let point = i.length + places;
  if (point < 0) {
    digits = "0".repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits = digits.padEnd(point, "0");
  const int = digits.slice(0, point).replace(/^0+(?=\d)/, "") || "0";
  const frac = digits.slice(point).replace(/0+$/, "");
  const body = frac ? `${int}.${frac}` : int;
  return negative && /[1-9]/.test(body) ? `-${body}` : body;
}

/**
 * Why the engine cannot take a number (a plain decimal string from `parseNumber`): larger in
 * magnitude than `maxAbs` or longer than `maxDigits` digits; `null` when it can.
 */
export function beyondLimit(value: string, maxAbs: string, maxDigits: number): "too_large" | "too_many_digits" | null {
  const magnitude = value.replace(/^-/, "");
  if (compareDecimal(magnitude, maxAbs) > 0) return "too_large";
  const [int, frac = ""] = magnitude.split(".");
  return (int + frac).replace(/^0+/, "").length > maxDigits || frac.length > maxDigits ? "too_many_digits" : null;
}

/** Orders two decimal strings numerically; `null` sorts after every number. */
export function compareDecimal(a: string | null | undefined, b: string | null | undefined): number {
  if (a == null || !isDecimal(a)) return b == null || !isDecimal(b) ? 0 : 1;
  if (b == null || !isDecimal(b)) return -1;
  const scale = (v: string) => {
    const p = roundParts(v, 12);
    return BigInt((p.negative ? "-" : "") + p.int + p.frac);
  };
  const x = scale(a);
  const y = scale(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
