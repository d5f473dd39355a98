//! The macro's input: the schema written by the generator (in `cognito-challenge-rules`' text
//! form), and the user's challenge responses.
//!
//! Read from token trees directly: the grammar is a few fixed tokens around Rust expressions that
//! are passed through untouched, and parsing those with `syn` would make every program that uses
//! the macro build `syn` first.

use cognito_challenge_rules::{Operation, Schema};
use proc_macro2::{Delimiter, Group, Ident, Literal, Spacing, Span, TokenStream, TokenTree};

use crate::error::Error;

/// The whole input of `challenge_responses_with_schema!`.
pub struct Invocation {
    /// Path of the `cognito-idp` crate (or the module holding `challenge` and `types`).
    pub root: TokenStream,
    pub operation: Operation,
    pub schema: Schema,
    /// The user's tokens, verbatim; parsed separately by [`responses`].
    pub input: TokenStream,
}

/// Token trees with a position: what `syn`'s `ParseStream` gave, for this grammar.
struct Cursor {
    trees: Vec<TokenTree>,
    position: usize,
    /// Where "end of input" errors point: the enclosing group, or the call site.
    end: Span,
}

impl Cursor {
    fn new(tokens: TokenStream, end: Span) -> Self {
        Cursor { trees: tokens.into_iter().collect(), position: 0, end }
    }

    fn of_group(group: &Group) -> Self {
        Cursor::new(group.stream(), group.span_close())
    }

    fn peek(&self) -> Option<&TokenTree> {
        self.trees.get(self.position)
    }

    fn peek_at(&self, ahead: usize) -> Option<&TokenTree> {
        self.trees.get(self.position + ahead)
    }

    fn next(&mut self) -> Option<TokenTree> {
        let tree = self.trees.get(self.position).cloned();
        self.position += usize::from(tree.is_some());
        tree
    }

    fn is_empty(&self) -> bool {
        self.position >= self.trees.len()
    }

    /// An error at the next token (a group's opening delimiter), or at the end.
    fn error(&self, message: impl Into<String>) -> Error {
        let span = match self.peek() {
            Some(TokenTree::Group(group)) => group.span_open(),
            Some(tree) => tree.span(),
            None => self.end,
        };
        Error::new(span, message)
    }

    fn peek_punct(&self, ch: char) -> bool {
        self.peek().is_some_and(|tree| is_punct(tree, ch))
    }

    /// A single `:`, not the first of `::`.
    fn peek_colon(&self) -> bool {
        single_colon(self.peek(), self.peek_at(1))
    }

    fn peek_ident(&self) -> Option<&Ident> {
        match self.peek() {
            Some(TokenTree::Ident(ident)) => Some(ident),
            _ => None,
        }
    }

    fn peek_brace(&self) -> Option<&Group> {
        match self.peek() {
            Some(TokenTree::Group(group)) if group.delimiter() == Delimiter::Brace => Some(group),
            _ => None,
        }
    }
}

const MALFORMED: &str = "malformed challenge schema: ";

/// Parses the generator's part of the input; errors say the schema is malformed.
pub fn invocation(input: TokenStream) -> Result<Invocation, Error> {
    parse_invocation(&mut Cursor::new(input, Span::call_site())).map_err(|error| error.prefixed(MALFORMED))
}

fn parse_invocation(input: &mut Cursor) -> Result<Invocation, Error> {
    let root = section(input, "root")?.stream();
    if root.is_empty() {
        return Err(Error::new(input.end, "empty `@root`"));
    }

    expect_at(input, "operation")?;
    let operation = match input.peek_ident() {
        Some(ident) if *ident == "user" => Operation::User,
        Some(ident) if *ident == "admin" => Operation::Admin,
        _ => return Err(input.error("expected `user` or `admin`")),
    };
    input.next();

    let braces = section(input, "schema")?;
    // The generator wrote the schema in the rules crate's text form; reading it back from the
    // tokens' text keeps one grammar, with one parser, for the macro and the command line.
    let schema = braces
        .stream()
        .to_string()
        .parse::<Schema>()
        .map_err(|error| Error::new(braces.span(), error.to_string()))?;

    let user_input = section(input, "input")?.stream();
    if !input.is_empty() {
        return Err(input.error("unexpected tokens after `@input { … }`"));
    }
    Ok(Invocation { root, operation, schema, input: user_input })
}

/// `@name`.
fn expect_at(input: &mut Cursor, name: &str) -> Result<(), Error> {
    let expected = format!("expected `@{name}`");
    if !input.peek_punct('@') {
        return Err(input.error(expected));
    }
    input.next();
    match input.peek_ident() {
        Some(ident) if *ident == name => {
            input.next();
            Ok(())
        }
        _ => Err(input.error(expected)),
    }
}

/// `@name { … }`: the braces.
fn section(input: &mut Cursor, name: &str) -> Result<Group, Error> {
    expect_at(input, name)?;
    let group =
        input.peek_brace().cloned().ok_or_else(|| input.error(format!("expected `{{` after `@{name}`")))?;
    input.next();
    Ok(group)
}

// ---------------------------------------------------------------------------------------------
// The user's part.

/// `CHALLENGE_NAME { KEY: value, "key": value, … }`
pub struct Responses {
    pub challenge: Ident,
    pub entries: Vec<Entry>,
}

/// `KEY: value`
pub struct Entry {
    pub key: Key,
    pub value: Value,
}

/// A key as written: `USERNAME` or `"userAttributes.name"`.
pub enum Key {
    Ident(Ident),
    Str { span: Span, value: String },
}

impl Key {
    /// The key's text.
    pub fn name(&self) -> String {
        match self {
            Key::Ident(ident) => {
                let name = ident.to_string();
                name.strip_prefix("r#").map_or(name.clone(), str::to_owned)
            }
            Key::Str { value, .. } => value.clone(),
        }
    }

    pub fn span(&self) -> Span {
        match self {
            Key::Ident(ident) => ident.span(),
            Key::Str { span, .. } => *span,
        }
    }
}

/// A value: a Rust expression, passed through as written.
pub struct Value {
    pub tokens: TokenStream,
    /// Its first token's (what rustc reports an expression's errors at, on stable).
    pub span: Span,
    /// The string it is when it is a plain string literal (possibly in the invisible group
    /// `macro_rules!` wraps a `$value:expr` in): its span and value.
    pub literal: Option<(Span, String)>,
}

const EXAMPLE: &str = "`SMS_MFA { USERNAME: username, SMS_MFA_CODE: code }`";

/// Parses the user's part.
pub fn responses(input: TokenStream) -> Result<Responses, Error> {
    let mut input = Cursor::new(input, Span::call_site());
    let Some(challenge) = input.peek_ident().cloned() else {
        return Err(input.error(format!("expected a challenge name, e.g. {EXAMPLE}")));
    };
    input.next();
    let Some(braces) = input.peek_brace().cloned() else {
        let message = "expected `{` and the challenge responses after the challenge name";
        return Err(if input.is_empty() {
            Error::new(challenge.span(), message)
        } else {
            input.error(message)
        });
    };
    input.next();
    let mut content = Cursor::of_group(&braces);
    let mut entries = Vec::new();
    while !content.is_empty() {
        let key = match content.next() {
            Some(TokenTree::Ident(ident)) => Key::Ident(ident),
            Some(TokenTree::Literal(literal)) if string_value(&literal).is_some() => {
                Key::Str { span: literal.span(), value: string_value(&literal).unwrap_or_default() }
            }
            other => {
                return Err(Error::new(
                    other.map_or(content.end, |tree| tree.span()),
                    "expected a key: an identifier such as `USERNAME` or a string literal such as \
                     `\"userAttributes.name\"`",
                ))
            }
        };
        if !content.peek_colon() {
            let message = "expected `:` and a value after this key";
            return Err(if content.is_empty() {
                Error::new(key.span(), message)
            } else {
                content.error(message)
            });
        }
        let colon = content.next().map_or(content.end, |tree| tree.span());
        if content.is_empty() || content.peek_punct(',') {
            return Err(Error::new(colon, "expected a value for this key"));
        }
        let value = value(&mut content);
        entries.push(Entry { key, value });
        if content.is_empty() {
            break;
        }
        if !content.peek_punct(',') {
            return Err(content.error("expected `,` after this key's value"));
        }
        content.next();
    }
    if !input.is_empty() {
        return Err(input.error("unexpected tokens after the challenge responses"));
    }
    Ok(Responses { challenge, entries })
}

/// The value's tokens: up to a `,` outside brackets and generic arguments, or up to where the
/// next key evidently starts (a missing comma), which the caller then reports.
///
/// Commas inside `(…)`, `[…]` and `{…}` are inside token groups. Those of generic arguments
/// (`f::<A, B>(x)`, `<T as Tr<A, B>>::f(x)`) are not, so angle brackets after `::` or at the
/// start are counted. A closure's parameters (`|a, b| …`) would be split, but a closure is never
/// a string.
fn value(input: &mut Cursor) -> Value {
    let trees = &input.trees;
    let start = input.position;
    let mut end = start;
    let mut angles = 0usize;
    while let Some(tree) = trees.get(end) {
        let previous = (end > start).then(|| &trees[end - 1]);
        match tree {
            TokenTree::Punct(p) if p.as_char() == ',' && angles == 0 => break,
            TokenTree::Punct(p) if p.as_char() == '<' => {
                let opens_generics =
                    angles > 0 || previous.is_none() || previous.is_some_and(|q| is_punct(q, ':'));
                angles += usize::from(opens_generics);
            }
            TokenTree::Punct(p) if p.as_char() == '>' && angles > 0 => {
                let arrow = matches!(previous, Some(TokenTree::Punct(q)) if q.as_char() == '-' && q.spacing() == Spacing::Joint);
                angles -= usize::from(!arrow);
            }
            TokenTree::Ident(ident) if angles == 0 && previous.is_some() && !is_keyword(ident) => {
                let key_follows = single_colon(trees.get(end + 1), trees.get(end + 2));
                // `path::name` and a label `'name:` are not keys.
                let after_path = previous.is_some_and(|q| is_punct(q, ':') || is_punct(q, '\''));
                if (key_follows && !after_path) || ends_an_operand(previous) {
                    break;
                }
            }
            TokenTree::Literal(_) if angles == 0 && ends_an_operand(previous) => break,
            _ => {}
        }
        end += 1;
    }
    let trees = &trees[start..end];
    let tokens: TokenStream = trees.iter().cloned().collect();
    let span = trees.first().map_or(input.end, TokenTree::span);
    let literal = match trees {
        [tree] => plain_string(tree),
        _ => None,
    };
    input.position = end;
    Value { tokens, span, literal }
}

fn is_punct(tree: &TokenTree, ch: char) -> bool {
    matches!(tree, TokenTree::Punct(p) if p.as_char() == ch)
}

/// Whether `first` (and `second`) are a single `:`, not `::`.
fn single_colon(first: Option<&TokenTree>, second: Option<&TokenTree>) -> bool {
    match first {
        Some(TokenTree::Punct(p)) if p.as_char() == ':' => {
            p.spacing() == Spacing::Alone || !second.is_some_and(|q| is_punct(q, ':'))
        }
        _ => false,
    }
}

/// Whether `previous` ends an operand, so that an identifier or literal right after it cannot
/// belong to the same expression (`u SMS_MFA_CODE`, `"a" "b"`, `f() x`).
fn ends_an_operand(previous: Option<&TokenTree>) -> bool {
    match previous {
        Some(TokenTree::Ident(ident)) => !is_keyword(ident),
        Some(TokenTree::Literal(_)) => true,
        Some(TokenTree::Group(group)) => {
            matches!(group.delimiter(), Delimiter::Parenthesis | Delimiter::Bracket)
        }
        _ => false,
    }
}

/// Rust's keywords (strict and reserved), which do continue expressions (`x as T`, `if c {…}
/// else {…}`, `move || …`).
fn is_keyword(ident: &Ident) -> bool {
    const KEYWORDS: &[&str] = &[
        "as", "async", "await", "box", "break", "const", "continue", "crate", "dyn", "else", "enum",
        "extern", "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
        "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
        "unsafe", "use", "where", "while", "yield", "gen", "try",
    ];
    let name = ident.to_string();
    KEYWORDS.contains(&name.as_str())
}

/// The span and value of a plain string literal, also inside invisible groups.
fn plain_string(tree: &TokenTree) -> Option<(Span, String)> {
    match tree {
        TokenTree::Literal(literal) => string_value(literal).map(|value| (literal.span(), value)),
        TokenTree::Group(group) if group.delimiter() == Delimiter::None => {
            let mut trees = group.stream().into_iter();
            match (trees.next(), trees.next()) {
                (Some(only), None) => plain_string(&only),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The value of a string literal (`"…"` or `r#"…"#`, no suffix); `None` for any other literal.
fn string_value(literal: &Literal) -> Option<String> {
    match litrs::StringLit::parse(literal.to_string()) {
        Ok(lit) if lit.suffix().is_empty() => Some(lit.value().to_owned()),
        _ => None,
    }
}
