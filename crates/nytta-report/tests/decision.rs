//! The decision material in the business case, read back with poppler: the decision box on
//! page 1 with every field and with none (saying what is missing), the contents list and the
//! Five Case headings in order, the options compared with hand-computed NPVs, the effect
//! chain, the benefit owners, the commercial case that was not described and the financial
//! case's years.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{evaluate, poppler, root, rows_of, save, scratch, text_of};
use nytta_core::Lang;
use nytta_report::{business_case_pdf, section_headings, ReportOptions};
use serde_json::{json, Value};

/// Whitespace runs collapsed to one space.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A sample document as JSON.
fn sample(name: &str) -> Value {
    let text = std::fs::read_to_string(root().join("samples").join(name)).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The business case of `doc` in `lang`, saved under `tag`; returns the path.
fn pdf(doc: &Value, lang: Lang, tag: &str) -> String {
    let (model, ev) = evaluate(&doc.to_string(), lang);
    let bytes = business_case_pdf(&model, &ev, &ReportOptions::new(lang, "2025-03-01")).unwrap();
    save(
        &scratch("decision-material"),
        &format!("{tag}.{lang:?}.pdf"),
        &bytes,
    )
}

/// Page 1's text in reading order, whitespace collapsed.
fn page_one(path: &str) -> String {
    squash(&poppler(
        "pdftotext",
        &["-f", "1", "-l", "1", "-enc", "UTF-8", path, "-"],
    ))
}

fn assert_has(text: &str, wants: &[&str]) {
    for want in wants {
        assert!(text.contains(want), "the PDF lacks {want:?}:\n{text}");
    }
}

/// Every `wants` in `text`, each after the one before it.
fn assert_in_order(text: &str, wants: &[&str]) {
    let mut at = 0;
    for want in wants {
        let found = text[at..]
            .find(want)
            .unwrap_or_else(|| panic!("{want:?} does not follow in order:\n{text}"));
        at += found + want.len();
    }
}

#[test]
fn the_decision_box_on_page_one_holds_every_field() {
    let doc = sample("lakemedelsrobotar.nytta.json");
    let sv = page_one(&pdf(&doc, Lang::Sv, "robots-box"));
    assert_has(
        &sv,
        &[
            "Beslut i korthet",
            "Förslag till beslut Nämnden för arbete och välfärd beslutar att införa läkemedelsrobotar i boendestödet",
            "Beslutsinstans Nämnden för arbete och välfärd",
            // Budget-view costs: 10 robots × 22 000 kr in 2021, 10 × 3 600 kr support a year.
            "Kostnad per år i budgetvyn 2021: 220 000 kr; 2022: 36 000 kr; 2023: 36 000 kr",
            "Finansiering Nämndens budget för välfärdsteknik (inköp år 0)",
            "Start 2021-04-01",
            "Rekommendation Förvaltningen rekommenderar att nämnden beslutar enligt förslaget",
            "Diarienummer AoV 2021/0042",
            "Version Beslutsunderlag, beslutad 2021-03-01",
            // The budget view's payback 5.659892 years and NPV −9 998.55 kr (docs/format.md).
            "Betalar sig budgetvyn? Ja, odiskonterat efter 5,7 år – men inte diskonterat: nuvärdet i budgetvyn är −9 999 kr.",
        ],
    );
    // Risks by likelihood × impact: 3 × 3, 3 × 3 (document order on a tie), then 2 × 4.
    assert_in_order(
        &sv,
        &[
            "Största risker (sannolikhet × konsekvens)",
            "1. Brukare avböjer roboten eller slutar använda den (sannolikhet 3, konsekvens 3)",
            "2. Det är oklart vem som ansvarar för påfyllning och larm",
            "3. Tekniskt fel eller avbrott i larmöverföringen gör att en missad dos inte upptäcks (sannolikhet 2, konsekvens 4)",
        ],
    );
    // The tornado's three widest bars, with each input's value and source from the sample.
    assert_in_order(
        &sv,
        &[
            "Antaganden som påverkar nuvärdet mest",
            "1. Läkemedelsbesök som ersätts per robot och dag: 1,5 besök/dag (källa: Kartläggning av läkemedelsbesök",
            "2. Antal läkemedelsrobotar: 10 st (källa: Granskningsrapport 2023",
            "3. Restid per läkemedelsbesök: 15 min (källa: Tidsmätning behovsanalys 2021",
        ],
    );
    let en = page_one(&pdf(&doc, Lang::En, "robots-box"));
    assert_has(
        &en,
        &[
            "Decision at a glance",
            "Proposed decision Nämnden för arbete och välfärd beslutar",
            "Deciding body Nämnden för arbete och välfärd",
            "Cost per year in the budget view 2021: SEK 220,000; 2022: SEK 36,000",
            "Registration number AoV 2021/0042",
            "Does the budget view pay for itself? Yes, undiscounted after 5.7 years – but not discounted: the NPV in the budget view is −SEK 9,999.",
            "1. Brukare avböjer roboten eller slutar använda den (likelihood 3, impact 3)",
            "1. Läkemedelsbesök som ersätts per robot och dag: 1.5 visits/day (source: Kartläggning",
        ],
    );
}

/// A valuation over 2025–2028 at 25 % (discount factors 1, 0,8, 0,64, 0,512) whose budget
/// view never pays back: 100 000 kr in year 0, 20 000 kr a year back in years 1–3.
fn small(case: Option<Value>) -> Value {
    let mut d = json!({
        "nytta": 1,
        "initiative": { "title": "Digital nattillsyn", "department": "Omsorgsförvaltningen" },
        "valuation": {
            "parameters": { "start_year": 2025, "years": 3, "discount_rate": 0.25 },
            "lines": [
                { "id": "cameras", "side": "cost", "name": "Kameror", "category": "financial",
                  "amount": 100000, "timing": { "once": 0 } },
                { "id": "visits", "side": "benefit", "name": "Färre nattbesök",
                  "category": "financial", "amount": 20000,
                  "timing": { "yearly": { "from": 1 } } },
                { "id": "calm", "side": "benefit", "name": "Lugnare nätter",
                  "category": "quality" }
            ]
        }
    });
    if let Some(c) = case {
        d["valuation"]["case"] = c;
    }
    d
}

#[test]
fn without_decision_material_the_box_says_what_is_missing() {
    let doc = small(None);
    let sv = page_one(&pdf(&doc, Lang::Sv, "small-missing"));
    assert_has(
        &sv,
        &[
            "(Standardformulering: inget förslag till beslut har angetts.)",
            "Beslutsinstans Beslutsinstans saknas",
            "Finansiering Finansieringskälla saknas i beslutsmaterialet Start",
            "Start Startdatum saknas",
            "Rekommendation Rekommendation saknas",
            "Diarienummer Diarienummer saknas",
            "Version utkast",
            // −100 000 + 20 000 × (0,8 + 0,64 + 0,512) = −60 960 kr; never paid back.
            "Nej: ingen återbetalning i budgetvyn inom kalkylperioden 2025–2028, varken odiskonterat eller diskonterat: nuvärdet i budgetvyn är −60 960 kr.",
            "Inga risker har angetts",
            "Ingen faktor har ett lågt och ett högt värde; känslighetsanalysen rangordnar inga antaganden",
        ],
    );
    let en = page_one(&pdf(&doc, Lang::En, "small-missing"));
    assert_has(
        &en,
        &[
            "(Standard wording: no proposed decision has been given.)",
            "Deciding body Deciding body not given",
            "Funding Funding source not given",
            "Start Start date not given",
            "Recommendation Recommendation not given",
            "Registration number Registration number not given",
            "No: the budget view does not pay back within the analysis period 2025–2028, neither undiscounted nor discounted: the NPV in the budget view is −SEK 60,960.",
            "No risks have been given",
            "No input has a low and a high value",
        ],
    );
}

/// `small` with the yearly financial benefit set to `benefit` kr.
fn small_with_benefit(benefit: u32) -> Value {
    let mut doc = small(None);
    doc["valuation"]["lines"][1]["amount"] = benefit.into();
    doc
}

/// `small` with a financial benefit of 100 000 kr in year 0 and the cameras, `cost` kr, in
/// year 3: the cumulative net is not negative in year 0.
fn benefit_first(cost: u32) -> Value {
    let mut doc = small(None);
    doc["valuation"]["lines"][0]["amount"] = cost.into();
    doc["valuation"]["lines"][0]["timing"] = json!({ "once": 3 });
    doc["valuation"]["lines"][1]["amount"] = 100_000.into();
    doc["valuation"]["lines"][1]["timing"] = json!({ "once": 0 });
    doc
}

#[test]
fn the_budget_answer_agrees_with_both_the_payback_and_the_npv() {
    // Discount factors at 25 %: 1, 0,8, 0,64, 0,512 (sum of years 1–3: 1,952).
    let cases = [
        // Robots (docs/format.md): payback 5,659892 years, NPV −9 998,55 kr.
        (
            sample("lakemedelsrobotar.nytta.json"),
            "robots",
            "Betalar sig budgetvyn? Ja, odiskonterat efter 5,7 år – men inte diskonterat: nuvärdet i budgetvyn är −9 999 kr.",
            "Does the budget view pay for itself? Yes, undiscounted after 5.7 years – but not discounted: the NPV in the budget view is −SEK 9,999.",
        ),
        // −100 000 + 60 000 × 1,952 = 17 120 kr; cumulative −100 000, −40 000, +20 000:
        // 1 + 40 000 / 60 000 = 1,67 years.
        (
            small_with_benefit(60_000),
            "small-pays",
            "Betalar sig budgetvyn? Ja: det ackumulerade nettot i budgetvyn når noll efter 1,7 år (odiskonterat), och även diskonterat betalar den sig: nuvärdet i budgetvyn är 17 120 kr.",
            "Does the budget view pay for itself? Yes: the cumulative net in the budget view reaches zero after 1.7 years (undiscounted), and it pays for itself discounted too: the NPV in the budget view is SEK 17,120.",
        ),
        // −100 000 + 20 000 × 1,952 = −60 960 kr; cumulative −40 000 after year 3.
        (
            small(None),
            "small-never",
            "Betalar sig budgetvyn? Nej: ingen återbetalning i budgetvyn inom kalkylperioden 2025–2028, varken odiskonterat eller diskonterat: nuvärdet i budgetvyn är −60 960 kr.",
            "Does the budget view pay for itself? No: the budget view does not pay back within the analysis period 2025–2028, neither undiscounted nor discounted: the NPV in the budget view is −SEK 60,960.",
        ),
        // 100 000 − 140 000 × 0,512 = 28 320 kr.
        (
            benefit_first(140_000),
            "first-pays",
            "Betalar sig budgetvyn? Ja: det ackumulerade nettot i budgetvyn är inte negativt år 0 (återbetalningstid 0,0 år), och även diskonterat betalar den sig: nuvärdet i budgetvyn är 28 320 kr.",
            "Does the budget view pay for itself? Yes: the cumulative net in the budget view is not negative in year 0 (payback 0.0 years), and it pays for itself discounted too: the NPV in the budget view is SEK 28,320.",
        ),
        // 100 000 − 250 000 × 0,512 = −28 000 kr.
        (
            benefit_first(250_000),
            "first-loses",
            "Betalar sig budgetvyn? Ja, odiskonterat redan år 0 (återbetalningstid 0,0 år) – men inte diskonterat: nuvärdet i budgetvyn är −28 000 kr.",
            "Does the budget view pay for itself? Yes, undiscounted from year 0 (payback 0.0 years) – but not discounted: the NPV in the budget view is −SEK 28,000.",
        ),
        // 100 000 kr in year 0 and no costs: nothing is paid back (the key figure's "cannot
        // be computed: no costs"), where it read "Yes … (payback 0.0 years)".
        (
            benefit_first(0),
            "no-costs",
            "Betalar sig budgetvyn? Budgetvyn har inga kostnader: det finns inget att betala tillbaka. Nuvärdet i budgetvyn är 100 000 kr.",
            "Does the budget view pay for itself? The budget view has no costs: there is nothing to pay back. The NPV in the budget view is SEK 100,000.",
        ),
    ];
    for (doc, tag, sv, en) in cases {
        assert_has(&page_one(&pdf(&doc, Lang::Sv, tag)), &[sv]);
        assert_has(&page_one(&pdf(&doc, Lang::En, tag)), &[en]);
    }
}

/// Without costs the PDF's key figures and scenarios say payback cannot be computed, as the
/// app does, where they read "0,0 år".
#[test]
fn without_costs_the_payback_cannot_be_computed_in_every_table() {
    let doc = benefit_first(0);
    for (lang, want, not) in [
        (
            Lang::Sv,
            "kan inte beräknas: inga kostnader",
            "Återbetalningstid 0,0 år",
        ),
        (
            Lang::En,
            "cannot be computed: no costs",
            "payback 0.0 years",
        ),
    ] {
        let path = pdf(&doc, lang, "no-costs-tables");
        let text = squash(&poppler("pdftotext", &["-enc", "UTF-8", &path, "-"]));
        // The key figures (payback and discounted payback, both views) and the proposal's
        // two rows in the economic case.
        assert_eq!(text.matches(want).count(), 6, "{lang:?}: {text}");
        assert!(!text.contains(not), "{lang:?}: {text}");
    }
}

#[test]
fn a_missing_funding_source_is_read_beside_the_financing_score() {
    let mut doc = small(None);
    doc["valuation"]["scores"] = json!({ "financing": {
        "level": 5, "reason": "Ryms i omsorgsnämndens befintliga budget" } });
    let sv = page_one(&pdf(&doc, Lang::Sv, "small-scored"));
    assert_has(
        &sv,
        &["Finansiering Finansieringskälla saknas i beslutsmaterialet. Bedömningen av finansiering är ändå 5: Ryms i omsorgsnämndens befintliga budget"],
    );
    let en = page_one(&pdf(&doc, Lang::En, "small-scored"));
    assert_has(
        &en,
        &["Funding Funding source not given in the decision material. The financing score is nevertheless 5: Ryms i omsorgsnämndens befintliga budget"],
    );
}

#[test]
fn a_decided_version_is_one_row_on_page_one() {
    let doc = sample("lakemedelsrobotar.nytta.json");
    let sv = page_one(&pdf(&doc, Lang::Sv, "robots-version"));
    assert_has(
        &sv,
        &["Version Beslutsunderlag, beslutad 2021-03-01 Betalar sig"],
    );
    assert!(!sv.contains("Beslutad 2021-03-01"), "{sv}");
    let en = page_one(&pdf(&doc, Lang::En, "robots-version"));
    assert_has(
        &en,
        &["Version Beslutsunderlag, decided 2021-03-01 Does the"],
    );
    assert!(!en.contains("Decided 2021-03-01"), "{en}");
}

#[test]
fn the_deciding_body_recorded_at_the_decision_stands_in_for_a_missing_proposal() {
    let mut doc = small(None);
    doc["valuation"]["status"] = "decided".into();
    doc["valuation"]["decided_by"] = "Omsorgsnämnden".into();
    let sv = page_one(&pdf(&doc, Lang::Sv, "small-decided"));
    assert_has(&sv, &["Beslutsinstans Omsorgsnämnden"]);
    assert!(!sv.contains("Beslutsinstans saknas"), "{sv}");
}

#[test]
fn the_contents_list_and_the_five_cases_follow_in_order() {
    let doc = sample("lakemedelsrobotar.nytta.json");
    for (lang, contents, five) in [
        (
            Lang::Sv,
            "Innehåll",
            [
                "2. Strategiskt underlag",
                "3. Ekonomiskt underlag",
                "4. Kommersiellt underlag",
                "5. Finansiellt underlag",
                "6. Genomförande och styrning",
            ],
        ),
        (
            Lang::En,
            "Contents",
            [
                "2. Strategic case",
                "3. Economic case",
                "4. Commercial case",
                "5. Financial case",
                "6. Management case",
            ],
        ),
    ] {
        let path = pdf(&doc, lang, "robots-contents");
        let headings = section_headings(lang);
        for case in five {
            assert!(headings.contains(&case), "{lang:?}: {case:?} is a section");
        }
        let first = page_one(&path);
        let mut list = vec![contents];
        list.extend(headings.iter().copied());
        assert_in_order(&first, &list);
        // After the contents list, the sections themselves in the same order.
        let text = squash(&text_of(&path));
        let after = text.rfind(headings[headings.len() - 1]).unwrap();
        let body_start =
            text.find(headings[headings.len() - 1]).unwrap() + headings[headings.len() - 1].len();
        assert!(
            after > body_start,
            "{lang:?}: the last section follows the list"
        );
        assert_in_order(&text[body_start..], &headings);
    }
}

#[test]
fn options_are_compared_with_the_baseline_and_the_proposal() {
    let case = json!({ "options": [
        { "id": "pilot", "name": "Pilot i ett boende",
          "one_off_cost": 100000, "yearly_cost": 30000, "yearly_benefit": 80000 },
        { "id": "manual_plus", "name": "Fler nattbesök", "yearly_cost": 350000 },
        { "id": "wait", "name": "Vänta på regionen" }
    ]});
    let doc = small(Some(case));
    let sv = squash(&rows_of(&pdf(&doc, Lang::Sv, "small-options")));
    assert_has(
        &sv,
        &[
            "Nollalternativ: verksamheten fortsätter som i dag 0 kr –",
            // −100 000 + 50 000 × 1,952 = −2 400; cumulative −100 000, −50 000, 0: 2,0 years.
            "Pilot i ett boende −2 400 kr 2,0 år",
            "Engångskostnad 100 000 kr, årlig kostnad 30 000 kr, årlig nytta 80 000 kr",
            // −350 000 × 1,952 = −683 200, never paid back.
            "Fler nattbesök −683 200 kr inte inom kalkylperioden",
            "Vänta på regionen inte kostnadsberäknat –",
            "Förslaget, samhällsekonomisk vy −60 960 kr inte inom kalkylperioden",
            "Förslaget, budgetvy −60 960 kr inte inom kalkylperioden",
            "varje år 1–3, utan upptrappning, utan konfidens och utan optimismpåslag. Förslagets nuvärden räknas med dess upptrappning, konfidens och optimismpåslag",
        ],
    );
    let en = squash(&rows_of(&pdf(&doc, Lang::En, "small-options")));
    assert_has(
        &en,
        &[
            "Do-nothing baseline: the work goes on as today SEK 0 –",
            "Pilot i ett boende −SEK 2,400 2.0 years",
            "in every year 1–3, without ramp-up, without confidence and without optimism bias. The proposal's NPVs are computed with its ramp-up, confidence and optimism bias",
            "Fler nattbesök −SEK 683,200 not within the analysis",
            "Vänta på regionen not costed –",
            "The proposal, socio-economic view −SEK 60,960 not within the analysis",
        ],
    );
    // Without options the table still compares the proposal with doing nothing.
    let none = squash(&rows_of(&pdf(&small(None), Lang::Sv, "small-no-options")));
    assert_has(
        &none,
        &[
            "Nollalternativ: verksamheten fortsätter som i dag 0 kr –",
            "Inga alternativ har kostnadsberäknats.",
        ],
    );
    let none = squash(&rows_of(&pdf(&small(None), Lang::En, "small-no-options")));
    assert_has(&none, &["No options have been costed."]);
}

#[test]
fn alternatives_described_in_the_needs_but_not_costed_are_pointed_to() {
    // The sample describes three alternatives in its needs analysis and costs none.
    let doc = sample("digitala-examinationer.nytta.json");
    let sv = squash(&text_of(&pdf(&doc, Lang::Sv, "exams-options")));
    assert_has(
        &sv,
        &["Inga alternativ har kostnadsberäknats. De alternativ som beskrivs i behovsanalysen står under Alternativ i Bakgrund och behov (avsnitt 2)."],
    );
    assert!(!sv.contains("än nollalternativet har beskrivits"), "{sv}");
    let en = squash(&text_of(&pdf(&doc, Lang::En, "exams-options")));
    assert_has(
        &en,
        &["No options have been costed. The alternatives described in the needs analysis are under Alternatives in Background and need (section 2)."],
    );
    assert!(!en.contains("baseline have been described"), "{en}");
}

#[test]
fn the_robots_options_are_costed_over_six_years_at_three_percent() {
    // Annuity factor (1 − 1,03^−6) / 0,03 = 5,417191; dosing boxes: 190 000 × 5,417191 −
    // 20 000 = 1 009 266 kr, paid back after 20 000 / 190 000 = 0,1 years; camera:
    // 230 000 × 5,417191 − 150 000 = 1 095 954 kr, 150 000 / 230 000 = 0,7 years.
    let doc = sample("lakemedelsrobotar.nytta.json");
    let sv = squash(&rows_of(&pdf(&doc, Lang::Sv, "robots-options")));
    assert_has(
        &sv,
        &[
            "Doseringsaskar med påminnelse per telefon 1 009 266 kr 0,1 år",
            "1 095 954 kr 0,7 år",
            "Vänta på regionens gemensamma upphandling inte kostnadsberäknat –",
            "Förslaget, samhällsekonomisk vy 2 829 230 kr 1,1 år",
            "Förslaget, budgetvy −9 999 kr 5,7 år",
        ],
    );
}

#[test]
fn the_effect_chain_runs_from_the_initiative_to_the_benefit_lines() {
    let doc = sample("lakemedelsrobotar.nytta.json");
    let sv = squash(&text_of(&pdf(&doc, Lang::Sv, "robots-chain")));
    assert_in_order(
        &sv,
        &[
            "Effektkedja",
            "Initiativ Läkemedelsrobotar i boendestödet",
            "Förändrat arbetssätt Roboten påminner brukaren och lämnar ut dosen",
            "Följsamhet till ordination (andel doser som tas): öka från 78 % till 95 %",
            "Ökad följsamhet och struktur i vardagen",
            "Personalens tid för läkemedelsstöd per brukare och vecka: minska från 350 min till 110 min",
            "Frigjord tid vid läkemedelsbesök",
            "Utan kopplat effektmål",
            "Minskade bilkostnader",
        ],
    );
    let en = squash(&text_of(&pdf(&doc, Lang::En, "robots-chain")));
    assert_in_order(
        &en,
        &[
            "Effect chain",
            "Initiative Läkemedelsrobotar i boendestödet",
            "Changed way of working Roboten påminner",
            "Följsamhet till ordination (andel doser som tas): increase from 78 % to 95 %",
            "Not linked to an effect goal",
        ],
    );
    // Without the changed way of working, the chain says so.
    let bare = squash(&text_of(&pdf(&small(None), Lang::Sv, "small-chain")));
    assert_has(
        &bare,
        &[
            "Förändrat arbetssätt Inte beskrivet.",
            "Inga effektmål har angetts.",
        ],
    );
}

#[test]
fn every_benefit_line_has_its_benefit_owner_or_says_it_lacks_one() {
    let doc = sample("lakemedelsrobotar.nytta.json");
    let sv = squash(&rows_of(&pdf(&doc, Lang::Sv, "robots-owners")));
    assert_has(
        &sv,
        &[
            "Nytta Nyttoägare Indikator",
            "Frigjord tid vid läkemedelsbesök Enhetschef boendestödet Minuter per ersatt läkemedelsbesök",
            "Färre läkemedelsavvikelser att utreda Medicinskt ansvarig",
        ],
    );
    let en = squash(&rows_of(&pdf(&small(None), Lang::En, "small-owners")));
    assert_has(
        &en,
        &[
            "Benefit Benefit owner Indicator",
            "Färre nattbesök no benefit owner given",
            "Lugnare nätter no benefit owner given",
        ],
    );
}

#[test]
fn the_commercial_case_says_when_it_was_not_described() {
    let sv = squash(&text_of(&pdf(&small(None), Lang::Sv, "small-commercial")));
    assert_has(
        &sv,
        &["4. Kommersiellt underlag Inget kommersiellt underlag har beskrivits: upphandling, avtalstid, exit och personuppgiftsbiträdesavtal är inte angivna."],
    );
    let en = squash(&text_of(&pdf(&small(None), Lang::En, "small-commercial")));
    assert_has(
        &en,
        &["4. Commercial case No commercial case has been described"],
    );
    let robots = squash(&text_of(&pdf(
        &sample("lakemedelsrobotar.nytta.json"),
        Lang::Sv,
        "robots-commercial",
    )));
    assert_has(
        &robots,
        &[
            "Upphandling Avrop från regionens ramavtal för välfärdsteknik",
            "Avtalstid 4 år",
            "Personuppgiftsbiträdesavtal Behövs. Leverantören behandlar larm- och doseringsdata",
        ],
    );
    assert!(!robots.contains("Inget kommersiellt underlag"), "{robots}");
    // One commercial field is enough for the case to apply; the rest say they are missing.
    let some = small(Some(json!({ "commercial": { "dpa": "unclear" } })));
    let en = squash(&text_of(&pdf(&some, Lang::En, "small-dpa")));
    assert_has(
        &en,
        &[
            "Procurement Not given",
            "Data-processing agreement Not yet clear whether one is needed",
        ],
    );
}

#[test]
fn the_financial_case_splits_investment_from_operating_costs_per_year() {
    let doc = sample("lakemedelsrobotar.nytta.json");
    let sv = squash(&rows_of(&pdf(&doc, Lang::Sv, "robots-financial")));
    assert_has(
        &sv,
        &[
            "2021 (0) Nämndens budget för välfärdsteknik 220 000 kr",
            "2022 (1) Boendestödets driftbudget 36 000 kr",
            // 2021: the robots, 10 × 22 000 kr; 2022: support 10 × 3 600 kr against the
            // fuel saved, 82 125 kr × 50 % ramp = 41 062,50 kr, net 5 062,50 kr.
            "2021 (0) 220 000 kr 0 kr 0 kr −220 000 kr",
            "2022 (1) 0 kr 36 000 kr 41 063 kr 5 063 kr",
            "Plan för frigjord tid Den frigjorda tiden tas inte hem i budgeten",
        ],
    );
    let bare = squash(&rows_of(&pdf(&small(None), Lang::En, "small-financial")));
    assert_has(
        &bare,
        &[
            "Funding Funding source not given",
            "No funding per year has been given.",
            "2025 (0) SEK 100,000 SEK 0 SEK 0 −SEK 100,000",
            "2026 (1) SEK 0 SEK 0 SEK 20,000 SEK 20,000",
        ],
    );
    // Without reallocation benefits there is no freed time to plan for.
    assert!(!bare.contains("Plan for freed time"), "{bare}");
}

#[test]
fn milestones_and_scheduled_follow_ups_are_in_the_management_case() {
    let doc = sample("lakemedelsrobotar.nytta.json");
    let sv = squash(&rows_of(&pdf(&doc, Lang::Sv, "robots-management")));
    assert_in_order(
        &sv,
        &[
            "6. Genomförande och styrning",
            "Milstolpar",
            "2021-04-01 De första tio robotarna placerade hos brukare",
            "Nyttoägare",
            "Uppföljningsplan",
            "Planerade uppföljningar",
            "2022-01-31 Verksamhetsutvecklare AoV Frigjord tid, restid och bilresor",
            "Risker och hinder",
        ],
    );
    let en = squash(&rows_of(&pdf(&small(None), Lang::En, "small-management")));
    assert_has(
        &en,
        &[
            "No milestones have been given.",
            "No follow-ups have been scheduled.",
        ],
    );
}

#[test]
fn a_decision_asked_for_by_the_caller_stands_in_for_a_missing_proposal() {
    let (model, ev) = evaluate(&small(None).to_string(), Lang::Sv);
    let mut opts = ReportOptions::new(Lang::Sv, "2025-03-01");
    opts.decision = Some("Omsorgsnämnden godkänner pilotprojektet.".into());
    let bytes = business_case_pdf(&model, &ev, &opts).unwrap();
    let path = save(&scratch("decision-material"), "small-asked.pdf", &bytes);
    let sv = page_one(&path);
    assert_has(
        &sv,
        &["Förslag till beslut Omsorgsnämnden godkänner pilotprojektet."],
    );
    assert!(!sv.contains("Standardformulering"), "{sv}");
}

#[test]
fn a_budget_view_without_costs_says_there_is_nothing_to_pay_back() {
    // Only a saving from year 1 and no costs: nothing is spent, so there is no payback (the
    // key figure's "cannot be computed: no costs"), never "paid back in 0,0 years".
    let mut doc = small(None);
    doc["valuation"]["lines"].as_array_mut().unwrap().remove(0);
    let sv = page_one(&pdf(&doc, Lang::Sv, "small-at-once"));
    // 20 000 × (0,8 + 0,64 + 0,512) = 39 040 kr.
    assert_has(
        &sv,
        &["Budgetvyn har inga kostnader: det finns inget att betala tillbaka. Nuvärdet i budgetvyn är 39 040 kr."],
    );
    let en = page_one(&pdf(&doc, Lang::En, "small-at-once"));
    assert_has(
        &en,
        &["The budget view has no costs: there is nothing to pay back. The NPV in the budget view is SEK 39,040."],
    );
}

#[test]
fn a_cost_line_linked_to_an_effect_goal_is_not_listed_as_a_benefit() {
    let mut doc = small(None);
    doc["valuation"]["effect_goals"] = json!([
        { "id": "calm_nights", "indicator": "Störda nätter per månad",
          "direction": "decrease", "baseline": 12, "target": 4 }
    ]);
    doc["valuation"]["lines"][0]["effect_goal"] = "calm_nights".into();
    doc["valuation"]["lines"][2]["effect_goal"] = "calm_nights".into();
    let sv = squash(&text_of(&pdf(&doc, Lang::Sv, "small-cost-goal")));
    assert_has(
        &sv,
        &["Störda nätter per månad: minska från 12 till 4 Lugnare nätter"],
    );
    assert!(
        !sv.contains("till 4 Kameror"),
        "a cost line among the benefits: {sv}"
    );
}

#[test]
fn the_funding_has_its_total_and_what_it_leaves_unfunded() {
    // Funding 220 000 + 36 000 + 36 000 = 292 000 kr for 2021–2023; the budget view costs
    // 36 000 kr a year through 2027, so 4 × 36 000 = 144 000 kr in 2024–2027 has no source.
    let doc = sample("lakemedelsrobotar.nytta.json");
    let sv = squash(&text_of(&pdf(&doc, Lang::Sv, "robots-funding")));
    assert_in_order(
        &sv,
        &[
            "Finansiering per år",
            "Summa 292 000 kr",
            "Ej finansierat: 144 000 kr (2024–2027) av budgetvyns kostnader har ingen finansiering det året.",
        ],
    );
    let en = squash(&text_of(&pdf(&doc, Lang::En, "robots-funding")));
    assert_in_order(
        &en,
        &[
            "Funding per year",
            "Total SEK 292,000",
            "Not funded: SEK 144,000 (2024–2027) of the budget view's costs has no funding in its year.",
        ],
    );
    // The small case's 100 000 kr in 2025 funded in full: nothing is left unfunded.
    let funded = small(Some(json!({ "financial": { "funding": [
        { "source": "Investeringsbudget", "year": 0, "amount": 100000 } ] } })));
    let sv = squash(&text_of(&pdf(&funded, Lang::Sv, "small-funded")));
    assert_has(
        &sv,
        &[
            "Summa 100 000 kr",
            "Finansieringen täcker budgetvyns kostnader varje år.",
        ],
    );
    let en = squash(&text_of(&pdf(&funded, Lang::En, "small-funded")));
    assert_has(
        &en,
        &["The funding covers the budget view's costs in every year."],
    );
}
