import { describe, expect, it, beforeEach } from "vitest";
import { render, screen, waitFor, cleanup } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import Portfolio from "./Portfolio.svelte";
import Initiative from "./Initiative.svelte";
import { installMockIpc } from "../api/mock";
import * as api from "../api";
import type { NyttaDocument } from "../api";
import { setLang } from "../i18n/i18n.svelte";

beforeEach(() => {
  cleanup();
  installMockIpc();
  setLang("sv");
});

describe("an empty or blank initiative title", () => {
  for (const [lang, says] of [
    ["sv", "Ange en titel – den får inte vara tom."],
    ["en", "Enter a title – it must not be empty."],
  ] as const) {
    it(`is refused in the new-initiative dialog with the app's own message (${lang}), not the browser's`, async () => {
      setLang(lang);
      const user = userEvent.setup();
      render(Portfolio);
      const before = (await api.portfolioList()).length;
      await user.click(await screen.findByTestId("new-initiative"));
      const title = (await screen.findByTestId("new-title")) as HTMLInputElement;
      // The browser's own "Fill out this field" bubble came from `required`.
      expect(title.required).toBe(false);
      await user.type(title, "   ");
      await user.click(screen.getByTestId("new-create"));
      expect(title.getAttribute("aria-invalid")).toBe("true");
      const message = document.getElementById(title.getAttribute("aria-describedby") ?? "");
      expect(message?.textContent).toBe(says);
      expect(document.activeElement).toBe(title);
      expect((await api.portfolioList()).length).toBe(before);
      // A real title clears the message and creates the initiative.
      await user.type(title, "E-arkiv");
      expect(title.getAttribute("aria-invalid")).toBeNull();
      await user.click(screen.getByTestId("new-create"));
      await waitFor(async () => expect((await api.portfolioList()).length).toBe(before + 1));
    });
  }

  it("is marked invalid in Behov and never written into the document", async () => {
    const user = userEvent.setup();
    render(Initiative, { id: 1 });
    await screen.findByTestId("npv-economic");
    await user.click(screen.getByTestId("tab-needs"));
    const title = (await screen.findByTestId("needs-title")) as HTMLInputElement;
    const original = title.value;
    await user.clear(title);
    await user.type(title, "  ");
    expect(title.getAttribute("aria-invalid")).toBe("true");
    const message = document.getElementById(title.getAttribute("aria-describedby") ?? "");
    expect(message?.textContent).toBe("Ange en titel – den får inte vara tom.");
    // Another edit is saved; the blank title is not.
    const description = screen.getByLabelText("Beskrivning") as HTMLTextAreaElement;
    await user.type(description, " Mer text.");
    await waitFor(
      async () => {
        const saved = JSON.parse((await api.initiativeGet(1)).document_json) as NyttaDocument;
        expect(saved.initiative.description ?? "").toContain("Mer text.");
        expect(saved.initiative.title).toBe(original);
      },
      { timeout: 3000 },
    );
    await user.type(title, "Ny titel");
    expect(title.getAttribute("aria-invalid")).toBeNull();
    await waitFor(
      async () => {
        const saved = JSON.parse((await api.initiativeGet(1)).document_json) as NyttaDocument;
        expect(saved.initiative.title).toBe("  Ny titel");
      },
      { timeout: 3000 },
    );
  });
});
