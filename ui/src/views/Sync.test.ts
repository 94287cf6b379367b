import { describe, expect, it, beforeEach } from "vitest";
import { render, screen, cleanup, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import Sync from "./Sync.svelte";
import { installMockIpc } from "../api/mock";
import { mockSync, mockSyncHold } from "../api/mock-sync";
import { resetSync } from "../state/sync.svelte";
import type { SyncReport, SyncStatus } from "../api";
import { app } from "../state/app.svelte";
import { setLang } from "../i18n/i18n.svelte";

// Local times below are Stockholm's: 05:12 UTC on 30 November is 06:12 CET (UTC+1).
process.env.TZ = "Europe/Stockholm";

const SERVER = "handlaggare_omsorg@nytta.kommun.se:5432/nytta";

/** Offline, synced once before: two initiatives wait, three changes in all. */
const waiting: SyncStatus = {
  server: SERVER,
  last_synced_at: "2026-11-30T05:12:19Z",
  changes_waiting: 3,
  waiting: [
    { id: 5, title: "Digital tillsyn nattetid", department: "Omsorgsförvaltningen", changes: 2 },
    { id: 7, title: "Trygghetskamera i hemtjänsten", department: "Omsorgsförvaltningen", changes: 1 },
  ],
  conflicts: [],
  demo_kept_local: 0,
  examples_kept_local: 0,
};

const conflict = { id: 5, title: "Digital tillsyn nattetid", department: "Omsorgsförvaltningen", version_number: 2, other_number: 1, pushed_by: null };

/** What the sync did: two sent, three brought in, and this machine's draft kept as version 2. */
const report: SyncReport = {
  server: SERVER,
  pushed: 2,
  pulled: 3,
  refused: [],
  conflicts: [conflict],
  new_conflicts: [{ ...conflict, other_number: null }],
  waiting: [],
  synced_at: "2026-11-30T05:15:02Z",
  millis: 140,
};

beforeEach(() => {
  cleanup();
  installMockIpc();
  resetSync();
  setLang("sv");
  app.view = { name: "sync" };
});

describe("the sync panel", () => {
  it("shows the server, the last sync in local time and what waits, before syncing", async () => {
    mockSync(waiting, report);
    render(Sync);
    expect((await screen.findByTestId("sync-waiting")).textContent).toBe("3 ändringar väntar");
    expect(screen.getByTestId("sync-server").textContent?.trim()).toBe(SERVER);
    expect(screen.getByTestId("sync-last").textContent?.trim()).toBe("2026-11-30 06:12");
    const rows = within(screen.getByTestId("sync-waiting-list")).getAllByRole("row").map((r) => r.textContent);
    expect(rows).toEqual([
      "InitiativFörvaltningÄndringar",
      "Digital tillsyn nattetidOmsorgsförvaltningen2",
      "Trygghetskamera i hemtjänstenOmsorgsförvaltningen1",
    ]);
  });

  it("syncs, then says what it did, that nothing waits and names the conflict with a way to it", async () => {
    const user = userEvent.setup();
    mockSync(waiting, report, { ...waiting, last_synced_at: report.synced_at, changes_waiting: 0, waiting: [], conflicts: [conflict] });
    render(Sync);
    await user.click(await screen.findByRole("button", { name: "Synkronisera" }));
    expect((await screen.findByTestId("sync-done")).textContent).toBe("Synkroniserat 2026-11-30 06:15. Skickade initiativ: 2. Hämtade initiativ: 3.");
    await waitFor(() => expect(screen.getByTestId("sync-waiting").textContent).toBe("0 ändringar väntar"));
    expect(screen.getByTestId("sync-last").textContent?.trim()).toBe("2026-11-30 06:15");
    expect(screen.queryByTestId("sync-waiting-list")).toBeNull();
    const item = screen.getByTestId("sync-conflict");
    expect(item.textContent?.replace(/\s+/g, " ").trim()).toBe(
      "Digital tillsyn nattetid (Omsorgsförvaltningen): version 2 är konfliktversionen, bredvid version 1 ny",
    );
    await user.click(within(item).getByRole("button", { name: "Digital tillsyn nattetid" }));
    expect(app.view).toEqual({ name: "initiative", id: 5 });
  });

  it("says that the demo data and the examples are not synchronised, with their counts, in Swedish and English", async () => {
    mockSync({ ...waiting, changes_waiting: 0, waiting: [], demo_kept_local: 1453, examples_kept_local: 4 }, report);
    render(Sync);
    expect((await screen.findByTestId("sync-waiting")).textContent).toBe("0 ändringar väntar");
    expect(screen.getByTestId("sync-kept-local").textContent).toBe(
      "Demodata (1 453 initiativ) och exemplen (4 initiativ) synkroniseras inte: de finns bara på den här datorn.",
    );
    setLang("en");
    await waitFor(() =>
      expect(screen.getByTestId("sync-kept-local").textContent).toBe(
        "Demo data (1,453 initiatives) and the examples (4 initiatives) are not synchronised: they are only on this computer.",
      ),
    );
    cleanup();
    resetSync();
    setLang("sv");
    mockSync({ ...waiting, demo_kept_local: 0, examples_kept_local: 1 }, report);
    render(Sync);
    expect((await screen.findByTestId("sync-kept-local")).textContent).toBe("Exemplen (1 initiativ) synkroniseras inte: de finns bara på den här datorn.");
  });

  it("tells what failed when the server cannot be reached, and the changes still wait", async () => {
    const user = userEvent.setup();
    const one = { ...waiting, changes_waiting: 1, waiting: [waiting.waiting[1]] };
    mockSync(one, {
      code: "server_unreachable",
      message_sv: "Servern går inte att nå. Inget är förlorat: 1 ändring väntar i den lokala databasen och skickas vid nästa synkronisering. Teknisk detalj: nytta.kommun.se:5432/nytta: connection refused",
      message_en: "The server cannot be reached. Nothing is lost: 1 change waits in the local database and is sent by the next sync. Technical detail: nytta.kommun.se:5432/nytta: connection refused",
    });
    render(Sync);
    await user.click(await screen.findByRole("button", { name: "Synkronisera" }));
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByRole("heading").textContent).toBe("Synkroniseringen misslyckades");
    expect(alert.textContent).toContain("Servern går inte att nå. Inget är förlorat: 1 ändring väntar");
    expect(screen.getByTestId("sync-waiting").textContent).toBe("1 ändring väntar");
    expect(screen.queryByTestId("sync-done")).toBeNull();
  });

  it("names an initiative the server refused, in English after the switch", async () => {
    const user = userEvent.setup();
    setLang("en");
    mockSync(waiting, {
      ...report,
      pushed: 1,
      conflicts: [],
      new_conflicts: [],
      refused: [{
        id: 7, title: "Trygghetskamera i hemtjänsten", department: "Arbete och välfärd", code: "server_refused",
        message_sv: "”Trygghetskamera i hemtjänsten” (Arbete och välfärd): Databasen tillåter inte ändringen: din roll får bara ändra den egna förvaltningens initiativ. Teknisk detalj: initiative 1",
        message_en: "“Trygghetskamera i hemtjänsten” (Arbete och välfärd): The database does not allow the change: your role may only change its own department's initiatives. Technical detail: initiative 1",
      }],
    });
    render(Sync);
    await user.click(await screen.findByRole("button", { name: "Sync" }));
    const refused = await screen.findByTestId("sync-refused");
    expect(screen.getByTestId("sync-done").textContent).toBe("Synced 2026-11-30 06:15. Initiatives sent: 1. Initiatives brought in: 3.");
    expect(within(refused).getByRole("heading").textContent).toBe("Refused by the server");
    expect(within(refused).getByRole("listitem").textContent).toBe(
      "“Trygghetskamera i hemtjänsten” (Arbete och välfärd): The database does not allow the change: your role may only change its own department's initiatives. Technical detail: initiative 1",
    );
  });

  it("shows a sync still running when the view is opened again, then what it did", async () => {
    const user = userEvent.setup();
    mockSync(waiting, report, { ...waiting, last_synced_at: report.synced_at, changes_waiting: 0, waiting: [], conflicts: [] });
    const release = mockSyncHold();
    const first = render(Sync);
    await user.click(await screen.findByRole("button", { name: "Synkronisera" }));
    const button = await screen.findByRole("button", { name: "Synkroniserar …" });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    first.unmount();

    render(Sync);
    expect(((await screen.findByRole("button", { name: "Synkroniserar …" })) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId("sync-progress").textContent).toBe("Synkroniserar …");
    release();
    expect((await screen.findByTestId("sync-done")).textContent).toBe("Synkroniserat 2026-11-30 06:15. Skickade initiativ: 2. Hämtade initiativ: 3.");
    await waitFor(() => expect(screen.getByTestId("sync-waiting").textContent).toBe("0 ändringar väntar"));
    expect((screen.getByRole("button", { name: "Synkronisera" }) as HTMLButtonElement).disabled).toBe(false);
  });

  it("without a server set, offers the settings instead of a sync", async () => {
    const user = userEvent.setup();
    render(Sync);
    expect((await screen.findByTestId("sync-server")).textContent).toContain("Ingen server är inställd.");
    expect(screen.getByTestId("sync-last").textContent?.trim()).toBe("aldrig");
    expect(screen.getByTestId("sync-waiting").textContent).toBe("0 ändringar väntar");
    expect((screen.getByRole("button", { name: "Synkronisera" }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole("button", { name: "Ange servern under Inställningar" }));
    expect(app.view).toEqual({ name: "settings" });
  });
});
