/**
 * Typed wrappers around the portfolio governance commands: the overview, the prioritisation
 * with its capacity line, the PULS agenda, similar needs across departments, the text the portfolio search
 * looks through, and the demo portfolio. Every figure and the order come from the shell.
 */
import { invoke } from "@tauri-apps/api/core";
import type { Agenda, DemoOutcome, Lang, LinkKind, Overview, Priorities, PriorityFilter, SearchText, SimilarNeeds } from "./types/index";
import { toApiError } from "./index";

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toApiError(e);
  }
}

/** The portfolio overview as of today; every count and sum carries its initiatives' ids. */
export const portfolioOverview = () => call<Overview>("portfolio_overview");
/** The initiatives the filter chooses, in priority order, with the capacity line when a budget is given. */
export const portfolioPriorities = (filter: PriorityFilter) => call<Priorities>("portfolio_priorities", { filter });
/** The bubble chart of the initiatives the filter chooses (effect against feasibility, area by NPV, colour by department), as SVG text. */
export const portfolioBubbles = (filter: PriorityFilter, lang: Lang) => call<string>("portfolio_bubbles", { filter, lang });
/** The PULS agenda: initiatives asking for a decision or support, changed on or after `since` (YYYY-MM-DD), in priority order. */
export const portfolioAgenda = (since: string) => call<Agenda>("portfolio_agenda", { since });
/** Writes the PULS agenda since `since` as PDF to `path`. */
export const portfolioAgendaPdf = (since: string, path: string, lang: Lang) =>
  call<null>("portfolio_agenda_pdf", { since, path, lang });
/** Writes the portfolio report for the municipal leadership as PDF to `path`. */
export const portfolioReportPdf = (path: string, lang: Lang) => call<null>("portfolio_report_pdf", { path, lang });
/** Groups of initiatives in different departments with similar needs (`null`: the stored threshold). */
export const portfolioSimilar = (threshold: string | null) => call<SimilarNeeds>("portfolio_similar", { threshold });
/** Marks a pair "not similar" or a coordinated need; `null` forgets what was said. */
export const portfolioSimilarMark = (a: number, b: number, kind: LinkKind | null) =>
  call<void>("portfolio_similar_mark", { a, b, kind });
/** Per initiative, the lower-cased text the portfolio search looks through (needs included). */
export const portfolioSearchTexts = () => call<SearchText[]>("portfolio_search_texts");
/** The departments to suggest: the configured list, then the others the portfolio names. */
export const departmentsList = () => call<string[]>("departments_list");
export const demoCount = () => call<number>("demo_count");
export const demoAdd = () => call<DemoOutcome>("demo_add");
export const demoRemove = () => call<DemoOutcome>("demo_remove");
