/**
 * Typed wrappers around the Tauri commands of the desktop contract. This folder is the only
 * place in the UI that imports `@tauri-apps/*`; views call these functions and branch on an
 * {@link ApiError}'s `code`, never on its message text.
 */
import { invoke } from "@tauri-apps/api/core";
import { getCurrentWindow } from "@tauri-apps/api/window";
import { open, save } from "@tauri-apps/plugin-dialog";
import type {
  About,
  BackupInfo,
  Decision,
  DraftSaved,
  ErrorDto,
  Evaluation,
  Lang,
  OnDuplicate,
  PortfolioLine,
  Problem,
  SavedInfo,
  Settings,
  StoredInitiative,
  StoreStatus,
  VersionDocument,
} from "./types/index";

export type * from "./types/index";
export * from "./document";

/** A rejected command: the shell's `ErrorDto` as an `Error`. */
export class ApiError extends Error {
  readonly code: string;
  readonly dto: ErrorDto;
  constructor(dto: ErrorDto) {
    super(dto.message_en);
    this.code = dto.code;
    this.dto = dto;
  }
  /** Every problem, the top-level error as one when there is no list. */
  problems(): Problem[] {
    if (this.dto.problems && this.dto.problems.length > 0) return this.dto.problems;
    return [
      {
        code: this.dto.code,
        path: this.dto.path,
        message_sv: this.dto.message_sv,
        message_en: this.dto.message_en,
      },
    ];
  }
}

/** Any rejection as an {@link ApiError}. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  if (typeof e === "object" && e !== null && "code" in e) return new ApiError(e as ErrorDto);
  const text = typeof e === "string" ? e : e instanceof Error ? e.message : String(e);
  return new ApiError({ code: "internal", message_sv: text, message_en: text });
}

/** The message of any error in `lang` (an `ErrorDto` from the shell, or anything else). */
export function messageOf(e: unknown, lang: Lang): string {
  const err = toApiError(e);
  return lang === "sv" ? err.dto.message_sv : err.dto.message_en;
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toApiError(e);
  }
}

export const storeStatus = () => call<StoreStatus>("store_status");
export const about = () => call<About>("about");
/** The hourly cost (kr/h, öre) of a monthly salary, by the engine's rule (÷ 142 × 1,54). */
export const hourlyFromMonthly = (monthly: string) => call<string>("hourly_from_monthly", { monthly });
/** The file name to suggest for `title` (ASCII words joined by "-", the app's one rule). */
export const fileName = (title: string, extension: string, fallback: string) =>
  call<string>("file_name", { title, extension, fallback });
export const evaluateDocument = (document: string, lang: Lang) =>
  call<Evaluation>("evaluate_document", { document, lang });
export const portfolioList = () => call<PortfolioLine[]>("portfolio_list");
export const initiativeGet = (id: number) => call<StoredInitiative>("initiative_get", { id });
export const versionGet = (versionId: number) => call<VersionDocument>("version_get", { versionId });
export const initiativeCreate = (title: string, department: string) =>
  call<number>("initiative_create", { title, department });
/** Saves an edit: a valid document becomes the current version; one with problems is kept
 * whole as the initiative's working copy (`saved` is then null and `problems` says why). */
export const initiativeSave = (id: number, document: string) =>
  call<DraftSaved>("initiative_save", { id, document });
/** Drops the working copy, back to the last valid document. */
export const initiativeDiscardWorkingCopy = (id: number) => call<void>("initiative_discard_working_copy", { id });
export const initiativeDecide = (id: number, decision: Decision) =>
  call<SavedInfo>("initiative_decide", { id, decision });
export const initiativeNewVersion = (id: number) => call<SavedInfo>("initiative_new_version", { id });
export const initiativeDelete = (id: number) => call<void>("initiative_delete", { id });
export const initiativeUndelete = (id: number) => call<void>("initiative_undelete", { id });
export const initiativeDuplicate = (id: number) => call<number>("initiative_duplicate", { id });
/** Imports a document file; one already in the store is refused (`already_in_store`, with
 * the initiative it matches) unless `onDuplicate` asks for a copy or a new version. */
export const documentImport = (path: string, onDuplicate: OnDuplicate) =>
  call<number>("document_import", { path, onDuplicate });
export const documentExport = (id: number, path: string) =>
  call<void>("document_export", { id, path });
export const settingsGet = () => call<Settings>("settings_get");
export const settingsSave = (settings: Settings) => call<void>("settings_save", { settings });
export const backupsList = () => call<BackupInfo[]>("backups_list");
export const backupCreate = () => call<BackupInfo>("backup_create");
/** Restores the backup with this file name; resolves with the store's message about it. */
export const backupRestore = (name: string) => call<string>("backup_restore", { name });

const DOC_FILTER = [{ name: "Nytta", extensions: ["json"] }];

/** The native open dialog for a document; `null` when cancelled. */
export async function chooseDocumentToOpen(title: string): Promise<string | null> {
  const picked = await open({ title, multiple: false, directory: false, filters: DOC_FILTER });
  return typeof picked === "string" ? picked : null;
}

/** The native save dialog for a document; `null` when cancelled. */
export async function chooseDocumentToSave(title: string, name: string): Promise<string | null> {
  return (await save({ title, defaultPath: name, filters: DOC_FILTER })) ?? null;
}

/**
 * Asks `mayClose` before the window closes (the close button, Alt+F4); the window stays open
 * when it resolves to false. Returns the function that stops asking.
 */
export function onWindowClose(mayClose: () => Promise<boolean>): Promise<() => void> {
  return getCurrentWindow().onCloseRequested(async (event) => {
    if (!(await mayClose())) event.preventDefault();
  });
}
