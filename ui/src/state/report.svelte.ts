/**
 * Exporting the open initiative as PDF: the pending autosave is finished first (the PDF is
 * made from the stored version), the native save dialog suggests a file name from the
 * title, and the outcome is told in a quiet toast with the file's path, or in plain words
 * chosen by the error's code.
 */
import * as reports from "../api/reports";
import { toApiError } from "../api/index";
import type { InitiativeEditor } from "./editor.svelte";
import { locale, t } from "../i18n/i18n.svelte";
import { showToast } from "./toast.svelte";

/** The commands an export needs (replaced by fakes in tests). */
export interface ReportApi {
  choosePdfToSave: typeof reports.choosePdfToSave;
  fileName: typeof reports.fileName;
  reportBusinessCase: typeof reports.reportBusinessCase;
  reportFollowUp: typeof reports.reportFollowUp;
}

export const exporting = $state<{ busy: boolean }>({ busy: false });

/** Waits until the editor's last edit is stored; whether the stored version is what the
 * user sees (not a failed save, nor a working copy with problems). */
async function settled(editor: InitiativeEditor): Promise<boolean> {
  await editor.settle();
  return editor.leaveRisk === "none";
}

/** The plain-language message for a failed export, by the error's code. */
export function exportError(e: unknown, path: string): string {
  const err = toApiError(e);
  switch (err.code) {
    case "io":
      return t("report_err_io", { path: err.dto.path ?? path });
    case "no_follow_up":
      return t("report_err_no_follow_up");
    case "not_found":
      return t("report_err_not_found");
    default:
      return `${t("report_err_document")} ${locale.lang === "sv" ? err.dto.message_sv : err.dto.message_en}`;
  }
}

async function run(
  editor: InitiativeEditor,
  suffix: string,
  write: (path: string) => Promise<unknown>,
  api: ReportApi,
): Promise<void> {
  if (exporting.busy || !editor.doc) return;
  exporting.busy = true;
  let path = "";
  try {
    if (!(await settled(editor))) {
      showToast({ text: t("report_err_unsaved"), error: true });
      return;
    }
    const title = editor.doc.initiative.title + suffix;
    const chosen = await api.choosePdfToSave(t("report_save_title"), await api.fileName(title, "pdf", t("report_file_fallback")));
    if (!chosen) return;
    path = chosen;
    await write(path);
    showToast({ text: t("report_saved", { path }) });
  } catch (e) {
    showToast({ text: exportError(e, path), error: true });
  } finally {
    exporting.busy = false;
  }
}

/** Exports the business case (*beslutsunderlag*) of the stored current version. */
export function exportBusinessCase(editor: InitiativeEditor, api: ReportApi = reports): Promise<void> {
  return run(editor, "", (path) => api.reportBusinessCase(editor.id, path, locale.lang), api);
}

/** Exports the report of follow-up `index` (0 = the first). */
export function exportFollowUp(editor: InitiativeEditor, index: number, api: ReportApi = reports): Promise<void> {
  const date = editor.doc?.follow_ups?.[index]?.date ?? "";
  const suffix = ` – ${t("report_follow_up_file")} ${date}`.trimEnd();
  return run(editor, suffix, (path) => api.reportFollowUp(editor.id, index, path, locale.lang), api);
}
