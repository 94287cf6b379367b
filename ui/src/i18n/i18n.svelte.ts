/**
 * The current language and `t()`, which looks a key up in that language's catalogue.
 * Reading `t()` in a template re-renders it when the language changes.
 */
import { sv, type MessageKey } from "./sv";
import { en } from "./en";
import type { Lang } from "../lib/number";

const catalogues: Record<Lang, Record<MessageKey, string>> = { sv, en };

export const locale = $state<{ lang: Lang }>({ lang: "sv" });

/** Sets the language and the document's `lang` attribute. */
export function setLang(lang: Lang): void {
  locale.lang = lang;
  if (typeof document !== "undefined") document.documentElement.lang = lang;
}

/** The text for `key` in the current language, with `{name}` placeholders filled in. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = catalogues[locale.lang][key];
  return text.replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}

export type { MessageKey };
