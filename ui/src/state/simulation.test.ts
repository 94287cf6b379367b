import { describe, expect, it, vi } from "vitest";
import { InitiativeEditor, SAVE_MS, type EditorApi } from "./editor.svelte";
import { parseDocument } from "../api/document";
import { SHELL } from "../api/mock";
import type { DraftSaved, StoredInitiative, VersionDocument } from "../api";

// A seed above 2^53: JSON.parse would make it 18446744073709552000.
const DOC =
  '{"nytta":1,"initiative":{"title":"T"},"valuation":{"parameters":{"start_year":2025,"years":6,"discount_rate":"0.03"},' +
  '"inputs":[{"id":"n","name":"Antal","value":10,"low":8,"high":14,"distribution":"triangular"}],' +
  '"simulation":{"draws":5000,"seed":18446744073709551615}}}';

describe("a document with a distribution and simulation settings", () => {
  it("keeps a seed beyond JavaScript's exact integers as its digits", () => {
    const doc = parseDocument(DOC);
    expect(doc.valuation.simulation).toEqual({ draws: 5000, seed: "18446744073709551615" });
    // What JSON.parse alone makes of it: the nearest double, another seed.
    expect(String(JSON.parse(DOC).valuation.simulation.seed)).toBe("18446744073709552000");
    // Numbers JavaScript holds exactly stay numbers; strings and escapes are left alone.
    const other = parseDocument('{"a":-12,"b":"x\\"18446744073709551615","c":1.5,"d":9007199254740993,"e":1e3}' as string) as unknown as Record<string, unknown>;
    expect(other).toEqual({ a: -12, b: 'x"18446744073709551615', c: 1.5, d: "9007199254740993", e: 1000 });
  });

  it("saves both after an edit elsewhere, the seed exact", async () => {
    vi.useFakeTimers();
    const version = { ...SHELL.new_initiative.versions[0], id: 1, status: "draft" as const };
    const stored: StoredInitiative = { ...SHELL.new_initiative, id: 7, current_version_id: 1, versions: [version], document_json: DOC, working_copy: null, working_copy_at: null };
    const deps = {
      initiativeGet: vi.fn(async (): Promise<StoredInitiative> => stored),
      versionGet: vi.fn(async (): Promise<VersionDocument> => ({ info: version, document_json: DOC })),
      initiativeSave: vi.fn(async (): Promise<DraftSaved> => ({ saved: SHELL.saved, problems: [] })),
      initiativeDiscardWorkingCopy: vi.fn(async () => {}),
      evaluateDocument: vi.fn(async () => SHELL.new_evaluation),
    } satisfies EditorApi;
    const editor = new InitiativeEditor(7, deps);
    await editor.load();
    editor.doc!.initiative.title = "Ny titel";
    editor.changed(JSON.stringify(editor.doc));
    await vi.advanceTimersByTimeAsync(SAVE_MS * 2);
    vi.useRealTimers();
    expect(deps.initiativeSave).toHaveBeenCalledTimes(1);
    const saved = String((deps.initiativeSave.mock.calls as unknown[][])[0][1]);
    expect(saved).toContain('"title":"Ny titel"');
    expect(saved).toContain('"distribution":"triangular"');
    expect(saved).toContain('"simulation":{"draws":5000,"seed":"18446744073709551615"}');
  });
});
