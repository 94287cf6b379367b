/**
 * One open initiative: its document, the live evaluation and the autosave. Every change of
 * the document's text re-evaluates after ~100 ms of quiet and is saved after ~300 ms; leaving
 * the view or closing the window flushes a pending save, so no confirmed edit is lost.
 *
 * Nothing typed is discarded: an edit that does not pass the check (a negative hourly cost,
 * a formula half typed) is kept whole as the initiative's working copy, which the editor
 * shows again next time; the version stays the last valid document until the problems are
 * fixed. `leaveRisk` tells the view whether leaving needs a question first.
 *
 * A decided version keeps its valuation (the store refuses changes to it with
 * `decided_locked`), but what happens after the decision — stage, texts, needs, tags and the
 * follow-ups — is still edited and saved into it. An older version is shown read-only.
 */
import * as api from "../api";
import type { Evaluation, NyttaDocument, Problem, StoredInitiative } from "../api";
import { parseDocument } from "../api/document";
import { debounce } from "../lib/debounce";
import { locale } from "../i18n/i18n.svelte";

/** The commands the editor needs (replaced by fakes in tests). */
export interface EditorApi {
  initiativeGet: typeof api.initiativeGet;
  versionGet: typeof api.versionGet;
  initiativeSave: typeof api.initiativeSave;
  initiativeDiscardWorkingCopy: typeof api.initiativeDiscardWorkingCopy;
  evaluateDocument: typeof api.evaluateDocument;
}

/** `kept`: saved as the working copy, since the document does not pass the check yet. */
export type SaveState = "idle" | "saving" | "saved" | "kept" | "error";

/** What leaving now would cost: nothing, edits that are only a working copy, or edits not saved. */
export type LeaveRisk = "none" | "working_copy" | "unsaved";

export const EVALUATE_MS = 100;
export const SAVE_MS = 300;

export class InitiativeEditor {
  readonly id: number;
  stored = $state<StoredInitiative | null>(null);
  doc = $state<NyttaDocument | null>(null);
  evaluation = $state<Evaluation | null>(null);
  problems = $state<Problem[]>([]);
  saveState = $state<SaveState>("idle");
  saveError = $state<string | null>(null);
  /** The version shown, when it is not the current one (read-only). */
  viewing = $state<number | null>(null);
  /** Whether the text shown is the working copy (edits that do not pass the check yet). */
  workingCopy = $state(false);

  private text = "";
  private savedText = "";
  private evalSeq = 0;
  private inflight: Promise<void> | null = null;
  private readonly deps: EditorApi;
  private readonly evaluator = debounce(() => void this.evaluate(), EVALUATE_MS);
  private readonly saver = debounce(() => {
    this.inflight = this.save();
  }, SAVE_MS);

  constructor(id: number, deps: EditorApi = api) {
    this.id = id;
    this.deps = deps;
  }

  /** Whether the current version is decided (its valuation cannot change). */
  get decided(): boolean {
    const s = this.stored;
    return s?.versions.find((v) => v.id === s.current_version_id)?.status === "decided";
  }

  /** Whether nothing may be edited: an older version is shown. */
  get readonly(): boolean {
    return this.viewing !== null;
  }

  /** Whether the valuation may not be edited: a decided or an older version. */
  get locked(): boolean {
    return this.readonly || this.decided;
  }

  async load(): Promise<void> {
    const stored = await this.deps.initiativeGet(this.id);
    this.stored = stored;
    this.viewing = null;
    this.showCurrent(stored);
    this.saveState = this.workingCopy ? "kept" : "idle";
    await this.evaluate();
  }

  /** Whether leaving now needs a question first (see {@link LeaveRisk}). */
  get leaveRisk(): LeaveRisk {
    if (this.readonly) return "none";
    if (this.text !== this.savedText || this.saveState === "error") return "unsaved";
    return this.workingCopy ? "working_copy" : "none";
  }

  /** Saves what is pending now and waits until the store has answered. */
  async settle(): Promise<void> {
    this.saver.flush();
    while (this.inflight) {
      const p = this.inflight;
      await p;
      if (this.inflight === p) this.inflight = null;
    }
  }

  /** Drops the working copy and shows the last valid document again. */
  async discardWorkingCopy(): Promise<void> {
    this.saver.cancel();
    await this.settle();
    await this.deps.initiativeDiscardWorkingCopy(this.id);
    await this.load();
  }

  /** Shows the current version, or its working copy when it has one. */
  private showCurrent(s: StoredInitiative): void {
    this.workingCopy = s.working_copy != null;
    this.show(s.working_copy ?? s.document_json);
    this.savedText = this.text;
  }

  /** Shows an older version read-only, or the current one again (`null`). */
  async showVersion(versionId: number | null): Promise<void> {
    await this.settle();
    const s = this.stored;
    if (!s) return;
    if (versionId === null || versionId === s.current_version_id) {
      this.viewing = null;
      this.showCurrent(s);
    } else {
      const v = await this.deps.versionGet(versionId);
      this.viewing = v.info.id;
      this.show(v.document_json);
    }
    await this.evaluate();
  }

  /**
   * Shows a document; its text is kept in the compact form the editors write back. A 64-bit
   * seed stays exact (see `parseDocument`).
   */
  private show(json: string): void {
    const doc = parseDocument(json);
    this.text = JSON.stringify(doc);
    this.doc = doc;
  }

  /** Called with the document's text after every edit. */
  changed(text: string): void {
    if (text === this.text) return;
    this.text = text;
    this.evaluator.schedule();
    if (!this.readonly && text !== this.savedText) {
      this.saveState = "saving";
      this.saver.schedule();
    } else if (this.saveState === "error" && !this.saver.pending) {
      // Back to what is stored (the edit the store refused was undone): nothing is pending,
      // and a "Kunde inte spara …" about the undone edit would be stale.
      this.saveState = this.workingCopy ? "kept" : "saved";
      this.saveError = null;
    }
  }

  /** Runs pending work now (before leaving the view or closing the window). */
  flush(): void {
    this.saver.flush();
    this.evaluator.flush();
  }

  /** Re-evaluates the current text; a late answer to an older text is dropped. */
  async evaluate(): Promise<void> {
    const seq = ++this.evalSeq;
    try {
      const evaluation = await this.deps.evaluateDocument(this.text, locale.lang);
      if (seq !== this.evalSeq) return;
      this.evaluation = evaluation;
      this.problems = [];
    } catch (e) {
      if (seq !== this.evalSeq) return;
      this.problems = api.toApiError(e).problems();
    }
  }

  private async save(): Promise<void> {
    const text = this.text;
    try {
      const out = await this.deps.initiativeSave(this.id, text);
      // The current version (or its working copy) now holds this text, shown again after
      // viewing an older one.
      if (this.stored) {
        if (out.saved) this.stored.document_json = text;
        this.stored.working_copy = out.saved ? null : text;
      }
      this.savedText = text;
      this.workingCopy = !out.saved;
      if (this.text === text) this.saveState = out.saved ? "saved" : "kept";
      this.saveError = null;
    } catch (e) {
      this.saveState = "error";
      this.saveError = api.messageOf(e, locale.lang);
    }
  }
}
