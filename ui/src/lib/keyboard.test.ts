import { describe, expect, it, beforeEach } from "vitest";
import { render, screen, cleanup } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import Initiative from "../views/Initiative.svelte";
import Settings from "../views/Settings.svelte";
import { installMockIpc } from "../api/mock";
import * as api from "../api";
import type { NyttaDocument } from "../api";
import { setLang } from "../i18n/i18n.svelte";

beforeEach(() => {
  cleanup();
  installMockIpc();
  setLang("sv");
});

const byLabel = (label: string) => screen.getAllByLabelText(label) as HTMLInputElement[];

describe("keyboard in the editor tables", () => {
  it("moves between rows with the arrow keys, in the same column", async () => {
    const user = userEvent.setup();
    render(Settings);
    await screen.findAllByTestId("settings-role-hourly");
    const names = byLabel("Roll");
    expect(names.length).toBeGreaterThan(2);
    names[0].focus();
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement).toBe(names[1]);
    await user.keyboard("{ArrowDown}{ArrowUp}{ArrowUp}");
    expect(document.activeElement).toBe(names[0]);
    // Past the first row focus stays where it is.
    await user.keyboard("{ArrowUp}");
    expect(document.activeElement).toBe(names[0]);
    const hourly = screen.getAllByTestId("settings-role-hourly");
    hourly[1].focus();
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement).toBe(hourly[2]);
  });

  it("moves between the lines' fields with the arrow keys", async () => {
    const user = userEvent.setup();
    const id = await api.initiativeCreate("E-tjänst", "Omsorg");
    render(Initiative, { id });
    await user.click(await screen.findByTestId("add-benefit-time"));
    await user.click(screen.getByTestId("add-benefit-time"));
    const names = screen.getAllByTestId("line-name");
    names[1].focus();
    await user.keyboard("{ArrowUp}");
    expect(document.activeElement).toBe(names[0]);
  });

  it("puts back a field's value with Esc, and the document with it", async () => {
    const user = userEvent.setup();
    const id = await api.initiativeCreate("E-tjänst", "Omsorg");
    render(Initiative, { id });
    await user.click(await screen.findByTestId("add-role"));
    const name = screen.getAllByTestId("role-name").at(-1) as HTMLInputElement;
    await user.type(name, "Handläggare");
    await user.tab();
    const cost = screen.getAllByTestId("role-hourly-cost").at(-1) as HTMLInputElement;
    await user.clear(cost);
    await user.type(cost, "400");
    await user.tab();
    // Edit both again, then think better of it.
    await user.click(name);
    await user.type(name, " och chef");
    await user.keyboard("{Escape}");
    expect(name.value).toBe("Handläggare");
    await user.click(cost);
    await user.clear(cost);
    await user.type(cost, "999");
    await user.keyboard("{Escape}");
    expect(cost.value).toBe("400");
    await new Promise((r) => setTimeout(r, 500));
    const doc = JSON.parse((await api.initiativeGet(id)).document_json) as NyttaDocument;
    const role = doc.valuation.roles?.at(-1);
    expect([role?.name, String(role?.hourly_cost)]).toEqual(["Handläggare", "400"]);
  });
});
