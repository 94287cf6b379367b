/**
 * The charts of the open document, as SVG from the shell: asked for after ~250 ms of quiet
 * (typing is never blocked; a late answer to an older text is dropped), the last charts kept
 * on screen, marked stale, while the document has problems. The latest answer is remembered
 * across tabs, so switching to another tab shows the same charts at once.
 */
import * as reports from "../api/reports";
import type { ChartSet, Lang } from "../api/types/index";
import { debounce } from "../lib/debounce";

export const CHARTS_MS = 250;

let remembered: { key: string; set: ChartSet } | null = null;

export class ChartFeed {
  /** The latest charts, `null` before the first answer. */
  set = $state<ChartSet | null>(null);
  /** Whether `set` belongs to an older text than the one on screen. */
  stale = $state(false);

  private key = "";
  private text = "";
  private lang: Lang = "sv";
  private seq = 0;
  private readonly get: typeof reports.chartsSvg;
  private readonly fetcher = debounce(() => void this.fetch(), CHARTS_MS);

  constructor(get: typeof reports.chartsSvg = reports.chartsSvg) {
    this.get = get;
  }

  /** Called with the document's text after every edit and language switch. */
  request(text: string, lang: Lang): void {
    const key = `${lang}\n${text}`;
    if (key === this.key) return;
    this.key = key;
    this.text = text;
    this.lang = lang;
    if (remembered?.key === key) {
      this.fetcher.cancel();
      this.seq++;
      this.set = remembered.set;
      this.stale = false;
      return;
    }
    this.stale = this.set !== null;
    this.fetcher.schedule();
    if (this.set === null) this.fetcher.flush();
  }

  /** Stops a pending request (when the view goes away). */
  dispose(): void {
    this.fetcher.cancel();
    this.seq++;
  }

  private async fetch(): Promise<void> {
    const seq = ++this.seq;
    const key = this.key;
    try {
      const set = await this.get(this.text, this.lang);
      if (seq !== this.seq) return;
      this.set = set;
      this.stale = false;
      remembered = { key, set };
    } catch {
      // A document with problems has no charts; the evaluation panel says why.
      if (seq === this.seq) this.stale = this.set !== null;
    }
  }
}
