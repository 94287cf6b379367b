import { describe, expect, it, beforeEach } from "vitest";
import { render, screen, cleanup } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import Settings from "./Settings.svelte";
import * as api from "../api";
import { installMockIpc } from "../api/mock";
import { setLang } from "../i18n/i18n.svelte";

beforeEach(() => {
  cleanup();
  installMockIpc();
  setLang("sv");
});

describe("departments in the settings", () => {
  it("name the departments the portfolio uses that the list lacks, and add them in one click", async () => {
    const user = userEvent.setup();
    await api.initiativeCreate("Meröppet bibliotek", "Kultur och fritid");
    render(Settings);
    const note = await screen.findByTestId("departments-unlisted");
    expect(note.textContent).toContain("nämner också: Kultur och fritid.");
    await user.click(screen.getByTestId("departments-add-unlisted"));
    expect((screen.getByRole("textbox", { name: "Namn 4" }) as HTMLInputElement).value).toBe("Kultur och fritid");
    expect(screen.queryByTestId("departments-unlisted")).toBeNull();
  });
});

describe("default roles in the settings", () => {
  it("fill the hourly cost from a monthly salary: 35 000 ÷ 142 × 1,54 = 379,58 kr/h", async () => {
    const user = userEvent.setup();
    render(Settings);
    const monthly = (await screen.findAllByTestId("settings-role-monthly"))[0];
    const hourly = screen.getAllByTestId("settings-role-hourly")[0] as HTMLInputElement;
    await user.type(monthly, "35 000");
    // By hand (docs/domain.md §The model): 35 000 × 1,54 = 53 900; 53 900 ÷ 142 = 379,577… → 379,58.
    expect(hourly.value).toBe("379,58");
    // Typing an hourly cost directly clears the salary, which is never stored.
    await user.clear(hourly);
    await user.type(hourly, "400");
    expect((monthly as HTMLInputElement).value).toBe("");
  });

  it("show a long role name whole, in a field that wraps", async () => {
    render(Settings);
    const names = (await screen.findAllByTestId("settings-role-name")) as HTMLTextAreaElement[];
    expect(names.map((n) => n.tagName)).toEqual(names.map(() => "TEXTAREA"));
    expect(names.map((n) => n.value)).toContain("Grundutbildad sjuksköterska");
  });

  it("show a rubric text whole, in a field that wraps", async () => {
    render(Settings);
    const field = (await screen.findByTestId("settings-rubric-financing-3-en")) as HTMLTextAreaElement;
    expect(field.tagName).toBe("TEXTAREA");
    expect(field.value || field.placeholder).toBe("Partly financed or applied for");
  });
});
