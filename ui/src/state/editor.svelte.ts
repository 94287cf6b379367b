/**
 * One open initiative: its document, the live evaluation and the autosave. Every change of
 * the document's text re-evaluates after ~100 ms of quiet and is saved after ~300 ms; leaving
 * the view or closing the window flushes a pending save, so no confirmed edit is lost.
 */
import * as api from "../api";
import type { Evaluation, NyttaDocument, Problem, StoredInitiative } from "../api";
import { debounce } from "../lib/debounce";
import { locale } from "../i18n/i18n.svelte";

/** The commands the editor needs (replaced by fakes in tests). */
export interface EditorApi {
  initiativeGet: typeof api.initiativeGet;
  initiativeSave: typeof api.initiativeSave;
  evaluateDocument: typeof api.evaluateDocument;
}

export type SaveState = "idle" | "saving" | "saved" | "error";

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

  private text = "";
  private savedText = "";
  private evalSeq = 0;
  private readonly deps: EditorApi;
  private readonly evaluator = debounce(() => void this.evaluate(), EVALUATE_MS);
  private readonly saver = debounce(() => void this.save(), SAVE_MS);

  constructor(id: number, deps: EditorApi = api) {
    this.id = id;
    this.deps = deps;
  }

  /** Whether the shown document may be edited. */
  get locked(): boolean {
    if (this.viewing !== null) return true;
    const s = this.stored;
    const current = s?.versions.find((v) => v.id === s.current_version);
    return current?.status === "decided" || this.doc?.valuation.status === "decided";
  }

  async load(): Promise<void> {
    const stored = await this.deps.initiativeGet(this.id);
    this.stored = stored;
    this.viewing = null;
    this.text = stored.document_json;
    this.savedText = stored.document_json;
    this.doc = JSON.parse(stored.document_json) as NyttaDocument;
    this.saveState = "idle";
    await this.evaluate();
  }

  /** Shows an older version read-only, or the current one again (`null`). */
  async showVersion(versionId: number | null): Promise<void> {
    this.flush();
    const s = this.stored;
    if (!s) return;
    const v = versionId === null ? null : s.versions.find((x) => x.id === versionId);
    const json = v && v.id !== s.current_version ? v.document_json : s.document_json;
    this.viewing = v && v.id !== s.current_version ? v.id : null;
    this.doc = JSON.parse(json) as NyttaDocument;
    this.text = json;
    await this.evaluate();
  }

  /** Called with the document's text after every edit. */
  changed(text: string): void {
    if (text === this.text) return;
    this.text = text;
    this.evaluator.schedule();
    if (!this.locked && text !== this.savedText) {
      this.saveState = "saving";
      this.saver.schedule();
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
      await this.deps.initiativeSave(this.id, text);
      this.savedText = text;
      if (this.text === text) this.saveState = "saved";
      this.saveError = null;
    } catch (e) {
      this.saveState = "error";
      this.saveError = api.messageOf(e, locale.lang);
    }
  }
}
