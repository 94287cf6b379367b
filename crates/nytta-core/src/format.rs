//! Rounding and number formatting: the one place where a `Decimal` becomes text.
//!
//! Every figure the app, the CLI and the PDF show goes through here, so the same value
//! always reads the same way. Swedish (sv-SE) comes first: a plain space groups thousands,
//! the decimal separator is a comma and the minus sign is U+2212 `−`; English is the
//! switch (`1,234,567.50`). JSON output uses fixed-scale ASCII text instead
//! ([`money_json`], [`ratio_json`]). Rounding is always midpoint away from zero, the way
//! people and Excel round by hand, never banker's rounding.
//!
//! [`parse_user_number`] is the inverse for what a user types into a field.

use std::fmt;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};

/// The language figures and texts are shown in; `"sv"` or `"en"` in JSON.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Default, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Lang {
    /// Swedish (sv-SE), the default: `1 234 567,50 kr`.
    #[default]
    Sv,
    /// English: `SEK 1,234,567.50`.
    En,
}

impl Lang {
    /// The language's code as used on the command line and in settings: `"sv"` or `"en"`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A language code that is neither Swedish nor English.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown language \"{0}\" (use sv or en)")]
pub struct UnknownLang(pub String);

impl FromStr for Lang {
    type Err = UnknownLang;

    /// Reads `sv` or `en`, ignoring case and a region suffix (`sv-SE`, `en_GB`), since
    /// that is what environment locales and browsers hand over.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let primary = s.trim().split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("sv") {
            Ok(Lang::Sv)
        } else if primary.eq_ignore_ascii_case("en") {
            Ok(Lang::En)
        } else {
            Err(UnknownLang(s.to_string()))
        }
    }
}

/// The minus sign shown to people (U+2212), which unlike `-` never breaks from its digits
/// in a good font and lines up with `+`.
const MINUS: char = '\u{2212}';

/// `Decimal` cannot hold more than 28 decimals; asking for more must not panic.
const MAX_SCALE: u32 = 28;

/// Rounds to `dp` decimals, midpoint away from zero.
fn round_to(d: Decimal, dp: u32) -> Decimal {
    d.round_dp_with_strategy(dp.min(MAX_SCALE), RoundingStrategy::MidpointAwayFromZero)
}

/// Rounds money to öre (2 decimals), midpoint away from zero: 2.005 → 2.01.
pub fn round_money(d: Decimal) -> Decimal {
    round_to(d, 2)
}

/// Rounds a ratio, rate or number of years to 6 decimals, midpoint away from zero.
pub fn round_ratio(d: Decimal) -> Decimal {
    round_to(d, 6)
}

/// A value rounded to a fixed number of decimals, split into the parts every format needs.
struct Parts {
    /// True only when the rounded value is below zero, so nothing ever reads "−0".
    negative: bool,
    /// The integer digits, without sign or grouping.
    int: String,
    /// Exactly the requested number of decimal digits.
    frac: String,
}

fn parts(d: Decimal, decimals: u32) -> Parts {
    let r = round_to(d, decimals);
    let negative = r.is_sign_negative() && !r.is_zero();
    // Display of a Decimal is plain positional notation with the value's own scale, which
    // after rounding is at most `decimals`; padding gives exactly `decimals` digits.
    let mut int = r.abs().to_string();
    let mut frac = String::with_capacity(decimals as usize);
    if let Some(dot) = int.find('.') {
        frac.push_str(&int[dot + 1..]);
        int.truncate(dot);
    }
    while frac.len() < decimals as usize {
        frac.push('0');
    }
    Parts {
        negative,
        int,
        frac,
    }
}

/// Fixed-scale ASCII text for JSON: `-` for negatives, `.` as decimal point, no grouping.
fn json_fixed(d: Decimal, decimals: u32) -> String {
    let mut out = String::with_capacity(40);
    // Writing into a String cannot fail.
    let _ = write_json_fixed(&mut out, d, decimals);
    out
}

/// Writes the text of [`json_fixed`] without a string of its own (JSON writes hundreds of
/// figures per evaluation): a `Decimal` is displayed with exactly its scale's decimals, which
/// after rounding are at most `decimals`; zeros make up the rest.
pub(crate) fn write_json_fixed(
    out: &mut impl fmt::Write,
    d: Decimal,
    decimals: u32,
) -> fmt::Result {
    let r = round_to(d, decimals);
    if r.is_sign_negative() && !r.is_zero() {
        out.write_char('-')?;
    }
    write!(out, "{}", r.abs())?;
    let written = r.scale();
    if written == 0 && decimals > 0 {
        out.write_char('.')?;
    }
    for _ in written..decimals.min(MAX_SCALE) {
        out.write_char('0')?;
    }
    Ok(())
}

/// Money for JSON: rounded to öre, always exactly 2 decimals, e.g. `"524140.00"`, `"-39.20"`.
pub fn money_json(d: Decimal) -> String {
    json_fixed(d, 2)
}

/// A ratio, rate or number of years for JSON: always exactly 6 decimals, e.g. `"0.280948"`.
pub fn ratio_json(d: Decimal) -> String {
    json_fixed(d, 6)
}

/// Puts formatted parts together in the language's conventions.
fn localise(p: &Parts, lang: Lang) -> String {
    let mut out = String::with_capacity(p.int.len() * 4 / 3 + p.frac.len() + 8);
    localise_into(&mut out, p, lang);
    out
}

/// [`localise`] at the end of `out`, the integer digits (ASCII, from `Decimal`'s Display)
/// grouped in threes from the right.
fn localise_into(out: &mut String, p: &Parts, lang: Lang) {
    let (thousands, decimal) = match lang {
        Lang::Sv => (' ', ','),
        Lang::En => (',', '.'),
    };
    if p.negative {
        out.push(MINUS);
    }
    let head = match p.int.len() % 3 {
        0 => 3.min(p.int.len()),
        r => r,
    };
    let (first, rest) = p.int.split_at(head);
    out.push_str(first);
    for chunk in rest.as_bytes().chunks(3) {
        out.push(thousands);
        out.extend(chunk.iter().map(|&b| char::from(b)));
    }
    if !p.frac.is_empty() {
        out.push(decimal);
        out.push_str(&p.frac);
    }
}

/// A number for people, rounded to `decimals` (midpoint away from zero) and showing
/// exactly that many: sv `1 234 567,50`, en `1,234,567.50`. Negatives use `−` (U+2212);
/// a value that rounds to zero is shown unsigned.
pub fn number(d: Decimal, decimals: u32, lang: Lang) -> String {
    localise(&parts(d, decimals), lang)
}

/// Like [`number`] with at most `max_decimals`, but without trailing zeros or a trailing
/// separator: 7300 → `7 300`, 0.5 → `0,5`, 12.250 → `12,25`.
pub fn number_trim(d: Decimal, max_decimals: u32, lang: Lang) -> String {
    let mut p = parts(d, max_decimals);
    let kept = p.frac.trim_end_matches('0').len();
    p.frac.truncate(kept);
    localise(&p, lang)
}

/// Whole kronor: sv `1 234 567 kr`, en `SEK 1,234,567`; negatives sv `−39 kr`, en `−SEK 39`.
pub fn kronor(d: Decimal, lang: Lang) -> String {
    with_currency(d, 0, lang)
}

/// Kronor and öre: sv `524 140,00 kr`, en `SEK 524,140.00`.
pub fn kronor_ore(d: Decimal, lang: Lang) -> String {
    with_currency(d, 2, lang)
}

fn with_currency(d: Decimal, decimals: u32, lang: Lang) -> String {
    let mut p = parts(d, decimals);
    let mut out = String::with_capacity(p.int.len() * 4 / 3 + p.frac.len() + 12);
    match lang {
        Lang::Sv => {
            localise_into(&mut out, &p, lang);
            out.push_str(" kr");
        }
        Lang::En => {
            // English puts the sign before the currency code: "−SEK 39".
            if p.negative {
                out.push(MINUS);
            }
            p.negative = false;
            out.push_str("SEK ");
            localise_into(&mut out, &p, lang);
        }
    }
    out
}

/// A number of years to one decimal, as payback is shown: sv `2,5 år`, en `2.5 years`
/// (`1.0 year` when it rounds to exactly one).
pub fn years(d: Decimal, lang: Lang) -> String {
    let text = number(d, 1, lang);
    match lang {
        Lang::Sv => format!("{text} år"),
        Lang::En if round_to(d, 1) == Decimal::ONE => format!("{text} year"),
        Lang::En => format!("{text} years"),
    }
}

/// A ratio as a percentage with `decimals` decimals: 0.38 → sv `38 %`, en `38%`.
pub fn percent(ratio: Decimal, decimals: u32, lang: Lang) -> String {
    // Only a ratio beyond ±7.9e26 overflows; no valuation produces one, and saturating
    // keeps a corrupt figure visible instead of panicking.
    let pct = ratio
        .checked_mul(Decimal::ONE_HUNDRED)
        .unwrap_or(if ratio.is_sign_negative() {
            Decimal::MIN
        } else {
            Decimal::MAX
        });
    let text = number(pct, decimals, lang);
    match lang {
        Lang::Sv => format!("{text} %"),
        Lang::En => format!("{text}%"),
    }
}

/// The largest internal rate of return written as a figure (10 = 1 000 %). Above it an IRR
/// says only that the investment is small beside its returns, so it is written
/// `> 1 000 %`; JSON still carries the rate found.
pub const IRR_SHOWN_UP_TO: Decimal = Decimal::TEN;

/// An internal rate of return: a percentage with one decimal, or sv `> 1 000 %`, en
/// `> 1,000%` above [`IRR_SHOWN_UP_TO`].
pub fn irr(rate: Decimal, lang: Lang) -> String {
    if rate > IRR_SHOWN_UP_TO {
        format!("> {}", percent(IRR_SHOWN_UP_TO, 0, lang))
    } else {
        percent(rate, 1, lang)
    }
}

/// Whole hours: sv `1 234 h`, en `1,234 h`.
pub fn hours(d: Decimal, lang: Lang) -> String {
    format!("{} h", number(d, 0, lang))
}

/// Swedish unit words and their English: the units municipal valuations are typed in.
const UNIT_WORDS: [(&str, &str); 36] = [
    ("kr", "SEK"),
    ("kronor", "SEK"),
    ("tkr", "SEK thousand"),
    ("mnkr", "SEK million"),
    ("mkr", "SEK million"),
    ("år", "year"),
    ("månad", "month"),
    ("månader", "months"),
    ("mån", "month"),
    ("vecka", "week"),
    ("veckor", "weeks"),
    ("dag", "day"),
    ("dagar", "days"),
    ("timme", "h"),
    ("timmar", "h"),
    ("tim", "h"),
    ("minut", "min"),
    ("minuter", "min"),
    ("st", "pcs"),
    ("styck", "pcs"),
    ("besök", "visits"),
    ("ärende", "cases"),
    ("ärenden", "cases"),
    ("person", "persons"),
    ("personer", "persons"),
    ("medarbetare", "employees"),
    ("årsarbetare", "FTE"),
    ("sida", "pages"),
    ("sidor", "pages"),
    ("andel", "share"),
    ("gång", "times"),
    ("gånger", "times"),
    ("elever", "pupils"),
    ("brukare", "clients"),
    ("ansökningar", "applications"),
    ("fakturor", "invoices"),
];

/// Whether `word` is a unit: a word of the unit vocabulary in Swedish or English, or
/// a compound of such words with `/` (`besök/dag`, `visits/day`, `h/month`), any case.
pub fn is_unit_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    !lower.is_empty()
        && lower.split('/').all(|part| {
            matches!(part, "h" | "min" | "%" | "kr" | "sek" | "st" | "pcs")
                || UNIT_WORDS
                    .iter()
                    .any(|(sv, en)| *sv == part || en.to_lowercase() == part)
        })
}

/// A unit as the document types it, in `lang`: Swedish as typed; English word by word from
/// a vocabulary of common units (`kr/år` → `SEK/year`, `besök/dag` → `visits/day`, `st` →
/// `pcs`, `timmar` → `h`), a word it does not know (`km`, `%`, `robotar`) kept as typed.
pub fn unit(text: &str, lang: Lang) -> String {
    if lang == Lang::Sv {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let lower = word.to_lowercase();
        match UNIT_WORDS.iter().find(|(sv, _)| *sv == lower) {
            Some((_, en)) => out.push_str(en),
            None => out.push_str(word),
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// A formatted number with the document's unit, in `lang`: sv `3 500 kr`, `300 kr/år`,
/// `6 besök/dag`; en `SEK 3,500`, `SEK 300/year`, `6 visits/day`. In English an amount in
/// kronor puts the currency first, as [`kronor`] does (`−SEK 39`), so every amount reads
/// the same way; without a unit the number stands alone.
pub fn with_unit(number: &str, unit: &str, lang: Lang) -> String {
    let unit = self::unit(unit.trim(), lang);
    if unit.is_empty() {
        return number.to_string();
    }
    if lang == Lang::En {
        if let Some(rest) = unit.strip_prefix("SEK") {
            if rest.is_empty() || rest.starts_with('/') || rest.starts_with(' ') {
                let (sign, body) = match number.strip_prefix(MINUS) {
                    Some(body) => (MINUS.to_string(), body),
                    None => (String::new(), number),
                };
                return format!("{sign}SEK {body}{rest}");
            }
        }
    }
    format!("{number} {unit}")
}

/// Characters a user may type (or paste from a formatted figure) between digit groups.
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Reads a number as a user types it, in either language's habit: `1234,5`, `1 234,5`,
/// `1234.5`, `1 234`, `-12`, `−12`; a space, no-break space or narrow no-break space may
/// group thousands (groups of exactly three digits before the decimal separator).
///
/// Only one decimal separator (`,` or `.`) is allowed, so `1,234.5` is refused rather than
/// guessed at. Returns `None` for empty text or anything else that is not a number. The
/// result is exact.
pub fn parse_user_number(text: &str) -> Option<Decimal> {
    let t = text.trim();
    let (negative, body) = match t.chars().next()? {
        '-' => (true, &t[1..]),
        MINUS => (true, &t[MINUS.len_utf8()..]),
        _ => (false, t),
    };
    let mut separators = body.match_indices([',', '.']);
    let (int, frac) = match (separators.next(), separators.next()) {
        (None, _) => (body, None),
        (Some((i, sep)), None) => (&body[..i], Some(&body[i + sep.len()..])),
        (Some(_), Some(_)) => return None,
    };
    let int = ungroup(int)?;
    if let Some(f) = frac {
        if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    // ",5" means 0,5 to most users; a separator alone or nothing at all means nothing.
    if int.is_empty() && frac.is_none() {
        return None;
    }
    let mut normalised = String::new();
    if negative {
        normalised.push('-');
    }
    normalised.push_str(if int.is_empty() { "0" } else { &int });
    if let Some(f) = frac {
        normalised.push('.');
        normalised.push_str(f);
    }
    let value = Decimal::from_str_exact(&normalised).ok()?;
    // "-0" is a valid typing of zero, but a signed zero must not leak into figures.
    Some(if value.is_zero() {
        Decimal::ZERO
    } else {
        value
    })
}

/// The integer digits of `int` with thousands grouping removed, or `None` when the text is
/// not digits grouped in threes.
fn ungroup(int: &str) -> Option<String> {
    let mut groups = int.split(is_group_space);
    let first = groups.next().unwrap_or_default();
    let all_digits = |g: &str| g.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(first) {
        return None;
    }
    let mut out = first.to_string();
    let mut grouped = false;
    for g in groups {
        grouped = true;
        if g.len() != 3 || !all_digits(g) {
            return None;
        }
        out.push_str(g);
    }
    if grouped && (first.is_empty() || first.len() > 3) {
        return None;
    }
    Some(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn units_are_english_word_by_word_and_swedish_as_typed() {
        for (sv, en) in [
            ("kr/år", "SEK/year"),
            ("besök/dag", "visits/day"),
            ("ärenden/månad", "cases/month"),
            ("st", "pcs"),
            ("st/år", "pcs/year"),
            ("h/mån", "h/month"),
            ("timmar", "h"),
            ("min", "min"),
            ("kr/km", "SEK/km"),
            ("personer", "persons"),
            ("Kr per år", "SEK per year"),
            ("robotar/vecka", "robotar/week"),
            ("%", "%"),
            ("", ""),
        ] {
            assert_eq!(unit(sv, Lang::En), en, "{sv}");
            assert_eq!(unit(sv, Lang::Sv), sv);
        }
    }

    #[test]
    fn numbers_in_both_languages() {
        assert_eq!(number(d("1234567.5"), 2, Lang::Sv), "1 234 567,50");
        assert_eq!(number(d("1234567.5"), 2, Lang::En), "1,234,567.50");
        assert_eq!(number(d("999.995"), 2, Lang::Sv), "1 000,00");
        assert_eq!(number(d("-1234.5"), 0, Lang::Sv), "\u{2212}1 235");
        assert_eq!(number(d("123"), 0, Lang::En), "123");
        assert_eq!(number(d("0.5"), 3, Lang::Sv), "0,500");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// JSON's figures are written in one string; they read as the sign, integer digits
        /// and padded decimals of [`parts`], as every other format writes them.
        #[test]
        fn json_figures_are_the_parts_every_format_writes(
            mantissa in proptest::prelude::any::<i64>(),
            high in 0u32..=u32::MAX,
            scale in 0u32..=28,
            decimals in proptest::sample::select(vec![0u32, 2, 6]),
        ) {
            let lo = mantissa as u64;
            let v = Decimal::from_parts(lo as u32, (lo >> 32) as u32, high, mantissa < 0, scale);
            let p = parts(v, decimals);
            let sign = if p.negative { "-" } else { "" };
            let want = if p.frac.is_empty() {
                format!("{sign}{}", p.int)
            } else {
                format!("{sign}{}.{}", p.int, p.frac)
            };
            proptest::prop_assert_eq!(json_fixed(v, decimals), want);
        }
    }

    /// Numbers and kronor as they were written before they were put together in one string
    /// (each part in a string of its own): the reference for the texts written now.
    fn written_in_parts(d: Decimal, decimals: u32, lang: Lang, currency: bool) -> String {
        fn group(int: &str, sep: char) -> String {
            let head = match int.len() % 3 {
                0 => 3.min(int.len()),
                r => r,
            };
            let (first, rest) = int.split_at(head);
            let mut out = first.to_string();
            for chunk in rest.as_bytes().chunks(3) {
                out.push(sep);
                out.extend(chunk.iter().map(|&b| char::from(b)));
            }
            out
        }
        let (thousands, decimal) = match lang {
            Lang::Sv => (' ', ','),
            Lang::En => (',', '.'),
        };
        let p = parts(d, decimals);
        let body = if p.frac.is_empty() {
            group(&p.int, thousands)
        } else {
            format!("{}{decimal}{}", group(&p.int, thousands), p.frac)
        };
        let sign = if p.negative {
            MINUS.to_string()
        } else {
            String::new()
        };
        match (currency, lang) {
            (false, _) => format!("{sign}{body}"),
            (true, Lang::Sv) => format!("{sign}{body} kr"),
            (true, Lang::En) => format!("{sign}SEK {body}"),
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        #[test]
        fn numbers_and_kronor_are_written_as_they_were_in_parts(
            mantissa in proptest::prelude::any::<i64>(),
            high in 0u32..=u32::MAX,
            scale in 0u32..=28,
            decimals in 0u32..=6,
        ) {
            let lo = mantissa as u64;
            let v = Decimal::from_parts(lo as u32, (lo >> 32) as u32, high, mantissa < 0, scale);
            for lang in [Lang::Sv, Lang::En] {
                proptest::prop_assert_eq!(number(v, decimals, lang), written_in_parts(v, decimals, lang, false));
                proptest::prop_assert_eq!(with_currency(v, decimals, lang), written_in_parts(v, decimals, lang, true));
            }
        }
    }

    #[test]
    fn no_negative_zero() {
        assert_eq!(number(d("-0.004"), 2, Lang::Sv), "0,00");
        assert_eq!(number(d("-0.4"), 0, Lang::En), "0");
        assert_eq!(money_json(d("-0.001")), "0.00");
        assert_eq!(kronor(d("-0.2"), Lang::En), "SEK 0");
    }

    #[test]
    fn trimmed_numbers() {
        assert_eq!(number_trim(d("7300"), 6, Lang::Sv), "7 300");
        assert_eq!(number_trim(d("7300"), 6, Lang::En), "7,300");
        assert_eq!(number_trim(d("0.5"), 6, Lang::Sv), "0,5");
        assert_eq!(number_trim(d("12.250"), 6, Lang::Sv), "12,25");
        assert_eq!(number_trim(d("0.1234567"), 6, Lang::En), "0.123457");
        assert_eq!(number_trim(d("-2.0000001"), 6, Lang::Sv), "\u{2212}2");
    }

    #[test]
    fn json_text_is_fixed_scale_ascii() {
        assert_eq!(money_json(d("524140")), "524140.00");
        assert_eq!(money_json(d("-39.2")), "-39.20");
        assert_eq!(money_json(d("39.197")), "39.20");
        assert_eq!(money_json(d("2.005")), "2.01");
        assert_eq!(money_json(d("-2.005")), "-2.01");
        assert_eq!(ratio_json(d("0.2809484")), "0.280948");
        assert_eq!(ratio_json(d("2")), "2.000000");
        assert_eq!(round_money(d("2.005")), d("2.01"));
        assert_eq!(round_ratio(d("0.0000005")), d("0.000001"));
    }

    #[test]
    fn currency_years_percent_hours() {
        assert_eq!(kronor(d("524140"), Lang::Sv), "524 140 kr");
        assert_eq!(kronor(d("1234567.4"), Lang::En), "SEK 1,234,567");
        assert_eq!(kronor(d("-39.2"), Lang::Sv), "\u{2212}39 kr");
        assert_eq!(kronor(d("-39.2"), Lang::En), "\u{2212}SEK 39");
        assert_eq!(kronor_ore(d("524140"), Lang::Sv), "524 140,00 kr");
        assert_eq!(kronor_ore(d("524140"), Lang::En), "SEK 524,140.00");
        assert_eq!(with_unit("3,500", "kr", Lang::En), "SEK 3,500");
        assert_eq!(with_unit("3 500", "kr", Lang::Sv), "3 500 kr");
        assert_eq!(with_unit("300", "kr/år", Lang::En), "SEK 300/year");
        assert_eq!(with_unit("\u{2212}39", "kr", Lang::En), "\u{2212}SEK 39");
        assert_eq!(with_unit("22", "tkr", Lang::En), "SEK 22 thousand");
        assert_eq!(with_unit("1.5", "besök/dag", Lang::En), "1.5 visits/day");
        assert_eq!(with_unit("10", "", Lang::En), "10");
        assert_eq!(years(d("2.036364"), Lang::Sv), "2,0 år");
        assert_eq!(years(d("2.5"), Lang::Sv), "2,5 år");
        assert_eq!(years(d("2.5"), Lang::En), "2.5 years");
        assert_eq!(years(d("0.96"), Lang::En), "1.0 year");
        assert_eq!(percent(d("0.280948"), 1, Lang::Sv), "28,1 %");
        assert_eq!(percent(d("0.38"), 0, Lang::Sv), "38 %");
        assert_eq!(percent(d("0.38"), 0, Lang::En), "38%");
        assert_eq!(irr(d("0.280948"), Lang::Sv), "28,1 %");
        assert_eq!(irr(d("10"), Lang::Sv), "1 000,0 %");
        assert_eq!(irr(d("10.031995"), Lang::Sv), "> 1 000 %");
        assert_eq!(irr(d("10.031995"), Lang::En), "> 1,000%");
        assert_eq!(hours(d("1234.4"), Lang::Sv), "1 234 h");
        assert_eq!(hours(d("1234.5"), Lang::En), "1,235 h");
    }

    #[test]
    fn lang_codes() {
        assert_eq!("sv".parse::<Lang>(), Ok(Lang::Sv));
        assert_eq!("EN".parse::<Lang>(), Ok(Lang::En));
        assert_eq!("sv-SE".parse::<Lang>(), Ok(Lang::Sv));
        assert!("de".parse::<Lang>().is_err());
        assert_eq!(Lang::default(), Lang::Sv);
        assert_eq!(Lang::En.code(), "en");
    }

    #[test]
    fn user_numbers_accepted() {
        let p = |s: &str| parse_user_number(s);
        assert_eq!(p("1234,5"), Some(d("1234.5")));
        assert_eq!(p("1 234,5"), Some(d("1234.5")));
        assert_eq!(p("1234.5"), Some(d("1234.5")));
        assert_eq!(p("1 234"), Some(d("1234")));
        assert_eq!(p("-12"), Some(d("-12")));
        assert_eq!(p("\u{2212}12"), Some(d("-12")));
        assert_eq!(p("1\u{a0}234,5"), Some(d("1234.5")));
        assert_eq!(p("1\u{202f}234\u{202f}567"), Some(d("1234567")));
        assert_eq!(p("  42 \n"), Some(d("42")));
        assert_eq!(p(",5"), Some(d("0.5")));
        assert_eq!(p("-0"), Some(Decimal::ZERO));
        assert_eq!(p("0.1"), Some(d("0.1")));
    }

    #[test]
    fn user_numbers_refused() {
        for bad in [
            "",
            "  ",
            "-",
            ",",
            "1,234.5",
            "1.234,5",
            "12 34",
            "1234 567",
            "1 23",
            "1  234",
            "12,",
            "1,2,3",
            "abc",
            "12kr",
            "1e5",
            "--1",
            "1 234,5 6",
            "1 234 ,5",
        ] {
            assert_eq!(parse_user_number(bad), None, "{bad:?}");
        }
        // Too many digits for a Decimal is refused, not rounded.
        assert_eq!(parse_user_number("123456789012345678901234567890"), None);
    }
}
