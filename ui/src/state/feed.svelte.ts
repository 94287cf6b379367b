/**
 * A figure the shell makes from the open document's text (charts, the business case's
 * content), asked for after ~250 ms of quiet: typing is never blocked, a late answer to an
 * older text is dropped, the last answer stays on screen marked stale while the document
 * has problems, and the latest answer is remembered (per kind), so coming back to a tab
 * shows it at once.
 */
import type { Lang } from "../api/types/index";
import { debounce } from "../lib/debounce";

export const CHARTS_MS = 250;

/** The latest answer of one kind of feed, shared by every feed of that kind. */
export type Memory<T> = { last: { key: string; value: T } | null };

export class QuietFeed<T> {
  /** The latest answer, `null` before the first. */
  value = $state<T | null>(null);
  /** Whether `value` belongs to an older text than the one on screen. */
  stale = $state(false);

  private key = "";
  private text = "";
  private lang: Lang = "sv";
  private seq = 0;
  private readonly fetcher = debounce(() => void this.fetch(), CHARTS_MS);

  constructor(
    private readonly get: (text: string, lang: Lang) => Promise<T>,
    private readonly memory: Memory<T>,
  ) {}

  /** Called with the document's text after every edit and language switch. */
  request(text: string, lang: Lang): void {
    const key = `${lang}\n${text}`;
    if (key === this.key) return;
    this.key = key;
    this.text = text;
    this.lang = lang;
    if (this.memory.last?.key === key) {
      this.fetcher.cancel();
      this.seq++;
      this.value = this.memory.last.value;
      this.stale = false;
      return;
    }
    this.stale = this.value !== null;
    this.fetcher.schedule();
    if (this.value === null) this.fetcher.flush();
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
      const value = await this.get(this.text, this.lang);
      if (seq !== this.seq) return;
      this.value = value;
      this.stale = false;
      this.memory.last = { key, value };
    } catch {
      // A document with problems has no answer; the evaluation panel says why.
      if (seq === this.seq) this.stale = this.value !== null;
    }
  }
}
