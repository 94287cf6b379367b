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

use std::fmt;

use rust_decimal::Decimal;

use crate::format::{self, Lang};

/// Where a formula's names get their values.
pub trait Env {
    /// The value of the input `id`, or `None` when there is no such input.
    fn input(&self, id: &str) -> Option<Decimal>;
    /// The hourly cost of the role `id`, or `None` when there is no such role.
    fn role(&self, id: &str) -> Option<Decimal>;
}

/// Limits both the parser's recursion and the height of the tree (which evaluation and
/// explanation recurse over), so hostile input cannot overflow the stack. Real formulas
/// are a few levels deep.
const MAX_DEPTH: usize = 256;

/// The minus sign shown to people (U+2212), as in `format`.
const MINUS: char = '\u{2212}';

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

/// Why a formula could not be parsed or evaluated, and where.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", .kind.message_at(*.pos, Lang::En))]
pub struct FormulaError {
    /// 1-based character column in the source; one past the last character for problems
    /// at the end of the formula.
    pub pos: usize,
    /// What went wrong.
    pub kind: FormulaErrorKind,
}

impl FormulaError {
    fn new(pos: usize, kind: FormulaErrorKind) -> Self {
        FormulaError { pos, kind }
    }

    fn syntax(pos: usize, problem: SyntaxProblem) -> Self {
        FormulaError::new(pos, FormulaErrorKind::Syntax(problem))
    }

    /// The full sentence with position, e.g. sv `tecken 7: okänd faktor "robot"`,
    /// en `character 7: unknown input "robot"`.
    pub fn message(&self, lang: Lang) -> String {
        self.kind.message_at(self.pos, lang)
    }
}

/// The kinds of formula error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormulaErrorKind {
    /// The text is not a formula.
    Syntax(SyntaxProblem),
    /// An input id that the document does not define.
    UnknownInput(String),
    /// A `role.ID` whose role the document does not define.
    UnknownRole(String),
    /// A call to a function other than `min` and `max`.
    UnknownFunction(String),
    /// A known function called with the wrong number of arguments.
    WrongArgCount {
        /// The function's name.
        name: String,
        /// How many arguments it takes.
        expected: usize,
        /// How many it was given.
        found: usize,
    },
    /// Division by a value that is zero.
    DivisionByZero,
    /// A result beyond what `Decimal` can hold (about ±7.9 × 10²⁸).
    Overflow,
}

impl FormulaErrorKind {
    /// A stable machine-readable code for the kind.
    pub fn code(&self) -> &'static str {
        match self {
            FormulaErrorKind::Syntax(_) => "formula_syntax",
            FormulaErrorKind::UnknownInput(_) => "unknown_input",
            FormulaErrorKind::UnknownRole(_) => "unknown_role",
            FormulaErrorKind::UnknownFunction(_) => "unknown_function",
            FormulaErrorKind::WrongArgCount { .. } => "wrong_arg_count",
            FormulaErrorKind::DivisionByZero => "division_by_zero",
            FormulaErrorKind::Overflow => "overflow",
        }
    }

    /// The problem in words, without the position (for UIs that mark the position).
    pub fn text(&self, lang: Lang) -> String {
        use FormulaErrorKind as K;
        let sv = lang == Lang::Sv;
        match self {
            K::Syntax(p) => p.text(lang),
            K::UnknownInput(id) if sv => format!("okänd faktor \"{id}\""),
            K::UnknownInput(id) => format!("unknown input \"{id}\""),
            K::UnknownRole(id) if sv => format!("okänd roll \"{id}\""),
            K::UnknownRole(id) => format!("unknown role \"{id}\""),
            K::UnknownFunction(f) if sv => {
                format!("okänd funktion \"{f}\" (det finns min och max)")
            }
            K::UnknownFunction(f) => format!("unknown function \"{f}\" (there are min and max)"),
            K::WrongArgCount {
                name,
                expected,
                found,
            } if sv => {
                format!("{name} tar {expected} argument, inte {found}")
            }
            K::WrongArgCount {
                name,
                expected,
                found,
            } => {
                format!("{name} takes {expected} arguments, not {found}")
            }
            K::DivisionByZero if sv => "division med noll".into(),
            K::DivisionByZero => "division by zero".into(),
            K::Overflow if sv => "resultatet blir för stort att räkna med".into(),
            K::Overflow => "the result is too large to calculate".into(),
        }
    }

    fn message_at(&self, pos: usize, lang: Lang) -> String {
        match lang {
            Lang::Sv => format!("tecken {pos}: {}", self.text(lang)),
            Lang::En => format!("character {pos}: {}", self.text(lang)),
        }
    }
}

/// What is wrong with a formula's syntax.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyntaxProblem {
    /// The formula is empty (or only whitespace).
    Empty,
    /// A character that cannot appear in a formula at all.
    UnexpectedChar(char),
    /// A comma between digits inside a call whose arguments it separates (`max(1,5, 2)`
    /// has three arguments): the number as written (`1,5`) and as it should be (`1.5`).
    DecimalComma {
        /// As written.
        written: String,
        /// With a decimal point.
        fixed: String,
    },
    /// Two numbers in a row, as when digits are grouped other than in threes (`12 34`).
    NumberAfterNumber,
    /// A `.` not followed by digits, as in `1.`.
    ExpectedDigits,
    /// `role.` not followed by a role id.
    ExpectedRoleId,
    /// A number literal too large or with too many decimals for `Decimal`.
    NumberOutOfRange,
    /// Something else was met where `what` was expected.
    Expected {
        /// What the formula needed at this point.
        what: Expected,
        /// The text met instead; `None` at the end of the formula.
        found: Option<String>,
    },
    /// The formula nests parentheses, minus signs or operators too deeply to evaluate.
    TooDeep,
}

/// What the parser needed when it met something else.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// A number, a name or `(`: after an operator, `(` or `,`, or at the start.
    Operand,
    /// An operator (or the end), after a complete operand.
    Operator,
    /// An operator or the `)` closing a parenthesis.
    CloseParen,
    /// An operator, `,` or the `)` closing a function call.
    CommaOrClose,
}

impl SyntaxProblem {
    /// The problem in words.
    pub fn text(&self, lang: Lang) -> String {
        use SyntaxProblem as P;
        let sv = lang == Lang::Sv;
        match self {
            P::Empty if sv => "formeln är tom".into(),
            P::Empty => "the formula is empty".into(),
            P::UnexpectedChar(c) if sv => format!("tecknet \"{c}\" kan inte användas i en formel"),
            P::UnexpectedChar(c) => format!("the character \"{c}\" cannot be used in a formula"),
            P::DecimalComma { written, fixed } if sv => format!(
                "i min(…) och max(…) skiljer kommat argumenten åt, så {written} blev två tal: \
                 skriv decimaltal med punkt där ({fixed}), eller skilj argumenten med semikolon \
                 (min({written}; 2))"
            ),
            P::DecimalComma { written, fixed } => format!(
                "inside min(…) and max(…) a comma separates the arguments, so {written} became \
                 two numbers: write decimals with a point there ({fixed}), or separate the \
                 arguments with semicolons (min({written}; 2))"
            ),
            P::NumberAfterNumber if sv => "två tal i rad: ett mellanslag i ett tal grupperar \
                 siffrorna tre och tre (9 000, 1 234 567), så skriv talet utan mellanslag eller \
                 i tretal, och sätt en operator (+ - * /) mellan två tal"
                .into(),
            P::NumberAfterNumber => "two numbers in a row: a space inside a number groups its \
                 digits in threes (9 000, 1 234 567), so write the number without spaces or in \
                 threes, and put an operator (+ - * /) between two numbers"
                .into(),
            P::ExpectedDigits if sv => "väntade siffror efter decimalpunkten".into(),
            P::ExpectedDigits => "expected digits after the decimal point".into(),
            P::ExpectedRoleId if sv => "väntade ett roll-id efter \"role.\"".into(),
            P::ExpectedRoleId => "expected a role id after \"role.\"".into(),
            P::NumberOutOfRange if sv => "talet är för stort eller har för många decimaler".into(),
            P::NumberOutOfRange => "the number is too large or has too many decimals".into(),
            P::TooDeep if sv => "formeln är för djupt nästlad".into(),
            P::TooDeep => "the formula is nested too deeply".into(),
            P::Expected { what, found } => {
                let what = match (what, sv) {
                    (Expected::Operand, true) => "väntade ett tal, ett namn eller \"(\"",
                    (Expected::Operand, false) => "expected a number, a name or \"(\"",
                    (Expected::Operator, true) => "väntade en operator (+ - * /)",
                    (Expected::Operator, false) => "expected an operator (+ - * /)",
                    (Expected::CloseParen, true) => "väntade en operator eller \")\"",
                    (Expected::CloseParen, false) => "expected an operator or \")\"",
                    (Expected::CommaOrClose, true) => "väntade en operator, \",\" eller \")\"",
                    (Expected::CommaOrClose, false) => "expected an operator, \",\" or \")\"",
                };
                match (found, sv) {
                    (Some(t), true) => format!("{what} men hittade \"{t}\""),
                    (Some(t), false) => format!("{what} but found \"{t}\""),
                    (None, true) => format!("{what} men formeln tar slut"),
                    (None, false) => format!("{what} but the formula ends"),
                }
            }
        }
    }
}

/// A value as `explain` shows it: up to 6 decimals, trailing zeros dropped, in the
/// language's number format (sv `7 300`, en `7,300`).
pub fn explain_number(d: Decimal, lang: Lang) -> String {
    format::number_trim(d, 6, lang)
}

/// Parses a formula.
pub fn parse(src: &str) -> Result<Formula, FormulaError> {
    let mut parser = Parser {
        toks: lex(src),
        i: 0,
        nest: 0,
    };
    if parser.peek().kind == Tok::End {
        return Err(FormulaError::syntax(1, SyntaxProblem::Empty));
    }
    let root = parser.expr()?;
    if parser.peek().kind != Tok::End {
        return Err(parser.unexpected(Expected::Operator));
    }
    let source = src.to_string();
    Ok(Formula { source, root })
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
        eval(&self.root, env)
    }

    /// The formula with every name replaced by its value, as a manager reads it:
    /// `12 / 60 × (10 × 2 × 365) × 359`. Operators are shown as `+ − × /`, parentheses as
    /// written, `min(a; b)` in Swedish (the comma is the decimal separator there) and
    /// `min(a, b)` in English. A negative value substituted for a name is parenthesised
    /// so `2 − (−5)` cannot be misread. The result is not appended.
    pub fn explain(&self, env: &dyn Env, lang: Lang) -> Result<String, FormulaError> {
        let mut out = String::new();
        explain(&self.root, env, lang, &mut out)?;
        Ok(out)
    }
}

impl fmt::Display for Formula {
    /// Shows the source text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)
    }
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

fn eval(n: &Node, env: &dyn Env) -> Result<Decimal, FormulaError> {
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

fn explain(n: &Node, env: &dyn Env, lang: Lang, out: &mut String) -> Result<(), FormulaError> {
    out.extend(std::iter::repeat_n('(', n.parens as usize));
    match &n.expr {
        Expr::Num(v) => out.push_str(&explain_number(*v, lang)),
        Expr::Input(_) | Expr::Role(_) => {
            let text = explain_number(lookup(n, env).unwrap_or(Ok(Decimal::ZERO))?, lang);
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

// ---- Lexer ----

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Num(Decimal),
    Ident(String),
    Role(String),
    Op(BinOp),
    LParen,
    RParen,
    Comma,
    End,
    /// A lexical error. Lexing stops here, and the parser reports it only if it gets this
    /// far, so the error reported is always the first one in the source.
    Bad(SyntaxProblem),
}

#[derive(Clone, Debug)]
struct Token {
    kind: Tok,
    /// 1-based character position of the token's first character.
    pos: usize,
    /// The token's source text (empty for `End`), quoted in error messages.
    text: String,
}

fn is_ident_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_'
}

fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// What an open parenthesis began, which decides what a comma between digits means inside
/// it: a call whose arguments are separated by commas takes it as a separator; a group or a
/// call separated by semicolons takes it as a decimal comma.
#[derive(Clone, Copy, PartialEq)]
enum Open {
    Group,
    CommaCall,
    SemicolonCall,
}

/// Whether the call whose `(` is at `open` separates its arguments by semicolons: a `;`
/// outside any inner parentheses before the matching `)`.
fn semicolon_call(chars: &[char], open: usize) -> bool {
    let mut depth = 0usize;
    for &c in chars.iter().skip(open + 1) {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return false,
            ')' => depth -= 1,
            ';' if depth == 0 => return true,
            _ => {}
        }
    }
    false
}

/// Characters that may group a number's digits in threes, as in the number fields.
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Splits the source into tokens; the list always ends with `End` or `Bad`.
fn lex(src: &str) -> Vec<Token> {
    let chars: Vec<char> = src.chars().collect();
    let at = |i: usize| chars.get(i).copied();
    let text = |from: usize, to: usize| -> String {
        chars.get(from..to).unwrap_or_default().iter().collect()
    };
    let scan = |mut j: usize, pred: fn(char) -> bool| {
        while at(j).is_some_and(pred) {
            j += 1;
        }
        j
    };
    let digit = |c: char| c.is_ascii_digit();
    let mut toks: Vec<Token> = Vec::new();
    let mut open: Vec<Open> = Vec::new();
    let mut i = scan(0, char::is_whitespace);
    while let Some(c) = at(i) {
        // Each arm gives the token, its 0-based start and its end.
        let (kind, start, end) = if digit(c) {
            let mut j = scan(i, digit);
            let mut int = text(i, j);
            // Groups of exactly three digits after a first group of one to three.
            let group_at = |j: usize| {
                at(j).is_some_and(is_group_space)
                    && (1..=3).all(|k| at(j + k).is_some_and(digit))
                    && !at(j + 4).is_some_and(digit)
            };
            if int.len() <= 3 {
                while group_at(j) {
                    int.push_str(&text(j + 1, j + 4));
                    j += 4;
                }
            }
            let decimal_comma = at(j) == Some(',')
                && at(j + 1).is_some_and(digit)
                && open.last() != Some(&Open::CommaCall);
            if at(j) == Some('.') && !at(j + 1).is_some_and(digit) {
                (Ok(Tok::Bad(SyntaxProblem::ExpectedDigits)), j, j + 1)
            } else if at(j) == Some('.') || decimal_comma {
                let k = scan(j + 1, digit);
                let value = format!("{int}.{}", text(j + 1, k));
                (Decimal::from_str_exact(&value).map(Tok::Num), i, k)
            } else {
                (Decimal::from_str_exact(&int).map(Tok::Num), i, j)
            }
        } else if is_ident_start(c) {
            let j = scan(i, is_ident_char);
            let word = text(i, j);
            if word != "role" || at(j) != Some('.') {
                (Ok(Tok::Ident(word)), i, j)
            } else if at(j + 1).is_some_and(is_ident_start) {
                let k = scan(j + 1, is_ident_char);
                (Ok(Tok::Role(text(j + 1, k))), i, k)
            } else {
                (Ok(Tok::Bad(SyntaxProblem::ExpectedRoleId)), j + 1, j + 1)
            }
        } else {
            let kind = match c {
                '+' => Tok::Op(BinOp::Add),
                '-' => Tok::Op(BinOp::Sub),
                '*' => Tok::Op(BinOp::Mul),
                '/' => Tok::Op(BinOp::Div),
                '(' => {
                    let call = matches!(
                        toks.last(),
                        Some(Token {
                            kind: Tok::Ident(_),
                            ..
                        })
                    );
                    open.push(match (call, call && semicolon_call(&chars, i)) {
                        (false, _) => Open::Group,
                        (true, false) => Open::CommaCall,
                        (true, true) => Open::SemicolonCall,
                    });
                    Tok::LParen
                }
                ')' => {
                    open.pop();
                    Tok::RParen
                }
                ',' | ';' => Tok::Comma,
                _ => Tok::Bad(SyntaxProblem::UnexpectedChar(c)),
            };
            (Ok(kind), i, i + 1)
        };
        let kind = kind.unwrap_or(Tok::Bad(SyntaxProblem::NumberOutOfRange));
        let stop = matches!(kind, Tok::Bad(_));
        let token = Token {
            kind,
            pos: start + 1,
            text: text(start, end),
        };
        toks.push(token);
        if stop {
            return toks;
        }
        i = scan(end, char::is_whitespace);
    }
    let (kind, pos, text) = (Tok::End, chars.len() + 1, String::new());
    toks.push(Token { kind, pos, text });
    toks
}

// ---- Parser: recursive descent, one function per precedence level ----

struct Parser {
    toks: Vec<Token>,
    i: usize,
    /// Current recursion depth, bounded by [`MAX_DEPTH`].
    nest: usize,
}

impl Parser {
    /// The current token. The parser never advances past `End` or `Bad`, which always
    /// close the list, so the clamp only guards against a bug, not against input.
    fn peek(&self) -> &Token {
        &self.toks[self.i.min(self.toks.len().saturating_sub(1))]
    }

    fn advance(&mut self) {
        if !matches!(self.peek().kind, Tok::End | Tok::Bad(_)) {
            self.i += 1;
        }
    }

    /// The error for an unexpected current token: a lexical error if that is what stopped
    /// us, the grouping hint for two numbers in a row (`12 34`), else what was expected and
    /// what was found.
    fn unexpected(&self, what: Expected) -> FormulaError {
        let t = self.peek();
        if let Tok::Bad(p) = &t.kind {
            return FormulaError::syntax(t.pos, p.clone());
        }
        let prev = self.i.checked_sub(1).and_then(|k| self.toks.get(k));
        if let (
            Tok::Num(_),
            Some(Token {
                kind: Tok::Num(_), ..
            }),
        ) = (&t.kind, prev)
        {
            return FormulaError::syntax(t.pos, SyntaxProblem::NumberAfterNumber);
        }
        let found = (t.kind != Tok::End).then(|| t.text.clone());
        FormulaError::syntax(t.pos, SyntaxProblem::Expected { what, found })
    }

    /// Builds a node, refusing trees higher than [`MAX_DEPTH`].
    fn node(pos: usize, expr: Expr) -> Result<Node, FormulaError> {
        let depth = 1 + match &expr {
            Expr::Num(_) | Expr::Input(_) | Expr::Role(_) => 0,
            Expr::Neg(x) => x.depth,
            Expr::Bin(_, a, b) => a.depth.max(b.depth),
            Expr::Call { args, .. } => args[0].depth.max(args[1].depth),
        };
        if depth > MAX_DEPTH {
            return Err(FormulaError::syntax(pos, SyntaxProblem::TooDeep));
        }
        let parens = 0;
        Ok(Node {
            pos,
            parens,
            depth,
            expr,
        })
    }

    /// expr := term (('+' | '-') term)*
    fn expr(&mut self) -> Result<Node, FormulaError> {
        self.binary(Self::term, [BinOp::Add, BinOp::Sub])
    }

    /// term := unary (('*' | '/') unary)*
    fn term(&mut self) -> Result<Node, FormulaError> {
        self.binary(Self::unary, [BinOp::Mul, BinOp::Div])
    }

    /// One left-associative precedence level: operands from `operand` joined by `ops`.
    /// A loop, not recursion, so long sums stay cheap to parse.
    fn binary(
        &mut self,
        operand: fn(&mut Self) -> Result<Node, FormulaError>,
        ops: [BinOp; 2],
    ) -> Result<Node, FormulaError> {
        let mut left = operand(self)?;
        while let Tok::Op(op) = self.peek().kind {
            if !ops.contains(&op) {
                break;
            }
            let pos = self.peek().pos;
            self.advance();
            let right = operand(self)?;
            left = Self::node(pos, Expr::Bin(op, Box::new(left), Box::new(right)))?;
        }
        Ok(left)
    }

    /// unary := '-' unary | primary. Every nesting (parentheses, calls, minus signs)
    /// passes through here, so this is where recursion is bounded.
    fn unary(&mut self) -> Result<Node, FormulaError> {
        if self.nest >= MAX_DEPTH {
            return Err(FormulaError::syntax(
                self.peek().pos,
                SyntaxProblem::TooDeep,
            ));
        }
        self.nest += 1;
        let pos = self.peek().pos;
        let result = if self.peek().kind == Tok::Op(BinOp::Sub) {
            self.advance();
            self.unary()
                .and_then(|x| Self::node(pos, Expr::Neg(Box::new(x))))
        } else {
            self.primary()
        };
        self.nest -= 1;
        result
    }

    /// primary := number | role.ID | name | name '(' args ')' | '(' expr ')'
    fn primary(&mut self) -> Result<Node, FormulaError> {
        let Token { kind, pos, .. } = self.peek().clone();
        let expr = match kind {
            Tok::Num(v) => Expr::Num(v),
            Tok::Role(id) => Expr::Role(id),
            Tok::Ident(name) => {
                self.advance();
                if self.peek().kind == Tok::LParen {
                    return self.call(name, pos);
                }
                return Self::node(pos, Expr::Input(name));
            }
            Tok::LParen => {
                self.advance();
                let mut inner = self.expr()?;
                if self.peek().kind != Tok::RParen {
                    return Err(self.unexpected(Expected::CloseParen));
                }
                self.advance();
                inner.parens = inner.parens.saturating_add(1);
                return Ok(inner);
            }
            _ => return Err(self.unexpected(Expected::Operand)),
        };
        self.advance();
        Self::node(pos, expr)
    }

    /// When the current token is a `,` written between two numbers without spaces (`1,5`),
    /// the hint that it was read as an argument separator.
    fn decimal_split(&self) -> Option<(usize, SyntaxProblem)> {
        let t = self.peek();
        let p = self.toks.get(self.i.checked_sub(1)?)?;
        let n = self.toks.get(self.i + 1)?;
        let touching = p.pos + p.text.chars().count() == t.pos && n.pos == t.pos + 1;
        let numbers = matches!((&p.kind, &n.kind), (Tok::Num(_), Tok::Num(_)));
        (touching && numbers && t.text == ",").then(|| {
            let written = format!("{},{}", p.text, n.text);
            let fixed = format!("{}.{}", p.text, n.text);
            (t.pos, SyntaxProblem::DecimalComma { written, fixed })
        })
    }

    /// A call, with the current token the `(` after the function's name. Functions are
    /// checked here, not at evaluation, so a document with a bad call fails validation.
    fn call(&mut self, name: String, pos: usize) -> Result<Node, FormulaError> {
        let max = match name.as_str() {
            "min" => false,
            "max" => true,
            _ => {
                return Err(FormulaError::new(
                    pos,
                    FormulaErrorKind::UnknownFunction(name),
                ))
            }
        };
        self.advance();
        let mut args = Vec::new();
        // The first comma that split a decimal such as `1,5` into two arguments.
        let mut split: Option<(usize, SyntaxProblem)> = None;
        if self.peek().kind == Tok::RParen {
            self.advance();
        } else {
            loop {
                args.push(self.expr()?);
                match self.peek().kind {
                    Tok::Comma => {
                        split = split.or_else(|| self.decimal_split());
                        self.advance();
                    }
                    Tok::RParen => break self.advance(),
                    _ => return Err(self.unexpected(Expected::CommaOrClose)),
                }
            }
        }
        let found = args.len();
        if let (true, Some((at, problem))) = (found != 2, split) {
            return Err(FormulaError::syntax(at, problem));
        }
        match <[Node; 2]>::try_from(args) {
            Ok(args) => Self::node(
                pos,
                Expr::Call {
                    max,
                    args: Box::new(args),
                },
            ),
            Err(_) => {
                let kind = FormulaErrorKind::WrongArgCount {
                    name,
                    expected: 2,
                    found,
                };
                Err(FormulaError::new(pos, kind))
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    struct Vals {
        inputs: HashMap<&'static str, Decimal>,
        roles: HashMap<&'static str, Decimal>,
    }

    impl Env for Vals {
        fn input(&self, id: &str) -> Option<Decimal> {
            self.inputs.get(id).copied()
        }
        fn role(&self, id: &str) -> Option<Decimal> {
            self.roles.get(id).copied()
        }
    }

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    fn env() -> Vals {
        Vals {
            inputs: [
                ("robots", d("10")),
                ("share_2", d("0.25")),
                ("neg", d("-5")),
            ]
            .into(),
            roles: [("usk", d("359")), ("ssk_2", d("412.5"))].into(),
        }
    }

    fn ev(src: &str) -> Decimal {
        parse(src).unwrap().eval(&env()).unwrap()
    }

    fn err(src: &str) -> FormulaError {
        match parse(src) {
            Ok(f) => f.eval(&env()).unwrap_err(),
            Err(e) => e,
        }
    }

    fn syntax_at(src: &str) -> usize {
        let e = err(src);
        assert_eq!(e.kind.code(), "formula_syntax", "{src}: {e}");
        e.pos
    }

    #[test]
    fn the_worked_example() {
        let f = parse("robots * 2 * 365").unwrap();
        assert_eq!(f.eval(&env()).unwrap(), d("7300"));
        assert_eq!(f.explain(&env(), Lang::Sv).unwrap(), "10 × 2 × 365");
        let f = parse("12 / 60 * (robots * 2 * 365) * role.usk").unwrap();
        assert_eq!(f.eval(&env()).unwrap(), d("524140"));
        let sv = f.explain(&env(), Lang::Sv).unwrap();
        assert_eq!(sv, "12 / 60 × (10 × 2 × 365) × 359");
        assert_eq!(
            f.names(),
            vec![
                (Name::Input("robots".into()), 12),
                (Name::Role("usk".into()), 32)
            ]
        );
    }

    #[test]
    fn arithmetic_and_precedence() {
        assert_eq!(ev("0.1 + 0.2"), d("0.3"));
        assert_eq!(ev("-3 + 5"), d("2"));
        assert_eq!(ev("2 - -1"), d("3"));
        assert_eq!(ev("min(3, 4) * max(1, 2)"), d("6"));
        assert_eq!(ev("2 + 3 * 4"), d("14"));
        assert_eq!(ev("(2 + 3) * 4"), d("20"));
        assert_eq!(ev("8 / 4 / 2"), d("1"));
        assert_eq!(ev("8 - 4 - 2"), d("2"));
        assert_eq!(ev("-2 * -3"), d("6"));
        assert_eq!(ev("-(2 + 3)"), d("-5"));
        assert_eq!(ev("share_2*role.ssk_2"), d("103.125"));
        assert_eq!(ev(" ( ( robots ) ) "), d("10"));
        assert_eq!(ev("max(min(1, 2), -(3))"), d("1"));
        let third = ev("1 / 3 * 3");
        assert!((third - Decimal::ONE).abs() < d("0.000000001"));
    }

    #[test]
    fn runtime_errors_point_at_their_cause() {
        let e = err("10 / (5 - 5)");
        assert_eq!((e.pos, e.kind), (4, FormulaErrorKind::DivisionByZero));
        let e = err("robot * 2");
        assert_eq!(
            (e.pos, e.kind),
            (1, FormulaErrorKind::UnknownInput("robot".into()))
        );
        let e = err("role.x");
        assert_eq!(
            (e.pos, e.kind),
            (1, FormulaErrorKind::UnknownRole("x".into()))
        );
        let e = err("79228162514264337593543950335 * 2");
        assert_eq!((e.pos, e.kind), (31, FormulaErrorKind::Overflow));
        assert_eq!(err("1 + nope").pos, 5);
    }

    #[test]
    fn functions_are_checked_when_parsing() {
        let e = parse("foo(1,2)").unwrap_err();
        assert_eq!(
            (e.pos, e.kind),
            (1, FormulaErrorKind::UnknownFunction("foo".into()))
        );
        let e = parse("2 * min(1)").unwrap_err();
        let count = FormulaErrorKind::WrongArgCount {
            name: "min".into(),
            expected: 2,
            found: 1,
        };
        assert_eq!((e.pos, e.kind), (5, count));
        assert_eq!(parse("min(1)").unwrap_err().kind.code(), "wrong_arg_count");
        assert_eq!(parse("max()").unwrap_err().kind.code(), "wrong_arg_count");
        assert_eq!(
            parse("max(1, 2, 3)").unwrap_err().kind.code(),
            "wrong_arg_count"
        );
    }

    #[test]
    fn syntax_errors_and_positions() {
        assert_eq!(syntax_at("robots *"), 9);
        assert_eq!(syntax_at("robots * 2 +* 3"), 13);
        assert_eq!(syntax_at("1 $ 2"), 3);
        assert_eq!(syntax_at("(1 + 2"), 7);
        assert_eq!(syntax_at(""), 1);
        assert_eq!(syntax_at("   "), 1);
        assert_eq!(syntax_at("2 3"), 3);
        assert_eq!(syntax_at("1 + * $"), 5); // the first problem wins
        assert_eq!(syntax_at("1."), 2);
        assert_eq!(syntax_at("role."), 6);
        assert_eq!(syntax_at("min(1 2)"), 7);
        assert_eq!(syntax_at("1)"), 2);
        assert_eq!(syntax_at("robots × 2"), 8);
        assert_eq!(ev("min(12,5)"), d("5")); // a comma inside a call separates arguments
    }

    /// `brukare * 9 000` and `1 234,5`, accepted by every number field, were syntax errors
    /// in formulas.
    #[test]
    fn swedish_grouping_and_decimal_comma_as_in_the_number_fields() {
        assert_eq!(ev("robots * 9 000"), d("90000"));
        assert_eq!(ev("1 234,5"), d("1234.5"));
        assert_eq!(ev("1 234 567.25 - 1\u{a0}000\u{202f}000"), d("234567.25"));
        assert_eq!(ev("12,5 * 2"), d("25"));
        assert_eq!(ev("(1,5) * 2"), d("3"));
        // Semicolons free the comma for decimals inside a call, as in Swedish Excel.
        assert_eq!(ev("min(1,5; 2)"), d("1.5"));
        assert_eq!(ev("max(min(1,5; 2); 1 000,25)"), d("1000.25"));
        assert_eq!(ev("max(1 000, 2)"), d("1000"));
        let f = parse("robots * 9 000").unwrap();
        assert_eq!(f.source(), "robots * 9 000");
        assert_eq!(f.explain(&env(), Lang::Sv).unwrap(), "10 × 9 000");
    }

    #[test]
    fn a_comma_that_splits_a_decimal_in_a_call_says_so_and_how_to_write_it() {
        let e = parse("max(robots * 1,5, 2)").unwrap_err();
        assert_eq!(e.pos, 15);
        let fixed = SyntaxProblem::DecimalComma {
            written: "1,5".into(),
            fixed: "1.5".into(),
        };
        assert_eq!(e.kind, FormulaErrorKind::Syntax(fixed));
        assert_eq!(
            e.message(Lang::Sv),
            "tecken 15: i min(…) och max(…) skiljer kommat argumenten åt, så 1,5 blev två tal: \
             skriv decimaltal med punkt där (1.5), eller skilj argumenten med semikolon \
             (min(1,5; 2))"
        );
        assert_eq!(
            e.message(Lang::En),
            "character 15: inside min(…) and max(…) a comma separates the arguments, so 1,5 \
             became two numbers: write decimals with a point there (1.5), or separate the \
             arguments with semicolons (min(1,5; 2))"
        );
        // Digits grouped other than in threes are two numbers in a row.
        for (src, pos) in [("12 34", 4), ("robots * 1000 000", 15)] {
            let e = parse(src).unwrap_err();
            assert_eq!(
                (e.pos, e.kind.clone()),
                (
                    pos,
                    FormulaErrorKind::Syntax(SyntaxProblem::NumberAfterNumber)
                ),
                "{src}"
            );
            assert!(e.message(Lang::Sv).contains("tre och tre (9 000"), "{e}");
            assert!(e.message(Lang::En).contains("in threes (9 000"), "{e}");
        }
    }

    #[test]
    fn hostile_nesting_is_refused_not_a_stack_overflow() {
        let deep = format!("{}1{}", "(".repeat(100_000), ")".repeat(100_000));
        assert_eq!(
            err(&deep).kind,
            FormulaErrorKind::Syntax(SyntaxProblem::TooDeep)
        );
        let long = vec!["1"; 100_000].join(" + ");
        assert_eq!(
            err(&long).kind,
            FormulaErrorKind::Syntax(SyntaxProblem::TooDeep)
        );
        assert_eq!(err(&"-".repeat(100_000)).kind.code(), "formula_syntax");
        assert_eq!(ev(&vec!["1"; 200].join(" + ")), d("200"));
    }

    #[test]
    fn messages_in_both_languages() {
        let e = err("1 + 2 * robot");
        assert_eq!(e.message(Lang::Sv), "tecken 9: okänd faktor \"robot\"");
        assert_eq!(e.message(Lang::En), "character 9: unknown input \"robot\"");
        assert_eq!(e.to_string(), e.message(Lang::En));
        assert_eq!(
            parse("robots *").unwrap_err().message(Lang::En),
            "character 9: expected a number, a name or \"(\" but the formula ends"
        );
        assert_eq!(
            parse("1 $").unwrap_err().message(Lang::Sv),
            "tecken 3: tecknet \"$\" kan inte användas i en formel"
        );
    }

    #[test]
    fn explain_formats_values_and_operators() {
        let f = parse("robots * 730 - -share_2 + min(role.ssk_2, 1000.50) / (2)").unwrap();
        assert_eq!(
            f.explain(&env(), Lang::Sv).unwrap(),
            "10 × 730 − −0,25 + min(412,5; 1 000,5) / (2)"
        );
        assert_eq!(
            f.explain(&env(), Lang::En).unwrap(),
            "10 × 730 − −0.25 + min(412.5, 1,000.5) / (2)"
        );
        let f = parse("2 - neg * (neg)").unwrap();
        assert_eq!(f.explain(&env(), Lang::En).unwrap(), "2 − (−5) × (−5)");
        let e = parse("robots * nope")
            .unwrap()
            .explain(&env(), Lang::Sv)
            .unwrap_err();
        assert_eq!((e.pos, e.kind.code()), (10, "unknown_input"));
        assert_eq!(explain_number(d("7300"), Lang::En), "7,300");
    }

    #[test]
    fn plain_numbers_and_names() {
        assert_eq!(parse("-12.50").unwrap().as_number(), Some(d("-12.5")));
        assert_eq!(parse("42").unwrap().as_number(), Some(d("42")));
        assert_eq!(parse("robots").unwrap().as_number(), None);
        assert_eq!(parse("1 + 1").unwrap().as_number(), None);
        let f = parse("robots * robots + role.usk").unwrap();
        assert_eq!(f.source(), "robots * robots + role.usk");
        let names: Vec<usize> = f.names().into_iter().map(|(_, p)| p).collect();
        assert_eq!(names, vec![1, 10, 19]);
        assert_eq!(
            parse("role").unwrap().names(),
            vec![(Name::Input("role".into()), 1)]
        );
    }
}
