/** Figures for people in the current language; `–`-style text for figures that do not exist. */
import { locale, t } from "../i18n/i18n.svelte";
import type { MessageKey } from "../i18n/sv";
import { compareDecimal, formatMoney, formatNumber, formatNumberTrim, formatPercent, formatYears, formatHours, isNegative } from "./number";
import { IRR_SHOWN_UP_TO } from "../api/types/limits";

export const money = (v: string | null | undefined): string => (v == null ? "–" : formatMoney(v, locale.lang));
export const moneyOre = (v: string | null | undefined): string =>
  v == null ? "–" : formatMoney(v, locale.lang, 2);
export const years = (v: string | null | undefined): string => (v == null ? "–" : formatYears(v, locale.lang));
export const percent = (v: string | null | undefined, decimals = 0): string =>
  v == null ? "–" : formatPercent(v, locale.lang, decimals);
/** An internal rate of return: one decimal, or "> 1 000 %" above the largest the engine writes as a figure. */
export const irr = (v: string | null | undefined): string =>
  v == null
    ? "–"
    : compareDecimal(v, IRR_SHOWN_UP_TO) > 0
      ? `> ${formatPercent(IRR_SHOWN_UP_TO, locale.lang, 0)}`
      : formatPercent(v, locale.lang, 1);
/** A payback: years, or why there is none — the engine gives none for a view without costs
 * ("cannot be computed: no costs") and for one that does not pay back within the period. */
export const payback = (v: string | null | undefined, totalCosts: string): string =>
  v != null ? formatYears(v, locale.lang) : compareDecimal(totalCosts, "0") === 0 ? t("payback_no_costs") : t("payback_none");
/** A switching value worded by its sign, as in the business case: with a positive NPV how far
 * benefits may fall (`fine`), with a negative one how far they must rise (`needed`, the
 * ratio's absolute value) — never "may fall by −2 %". */
export const switching = (v: string | null | undefined, fine: MessageKey, needed: MessageKey): string => {
  if (v == null) return "–";
  const below = v.startsWith("-") && compareDecimal(v, "0") !== 0;
  return below ? t(needed, { pct: percent(v.slice(1), 1) }) : t(fine, { pct: percent(v, 1) });
};
/** Full-time equivalents (årsarbetare) with one decimal always, as the business case writes
 * them: `22,0` beside `13,3`, never `22`. */
export const fte = (v: string | null | undefined): string => (v == null ? "–" : formatNumber(v, 1, locale.lang));
export const hours = (v: string | null | undefined): string => (v == null ? "–" : formatHours(v, locale.lang));
export const num = (v: string | null | undefined, max = 2): string =>
  v == null ? "–" : formatNumberTrim(v, max, locale.lang);
export const neg = (v: string | null | undefined, decimals = 0): boolean => isNegative(v, decimals);
/** An ISO 8601 instant (`2026-11-30T05:12:19Z`) as the user's local date and time: the ISO
 * date and a 24-hour clock (`2026-11-30 06:12` in Stockholm), in both languages. */
export const localDateTime = (iso: string): string => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
};
