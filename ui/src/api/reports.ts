/**
 * Typed wrappers around the report, chart and evidence commands: the business case and the
 * follow-up report written as PDF to the file chosen in the native save dialog, the business
 * case's content blocks, every chart of a document as SVG, the calibration table with its confidence hints, the lesson search.
 */
import { invoke } from "@tauri-apps/api/core";
import { save } from "@tauri-apps/plugin-dialog";
import type { Block, Category, ChartSet, Evidence, Lang, Lesson } from "./types/index";
import { toApiError } from "./index";

export { fileName } from "./index";

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toApiError(e);
  }
}

/** Writes the business case of the initiative's stored current version to `path`. */
export const reportBusinessCase = (id: number, path: string, lang: Lang) =>
  call<null>("report_business_case", { id, path, lang });
/** Writes the report of follow-up `index` (0 = the first) to `path`. */
export const reportFollowUp = (id: number, index: number, path: string, lang: Lang) =>
  call<null>("report_follow_up", { id, index, path, lang });
/** Every chart of a document's JSON text as SVG. */
export const chartsSvg = (document: string, lang: Lang) => call<ChartSet>("charts_svg", { document, lang });
/** The business case of a document's JSON text as content blocks: the document the PDF prints. */
export const businessCaseContent = (document: string, lang: Lang) =>
  call<Block[]>("business_case_content", { document, lang });
/** The calibration table across the store, with a confidence hint per benefit category. */
export const calibration = () => call<Evidence>("calibration");

/** What to look for among lessons learned; blank fields match everything. */
export interface LessonQuery {
  text: string;
  tag: string | null;
  department: string | null;
  category: Category | null;
}
/** Lessons learned across the store, newest first. */
export const lessonsSearch = (q: LessonQuery) => call<Lesson[]>("lessons_search", { ...q });

/** The native save dialog for a PDF; `null` when cancelled. */
export async function choosePdfToSave(title: string, name: string): Promise<string | null> {
  return (await save({ title, defaultPath: name, filters: [{ name: "PDF", extensions: ["pdf"] }] })) ?? null;
}
