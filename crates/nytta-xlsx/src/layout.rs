//! Where everything sits in the workbook: sheet names, column headings, the words used in
//! cells, and the Excel names of inputs, roles and parameters. Export writes this layout and
//! import reads it, so the two cannot drift apart.

use std::collections::HashMap;

use nytta_core::document::{Category, Side, Stakeholder};

/// The front sheet: what the workbook is and how it maps to the document.
pub const FRONT: &str = "Om arbetsboken";
/// Analysis parameters.
pub const PARAMS: &str = "Parametrar";
/// Roles and their hourly costs.
pub const ROLES: &str = "Roller";
/// Inputs (*faktorer*), each a defined name.
pub const INPUTS: &str = "Faktorer";
/// Benefit and cost lines with their value per year.
pub const LINES: &str = "Rader";
/// The year table in both views.
pub const YEARS: &str = "År";
/// Key figures as formulas.
pub const FIGURES: &str = "Nyckeltal";
/// The parts of the document that have no sheet of their own (hidden).
pub const DATA: &str = "Dokument";

/// A sheet name as it is written in a formula: always quoted, so names with spaces or
/// letters outside ASCII need no special case.
pub fn sheet_ref(sheet: &str) -> String {
    format!("'{}'", sheet.replace('\'', "''"))
}

/// A parameter row: label in column A, value in column B, explanation in column C.
pub struct ParamRow {
    /// The label in column A, which import looks for.
    pub label: &'static str,
    /// The defined name of the value cell.
    pub name: &'static str,
    /// The explanation in column C.
    pub note: &'static str,
}

/// The parameter rows, in order from row 2.
pub const PARAM_ROWS: [ParamRow; 5] = [
    ParamRow {
        label: "Startår (år 0)",
        name: "_startar",
        note: "Kalenderåret för år 0 (parameters.start_year).",
    },
    ParamRow {
        label: "Kalkylperiod (år)",
        name: "_kalkylperiod",
        note: "N: åren 0–N räknas (parameters.years). Ändras den här läggs inga årskolumner till; importen räknar om med den nya perioden.",
    },
    ParamRow {
        label: "Diskonteringsränta",
        name: "_kalkylranta",
        note: "Andel, t.ex. 3 % (parameters.discount_rate). År 0 diskonteras inte.",
    },
    ParamRow {
        label: "Timmar per årsarbetare",
        name: "_timmar_per_arsarbetare",
        note: "Omräkning av frigjord tid till årsarbetare (parameters.hours_per_fte).",
    },
    ParamRow {
        label: "Optimismpåslag på kostnader",
        name: "_optimismpaslag",
        note: "Läggs på varje kostnad, t.ex. 10 % (parameters.optimism_bias).",
    },
];

/// Index of a parameter in [`PARAM_ROWS`].
pub const P_START: usize = 0;
/// Index of the analysis period.
pub const P_YEARS: usize = 1;
/// Index of the discount rate.
pub const P_RATE: usize = 2;
/// Index of hours per FTE.
pub const P_FTE: usize = 3;

/// Column headings of the roles sheet (row 1).
pub const ROLE_COLS: [&str; 5] = [
    "Id",
    "Namn",
    "Timkostnad inkl. PO (kr/h)",
    "Månadslön (kr)",
    "Källa",
];
/// Column of the role's id.
pub const R_ID: u16 = 0;
/// Column of the role's name.
pub const R_NAME: u16 = 1;
/// Column of the hourly cost (the cell `role.ID` names).
pub const R_HOURLY: u16 = 2;
/// Column of the monthly salary.
pub const R_MONTHLY: u16 = 3;
/// Column of the source.
pub const R_SOURCE: u16 = 4;

/// Column headings of the inputs sheet (row 1).
pub const INPUT_COLS: [&str; 9] = [
    "Id",
    "Namn",
    "Värde",
    "Lågt",
    "Högt",
    "Enhet",
    "Källa",
    "Beskrivning",
    "Formel i Nytta",
];
/// Column of the input's id.
pub const I_ID: u16 = 0;
/// Column of the name.
pub const I_NAME: u16 = 1;
/// Column of the value (the cell the input's name refers to).
pub const I_VALUE: u16 = 2;
/// Column of the low value.
pub const I_LOW: u16 = 3;
/// Column of the high value.
pub const I_HIGH: u16 = 4;
/// Column of the unit.
pub const I_UNIT: u16 = 5;
/// Column of the source.
pub const I_SOURCE: u16 = 6;
/// Column of the description.
pub const I_DESCRIPTION: u16 = 7;
/// Column of the formula as Nytta writes it (derived inputs).
pub const I_NYTTA: u16 = 8;

/// Column of a line's id.
pub const L_ID: u16 = 0;
/// Side.
pub const L_SIDE: u16 = 1;
/// Name.
pub const L_NAME: u16 = 2;
/// Category.
pub const L_CATEGORY: u16 = 3;
/// Stakeholder.
pub const L_STAKEHOLDER: u16 = 4;
/// Amount per occurrence of the timing (the time form's amount is computed here too).
pub const L_AMOUNT: u16 = 5;
/// Minutes per occurrence (time form).
pub const L_MINUTES: u16 = 6;
/// Occurrences (time form).
pub const L_OCCURRENCES: u16 = 7;
/// Role id (time form).
pub const L_ROLE: u16 = 8;
/// Timing kind.
pub const L_TIMING: u16 = 9;
/// First year.
pub const L_FROM: u16 = 10;
/// Last year (yearly timing).
pub const L_TO: u16 = 11;
/// Confidence (benefits).
pub const L_CONFIDENCE: u16 = 12;
/// First ramp column.
pub const L_RAMP: u16 = 13;

/// Headings of the fixed line columns, from column A.
pub const LINE_COLS: [&str; 13] = [
    "Id",
    "Sida",
    "Namn",
    "Kategori",
    "Intressent",
    "Belopp per tillfälle (kr)",
    "Minuter per tillfälle",
    "Tillfällen",
    "Roll",
    "Tidpunkt",
    "Från år",
    "Till år",
    "Konfidens",
];
/// Heading of ramp column `k` (0-based) is this followed by `k + 1`.
pub const RAMP_HEAD: &str = "Upptrappning ";
/// Heading of the column with the amount formula as Nytta writes it.
pub const LINE_NYTTA: &str = "Formel i Nytta";
/// Heading of the description column.
pub const LINE_DESCRIPTION: &str = "Beskrivning";
/// Heading of the indicator column.
pub const LINE_INDICATOR: &str = "Indikator";

/// The columns after the ramp columns, given the number of ramp columns.
pub struct LineTail {
    /// Nytta's formula text.
    pub nytta: u16,
    /// Description.
    pub description: u16,
    /// Indicator.
    pub indicator: u16,
    /// Year 0's value; year t is `year0 + t`.
    pub year0: u16,
}

impl LineTail {
    /// The tail columns after `ramps` ramp columns.
    pub fn after(ramps: u16) -> LineTail {
        let nytta = L_RAMP + ramps;
        LineTail {
            nytta,
            description: nytta + 1,
            indicator: nytta + 2,
            year0: nytta + 3,
        }
    }
}

/// The words for a side, as written in the side column.
pub fn side_word(s: Side) -> &'static str {
    match s {
        Side::Benefit => "nytta",
        Side::Cost => "kostnad",
    }
}

/// The words for a category.
pub fn category_word(c: Category) -> &'static str {
    match c {
        Category::Financial => "finansiell",
        Category::Reallocation => "omfördelning",
        Category::Quality => "kvalitet",
        Category::Environment => "miljö",
    }
}

/// The words for a stakeholder.
pub fn stakeholder_word(s: Stakeholder) -> &'static str {
    match s {
        Stakeholder::User => "brukare",
        Stakeholder::Staff => "personal",
        Stakeholder::Organisation => "kommunen",
        Stakeholder::Society => "samhället",
    }
}

/// Timing kind "once".
pub const ONCE: &str = "engång";
/// Timing kind "yearly".
pub const YEARLY: &str = "löpande";

/// Reads a side from a cell: the Swedish word or the document's code.
pub fn parse_side(s: &str) -> Option<Side> {
    match s.trim().to_lowercase().as_str() {
        "nytta" | "benefit" => Some(Side::Benefit),
        "kostnad" | "cost" => Some(Side::Cost),
        _ => None,
    }
}

/// Reads a category from a cell.
pub fn parse_category(s: &str) -> Option<Category> {
    let t = s.trim().to_lowercase();
    Category::ALL
        .into_iter()
        .find(|c| category_word(*c) == t || code(c) == t)
}

/// Reads a stakeholder from a cell.
pub fn parse_stakeholder(s: &str) -> Option<Stakeholder> {
    let t = s.trim().to_lowercase();
    Stakeholder::ALL
        .into_iter()
        .find(|c| stakeholder_word(*c) == t || code(c) == t)
}

/// Reads a timing kind: `Some(true)` for once, `Some(false)` for yearly.
pub fn parse_once(s: &str) -> Option<bool> {
    match s.trim().to_lowercase().as_str() {
        ONCE | "once" => Some(true),
        YEARLY | "yearly" => Some(false),
        _ => None,
    }
}

fn code<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// Whether Excel would read `name` as a cell reference (`A1`, `xfd12`, `R1C1`, `R`, `C`)
/// or a boolean, so it cannot be a defined name.
fn looks_like_reference(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    if matches!(lower.as_str(), "true" | "false") {
        return true;
    }
    let letters = lower
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    let rest = &lower[letters..];
    if (1..=3).contains(&letters) && !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    // R1C1 style: r, c, rN, cN, rc, rNcN, rcN, rNc.
    let bytes = lower.as_bytes();
    let mut i = 0;
    let digits = |i: &mut usize| {
        while *i < bytes.len() && bytes[*i].is_ascii_digit() {
            *i += 1;
        }
    };
    if i < bytes.len() && bytes[i] == b'r' {
        i += 1;
        digits(&mut i);
    }
    if i < bytes.len() && bytes[i] == b'c' {
        i += 1;
        digits(&mut i);
    }
    i == bytes.len() && i > 0
}

/// The Excel name of an input: its id, or `_` + id when the id reads as a cell reference.
/// Input ids start with a letter, so a leading underscore never meets another input, and
/// the parameter names ([`PARAM_ROWS`]) are not input ids that read as references.
pub fn input_name(id: &str) -> String {
    if looks_like_reference(id) {
        format!("_{id}")
    } else {
        id.to_string()
    }
}

/// The Excel name of a role's hourly cost: `role.ID` as in Nytta's formulas.
pub fn role_name(id: &str) -> String {
    format!("role.{id}")
}

/// Excel names are compared without regard to case; two ids that differ only in case (or
/// an id that meets a parameter name) cannot both be names. Returns the first clash as
/// (earlier id, later id).
pub fn name_clash<'a>(ids: impl Iterator<Item = (&'a str, String)>) -> Option<(String, String)> {
    let mut seen: HashMap<String, String> = PARAM_ROWS
        .iter()
        .map(|p| (p.name.to_lowercase(), p.name.to_string()))
        .collect();
    for (id, name) in ids {
        if let Some(earlier) = seen.insert(name.to_lowercase(), id.to_string()) {
            return Some((earlier, id.to_string()));
        }
    }
    None
}

/// Column letters of a 0-based column index (`0` → `A`).
pub fn col_letters(col: u16) -> String {
    let mut n = u32::from(col) + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = ((n - 1) % 26) as u8;
        out.push(b'A' + r);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The A1 name of a cell from 0-based row and column (`(0, 0)` → `A1`).
pub fn cell_name(row: u32, col: u16) -> String {
    format!("{}{}", col_letters(col), row + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_like_ids_get_an_underscore() {
        for id in [
            "a1", "Q1", "xfd12", "abc9", "r", "C", "R1C1", "rc", "r2", "true",
        ] {
            assert_eq!(input_name(id), format!("_{id}"), "{id}");
        }
        for id in ["robots", "a1b", "share_1", "abcd1", "rate", "cost"] {
            assert_eq!(input_name(id), id, "{id}");
        }
    }

    #[test]
    fn column_letters() {
        assert_eq!(col_letters(0), "A");
        assert_eq!(col_letters(25), "Z");
        assert_eq!(col_letters(26), "AA");
        assert_eq!(col_letters(701), "ZZ");
        assert_eq!(col_letters(702), "AAA");
        assert_eq!(cell_name(4, 2), "C5");
    }

    #[test]
    fn names_that_differ_only_in_case_clash() {
        let ids = [
            ("Robots", "Robots".to_string()),
            ("robots", "robots".into()),
        ];
        assert_eq!(
            name_clash(ids.into_iter()),
            Some(("Robots".into(), "robots".into()))
        );
    }
}
