import { describe, expect, it, beforeEach } from "vitest";
import { render, screen, waitFor, within, cleanup } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import Portfolio from "./Portfolio.svelte";
import { installMockIpc, mockChooseFile } from "../api/mock";
import * as api from "../api";
import { app } from "../state/app.svelte";
import { setLang } from "../i18n/i18n.svelte";

beforeEach(() => {
  cleanup();
  installMockIpc();
  setLang("sv");
  app.view = { name: "portfolio" };
});

/** An example exported from the store, as a file would hold it. */
async function exported(title: string): Promise<{ id: number; text: string }> {
  const row = (await api.portfolioList()).find((r) => r.title === title)!;
  return { id: row.id, text: (await api.initiativeGet(row.id)).document_json };
}

describe("importing a document that is already in the store", () => {
  it("asks instead of making a silent duplicate; cancel imports nothing", async () => {
    const user = userEvent.setup();
    const { text } = await exported("Digitala medicinskåp");
    render(Portfolio);
    const before = (await screen.findAllByTestId("portfolio-row")).length;
    mockChooseFile("/hem/digitala-medicinskap.nytta.json", text);
    await user.click(screen.getByRole("button", { name: "Importera" }));
    const dialog = await screen.findByTestId("import-duplicate");
    expect(dialog.textContent).toContain("Portföljen har redan ”Digitala medicinskåp” (Omsorgsförvaltningen)");
    expect(within(dialog).getByTestId("import-new-version").textContent).toBe("Ny version av ”Digitala medicinskåp”");
    await user.click(within(dialog).getByTestId("import-cancel"));
    expect(screen.queryByTestId("import-duplicate")?.hasAttribute("open") ?? false).toBe(false);
    expect(await api.portfolioList()).toHaveLength(before);
    expect(screen.getAllByTestId("portfolio-row")).toHaveLength(before);
  });

  it("imports a new copy beside the existing initiative", async () => {
    const user = userEvent.setup();
    const { text } = await exported("Digitala medicinskåp");
    render(Portfolio);
    const before = (await screen.findAllByTestId("portfolio-row")).length;
    mockChooseFile("/hem/kopia.nytta.json", text);
    await user.click(screen.getByRole("button", { name: "Importera" }));
    await user.click(within(await screen.findByTestId("import-duplicate")).getByTestId("import-copy"));
    await waitFor(() => expect(screen.getAllByTestId("portfolio-row")).toHaveLength(before + 1));
    expect((await api.portfolioList()).filter((r) => r.title === "Digitala medicinskåp")).toHaveLength(2);
  });

  it("imports a new version of the existing initiative, adding no initiative", async () => {
    const user = userEvent.setup();
    const { id, text } = await exported("Digitala medicinskåp");
    const versions = (await api.initiativeGet(id)).versions.length;
    render(Portfolio);
    const before = (await screen.findAllByTestId("portfolio-row")).length;
    mockChooseFile("/hem/ny-version.nytta.json", text);
    await user.click(screen.getByRole("button", { name: "Importera" }));
    await user.click(within(await screen.findByTestId("import-duplicate")).getByTestId("import-new-version"));
    await waitFor(async () => expect((await api.initiativeGet(id)).versions).toHaveLength(versions + 1));
    expect(await api.portfolioList()).toHaveLength(before);
  });

  it("imports a document that is not in the store without asking", async () => {
    const user = userEvent.setup();
    const doc = JSON.parse((await exported("Digitala medicinskåp")).text) as api.NyttaDocument;
    doc.initiative.title = "Digital nattillsyn";
    render(Portfolio);
    const before = (await screen.findAllByTestId("portfolio-row")).length;
    mockChooseFile("/hem/nattillsyn.nytta.json", JSON.stringify(doc));
    await user.click(screen.getByRole("button", { name: "Importera" }));
    await waitFor(() => expect(screen.getAllByTestId("portfolio-row")).toHaveLength(before + 1));
    expect(screen.queryByTestId("import-duplicate")?.hasAttribute("open") ?? false).toBe(false);
  });
});

describe("the first start", () => {
  it("says what Nytta is and offers an example, a new initiative and an import", async () => {
    const user = userEvent.setup();
    render(Portfolio);
    const intro = await screen.findByTestId("first-start");
    expect(intro.textContent).toContain("Nytta gör nyttovärderingar av digitaliseringsinitiativ");
    const example = within(intro).getByTestId("intro-example");
    expect(example.textContent).toMatch(/^Öppna exemplet ”.+”$/);
    expect(within(intro).getByTestId("intro-new").textContent).toBe("Skapa nytt initiativ");
    expect(within(intro).getByTestId("intro-import").textContent).toBe("Importera ett dokument");
    await user.click(example);
    const first = (await api.portfolioList()).find((r) => r.example)!;
    expect(app.view).toEqual({ name: "initiative", id: first.id });
  });

  it("offers a new initiative from the introduction", async () => {
    const user = userEvent.setup();
    render(Portfolio);
    await user.click(within(await screen.findByTestId("first-start")).getByTestId("intro-new"));
    expect(await screen.findByTestId("new-title")).toBeTruthy();
  });

  it("is gone once the portfolio holds an initiative of the user's own", async () => {
    await api.initiativeCreate("Digital nattillsyn", "Omsorgsförvaltningen");
    render(Portfolio);
    await screen.findAllByTestId("portfolio-row");
    expect(screen.queryByTestId("first-start")).toBeNull();
  });

  it("in an empty store offers a new initiative and an import, but no example", async () => {
    cleanup();
    installMockIpc("empty");
    render(Portfolio);
    const intro = await screen.findByTestId("first-start");
    expect(within(intro).queryByTestId("intro-example")).toBeNull();
    expect(within(intro).getByTestId("intro-new")).toBeTruthy();
  });
});

describe("Exportera", () => {
  it("says what it exports and in what form without a hover, in Swedish and English", async () => {
    const user = userEvent.setup();
    render(Portfolio);
    const button = screen.getByTestId("export");
    expect(button.textContent).toBe("Exportera som fil");
    expect(button.getAttribute("title")).toBeNull();
    const note = screen.getByTestId("export-note");
    expect(button.getAttribute("aria-describedby")).toBe(note.id);
    expect(note.textContent).toContain("som en dokumentfil, .nytta.json");
    expect(note.textContent).toContain("Markera först en rad");
    const row = (await screen.findAllByTestId("portfolio-row"))[0];
    await user.click(row);
    const title = within(row).getByTestId("open-initiative").textContent!;
    expect(note.textContent).toContain(`Exportera sparar ”${title}” (den aktuella versionen med värdering och uppföljningar)`);
    setLang("en");
    await waitFor(() => expect(note.textContent).toContain(`Export saves “${title}”`));
    expect(button.textContent).toBe("Export as file");
  });
});
