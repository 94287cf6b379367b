/**
 * Typed wrappers around the Excel commands: an initiative's valuation as a workbook with
 * live formulas, a workbook (perhaps edited in Excel or LibreOffice) back into the store,
 * and the portfolio as one table with filters; and the native dialogs for .xlsx files.
 */
import { invoke } from "@tauri-apps/api/core";
import { open, save } from "@tauri-apps/plugin-dialog";
import type { OnDuplicate } from "./types/index";
import { toApiError } from "./index";

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toApiError(e);
  }
}

/** Writes the initiative's stored current version as a workbook to `path`. */
export const xlsxExport = (id: number, path: string) => call<void>("xlsx_export", { id, path });
/** Reads a workbook into the store; one whose document is already there is refused
 * (`already_in_store`, with the initiative it matches) unless `onDuplicate` says otherwise.
 * A workbook that does not check is refused with every problem at its sheet and cell. */
export const xlsxImport = (path: string, onDuplicate: OnDuplicate) =>
  call<number>("xlsx_import", { path, onDuplicate });
/** Writes the portfolio as a workbook to `path`. */
export const portfolioExportXlsx = (path: string) => call<void>("portfolio_export_xlsx", { path });

const XLSX_FILTER = [{ name: "Excel", extensions: ["xlsx"] }];

/** The native open dialog for a workbook; `null` when cancelled. */
export async function chooseWorkbookToOpen(title: string): Promise<string | null> {
  const picked = await open({ title, multiple: false, directory: false, filters: XLSX_FILTER });
  return typeof picked === "string" ? picked : null;
}

/** The native save dialog for a workbook; `null` when cancelled. */
export async function chooseWorkbookToSave(title: string, name: string): Promise<string | null> {
  return (await save({ title, defaultPath: name, filters: XLSX_FILTER })) ?? null;
}
