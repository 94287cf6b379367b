//! The business case of every sample, read back with poppler: the key figures exactly as
//! the app writes them, every section heading, a sensible number of A4 pages, the font
//! embedded and the metadata set.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{pages_of, poppler, rows_of, sample, save, scratch, text_of, SAMPLES};
use nytta_core::format;
use nytta_core::Lang;
use nytta_report::{business_case_pdf, section_headings, ReportError, ReportOptions};

/// Whitespace runs collapsed to one space, since pdftotext lays table cells out with spaces.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn payback(v: Option<rust_decimal::Decimal>, lang: Lang) -> String {
    match (v, lang) {
        (Some(y), _) => format::years(y, lang),
        (None, Lang::Sv) => "inte inom kalkylperioden".into(),
        (None, Lang::En) => "not within the analysis period".into(),
    }
}

fn check_sample(name: &str, lang: Lang) {
    let (model, ev) = sample(name, lang);
    let pdf = business_case_pdf(&model, &ev, &ReportOptions::new(lang, "2024-05-02")).unwrap();
    let dir = scratch("case");
    let path = save(&dir, &format!("{name}.{lang}.pdf"), &pdf);
    let text = squash(&text_of(&path));
    let mut expected = vec![
        format::kronor(ev.economic.npv, lang),
        format::kronor(ev.budget.npv, lang),
        format::kronor(ev.economic.pv_benefits, lang),
        format::kronor(ev.economic.pv_costs, lang),
        payback(ev.economic.payback_years, lang),
        payback(ev.budget.payback_years, lang),
        payback(ev.budget.discounted_payback_years, lang),
        model.doc.initiative.title.clone(),
        "=CF0 + NPV(".to_string(),
        "Utskriven 2024-05-02".replace(
            "Utskriven",
            if lang == Lang::Sv {
                "Utskriven"
            } else {
                "Printed"
            },
        ),
    ];
    expected.extend(section_headings(lang).into_iter().map(String::from));
    for input in &model.doc.valuation.inputs {
        if !input.source.is_empty() {
            expected.push(squash(&input.source));
        }
    }
    for want in expected {
        assert!(
            text.contains(&want),
            "{name} ({lang}): the PDF text lacks {want:?}"
        );
    }
    let pages = pages_of(&path);
    assert!(
        (6..=16).contains(&pages),
        "{name}: {pages} pages, expected 6–16"
    );
    let last = if lang == Lang::Sv {
        format!("Sida {pages} av {pages}")
    } else {
        format!("Page {pages} of {pages}")
    };
    assert!(
        text.contains(&last),
        "{name}: the last page is numbered {last:?}"
    );

    let info = squash(&poppler("pdfinfo", &[&path]));
    assert!(info.contains("A4"), "{name}: A4 pages\n{info}");
    assert!(
        info.contains(&format!("Title: {}", model.doc.initiative.title)),
        "{name}: title in metadata\n{info}"
    );
    let fonts = poppler("pdffonts", &[&path]);
    assert!(
        fonts
            .lines()
            .skip(2)
            .all(|l| l.contains("CID TrueType") && l.contains("Identity-H") && l.contains(" yes ")),
        "{name}: every font embedded\n{fonts}"
    );
}

#[test]
fn every_sample_in_swedish_has_its_key_figures_and_sections() {
    for name in SAMPLES {
        check_sample(name, Lang::Sv);
    }
}

#[test]
fn english_business_case() {
    check_sample("lakemedelsrobotar.nytta.json", Lang::En);
}

#[test]
fn medication_robots_figures_by_hand() {
    // Economic cumulative net: year 0 −321 756, year 1 −46 576, year 2 net +648 586, so
    // payback = 1 + 46 576 / 648 586 = 1.07 years; the budget view's discounted net never
    // turns the sum positive within six years.
    let (model, ev) = sample("lakemedelsrobotar.nytta.json", Lang::Sv);
    let pdf = business_case_pdf(&model, &ev, &ReportOptions::new(Lang::Sv, "2024-05-02")).unwrap();
    let path = save(&scratch("hand"), "robots.pdf", &pdf);
    let rows = squash(&rows_of(&path));
    for want in [
        "Återbetalningstid 1,1 år 5,7 år",
        "Diskonterad återbetalningstid 1,1 år inte inom kalkylperioden",
    ] {
        assert!(rows.contains(want), "the PDF lacks the row {want:?}");
    }
    let text = squash(&text_of(&path));
    for want in [
        // 46 000 kr a month ÷ 142 × 1.54 = 498.87 kr an hour.
        "498,87 kr",
        "månadslön 46 000 kr ÷ 142 × 1,54",
        // 10 robots × 22 000 kr: the explanation of the purchase line, with the units.
        "Beräkning: 10 st × 22 000 kr = 220 000,00 kr",
        "Fördjupad nyttovärdering krävs",
    ] {
        assert!(text.contains(want), "the PDF text lacks {want:?}");
    }
}

#[test]
fn a_printing_date_that_is_not_a_date_is_refused() {
    let (model, ev) = sample("lakemedelsrobotar.nytta.json", Lang::Sv);
    let err = business_case_pdf(&model, &ev, &ReportOptions::new(Lang::Sv, "2 maj")).unwrap_err();
    assert_eq!(err.code(), "bad_date");
    assert!(err.message(Lang::Sv).contains("ÅÅÅÅ-MM-DD"));
    assert!(matches!(err, ReportError::BadDate { .. }));
}

/// The sample Digitala medicinskåp (a draft) with its valuation's label, date, deciding
/// body and status replaced.
fn cabinets_with(label: &str, date: Option<&str>, body: &str, decided: bool, lang: Lang) -> String {
    let text =
        std::fs::read_to_string(common::root().join("samples/digitala-medicinskap.nytta.json"))
            .unwrap();
    let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let v = doc["valuation"].as_object_mut().unwrap();
    v.remove("label");
    v.remove("date");
    if !label.is_empty() {
        v.insert("label".into(), label.into());
    }
    if let Some(date) = date {
        v.insert("date".into(), date.into());
    }
    if !body.is_empty() {
        v.insert("decided_by".into(), body.into());
    }
    if decided {
        v.insert("status".into(), "decided".into());
    }
    let (model, ev) = common::evaluate(&doc.to_string(), lang);
    let pdf = business_case_pdf(&model, &ev, &ReportOptions::new(lang, "2025-03-01")).unwrap();
    let name = format!("cabinets-{}-{decided}-{lang:?}.pdf", label.len());
    squash(&text_of(&save(&scratch("decision"), &name, &pdf)))
}

#[test]
fn a_valuation_without_label_or_date_prints_no_empty_parentheses() {
    let sv = cabinets_with("", None, "", false, Lang::Sv);
    assert!(!sv.contains("()"), "empty parentheses in: {sv}");
    assert!(
        sv.contains("Att genomföra initiativet enligt denna nyttovärdering, med de kostnader"),
        "{sv}"
    );
    let en = cabinets_with("", None, "", false, Lang::En);
    assert!(!en.contains("()"), "empty parentheses in: {en}");
    assert!(
        en.contains("To carry out the initiative as valued here, with the costs"),
        "{en}"
    );
}

#[test]
fn a_decided_version_prints_its_label_decision_date_and_deciding_body() {
    let sv = cabinets_with(
        "Beslutsunderlag",
        Some("2025-02-27"),
        "Omsorgsnämnden",
        true,
        Lang::Sv,
    );
    for want in [
        "enligt denna nyttovärdering (Beslutsunderlag 2025-02-27), med",
        "Version Beslutsunderlag, beslutad 2025-02-27 av Omsorgsnämnden",
    ] {
        assert!(sv.contains(want), "the PDF lacks {want:?}: {sv}");
    }
    let en = cabinets_with(
        "Beslutsunderlag",
        Some("2025-02-27"),
        "Omsorgsnämnden",
        true,
        Lang::En,
    );
    assert!(
        en.contains("Version Beslutsunderlag, decided 2025-02-27 by Omsorgsnämnden"),
        "{en}"
    );
    // A draft says nothing about a decision that has not been taken.
    let draft = cabinets_with("Utkast", Some("2025-02-27"), "", false, Lang::Sv);
    assert!(!draft.contains("beslutad 2025"), "{draft}");
}

/// The business case's text of a sample changed by `edit`.
fn text_of_edited(name: &str, lang: Lang, edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let text = std::fs::read_to_string(common::root().join("samples").join(name)).unwrap();
    let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    edit(&mut doc);
    let (model, ev) = common::evaluate(&doc.to_string(), lang);
    let pdf = business_case_pdf(&model, &ev, &ReportOptions::new(lang, "2025-03-01")).unwrap();
    let file = format!("edited-{lang:?}-{}.pdf", std::process::id());
    squash(&text_of(&save(&scratch("edited"), &file, &pdf)))
}

#[test]
fn the_follow_up_plan_names_indicator_lines_only_when_there_are_some() {
    // Digitala medicinskåp has two lines with an indicator; without them the plan's list
    // and its heading are both left out.
    for (lang, heading) in [
        (Lang::Sv, "Rader med indikator:"),
        (Lang::En, "Lines with an indicator:"),
    ] {
        let with = text_of_edited("digitala-medicinskap.nytta.json", lang, |_| {});
        assert!(with.contains(heading), "{lang:?}: {with}");
        let without = text_of_edited("digitala-medicinskap.nytta.json", lang, |doc| {
            for line in doc["valuation"]["lines"].as_array_mut().unwrap() {
                line.as_object_mut().unwrap().remove("indicator");
            }
        });
        assert!(
            !without.contains(heading),
            "{lang:?}: a heading with nothing under it"
        );
    }
}

#[test]
fn an_effect_goals_method_is_printed_in_its_row() {
    let text = text_of_edited("digitala-medicinskap.nytta.json", Lang::Sv, |doc| {
        doc["valuation"]["effect_goals"][0]["method"] =
            "Stickprov i journalen varje kvartal".into();
    });
    assert!(
        text.contains("Stickprov i journalen varje kvartal"),
        "{text}"
    );
}

/// The business case of a sample as PDF path, saved under `tag`.
fn case_pdf(name: &str, lang: Lang, tag: &str) -> String {
    let (model, ev) = sample(name, lang);
    let pdf = business_case_pdf(&model, &ev, &ReportOptions::new(lang, "2024-05-02")).unwrap();
    save(&scratch(tag), &format!("{name}.{lang:?}.pdf"), &pdf)
}

#[test]
fn switching_values_follow_the_sign_of_the_npv() {
    // Medication robots, budget view: NPV −9 999 kr, PV benefits 405 020 kr, PV costs
    // 415 019 kr, so benefits must rise by 9 999 / 405 020 = 2,47 % and costs fall by
    // 9 999 / 415 019 = 2,41 %. Economic view: 2 829 230 / 3 683 098 = 76,8 % and
    // 2 829 230 / 853 869 = 331,3 %.
    let sv = squash(&rows_of(&case_pdf(
        "lakemedelsrobotar.nytta.json",
        Lang::Sv,
        "switch",
    )));
    for want in [
        "Brytvärde för nyttorna kan minska med 76,8 % behöver öka med 2,5 %",
        "Brytvärde för kostnaderna kan öka med 331,3 % behöver minska med 2,4 %",
    ] {
        assert!(sv.contains(want), "the PDF lacks {want:?}");
    }
    assert!(
        !sv.contains("med −"),
        "a negative share in a sentence: {sv}"
    );
    let en = squash(&rows_of(&case_pdf(
        "lakemedelsrobotar.nytta.json",
        Lang::En,
        "switch",
    )));
    for want in [
        "Switching value of benefits may fall by 76.8% must rise by 2.5%",
        "Switching value of costs may rise by 331.3% must fall by 2.4%",
    ] {
        assert!(en.contains(want), "the PDF lacks {want:?}");
    }
    assert!(!en.contains("by −"), "a negative share in a sentence: {en}");
}

#[test]
fn the_analysis_period_names_the_years_it_covers() {
    let sv = squash(&rows_of(&case_pdf(
        "lakemedelsrobotar.nytta.json",
        Lang::Sv,
        "period",
    )));
    assert!(sv.contains("Kalkylperiod 2021–2027 (år 0–6)"), "{sv}");
    assert!(!sv.contains("år 0 = 2021"), "{sv}");
    let en = squash(&rows_of(&case_pdf(
        "lakemedelsrobotar.nytta.json",
        Lang::En,
        "period",
    )));
    assert!(en.contains("Analysis period 2021–2027 (years 0–6)"), "{en}");
}

#[test]
fn a_decided_version_prints_its_own_status_not_the_initiatives_stage_today() {
    // The robots were decided on 2021-03-01 and are in follow-up now.
    let sv = squash(&rows_of(&case_pdf(
        "lakemedelsrobotar.nytta.json",
        Lang::Sv,
        "status",
    )));
    assert!(
        sv.contains("Version Beslutsunderlag, beslutad 2021-03-01"),
        "{sv}"
    );
    assert!(!sv.contains("uppföljning Prioriteringsgrund"), "{sv}");
    assert!(!sv.contains("Status uppföljning"), "{sv}");
    let en = squash(&rows_of(&case_pdf(
        "lakemedelsrobotar.nytta.json",
        Lang::En,
        "status",
    )));
    assert!(
        en.contains("Version Beslutsunderlag, decided 2021-03-01"),
        "{en}"
    );
    assert!(!en.contains("Stage follow-up"), "{en}");
}

#[test]
fn the_optimism_bias_says_where_it_applies_and_shows_both_amounts() {
    // Digitala examinationer: 10 % bias; the tablets cost 30 × 4 900 = 147 000 kr in the
    // cost table and 147 000 × 1,1 = 161 700 kr in the year tables.
    let sv = squash(&text_of(&case_pdf(
        "digitala-examinationer.nytta.json",
        Lang::Sv,
        "bias",
    )));
    for want in [
        "147 000,00 kr",
        "Med optimismpåslag 10 %: 161 700,00 kr",
        "Beloppen i tabellen ovan är utan optimismpåslag.",
    ] {
        assert!(sv.contains(want), "the PDF lacks {want:?}");
    }
    assert!(
        !sv.contains("Kostnaderna i tabellerna och kalkylen inkluderar"),
        "{sv}"
    );
    let en = squash(&text_of(&case_pdf(
        "digitala-examinationer.nytta.json",
        Lang::En,
        "bias",
    )));
    for want in [
        "With optimism bias 10%: SEK 161,700.00",
        "The amounts in the table above are without optimism bias.",
    ] {
        assert!(en.contains(want), "the PDF lacks {want:?}");
    }
}

/// The number of the first page whose text contains `want`.
fn page_with(path: &str, want: &str) -> Option<usize> {
    (1..=pages_of(path)).find(|p| {
        let p = p.to_string();
        squash(&poppler(
            "pdftotext",
            &["-f", &p, "-l", &p, "-enc", "UTF-8", path, "-"],
        ))
        .contains(want)
    })
}

#[test]
fn the_score_table_has_its_legend_and_stays_with_the_priority_score() {
    for (lang, heading, priority, legend) in [
        (
            Lang::Sv,
            "Bedömning 1/3/5",
            "Prioritetspoäng 4,5",
            "Genomförbarhet: 5 = beprövad lösning, låg risk; 3 = delvis beprövad, viss risk; 1 = oprövad lösning, hög risk.",
        ),
        (
            Lang::En,
            "Scores 1/3/5",
            "Priority score 4.5",
            "Feasibility: 5 = proven solution, low risk; 3 = partly proven, some risk; 1 = untested solution, high risk.",
        ),
    ] {
        let path = case_pdf("lakemedelsrobotar.nytta.json", lang, "matrix");
        let text = squash(&text_of(&path));
        assert!(text.contains(legend), "{lang:?}: no legend in {text}");
        // Effect level 3 from 250 000 kr a year, level 5 from 1 000 000 kr (the defaults).
        let effect = match lang {
            Lang::Sv => "5 = minst 1 000 000 kr per år eller 2 000 h frigjord tid per år, 3 = minst 250 000 kr per år eller 500 h",
            Lang::En => "5 = at least SEK 1,000,000 a year or 2,000 h of freed time a year, 3 = at least SEK 250,000 a year or 500 h",
        };
        assert!(text.contains(effect), "{lang:?}: {text}");
        let at = page_with(&path, heading);
        assert!(at.is_some(), "{lang:?}: no {heading:?}");
        assert_eq!(at, page_with(&path, priority), "{lang:?}: the table is split");
        assert_eq!(at, page_with(&path, legend), "{lang:?}: the legend is apart");
    }
}

#[test]
fn no_figure_is_broken_across_lines() {
    for lang in [Lang::Sv, Lang::En] {
        for name in SAMPLES {
            let text = text_of(&case_pdf(name, lang, "nbsp"));
            // A chart's ticks stand one under the other, each a figure of its own: from a
            // chart's title (its money unit in parentheses) to its caption (a sentence).
            let mut in_chart = false;
            let mut lines: Vec<&str> = Vec::new();
            for line in text.lines().map(str::trim) {
                if ["(tkr)", "(mnkr)", "(SEK thousand)", "(SEK million)"]
                    .iter()
                    .any(|u| line.ends_with(u))
                {
                    in_chart = true;
                } else if in_chart && line.ends_with('.') {
                    in_chart = false;
                }
                if !in_chart {
                    lines.push(line);
                }
            }
            for pair in lines.windows(2) {
                let ends_in_digit = pair[0].chars().last().is_some_and(|c| c.is_ascii_digit());
                let next: Vec<char> = pair[1].chars().collect();
                let group = next.len() >= 3
                    && next[..3].iter().all(char::is_ascii_digit)
                    && next.get(3).is_none_or(|c| !c.is_ascii_digit());
                let unit = ["kr", "%", "h", "år"]
                    .iter()
                    .any(|u| pair[1] == *u || pair[1].starts_with(&format!("{u} ")));
                // English writes no decimal comma: a line ending in ",d" or ",dd" after a
                // digit is a figure cut inside a thousands group ("−SEK 1,674,00" / "0").
                let tail: Vec<char> = pair[0].chars().rev().take(4).collect();
                let cut_group = lang == Lang::En
                    && next.first().is_some_and(char::is_ascii_digit)
                    && (1..=2).any(|k| {
                        tail.len() > k + 1
                            && tail[..k].iter().all(char::is_ascii_digit)
                            && tail[k] == ','
                            && tail[k + 1].is_ascii_digit()
                    });
                // "year 0" / "år 4" is one term: the year's number never starts a line.
                let year = (pair[0].ends_with(" year") || pair[0].ends_with(", år"))
                    && next.first().is_some_and(char::is_ascii_digit)
                    && next.get(1).is_none_or(|c| c.is_whitespace() || *c == ')');
                assert!(
                    !(cut_group || year),
                    "{name} ({lang:?}): a figure or year broken between {:?} and {:?}",
                    pair[0],
                    pair[1]
                );
                assert!(
                    !(ends_in_digit && (group || unit)),
                    "{name} ({lang:?}): a figure broken between {:?} and {:?}",
                    pair[0],
                    pair[1]
                );
            }
        }
    }
}

#[test]
fn a_plain_amount_is_not_explained_as_a_calculation_of_itself() {
    // Digitala examinationer: the configuration costs a plain 80 000 kr; the tablets are
    // 30 × 4 900 = 147 000 kr, a calculation worth showing.
    let sv = squash(&text_of(&case_pdf(
        "digitala-examinationer.nytta.json",
        Lang::Sv,
        "plain",
    )));
    assert!(!sv.contains("80 000 = 80 000,00"), "{sv}");
    assert!(!sv.contains("80 000 kr = 80 000,00 kr"), "{sv}");
    assert!(
        sv.contains("Beräkning: 30 st × 4 900 kr = 147 000,00 kr"),
        "{sv}"
    );
    let en = squash(&text_of(&case_pdf(
        "digitala-examinationer.nytta.json",
        Lang::En,
        "plain",
    )));
    assert!(!en.contains("80,000 = 80,000.00"), "{en}");
    assert!(
        en.contains("Calculation: 30 pcs × SEK 4,900 = SEK 147,000.00"),
        "{en}"
    );
}

/// The words of the report's own text (its headings, column headers and sentences), in
/// lower case.
fn own_words() -> std::collections::HashSet<String> {
    [
        include_str!("../src/text.rs"),
        include_str!("../src/text/five_case.rs"),
    ]
    .iter()
    .flat_map(|src| src.split(|c: char| !c.is_alphabetic()))
    .filter(|w| !w.is_empty())
    .map(str::to_lowercase)
    .collect()
}

#[test]
fn no_column_header_is_split_mid_word() {
    // A word of the report's own text broken over two lines shows in pdftotext's reading
    // order as a line ending in a fragment and the next beginning with the rest, neither of
    // them a word of the report ("Utgångsv" / "ärde" in the effect goals' header).
    let words = own_words();
    let letters =
        |s: &str| -> String { s.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase() };
    for lang in [Lang::Sv, Lang::En] {
        for name in SAMPLES {
            // The business case, and the first follow-up report when the sample has one.
            let mut paths = vec![case_pdf(name, lang, "headers")];
            let (model, ev) = sample(name, lang);
            if !ev.follow_ups.is_empty() {
                let opts = ReportOptions::new(lang, "2024-05-02");
                let pdf = nytta_report::follow_up_pdf(&model, &ev, 0, &opts).unwrap();
                paths.push(save(
                    &scratch("headers"),
                    &format!("{name}.{lang}.fu.pdf"),
                    &pdf,
                ));
            }
            let raw: String = paths
                .iter()
                .map(|path| poppler("pdftotext", &["-raw", "-enc", "UTF-8", path, "-"]))
                .collect();
            let lines: Vec<&str> = raw.lines().map(str::trim).collect();
            for pair in lines.windows(2) {
                let (Some(a), Some(b)) = (
                    pair[0].split_whitespace().last(),
                    pair[1].split_whitespace().next(),
                ) else {
                    continue;
                };
                if a.ends_with(['-', '\u{ad}']) || !a.ends_with(char::is_alphabetic) {
                    continue;
                }
                let (a, b) = (letters(a), letters(b));
                if a.is_empty() || b.is_empty() {
                    continue;
                }
                let joined = format!("{a}{b}");
                assert!(
                    !(words.contains(&joined) && !words.contains(&a) && !words.contains(&b)),
                    "{name} ({lang:?}): {joined:?} is split into {:?} and {:?}",
                    pair[0],
                    pair[1]
                );
            }
        }
    }
}

#[test]
fn the_last_page_is_not_near_empty() {
    // The calculation conventions end the document, fifteen lines or more; kept together with
    // their heading, the last page holds at least all of them, never only their last lines.
    for lang in [Lang::Sv, Lang::En] {
        for name in SAMPLES {
            let path = case_pdf(name, lang, "last-page");
            let last = pages_of(&path).to_string();
            let text = poppler(
                "pdftotext",
                &[
                    "-f", &last, "-l", &last, "-layout", "-enc", "UTF-8", &path, "-",
                ],
            );
            let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
            // The header and the footer are two of them.
            assert!(
                lines >= 2 + 15,
                "{name} ({lang:?}): the last page holds {lines} lines:\n{text}"
            );
        }
    }
}

#[test]
fn the_english_business_case_writes_units_in_english() {
    // The medication robots' inputs are typed in Swedish units: kr/år, besök/dag, besök/år,
    // st, st/år, personer, kr, kr/km; the English report writes them word by word in
    // English, the Swedish one as typed.
    let en = squash(&rows_of(&case_pdf(
        "lakemedelsrobotar.nytta.json",
        Lang::En,
        "units",
    )));
    for want in [
        "SEK/year",
        "visits/day",
        "visits/year",
        "pcs/year",
        "SEK/km",
        "persons",
    ] {
        assert!(en.contains(want), "no {want:?} in {en}");
    }
    let tokens: Vec<&str> = en.split_whitespace().collect();
    for sv in [
        "kr/år",
        "besök/dag",
        "besök/år",
        "st/år",
        "st",
        "personer",
        "kr/km",
    ] {
        assert!(!tokens.contains(&sv), "{sv:?} in the English report: {en}");
    }
    let sv = squash(&rows_of(&case_pdf(
        "lakemedelsrobotar.nytta.json",
        Lang::Sv,
        "units",
    )));
    for want in [
        "kr/år",
        "besök/dag",
        "besök/år",
        "st/år",
        "personer",
        "kr/km",
    ] {
        assert!(sv.contains(want), "no {want:?} in {sv}");
    }
    for en_unit in ["SEK/year", "visits/day", "pcs"] {
        assert!(!sv.contains(en_unit), "{en_unit:?} in the Swedish report");
    }
}

#[test]
fn an_english_unit_stays_on_its_figures_line() {
    // The sensitivity table's likely value with its unit ("SEK 60,000/year" in Digitala
    // examinationer) broke after "SEK/" in a column too narrow for it.
    for name in SAMPLES {
        let path = case_pdf(name, Lang::En, "unit-lines");
        let raw = poppler("pdftotext", &["-raw", "-enc", "UTF-8", &path, "-"]);
        for line in raw.lines() {
            assert!(
                !line.trim_end().ends_with("SEK/"),
                "{name}: a unit broken after its slash: {line:?}"
            );
        }
    }
}

#[test]
fn full_effect_names_its_basis_per_line_and_for_the_initiative() {
    // The freed-time line: 150 h × 60 / 60 × 1 × 498,873239 kr/h × 365 / 33,33… as the engine
    // explains it, 818 968,75 kr a year before its 80 % confidence. The initiative's effect:
    // 818 968,75 × 0,8 + 13 590 × 0,7 + 82 125 = 746 813 kr a year after confidence.
    for (lang, line, whole) in [
        (
            Lang::Sv,
            "818 968,75 kr per år vid full effekt, före konfidens",
            "Beräknad: 746 813 kr per år vid full effekt efter konfidens",
        ),
        (
            Lang::En,
            "SEK 818,968.75 a year at full effect, before confidence",
            "Computed: SEK 746,813 a year at full effect after confidence",
        ),
    ] {
        let text = squash(&text_of(&case_pdf(
            "lakemedelsrobotar.nytta.json",
            lang,
            "full-effect",
        )));
        assert!(text.contains(line), "{lang:?} lacks {line:?}: {text}");
        assert!(text.contains(whole), "{lang:?} lacks {whole:?}: {text}");
    }
}

#[test]
fn tables_with_nets_and_totals_say_how_they_are_rounded() {
    // The robots' budget view: the net −220 000 kr in 2021 and 5 062,50 kr in 2022 (shown
    // as 5 063 kr) make the cumulative net −214 937,50 kr, shown as −214 938 kr.
    for (lang, note) in [
        (
            Lang::Sv,
            "Beloppen är avrundade till hela kronor var för sig; netton och summor är räknade på exakta belopp",
        ),
        (
            Lang::En,
            "The amounts are rounded to whole kronor one by one; nets and totals are computed on exact amounts",
        ),
    ] {
        let text = squash(&text_of(&case_pdf(
            "lakemedelsrobotar.nytta.json",
            lang,
            "rounding",
        )));
        // Under the year tables and under the financial case's budget table.
        assert_eq!(text.matches(note).count(), 2, "{lang:?}: {text}");
    }
}
