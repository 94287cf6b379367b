//! A workbook written by [`crate::export_valuation`], perhaps edited in Excel or LibreOffice
//! since, read back into a document and checked like any other.
//!
//! Parametrar, Roller, Faktorer and Rader are read (changed values, ranges, formulas and
//! added rows); the hidden sheet Dokument gives the parts of the document that have no
//! sheet (initiative, needs, scores, goals, risks, follow-ups). A value that still equals
//! what was exported keeps its exact original text (`0.1` stays `0.1`, `robots * 2 * 365`
//! keeps its spaces), so export → import gives back the same document. Formulas are only
//! translated (see [`crate::excel`]); nothing in the workbook is evaluated or run. Every
//! problem names its sheet and cell, in Swedish and English.

use std::collections::HashMap;
use std::io::Cursor;

use calamine::{Data, Range, Reader, Xlsx};
use nytta_core::document::{Document, Input, Line, Role, TimeForm, Timing, YearRange};
use nytta_core::error::{DocError, ErrorKind};
use nytta_core::formula;
use nytta_core::num::{parse_decimal, FormulaText, Num};
use nytta_core::{DocErrors, Lang, Model};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::excel::{self, Names, Resolve};
use crate::layout::*;

struct Sheet {
    name: &'static str,
    values: Range<Data>,
    formulas: Range<String>,
}

impl Sheet {
    fn value(&self, row: u32, col: u16) -> &Data {
        static EMPTY: Data = Data::Empty;
        self.values
            .get_value((row, u32::from(col)))
            .unwrap_or(&EMPTY)
    }

    fn formula(&self, row: u32, col: u16) -> Option<&str> {
        self.formulas
            .get_value((row, u32::from(col)))
            .map(String::as_str)
            .filter(|f| !f.trim().is_empty())
    }

    fn at(&self, row: u32, col: u16) -> String {
        format!("{}!{}", self.name, cell_name(row, col))
    }

    fn err(&self, row: u32, col: u16, sv: impl AsRef<str>, en: impl AsRef<str>) -> DocError {
        DocError::invalid(self.at(row, col), sv.as_ref(), en.as_ref())
    }

    fn text(&self, row: u32, col: u16) -> String {
        match self.value(row, col) {
            Data::String(s) => s.trim().to_string(),
            Data::Float(f) => float_text(*f),
            Data::Int(i) => i.to_string(),
            Data::Bool(b) => b.to_string(),
            Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
            _ => String::new(),
        }
    }

    fn is_empty(&self, row: u32, col: u16) -> bool {
        self.formula(row, col).is_none() && self.text(row, col).is_empty()
    }

    /// The last row (0-based) with anything in it.
    fn last_row(&self) -> u32 {
        let a = self.values.end().map_or(0, |(r, _)| r);
        let b = self.formulas.end().map_or(0, |(r, _)| r);
        a.max(b)
    }

    /// The number in a cell, `None` when empty.
    fn number(&self, row: u32, col: u16) -> Result<Option<(Decimal, Option<f64>)>, DocError> {
        match self.value(row, col) {
            Data::Empty => Ok(None),
            Data::Float(f) => Ok(Some((
                float_decimal(*f).ok_or_else(|| self.not_number(row, col))?,
                Some(*f),
            ))),
            Data::Int(i) => Ok(Some((Decimal::from(*i), Some(*i as f64)))),
            Data::String(s) if s.trim().is_empty() => Ok(None),
            Data::String(s) => {
                let t: String = s
                    .chars()
                    .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
                    .collect();
                parse_decimal(&t.replace(',', "."))
                    .map(|d| Some((d, None)))
                    .ok_or_else(|| self.not_number(row, col))
            }
            Data::Error(e) => Err(self.err(
                row,
                col,
                format!("cellen visar ett fel ({e}); skriv ett tal"),
                format!("the cell shows an error ({e}); write a number"),
            )),
            _ => Err(self.not_number(row, col)),
        }
    }

    fn not_number(&self, row: u32, col: u16) -> DocError {
        self.err(
            row,
            col,
            format!("väntade ett tal men hittade \"{}\"", self.text(row, col)),
            format!("expected a number but found \"{}\"", self.text(row, col)),
        )
    }

    fn whole(&self, row: u32, col: u16) -> Result<Option<i64>, DocError> {
        match self.number(row, col)? {
            None => Ok(None),
            Some((d, _)) if d.fract().is_zero() => {
                d.to_i64().map(Some).ok_or_else(|| self.not_whole(row, col))
            }
            Some(_) => Err(self.not_whole(row, col)),
        }
    }

    fn not_whole(&self, row: u32, col: u16) -> DocError {
        self.err(
            row,
            col,
            format!("väntade ett heltal men hittade \"{}\"", self.text(row, col)),
            format!(
                "expected a whole number but found \"{}\"",
                self.text(row, col)
            ),
        )
    }

    /// The column whose heading in row 1 is `head`.
    fn column(&self, head: &str) -> Result<u16, DocError> {
        let width = self.values.end().map_or(0, |(_, c)| c);
        (0..=width)
            .find(|c| {
                matches!(self.values.get_value((0, *c)), Some(Data::String(s)) if s.trim() == head)
            })
            .and_then(|c| u16::try_from(c).ok())
            .ok_or_else(|| {
                DocError::invalid(
                    format!("{}!1", self.name),
                    format!("kolumnen \"{head}\" saknas på rad 1"),
                    format!("the column \"{head}\" is missing from row 1"),
                )
            })
    }
}

fn float_text(f: f64) -> String {
    // Rust writes the shortest text that reads back as the same f64, never in exponent form.
    format!("{f}")
}

fn float_decimal(f: f64) -> Option<Decimal> {
    if !f.is_finite() {
        return None;
    }
    parse_decimal(&float_text(f))
}

/// The original number, when the cell still holds what was exported for it.
fn keep(original: Option<Decimal>, cell: (Decimal, Option<f64>)) -> Decimal {
    match (original, cell.1) {
        (Some(o), Some(f)) if o.to_f64() == Some(f) => o,
        _ => cell.0,
    }
}

struct Resolver<'a> {
    /// (lower-case sheet, row, col) → Nytta name.
    cells: &'a HashMap<(String, u32, u16), String>,
    /// Lower-case defined name → Nytta name.
    names: &'a HashMap<String, String>,
    own: &'static str,
}

impl Resolve for Resolver<'_> {
    fn name(&self, name: &str) -> Option<String> {
        self.names.get(&name.to_lowercase()).cloned()
    }

    fn cell(&self, sheet: Option<&str>, row: u32, col: u16) -> Option<String> {
        let s = sheet.unwrap_or(self.own).to_lowercase();
        self.cells.get(&(s, row, col)).cloned()
    }
}

/// Where each part of the new document sits in the workbook, to name the cell of a problem
/// the document check finds.
#[derive(Default)]
struct Places(Vec<(String, String)>);

impl Places {
    fn add(&mut self, path: String, at: String) {
        self.0.push((path, at));
    }

    fn find(&self, path: &str) -> Option<&str> {
        self.0
            .iter()
            .filter(|(p, _)| {
                path == p
                    || path
                        .strip_prefix(p.as_str())
                        .is_some_and(|rest| rest.starts_with(['.', '[']))
            })
            .max_by_key(|(p, _)| p.len())
            .map(|(_, at)| at.as_str())
    }

    /// A problem of the document check, at its sheet and cell when it has one.
    fn place(&self, e: DocError, doc: &Document) -> DocError {
        let Some(at) = self.find(&e.path) else {
            return e;
        };
        let (sv, en) = match &e.kind {
            ErrorKind::Formula(f) => {
                let text = formula_at(doc, &e.path).unwrap_or_default();
                (
                    format!("formeln \"{text}\": {} ({})", f.kind.text(Lang::Sv), e.path),
                    format!(
                        "the formula \"{text}\": {} ({})",
                        f.kind.text(Lang::En),
                        e.path
                    ),
                )
            }
            _ => (
                format!("{} ({})", e.detail(Lang::Sv), e.path),
                format!("{} ({})", e.detail(Lang::En), e.path),
            ),
        };
        DocError::invalid(at, sv, en)
    }
}

/// The formula text at a document path such as `valuation.lines[2].time.minutes`.
fn formula_at(doc: &Document, path: &str) -> Option<String> {
    let index = |prefix: &str| -> Option<(usize, &str)> {
        let rest = path.strip_prefix(prefix)?;
        let (i, rest) = rest.split_once(']')?;
        Some((i.parse().ok()?, rest))
    };
    if let Some((i, rest)) = index("valuation.lines[") {
        let l = doc.valuation.lines.get(i)?;
        return match rest {
            ".amount" => l.amount.as_ref().map(|f| f.0.clone()),
            ".time.minutes" => l.time.as_ref().map(|t| t.minutes.0.clone()),
            ".time.occurrences" => l.time.as_ref().map(|t| t.occurrences.0.clone()),
            _ => None,
        };
    }
    let (i, _) = index("valuation.inputs[")?;
    doc.valuation.inputs.get(i).map(|x| x.value.0.clone())
}

fn open(bytes: &[u8]) -> Result<Xlsx<Cursor<&[u8]>>, DocError> {
    Xlsx::new(Cursor::new(bytes)).map_err(|e| {
        DocError::invalid(
            "",
            format!("filen är ingen läsbar Excelarbetsbok (.xlsx): {e}"),
            format!("the file is not a readable Excel workbook (.xlsx): {e}"),
        )
    })
}

fn sheet(book: &mut Xlsx<Cursor<&[u8]>>, name: &'static str) -> Result<Sheet, DocError> {
    let missing = |e: String| {
        DocError::invalid(
            name,
            format!("bladet \"{name}\" saknas eller kan inte läsas ({e}); arbetsboken ska komma från Nyttas Excelexport"),
            format!("the sheet \"{name}\" is missing or unreadable ({e}); the workbook should come from Nytta's Excel export"),
        )
    };
    let values = book
        .worksheet_range(name)
        .map_err(|e| missing(e.to_string()))?;
    let formulas = book
        .worksheet_formula(name)
        .map_err(|e| missing(e.to_string()))?;
    Ok(Sheet {
        name,
        values,
        formulas,
    })
}

/// Reads a workbook into a document and checks it; every problem names its sheet and cell.
pub fn import_workbook(bytes: &[u8]) -> Result<Document, DocErrors> {
    let mut book = open(bytes)?;
    let data = sheet(&mut book, DATA)?;
    let mut json = String::new();
    for row in 1..=data.last_row() {
        if let Data::String(s) = data.value(row, 0) {
            json.push_str(s);
        }
    }
    let original = nytta_core::read::read_document(&json).map_err(|e| {
        let first = e
            .iter()
            .next()
            .map(|d| d.message(Lang::En))
            .unwrap_or_default();
        DocErrors(vec![DocError::invalid(
            format!("{DATA}!A2"),
            format!("bladet {DATA} bär inte ett läsbart dokument ({first})"),
            format!("the sheet {DATA} does not hold a readable document ({first})"),
        )])
    })?;
    let params = sheet(&mut book, PARAMS)?;
    let roles_sheet = sheet(&mut book, ROLES)?;
    let inputs_sheet = sheet(&mut book, INPUTS)?;
    let lines_sheet = sheet(&mut book, LINES)?;
    let defined: Vec<(String, String)> = book.defined_names().to_vec();

    let mut problems: Vec<DocError> = Vec::new();
    let mut places = Places::default();
    let mut doc = original.clone();

    // Parameters, found by their label in column A.
    {
        let s = &params;
        let mut row_of = [None; 5];
        for row in 0..=s.last_row() {
            let label = s.text(row, 0);
            if let Some(k) = PARAM_ROWS.iter().position(|p| p.label == label) {
                row_of[k] = Some(row);
            }
        }
        let p = &mut doc.valuation.parameters;
        let o = &original.valuation.parameters;
        for (k, row) in row_of.iter().enumerate() {
            let Some(row) = *row else {
                problems.push(DocError::invalid(
                    PARAMS,
                    format!("raden \"{}\" saknas i kolumn A", PARAM_ROWS[k].label),
                    format!(
                        "the row \"{}\" is missing from column A",
                        PARAM_ROWS[k].label
                    ),
                ));
                continue;
            };
            let field = [
                "start_year",
                "years",
                "discount_rate",
                "hours_per_fte",
                "optimism_bias",
            ][k];
            places.add(format!("valuation.parameters.{field}"), s.at(row, 1));
            let required = |v: Option<(Decimal, Option<f64>)>| {
                v.ok_or_else(|| s.err(row, 1, "värdet saknas", "the value is missing"))
            };
            let r = match k {
                P_START => s.whole(row, 1).and_then(|v| {
                    let v =
                        v.ok_or_else(|| s.err(row, 1, "värdet saknas", "the value is missing"))?;
                    p.start_year = i32::try_from(v).map_err(|_| s.not_whole(row, 1))?;
                    Ok(())
                }),
                P_YEARS => s.whole(row, 1).and_then(|v| {
                    let v =
                        v.ok_or_else(|| s.err(row, 1, "värdet saknas", "the value is missing"))?;
                    p.years = u32::try_from(v).map_err(|_| s.not_whole(row, 1))?;
                    Ok(())
                }),
                P_RATE => s.number(row, 1).and_then(required).map(|v| {
                    p.discount_rate = Num(keep(Some(o.discount_rate.get()), v));
                }),
                P_FTE => s.number(row, 1).map(|v| {
                    p.hours_per_fte = v.map(|v| {
                        Num(keep(
                            Some(o.hours_per_fte.map_or(Decimal::from(1700), Num::get)),
                            v,
                        ))
                    });
                    if o.hours_per_fte.is_none()
                        && p.hours_per_fte.map(Num::get) == Some(Decimal::from(1700))
                    {
                        p.hours_per_fte = None;
                    }
                }),
                _ => s.number(row, 1).map(|v| {
                    p.optimism_bias = v.map(|v| {
                        Num(keep(
                            Some(o.optimism_bias.map_or(Decimal::ZERO, Num::get)),
                            v,
                        ))
                    });
                    if o.optimism_bias.is_none()
                        && p.optimism_bias.map(Num::get) == Some(Decimal::ZERO)
                    {
                        p.optimism_bias = None;
                    }
                }),
            };
            if let Err(e) = r {
                problems.push(e);
            }
        }
    }

    // Which row holds which input and role, for names and references.
    let rows = |s: &Sheet| -> Vec<u32> {
        (1..=s.last_row())
            .filter(|r| (0..12).any(|c| !s.is_empty(*r, c)))
            .collect()
    };
    let role_rows = rows(&roles_sheet);
    let input_rows = rows(&inputs_sheet);
    let mut cells: HashMap<(String, u32, u16), String> = HashMap::new();
    let mut names = Names {
        inputs: HashMap::new(),
        roles: HashMap::new(),
    };
    let mut by_name: HashMap<String, String> = HashMap::new();
    for &r in &role_rows {
        let id = roles_sheet.text(r, R_ID);
        cells.insert((ROLES.to_lowercase(), r, R_HOURLY), format!("role.{id}"));
        by_name.insert(role_name(&id).to_lowercase(), format!("role.{id}"));
        names.roles.insert(id.clone(), role_name(&id));
    }
    for &r in &input_rows {
        let id = inputs_sheet.text(r, I_ID);
        cells.insert((INPUTS.to_lowercase(), r, I_VALUE), id.clone());
        by_name.insert(id.to_lowercase(), id.clone());
        by_name.insert(input_name(&id).to_lowercase(), id.clone());
        names.inputs.insert(id.clone(), input_name(&id));
    }
    // Defined names as the workbook now has them (Excel moves them with inserted rows).
    for (name, target) in &defined {
        let target = target.trim_start_matches('=');
        if let Some((sheet, cell)) = target.rsplit_once('!') {
            let sheet = sheet.trim_matches('\'').replace("''", "'").to_lowercase();
            if let Some((row, col)) = excel::parse_a1(cell) {
                if let Some(n) = cells.get(&(sheet, row, col)) {
                    by_name.insert(name.to_lowercase(), n.clone());
                }
            }
        }
    }
    let resolver = |own| Resolver {
        cells: &cells,
        names: &by_name,
        own,
    };

    // A formula-or-number cell.
    let formula_cell = |s: &Sheet,
                        row: u32,
                        col: u16,
                        original: Option<&FormulaText>|
     -> Result<Option<FormulaText>, DocError> {
        if let Some(f) = s.formula(row, col) {
            let text = excel::from_excel(f, &resolver(s.name)).map_err(|e| {
                s.err(
                    row,
                    col,
                    format!("{} (formeln ={f})", e.sv),
                    format!("{} (the formula ={f})", e.en),
                )
            })?;
            let same = original.is_some_and(|o| {
                formula::parse(o.as_str())
                    .ok()
                    .and_then(|p| excel::to_excel(&p, &names).ok())
                    .is_some_and(|x| excel::normalise(&x) == excel::normalise(f))
            });
            return Ok(Some(if same {
                original.cloned().unwrap_or_default()
            } else {
                FormulaText(text)
            }));
        }
        if let Data::String(t) = s.value(row, col) {
            if !t.trim().is_empty()
                && parse_decimal(&t.replace([' ', '\u{a0}'], "").replace(',', ".")).is_none()
            {
                return Err(s.err(
                    row,
                    col,
                    format!(
                        "väntade ett tal eller en formel men hittade texten \"{}\"",
                        t.trim()
                    ),
                    format!(
                        "expected a number or a formula but found the text \"{}\"",
                        t.trim()
                    ),
                ));
            }
        }
        let Some(cell) = s.number(row, col)? else {
            return Ok(None);
        };
        let orig_number = original.and_then(|o| formula::parse(o.as_str()).ok()?.as_number());
        let v = keep(orig_number, cell);
        Ok(Some(match original {
            Some(o) if orig_number == Some(v) => o.clone(),
            _ => FormulaText(v.normalize().to_string()),
        }))
    };

    // Roles.
    let orig_roles: HashMap<&str, &Role> = original
        .valuation
        .roles
        .iter()
        .map(|r| (r.id.as_str(), r))
        .collect();
    doc.valuation.roles.clear();
    for &row in &role_rows {
        let s = &roles_sheet;
        let i = doc.valuation.roles.len();
        let id = s.text(row, R_ID);
        let o = orig_roles.get(id.as_str()).copied();
        let base = format!("valuation.roles[{i}]");
        places.add(base.clone(), s.at(row, R_ID));
        places.add(format!("{base}.hourly_cost"), s.at(row, R_HOURLY));
        places.add(format!("{base}.monthly_salary"), s.at(row, R_MONTHLY));
        places.add(format!("{base}.name"), s.at(row, R_NAME));
        let monthly = s.number(row, R_MONTHLY);
        let (hourly_cost, monthly_salary) = match monthly {
            Err(e) => {
                problems.push(e);
                continue;
            }
            Ok(Some(m)) => (
                None,
                Some(Num(keep(o.and_then(|o| o.monthly_salary).map(Num::get), m))),
            ),
            Ok(None) => match s.number(row, R_HOURLY) {
                Err(e) => {
                    problems.push(e);
                    continue;
                }
                Ok(h) => (
                    h.map(|h| Num(keep(o.and_then(|o| o.hourly_cost).map(Num::get), h))),
                    None,
                ),
            },
        };
        doc.valuation.roles.push(Role {
            id,
            name: s.text(row, R_NAME),
            hourly_cost,
            monthly_salary,
            source: s.text(row, R_SOURCE),
        });
    }

    // Inputs.
    let orig_inputs: HashMap<&str, &Input> = original
        .valuation
        .inputs
        .iter()
        .map(|x| (x.id.as_str(), x))
        .collect();
    doc.valuation.inputs.clear();
    for &row in &input_rows {
        let s = &inputs_sheet;
        let i = doc.valuation.inputs.len();
        let id = s.text(row, I_ID);
        let o = orig_inputs.get(id.as_str()).copied();
        let base = format!("valuation.inputs[{i}]");
        places.add(base.clone(), s.at(row, I_ID));
        places.add(format!("{base}.value"), s.at(row, I_VALUE));
        places.add(format!("{base}.low"), s.at(row, I_LOW));
        places.add(format!("{base}.high"), s.at(row, I_HIGH));
        let value = match formula_cell(s, row, I_VALUE, o.map(|o| &o.value)) {
            Ok(Some(v)) => v,
            Ok(None) => {
                problems.push(s.err(row, I_VALUE, "värdet saknas", "the value is missing"));
                continue;
            }
            Err(e) => {
                problems.push(e);
                continue;
            }
        };
        let mut bound = |col: u16, orig: Option<Num>| match s.number(row, col) {
            Ok(v) => v.map(|v| Num(keep(orig.map(Num::get), v))),
            Err(e) => {
                problems.push(e);
                None
            }
        };
        let low = bound(I_LOW, o.and_then(|o| o.low));
        let high = bound(I_HIGH, o.and_then(|o| o.high));
        doc.valuation.inputs.push(Input {
            id,
            name: s.text(row, I_NAME),
            unit: s.text(row, I_UNIT),
            value,
            distribution: o
                .and_then(|o| o.distribution)
                .filter(|_| low.is_some() && high.is_some()),
            low,
            high,
            source: s.text(row, I_SOURCE),
            description: s.text(row, I_DESCRIPTION),
        });
    }

    // Lines.
    match read_lines(&lines_sheet, &original, &formula_cell, &mut places) {
        Ok((lines, mut line_problems)) => {
            doc.valuation.lines = lines;
            problems.append(&mut line_problems);
        }
        Err(e) => problems.push(e),
    }

    if !problems.is_empty() {
        return Err(DocErrors(problems));
    }
    // Checked like any other document, each problem at its cell.
    let checked = Model::from_document(doc.clone())
        .and_then(|model| nytta_core::evaluate(&model, Lang::Sv).map(|_| ()));
    if let Err(errors) = checked {
        return Err(DocErrors(
            errors
                .iter()
                .map(|e| places.place(e.clone(), &doc))
                .collect(),
        ));
    }
    Ok(doc)
}

type FormulaCell<'a> =
    dyn Fn(&Sheet, u32, u16, Option<&FormulaText>) -> Result<Option<FormulaText>, DocError> + 'a;

fn read_lines(
    s: &Sheet,
    original: &Document,
    formula_cell: &FormulaCell,
    places: &mut Places,
) -> Result<(Vec<Line>, Vec<DocError>), DocError> {
    for (k, head) in LINE_COLS.iter().enumerate() {
        let c = s.column(head)?;
        if c != k as u16 {
            return Err(DocError::invalid(
                s.at(0, k as u16),
                format!(
                    "kolumnen \"{head}\" ska stå i kolumn {}; flytta inte kolumnerna",
                    col_letters(k as u16)
                ),
                format!(
                    "the column \"{head}\" belongs in column {}; do not move the columns",
                    col_letters(k as u16)
                ),
            ));
        }
    }
    let width = s.values.end().map_or(0, |(_, c)| c);
    let mut ramp_cols: Vec<(u32, u16)> = (0..=width)
        .filter_map(|c| match s.values.get_value((0, c)) {
            Some(Data::String(h)) => {
                let k: u32 = h.trim().strip_prefix(RAMP_HEAD)?.trim().parse().ok()?;
                Some((k, u16::try_from(c).ok()?))
            }
            _ => None,
        })
        .collect();
    ramp_cols.sort();
    let description = s.column(LINE_DESCRIPTION)?;
    let indicator = s.column(LINE_INDICATOR)?;
    let orig: HashMap<&str, &Line> = original
        .valuation
        .lines
        .iter()
        .map(|l| (l.id.as_str(), l))
        .collect();
    let mut lines = Vec::new();
    let mut problems = Vec::new();
    for row in 1..=s.last_row() {
        if (0..=L_CONFIDENCE).all(|c| s.is_empty(row, c)) {
            continue;
        }
        let i = lines.len();
        let base = format!("valuation.lines[{i}]");
        let id = s.text(row, L_ID);
        let o = orig.get(id.as_str()).copied();
        for (field, col) in [
            ("", L_ID),
            (".id", L_ID),
            (".side", L_SIDE),
            (".name", L_NAME),
            (".category", L_CATEGORY),
            (".stakeholder", L_STAKEHOLDER),
            (".amount", L_AMOUNT),
            (".time", L_MINUTES),
            (".time.minutes", L_MINUTES),
            (".time.occurrences", L_OCCURRENCES),
            (".time.role", L_ROLE),
            (".timing", L_TIMING),
            (".confidence", L_CONFIDENCE),
        ] {
            places.add(format!("{base}{field}"), s.at(row, col));
        }
        for (k, (_, c)) in ramp_cols.iter().enumerate() {
            places.add(format!("{base}.ramp[{k}]"), s.at(row, *c));
        }
        places.add(
            format!("{base}.ramp"),
            s.at(row, ramp_cols.first().map_or(L_RAMP, |x| x.1)),
        );
        let mut bad = |col: u16, sv: &str, en: &str| {
            let t = s.text(row, col);
            problems.push(s.err(
                row,
                col,
                format!("\"{t}\" är inte {sv}"),
                format!("\"{t}\" is not {en}"),
            ));
        };
        let side = parse_side(&s.text(row, L_SIDE));
        if side.is_none() {
            bad(
                L_SIDE,
                "nytta eller kostnad",
                "nytta (benefit) or kostnad (cost)",
            );
        }
        let category = parse_category(&s.text(row, L_CATEGORY));
        if category.is_none() {
            bad(L_CATEGORY, "finansiell, omfördelning, kvalitet eller miljö", "finansiell, omfördelning, kvalitet or miljö (financial, reallocation, quality, environment)");
        }
        let st = s.text(row, L_STAKEHOLDER);
        let stakeholder = if st.is_empty() {
            None
        } else {
            let v = parse_stakeholder(&st);
            if v.is_none() {
                bad(
                    L_STAKEHOLDER,
                    "brukare, personal, kommunen eller samhället",
                    "brukare, personal, kommunen or samhället (user, staff, organisation, society)",
                );
            }
            v
        };
        let kind = s.text(row, L_TIMING);
        let once = if kind.is_empty() {
            None
        } else {
            let v = parse_once(&kind);
            if v.is_none() {
                bad(
                    L_TIMING,
                    "engång eller löpande",
                    "engång (once) or löpande (yearly)",
                );
            }
            v
        };
        let mut take = |r: Result<Option<i64>, DocError>| match r {
            Ok(v) => v,
            Err(e) => {
                problems.push(e);
                None
            }
        };
        let from = take(s.whole(row, L_FROM));
        let to = take(s.whole(row, L_TO));
        let year = |v: i64, col: u16, problems: &mut Vec<DocError>| {
            u32::try_from(v).map_err(|_| {
                problems.push(s.err(
                    row,
                    col,
                    "året ska vara 0 eller större",
                    "the year must be 0 or more",
                ));
            })
        };
        let timing = match (once, from) {
            (None, None) => None,
            (Some(true), Some(y)) => year(y, L_FROM, &mut problems).ok().map(Timing::Once),
            (Some(false), Some(y)) => {
                let from = year(y, L_FROM, &mut problems).ok();
                let to = to.and_then(|t| year(t, L_TO, &mut problems).ok());
                from.map(|from| Timing::Yearly(YearRange { from, to }))
            }
            (_, None) => {
                problems.push(s.err(
                    row,
                    L_FROM,
                    "första året saknas",
                    "the first year is missing",
                ));
                None
            }
            (None, Some(_)) => {
                problems.push(s.err(
                    row,
                    L_TIMING,
                    "ange engång eller löpande",
                    "give engång (once) or löpande (yearly)",
                ));
                None
            }
        };
        let time_form = [L_MINUTES, L_OCCURRENCES, L_ROLE]
            .iter()
            .any(|c| !s.is_empty(row, *c));
        let mut amount = None;
        let mut time = None;
        let mut keep_err = |r: Result<Option<FormulaText>, DocError>| match r {
            Ok(v) => v,
            Err(e) => {
                problems.push(e);
                None
            }
        };
        if time_form {
            let ot = o.and_then(|o| o.time.as_ref());
            let minutes = keep_err(formula_cell(s, row, L_MINUTES, ot.map(|t| &t.minutes)));
            let occurrences = keep_err(formula_cell(
                s,
                row,
                L_OCCURRENCES,
                ot.map(|t| &t.occurrences),
            ));
            let role = s.text(row, L_ROLE);
            match (minutes, occurrences, role.is_empty()) {
                (Some(minutes), Some(occurrences), false) => {
                    time = Some(TimeForm {
                        minutes,
                        occurrences,
                        role,
                    });
                }
                _ => problems.push(s.err(
                    row,
                    L_MINUTES,
                    "tidsformen behöver minuter, tillfällen och roll",
                    "the time form needs minutes, occurrences and a role",
                )),
            }
        } else {
            amount = keep_err(formula_cell(
                s,
                row,
                L_AMOUNT,
                o.and_then(|o| o.amount.as_ref()),
            ));
        }
        let confidence = match s.number(row, L_CONFIDENCE) {
            Ok(v) => v.map(|v| Num(keep(o.and_then(|o| o.confidence).map(Num::get), v))),
            Err(e) => {
                problems.push(e);
                None
            }
        };
        let mut ramp = Vec::new();
        for (k, (_, c)) in ramp_cols.iter().enumerate() {
            match s.number(row, *c) {
                Ok(Some(v)) => {
                    let orig = o
                        .and_then(|o| o.ramp.as_ref())
                        .and_then(|r| r.get(k))
                        .map(|n| n.get());
                    ramp.push(Num(keep(orig, v)));
                }
                Ok(None) => break,
                Err(e) => problems.push(e),
            }
        }
        let (Some(side), Some(category)) = (side, category) else {
            continue;
        };
        lines.push(Line {
            id,
            side,
            name: s.text(row, L_NAME),
            description: s.text(row, description),
            category,
            stakeholder,
            amount,
            time,
            timing,
            ramp: (!ramp.is_empty()).then_some(ramp),
            confidence,
            indicator: s.text(row, indicator),
            // The workbook has no columns for these; they are kept from the document.
            benefit_owner: o.map(|o| o.benefit_owner.clone()).unwrap_or_default(),
            effect_goal: o.map(|o| o.effect_goal.clone()).unwrap_or_default(),
        });
    }
    Ok((lines, problems))
}
