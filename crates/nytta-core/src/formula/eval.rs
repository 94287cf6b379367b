//! Evaluating a formula's tree with checked arithmetic, and explaining it with the values
//! put in for its names.

use rust_decimal::Decimal;

use super::error::{FormulaError, FormulaErrorKind};
use super::{BinOp, Env, Expr, Node};
use crate::format::{self, Lang};

/// The minus sign shown to people (U+2212), as in `format`.
const MINUS: char = '\u{2212}';

/// A value as `explain` shows it: up to 6 decimals, trailing zeros dropped, in the
/// language's number format (sv `7 300`, en `7,300`).
pub fn explain_number(d: Decimal, lang: Lang) -> String {
    format::number_trim(d, 6, lang)
}

/// A name's value from the environment, or the error pointing at the name.
fn lookup(n: &Node, env: &dyn Env) -> Option<Result<Decimal, FormulaError>> {
    let (value, id, kind): (_, _, fn(String) -> FormulaErrorKind) = match &n.expr {
        Expr::Input(id) => (env.input(id), id, FormulaErrorKind::UnknownInput),
        Expr::Role(id) => (env.role(id), id, FormulaErrorKind::UnknownRole),
        _ => return None,
    };
    Some(value.ok_or_else(|| FormulaError::new(n.pos, kind(id.clone()))))
}

pub(super) fn eval(n: &Node, env: &dyn Env) -> Result<Decimal, FormulaError> {
    let at = |kind| FormulaError::new(n.pos, kind);
    match &n.expr {
        Expr::Num(v) => Ok(*v),
        Expr::Input(_) | Expr::Role(_) => lookup(n, env).unwrap_or(Ok(Decimal::ZERO)),
        // Decimal's range is symmetric, so negation cannot overflow.
        Expr::Neg(x) => Ok(-eval(x, env)?),
        Expr::Bin(op, a, b) => {
            let (a, b) = (eval(a, env)?, eval(b, env)?);
            let result = match op {
                BinOp::Add => a.checked_add(b),
                BinOp::Sub => a.checked_sub(b),
                BinOp::Mul => a.checked_mul(b),
                BinOp::Div if b.is_zero() => return Err(at(FormulaErrorKind::DivisionByZero)),
                BinOp::Div => a.checked_div(b),
            };
            result.ok_or_else(|| at(FormulaErrorKind::Overflow))
        }
        Expr::Call { max, args } => {
            let [a, b] = &**args;
            let (a, b) = (eval(a, env)?, eval(b, env)?);
            Ok(if *max { a.max(b) } else { a.min(b) })
        }
    }
}

pub(super) fn explain(
    n: &Node,
    env: &dyn Env,
    lang: Lang,
    out: &mut String,
) -> Result<(), FormulaError> {
    out.extend(std::iter::repeat_n('(', n.parens as usize));
    match &n.expr {
        Expr::Num(v) => out.push_str(&explain_number(*v, lang)),
        Expr::Input(_) | Expr::Role(_) => {
            let value = lookup(n, env).unwrap_or(Ok(Decimal::ZERO))?;
            // An hourly cost is shown to the öre, as the role table shows it.
            let text = match &n.expr {
                Expr::Role(_) => format::number_trim(value, 2, lang),
                _ => explain_number(value, lang),
            };
            let unit = match &n.expr {
                Expr::Input(id) => env.unit(id).unwrap_or_default(),
                _ => "kr/h",
            };
            let text = format::with_unit(&text, unit, lang);
            if n.parens == 0 && text.starts_with(MINUS) {
                out.push_str(&format!("({text})"));
            } else {
                out.push_str(&text);
            }
        }
        Expr::Neg(x) => {
            out.push(MINUS);
            explain(x, env, lang, out)?;
        }
        Expr::Bin(op, a, b) => {
            explain(a, env, lang, out)?;
            out.push_str(match op {
                BinOp::Add => " + ",
                BinOp::Sub => " \u{2212} ",
                BinOp::Mul => " × ",
                BinOp::Div => " / ",
            });
            explain(b, env, lang, out)?;
        }
        Expr::Call { max, args } => {
            out.push_str(if *max { "max(" } else { "min(" });
            explain(&args[0], env, lang, out)?;
            out.push_str(if lang == Lang::Sv { "; " } else { ", " });
            explain(&args[1], env, lang, out)?;
            out.push(')');
        }
    }
    out.extend(std::iter::repeat_n(')', n.parens as usize));
    Ok(())
}
