/**
 * The mock shell's group server: the server settings kept in memory and checked the way
 * `nytta_app::server_settings::save` checks them (every field but the CA file's existence),
 * and the sync's state and outcome, which a page test sets with {@link mockSync}. Fresh:
 * no server set, nothing waiting, never synced.
 */
import type { ErrorDto, Problem, ServerSettings, SyncReport, SyncStatus } from "./types/index";

const fresh = (): SyncStatus => ({ server: null, last_synced_at: null, changes_waiting: 0, waiting: [], conflicts: [], demo_kept_local: 0, examples_kept_local: 0 });
let server: ServerSettings | null = null;
let status: SyncStatus = fresh();
let outcome: SyncReport | ErrorDto | null = null;
let after: SyncStatus | null = null;

/** While set, "Synkronisera" waits for it (a sync that takes a while). */
let hold: Promise<void> | null = null;

/** Back to a fresh store (called when the mock is installed). */
export function resetSyncMock(): void {
  server = null;
  status = fresh();
  outcome = null;
  after = null;
  hold = null;
}

/** Makes the next syncs wait until the returned function is called. */
export function mockSyncHold(): () => void {
  let release = () => {};
  hold = new Promise((done) => (release = done));
  return () => {
    hold = null;
    release();
  };
}

/** Sets the sync's state, what "Synkronisera" answers (a report, or an error it rejects
 * with) and the state after it. */
export function mockSync(before: SyncStatus, result: SyncReport | ErrorDto, next: SyncStatus = before): void {
  status = structuredClone(before);
  outcome = structuredClone(result);
  after = structuredClone(next);
}

/** The settings the mock holds (for page tests). */
export const mockServerSettings = (): ServerSettings | null => structuredClone(server);

const problem = (path: string, sv: string, en: string): Problem => ({
  code: "invalid_value",
  path,
  message_sv: `${path}: ${sv}`,
  message_en: `${path}: ${en}`,
});

function check(s: ServerSettings): Problem[] {
  const out: Problem[] = [];
  const text = (path: string, value: string, sv: string, en: string) => {
    if (value === "") out.push(problem(path, `${sv} saknas`, `The ${en} is missing`));
    else if (path === "server.host" && /\s/.test(value)) out.push(problem(path, `${sv} får inte innehålla mellanslag`, `The ${en} must not contain spaces`));
  };
  text("server.host", s.host, "Serverns adress", "server's address");
  text("server.database", s.database, "Databasens namn", "database name");
  text("server.user", s.user, "Användarnamnet", "user name");
  if (!(s.port >= 1 && s.port <= 65535)) out.push(problem("server.port", `Porten ${s.port} ska vara mellan 1 och 65535`, `The port ${s.port} must be between 1 and 65535`));
  if (s.tls === "verify-full" && !s.ca_file) {
    out.push(problem("server.ca_file", "Läget verify-full kräver en CA-fil att kontrollera serverns certifikat mot", "The verify-full mode needs a CA file to check the server's certificate against"));
  }
  return out;
}

/** The answer to a sync command, or `undefined` for any other command. */
export function syncMock(cmd: string, a: Record<string, unknown>): unknown {
  switch (cmd) {
    case "server_settings_get":
      return structuredClone(server);
    case "server_settings_save": {
      const given = a.settings as ServerSettings;
      const s: ServerSettings = {
        ...given,
        host: given.host.trim(),
        database: given.database.trim(),
        user: given.user.trim(),
        ca_file: given.ca_file?.trim() || null,
      };
      const problems = check(s);
      if (problems.length > 0) {
        const [first] = problems;
        throw { code: first.code, path: first.path, message_sv: first.message_sv, message_en: first.message_en, problems } satisfies ErrorDto;
      }
      server = s;
      status.server = `${s.user}@${s.host}:${s.port}/${s.database}`;
      return null;
    }
    case "sync_status":
      return structuredClone(status);
    case "sync_run": {
      if (hold) return hold.then(() => syncMock(cmd, a));
      const result = outcome ?? {
        code: "server_not_set",
        message_sv: "Ingen server är inställd: ange serverns adress, databas och användare under Inställningar.",
        message_en: "No server is set: give the server's address, database and user under Settings.",
      };
      if (after) status = structuredClone(after);
      if ("code" in result) throw structuredClone(result);
      return structuredClone(result);
    }
    default:
      return undefined;
  }
}

/** A store that has synced before, with two initiatives waiting; "Synkronisera" then sends
 * one, is refused the other and keeps a conflict (for the accessibility run, `?sync=sample`). */
export function mockSyncSample(): void {
  const server = "handlaggare_omsorg@nytta.kommun.se:5432/nytta";
  const conflict = { id: 1, title: "Digitala examinationer", department: "Omsorgsförvaltningen", version_number: 2, other_number: 1, pushed_by: "handlaggare_omsorg" };
  const refused = { id: 2, title: "Läkemedelsrobotar i boendestödet", department: "Arbete och välfärd" };
  const before: SyncStatus = {
    server,
    last_synced_at: "2026-11-30T07:45:00Z",
    changes_waiting: 3,
    waiting: [
      { id: conflict.id, title: conflict.title, department: conflict.department, changes: 2 },
      { ...refused, changes: 1 },
    ],
    conflicts: [],
    demo_kept_local: 0,
    examples_kept_local: 0,
  };
  mockSync(
    before,
    {
      server,
      pushed: 1,
      pulled: 4,
      refused: [{
        ...refused,
        code: "server_refused",
        message_sv: `”${refused.title}” (${refused.department}): Databasen tillåter inte ändringen: din roll får bara ändra den egna förvaltningens initiativ.`,
        message_en: `“${refused.title}” (${refused.department}): The database does not allow the change: your role may only change its own department's initiatives.`,
      }],
      conflicts: [conflict],
      new_conflicts: [{ ...conflict, other_number: null, pushed_by: null }],
      waiting: [{ ...refused, changes: 1 }],
      synced_at: "2026-11-30T08:02:00Z",
      millis: 180,
    },
    { ...before, last_synced_at: "2026-11-30T08:02:00Z", changes_waiting: 1, waiting: [{ ...refused, changes: 1 }], conflicts: [conflict] },
  );
}
