//! Nytta's formula language and Excel's, both ways.
//!
//! Out: a parsed [`Formula`] becomes an Excel formula over defined names (`robots*2*365`,
//! `MIN(a,b)`, `role.usk`); what Excel cannot hold exactly (a number with more than 15
//! significant digits, a formula longer or deeper than Excel allows) is refused, never
//! written as a different cell. In: the same small language is read back from a cell's
//! formula — numbers, names, references to an input's value or a role's hourly cost,
//! `+ - * /`, parentheses, `MIN` and `MAX` — and anything else is refused with the cell
//! named. Nothing in a workbook is evaluated here; formulas are only translated.

use std::collections::HashMap;

use nytta_core::formula::{Formula, Term};
use rust_decimal::Decimal;

/// Excel's longest formula, in characters.
const MAX_FORMULA_LEN: usize = 8192;
/// Excel's deepest nesting of functions.
const MAX_FUNCTION_DEPTH: usize = 64;
/// Significant digits an Excel number holds exactly.
const MAX_DIGITS: u32 = 15;

/// Why a formula cannot be written in Excel, in Swedish and English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Untranslatable {
    /// Swedish.
    pub sv: String,
    /// English.
    pub en: String,
}

/// Excel names of the inputs and roles, by id.
pub struct Names {
    /// Input id → Excel name.
    pub inputs: HashMap<String, String>,
    /// Role id → Excel name.
    pub roles: HashMap<String, String>,
}

fn prec(t: &Term) -> u8 {
    match t {
        Term::Add(..) | Term::Sub(..) => 1,
        Term::Mul(..) | Term::Div(..) => 2,
        Term::Neg(_) => 3,
        Term::Num(v) if v.is_sign_negative() => 3,
        _ => 4,
    }
}

/// A decimal as Excel reads it, or why it cannot be held exactly.
pub fn number(v: Decimal) -> Result<String, Untranslatable> {
    let n = v.normalize();
    let digits = n.mantissa().unsigned_abs().to_string().len() as u32;
    if digits > MAX_DIGITS {
        return Err(Untranslatable {
            sv: format!("talet {n} har fler än {MAX_DIGITS} värdesiffror, som Excel inte kan hålla exakt"),
            en: format!("the number {n} has more than {MAX_DIGITS} significant digits, which Excel cannot hold exactly"),
        });
    }
    Ok(n.to_string())
}

fn write(t: &Term, names: &Names, depth: usize, out: &mut String) -> Result<(), Untranslatable> {
    let wrap = |child: &Term, min: u8, out: &mut String| -> Result<(), Untranslatable> {
        if prec(child) < min {
            out.push('(');
            write(child, names, depth, out)?;
            out.push(')');
            Ok(())
        } else {
            write(child, names, depth, out)
        }
    };
    match t {
        Term::Num(v) => out.push_str(&number(*v)?),
        Term::Input(id) => out.push_str(names.inputs.get(id).ok_or_else(|| unknown(id))?),
        Term::Role(id) => out.push_str(
            names
                .roles
                .get(id)
                .ok_or_else(|| unknown(&format!("role.{id}")))?,
        ),
        Term::Neg(x) => {
            out.push('-');
            wrap(x, 3, out)?;
        }
        Term::Add(a, b) | Term::Sub(a, b) | Term::Mul(a, b) | Term::Div(a, b) => {
            let (p, op) = match t {
                Term::Add(..) => (1, '+'),
                Term::Sub(..) => (1, '-'),
                Term::Mul(..) => (2, '*'),
                _ => (2, '/'),
            };
            wrap(a, p, out)?;
            out.push(op);
            // a - (b + c) and a / (b * c) keep their brackets; a + (b + c) needs none.
            let right_min = if matches!(op, '-' | '/') { p + 1 } else { p };
            wrap(b, right_min, out)?;
        }
        Term::Min(a, b) | Term::Max(a, b) => {
            if depth + 1 > MAX_FUNCTION_DEPTH {
                return Err(Untranslatable {
                    sv: format!(
                        "min och max är nästlade djupare än Excels {MAX_FUNCTION_DEPTH} nivåer"
                    ),
                    en: format!(
                        "min and max are nested deeper than Excel's {MAX_FUNCTION_DEPTH} levels"
                    ),
                });
            }
            out.push_str(if matches!(t, Term::Min(..)) {
                "MIN("
            } else {
                "MAX("
            });
            write(a, names, depth + 1, out)?;
            out.push(',');
            write(b, names, depth + 1, out)?;
            out.push(')');
        }
    }
    Ok(())
}

fn unknown(id: &str) -> Untranslatable {
    Untranslatable {
        sv: format!("namnet \"{id}\" saknar cell i arbetsboken"),
        en: format!("the name \"{id}\" has no cell in the workbook"),
    }
}

/// The Excel formula (without `=`) of a Nytta formula.
pub fn to_excel(f: &Formula, names: &Names) -> Result<String, Untranslatable> {
    let mut out = String::new();
    write(&f.term(), names, 0, &mut out)?;
    if out.chars().count() > MAX_FORMULA_LEN {
        return Err(Untranslatable {
            sv: format!("formeln blir längre än Excels {MAX_FORMULA_LEN} tecken"),
            en: format!("the formula becomes longer than Excel's {MAX_FORMULA_LEN} characters"),
        });
    }
    Ok(out)
}

/// A formula as written in a cell, for comparing two writings of it: without `=`, spaces
/// and `$`, in capitals (Excel names and functions ignore case).
pub fn normalise(excel: &str) -> String {
    excel
        .trim_start_matches('=')
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '$')
        .flat_map(char::to_uppercase)
        .collect()
}

/// What a name or cell reference in a cell's formula stands for, in Nytta's terms.
pub trait Resolve {
    /// The Nytta name (`robots`, `role.usk`) of a defined name, if it has one.
    fn name(&self, name: &str) -> Option<String>;
    /// The Nytta name of the cell `sheet!col row` (0-based; `sheet` `None` for the cell's
    /// own sheet), if it is an input's value or a role's hourly cost.
    fn cell(&self, sheet: Option<&str>, row: u32, col: u16) -> Option<String>;
}

/// Why a cell's formula cannot be read as a Nytta formula.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotNytta {
    /// Swedish.
    pub sv: String,
    /// English.
    pub en: String,
}

fn not_nytta(sv: impl Into<String>, en: impl Into<String>) -> NotNytta {
    NotNytta {
        sv: sv.into(),
        en: en.into(),
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Num(String),
    /// A name, a function name or a reference, possibly with a sheet (`Faktorer!$C$5`).
    Word(Option<String>, String),
    Op(char),
    Open,
    Close,
    Comma,
    End,
}

fn lex(src: &str) -> Result<Vec<Tok>, NotNytta> {
    let chars: Vec<char> = src.trim().trim_start_matches('=').chars().collect();
    let mut i = 0;
    let mut out = Vec::new();
    let word_char = |c: char| c.is_alphanumeric() || matches!(c, '_' | '.' | '$' | '\\');
    while i < chars.len() {
        let c = chars[i];
        match c {
            c if c.is_whitespace() => i += 1,
            '0'..='9' | '.' if c != '.' || chars.get(i + 1).is_some_and(char::is_ascii_digit) => {
                let start = i;
                while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                    i += 1;
                }
                if i < chars.len() && matches!(chars[i], 'e' | 'E') {
                    i += 1;
                    if i < chars.len() && matches!(chars[i], '+' | '-') {
                        i += 1;
                    }
                    while i < chars.len() && chars[i].is_ascii_digit() {
                        i += 1;
                    }
                }
                out.push(Tok::Num(chars[start..i].iter().collect()));
            }
            '+' | '-' | '*' | '/' => {
                out.push(Tok::Op(c));
                i += 1;
            }
            '(' => {
                out.push(Tok::Open);
                i += 1;
            }
            ')' => {
                out.push(Tok::Close);
                i += 1;
            }
            ',' | ';' => {
                out.push(Tok::Comma);
                i += 1;
            }
            '\'' => {
                // A quoted sheet name, '' standing for one quote, then ! and a reference.
                let mut sheet = String::new();
                i += 1;
                loop {
                    match chars.get(i) {
                        Some('\'') if chars.get(i + 1) == Some(&'\'') => {
                            sheet.push('\'');
                            i += 2;
                        }
                        Some('\'') => {
                            i += 1;
                            break;
                        }
                        Some(ch) => {
                            sheet.push(*ch);
                            i += 1;
                        }
                        None => return Err(not_nytta("ett citattecken avslutas aldrig", "a quote is never closed")),
                    }
                }
                if chars.get(i) != Some(&'!') {
                    return Err(not_nytta(
                        "text inom citattecken hör inte hemma i en formel här",
                        "quoted text does not belong in a formula here",
                    ));
                }
                i += 1;
                let start = i;
                while i < chars.len() && word_char(chars[i]) {
                    i += 1;
                }
                out.push(Tok::Word(Some(sheet), chars[start..i].iter().collect()));
            }
            c if word_char(c) => {
                let start = i;
                while i < chars.len() && word_char(chars[i]) {
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect();
                if chars.get(i) == Some(&'!') {
                    i += 1;
                    let s = i;
                    while i < chars.len() && word_char(chars[i]) {
                        i += 1;
                    }
                    out.push(Tok::Word(Some(word), chars[s..i].iter().collect()));
                } else {
                    out.push(Tok::Word(None, word));
                }
            }
            other => {
                return Err(not_nytta(
                    format!("tecknet \"{other}\" finns inte i Nyttas formelspråk (tal, namn, + − × ÷, parenteser, MIN och MAX)"),
                    format!("the character \"{other}\" is not in Nytta's formula language (numbers, names, + − × ÷, parentheses, MIN and MAX)"),
                ))
            }
        }
    }
    out.push(Tok::End);
    Ok(out)
}

/// A 0-based (row, column) of an A1 reference such as `$C$5`, if it is one.
pub fn parse_a1(text: &str) -> Option<(u32, u16)> {
    let t: String = text.chars().filter(|c| *c != '$').collect();
    let letters = t.chars().take_while(|c| c.is_ascii_alphabetic()).count();
    if !(1..=3).contains(&letters) {
        return None;
    }
    let (l, d) = t.split_at(letters);
    if d.is_empty() || !d.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut col: u32 = 0;
    for c in l.chars() {
        col = col * 26 + (c.to_ascii_uppercase() as u32 - 'A' as u32 + 1);
    }
    let row: u32 = d.parse().ok()?;
    if row == 0 || col == 0 || col > 16384 {
        return None;
    }
    Some((row - 1, u16::try_from(col - 1).ok()?))
}

struct Parser<'a> {
    toks: Vec<Tok>,
    i: usize,
    resolve: &'a dyn Resolve,
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> &Tok {
        &self.toks[self.i.min(self.toks.len() - 1)]
    }

    fn next(&mut self) -> Tok {
        let t = self.peek().clone();
        self.i += 1;
        t
    }

    fn expr(&mut self) -> Result<String, NotNytta> {
        let mut out = self.term()?;
        while let Tok::Op(op @ ('+' | '-')) = *self.peek() {
            self.next();
            out = format!("{out} {op} {}", self.term()?);
        }
        Ok(out)
    }

    fn term(&mut self) -> Result<String, NotNytta> {
        let mut out = self.unary()?;
        while let Tok::Op(op @ ('*' | '/')) = *self.peek() {
            self.next();
            out = format!("{out} {op} {}", self.unary()?);
        }
        Ok(out)
    }

    fn unary(&mut self) -> Result<String, NotNytta> {
        match self.peek() {
            Tok::Op('-') => {
                self.next();
                Ok(format!("-{}", self.unary()?))
            }
            Tok::Op('+') => {
                self.next();
                self.unary()
            }
            _ => self.primary(),
        }
    }

    fn primary(&mut self) -> Result<String, NotNytta> {
        self.depth += 1;
        if self.depth > 200 {
            return Err(not_nytta(
                "formeln är för djupt nästlad",
                "the formula is nested too deeply",
            ));
        }
        let out = match self.next() {
            Tok::Num(n) => {
                let d = nytta_core::num::parse_decimal(&n).ok_or_else(|| {
                    not_nytta(
                        format!("\"{n}\" är inget tal"),
                        format!("\"{n}\" is not a number"),
                    )
                })?;
                d.normalize().to_string()
            }
            Tok::Open => {
                let inner = self.expr()?;
                self.expect_close()?;
                format!("({inner})")
            }
            Tok::Word(sheet, word) => {
                if sheet.is_none() && self.peek() == &Tok::Open {
                    self.call(&word)?
                } else {
                    self.reference(sheet.as_deref(), &word)?
                }
            }
            Tok::End => {
                return Err(not_nytta(
                    "formeln tar slut där ett tal eller namn väntades",
                    "the formula ends where a number or name was expected",
                ))
            }
            other => {
                return Err(not_nytta(
                    format!(
                        "väntade ett tal, ett namn eller \"(\" men hittade {}",
                        show(&other)
                    ),
                    format!(
                        "expected a number, a name or \"(\" but found {}",
                        show(&other)
                    ),
                ))
            }
        };
        self.depth -= 1;
        Ok(out)
    }

    fn expect_close(&mut self) -> Result<(), NotNytta> {
        match self.next() {
            Tok::Close => Ok(()),
            other => Err(not_nytta(
                format!("väntade \")\" men hittade {}", show(&other)),
                format!("expected \")\" but found {}", show(&other)),
            )),
        }
    }

    fn call(&mut self, name: &str) -> Result<String, NotNytta> {
        let upper = name.to_uppercase();
        let upper = upper.trim_start_matches("_XLFN.");
        if upper != "MIN" && upper != "MAX" {
            return Err(not_nytta(
                format!(
                    "funktionen {name} finns inte i Nyttas formelspråk (där finns MIN och MAX)"
                ),
                format!(
                    "the function {name} is not in Nytta's formula language (it has MIN and MAX)"
                ),
            ));
        }
        let f = upper.to_lowercase();
        self.next();
        let mut args = vec![self.expr()?];
        while self.peek() == &Tok::Comma {
            self.next();
            args.push(self.expr()?);
        }
        self.expect_close()?;
        // Excel's MIN(a,b,c) is Nytta's min(min(a, b), c).
        let mut it = args.into_iter();
        let first = it.next().unwrap_or_default();
        Ok(it.fold(first, |acc, a| format!("{f}({acc}, {a})")))
    }

    fn reference(&mut self, sheet: Option<&str>, word: &str) -> Result<String, NotNytta> {
        if let Some((row, col)) = parse_a1(word) {
            return self.resolve.cell(sheet, row, col).ok_or_else(|| {
                let at = match sheet {
                    Some(s) => format!("{s}!{word}"),
                    None => word.to_string(),
                };
                not_nytta(
                    format!("{at} är varken en faktors värde (Faktorer, kolumn C) eller en rolls timkostnad (Roller, kolumn C)"),
                    format!("{at} is neither an input's value (Faktorer, column C) nor a role's hourly cost (Roller, column C)"),
                )
            });
        }
        if sheet.is_none() {
            if let Some(n) = self.resolve.name(word) {
                return Ok(n);
            }
        }
        Err(not_nytta(
            format!("namnet \"{word}\" är ingen faktor eller roll i arbetsboken"),
            format!("the name \"{word}\" is no input or role in the workbook"),
        ))
    }
}

fn show(t: &Tok) -> String {
    match t {
        Tok::Num(n) => format!("\"{n}\""),
        Tok::Word(_, w) => format!("\"{w}\""),
        Tok::Op(c) => format!("\"{c}\""),
        Tok::Open => "\"(\"".into(),
        Tok::Close => "\")\"".into(),
        Tok::Comma => "\",\"".into(),
        Tok::End => "slutet / the end".into(),
    }
}

/// Reads a cell's Excel formula as a Nytta formula's text (`robots * 2 * 365`).
pub fn from_excel(src: &str, resolve: &dyn Resolve) -> Result<String, NotNytta> {
    let mut p = Parser {
        toks: lex(src)?,
        i: 0,
        resolve,
        depth: 0,
    };
    let out = p.expr()?;
    match p.peek() {
        Tok::End => Ok(out),
        other => Err(not_nytta(
            format!("väntade en operator (+ - * /) men hittade {}", show(other)),
            format!("expected an operator (+ - * /) but found {}", show(other)),
        )),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use nytta_core::formula::parse;

    fn names() -> Names {
        Names {
            inputs: [("robots", "robots"), ("a1", "_a1"), ("share", "share")]
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
            roles: [("usk".to_string(), "role.usk".to_string())].into(),
        }
    }

    fn x(src: &str) -> String {
        to_excel(&parse(src).unwrap(), &names()).unwrap()
    }

    #[test]
    fn operators_names_and_functions() {
        assert_eq!(x("robots * 2 * 365"), "robots*2*365");
        assert_eq!(
            x("12 / 60 * (robots * 2) * role.usk"),
            "12/60*robots*2*role.usk"
        );
        assert_eq!(x("robots - (share + 1)"), "robots-(share+1)");
        assert_eq!(x("robots / (share * 2)"), "robots/(share*2)");
        assert_eq!(x("(robots + 1) * share"), "(robots+1)*share");
        assert_eq!(x("-(robots + 1)"), "-(robots+1)");
        assert_eq!(x("min(robots, max(a1, 0.5))"), "MIN(robots,MAX(_a1,0.5))");
        assert_eq!(x("2 - -3"), "2--3");
    }

    #[test]
    fn a_number_excel_cannot_hold_is_refused() {
        let e = to_excel(&parse("1.23456789012345678").unwrap(), &names()).unwrap_err();
        assert!(e.en.contains("15 significant digits"), "{e:?}");
    }

    struct R;
    impl Resolve for R {
        fn name(&self, name: &str) -> Option<String> {
            match name.to_lowercase().as_str() {
                "robots" => Some("robots".into()),
                "role.usk" => Some("role.usk".into()),
                _ => None,
            }
        }
        fn cell(&self, sheet: Option<&str>, row: u32, col: u16) -> Option<String> {
            (sheet == Some("Faktorer") && row == 4 && col == 2).then(|| "share".into())
        }
    }

    #[test]
    fn reading_back() {
        let r = R;
        assert_eq!(from_excel("=robots*2*365", &r).unwrap(), "robots * 2 * 365");
        assert_eq!(
            from_excel("MIN(robots;Faktorer!$C$5;3)*role.usk", &r).unwrap(),
            "min(min(robots, share), 3) * role.usk"
        );
        assert_eq!(
            from_excel("'Faktorer'!C5/(1+2)", &r).unwrap(),
            "share / (1 + 2)"
        );
        assert_eq!(from_excel("-robots--1.5E+2", &r).unwrap(), "-robots - -150");
    }

    #[test]
    fn what_nytta_cannot_compute_is_refused() {
        let r = R;
        for (src, word) in [
            ("SUM(robots,1)", "SUM"),
            ("robots*B7", "B7"),
            ("Roller!D2*2", "Roller!D2"),
            ("unknown*2", "unknown"),
            ("robots&\"x\"", "&"),
            ("robots>2", ">"),
            ("'[1]Ext'!A1", "[1]Ext"),
            ("robots^2", "^"),
        ] {
            let e = from_excel(src, &r).unwrap_err();
            assert!(e.en.contains(word), "{src}: {e:?}");
            assert!(!e.sv.is_empty());
        }
    }
}
