import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { EVALUATE_MS, InitiativeEditor, SAVE_MS, type EditorApi } from "./editor.svelte";
import emptyEval from "../test/fixtures/empty.eval.json";
import type { Evaluation, StoredInitiative } from "../api/types";

const DOC = '{"nytta":1,"initiative":{"title":"T"},"valuation":{"parameters":{"start_year":2025,"years":6,"discount_rate":"0.03"}}}';

function fakes(status: "draft" | "decided" = "draft") {
  const stored: StoredInitiative = {
    id: 7,
    example: false,
    current_version: 1,
    versions: [{ id: 1, label: "", date: null, status, document_json: DOC }],
    document_json: DOC,
  };
  const deps = {
    initiativeGet: vi.fn(async () => stored),
    initiativeSave: vi.fn(async () => ({ saved_at: "2025-01-01T00:00:00Z" })),
    evaluateDocument: vi.fn(async () => emptyEval as Evaluation),
  };
  return deps satisfies EditorApi;
}

describe("autosave and live evaluation are debounced", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("saves once, the last text, after the user stops typing", async () => {
    const deps = fakes();
    const editor = new InitiativeEditor(7, deps);
    await editor.load();
    deps.evaluateDocument.mockClear();
    editor.changed(DOC.replace('"T"', '"Ti"'));
    await vi.advanceTimersByTimeAsync(50);
    editor.changed(DOC.replace('"T"', '"Tit"'));
    await vi.advanceTimersByTimeAsync(50);
    editor.changed(DOC.replace('"T"', '"Titel"'));
    expect(editor.saveState).toBe("saving");
    await vi.advanceTimersByTimeAsync(EVALUATE_MS);
    expect(deps.evaluateDocument).toHaveBeenCalledTimes(1);
    expect(deps.initiativeSave).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(SAVE_MS);
    expect(deps.initiativeSave).toHaveBeenCalledTimes(1);
    expect(deps.initiativeSave).toHaveBeenCalledWith(7, DOC.replace('"T"', '"Titel"'));
    expect(editor.saveState).toBe("saved");
  });

  it("flush saves a pending edit at once (leaving the view, closing the window)", async () => {
    const deps = fakes();
    const editor = new InitiativeEditor(7, deps);
    await editor.load();
    editor.changed(DOC.replace('"T"', '"X"'));
    editor.flush();
    expect(deps.initiativeSave).toHaveBeenCalledWith(7, DOC.replace('"T"', '"X"'));
  });

  it("does not save the text it loaded, nor a decided version", async () => {
    const deps = fakes("decided");
    const editor = new InitiativeEditor(7, deps);
    await editor.load();
    expect(editor.locked).toBe(true);
    editor.changed(DOC.replace('"T"', '"X"'));
    await vi.advanceTimersByTimeAsync(SAVE_MS * 3);
    expect(deps.initiativeSave).not.toHaveBeenCalled();
  });

  it("shows the save failure's message", async () => {
    const deps = fakes();
    deps.initiativeSave.mockRejectedValueOnce({ code: "io", message_sv: "Disken är full", message_en: "Disk full" });
    const editor = new InitiativeEditor(7, deps);
    await editor.load();
    editor.changed(DOC.replace('"T"', '"X"'));
    await vi.advanceTimersByTimeAsync(SAVE_MS);
    expect(editor.saveState).toBe("error");
    expect(editor.saveError).toBe("Disken är full");
  });
});
