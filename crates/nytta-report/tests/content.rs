//! The business case's content blocks (what the app shows) and its PDF (what the manager
//! reads) are one document: every text of the blocks — title, headings, paragraphs, list
//! items, table header and body cells, chart captions — appears in the PDF's text, in the
//! same order, and the PDF's outline holds exactly the blocks' headings.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{poppler, sample, save, scratch, SAMPLES};
use nytta_core::Lang;
use nytta_report::{business_case_content, business_case_pdf, Block, ReportOptions};

/// Whitespace runs collapsed to one space (pdftotext breaks lines where the PDF wraps).
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `s` without whitespace: the order and the characters of the text, wherever a narrow
/// column wrapped it.
fn bare(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Every text of `blocks`, in reading order.
fn texts(blocks: &[Block]) -> Vec<String> {
    let mut out = Vec::new();
    for b in blocks {
        match b {
            Block::Title { title, subtitle } => {
                out.push(title.clone());
                out.push(subtitle.clone());
            }
            Block::Heading { text, .. } | Block::Paragraph { text, .. } => out.push(text.clone()),
            Block::Labelled { label, text } => {
                out.push(label.clone());
                out.push(text.clone());
            }
            Block::Bullets { items } => out.extend(items.iter().cloned()),
            Block::Table { header, rows, .. } => {
                out.extend(header.iter().filter(|h| !h.is_empty()).cloned());
                for row in rows {
                    for cell in &row.cells {
                        out.extend(cell.iter().map(|r| r.text.clone()));
                    }
                }
            }
            Block::Figure { caption, .. } => out.extend(caption.iter().cloned()),
        }
    }
    out.into_iter()
        .map(|t| bare(&t))
        .filter(|t| !t.is_empty())
        .collect()
}

/// The outline's titles and their depth in the outline tree, read with lopdf.
fn outline(pdf: &[u8]) -> Vec<(u8, String)> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let catalog = doc.catalog().unwrap();
    let root = doc
        .get_dictionary(catalog.get(b"Outlines").unwrap().as_reference().unwrap())
        .unwrap();
    let mut out = Vec::new();
    walk(&doc, root, 1, &mut out);
    out
}

fn walk(doc: &lopdf::Document, parent: &lopdf::Dictionary, level: u8, out: &mut Vec<(u8, String)>) {
    let mut next = parent.get(b"First").ok().map(|f| f.as_reference().unwrap());
    while let Some(id) = next {
        let item = doc.get_dictionary(id).unwrap();
        let title = lopdf::decode_text_string(item.get(b"Title").unwrap()).unwrap();
        out.push((level, title));
        walk(doc, item, level + 1, out);
        next = item.get(b"Next").ok().map(|n| n.as_reference().unwrap());
    }
}

fn check(name: &str, lang: Lang) {
    let (model, ev) = sample(name, lang);
    let opts = ReportOptions::new(lang, "2024-05-02");
    let blocks = business_case_content(&model, &ev, &opts).unwrap();
    let pdf = business_case_pdf(&model, &ev, &opts).unwrap();
    let path = save(&scratch("content"), &format!("{name}.{lang}.pdf"), &pdf);
    // The text column only (A4, 66 pt header and 62 pt footer bands left out): the running
    // header and footer are page furniture, not content.
    let text = bare(&poppler(
        "pdftotext",
        &[
            "-raw", "-x", "0", "-y", "60", "-W", "596", "-H", "722", "-enc", "UTF-8", &path, "-",
        ],
    ));

    let mut at = 0;
    for want in texts(&blocks) {
        let Some(found) = text[at..].find(&want) else {
            panic!(
                "{name} ({lang}): {want:?} is not in the PDF after byte {at}: …{}…",
                &text[at..text.len().min(at + 300)]
            );
        };
        at += found + want.len();
    }

    // Every heading is a bookmark, in order; a section's subheadings nest under it.
    let headings: Vec<String> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { text, .. } => Some(squash(text)),
            _ => None,
        })
        .collect();
    assert!(headings.len() > 20, "{name}: {} headings", headings.len());
    let bookmarks = outline(&pdf);
    let titles: Vec<String> = bookmarks.iter().map(|(_, t)| t.clone()).collect();
    assert_eq!(titles, headings, "{name} ({lang}): outline");
    for (b, (level, _)) in blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level, .. } => Some(*level),
            _ => None,
        })
        .zip(&bookmarks)
    {
        assert!(
            *level <= b,
            "{name} ({lang}): a level-{b} heading bookmarked at level {level}"
        );
    }

    let figures = blocks
        .iter()
        .filter(|b| matches!(b, Block::Figure { svg, alt, caption: Some(_), .. } if svg.starts_with("<svg") && !alt.is_empty()))
        .count();
    assert!(figures >= 4, "{name} ({lang}): {figures} captioned figures");
    // The sum rows are the year tables' totals and, when the sample is funded, the funding
    // table's total, and only they.
    let sums: Vec<&str> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table { rows, .. } => rows.iter().find(|r| r.sum),
            _ => None,
        })
        .map(|r| r.cells[0][0].text.as_str())
        .collect();
    let total = if lang == Lang::Sv { "Summa" } else { "Total" };
    let funded = model
        .doc
        .valuation
        .case
        .as_ref()
        .is_some_and(|c| !c.financial.funding.is_empty());
    let want = if funded { 3 } else { 2 };
    assert_eq!(sums, vec![total; want], "{name} ({lang}): sum rows");
}

#[test]
fn the_content_blocks_and_the_pdf_say_the_same_in_the_same_order() {
    for name in SAMPLES {
        for lang in [Lang::Sv, Lang::En] {
            check(name, lang);
        }
    }
}
