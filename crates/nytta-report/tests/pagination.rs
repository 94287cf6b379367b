//! Page breaks in every sample's business case, read from the PDF's word boxes
//! (`pdftotext -bbox`): no heading stands alone at a page's foot, and no section starts a
//! new page after one left half empty.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{poppler, sample, save, scratch, SAMPLES};
use nytta_core::Lang;
use nytta_report::{business_case_pdf, section_headings, ReportOptions};

/// Top of the text column below the header, in points from the page's top.
const COLUMN_TOP: f64 = 66.0;
/// Bottom of the text column above the footer, in points from the page's top.
const COLUMN_BOTTOM: f64 = 841.8898 - 62.0;

/// A line of a page: the bottom of its words and their text.
struct Line {
    bottom: f64,
    text: String,
}

fn attr(tag: &str, name: &str) -> f64 {
    let from = tag.find(&format!("{name}=\"")).expect("an attribute") + name.len() + 2;
    let to = from + tag[from..].find('"').expect("a closing quote");
    tag[from..to].parse().expect("a number")
}

/// Each page's lines inside the text column, top to bottom.
fn pages(path: &str) -> Vec<Vec<Line>> {
    let html = poppler("pdftotext", &["-bbox", "-enc", "UTF-8", path, "-"]);
    let mut pages: Vec<Vec<(f64, f64, f64, String)>> = Vec::new();
    for line in html.lines().map(str::trim) {
        if line.starts_with("<page ") {
            pages.push(Vec::new());
        } else if let Some(rest) = line.strip_prefix("<word ") {
            let (tag, word) = rest.split_once('>').expect("a word's tag");
            let word = word.trim_end_matches("</word>").replace("&amp;", "&");
            let (top, bottom) = (attr(tag, "yMin"), attr(tag, "yMax"));
            if top >= COLUMN_TOP - 2.0 && bottom <= COLUMN_BOTTOM + 2.0 {
                if let Some(page) = pages.last_mut() {
                    page.push((top, bottom, attr(tag, "xMin"), word));
                }
            }
        }
    }
    pages
        .into_iter()
        .map(|mut words| {
            words.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.2.total_cmp(&b.2)));
            let mut lines: Vec<Line> = Vec::new();
            let mut last_top = f64::NEG_INFINITY;
            for (top, bottom, _, word) in words {
                match lines.last_mut() {
                    Some(l) if (top - last_top).abs() < 1.0 => {
                        l.text.push(' ');
                        l.text.push_str(&word);
                        l.bottom = l.bottom.max(bottom);
                    }
                    _ => {
                        lines.push(Line { bottom, text: word });
                        last_top = top;
                    }
                }
            }
            lines
        })
        .collect()
}

fn case_pdf(name: &str, lang: Lang) -> String {
    let (model, ev) = sample(name, lang);
    let pdf = business_case_pdf(&model, &ev, &ReportOptions::new(lang, "2024-05-02")).unwrap();
    save(
        &scratch("pagination"),
        &format!("{name}.{lang:?}.pdf"),
        &pdf,
    )
}

#[test]
fn no_heading_ends_a_page_and_no_section_starts_after_a_half_empty_one() {
    // Seen in review: "Diagram", "Kostnader", "2. Strategic case" and "Känslighetsanalys"
    // alone at a page's foot; the English medication robots' page 4 half empty because
    // "3. Economic case" was kept whole with its options table on the next page.
    for lang in [Lang::Sv, Lang::En] {
        let mut headings = section_headings(lang);
        headings.extend(match lang {
            Lang::Sv => ["Diagram", "Kostnader", "Nyttor", "Känslighetsanalys"],
            Lang::En => ["Charts", "Costs", "Benefits", "Sensitivity analysis"],
        });
        for name in SAMPLES {
            let pages = pages(&case_pdf(name, lang));
            for (k, page) in pages.iter().enumerate() {
                let Some(last) = page.last() else { continue };
                // The contents on the first page list the sections' headings as its items.
                let contents = page
                    .iter()
                    .any(|l| ["Innehåll", "Contents"].contains(&l.text.as_str()));
                assert!(
                    k + 1 == pages.len() || contents || !headings.contains(&last.text.as_str()),
                    "{name} ({lang:?}): page {} ends with the heading {:?}",
                    k + 1,
                    last.text
                );
                let opens_section = page
                    .first()
                    .is_some_and(|l| section_headings(lang).contains(&l.text.as_str()));
                if let (true, Some(before)) = (opens_section, k.checked_sub(1)) {
                    let filled = pages[before].last().map_or(COLUMN_TOP, |l| l.bottom);
                    let half = COLUMN_TOP + 0.5 * (COLUMN_BOTTOM - COLUMN_TOP);
                    assert!(
                        filled >= half,
                        "{name} ({lang:?}): page {} is filled to {filled:.0} pt of {COLUMN_BOTTOM:.0} before {:?}",
                        before + 1,
                        page[0].text
                    );
                }
            }
        }
    }
}
