//! Why a formula could not be parsed or evaluated, and where, in Swedish and English.

use crate::format::Lang;

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
    pub(super) fn new(pos: usize, kind: FormulaErrorKind) -> Self {
        FormulaError { pos, kind }
    }

    pub(super) fn syntax(pos: usize, problem: SyntaxProblem) -> Self {
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
