//! Reading tokens into a formula's tree: recursive descent, one function per precedence
//! level, depth bounded by [`MAX_DEPTH`].

use super::error::{Expected, FormulaError, FormulaErrorKind, SyntaxProblem};
use super::lexer::{lex, Tok, Token};
use super::{BinOp, Expr, Formula, Node, MAX_DEPTH};

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
