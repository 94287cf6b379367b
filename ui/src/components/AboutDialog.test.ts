import { describe, expect, it, beforeEach } from "vitest";
import { render, screen, cleanup, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import App from "../App.svelte";
import { installMockIpc } from "../api/mock";
import { setLang } from "../i18n/i18n.svelte";

beforeEach(() => {
  cleanup();
  setLang("sv");
});

describe("Om Nytta", () => {
  it("opens from the header with the version, the store, its schema and every licence", async () => {
    installMockIpc();
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole("button", { name: "Om Nytta" }));
    const dialog = await screen.findByTestId("about-dialog");
    expect(within(dialog).getByRole("heading", { name: "Om Nytta" })).toBeTruthy();
    // The mock shell's answer (api/mock.ts): version 0.1.0, EUPL-1.2, nytta.db at schema 5.
    expect((await within(dialog).findByTestId("about-version")).textContent).toBe("0.1.0");
    expect(within(dialog).getByTestId("about-licence").textContent).toBe("EUPL-1.2");
    expect(within(dialog).getByTestId("about-db-path").textContent).toBe("nytta.db");
    expect(within(dialog).getByTestId("about-schema").textContent).toBe("5");
    // Two crates and one npm package, each list under its own caption with its count.
    const crates = within(dialog).getByRole("table", { name: "Rust-bibliotek i programmet (2)" });
    expect(within(crates).getAllByRole("row").map((r) => r.textContent)).toEqual([
      "NamnVersionLicens",
      "rusqlite0.43.0MIT",
      "tauri2.12.5Apache-2.0 OR MIT",
    ]);
    const npm = within(dialog).getByRole("table", { name: "npm-paket i gränssnittet (1)" });
    expect(within(npm).getAllByRole("row").map((r) => r.textContent)).toEqual([
      "NamnVersionLicens",
      "svelte5.57.3MIT",
    ]);
    await user.click(within(dialog).getByRole("button", { name: "Stäng" }));
    expect(dialog.hasAttribute("open")).toBe(false);
  });

  it("speaks English after the switch", async () => {
    installMockIpc();
    const user = userEvent.setup();
    render(App);
    await user.selectOptions(await screen.findByTestId("lang-switch"), "en");
    await user.click(await screen.findByRole("button", { name: "About Nytta" }));
    const dialog = await screen.findByTestId("about-dialog");
    expect(within(dialog).getByRole("heading", { name: "About Nytta" })).toBeTruthy();
    await within(dialog).findByTestId("about-version");
    expect(within(dialog).getByText("Database schema version")).toBeTruthy();
    expect(within(dialog).getByRole("table", { name: "Rust libraries in the program (2)" })).toBeTruthy();
    expect(within(dialog).getByRole("table", { name: "npm packages in the interface (1)" })).toBeTruthy();
    expect(within(dialog).getByRole("button", { name: "Close" })).toBeTruthy();
  });

  it("says the database is not open when the store is damaged, and still names its file", async () => {
    installMockIpc("damaged");
    const user = userEvent.setup();
    render(App);
    await screen.findByTestId("store-error");
    await user.click(screen.getByRole("button", { name: "Om Nytta" }));
    const dialog = await screen.findByTestId("about-dialog");
    expect((await within(dialog).findByTestId("about-schema")).textContent).toBe(
      "– (databasen är inte öppen)",
    );
    expect(within(dialog).getByTestId("about-db-path").textContent).toBe("nytta.db");
  });
});
