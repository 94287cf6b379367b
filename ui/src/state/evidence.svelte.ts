/**
 * The municipality's calibration table and confidence hints, fetched once and again after
 * saves (a follow-up's realised values change it), shared by every benefit line.
 */
import * as reports from "../api/reports";
import type { Category, Evidence, Lang } from "../api/types/index";

export const evidence = $state<{ data: Evidence | null; stale: boolean; loading: boolean }>({
  data: null,
  stale: true,
  loading: false,
});

/** Fetches the table when it has not been fetched since the last save. */
export async function ensureEvidence(load: typeof reports.calibration = reports.calibration): Promise<void> {
  if (!evidence.stale || evidence.loading) return;
  evidence.loading = true;
  try {
    evidence.data = await load();
  } catch {
    // Hints are a help, not a must: without the table, none is shown.
  } finally {
    evidence.stale = false;
    evidence.loading = false;
  }
}

/** Marks the table out of date after a save. */
export function markEvidenceStale(): void {
  evidence.stale = true;
}

/** The hint for benefit lines of `category`, or `null` when none was followed up (n = 0). */
export function confidenceHint(category: Category, lang: Lang): string | null {
  const h = evidence.data?.hints.find((x) => x.category === category);
  return h ? (lang === "sv" ? h.sv : h.en) : null;
}
