/** Figures for people in the current language; `–`-style text for figures that do not exist. */
import { locale } from "../i18n/i18n.svelte";
import { formatMoney, formatNumberTrim, formatPercent, formatYears, formatHours, isNegative } from "./number";

export const money = (v: string | null | undefined): string => (v == null ? "–" : formatMoney(v, locale.lang));
export const moneyOre = (v: string | null | undefined): string =>
  v == null ? "–" : formatMoney(v, locale.lang, 2);
export const years = (v: string | null | undefined): string => (v == null ? "–" : formatYears(v, locale.lang));
export const percent = (v: string | null | undefined, decimals = 0): string =>
  v == null ? "–" : formatPercent(v, locale.lang, decimals);
export const hours = (v: string | null | undefined): string => (v == null ? "–" : formatHours(v, locale.lang));
export const num = (v: string | null | undefined, max = 2): string =>
  v == null ? "–" : formatNumberTrim(v, max, locale.lang);
export const neg = (v: string | null | undefined, decimals = 0): boolean => isNegative(v, decimals);
