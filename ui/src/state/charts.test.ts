import { describe, expect, it, vi, afterEach } from "vitest";
import { ChartFeed, CHARTS_MS } from "./charts.svelte";
import type { ChartSet } from "../api/types/index";

const set = (name: string): ChartSet => ({ cash_flow: `<svg>${name}</svg>`, per_year: "", by_category: "", by_stakeholder: "", tornado: null, follow_ups: [] });

/** A fake chart command whose answers the test releases one by one. */
function fakeShell() {
  const calls: { text: string; answer: (s: ChartSet) => void; fail: (e: unknown) => void }[] = [];
  const get = vi.fn(
    (text: string) =>
      new Promise<ChartSet>((answer, fail) => {
        calls.push({ text, answer, fail });
      }),
  );
  return { calls, get };
}

afterEach(() => vi.useRealTimers());

describe("charts that follow the document", () => {
  it("asks at once for the first charts, then once after a pause in typing", async () => {
    vi.useFakeTimers();
    const shell = fakeShell();
    const feed = new ChartFeed(shell.get);
    feed.request("a", "sv");
    expect(shell.get).toHaveBeenCalledTimes(1);
    shell.calls[0].answer(set("a"));
    await vi.waitFor(() => expect(feed.value?.cash_flow).toBe("<svg>a</svg>"));
    for (const text of ["ab", "abc", "abcd"]) {
      feed.request(text, "sv");
      vi.advanceTimersByTime(CHARTS_MS - 10);
    }
    expect(shell.get).toHaveBeenCalledTimes(1);
    expect(feed.stale).toBe(true);
    vi.advanceTimersByTime(10);
    expect(shell.get).toHaveBeenCalledTimes(2);
    expect(shell.calls[1].text).toBe("abcd");
  });

  it("drops a late answer to an older text and keeps the last charts when one fails", async () => {
    vi.useFakeTimers();
    const shell = fakeShell();
    const feed = new ChartFeed(shell.get);
    feed.request("old", "sv");
    feed.request("new", "sv");
    vi.advanceTimersByTime(CHARTS_MS);
    shell.calls[1].answer(set("new"));
    shell.calls[0].answer(set("old"));
    await vi.waitFor(() => expect(feed.value?.cash_flow).toBe("<svg>new</svg>"));
    await Promise.resolve();
    expect(feed.value?.cash_flow).toBe("<svg>new</svg>");

    feed.request("broken", "sv");
    vi.advanceTimersByTime(CHARTS_MS);
    shell.calls[2].fail({ code: "json_syntax" });
    await vi.waitFor(() => expect(feed.stale).toBe(true));
    expect(feed.value?.cash_flow).toBe("<svg>new</svg>");
  });

  it("shows the charts another tab already has without asking again", async () => {
    const shell = fakeShell();
    const first = new ChartFeed(shell.get);
    first.request("same text", "en");
    shell.calls[0].answer(set("same"));
    await vi.waitFor(() => expect(first.value).not.toBeNull());
    const second = new ChartFeed(shell.get);
    second.request("same text", "en");
    expect(second.value?.cash_flow).toBe("<svg>same</svg>");
    expect(shell.get).toHaveBeenCalledTimes(1);
  });
});
