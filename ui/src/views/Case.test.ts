import { describe, expect, it, beforeEach } from "vitest";
import { render, screen, waitFor, within, cleanup } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import Initiative from "./Initiative.svelte";
import CaseTab from "./initiative/CaseTab.svelte";
import { installMockIpc, SHELL } from "../api/mock";
import { InitiativeEditor, type EditorApi } from "../state/editor.svelte";
import * as api from "../api";
import type { BusinessCase, DraftSaved, NyttaDocument, StoredInitiative, VersionDocument } from "../api";
import { setLang } from "../i18n/i18n.svelte";
import { placeOf } from "../lib/problems";

beforeEach(() => {
  cleanup();
  installMockIpc();
  setLang("sv");
});

async function savedDoc(id: number): Promise<NyttaDocument> {
  return JSON.parse((await api.initiativeGet(id)).document_json) as NyttaDocument;
}

async function saved(): Promise<void> {
  await waitFor(() => expect(screen.getByTestId("save-status").textContent).toBe("Sparat"), { timeout: 3000 });
}

/** The decision material of docs/format.md's example, every field given. */
const FULL_CASE: BusinessCase = {
  decision: {
    proposal: "Omsorgsnämnden beslutar att införa digital nattillsyn i tre boenden från 2025.",
    deciding_body: "Omsorgsnämnden",
    funding_source: "Omsorgsnämndens driftbudget, verksamhet 4100",
    start: "2025-01-01",
    recommendation: "Förvaltningen rekommenderar att nämnden beslutar enligt förslaget.",
    case_number: "OMN 2024/123",
  },
  changed_work: "Nattpersonalen tillser via kamera i stället för fysiska besök.",
  options: [
    { id: "manual_plus", name: "Fler nattbesök med befintlig personal", description: "Två extra rundor per natt.", one_off_cost: 0, yearly_cost: 350000, yearly_benefit: 0 },
    { id: "described", name: "Gemensam upphandling med grannkommunen", description: "Beskrivs, räknas inte på." },
  ],
  financial: {
    funding: [{ source: "Investeringsbudget 2025", year: 0, amount: 400000 }],
    budget_plan: "Frigjord tid används till dagverksamhet; vakanser tillsätts inte från 2026.",
  },
  management: {
    milestones: [{ date: "2025-03-01", text: "Upphandling klar" }],
    follow_up_plan: [{ date: "2026-03-01", who: "Verksamhetsutvecklare, Omsorgsförvaltningen", what: "Uppföljning av frigjord tid och nöjdhet" }],
  },
  commercial: {
    procurement: "Avrop från ramavtal",
    contract_years: 4,
    exit: "Data exporteras i öppet format vid avtalets slut.",
    dpa: "yes",
    dpa_note: "Personuppgiftsbiträdesavtal tecknas med leverantören.",
  },
};

/** A new initiative whose stored document has a goal and a benefit line (and `extra`). */
async function initiativeWith(extra: (doc: NyttaDocument) => void = () => {}): Promise<number> {
  const id = await api.initiativeCreate("Digital nattillsyn", "Omsorg");
  const doc = await savedDoc(id);
  doc.valuation.effect_goals = [{ id: "tillsyn", indicator: "Andel nätter utan väckning", direction: "increase", target: "0.9" }];
  doc.valuation.lines = [{ id: "nattbesok", side: "benefit", name: "Färre nattbesök", category: "financial", amount: "120000", timing: { yearly: { from: 1 } } }];
  extra(doc);
  await api.initiativeSave(id, JSON.stringify(doc));
  return id;
}

async function openCase(id: number) {
  const user = userEvent.setup();
  render(Initiative, { id });
  await screen.findByTestId("npv-economic");
  await user.click(screen.getByTestId("tab-case"));
  return user;
}

describe("the decision material round-trips", () => {
  it("keeps a full case and the lines' benefit owner and effect goal through an unrelated edit", async () => {
    const id = await initiativeWith((doc) => {
      doc.valuation.case = structuredClone(FULL_CASE);
      doc.valuation.lines![0].benefit_owner = "Enhetschef, Omsorgsförvaltningen";
      doc.valuation.lines![0].effect_goal = "tillsyn";
    });
    const user = await openCase(id);
    expect((screen.getByTestId("case-proposal") as HTMLTextAreaElement).value).toBe(FULL_CASE.decision!.proposal);
    expect(screen.getAllByTestId("case-option")).toHaveLength(2);
    // An edit elsewhere in the document saves the whole document again.
    await user.click(screen.getByTestId("tab-needs"));
    const title = screen.getByTestId("needs-title");
    await user.type(title, " i boenden");
    await saved();
    const doc = await savedDoc(id);
    expect(doc.initiative.title).toBe("Digital nattillsyn i boenden");
    expect(doc.valuation.case).toEqual(FULL_CASE);
    expect(doc.valuation.lines![0].benefit_owner).toBe("Enhetschef, Omsorgsförvaltningen");
    expect(doc.valuation.lines![0].effect_goal).toBe("tillsyn");
  });
});

describe("the Beslut tab", () => {
  it("writes the proposed decision and removes the case again when its last text is cleared", async () => {
    const id = await initiativeWith();
    const user = await openCase(id);
    await user.type(screen.getByTestId("case-proposal"), "Nämnden inför digital nattillsyn.");
    await user.type(screen.getByTestId("case-deciding-body"), "Omsorgsnämnden");
    await user.type(screen.getByTestId("case-start"), "2025-01-01");
    await saved();
    expect((await savedDoc(id)).valuation.case).toEqual({
      decision: { proposal: "Nämnden inför digital nattillsyn.", deciding_body: "Omsorgsnämnden", start: "2025-01-01" },
    });
    await user.clear(screen.getByTestId("case-proposal"));
    await user.clear(screen.getByTestId("case-deciding-body"));
    await user.clear(screen.getByTestId("case-start"));
    await saved();
    expect("case" in (await savedDoc(id)).valuation).toBe(false);
  });

  it("adds and removes options, and takes amounts the Swedish way", async () => {
    const id = await initiativeWith();
    const user = await openCase(id);
    await user.click(screen.getByTestId("case-option-add"));
    await user.click(screen.getByTestId("case-option-add"));
    const rows = screen.getAllByTestId("case-option");
    expect(rows).toHaveLength(2);
    await user.type(within(rows[0]).getByTestId("case-option-name"), "Fler nattbesök");
    await user.type(within(rows[0]).getByTestId("case-option-one-off"), "1 234,5");
    await user.type(within(rows[0]).getByTestId("case-option-yearly-cost"), "350000");
    await user.type(within(rows[1]).getByTestId("case-option-name"), "Köpa tjänsten");
    await saved();
    let options = (await savedDoc(id)).valuation.case?.options;
    expect(options).toEqual([
      { id: "alternativ", name: "Fler nattbesök", one_off_cost: "1234.5", yearly_cost: "350000" },
      { id: "alternativ_2", name: "Köpa tjänsten" },
    ]);
    // Shown grouped once the field is left.
    await user.tab();
    expect((within(rows[0]).getByTestId("case-option-one-off") as HTMLInputElement).value).toBe("1 234,5");

    await user.click(screen.getByRole("button", { name: "Ta bort: Fler nattbesök" }));
    await saved();
    options = (await savedDoc(id)).valuation.case?.options;
    expect(options).toEqual([{ id: "alternativ_2", name: "Köpa tjänsten" }]);
    await user.click(screen.getByRole("button", { name: "Ta bort: Köpa tjänsten" }));
    await saved();
    expect("case" in (await savedDoc(id)).valuation).toBe(false);
  });

  it("names a funding year as år N (calendar year) and stores the analysis year", async () => {
    const id = await initiativeWith();
    const { start_year, years } = (await savedDoc(id)).valuation.parameters;
    const user = await openCase(id);
    await user.click(screen.getByTestId("case-funding-add"));
    const year = screen.getByTestId("case-funding-year") as HTMLSelectElement;
    const labels = [...year.options].map((o) => o.textContent);
    expect(labels).toHaveLength(years + 1);
    expect(labels[0]).toBe(`år 0 (${start_year})`);
    expect(labels[2]).toBe(`år 2 (${start_year + 2})`);
    await user.selectOptions(year, "1");
    await user.type(screen.getByTestId("case-funding-source-row"), "Investeringsbudget");
    await user.type(screen.getByTestId("case-funding-amount"), "400 000");
    await user.selectOptions(screen.getByTestId("case-dpa"), "unclear");
    await saved();
    const c = (await savedDoc(id)).valuation.case;
    expect(c?.financial?.funding).toEqual([{ year: 1, source: "Investeringsbudget", amount: "400000" }]);
    expect(c?.commercial).toEqual({ dpa: "unclear" });
  });

  it("adds milestones and follow-up plan rows", async () => {
    const id = await initiativeWith();
    const user = await openCase(id);
    await user.click(screen.getByTestId("case-milestone-add"));
    await user.type(screen.getByTestId("case-milestone-date"), "2025-03-01");
    await user.type(screen.getByTestId("case-milestone-text"), "Upphandling klar");
    await user.click(screen.getByTestId("case-plan-add"));
    await user.type(screen.getByTestId("case-plan-date"), "2026-03-01");
    await user.type(screen.getByTestId("case-plan-who"), "Verksamhetsutvecklare");
    await user.type(screen.getByTestId("case-plan-what"), "Frigjord tid");
    await saved();
    expect((await savedDoc(id)).valuation.case?.management).toEqual({
      milestones: [{ date: "2025-03-01", text: "Upphandling klar" }],
      follow_up_plan: [{ date: "2026-03-01", who: "Verksamhetsutvecklare", what: "Frigjord tid" }],
    });
  });

  it("shows the engine's problem on the option's field, and keeps what was typed as the working copy", async () => {
    const id = await initiativeWith();
    const user = await openCase(id);
    await user.click(screen.getByTestId("case-option-add"));
    await user.type(screen.getByTestId("case-option-name"), "Fler nattbesök");
    const cost = screen.getByTestId("case-option-yearly-cost");
    await user.type(cost, "-5");
    await waitFor(() => expect(cost.getAttribute("aria-invalid")).toBe("true"), { timeout: 3000 });
    expect(within(cost.closest(".field")!).getByText(/beloppet ska vara mellan 0 kr/)).toBeTruthy();
    // The other amounts of the row are not marked.
    expect(screen.getByTestId("case-option-one-off").getAttribute("aria-invalid")).toBe("false");
    expect(within(screen.getByTestId("case-problems")).getByText(/^Beslut, Alternativ, rad 1, Kostnad per år \(kr\): beloppet/)).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId("save-status").textContent).toBe("Sparat som arbetskopia (har fel)"), { timeout: 3000 });
    const copy = JSON.parse((await api.initiativeGet(id)).working_copy!) as NyttaDocument;
    expect(copy.valuation.case?.options?.[0]).toEqual({ id: "alternativ", name: "Fler nattbesök", yearly_cost: "-5" });
  });

  it("keeps a funding year after a shortened period, marked with the engine's problem", async () => {
    const id = await initiativeWith((doc) => {
      doc.valuation.parameters.years = 4;
      doc.valuation.case = { financial: { funding: [{ source: "Driftbudget", year: 6, amount: "100000" }] } };
    });
    const start = (await savedDoc(id)).valuation.parameters.start_year;
    const user = userEvent.setup();
    render(Initiative, { id });
    // The document does not pass the check: no figures, the problem instead.
    await screen.findByTestId("problems");
    await user.click(screen.getByTestId("tab-case"));
    const year = screen.getByTestId("case-funding-year") as HTMLSelectElement;
    expect(year.value).toBe("6");
    expect([...year.options].map((o) => o.textContent)).toContain(`år 6 (${start + 6})`);
    await waitFor(() => expect(year.getAttribute("aria-invalid")).toBe("true"));
    expect(document.getElementById(year.getAttribute("aria-describedby")!)?.textContent).toBe("året ska ligga inom kalkylperioden 0–4");
  });

  it("lists its problems beside the valuation too, and the link opens the field on this tab", async () => {
    const id = await initiativeWith();
    const user = await openCase(id);
    await user.click(screen.getByTestId("case-funding-add"));
    await user.type(screen.getByTestId("case-funding-amount"), "-400000");
    await user.click(screen.getByTestId("tab-valuation"));
    const link = await screen.findByRole("button", { name: /^Beslut, Finansiering per år och källa, rad 1, Belopp \(kr\): beloppet ska vara/ });
    await user.click(link);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("case-funding-amount")));
    expect(screen.getByTestId("tab-case").getAttribute("aria-selected")).toBe("true");
  });

  it("offers the proposed deciding body when the version is marked decided", async () => {
    const id = await initiativeWith((doc) => (doc.valuation.case = { decision: { deciding_body: "Omsorgsnämnden" } }));
    const user = await openCase(id);
    await user.click(screen.getByRole("button", { name: "Markera som beslutad" }));
    const dialog = screen.getByTestId("decide-dialog");
    expect((within(dialog).getByLabelText("Beslutsinstans") as HTMLInputElement).value).toBe("Omsorgsnämnden");
  });

  it("speaks English after the switch", async () => {
    setLang("en");
    const id = await initiativeWith((doc) => (doc.valuation.case = { commercial: { dpa: "unclear" } }));
    const user = userEvent.setup();
    render(Initiative, { id });
    await screen.findByTestId("npv-economic");
    await user.click(screen.getByRole("tab", { name: "Decision" }));
    expect(screen.getByRole("heading", { name: "Proposed decision" })).toBeTruthy();
    expect(screen.getByRole("textbox", { name: "Deciding body" })).toBeTruthy();
    const dpa = screen.getByRole("combobox", { name: "Is a data processing agreement (personuppgiftsbiträdesavtal) needed?" }) as HTMLSelectElement;
    expect(dpa.selectedOptions[0].textContent).toBe("Unclear");
  });

  it("shows a decided version's decision material read-only", async () => {
    // Läkemedelsrobotar i boendestödet: decided.
    const user = userEvent.setup();
    render(Initiative, { id: 2 });
    await screen.findByTestId("decided-note");
    await user.click(screen.getByTestId("tab-case"));
    expect((screen.getByTestId("case-proposal") as HTMLTextAreaElement).readOnly).toBe(true);
    expect((screen.getByTestId("case-deciding-body") as HTMLInputElement).readOnly).toBe(true);
    expect((screen.getByTestId("case-dpa") as HTMLSelectElement).disabled).toBe(true);
    for (const add of ["case-option-add", "case-funding-add", "case-milestone-add", "case-plan-add"]) expect(screen.queryByTestId(add)).toBeNull();
  });
});

describe("the options' present values", () => {
  it("are the engine's, shown the Swedish way beside each option; an option without amounts says so", async () => {
    const doc: NyttaDocument = {
      nytta: 1,
      initiative: { title: "Digitala examinationer" },
      valuation: {
        parameters: { start_year: 2023, years: 6, discount_rate: "0.03" },
        case: { options: [{ id: "kop", name: "Köpa tjänsten", one_off_cost: "300000", yearly_benefit: "200000" }, { id: "samverkan", name: "Samverkan" }, { id: "dyr", name: "Dyrare system", one_off_cost: "900000", yearly_benefit: "100000" }] },
      },
    };
    const text = JSON.stringify(doc);
    const version = { ...SHELL.new_initiative.versions[0], id: 1, status: "draft" as const };
    const stored: StoredInitiative = { ...SHELL.new_initiative, id: 7, current_version_id: 1, versions: [version], document_json: text, working_copy: null, working_copy_at: null };
    // By hand, at 3 % over years 1–6 (annuity factor (1 − 1,03^−6) ÷ 0,03 = 5,417191444):
    // kop: −300 000 + 200 000 × 5,417191444 = 783 438,29 kr;
    // dyr: −900 000 + 100 000 × 5,417191444 = −358 280,86 kr.
    const options = [
      { id: "kop", npv: "783438.29", payback_years: "1.500000" },
      { id: "samverkan", npv: null, payback_years: null },
      { id: "dyr", npv: "-358280.86", payback_years: null },
    ];
    const deps = {
      initiativeGet: async (): Promise<StoredInitiative> => stored,
      versionGet: async (): Promise<VersionDocument> => ({ info: version, document_json: text }),
      initiativeSave: async (): Promise<DraftSaved> => ({ saved: SHELL.saved, problems: [] }),
      initiativeDiscardWorkingCopy: async () => {},
      evaluateDocument: async () => ({ ...SHELL.new_evaluation, options }),
    } satisfies EditorApi;
    const editor = new InitiativeEditor(7, deps);
    await editor.load();
    render(CaseTab, { editor });
    const npvs = screen.getAllByTestId("case-option-npv");
    expect(npvs.map((c) => c.textContent?.trim().replace(/\s/g, " "))).toEqual(["783 438 kr", "utan belopp", "−358 281 kr"]);
    expect(npvs.map((c) => c.dataset.value)).toEqual(["783438.29", "", "-358280.86"]);
    expect(npvs[2].classList.contains("negative")).toBe(true);
  });
});

describe("a benefit line's owner and effect goal", () => {
  it("are chosen in the line's details and saved with the line", async () => {
    const id = await initiativeWith();
    const user = userEvent.setup();
    render(Initiative, { id });
    await screen.findByTestId("npv-economic");
    const line = screen.getAllByTestId("line")[0];
    await user.click(within(line).getByRole("button", { name: "Detaljer" }));
    await user.type(within(line).getByTestId("line-benefit-owner"), "Enhetschef");
    const goal = within(line).getByTestId("line-effect-goal") as HTMLSelectElement;
    expect([...goal.options].map((o) => o.textContent)).toEqual(["Inget effektmål", "Andel nätter utan väckning"]);
    await user.selectOptions(goal, "tillsyn");
    await saved();
    let saved_ = (await savedDoc(id)).valuation.lines![0];
    expect(saved_.benefit_owner).toBe("Enhetschef");
    expect(saved_.effect_goal).toBe("tillsyn");
    await user.selectOptions(goal, "");
    await saved();
    saved_ = (await savedDoc(id)).valuation.lines![0];
    expect("effect_goal" in saved_).toBe(false);
  });

  it("marks a link to an effect goal that no longer exists", async () => {
    const id = await initiativeWith((doc) => (doc.valuation.lines![0].effect_goal = "tillsyn"));
    const user = userEvent.setup();
    render(Initiative, { id });
    await screen.findByTestId("npv-economic");
    await user.click(screen.getByTestId("tab-goals"));
    await user.click(screen.getByRole("button", { name: "Ta bort: Andel nätter utan väckning" }));
    await user.click(screen.getByTestId("tab-valuation"));
    const line = screen.getAllByTestId("line")[0];
    const goal = await within(line).findByTestId("line-effect-goal");
    await waitFor(() => expect(goal.getAttribute("aria-invalid")).toBe("true"), { timeout: 3000 });
    expect((goal as HTMLSelectElement).value).toBe("tillsyn");
    expect(within(line).getByRole("alert").textContent).toBe('Effektmål: det finns inget effektmål med id "tillsyn"');
  });
});

describe("placeOf in the decision material", () => {
  it("names the tab, the list and row, and the field", () => {
    const cases: [string, string, string][] = [
      ["valuation.case.decision.start", "Beslut, Start", "Decision, Start"],
      ["valuation.case.options[1].one_off_cost", "Beslut, Alternativ, rad 2, Engångskostnad (kr)", "Decision, Options, row 2, One-off cost (kr)"],
      ["valuation.case.financial.funding[0].year", "Beslut, Finansiering per år och källa, rad 1, År", "Decision, Funding per year and source, row 1, Year"],
      ["valuation.case.management.follow_up_plan[2].date", "Beslut, Uppföljningsplan, rad 3, Datum", "Decision, Follow-up plan, row 3, Date"],
      ["valuation.case.commercial.contract_years", "Beslut, Avtalstid (år)", "Decision, Contract length (years)"],
      ["valuation.case.options", "Beslut, Alternativ", "Decision, Options"],
      ["valuation.lines[0].effect_goal", "Rad 1, Effektmål", "Line 1, Effect goal"],
    ];
    for (const [path, sv, en] of cases) {
      setLang("sv");
      expect(placeOf(null, path), path).toBe(sv);
      setLang("en");
      expect(placeOf(null, path), path).toBe(en);
    }
  });
});

describe("the Beslut tab of a decided version", () => {
  it("shows the long one-line texts whole in fields that wrap, read-only", async () => {
    const user = userEvent.setup();
    // Läkemedelsrobotar i boendestödet: decided; its funding source and DPA note are long.
    render(Initiative, { id: 2 });
    await screen.findByTestId("decided-note");
    await user.click(screen.getByTestId("tab-case"));
    const c = (await savedDoc(2)).valuation.case;
    const texts: [string, string | undefined][] = [
      ["case-deciding-body", c?.decision?.deciding_body],
      ["case-funding-source", c?.decision?.funding_source],
      ["case-procurement", c?.commercial?.procurement],
      ["case-dpa-note", c?.commercial?.dpa_note],
    ];
    expect(c?.decision?.funding_source?.length).toBeGreaterThan(60);
    for (const [testid, text] of texts) {
      const field = screen.getByTestId(testid) as HTMLTextAreaElement;
      expect(field.tagName, testid).toBe("TEXTAREA");
      expect(field.value, testid).toBe(text ?? "");
      expect(field.readOnly, testid).toBe(true);
    }
  });
});
