//! Formulas over exact decimals: parsing, evaluation and the human-readable `explain`.
//!
//! A formula (docs/format.md §Formulas) is a string over numbers, input ids, `role.ID` (that
//! role's hourly cost), `+ - * /`, unary minus, parentheses and `min(a, b)` / `max(a, b)`.
//! Numbers may be written as in the number fields: digits grouped in threes by spaces
//! (`9 000`) and a decimal comma (`1 234,5`). Inside a call whose arguments are separated by
//! commas a comma between digits separates arguments (`min(1,5)` is min(1, 5)); separating
//! them by semicolons, as Swedish Excel does, frees the comma for decimals (`min(1,5; 2)`).
//! This module owns the grammar, the error positions and texts, checked `Decimal`
//! arithmetic, and the explanation a manager reads ("12 / 60 × (10 × 2 × 365) × 359"). It
//! knows nothing about documents: names are resolved through an [`Env`].
//!
//! The language in four parts: `lexer` splits the text into tokens, `parser` builds the
//! tree defined here (recursive descent), `eval` evaluates and explains it, and `error`
//! holds the errors with their Swedish and English texts.

use std::fmt;

use rust_decimal::Decimal;

use crate::format::Lang;

mod error;
mod eval;
mod lexer;
mod parser;
#[cfg(test)]
mod tests;

pub use error::{Expected, FormulaError, FormulaErrorKind, SyntaxProblem};
pub use eval::explain_number;
pub use parser::parse;

/// Where a formula's names get their values.
pub trait Env {
    /// The value of the input `id`, or `None` when there is no such input.
    fn input(&self, id: &str) -> Option<Decimal>;
    /// The hourly cost of the role `id`, or `None` when there is no such role.
    fn role(&self, id: &str) -> Option<Decimal>;
    /// The unit the input `id` is counted in (`besök/dag`, `min`), shown after its value
    /// when a formula is explained; none by default.
    fn unit(&self, _id: &str) -> Option<&str> {
        None
    }
}

/// Limits both the parser's recursion and the height of the tree (which evaluation and
/// explanation recurse over), so hostile input cannot overflow the stack. Real formulas
/// are a few levels deep.
const MAX_DEPTH: usize = 256;

/// A parsed formula. It keeps its source text so errors and editors can point into it.
#[derive(Clone, Debug, PartialEq)]
pub struct Formula {
    source: String,
    root: Node,
}

/// One node of the tree with its 1-based character position: a binary operator's node
/// sits at the operator, a call at the function's name.
#[derive(Clone, Debug, PartialEq)]
struct Node {
    pos: usize,
    /// How many pairs of parentheses the source put around this node, so `explain` shows
    /// the formula as it was written.
    parens: u32,
    /// Height of the subtree, checked against [`MAX_DEPTH`] while building.
    depth: usize,
    expr: Expr,
}

#[derive(Clone, Debug, PartialEq)]
enum Expr {
    Num(Decimal),
    Input(String),
    Role(String),
    Neg(Box<Node>),
    Bin(BinOp, Box<Node>, Box<Node>),
    /// `min` (false) or `max` (true); both take exactly two arguments.
    Call {
        max: bool,
        args: Box<[Node; 2]>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
}

/// A name a formula refers to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Name {
    /// An input, by id (`robots`).
    Input(String),
    /// A role's hourly cost, by role id (`role.usk` is `Role("usk")`).
    Role(String),
}

/// A formula's structure, for writing it in another notation (the Excel export): every
/// operation as the parser read it, without the source's parentheses.
#[derive(Clone, Debug, PartialEq)]
pub enum Term {
    /// A number.
    Num(Decimal),
    /// An input, by id.
    Input(String),
    /// A role's hourly cost, by role id.
    Role(String),
    /// Unary minus.
    Neg(Box<Term>),
    /// `a + b`.
    Add(Box<Term>, Box<Term>),
    /// `a - b`.
    Sub(Box<Term>, Box<Term>),
    /// `a * b`.
    Mul(Box<Term>, Box<Term>),
    /// `a / b`.
    Div(Box<Term>, Box<Term>),
    /// `min(a, b)`.
    Min(Box<Term>, Box<Term>),
    /// `max(a, b)`.
    Max(Box<Term>, Box<Term>),
}

fn term(n: &Node) -> Term {
    let b = |x: &Node| Box::new(term(x));
    match &n.expr {
        Expr::Num(v) => Term::Num(*v),
        Expr::Input(id) => Term::Input(id.clone()),
        Expr::Role(id) => Term::Role(id.clone()),
        Expr::Neg(x) => Term::Neg(b(x)),
        Expr::Bin(op, x, y) => match op {
            BinOp::Add => Term::Add(b(x), b(y)),
            BinOp::Sub => Term::Sub(b(x), b(y)),
            BinOp::Mul => Term::Mul(b(x), b(y)),
            BinOp::Div => Term::Div(b(x), b(y)),
        },
        Expr::Call { max, args } => {
            let [x, y] = &**args;
            if *max {
                Term::Max(b(x), b(y))
            } else {
                Term::Min(b(x), b(y))
            }
        }
    }
}

impl Formula {
    /// The formula as written.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Every name the formula refers to with its position, in source order; a name used
    /// twice is listed twice.
    pub fn names(&self) -> Vec<(Name, usize)> {
        fn walk(n: &Node, out: &mut Vec<(Name, usize)>) {
            match &n.expr {
                Expr::Num(_) => {}
                Expr::Input(id) => out.push((Name::Input(id.clone()), n.pos)),
                Expr::Role(id) => out.push((Name::Role(id.clone()), n.pos)),
                Expr::Neg(x) => walk(x, out),
                Expr::Bin(_, a, b) => {
                    walk(a, out);
                    walk(b, out);
                }
                Expr::Call { args, .. } => args.iter().for_each(|a| walk(a, out)),
            }
        }
        let mut out = Vec::new();
        walk(&self.root, &mut out);
        out
    }

    /// The value when the formula is a plain number, possibly negated (`-12.5`).
    pub fn as_number(&self) -> Option<Decimal> {
        fn number(n: &Node) -> Option<Decimal> {
            match &n.expr {
                Expr::Num(v) => Some(*v),
                Expr::Neg(x) => number(x).map(|v| -v),
                _ => None,
            }
        }
        number(&self.root)
    }

    /// The formula's structure (see [`Term`]).
    pub fn term(&self) -> Term {
        term(&self.root)
    }

    /// Whether the formula is an unbracketed operation (`a * b`), which needs brackets
    /// when an explanation multiplies it by something else.
    pub fn is_compound(&self) -> bool {
        self.root.parens == 0 && matches!(self.root.expr, Expr::Bin(..))
    }

    /// Evaluates the formula with checked arithmetic. Errors point at the name that is
    /// unknown or at the operator that divides by zero or overflows.
    pub fn eval(&self, env: &dyn Env) -> Result<Decimal, FormulaError> {
        eval::eval(&self.root, env)
    }

    /// The formula with every name replaced by its value and unit, as a manager reads it:
    /// `12 min / 60 × (10 st × 2 besök/dag × 365) × 359 kr/h` (an input's unit from the
    /// environment; a role's cost in kr/h, SEK/h in English). Operators are shown as `+ − × /`, parentheses as
    /// written, `min(a; b)` in Swedish (the comma is the decimal separator there) and
    /// `min(a, b)` in English. A negative value substituted for a name is parenthesised
    /// so `2 − (−5)` cannot be misread. The result is not appended.
    pub fn explain(&self, env: &dyn Env, lang: Lang) -> Result<String, FormulaError> {
        let mut out = String::new();
        eval::explain(&self.root, env, lang, &mut out)?;
        Ok(out)
    }
}

impl fmt::Display for Formula {
    /// Shows the source text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)
    }
}
