/**
 * The business case of the open document as content blocks from the shell — the document
 * its PDF prints — asked for after ~250 ms of quiet (typing is never blocked; a late answer
 * to an older text is dropped), the last blocks kept on screen, marked stale, while the
 * document has problems. The latest answer is remembered, so coming back to the tab shows
 * it at once.
 */
import * as reports from "../api/reports";
import type { Block, Lang } from "../api/types/index";
import { debounce } from "../lib/debounce";
import { CHARTS_MS } from "./charts.svelte";

let remembered: { key: string; blocks: Block[] } | null = null;

export class ContentFeed {
  /** The latest blocks, `null` before the first answer. */
  blocks = $state<Block[] | null>(null);
  /** Whether `blocks` belong to an older text than the one on screen. */
  stale = $state(false);

  private key = "";
  private text = "";
  private lang: Lang = "sv";
  private seq = 0;
  private readonly get: typeof reports.businessCaseContent;
  private readonly fetcher = debounce(() => void this.fetch(), CHARTS_MS);

  constructor(get: typeof reports.businessCaseContent = reports.businessCaseContent) {
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
      this.blocks = remembered.blocks;
      this.stale = false;
      return;
    }
    this.stale = this.blocks !== null;
    this.fetcher.schedule();
    if (this.blocks === null) this.fetcher.flush();
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
      const blocks = await this.get(this.text, this.lang);
      if (seq !== this.seq) return;
      this.blocks = blocks;
      this.stale = false;
      remembered = { key, blocks };
    } catch {
      // A document with problems has no business case; the evaluation panel says why.
      if (seq === this.seq) this.stale = this.blocks !== null;
    }
  }
}
