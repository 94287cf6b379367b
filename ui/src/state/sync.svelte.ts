/**
 * The sync with the group server, kept beyond the view: a sync started on *Synkronisering*
 * goes on when another view is opened, and the view opened again shows it still running,
 * then what it did. The shell runs one sync of a store at a time.
 */
import * as api from "../api";
import type { SyncReport, SyncStatus } from "../api";
import { syncRun, syncStatus } from "../api/sync";
import { locale } from "../i18n/i18n.svelte";

export const sync = $state<{ status: SyncStatus | null; report: SyncReport | null; failed: string; running: boolean }>({
  status: null,
  report: null,
  failed: "",
  running: false,
});

/** Reads the sync's state from the local store (no network). */
export async function loadSyncStatus(): Promise<void> {
  try {
    sync.status = await syncStatus();
  } catch (e) {
    sync.failed = api.messageOf(e, locale.lang);
  }
}

/** Synchronises, unless a sync is running already; then reads the state again. */
export async function runSync(): Promise<void> {
  if (sync.running) return;
  sync.running = true;
  sync.failed = "";
  sync.report = null;
  try {
    sync.report = await syncRun();
  } catch (e) {
    sync.failed = api.messageOf(e, locale.lang);
  } finally {
    sync.running = false;
    await loadSyncStatus();
  }
}

/** Forgets the last outcome (a fresh start, for page tests). */
export function resetSync(): void {
  sync.status = null;
  sync.report = null;
  sync.failed = "";
  sync.running = false;
}
