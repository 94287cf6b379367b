//! Every PDF Nytta writes is checked here against the rules of PDF/A-2 (ISO 19005-2) and
//! tagged PDF (ISO 32000-1 §14.8) that an archive and a screen reader depend on, read from
//! the file itself with lopdf — not from the writer's own validator:
//! - the header says PDF 1.7 at most and is followed by a binary comment (6.1.2);
//! - the trailer has an ID and no Encrypt (6.1.3);
//! - the catalogue's XMP metadata names `pdfaid:part` 2 with a conformance level A, B or U,
//!   and its title is the Info dictionary's (6.6.2, 6.6.3); no empty Info entries;
//! - an OutputIntent `GTS_PDFA1` with an embedded ICC profile for RGB (6.2.3), none of its
//!   entries an empty string;
//! - every font is embedded, subset (a name `ABCDEF+…`) and has a ToUnicode map, a
//!   CIDFontType2 a CIDToGIDMap (6.2.11.3–6.2.11.7), and no text shows glyph 0 (.notdef,
//!   a missing glyph; 6.2.11.8);
//! - `/Lang`, MarkInfo `/Marked true`, a StructTreeRoot whose elements include the headings,
//!   tables with TH header cells and the same number of cells in every row, and figures each
//!   with an `/Alt` text (6.8, level A; PDF/UA-1 7.5), and `pdfuaid:part` 1 in the XMP;
//! - an Outlines dictionary whose entries are the document's headings in order.
//!
//! It runs on every sample's business case in Swedish and English, the follow-up reports, the
//! PULS agenda and a document of tables (the portfolio report), and it fails on a PDF that
//! breaks each rule.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::sample;
use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};
use nytta_core::document::{NeedsField, NeedsPart, Stage};
use nytta_core::Lang;
use nytta_report::{
    agenda_pdf, business_case_pdf, follow_up_pdf, section_headings, tables_pdf, AgendaDoc,
    AgendaEntry, DocChart, DocSection, DocTable, ReportOptions, TableDoc,
};
use rust_decimal::Decimal;

/// What the check found out about a file besides its problems.
#[derive(Debug, Default)]
struct Found {
    problems: Vec<String>,
    roles: BTreeSet<String>,
    outline: Vec<String>,
    headings: Vec<String>,
}

fn text(obj: &Object) -> String {
    match obj {
        Object::String(bytes, _) => {
            if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
                let units: Vec<u16> = rest
                    .chunks(2)
                    .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                    .collect();
                String::from_utf16_lossy(&units)
            } else {
                bytes.iter().map(|&b| char::from(b)).collect()
            }
        }
        Object::Name(n) => String::from_utf8_lossy(n).into_owned(),
        _ => String::new(),
    }
}

fn deref<'a>(doc: &'a Document, obj: &'a Object) -> &'a Object {
    doc.dereference(obj).map_or(obj, |(_, o)| o)
}

fn dict<'a>(doc: &'a Document, d: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    d.get(key).ok().and_then(|o| deref(doc, o).as_dict().ok())
}

fn name(d: &Dictionary, key: &[u8]) -> String {
    d.get(key).map(text).unwrap_or_default()
}

/// The value of the XMP property `prop` (an element or an attribute).
fn xmp_value(xmp: &str, prop: &str) -> Option<String> {
    let xml = roxmltree::Document::parse(xmp).ok()?;
    let (prefix, local) = prop.split_once(':')?;
    let ns = xml
        .descendants()
        .find_map(|n| n.lookup_namespace_uri(Some(prefix)))?
        .to_string();
    xml.descendants().find_map(|n| {
        if n.tag_name().name() == local && n.tag_name().namespace() == Some(ns.as_str()) {
            Some(
                n.descendants()
                    .filter(|t| t.is_text())
                    .filter_map(|t| t.text())
                    .collect::<String>(),
            )
        } else {
            n.attribute((ns.as_str(), local)).map(str::to_string)
        }
    })
}

/// Checks `pdf` (in language `lang`) against the rules above.
fn check(pdf: &[u8], lang: &str) -> Found {
    let mut found = Found::default();
    let p = &mut found.problems;
    // 6.1.2 File header.
    let header = pdf.split(|&b| b == b'\n').next().unwrap_or_default();
    match std::str::from_utf8(header)
        .ok()
        .and_then(|h| h.trim().strip_prefix("%PDF-"))
    {
        Some(v) if ["1.4", "1.5", "1.6", "1.7"].contains(&v) => {}
        other => p.push(format!("header: PDF version {other:?}, want at most 1.7")),
    }
    let second = pdf.split(|&b| b == b'\n').nth(1).unwrap_or_default();
    if !(second.starts_with(b"%") && second.iter().skip(1).take(4).all(|&b| b >= 128)) {
        p.push("header: no binary comment after the version".into());
    }
    let doc = match Document::load_mem(pdf) {
        Ok(d) => d,
        Err(e) => {
            p.push(format!("the file does not parse: {e}"));
            return found;
        }
    };
    // 6.1.3 Trailer.
    if doc.trailer.get(b"Encrypt").is_ok() {
        p.push("trailer: Encrypt present".into());
    }
    if doc.trailer.get(b"ID").is_err() {
        p.push("trailer: no ID".into());
    }
    let Ok(catalog) = doc.catalog() else {
        p.push("no catalogue".into());
        return found;
    };
    // 6.6 Metadata.
    let xmp = catalog
        .get(b"Metadata")
        .ok()
        .map(|o| deref(&doc, o))
        .and_then(|o| o.as_stream().ok())
        .and_then(|s| {
            s.decompressed_content()
                .ok()
                .or_else(|| Some(s.content.clone()))
        })
        .map(|b| String::from_utf8_lossy(&b).into_owned());
    let info = dict(&doc, &doc.trailer, b"Info");
    match &xmp {
        None => p.push("catalogue: no XMP metadata stream".into()),
        Some(xmp) => {
            if xmp_value(xmp, "pdfaid:part").as_deref() != Some("2") {
                p.push("XMP: pdfaid:part is not 2".into());
            }
            match xmp_value(xmp, "pdfaid:conformance").as_deref() {
                Some("A" | "B" | "U") => {}
                other => p.push(format!("XMP: pdfaid:conformance {other:?}")),
            }
            if xmp_value(xmp, "pdfuaid:part").as_deref() != Some("1") {
                p.push("XMP: pdfuaid:part is not 1 (PDF/UA-1)".into());
            }
            let title = xmp_value(xmp, "dc:title").unwrap_or_default();
            if title.trim().is_empty() {
                p.push("XMP: no dc:title".into());
            }
            if let Some(info) = info {
                if info.get(b"Title").is_ok_and(|t| text(t) != title) {
                    p.push("Info Title differs from dc:title".into());
                }
            }
        }
    }
    if let Some(info) = info {
        for (key, value) in info.iter() {
            if text(deref(&doc, value)).trim().is_empty() && !matches!(value, Object::Boolean(_)) {
                p.push(format!("Info: empty {}", String::from_utf8_lossy(key)));
            }
        }
    }
    // 6.2.3 Output intent.
    let intents = catalog
        .get(b"OutputIntents")
        .ok()
        .map(|o| deref(&doc, o))
        .and_then(|o| o.as_array().ok());
    let pdfa_intent = intents.into_iter().flatten().any(|i| {
        let Ok(i) = deref(&doc, i).as_dict() else {
            return false;
        };
        let profile = i
            .get(b"DestOutputProfile")
            .ok()
            .map(|o| deref(&doc, o))
            .and_then(|o| o.as_stream().ok());
        name(i, b"S") == "GTS_PDFA1"
            && profile.is_some_and(|s| {
                let data = s
                    .decompressed_content()
                    .unwrap_or_else(|_| s.content.clone());
                s.dict.get(b"N").and_then(Object::as_i64).ok() == Some(3)
                    && data.get(36..40) == Some(b"acsp".as_slice())
            })
    });
    for intent in intents.into_iter().flatten() {
        if let Ok(intent) = deref(&doc, intent).as_dict() {
            for (key, value) in intent.iter() {
                if matches!(value, Object::String(s, _) if s.is_empty()) {
                    p.push(format!(
                        "output intent: empty {}",
                        String::from_utf8_lossy(key)
                    ));
                }
            }
        }
    }
    if !pdfa_intent {
        p.push("no GTS_PDFA1 output intent with an RGB ICC profile".into());
    }
    // 6.2.11 Fonts, and glyph 0 in the text shown.
    for (id, obj) in &doc.objects {
        let Ok(font) = obj.as_dict() else { continue };
        if name(font, b"Type") != "Font" {
            continue;
        }
        let subtype = name(font, b"Subtype");
        if subtype == "Type3" {
            continue;
        }
        let base = name(font, b"BaseFont");
        let (prefix, _) = base.split_once('+').unwrap_or(("", ""));
        if prefix.len() != 6 || !prefix.chars().all(|c| c.is_ascii_uppercase()) {
            p.push(format!(
                "font {id:?} {base}: not subset (no ABCDEF+ prefix)"
            ));
        }
        if subtype == "Type0" {
            if font.get(b"ToUnicode").is_err() {
                p.push(format!("font {base}: no ToUnicode"));
            }
            continue;
        }
        if subtype == "CIDFontType2" && font.get(b"CIDToGIDMap").is_err() {
            p.push(format!("font {base}: no CIDToGIDMap"));
        }
        let embedded = dict(&doc, font, b"FontDescriptor").is_some_and(|fd| {
            [b"FontFile".as_slice(), b"FontFile2", b"FontFile3"]
                .iter()
                .any(|k| fd.get(k).is_ok())
        });
        if !embedded {
            p.push(format!("font {base}: not embedded"));
        }
        if subtype != "CIDFontType2" && subtype != "CIDFontType0" && font.get(b"ToUnicode").is_err()
        {
            p.push(format!("font {base}: no ToUnicode"));
        }
    }
    let mut streams: Vec<Vec<u8>> = doc
        .get_pages()
        .values()
        .map(|&page| doc.get_page_content(page))
        .collect();
    streams.extend(doc.objects.values().filter_map(|o| {
        let s = o.as_stream().ok()?;
        (name(&s.dict, b"Subtype") == "Form").then(|| {
            s.decompressed_content()
                .unwrap_or_else(|_| s.content.clone())
        })
    }));
    for content in streams {
        let Ok(ops) = Content::decode(&content) else {
            p.push("a content stream does not parse".into());
            continue;
        };
        for op in ops.operations {
            let strings: Vec<&Object> = match op.operator.as_str() {
                "Tj" | "'" | "\"" => op.operands.iter().collect(),
                "TJ" => op
                    .operands
                    .iter()
                    .filter_map(|o| o.as_array().ok())
                    .flatten()
                    .collect(),
                _ => continue,
            };
            for s in strings {
                if let Object::String(bytes, _) = s {
                    if bytes.chunks(2).any(|c| c == [0, 0]) {
                        p.push("text shows glyph 0 (a missing glyph)".into());
                    }
                }
            }
        }
    }
    // Language, marking and the structure tree.
    if name(catalog, b"Lang") != lang {
        p.push(format!(
            "catalogue: /Lang {:?}, want {lang}",
            name(catalog, b"Lang")
        ));
    }
    if !dict(&doc, catalog, b"MarkInfo")
        .is_some_and(|m| m.get(b"Marked").and_then(Object::as_bool).unwrap_or(false))
    {
        p.push("catalogue: not marked as tagged (MarkInfo)".into());
    }
    let role_map = dict(&doc, catalog, b"StructTreeRoot").and_then(|r| dict(&doc, r, b"RoleMap"));
    match dict(&doc, catalog, b"StructTreeRoot") {
        None => p.push("catalogue: no StructTreeRoot".into()),
        Some(root) => {
            let mut rows: BTreeMap<Option<ObjectId>, BTreeSet<usize>> = BTreeMap::new();
            let mut stack: Vec<&Object> = root.get(b"K").ok().into_iter().collect();
            while let Some(obj) = stack.pop() {
                match deref(&doc, obj) {
                    Object::Array(items) => stack.extend(items.iter().rev()),
                    Object::Dictionary(elem) if elem.get(b"S").is_ok() => {
                        let mut role = name(elem, b"S");
                        if let Some(mapped) = role_map.and_then(|m| m.get(role.as_bytes()).ok()) {
                            role = text(mapped);
                        }
                        if role == "Figure"
                            && elem
                                .get(b"Alt")
                                .map(text)
                                .unwrap_or_default()
                                .trim()
                                .is_empty()
                        {
                            p.push("a Figure without /Alt text".into());
                        }
                        if role == "TR" {
                            let cells = elem
                                .get(b"K")
                                .ok()
                                .and_then(|k| deref(&doc, k).as_array().ok())
                                .into_iter()
                                .flatten()
                                .filter(|c| {
                                    deref(&doc, c).as_dict().is_ok_and(|c| {
                                        ["TH", "TD"].contains(&name(c, b"S").as_str())
                                    })
                                })
                                .count();
                            let mut table = elem.get(b"P").ok().and_then(|o| o.as_reference().ok());
                            if let Some(group) = table.and_then(|t| doc.get_dictionary(t).ok()) {
                                if ["THead", "TBody", "TFoot"].contains(&name(group, b"S").as_str())
                                {
                                    table =
                                        group.get(b"P").ok().and_then(|o| o.as_reference().ok());
                                }
                            }
                            rows.entry(table).or_default().insert(cells);
                        }
                        if role == "H1" || role == "H2" {
                            found
                                .headings
                                .push(elem.get(b"T").map(text).unwrap_or_default());
                        }
                        found.roles.insert(role);
                        if let Ok(k) = elem.get(b"K") {
                            stack.push(k);
                        }
                    }
                    _ => {}
                }
            }
            if rows.values().any(|counts| counts.len() > 1) {
                p.push("a table whose rows have different numbers of cells".into());
            }
        }
    }
    // The outline.
    match dict(&doc, catalog, b"Outlines") {
        None => p.push("catalogue: no Outlines".into()),
        Some(outlines) => {
            let mut stack: Vec<ObjectId> = outlines
                .get(b"First")
                .and_then(Object::as_reference)
                .into_iter()
                .collect();
            while let Some(id) = stack.pop() {
                let Ok(item) = doc.get_dictionary(id) else {
                    break;
                };
                found
                    .outline
                    .push(item.get(b"Title").map(text).unwrap_or_default());
                if let Ok(next) = item.get(b"Next").and_then(Object::as_reference) {
                    stack.push(next);
                }
                if let Ok(first) = item.get(b"First").and_then(Object::as_reference) {
                    stack.push(first);
                }
            }
        }
    }
    found
}

/// Checks `pdf` and the structure every document has (H1 headings, tables with TH cells,
/// the outline in the order of the headings).
fn conforms(what: &str, pdf: &[u8], lang: Lang) -> Found {
    let code = match lang {
        Lang::Sv => "sv-SE",
        Lang::En => "en-GB",
    };
    let found = check(pdf, code);
    assert!(found.problems.is_empty(), "{what}: {:#?}", found.problems);
    for role in ["H1", "P", "Table", "TR", "TD"] {
        assert!(
            found.roles.contains(role),
            "{what}: no {role} in {:?}",
            found.roles
        );
    }
    assert!(!found.outline.is_empty(), "{what}: an empty outline");
    assert_eq!(found.outline, found.headings, "{what}: outline = headings");
    found
}

#[test]
fn every_sample_business_case_is_pdf_a_2_tagged_with_an_outline() {
    for name in common::SAMPLES {
        for lang in [Lang::Sv, Lang::En] {
            let (model, ev) = sample(name, lang);
            let pdf =
                business_case_pdf(&model, &ev, &ReportOptions::new(lang, "2024-05-02")).unwrap();
            let what = format!("{name} {lang:?}");
            let found = conforms(&what, &pdf, lang);
            for role in ["H2", "TH", "Figure", "L", "LI"] {
                assert!(found.roles.contains(role), "{what}: no {role}");
            }
            for heading in section_headings(lang) {
                assert!(
                    found.outline.iter().any(|t| t == heading),
                    "{what}: {heading} not in the outline {:?}",
                    found.outline
                );
            }
        }
    }
}

#[test]
fn the_metadata_names_title_author_keywords_diarienummer_language_and_both_dates() {
    let (model, ev) = sample("lakemedelsrobotar.nytta.json", Lang::Sv);
    let pdf = business_case_pdf(&model, &ev, &ReportOptions::new(Lang::Sv, "2024-05-02")).unwrap();
    let doc = Document::load_mem(&pdf).unwrap();
    let root = doc.catalog().unwrap();
    let stream = deref(&doc, root.get(b"Metadata").unwrap())
        .as_stream()
        .unwrap();
    let xmp = String::from_utf8_lossy(&stream.content).into_owned();
    assert_eq!(
        xmp_value(&xmp, "dc:title").as_deref(),
        Some("Läkemedelsrobotar i boendestödet")
    );
    assert_eq!(
        xmp_value(&xmp, "dc:creator").as_deref(),
        Some("Verksamhetsutvecklare AoV, Arbete och välfärd")
    );
    assert_eq!(
        xmp_value(&xmp, "pdf:Keywords").as_deref(),
        Some("läkemedel, välfärdsteknik, boendestöd, socialpsykiatri, Diarienummer AoV 2021/0042")
    );
    assert_eq!(xmp_value(&xmp, "dc:language").as_deref(), Some("sv-SE"));
    assert!(xmp_value(&xmp, "xmp:CreateDate").is_some_and(|d| d.starts_with("2024-05-02")));
    // The version was decided on 2021-03-01 (valuation.date of a decided version).
    assert_eq!(xmp_value(&xmp, "dc:date").as_deref(), Some("2021-03-01"));
    let en = business_case_pdf(&model, &ev, &ReportOptions::new(Lang::En, "2024-05-02")).unwrap();
    let doc = Document::load_mem(&en).unwrap();
    let stream = deref(&doc, doc.catalog().unwrap().get(b"Metadata").unwrap())
        .as_stream()
        .unwrap();
    let xmp = String::from_utf8_lossy(&stream.content).into_owned();
    assert!(xmp_value(&xmp, "pdf:Keywords")
        .is_some_and(|k| k.ends_with("Registration number AoV 2021/0042")));
    assert_eq!(xmp_value(&xmp, "dc:language").as_deref(), Some("en-GB"));
    assert_eq!(xmp_value(&xmp, "dc:date").as_deref(), Some("2021-03-01"));
    // A draft has no decision date.
    let (model, ev) = sample("digitala-medicinskap.nytta.json", Lang::Sv);
    let draft =
        business_case_pdf(&model, &ev, &ReportOptions::new(Lang::Sv, "2024-05-02")).unwrap();
    let doc = Document::load_mem(&draft).unwrap();
    let stream = deref(&doc, doc.catalog().unwrap().get(b"Metadata").unwrap())
        .as_stream()
        .unwrap();
    let xmp = String::from_utf8_lossy(&stream.content).into_owned();
    assert_eq!(xmp_value(&xmp, "dc:date"), None);
}

#[test]
fn characters_the_font_lacks_still_make_a_conforming_pdf_that_reads_them() {
    // An emoji and Chinese characters in free texts: DejaVu Sans has no glyph for them.
    // krilla refuses the missing glyph under PDF/A, so the report failed as a whole.
    let text = std::fs::read_to_string(common::root().join("samples/lakemedelsrobotar.nytta.json"))
        .unwrap()
        .replace(
            "Läkemedelsrobotar i boendestödet",
            "Läkemedelsrobotar i boendestödet 🚀 机器人",
        )
        .replace("Antal läkemedelsrobotar", "Antal läkemedelsrobotar 🤖");
    let (model, ev) = common::evaluate(&text, Lang::Sv);
    let pdf = business_case_pdf(&model, &ev, &ReportOptions::new(Lang::Sv, "2024-05-02")).unwrap();
    conforms("emoji", &pdf, Lang::Sv);
    let path = common::save(&common::scratch("conformance"), "emoji.pdf", &pdf);
    let read = common::text_of(&path);
    assert!(read.contains("boendestödet 🚀 机器人"), "{read}");
}

#[test]
fn the_largest_business_case_is_under_200_kb() {
    let mut sizes = Vec::new();
    for name in common::SAMPLES {
        for lang in [Lang::Sv, Lang::En] {
            let (model, ev) = sample(name, lang);
            let pdf =
                business_case_pdf(&model, &ev, &ReportOptions::new(lang, "2024-05-02")).unwrap();
            println!("{name} {lang:?}: {} bytes", pdf.len());
            sizes.push((pdf.len(), format!("{name} {lang:?}")));
        }
    }
    let (largest, what) = sizes.into_iter().max().unwrap();
    println!("largest business case: {what}, {largest} bytes (limit 200 000)");
    assert!(largest < 200_000, "{what}: {largest} bytes");
}

#[test]
fn follow_up_reports_agenda_and_table_documents_conform() {
    for name in common::SAMPLES {
        for lang in [Lang::Sv, Lang::En] {
            let (model, ev) = sample(name, lang);
            for i in 0..ev.follow_ups.len() {
                let pdf =
                    follow_up_pdf(&model, &ev, i, &ReportOptions::new(lang, "2024-05-02")).unwrap();
                let found = conforms(&format!("{name} follow-up {i} {lang:?}"), &pdf, lang);
                assert!(found.roles.contains("Figure") && found.roles.contains("TH"));
            }
        }
    }
    let agenda = AgendaDoc {
        since: "2025-05-01".into(),
        items: vec![AgendaEntry {
            number: 1,
            id: 12,
            title: "Digitala medicinskåp".into(),
            department: "Omsorgsförvaltningen".into(),
            owner: "Verksamhetsutvecklare".into(),
            stage: Stage::AwaitingDecision,
            decision: true,
            basis: None,
            priority: None,
            npv_economic: Decimal::new(56_383_196, 2),
            npv_budget: Decimal::new(-155_522_762, 2),
            payback_economic: Some(Decimal::new(4_066_481, 6)),
            payback_budget: None,
            one_off_costs: Decimal::new(147_158_775, 2),
            changed: "2025-05-12".into(),
            description: "Medicinskåpen låses med digitala lås.".into(),
            needs: vec![NeedsPart {
                field: NeedsField::Problem,
                text: "Nycklar tappas bort och kvitteras för hand.".into(),
            }],
        }],
    };
    let tables = TableDoc {
        title: "Portföljrapport".into(),
        subtitle: "Kommunledningen · 2025-05-14".into(),
        sections: vec![
            DocSection {
                heading: "Översikt".into(),
                paragraphs: vec!["Fyra initiativ i portföljen.".into()],
                charts: vec![DocChart {
                    svg: nytta_report::charts::bubble_svg(
                        &[nytta_report::charts::Bubble {
                            department: "Omsorgsförvaltningen".into(),
                            effect: 3,
                            feasibility: 5,
                            npv: Decimal::from(563_832),
                        }],
                        Lang::Sv,
                    )
                    .unwrap(),
                    alt: "Bubbeldiagram över ett initiativ: potentiell effekt 3 mot genomförbarhet 5."
                        .into(),
                    caption: "Figur: potentiell effekt mot genomförbarhet.".into(),
                }],
                table: Some(DocTable {
                    widths: vec![0.6, 0.4],
                    numeric: vec![false, true],
                    header: vec!["Skede".into(), "Antal".into()],
                    rows: vec![
                        vec!["Idé".into(), "1".into()],
                        vec!["Beslutat".into(), "3".into()],
                    ],
                }),
                note: Some("Antal initiativ per skede.".into()),
            },
            DocSection {
                heading: "Prioritering".into(),
                paragraphs: Vec::new(),
                charts: Vec::new(),
                table: Some(DocTable {
                    widths: vec![0.7, 0.3],
                    numeric: vec![false, true],
                    header: vec!["Initiativ".into(), "Poäng".into()],
                    rows: vec![vec!["Digitala medicinskåp".into(), "3,0".into()]],
                }),
                note: None,
            },
        ],
    };
    for lang in [Lang::Sv, Lang::En] {
        let opts = ReportOptions::new(lang, "2025-05-14");
        conforms(
            &format!("agenda {lang:?}"),
            &agenda_pdf(&agenda, &opts).unwrap(),
            lang,
        );
        let found = conforms(
            &format!("tables {lang:?}"),
            &tables_pdf(&tables, &opts).unwrap(),
            lang,
        );
        assert_eq!(found.outline, ["Översikt", "Prioritering"]);
        assert!(found.roles.contains("TH"));
        assert!(
            found.roles.contains("Figure"),
            "the portfolio report's chart is a figure"
        );
    }
}

/// A PDF as printpdf 0.12 wrote Nytta's reports before: one page, the text in a font that is
/// not embedded, no XMP, no output intent, no structure, no outline, no language.
fn untagged_pdf() -> Vec<u8> {
    use lopdf::content::Operation;
    use lopdf::{dictionary, Stream};
    let mut doc = Document::with_version("1.7");
    let pages = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "DejaVuSans",
    });
    let content = Content {
        operations: vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 12.into()]),
            Operation::new("Td", vec![56.into(), 780.into()]),
            Operation::new("Tj", vec![Object::string_literal("Beslutsunderlag")]),
            Operation::new("ET", vec![]),
        ],
    };
    let content = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages, "Contents" => content,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
    });
    doc.objects.insert(
        pages,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1,
        }),
    );
    let info = doc.add_object(dictionary! { "Title" => Object::string_literal("Beslutsunderlag"), "Trapped" => Object::string_literal("") });
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
    doc.trailer.set("Root", catalog);
    doc.trailer.set("Info", info);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn the_check_fails_on_an_untagged_pdf_and_on_each_broken_rule() {
    let found = check(&untagged_pdf(), "sv-SE");
    let all = found.problems.join("\n");
    for expected in [
        "trailer: no ID",
        "no XMP metadata",
        "Info: empty Trapped",
        "no GTS_PDFA1 output intent",
        "DejaVuSans: not subset",
        "DejaVuSans: not embedded",
        "/Lang",
        "MarkInfo",
        "no StructTreeRoot",
        "no Outlines",
    ] {
        assert!(all.contains(expected), "{expected} not found in:\n{all}");
    }

    // A conforming business case with one rule broken at a time.
    let (model, ev) = sample(common::SAMPLES[0], Lang::Sv);
    let good = business_case_pdf(&model, &ev, &ReportOptions::new(Lang::Sv, "2024-05-02")).unwrap();
    assert!(check(&good, "sv-SE").problems.is_empty());
    let broken = |edit: &dyn Fn(&mut Document)| {
        let mut doc = Document::load_mem(&good).unwrap();
        edit(&mut doc);
        let mut out = Vec::new();
        doc.save_to(&mut out).unwrap();
        check(&out, "sv-SE").problems.join("\n")
    };
    let catalog_mut = |doc: &mut Document| -> ObjectId {
        doc.trailer
            .get(b"Root")
            .and_then(Object::as_reference)
            .unwrap()
    };
    let problems = broken(&|doc| {
        let root = catalog_mut(doc);
        doc.get_dictionary_mut(root)
            .unwrap()
            .remove(b"OutputIntents");
    });
    assert!(problems.contains("output intent"), "{problems}");
    let problems = broken(&|doc| {
        for obj in doc.objects.values_mut() {
            if let Ok(d) = obj.as_dict_mut() {
                if d.has_type(b"OutputIntent") {
                    d.set("RegistryName", Object::string_literal(""));
                }
            }
        }
    });
    assert!(
        problems.contains("output intent: empty RegistryName"),
        "{problems}"
    );
    let problems = broken(&|doc| {
        let root = catalog_mut(doc);
        doc.get_dictionary_mut(root)
            .unwrap()
            .remove(b"StructTreeRoot");
    });
    assert!(problems.contains("no StructTreeRoot"), "{problems}");
    let problems = broken(&|doc| {
        for obj in doc.objects.values_mut() {
            if let Ok(d) = obj.as_dict_mut() {
                if let Ok(Object::Name(n)) = d.get(b"BaseFont") {
                    let whole = n
                        .splitn(2, |&b| b == b'+')
                        .last()
                        .unwrap_or_default()
                        .to_vec();
                    d.set("BaseFont", Object::Name(whole));
                }
            }
        }
    });
    assert!(problems.contains("not subset"), "{problems}");
    let problems = broken(&|doc| {
        for obj in doc.objects.values_mut() {
            if let Ok(s) = obj.as_stream_mut() {
                if name(&s.dict, b"Subtype") == "XML" {
                    let xmp = String::from_utf8_lossy(&s.content).replace(
                        "<pdfaid:part>2</pdfaid:part>",
                        "<pdfaid:part>1</pdfaid:part>",
                    );
                    s.set_content(xmp.into_bytes());
                }
            }
        }
    });
    assert!(problems.contains("pdfaid:part is not 2"), "{problems}");
    let problems = broken(&|doc| {
        for obj in doc.objects.values_mut() {
            if let Ok(d) = obj.as_dict_mut() {
                if name(d, b"S") == "TR" {
                    if let Ok(Object::Array(cells)) = d.get_mut(b"K") {
                        if cells.len() > 1 {
                            cells.pop();
                            break;
                        }
                    }
                }
            }
        }
    });
    assert!(
        problems.contains("different numbers of cells"),
        "{problems}"
    );
}

#[test]
fn a_business_case_with_the_simulation_conforms_and_has_it_in_the_outline() {
    let text = std::fs::read_to_string(common::root().join("samples/lakemedelsrobotar.nytta.json"))
        .unwrap();
    let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    doc["valuation"]["simulation"] = serde_json::json!({ "draws": 2000, "seed": 7 });
    for (lang, heading) in [
        (Lang::Sv, "Simulering (Monte Carlo)"),
        (Lang::En, "Simulation (Monte Carlo)"),
    ] {
        let (model, ev) = common::evaluate(&doc.to_string(), lang);
        let pdf = business_case_pdf(&model, &ev, &ReportOptions::new(lang, "2024-05-02")).unwrap();
        let found = conforms(&format!("simulation {lang:?}"), &pdf, lang);
        assert!(
            found.outline.iter().any(|t| t == heading),
            "{heading} not in the outline {:?}",
            found.outline
        );
    }
}
