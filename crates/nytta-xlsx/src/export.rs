//! A valuation as a workbook whose formulas recompute to Nytta's figures.
//!
//! Every figure is a live formula over the cells a person can change (parameters, roles'
//! hourly costs, inputs as defined names, each line's formula, timing, ramp and confidence),
//! and every formula cell also carries Nytta's value, so a viewer that does not recalculate
//! shows the same numbers. Text from the document is always written as text: a name that
//! begins with `=`, `+`, `-` or `@` is never a formula.

use std::collections::HashMap;

use nytta_core::amounts;
use nytta_core::case::{Figures, YearFlows};
use nytta_core::document::{Category, Side, Timing};
use nytta_core::engine::Evaluation;
use nytta_core::error::DocError;
use nytta_core::model::{Form, Model};
use nytta_core::DocErrors;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet, XlsxError};

use crate::excel::{self, Names};
use crate::layout::*;
use crate::Error;

/// The number formats and styles, Swedish conventions (the reader's locale shows the
/// separators: `1 234 567 kr` in Swedish Excel).
pub(crate) struct Styles {
    pub head: Format,
    pub text: Format,
    pub unsafe_text: Format,
    pub wrap: Format,
    pub general: Format,
    pub kr: Format,
    pub kr0: Format,
    pub pct: Format,
    pub pct2: Format,
    pub years: Format,
    pub ratio: Format,
    pub year_head: Format,
    pub title: Format,
    pub int: Format,
}

impl Styles {
    pub fn new() -> Styles {
        let head = Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_background_color(0xE7E6E6)
            .set_border_bottom(FormatBorder::Thin);
        Styles {
            year_head: head.clone().set_num_format("\"År \"0"),
            head,
            text: Format::new(),
            unsafe_text: Format::new().set_quote_prefix(),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            general: Format::new(),
            kr: Format::new().set_num_format("#,##0.00 \"kr\""),
            kr0: Format::new().set_num_format("#,##0 \"kr\""),
            pct: Format::new().set_num_format("0.0 %"),
            pct2: Format::new().set_num_format("0.00 %"),
            years: Format::new().set_num_format("0.00"),
            ratio: Format::new().set_num_format("0.000"),
            title: Format::new().set_bold().set_font_size(14),
            int: Format::new().set_num_format("0"),
        }
    }
}

/// Whether a text would be read as a formula (or a DDE call) if typed into a cell.
pub(crate) fn looks_like_formula(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\u{2212}', '\t', '\r'])
}

/// Writes text as text, with Excel's quote prefix when it looks like a formula, so that
/// neither the file nor a later edit of the cell turns it into one.
pub(crate) fn text(
    ws: &mut Worksheet,
    st: &Styles,
    row: u32,
    col: u16,
    s: &str,
) -> Result<(), XlsxError> {
    if s.is_empty() {
        return Ok(());
    }
    let f = if looks_like_formula(s) {
        &st.unsafe_text
    } else {
        &st.text
    };
    ws.write_string_with_format(row, col, s, f)?;
    Ok(())
}

fn number(ws: &mut Worksheet, row: u32, col: u16, v: Decimal, f: &Format) -> Result<(), Error> {
    let x = excel::number(v).map_err(|e| {
        Error::Document(DocErrors(vec![DocError::invalid(
            String::new(),
            e.sv,
            e.en,
        )]))
    })?;
    let value: f64 = x.parse().unwrap_or_default();
    ws.write_number_with_format(row, col, value, f)?;
    Ok(())
}

fn cached(v: Decimal) -> String {
    v.normalize().to_string()
}

fn opt(v: Option<Decimal>) -> String {
    v.map_or_else(|| NONE.to_string(), cached)
}

/// What a figure that does not exist reads as, in cells and cached values.
pub const NONE: &str = "–";

fn formula(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    f: &str,
    result: String,
    fmt: &Format,
) -> Result<(), XlsxError> {
    ws.write_formula_with_format(row, col, Formula::new(f).set_result(result), fmt)?;
    Ok(())
}

fn heads(ws: &mut Worksheet, st: &Styles, row: u32, heads: &[&str]) -> Result<(), XlsxError> {
    for (c, h) in heads.iter().enumerate() {
        ws.write_string_with_format(row, c as u16, *h, &st.head)?;
    }
    Ok(())
}

fn line_error(i: usize, id: &str, field: &str, e: excel::Untranslatable) -> DocError {
    DocError::invalid(
        format!("valuation.lines[{i}].{field}"),
        format!("raden \"{id}\" kan inte skrivas som Excelformel: {}", e.sv),
        format!(
            "line \"{id}\" cannot be written as an Excel formula: {}",
            e.en
        ),
    )
}

/// The Excel names of the model's inputs and roles, or the ids that clash.
fn names(model: &Model) -> Result<Names, DocError> {
    let inputs: HashMap<String, String> = model
        .inputs
        .iter()
        .map(|x| (x.id.clone(), input_name(&x.id)))
        .collect();
    let roles: HashMap<String, String> = model
        .roles
        .iter()
        .map(|r| (r.id.clone(), role_name(&r.id)))
        .collect();
    let all = model
        .inputs
        .iter()
        .map(|x| (x.id.as_str(), input_name(&x.id)))
        .chain(
            model
                .roles
                .iter()
                .map(|r| (r.id.as_str(), role_name(&r.id))),
        );
    if let Some((a, b)) = name_clash(all) {
        return Err(DocError::invalid(
            "valuation.inputs",
            format!("\"{a}\" och \"{b}\" blir samma namn i Excel, som inte skiljer på stora och små bokstäver; byt id på den ena"),
            format!("\"{a}\" and \"{b}\" become the same name in Excel, which ignores case; rename one of them"),
        ));
    }
    Ok(Names { inputs, roles })
}

/// Writes the valuation as an .xlsx workbook with live formulas and cached values.
pub fn export_valuation(model: &Model, ev: &Evaluation) -> Result<Vec<u8>, Error> {
    let names = names(model).map_err(|e| Error::Document(e.into()))?;
    let doc = &model.doc;
    let n = model.params.years;
    let st = Styles::new();

    // Every formula first, so every problem is reported at once.
    let mut problems = Vec::new();
    let mut input_excel = Vec::new();
    for (i, x) in model.inputs.iter().enumerate() {
        match excel::to_excel(&x.formula, &names) {
            Ok(f) => input_excel.push(f),
            Err(e) => {
                problems.push(DocError::invalid(
                    format!("valuation.inputs[{i}].value"),
                    format!(
                        "faktorn \"{}\" kan inte skrivas som Excelformel: {}",
                        x.id, e.sv
                    ),
                    format!(
                        "input \"{}\" cannot be written as an Excel formula: {}",
                        x.id, e.en
                    ),
                ));
                input_excel.push(String::new());
            }
        }
    }
    // Per line: (amount or minutes, occurrences) as Excel formulas.
    let mut line_excel: Vec<Option<(String, Option<String>)>> = Vec::new();
    for (i, l) in model.lines.iter().enumerate() {
        let Some(m) = &l.money else {
            line_excel.push(None);
            continue;
        };
        let t = |f, field| excel::to_excel(f, &names).map_err(|e| line_error(i, &l.id, field, e));
        let r = match &m.form {
            Form::Amount(f) => t(f, "amount").map(|a| (a, None)),
            Form::Time {
                minutes,
                occurrences,
                ..
            } => t(minutes, "time.minutes")
                .and_then(|a| t(occurrences, "time.occurrences").map(|b| (a, Some(b)))),
        };
        match r {
            Ok(x) => line_excel.push(Some(x)),
            Err(e) => {
                problems.push(e);
                line_excel.push(None);
            }
        }
    }
    if !problems.is_empty() {
        return Err(Error::Document(DocErrors(problems)));
    }

    let mut wb = Workbook::new();
    let param_ref = |k: usize| format!("{}!$B${}", sheet_ref(PARAMS), k + 2);
    for (k, p) in PARAM_ROWS.iter().enumerate() {
        wb.define_name(p.name, &format!("={}", param_ref(k)))?;
    }
    for (r, role) in model.roles.iter().enumerate() {
        wb.define_name(
            &names.roles[&role.id],
            &format!("={}!$C${}", sheet_ref(ROLES), r + 2),
        )?;
    }
    for (r, x) in model.inputs.iter().enumerate() {
        wb.define_name(
            &names.inputs[&x.id],
            &format!("={}!$C${}", sheet_ref(INPUTS), r + 2),
        )?;
    }

    front(wb.add_worksheet().set_name(FRONT)?, &st, model, ev)?;

    // Parameters.
    {
        let ws = wb.add_worksheet().set_name(PARAMS)?;
        heads(ws, &st, 0, &["Parameter", "Värde", "Förklaring"])?;
        let p = &model.params;
        let values = [
            (Decimal::from(p.start_year), &st.int),
            (Decimal::from(p.years), &st.int),
            (p.rate, &st.pct2),
            (p.hours_per_fte, &st.general),
            (p.optimism_bias, &st.pct),
        ];
        for (k, (row, (v, f))) in PARAM_ROWS.iter().zip(values).enumerate() {
            let r = k as u32 + 1;
            ws.write_string(r, 0, row.label)?;
            number(ws, r, 1, v, f)?;
            ws.write_string_with_format(r, 2, row.note, &st.wrap)?;
        }
        ws.set_column_width(0, 30)?;
        ws.set_column_width(1, 14)?;
        ws.set_column_width(2, 80)?;
        ws.set_freeze_panes(1, 0)?;
    }

    // Roles.
    {
        let ws = wb.add_worksheet().set_name(ROLES)?;
        heads(ws, &st, 0, &ROLE_COLS)?;
        for (r, (role, def)) in doc.valuation.roles.iter().zip(&model.roles).enumerate() {
            let row = r as u32 + 1;
            text(ws, &st, row, R_ID, &role.id)?;
            text(ws, &st, row, R_NAME, &role.name)?;
            match def.monthly_salary {
                Some(m) => {
                    number(ws, row, R_MONTHLY, m, &st.kr)?;
                    let d = cell_name(row, R_MONTHLY);
                    formula(
                        ws,
                        row,
                        R_HOURLY,
                        &format!("{d}/142*1.54"),
                        cached(def.hourly_cost),
                        &st.kr,
                    )?;
                }
                None => number(ws, row, R_HOURLY, def.hourly_cost, &st.kr)?,
            }
            text(ws, &st, row, R_SOURCE, &role.source)?;
        }
        for (c, w) in [(0, 14), (1, 32), (2, 16), (3, 14), (4, 40)] {
            ws.set_column_width(c, w)?;
        }
        ws.set_freeze_panes(1, 0)?;
    }

    // Inputs.
    let input_values = amounts::input_values(model, &[]).map_err(|e| Error::Document(e.into()))?;
    let values = Values {
        model,
        inputs: &input_values,
    };
    {
        let ws = wb.add_worksheet().set_name(INPUTS)?;
        heads(ws, &st, 0, &INPUT_COLS)?;
        for (r, (x, def)) in doc.valuation.inputs.iter().zip(&model.inputs).enumerate() {
            let row = r as u32 + 1;
            text(ws, &st, row, I_ID, &x.id)?;
            text(ws, &st, row, I_NAME, &x.name)?;
            match def.formula.as_number() {
                Some(v) => number(ws, row, I_VALUE, v, &st.general)?,
                None => {
                    formula(
                        ws,
                        row,
                        I_VALUE,
                        &input_excel[r],
                        cached(input_values[r]),
                        &st.general,
                    )?;
                    text(ws, &st, row, I_NYTTA, x.value.as_str())?;
                }
            }
            if let Some(v) = def.low {
                number(ws, row, I_LOW, v, &st.general)?;
            }
            if let Some(v) = def.high {
                number(ws, row, I_HIGH, v, &st.general)?;
            }
            text(ws, &st, row, I_UNIT, &x.unit)?;
            text(ws, &st, row, I_SOURCE, &x.source)?;
            text(ws, &st, row, I_DESCRIPTION, &x.description)?;
        }
        for (c, w) in [
            (0, 16),
            (1, 34),
            (2, 14),
            (3, 10),
            (4, 10),
            (5, 8),
            (6, 40),
            (7, 30),
            (8, 30),
        ] {
            ws.set_column_width(c, w)?;
        }
        ws.set_freeze_panes(1, 0)?;
    }

    // Lines.
    let ramps = model
        .lines
        .iter()
        .filter_map(|l| l.money.as_ref().map(|m| m.ramp.len()))
        .max()
        .unwrap_or(1)
        .max(1) as u16;
    let tail = LineTail::after(ramps);
    let line_rows = model.lines.len() as u32;
    {
        let ws = wb.add_worksheet().set_name(LINES)?;
        heads(ws, &st, 0, &LINE_COLS)?;
        for k in 0..ramps {
            ws.write_string_with_format(0, L_RAMP + k, format!("{RAMP_HEAD}{}", k + 1), &st.head)?;
        }
        ws.write_string_with_format(0, tail.nytta, LINE_NYTTA, &st.head)?;
        ws.write_string_with_format(0, tail.description, LINE_DESCRIPTION, &st.head)?;
        ws.write_string_with_format(0, tail.indicator, LINE_INDICATOR, &st.head)?;
        for t in 0..=n {
            ws.write_number_with_format(0, tail.year0 + t as u16, f64::from(t), &st.year_head)?;
        }
        let ramp_first = col_letters(L_RAMP);
        let ramp_last = col_letters(L_RAMP + ramps - 1);
        for (i, ((line, def), res)) in doc
            .valuation
            .lines
            .iter()
            .zip(&model.lines)
            .zip(&ev.lines)
            .enumerate()
        {
            let row = i as u32 + 1;
            let r = row + 1;
            text(ws, &st, row, L_ID, &line.id)?;
            ws.write_string(row, L_SIDE, side_word(line.side))?;
            text(ws, &st, row, L_NAME, &line.name)?;
            ws.write_string(row, L_CATEGORY, category_word(line.category))?;
            if let Some(s) = line.stakeholder {
                ws.write_string(row, L_STAKEHOLDER, stakeholder_word(s))?;
            }
            text(ws, &st, row, tail.description, &line.description)?;
            text(ws, &st, row, tail.indicator, &line.indicator)?;
            if let (Some(m), Some((a, occ)), Some(annual)) =
                (&def.money, &line_excel[i], res.annual)
            {
                match (&m.form, occ) {
                    (Form::Time { role, .. }, Some(occ)) => {
                        let minutes = line.time.as_ref().map(|t| t.minutes.as_str()).unwrap_or("");
                        let occurrences = line
                            .time
                            .as_ref()
                            .map(|t| t.occurrences.as_str())
                            .unwrap_or("");
                        cell_formula(ws, &st, (row, L_MINUTES), a, minutes, &values)?;
                        cell_formula(ws, &st, (row, L_OCCURRENCES), occ, occurrences, &values)?;
                        text(ws, &st, row, L_ROLE, role)?;
                        let g = col_letters(L_MINUTES);
                        let h = col_letters(L_OCCURRENCES);
                        let ir = col_letters(L_ROLE);
                        let roles = sheet_ref(ROLES);
                        formula(
                            ws,
                            row,
                            L_AMOUNT,
                            &format!("{g}{r}*{h}{r}*INDEX({roles}!$C:$C,MATCH(${ir}{r},{roles}!$A:$A,0))/60"),
                            cached(annual),
                            &st.kr,
                        )?;
                    }
                    _ => {
                        formula(ws, row, L_AMOUNT, a, cached(annual), &st.kr)?;
                        if let Some(t) = &line.amount {
                            text(ws, &st, row, tail.nytta, t.as_str())?;
                        }
                    }
                }
                match &line.timing {
                    Some(Timing::Once(y)) => {
                        ws.write_string(row, L_TIMING, ONCE)?;
                        ws.write_number(row, L_FROM, f64::from(*y))?;
                    }
                    Some(Timing::Yearly(range)) => {
                        ws.write_string(row, L_TIMING, YEARLY)?;
                        ws.write_number(row, L_FROM, f64::from(range.from))?;
                        if let Some(to) = range.to {
                            ws.write_number(row, L_TO, f64::from(to))?;
                        }
                    }
                    None => {}
                }
                if let Some(c) = line.confidence {
                    number(ws, row, L_CONFIDENCE, c.get(), &st.pct)?;
                }
                if let Some(ramp) = &line.ramp {
                    for (k, f) in ramp.iter().enumerate() {
                        number(ws, row, L_RAMP + k as u16, f.get(), &st.pct)?;
                    }
                }
            }
            // The value in each year: amount × ramp × confidence (benefits) or × (1 +
            // optimism bias) (costs), within the timing; as case::year_value.
            let col = |c: u16| format!("${}{r}", col_letters(c));
            let (amount, side, from, to, kind, conf) = (
                col(L_AMOUNT),
                col(L_SIDE),
                col(L_FROM),
                col(L_TO),
                col(L_TIMING),
                col(L_CONFIDENCE),
            );
            let ramp = format!("${ramp_first}{r}:${ramp_last}{r}");
            for t in 0..=n {
                let y = format!("{}$1", col_letters(tail.year0 + t as u16));
                let last = format!("IF({kind}=\"{ONCE}\",{from},IF({to}=\"\",_kalkylperiod,{to}))");
                let f = format!(
                    "IF(OR({amount}=\"\",{y}<{from},{y}>{last}),0,{amount}*IF(COUNT({ramp})=0,1,INDEX({ramp},MIN({y}-{from}+1,COUNT({ramp}))))*IF({side}=\"nytta\",IF({conf}=\"\",1,{conf}),1+_optimismpaslag))"
                );
                let v = res.values.get(t as usize).copied().unwrap_or_default();
                formula(ws, row, tail.year0 + t as u16, &f, cached(v), &st.kr)?;
            }
        }
        let widths = [
            (L_ID, 16.0),
            (L_SIDE, 9.0),
            (L_NAME, 36.0),
            (L_CATEGORY, 13.0),
            (L_STAKEHOLDER, 11.0),
            (L_AMOUNT, 18.0),
            (L_MINUTES, 10.0),
            (L_OCCURRENCES, 14.0),
            (L_ROLE, 10.0),
            (L_TIMING, 10.0),
            (L_FROM, 8.0),
            (L_TO, 8.0),
            (L_CONFIDENCE, 10.0),
        ];
        for (c, w) in widths {
            ws.set_column_width(c, w)?;
        }
        ws.set_column_width(tail.nytta, 30)?;
        ws.set_column_width(tail.description, 30)?;
        ws.set_column_width(tail.indicator, 20)?;
        for t in 0..=n {
            ws.set_column_width(tail.year0 + t as u16, 15)?;
        }
        ws.set_row_height(0, 45)?;
        ws.set_freeze_panes(1, L_NAME + 1)?;
        ws.autofilter(0, 0, line_rows.max(1), tail.indicator)?;
    }

    years_sheet(
        wb.add_worksheet().set_name(YEARS)?,
        &st,
        model,
        ev,
        tail.year0,
    )?;
    figures_sheet(wb.add_worksheet().set_name(FIGURES)?, &st, n, ev)?;

    // The rest of the document, for import.
    {
        let ws = wb.add_worksheet().set_name(DATA)?;
        ws.write_string(0, 0, "Dokumentet som JSON (läses vid import för det som inte står på de andra bladen; ändra inte här)")?;
        let json = serde_json::to_string(doc).unwrap_or_default();
        let chars: Vec<char> = json.chars().collect();
        for (k, chunk) in chars.chunks(30_000).enumerate() {
            let s: String = chunk.iter().collect();
            ws.write_string(k as u32 + 1, 0, s)?;
        }
        ws.set_hidden(true);
    }
    wb.worksheet_from_index(0)?.set_active(true);
    Ok(wb.save_to_buffer()?)
}

/// Input values and roles' hourly costs, for the cached value of a formula cell.
struct Values<'a> {
    model: &'a Model,
    inputs: &'a [Decimal],
}

impl nytta_core::formula::Env for Values<'_> {
    fn input(&self, id: &str) -> Option<Decimal> {
        self.model
            .input_position(id)
            .and_then(|i| self.inputs.get(i).copied())
    }

    fn role(&self, id: &str) -> Option<Decimal> {
        self.model.role(id).map(|r| r.hourly_cost)
    }
}

/// A formula cell for a time-form field, with its value cached; a plain number is written
/// as a number.
fn cell_formula(
    ws: &mut Worksheet,
    st: &Styles,
    at: (u32, u16),
    excel: &str,
    nytta: &str,
    values: &Values,
) -> Result<(), Error> {
    let (row, col) = at;
    let parsed = nytta_core::formula::parse(nytta).ok();
    match parsed.as_ref().and_then(|f| f.as_number()) {
        Some(v) => number(ws, row, col, v, &st.general),
        None => {
            let value = parsed
                .and_then(|f| f.eval(values).ok())
                .map(cached)
                .unwrap_or_default();
            formula(ws, row, col, excel, value, &st.general)?;
            Ok(())
        }
    }
}

const Y_FIRST: u32 = 2;

/// Columns of one view in the year table, from `base`.
const Y_B: u16 = 0;
const Y_C: u16 = 1;
const Y_NET: u16 = 2;
const Y_CUM: u16 = 3;
const Y_DISC: u16 = 4;
const Y_DCUM: u16 = 5;
const Y_PAY: u16 = 6;
const Y_DPAY: u16 = 7;
/// First column of the economic view; the budget view follows it.
pub(crate) const ECON: u16 = 2;
pub(crate) const BUDGET: u16 = 10;

/// The helper value of the payback column: the crossing year within year t, if C(t−1) < 0 ≤
/// C(t); at t = 0, 0 when C(0) ≥ 0. The first crossing is the smallest such value, so the
/// payback is their MIN (as finance::payback).
fn crossing(cum: &[Decimal], net: &[Decimal], t: usize) -> Option<Decimal> {
    if t == 0 {
        return (cum[0] >= Decimal::ZERO).then_some(Decimal::ZERO);
    }
    if cum[t - 1] < Decimal::ZERO && cum[t] >= Decimal::ZERO && !net[t].is_zero() {
        return Some(Decimal::from(t - 1) + (-cum[t - 1]) / net[t]);
    }
    None
}

fn years_sheet(
    ws: &mut Worksheet,
    st: &Styles,
    model: &Model,
    ev: &Evaluation,
    year0: u16,
) -> Result<(), XlsxError> {
    let n = model.params.years as usize;
    ws.write_string_with_format(
        0,
        ECON,
        "Ekonomisk vy (finansiella och omfördelningsrader)",
        &st.head,
    )?;
    ws.write_string_with_format(0, BUDGET, "Budgetvy (bara finansiella rader)", &st.head)?;
    let mut h = vec!["År", "Kalenderår"];
    let view = [
        "Nyttor",
        "Kostnader",
        "Netto",
        "Ackumulerat netto",
        "Diskonterat netto",
        "Ackumulerat diskonterat netto",
        "Återbetalning (hjälpkolumn)",
        "Diskonterad återbetalning (hjälpkolumn)",
    ];
    h.extend(view);
    h.extend(view);
    heads(ws, st, 1, &h)?;
    let lines = sheet_ref(LINES);
    for (base, flows) in [
        (
            ECON,
            ev.years
                .iter()
                .map(|y| &y.economic)
                .collect::<Vec<&YearFlows>>(),
        ),
        (BUDGET, ev.years.iter().map(|y| &y.budget).collect()),
    ] {
        let net: Vec<Decimal> = flows.iter().map(|f| f.net).collect();
        let cum: Vec<Decimal> = flows.iter().map(|f| f.cumulative).collect();
        let mut dcum = Vec::new();
        let mut acc = Decimal::ZERO;
        for f in &flows {
            acc += f.discounted_net;
            dcum.push(acc);
        }
        let disc: Vec<Decimal> = flows.iter().map(|f| f.discounted_net).collect();
        let c = |k: u16| col_letters(base + k);
        let budget_only = if base == BUDGET {
            format!(",{lines}!$D:$D,\"{}\"", category_word(Category::Financial))
        } else {
            String::new()
        };
        for t in 0..=n {
            let row = Y_FIRST + t as u32;
            let r = row + 1;
            let yc = col_letters(year0 + t as u16);
            let f = &flows[t];
            let sum = |side: Side| {
                format!(
                    "SUMIFS({lines}!{yc}:{yc},{lines}!$B:$B,\"{}\"{budget_only})",
                    side_word(side)
                )
            };
            formula(
                ws,
                row,
                base + Y_B,
                &sum(Side::Benefit),
                cached(f.benefits),
                &st.kr,
            )?;
            formula(
                ws,
                row,
                base + Y_C,
                &sum(Side::Cost),
                cached(f.costs),
                &st.kr,
            )?;
            formula(
                ws,
                row,
                base + Y_NET,
                &format!("{}{r}-{}{r}", c(Y_B), c(Y_C)),
                cached(f.net),
                &st.kr,
            )?;
            let prev = |k: u16| {
                if t == 0 {
                    String::new()
                } else {
                    format!("{}{}+", c(k), r - 1)
                }
            };
            formula(
                ws,
                row,
                base + Y_CUM,
                &format!("{}{}{r}", prev(Y_CUM), c(Y_NET)),
                cached(f.cumulative),
                &st.kr,
            )?;
            formula(
                ws,
                row,
                base + Y_DISC,
                &format!("{}{r}/(1+_kalkylranta)^$A{r}", c(Y_NET)),
                cached(f.discounted_net),
                &st.kr,
            )?;
            formula(
                ws,
                row,
                base + Y_DCUM,
                &format!("{}{}{r}", prev(Y_DCUM), c(Y_DISC)),
                cached(dcum[t]),
                &st.kr,
            )?;
            for (k, cumk, netk, cumv, netv) in [
                (Y_PAY, Y_CUM, Y_NET, &cum, &net),
                (Y_DPAY, Y_DCUM, Y_DISC, &dcum, &disc),
            ] {
                let f = if t == 0 {
                    format!("IF({}{r}>=0,0,\"\")", c(cumk))
                } else {
                    format!(
                        "IF(AND({cp}{p}<0,{cp}{r}>=0),$A{p}+(-{cp}{p})/{n}{r},\"\")",
                        cp = c(cumk),
                        p = r - 1,
                        n = c(netk)
                    )
                };
                let v = crossing(cumv, netv, t).map(cached).unwrap_or_default();
                formula(ws, row, base + k, &f, v, &st.years)?;
            }
        }
    }
    for t in 0..=n {
        let row = Y_FIRST + t as u32;
        ws.write_number(row, 0, t as f64)?;
        formula(
            ws,
            row,
            1,
            &format!("_startar+A{}", row + 1),
            ev.years[t].calendar_year.to_string(),
            &st.int,
        )?;
    }
    ws.set_column_width(0, 6)?;
    ws.set_column_width(1, 11)?;
    for c in 2..18 {
        ws.set_column_width(c, 16)?;
    }
    ws.set_row_height(1, 45)?;
    ws.set_freeze_panes(2, 2)?;
    Ok(())
}

/// Key figure rows of the key-figures sheet, from row 2.
pub(crate) const FIG_ROWS: [&str; 14] = [
    "Nuvärde (NPV)",
    "Nuvärde av nyttor",
    "Nuvärde av kostnader",
    "Avkastning (ROI)",
    "Nytta/kostnad-kvot",
    "Återbetalningstid (år)",
    "Diskonterad återbetalningstid (år)",
    "Internränta (IRR)",
    "Modifierad internränta (MIRR)",
    "Summa nyttor (odiskonterat)",
    "Summa kostnader (odiskonterat)",
    "Brytvärde nyttor (NPV ÷ nuvärde av nyttor)",
    "Brytvärde kostnader (NPV ÷ nuvärde av kostnader)",
    "Startvärde för IRR",
];

fn figures_sheet(
    ws: &mut Worksheet,
    st: &Styles,
    n: u32,
    ev: &Evaluation,
) -> Result<(), XlsxError> {
    heads(
        ws,
        st,
        0,
        &["Nyckeltal", "Ekonomisk vy", "Budgetvy", "Så räknas det"],
    )?;
    let years = sheet_ref(YEARS);
    let first = Y_FIRST + 1;
    let last = Y_FIRST + 1 + n;
    let notes = [
        "År 0 odiskonterat plus Excels NPV över år 1–N: =CF0+NPV(r;CF1:CFn). Excels NPV diskonterar även sitt första värde, därför står år 0 utanför.",
        "Nyttorna diskonterade som NPV.",
        "Kostnaderna (med optimismpåslag) diskonterade som NPV.",
        "(nuvärde av nyttor − nuvärde av kostnader) ÷ nuvärde av kostnader; – utan kostnader.",
        "Nuvärde av nyttor ÷ nuvärde av kostnader; – utan kostnader.",
        "Första året då ackumulerat netto går från under noll till noll eller mer, inom året linjärt: (t−1) + −C(t−1) ÷ netto(t); 0 om år 0 redan är ≥ 0; – om det inte sker inom perioden. Hjälpkolumnen på bladet År.",
        "Samma regel på det diskonterade nettot.",
        "Excels IRR över nettoflödet år 0–N; – när flödet inte byter tecken. Har flödet flera nollställen hittar IRR det närmast startvärdet (raden Startvärde), som är Nyttas val.",
        "Excels MIRR(netto; r; r) med diskonteringsräntan som både finansierings- och återinvesteringsränta; – när flödet saknar positiva eller negativa belopp.",
        "Summan av nyttorna år 0–N.",
        "Summan av kostnaderna år 0–N.",
        "Hur mycket nyttorna kan minska innan NPV blir 0.",
        "Hur mycket kostnaderna kan öka innan NPV blir 0.",
        "Internräntan Nytta räknade fram (10 % om den saknas); Excels IRR börjar leta där.",
    ];
    for (k, label) in FIG_ROWS.iter().enumerate() {
        ws.write_string(k as u32 + 1, 0, *label)?;
        ws.write_string_with_format(k as u32 + 1, 3, notes[k], &st.wrap)?;
    }
    for (col, base, f) in [(1u16, ECON, &ev.economic), (2u16, BUDGET, &ev.budget)] {
        let c = |k: u16| col_letters(base + k);
        let range = |k: u16| format!("{years}!{x}{first}:{x}{last}", x = c(k));
        let pv = |k: u16| {
            if n == 0 {
                format!("{years}!{}{first}", c(k))
            } else {
                format!(
                    "{years}!{x}{first}+NPV(_kalkylranta,{years}!{x}{}:{x}{last})",
                    first + 1,
                    x = c(k)
                )
            }
        };
        let me = col_letters(col);
        let at = |row: u32| format!("{me}{row}");
        let Figures {
            npv,
            pv_benefits,
            pv_costs,
            roi,
            benefit_cost_ratio,
            payback_years,
            discounted_payback_years,
            irr,
            total_benefits,
            total_costs,
            switching_benefits,
            switching_costs,
            mirr,
            ..
        } = f.clone();
        let guess = irr.unwrap_or(Decimal::new(1, 1));
        let cells: [(String, String, &Format); 13] = [
            (pv(Y_NET), cached(npv), &st.kr0),
            (pv(Y_B), cached(pv_benefits), &st.kr0),
            (pv(Y_C), cached(pv_costs), &st.kr0),
            (format!("IF({c}=0,\"{NONE}\",({b}-{c})/{c})", b = at(3), c = at(4)), opt(roi), &st.pct),
            (format!("IF({c}=0,\"{NONE}\",{b}/{c})", b = at(3), c = at(4)), opt(benefit_cost_ratio), &st.ratio),
            (
                // None without costs in the view (finance::payback_of_view) or without a
                // crossing.
                format!(
                    "IF(OR(SUM({c})=0,COUNT({r})=0),\"{NONE}\",MIN({r}))",
                    c = range(Y_C),
                    r = range(Y_PAY)
                ),
                opt(payback_years),
                &st.years,
            ),
            (
                // None without costs in the view (finance::payback_of_view) or without a
                // crossing.
                format!(
                    "IF(OR(SUM({c})=0,COUNT({r})=0),\"{NONE}\",MIN({r}))",
                    c = range(Y_C),
                    r = range(Y_DPAY)
                ),
                opt(discounted_payback_years),
                &st.years,
            ),
            (
                format!(
                    "IF(OR(COUNTIF({r},\">0\")=0,COUNTIF({r},\"<0\")=0),\"{NONE}\",IFERROR(IRR({r},{g}),\"{NONE}\"))",
                    r = range(Y_NET),
                    g = at(15)
                ),
                opt(irr),
                &st.pct2,
            ),
            (
                format!("IFERROR(MIRR({r},_kalkylranta,_kalkylranta),\"{NONE}\")", r = range(Y_NET)),
                opt(mirr),
                &st.pct2,
            ),
            (format!("SUM({})", range(Y_B)), cached(total_benefits), &st.kr0),
            (format!("SUM({})", range(Y_C)), cached(total_costs), &st.kr0),
            (format!("IF({b}=0,\"{NONE}\",{a}/{b})", a = at(2), b = at(3)), opt(switching_benefits), &st.pct),
            (format!("IF({b}=0,\"{NONE}\",{a}/{b})", a = at(2), b = at(4)), opt(switching_costs), &st.pct),
        ];
        for (k, (f, v, fmt)) in cells.into_iter().enumerate() {
            formula(ws, k as u32 + 1, col, &f, v, fmt)?;
        }
        let v: f64 = cached(guess).parse().unwrap_or(0.1);
        ws.write_number_with_format(14, col, v, &st.pct2)?;
    }
    ws.set_column_width(0, 44)?;
    ws.set_column_width(1, 18)?;
    ws.set_column_width(2, 18)?;
    ws.set_column_width(3, 90)?;
    ws.set_freeze_panes(1, 1)?;
    Ok(())
}

fn front(ws: &mut Worksheet, st: &Styles, model: &Model, ev: &Evaluation) -> Result<(), XlsxError> {
    let doc = &model.doc;
    let mut row = 0u32;
    ws.write_string_with_format(row, 0, "Nyttovärdering från Nytta", &st.title)?;
    row += 2;
    for (label, value) in [
        ("Initiativ", doc.initiative.title.as_str()),
        ("Förvaltning", doc.initiative.department.as_str()),
        ("Ansvarig", doc.initiative.owner.as_str()),
        ("Version", doc.valuation.label.as_str()),
        ("Datum", doc.valuation.date.as_deref().unwrap_or("")),
    ] {
        ws.write_string_with_format(row, 0, label, &st.head)?;
        text(ws, st, row, 1, value)?;
        row += 1;
    }
    ws.write_string_with_format(row, 0, "NPV, ekonomisk vy", &st.head)?;
    ws.write_formula_with_format(
        row,
        1,
        Formula::new(format!("{}!B2", sheet_ref(FIGURES))).set_result(cached(ev.economic.npv)),
        &st.kr0,
    )?;
    row += 1;
    ws.write_string_with_format(row, 0, "NPV, budgetvy", &st.head)?;
    ws.write_formula_with_format(
        row,
        1,
        Formula::new(format!("{}!C2", sheet_ref(FIGURES))).set_result(cached(ev.budget.npv)),
        &st.kr0,
    )?;
    row += 2;
    let paragraphs = [
        "Arbetsboken är en nyttovärdering skriven av Nytta med levande formler: ändra ett värde och alla siffror räknas om i Excel eller LibreOffice, med samma regler som Nytta.",
        "Bladen och dokumentet: Parametrar = valuation.parameters; Roller = valuation.roles (cellen Timkostnad heter role.ID); Faktorer = valuation.inputs (värdecellen har faktorns id som namn, t.ex. robots; ett id som liknar en cellreferens, t.ex. q1, får ett understreck först: _q1); Rader = valuation.lines, en rad per nytta eller kostnad med beloppet som Excelformel över namnen, tidpunkt, upptrappning, konfidens och värdet år för år.",
        "År = årstabellen i två vyer: ekonomisk (finansiella och omfördelningsrader) och budget (bara finansiella rader). Nyckeltal = NPV, nuvärden, ROI, kvot, återbetalningstid, IRR, MIRR och summor som formler.",
        "NPV räknas som =CF0+NPV(r;CF1:CFn): Excels NPV diskonterar även sitt första värde, så år 0 läggs till odiskonterat.",
        "Import: Nytta läser tillbaka Parametrar, Roller, Faktorer och Rader (ändrade värden, intervall, formler och nya rader). Ett belopp kan vara ett tal eller en formel med tal, namn, + − * /, parenteser, MIN och MAX; annat avvisas med bladet och cellen utpekade. Bladen År och Nyckeltal räknas om av Nytta och läses inte. Det dolda bladet Dokument bär resten av dokumentet (behov, effektmål, risker, bedömningar, beslutsmaterial, uppföljningar och radernas nyttoägare och effektmål).",
        "Text skrivs alltid som text, aldrig som formel. Inget i arbetsboken körs vid import.",
        "English: a valuation written by Nytta with live formulas. Parametrar, Roller, Faktorer and Rader map to the document's parameters, roles, inputs and lines and are read back on import; År is the year table in the economic and budget views, Nyckeltal the key figures (NPV as =CF0+NPV(r;CF1:CFn)).",
    ];
    for p in paragraphs {
        ws.merge_range(row, 0, row, 7, p, &st.wrap)?;
        // About 110 characters fit on a line of the merged columns A–H.
        let lines = p.chars().count().div_ceil(110) as f64;
        ws.set_row_height(row, 15.0 * lines + 4.0)?;
        row += 1;
    }
    ws.set_column_width(0, 22)?;
    ws.set_column_width(1, 22)?;
    for c in 2..8 {
        ws.set_column_width(c, 16)?;
    }
    Ok(())
}
