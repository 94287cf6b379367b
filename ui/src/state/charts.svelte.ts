/**
 * The charts of the open document, as SVG from the shell, through a quiet feed
 * (`feed.svelte.ts`); remembered across tabs, so every tab shows the same charts at once.
 */
import * as reports from "../api/reports";
import type { ChartSet } from "../api/types/index";
import { type Memory, QuietFeed } from "./feed.svelte";

export { CHARTS_MS } from "./feed.svelte";

const memory: Memory<ChartSet> = { last: null };

export class ChartFeed extends QuietFeed<ChartSet> {
  constructor(get: typeof reports.chartsSvg = reports.chartsSvg) {
    super(get, memory);
  }
}
