//! Splitting a formula's text into tokens: numbers (digits grouped in threes, a decimal
//! comma where it cannot separate arguments), names, `role.ID`, operators and brackets.

use rust_decimal::Decimal;

use super::error::SyntaxProblem;
use super::BinOp;

/// A token's kind.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Tok {
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

/// A token with where it stands and how it was written.
#[derive(Clone, Debug)]
pub(super) struct Token {
    pub(super) kind: Tok,
    /// 1-based character position of the token's first character.
    pub(super) pos: usize,
    /// The token's source text (empty for `End`), quoted in error messages.
    pub(super) text: String,
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
pub(super) fn lex(src: &str) -> Vec<Token> {
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
