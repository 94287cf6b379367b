/**
 * One open initiative: its document, the live evaluation and the autosave. Every change of
 * the document's text re-evaluates after ~100 ms of quiet and is saved after ~300 ms; leaving
 * the view or closing the window flushes a pending save, so no confirmed edit is lost.
 *
 * A decided version keeps its valuation (the store refuses changes to it with
 * `decided_locked`), but what happens after the decision — stage, texts, needs, tags and the
 * follow-ups — is still edited and saved into it. An older version is shown read-only.
 */
import * as api from "../api";
import type { Evaluation, NyttaDocument, Problem, StoredInitiative } from "../api";
import { debounce } from "../lib/debounce";
import { locale } from "../i18n/i18n.svelte";

/** The commands the editor needs (replaced by fakes in tests). */
export interface EditorApi {
  initiativeGet: typeof api.initiativeGet;
  versionGet: typeof api.versionGet;
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
    this.show(stored.document_json);
    this.savedText = this.text;
    this.saveState = "idle";
    await this.evaluate();
  }

  /** Shows an older version read-only, or the current one again (`null`). */
  async showVersion(versionId: number | null): Promise<void> {
    this.flush();
    const s = this.stored;
    if (!s) return;
    if (versionId === null || versionId === s.current_version_id) {
      this.viewing = null;
      this.show(s.document_json);
      this.savedText = this.text;
    } else {
      const v = await this.deps.versionGet(versionId);
      this.viewing = v.info.id;
      this.show(v.document_json);
    }
    await this.evaluate();
  }

  /** Shows a document; its text is kept in the compact form the editors write back. */
  private show(json: string): void {
    const doc = JSON.parse(json) as NyttaDocument;
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
      // The current version now holds this text (shown again after viewing an older one).
      if (this.stored) this.stored.document_json = text;
      this.savedText = text;
      if (this.text === text) this.saveState = "saved";
      this.saveError = null;
    } catch (e) {
      this.saveState = "error";
      this.saveError = api.messageOf(e, locale.lang);
    }
  }
}
