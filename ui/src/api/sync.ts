/**
 * Typed wrappers around the group server's commands: its settings (never a password: that
 * comes from PGPASSWORD or ~/.pgpass when connecting), the sync's state, which works
 * offline, and "Synkronisera", which the shell runs off the window's thread.
 */
import { invoke } from "@tauri-apps/api/core";
import type { ServerSettings, SyncReport, SyncStatus } from "./types/index";
import { toApiError } from "./index";

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toApiError(e);
  }
}

/** The saved server settings; `null` when none are set. */
export const serverSettingsGet = () => call<ServerSettings | null>("server_settings_get");
/** Checks and saves the server settings; a refusal lists each problem at its field (`server.host`, …). */
export const serverSettingsSave = (settings: ServerSettings) => call<void>("server_settings_save", { settings });
/** The server set, when the last sync completed, the changes waiting and the open conflicts. */
export const syncStatus = () => call<SyncStatus>("sync_status");
/** Synchronises with the server in the settings: sends what waits, brings in the others' changes. */
export const syncRun = () => call<SyncReport>("sync_run");
