import { describe, expect, it, vi, afterEach } from "vitest";
import { ContentFeed } from "./content.svelte";
import { CHARTS_MS } from "./charts.svelte";
import type { Block } from "../api/types/index";

const doc = (name: string): Block[] => [{ kind: "heading", level: 1, text: name }];
const first = (blocks: Block[] | null) => (blocks?.[0]?.kind === "heading" ? blocks[0].text : null);

/** A fake content command whose answers the test releases one by one. */
function fakeShell() {
  const calls: { text: string; lang: string; answer: (b: Block[]) => void; fail: (e: unknown) => void }[] = [];
  const get = vi.fn(
    (text: string, lang: string) =>
      new Promise<Block[]>((answer, fail) => {
        calls.push({ text, lang, answer, fail });
      }),
  );
  return { calls, get };
}

afterEach(() => vi.useRealTimers());

describe("the business case that follows the document", () => {
  it("asks at once for the first document, then once after a pause in typing, and again in a new language", async () => {
    vi.useFakeTimers();
    const shell = fakeShell();
    const feed = new ContentFeed(shell.get);
    feed.request("a", "sv");
    expect(shell.get).toHaveBeenCalledTimes(1);
    shell.calls[0].answer(doc("a"));
    await vi.waitFor(() => expect(first(feed.value)).toBe("a"));
    for (const text of ["ab", "abc"]) {
      feed.request(text, "sv");
      vi.advanceTimersByTime(CHARTS_MS - 10);
    }
    expect(shell.get).toHaveBeenCalledTimes(1);
    expect(feed.stale).toBe(true);
    vi.advanceTimersByTime(10);
    expect(shell.calls[1]).toMatchObject({ text: "abc", lang: "sv" });
    feed.request("abc", "en");
    vi.advanceTimersByTime(CHARTS_MS);
    expect(shell.calls[2]).toMatchObject({ text: "abc", lang: "en" });
  });

  it("drops a late answer to an older text and keeps the last document, marked stale, when one fails", async () => {
    vi.useFakeTimers();
    const shell = fakeShell();
    const feed = new ContentFeed(shell.get);
    feed.request("old", "sv");
    feed.request("new", "sv");
    vi.advanceTimersByTime(CHARTS_MS);
    shell.calls[1].answer(doc("new"));
    shell.calls[0].answer(doc("old"));
    await vi.waitFor(() => expect(first(feed.value)).toBe("new"));
    await Promise.resolve();
    expect(first(feed.value)).toBe("new");

    feed.request("broken", "sv");
    vi.advanceTimersByTime(CHARTS_MS);
    shell.calls[2].fail({ code: "json_syntax" });
    await vi.waitFor(() => expect(feed.stale).toBe(true));
    expect(first(feed.value)).toBe("new");
  });
});
