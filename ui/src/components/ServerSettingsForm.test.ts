import { describe, expect, it, beforeEach } from "vitest";
import { render, screen, cleanup, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import ServerSettingsForm from "./ServerSettingsForm.svelte";
import { installMockIpc } from "../api/mock";
import { mockServerSettings } from "../api/mock-sync";
import { setLang } from "../i18n/i18n.svelte";

beforeEach(() => {
  cleanup();
  installMockIpc();
  setLang("sv");
});

describe("the server settings", () => {
  it("ask for no password and say where it comes from, in Swedish and English", async () => {
    render(ServerSettingsForm);
    const help = await screen.findByTestId("server-password-help");
    expect(help.textContent).toContain("Lösenordet skrivs inte här och sparas aldrig i Nytta");
    expect(help.textContent).toContain("PGPASSWORD");
    expect(help.textContent).toContain("~/.pgpass");
    expect(screen.queryByLabelText(/lösenord/i)).toBeNull();
    expect(document.querySelector("input[type=password]")).toBeNull();
    setLang("en");
    expect((await screen.findByTestId("server-password-help")).textContent).toContain(
      "The password is not typed here and never stored by Nytta: as in psql, it comes from the environment variable PGPASSWORD or the password file ~/.pgpass",
    );
  });

  it("show each problem at its field and save nothing until they are corrected", async () => {
    const user = userEvent.setup();
    render(ServerSettingsForm);
    await user.click(await screen.findByRole("button", { name: "Spara serverinställningar" }));
    const host = screen.getByLabelText("Serverns adress");
    expect(host.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(host.getAttribute("aria-describedby") ?? "")?.textContent).toBe("Serverns adress saknas");
    const ca = screen.getByLabelText("CA-fil (sökväg, krävs för verify-full)");
    expect(document.getElementById(ca.getAttribute("aria-describedby") ?? "")?.textContent).toBe(
      "Läget verify-full kräver en CA-fil att kontrollera serverns certifikat mot",
    );
    expect(screen.getByLabelText("Databas").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByLabelText("Användare (din PostgreSQL-roll)").getAttribute("aria-invalid")).toBe("true");
    expect(mockServerSettings()).toBeNull();

    await user.type(host, "nytta.kommun.se");
    const port = screen.getByLabelText("Port");
    await user.clear(port);
    await user.type(port, "5433");
    await user.type(screen.getByLabelText("Databas"), "nytta");
    await user.type(screen.getByLabelText("Användare (din PostgreSQL-roll)"), "handlaggare_omsorg");
    await user.click(screen.getByLabelText(/^require:/));
    await user.click(screen.getByRole("button", { name: "Spara serverinställningar" }));
    await waitFor(() => expect(mockServerSettings()).not.toBeNull());
    expect(mockServerSettings()).toEqual({
      host: "nytta.kommun.se",
      port: 5433,
      database: "nytta",
      user: "handlaggare_omsorg",
      tls: "require",
      ca_file: null,
    });
    expect(host.getAttribute("aria-invalid")).toBeNull();
  });

  it("show a port out of range at the port field, not under another field", async () => {
    const user = userEvent.setup();
    render(ServerSettingsForm);
    await user.type(await screen.findByLabelText("Serverns adress"), "db.koncern.example");
    const port = screen.getByLabelText("Port");
    await user.clear(port);
    await user.type(port, "99999");
    await user.type(screen.getByLabelText("Databas"), "nytta");
    await user.type(screen.getByLabelText("Användare (din PostgreSQL-roll)"), "handlaggare_omsorg");
    await user.click(screen.getByLabelText(/^require:/));
    await user.click(screen.getByRole("button", { name: "Spara serverinställningar" }));
    await waitFor(() => expect(port.getAttribute("aria-invalid")).toBe("true"));
    expect(document.getElementById(port.getAttribute("aria-describedby") ?? "")?.textContent).toBe(
      "Porten 99999 ska vara mellan 1 och 65535",
    );
    expect(screen.getByLabelText("Databas").getAttribute("aria-invalid")).toBeNull();
    expect(screen.getByLabelText("CA-fil (sökväg, krävs för verify-full)").getAttribute("aria-invalid")).toBeNull();
    expect(screen.queryAllByRole("alert")).toHaveLength(0);
    expect(mockServerSettings()).toBeNull();
  });
});
