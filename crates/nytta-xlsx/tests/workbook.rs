//! The workbook as a person meets it: edited cells and added lines import as the new
//! document; what Nytta cannot compute is refused with sheet and cell named (sv and en);
//! what Excel cannot express is refused on export naming the line; text that looks like a
//! formula stays text; the portfolio is one table with filters.
//!
//! A person's edit is made here by changing the sheet XML inside the .xlsx, as Excel saves
//! it (a formula in `<f>`, a value in `<v>`, a typed text as an inline string).

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod common;

use std::io::{Cursor, Read, Write};

use calamine::{Data, Reader, Xlsx};
use common::*;
use nytta_core::read::read_document;
use nytta_core::DocErrors;
use nytta_core::Lang;
use rust_decimal::Decimal;
use serde_json::{json, Value};

const ROBOTS: &str = SAMPLES[0].1;
/// Sheet files in the order the export adds the sheets.
const INPUTS_XML: &str = "xl/worksheets/sheet4.xml";
const LINES_XML: &str = "xl/worksheets/sheet5.xml";

fn exported(text: &str) -> Vec<u8> {
    let (model, ev) = evaluated(text);
    nytta_xlsx::export_valuation(&model, &ev).unwrap()
}

/// The workbook with `file` changed by `f`.
fn patch(bytes: &[u8], file: &str, f: impl Fn(String) -> String) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut content = Vec::new();
        entry.read_to_end(&mut content).unwrap();
        if name == file {
            content = f(String::from_utf8(content).unwrap()).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&content).unwrap();
    }
    out.finish().unwrap().into_inner()
}

fn file(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

/// Replaces the content of cell `r` (e.g. `C2`): `<f>`/`<v>` as given.
fn set_cell(xml: &str, r: &str, inner: &str) -> String {
    let start = xml
        .find(&format!("<c r=\"{r}\""))
        .unwrap_or_else(|| panic!("no cell {r}"));
    let end = start + xml[start..].find("</c>").unwrap() + 4;
    let open_end = start + xml[start..].find('>').unwrap() + 1;
    // Keep the style, drop the type: the new content says what it is.
    let open = &xml[start..open_end];
    let style = open
        .split_whitespace()
        .find(|a| a.starts_with("s="))
        .map(|s| format!(" {}", s.trim_end_matches('>')))
        .unwrap_or_default();
    let kind = if inner.starts_with("<is>") {
        " t=\"inlineStr\""
    } else {
        ""
    };
    format!(
        "{}<c r=\"{r}\"{style}{kind}>{inner}</c>{}",
        &xml[..start],
        &xml[end..]
    )
}

fn inline(r: &str, s: &str) -> String {
    format!("<c r=\"{r}\" t=\"inlineStr\"><is><t>{s}</t></is></c>")
}

fn num(r: &str, v: &str) -> String {
    format!("<c r=\"{r}\"><v>{v}</v></c>")
}

fn errors(bytes: &[u8]) -> DocErrors {
    nytta_xlsx::import_workbook(bytes).expect_err("the workbook is refused")
}

fn has(e: &DocErrors, path: &str, sv: &str, en: &str) {
    let found = e.iter().any(|d| {
        d.path == path && d.message(Lang::Sv).contains(sv) && d.message(Lang::En).contains(en)
    });
    assert!(
        found,
        "no error at {path} with \"{sv}\" / \"{en}\" in:\n{e}"
    );
}

#[test]
fn edited_values_ranges_formulas_and_an_added_line_import_as_the_new_document() {
    let book = exported(ROBOTS);
    // robots (input row 2): value 10 → 12, low 8 → 9.
    let book = patch(&book, INPUTS_XML, |x| {
        let x = set_cell(&x, "C2", "<v>12</v>");
        set_cell(&x, "D2", "<v>9</v>")
    });
    // fuel (line row 3): a new formula; a new cost line typed below the last line (row 14).
    let book = patch(&book, LINES_XML, |x| {
        let x = set_cell(
            &x,
            "F3",
            "<f>MIN(removed_visits,5000)*km_per_visit*Faktorer!$C$8*2</f><v>0</v>",
        );
        let row = format!(
            "<row r=\"14\">{}{}{}{}{}{}{}</row>",
            inline("A14", "utbildning_extra"),
            inline("B14", "kostnad"),
            inline("C14", "=Extra utbildning"),
            inline("D14", "finansiell"),
            num("F14", "12000"),
            inline("J14", "engång"),
            num("K14", "0"),
        );
        x.replace("</sheetData>", &format!("{row}</sheetData>"))
    });
    let doc = nytta_xlsx::import_workbook(&book).unwrap_or_else(|e| panic!("{e}"));

    let mut expected: Value = serde_json::from_str(ROBOTS).unwrap();
    expected["valuation"]["inputs"][0]["value"] = json!("12");
    expected["valuation"]["inputs"][0]["low"] = json!("9");
    expected["valuation"]["lines"][1]["amount"] =
        json!("min(removed_visits, 5000) * km_per_visit * cost_per_km * 2");
    expected["valuation"]["lines"]
        .as_array_mut()
        .unwrap()
        .push(json!({
            "id": "utbildning_extra", "side": "cost", "name": "=Extra utbildning",
            "category": "financial", "amount": "12000", "timing": { "once": 0 }
        }));
    assert_eq!(doc, read_document(&expected.to_string()).unwrap());
    // The new document computes: 12 robots cost 12 × 22 000 kr plus the new 12 000 kr.
    let (_, ev) = evaluated(&serde_json::to_string(&doc).unwrap());
    assert_eq!(
        ev.years[0].budget.costs,
        Decimal::from(12 * 22_000 + 12_000)
    );
}

#[test]
fn what_nytta_cannot_compute_is_refused_naming_sheet_and_cell() {
    let book = exported(ROBOTS);
    let book = patch(&book, LINES_XML, |x| {
        let x = set_cell(&x, "F3", "<f>SUM(removed_visits,1)</f><v>0</v>");
        set_cell(&x, "F9", "<f>robots*B7</f><v>0</v>")
    });
    let book = patch(&book, INPUTS_XML, |x| {
        set_cell(&x, "D2", "<is><t>många</t></is>")
    });
    let e = errors(&book);
    has(&e, "Rader!F3", "funktionen SUM", "the function SUM");
    has(&e, "Rader!F9", "B7 är varken", "B7 is neither");
    has(&e, "Faktorer!D2", "väntade ett tal", "expected a number");
}

#[test]
fn problems_the_document_check_finds_name_their_cell() {
    // A low value above the likely value: the check's problem, at the input's row.
    let book = patch(&exported(ROBOTS), INPUTS_XML, |x| {
        set_cell(&x, "D2", "<v>11</v>")
    });
    has(
        &errors(&book),
        "Faktorer!A2",
        "low ≤ value ≤ high",
        "low ≤ value ≤ high",
    );
    // Division by zero in a line's formula: found when the figures are computed.
    let book = patch(&exported(ROBOTS), LINES_XML, |x| {
        set_cell(&x, "F9", "<f>robots/(robots-robots)</f><v>0</v>")
    });
    has(
        &errors(&book),
        "Rader!F9",
        "division med noll",
        "division by zero",
    );
    // A side that is neither nytta nor kostnad.
    let book = patch(&exported(ROBOTS), LINES_XML, |x| {
        set_cell(&x, "B3", "<is><t>vinst</t></is>")
    });
    has(&errors(&book), "Rader!B3", "nytta eller kostnad", "benefit");
}

#[test]
fn what_excel_cannot_express_is_refused_on_export_naming_the_line_or_input() {
    let text = r#"{ "nytta": 1, "initiative": { "title": "T" }, "valuation": {
        "parameters": { "start_year": 2024, "years": 3, "discount_rate": 0.03 },
        "inputs": [ { "id": "Users", "name": "A", "value": 1 }, { "id": "users", "name": "B", "value": 2 } ],
        "lines": [ { "id": "x", "side": "benefit", "name": "X", "category": "financial",
                     "amount": "users * 1.234567890123456789", "timing": { "once": 1 } } ] } }"#;
    let (model, ev) = evaluated(text);
    let Err(nytta_xlsx::Error::Document(e)) = nytta_xlsx::export_valuation(&model, &ev) else {
        panic!("a clash of names was written")
    };
    has(
        &e,
        "valuation.inputs",
        "\"Users\" och \"users\"",
        "\"Users\" and \"users\"",
    );
    let text = text.replace("\"Users\"", "\"others\"");
    let (model, ev) = evaluated(&text);
    let Err(nytta_xlsx::Error::Document(e)) = nytta_xlsx::export_valuation(&model, &ev) else {
        panic!("a number Excel cannot hold was written")
    };
    has(&e, "valuation.lines[0].amount", "raden \"x\"", "line \"x\"");
    has(
        &e,
        "valuation.lines[0].amount",
        "15 värdesiffror",
        "15 significant digits",
    );
}

#[test]
fn text_that_looks_like_a_formula_is_written_as_text() {
    let book = exported(&generated(0));
    let mut xlsx: Xlsx<_> = Xlsx::new(Cursor::new(&book)).unwrap();
    let formulas = xlsx.worksheet_formula(nytta_xlsx::LINES).unwrap();
    let values = xlsx.worksheet_range(nytta_xlsx::LINES).unwrap();
    let name_col = 2u32;
    let mut seen = 0;
    for row in 1..values.height() as u32 {
        if let Some(Data::String(s)) = values.get_value((row, name_col)) {
            if s.starts_with("=SUM") {
                seen += 1;
                let f = formulas
                    .get_value((row, name_col))
                    .map_or("", String::as_str);
                assert!(f.is_empty(), "the name became a formula: {f}");
            }
        }
    }
    assert!(seen >= 2, "the generated lines' names start with =");
    for (sheet, text) in [
        (nytta_xlsx::INPUTS, "+Antal brukare"),
        (nytta_xlsx::INPUTS, "-Kvartal 1"),
        (nytta_xlsx::ROLES, "=Sjuksköterska"),
    ] {
        let values = xlsx.worksheet_range(sheet).unwrap();
        assert!(
            values
                .used_cells()
                .any(|(_, _, v)| v == &Data::String(text.into())),
            "{text} is a text cell on {sheet}"
        );
        let formulas = xlsx.worksheet_formula(sheet).unwrap();
        assert!(
            formulas
                .used_cells()
                .all(|(_, _, f)| !f.contains(&text[1..])),
            "{text}"
        );
    }
    // Excel's quote prefix keeps such a cell text when a person edits it.
    assert!(file(&book, "xl/styles.xml").contains("quotePrefix=\"1\""));
}

#[test]
fn the_portfolio_is_one_table_with_filters() {
    let rows: Vec<nytta_xlsx::PortfolioRow> = (1..=3)
        .map(|i| nytta_xlsx::PortfolioRow {
            id: i,
            title: if i == 2 {
                "=HYPERLINK(\"x\")".into()
            } else {
                format!("Initiativ {i}")
            },
            department: "Omsorg".into(),
            stage: "värderad".into(),
            priority_basis: "inre effektivitet".into(),
            tags: "a, b".into(),
            example: i == 1,
            version: 1,
            status: "utkast".into(),
            updated_at: "2025-03-01T09:30:00Z".into(),
            effect: 3,
            feasibility: Some(5),
            financing: None,
            resource_need: 1,
            priority: Some(Decimal::new(35, 1)),
            full_valuation_required: true,
            npv_economic: Decimal::new(123_456_789, 2),
            npv_budget: Decimal::new(-5, 0),
            payback_economic: Some(Decimal::new(25, 1)),
            payback_budget: None,
        })
        .collect();
    let book = nytta_xlsx::export_portfolio(&rows).unwrap();
    let table = file(&book, "xl/tables/table1.xml");
    assert!(table.contains("name=\"Portfolj\""), "{table}");
    assert!(
        table.contains("<autoFilter"),
        "a filter on every column: {table}"
    );
    let mut xlsx: Xlsx<_> = Xlsx::new(Cursor::new(&book)).unwrap();
    xlsx.load_tables().unwrap();
    let t = xlsx.table_by_name("Portfolj").unwrap();
    assert_eq!(
        t.columns(),
        nytta_xlsx::PORTFOLIO_COLUMNS.map(String::from).as_slice()
    );
    assert_eq!(t.data().height(), 3);
    let data = t.data();
    assert_eq!(
        data.get((1, 1)),
        Some(&Data::String("=HYPERLINK(\"x\")".into()))
    );
    assert_eq!(data.get((0, 16)), Some(&Data::Float(1_234_567.89)));
    assert_eq!(data.get((0, 18)), Some(&Data::Float(2.5)));
    assert!(
        matches!(data.get((0, 19)), None | Some(Data::Empty)),
        "no payback: an empty cell"
    );
}

#[test]
fn a_reader_that_does_not_recalculate_shows_nyttas_figures() {
    let mut docs: Vec<String> = SAMPLES.iter().map(|(_, t)| t.to_string()).collect();
    docs.extend((0..20).map(generated));
    for (k, text) in docs.iter().enumerate() {
        let (_, ev) = evaluated(text);
        let errors = compare_bytes(&format!("document {k}"), &exported(text), &ev);
        assert!(errors.is_empty(), "{}", errors.join("\n"));
    }
}
