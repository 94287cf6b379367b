import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { EVALUATE_MS, InitiativeEditor, SAVE_MS, type EditorApi } from "./editor.svelte";
import { SHELL } from "../api/mock";
import type { DraftSaved, StoredInitiative, VersionDocument } from "../api";

const DOC = '{"nytta":1,"initiative":{"title":"T"},"valuation":{"parameters":{"start_year":2025,"years":6,"discount_rate":"0.03"}}}';

function fakes(status: "draft" | "decided" = "draft") {
  const version = { ...SHELL.new_initiative.versions[0], id: 1, status };
  const stored: StoredInitiative = { ...SHELL.new_initiative, id: 7, current_version_id: 1, versions: [version], document_json: DOC, working_copy: null, working_copy_at: null };
  const deps = {
    initiativeGet: vi.fn(async (): Promise<StoredInitiative> => stored),
    versionGet: vi.fn(async (): Promise<VersionDocument> => ({ info: version, document_json: DOC })),
    initiativeSave: vi.fn(async (): Promise<DraftSaved> => ({ saved: SHELL.saved, problems: [] })),
    initiativeDiscardWorkingCopy: vi.fn(async () => {}),
    evaluateDocument: vi.fn(async () => SHELL.new_evaluation),
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

  it("does not save the text it loaded, even when the stored text is pretty-printed", async () => {
    const deps = fakes();
    deps.initiativeGet.mockResolvedValueOnce({ ...(await deps.initiativeGet()), document_json: JSON.stringify(JSON.parse(DOC), null, 2) });
    const editor = new InitiativeEditor(7, deps);
    await editor.load();
    editor.changed(DOC);
    await vi.advanceTimersByTimeAsync(SAVE_MS * 3);
    expect(deps.initiativeSave).not.toHaveBeenCalled();
  });

  it("locks a decided version's valuation but still saves its follow-ups and texts", async () => {
    const deps = fakes("decided");
    const editor = new InitiativeEditor(7, deps);
    await editor.load();
    expect(editor.locked).toBe(true);
    expect(editor.readonly).toBe(false);
    const withFollowUp = DOC.replace(/}$/, ',"follow_ups":[{"date":"2026-03-01","year":1}]}');
    editor.changed(withFollowUp);
    await vi.advanceTimersByTimeAsync(SAVE_MS);
    expect(deps.initiativeSave).toHaveBeenCalledWith(7, withFollowUp);
  });

  it("shows an older version read-only and never saves it", async () => {
    const deps = fakes();
    const editor = new InitiativeEditor(7, deps);
    await editor.load();
    await editor.showVersion(99);
    expect(deps.versionGet).toHaveBeenCalledWith(99);
    expect(editor.readonly).toBe(true);
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

  it("keeps an edit that does not pass the check as the working copy, and asks before leaving", async () => {
    const deps = fakes();
    const problem = { code: "invalid_value", path: "valuation.roles[0].hourly_cost", message_sv: "negativ", message_en: "negative" };
    deps.initiativeSave.mockResolvedValueOnce({ saved: null, problems: [problem] });
    const editor = new InitiativeEditor(7, deps);
    await editor.load();
    expect(editor.leaveRisk).toBe("none");
    const typed = DOC.replace('"T"', '"Nattillsyn"');
    editor.changed(typed);
    expect(editor.leaveRisk).toBe("unsaved");
    await editor.settle();
    expect(deps.initiativeSave).toHaveBeenCalledWith(7, typed);
    expect(editor.saveState).toBe("kept");
    expect(editor.workingCopy).toBe(true);
    expect(editor.leaveRisk).toBe("working_copy");
    // Fixed: the next save is valid, and nothing needs asking any more.
    editor.changed(DOC.replace('"T"', '"Nattillsyn i hemtjänsten"'));
    await editor.settle();
    expect(editor.saveState).toBe("saved");
    expect(editor.workingCopy).toBe(false);
    expect(editor.leaveRisk).toBe("none");
  });

  it("opens the working copy rather than the last valid version", async () => {
    const deps = fakes();
    const typed = DOC.replace('"T"', '"Skrivet"');
    deps.initiativeGet.mockResolvedValueOnce({ ...(await deps.initiativeGet()), working_copy: typed, working_copy_at: "2025-03-01T09:00:00Z" });
    const editor = new InitiativeEditor(7, deps);
    await editor.load();
    expect(editor.doc?.initiative.title).toBe("Skrivet");
    expect(editor.workingCopy).toBe(true);
    expect(editor.saveState).toBe("kept");
    await editor.discardWorkingCopy();
    expect(deps.initiativeDiscardWorkingCopy).toHaveBeenCalledWith(7);
    expect(editor.doc?.initiative.title).toBe("T");
    expect(editor.workingCopy).toBe(false);
  });

  it("drops a stale 'Kunde inte spara' once the refused edit is undone", async () => {
    const deps = fakes("decided");
    deps.initiativeSave.mockRejectedValueOnce({ code: "decided_locked", message_sv: "Versionen är beslutad", message_en: "The version is decided" });
    const editor = new InitiativeEditor(7, deps);
    await editor.load();
    editor.changed(DOC.replace('"years":6', '"years":10'));
    await vi.advanceTimersByTimeAsync(SAVE_MS);
    expect(editor.saveState).toBe("error");
    // Undone: the text is the stored one again, so there is nothing left that failed.
    editor.changed(DOC);
    expect(editor.saveState).toBe("saved");
    expect(editor.saveError).toBeNull();
    expect(editor.leaveRisk).toBe("none");
    await vi.advanceTimersByTimeAsync(SAVE_MS * 3);
    expect(deps.initiativeSave).toHaveBeenCalledTimes(1);
  });

  it("a failed save is a reason to ask before leaving", async () => {
    const deps = fakes();
    deps.initiativeSave.mockRejectedValueOnce({ code: "store_busy", message_sv: "Upptagen", message_en: "Busy" });
    const editor = new InitiativeEditor(7, deps);
    await editor.load();
    editor.changed(DOC.replace('"T"', '"X"'));
    await editor.settle();
    expect(editor.leaveRisk).toBe("unsaved");
  });
});
