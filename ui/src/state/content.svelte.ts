/**
 * The business case of the open document as content blocks from the shell — the document
 * its PDF prints — through a quiet feed (`feed.svelte.ts`).
 */
import * as reports from "../api/reports";
import type { Block } from "../api/types/index";
import { type Memory, QuietFeed } from "./feed.svelte";

const memory: Memory<Block[]> = { last: null };

export class ContentFeed extends QuietFeed<Block[]> {
  constructor(get: typeof reports.businessCaseContent = reports.businessCaseContent) {
    super(get, memory);
  }
}
