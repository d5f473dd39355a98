//! The schema's text form, which the generator writes into the bindings and the macro and the
//! command line read back:
//!
//! ```text
//! SELECT_CHALLENGE {
//!     variant SelectChallenge;
//!     operations [user admin];
//!     required [USERNAME ANSWER];
//!     optional [SECRET_HASH PASSWORD];
//!     prefixes [];
//!     answers ["PASSWORD" "WEB_AUTHN"];
//!     when "WEB_AUTHN" { required [CREDENTIAL]; forbidden [PASSWORD]; }
//!     constraint SMS_MFA_CODE { min 6; max 6; pattern "[0-9]+"; }
//! }
//! ```
//!
//! It is made of Rust tokens (identifiers, string literals, integers, `{}`, `[]`, `;`), so the
//! generator can put it inside a `macro_rules!` body, and it reads the way `proc_macro`'s
//! `TokenStream::to_string` prints it. Keys and names are identifiers; prefixes, answers and
//! patterns are string literals.

use std::fmt::{self, Display, Write};
use std::str::FromStr;

use crate::schema::{AnswerRule, Challenge, Constraint, Operation, Schema};

/// Text that is not a schema. Its message says what was expected; it never quotes the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchemaTextError {
    /// Byte offset in the text.
    pub offset: usize,
    pub message: String,
}

impl Display for SchemaTextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "malformed challenge schema at byte {}: {}", self.offset, self.message)
    }
}

impl std::error::Error for SchemaTextError {}

impl Display for Schema {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, challenge) in self.challenges.iter().enumerate() {
            if i > 0 {
                f.write_char(' ')?;
            }
            write_challenge(f, challenge)?;
        }
        Ok(())
    }
}

fn write_challenge(f: &mut fmt::Formatter<'_>, c: &Challenge) -> fmt::Result {
    write!(f, "{} {{ variant {}; operations [", c.name, c.variant)?;
    write_words(f, c.operations.iter().map(|o| o.keyword()))?;
    f.write_str("]; required [")?;
    write_words(f, c.required.iter().map(String::as_str))?;
    f.write_str("]; optional [")?;
    write_words(f, c.optional.iter().map(String::as_str))?;
    f.write_str("]; prefixes [")?;
    write_strings(f, &c.prefixes)?;
    f.write_str("]; answers [")?;
    write_strings(f, &c.answers)?;
    f.write_str("];")?;
    for rule in &c.when_answer {
        f.write_str(" when ")?;
        write_string(f, &rule.answer)?;
        f.write_str(" { required [")?;
        write_words(f, rule.required.iter().map(String::as_str))?;
        f.write_str("]; forbidden [")?;
        write_words(f, rule.forbidden.iter().map(String::as_str))?;
        f.write_str("]; }")?;
    }
    for constraint in &c.constraints {
        write!(f, " constraint {} {{", constraint.key)?;
        if let Some(min) = constraint.min {
            write!(f, " min {min};")?;
        }
        if let Some(max) = constraint.max {
            write!(f, " max {max};")?;
        }
        if let Some(pattern) = &constraint.pattern {
            f.write_str(" pattern ")?;
            write_string(f, pattern)?;
            f.write_char(';')?;
        }
        f.write_str(" }")?;
    }
    f.write_str(" }")
}

fn write_words<'a>(f: &mut fmt::Formatter<'_>, words: impl Iterator<Item = &'a str>) -> fmt::Result {
    for (i, word) in words.enumerate() {
        if i > 0 {
            f.write_char(' ')?;
        }
        f.write_str(word)?;
    }
    Ok(())
}

fn write_strings(f: &mut fmt::Formatter<'_>, strings: &[String]) -> fmt::Result {
    for (i, string) in strings.iter().enumerate() {
        if i > 0 {
            f.write_char(' ')?;
        }
        write_string(f, string)?;
    }
    Ok(())
}

/// A Rust string literal.
fn write_string(f: &mut fmt::Formatter<'_>, value: &str) -> fmt::Result {
    f.write_char('"')?;
    for c in value.chars() {
        match c {
            '"' => f.write_str("\\\"")?,
            '\\' => f.write_str("\\\\")?,
            '\n' => f.write_str("\\n")?,
            '\r' => f.write_str("\\r")?,
            '\t' => f.write_str("\\t")?,
            c if c.is_control() => write!(f, "\\u{{{:x}}}", u32::from(c))?,
            c => f.write_char(c)?,
        }
    }
    f.write_char('"')
}

/// Whether `word` can be a key or a name in the text form: an ASCII identifier (also one of
/// Rust, so the generator can write it as a token).
pub fn is_identifier(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(|c| c == '_' || c.is_ascii_alphabetic())
        && chars.all(|c| c == '_' || c.is_ascii_alphanumeric())
        && word != "_"
}

impl FromStr for Schema {
    type Err = SchemaTextError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let mut parser = Parser { tokens: tokenize(text)?, next: 0, end: text.len() };
        let mut challenges: Vec<Challenge> = Vec::new();
        while !parser.at_end() {
            let offset = parser.offset();
            let challenge = parser.challenge()?;
            if challenges.iter().any(|c| c.name == challenge.name) {
                return Err(SchemaTextError { offset, message: "a challenge is given twice".into() });
            }
            challenges.push(challenge);
        }
        Ok(Schema { challenges })
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Word(String),
    Str(String),
    Int(usize),
    Punct(char),
}

fn tokenize(text: &str) -> Result<Vec<(usize, Token)>, SchemaTextError> {
    let error = |offset: usize, message: &str| SchemaTextError { offset, message: message.to_owned() };
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        match c {
            c if c.is_whitespace() => {
                chars.next();
            }
            '{' | '}' | '[' | ']' | ';' => {
                chars.next();
                tokens.push((start, Token::Punct(c)));
            }
            '"' => {
                chars.next();
                tokens.push((start, Token::Str(string_literal(&mut chars, start)?)));
            }
            'r' if text[start..].starts_with("r\"") || text[start..].starts_with("r#") => {
                let hashes = text[start + 1..].bytes().take_while(|&b| b == b'#').count();
                let open = start + 1 + hashes;
                if text.as_bytes().get(open) != Some(&b'"') {
                    // `r#ident`: a raw identifier.
                    chars.next();
                    chars.next();
                    let word = word(&mut chars);
                    tokens.push((start, Token::Word(word)));
                    continue;
                }
                let closing = format!("\"{}", "#".repeat(hashes));
                let body_start = open + 1;
                let Some(length) = text[body_start..].find(&closing) else {
                    return Err(error(start, "unterminated raw string literal"));
                };
                tokens.push((start, Token::Str(text[body_start..body_start + length].to_owned())));
                let end = body_start + length + closing.len();
                while chars.peek().is_some_and(|&(i, _)| i < end) {
                    chars.next();
                }
            }
            c if c.is_ascii_digit() => {
                let digits = word(&mut chars);
                let value = digits.parse().map_err(|_| error(start, "expected a length"))?;
                tokens.push((start, Token::Int(value)));
            }
            c if c == '_' || c.is_ascii_alphabetic() => tokens.push((start, Token::Word(word(&mut chars)))),
            _ => return Err(error(start, "unexpected character")),
        }
    }
    Ok(tokens)
}

fn word(chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>) -> String {
    let mut word = String::new();
    while let Some(&(_, c)) = chars.peek() {
        if c == '_' || c.is_ascii_alphanumeric() {
            word.push(c);
            chars.next();
        } else {
            break;
        }
    }
    word
}

/// The rest of a `"…"` literal after its opening quote, unescaped.
fn string_literal(
    chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
    start: usize,
) -> Result<String, SchemaTextError> {
    let error = |offset: usize, message: &str| SchemaTextError { offset, message: message.to_owned() };
    let mut value = String::new();
    loop {
        let Some((offset, c)) = chars.next() else {
            return Err(error(start, "unterminated string literal"));
        };
        match c {
            '"' => return Ok(value),
            '\\' => {
                let Some((_, escape)) = chars.next() else {
                    return Err(error(offset, "unterminated string literal"));
                };
                match escape {
                    'n' => value.push('\n'),
                    'r' => value.push('\r'),
                    't' => value.push('\t'),
                    '0' => value.push('\0'),
                    '\\' | '"' | '\'' => value.push(escape),
                    'x' => {
                        let hex: String = (0..2).filter_map(|_| chars.next().map(|(_, c)| c)).collect();
                        match u8::from_str_radix(&hex, 16) {
                            Ok(byte) if byte.is_ascii() => value.push(char::from(byte)),
                            _ => return Err(error(offset, "invalid `\\x` escape")),
                        }
                    }
                    'u' => {
                        let mut hex = String::new();
                        if chars.next().map(|(_, c)| c) != Some('{') {
                            return Err(error(offset, "invalid `\\u` escape"));
                        }
                        for (_, c) in chars.by_ref() {
                            if c == '}' {
                                break;
                            }
                            hex.push(c);
                        }
                        match u32::from_str_radix(&hex.replace('_', ""), 16).ok().and_then(char::from_u32) {
                            Some(c) => value.push(c),
                            None => return Err(error(offset, "invalid `\\u` escape")),
                        }
                    }
                    '\n' => {
                        // A line continuation skips the newline and the indentation after it.
                        while chars.peek().is_some_and(|&(_, c)| c.is_whitespace()) {
                            chars.next();
                        }
                    }
                    _ => return Err(error(offset, "unknown escape in a string literal")),
                }
            }
            c => value.push(c),
        }
    }
}

struct Parser {
    tokens: Vec<(usize, Token)>,
    next: usize,
    end: usize,
}

impl Parser {
    fn at_end(&self) -> bool {
        self.next >= self.tokens.len()
    }

    fn offset(&self) -> usize {
        self.tokens.get(self.next).map_or(self.end, |(offset, _)| *offset)
    }

    fn error<T>(&self, message: impl Into<String>) -> Result<T, SchemaTextError> {
        Err(SchemaTextError { offset: self.offset(), message: message.into() })
    }

    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.next).map(|(_, token)| token)
    }

    fn bump(&mut self) -> Option<Token> {
        let token = self.tokens.get(self.next).map(|(_, token)| token.clone());
        self.next += 1;
        token
    }

    fn punct(&mut self, wanted: char) -> Result<(), SchemaTextError> {
        match self.peek() {
            Some(Token::Punct(c)) if *c == wanted => {
                self.next += 1;
                Ok(())
            }
            _ => self.error(format!("expected `{wanted}`")),
        }
    }

    fn is_punct(&self, wanted: char) -> bool {
        matches!(self.peek(), Some(Token::Punct(c)) if *c == wanted)
    }

    fn word(&mut self, what: &str) -> Result<String, SchemaTextError> {
        match self.peek() {
            Some(Token::Word(word)) => {
                let word = word.clone();
                self.next += 1;
                Ok(word)
            }
            _ => self.error(format!("expected {what}")),
        }
    }

    fn string(&mut self, what: &str) -> Result<String, SchemaTextError> {
        match self.peek() {
            Some(Token::Str(value)) => {
                let value = value.clone();
                self.next += 1;
                Ok(value)
            }
            _ => self.error(format!("expected {what}")),
        }
    }

    fn int(&mut self) -> Result<usize, SchemaTextError> {
        match self.peek() {
            Some(Token::Int(value)) => {
                let value = *value;
                self.next += 1;
                Ok(value)
            }
            _ => self.error("expected a length"),
        }
    }

    /// `[item item …];`
    fn list<T>(
        &mut self,
        mut item: impl FnMut(&mut Self) -> Result<T, SchemaTextError>,
    ) -> Result<Vec<T>, SchemaTextError> {
        self.punct('[')?;
        let mut items = Vec::new();
        while !self.is_punct(']') {
            if self.at_end() {
                return self.error("expected `]`");
            }
            items.push(item(self)?);
        }
        self.punct(']')?;
        self.punct(';')?;
        Ok(items)
    }

    fn words(&mut self, what: &str) -> Result<Vec<String>, SchemaTextError> {
        self.list(|p| p.word(what))
    }

    fn strings(&mut self, what: &str) -> Result<Vec<String>, SchemaTextError> {
        self.list(|p| p.string(what))
    }

    fn challenge(&mut self) -> Result<Challenge, SchemaTextError> {
        let name = self.word("a challenge name")?;
        self.punct('{')?;
        let mut challenge = Challenge { name, ..Challenge::default() };
        let mut seen: Vec<String> = Vec::new();
        while !self.is_punct('}') {
            let keyword_offset = self.offset();
            let keyword = self.word(
                "`variant`, `operations`, `required`, `optional`, `prefixes`, `answers`, `when` or `constraint`",
            )?;
            const ITEMS: [&str; 8] = [
                "variant",
                "operations",
                "required",
                "optional",
                "prefixes",
                "answers",
                "when",
                "constraint",
            ];
            if !ITEMS.contains(&keyword.as_str()) {
                // Not quoted: the text is not ours to repeat.
                return Err(SchemaTextError { offset: keyword_offset, message: "unknown item".into() });
            }
            let repeatable = keyword == "when" || keyword == "constraint";
            if !repeatable && seen.contains(&keyword) {
                return Err(SchemaTextError {
                    offset: keyword_offset,
                    message: format!("`{keyword}` given twice"),
                });
            }
            seen.push(keyword.clone());
            match keyword.as_str() {
                "variant" => {
                    challenge.variant = self.word("a variant name")?;
                    self.punct(';')?;
                }
                "operations" => {
                    challenge.operations = self.list(|p| match p.word("`user` or `admin`")?.as_str() {
                        "user" => Ok(Operation::User),
                        "admin" => Ok(Operation::Admin),
                        _ => Err(SchemaTextError {
                            offset: p.tokens[p.next - 1].0,
                            message: "expected `user` or `admin`".into(),
                        }),
                    })?
                }
                "required" => challenge.required = self.words("a key")?,
                "optional" => challenge.optional = self.words("a key")?,
                "prefixes" => challenge.prefixes = self.strings("a string literal")?,
                "answers" => challenge.answers = self.strings("a string literal")?,
                "when" => challenge.when_answer.push(self.when()?),
                "constraint" => challenge.constraints.push(self.constraint()?),
                _ => return Err(SchemaTextError { offset: keyword_offset, message: "unknown item".into() }),
            }
        }
        self.punct('}')?;
        if challenge.variant.is_empty() {
            return Err(SchemaTextError {
                offset: self.offset(),
                message: "a challenge has no `variant`".into(),
            });
        }
        Ok(challenge)
    }

    /// `"ANSWER" { required [..]; forbidden [..]; }` after `when`.
    fn when(&mut self) -> Result<AnswerRule, SchemaTextError> {
        let mut rule = AnswerRule {
            answer: self.string("the ANSWER a `when` rule applies to")?,
            ..AnswerRule::default()
        };
        self.punct('{')?;
        while !self.is_punct('}') {
            match self.word("`required` or `forbidden`")?.as_str() {
                "required" => rule.required = self.words("a key")?,
                "forbidden" => rule.forbidden = self.words("a key")?,
                _ => return self.error("expected `required` or `forbidden`"),
            }
        }
        self.punct('}')?;
        self.optional_semicolon();
        Ok(rule)
    }

    /// `KEY { min 6; max 6; pattern "[0-9]+"; }` after `constraint`.
    fn constraint(&mut self) -> Result<Constraint, SchemaTextError> {
        let mut constraint = Constraint { key: self.word("a key")?, ..Constraint::default() };
        self.punct('{')?;
        while !self.is_punct('}') {
            match self.word("`min`, `max` or `pattern`")?.as_str() {
                "min" => constraint.min = Some(self.int()?),
                "max" => constraint.max = Some(self.int()?),
                "pattern" => constraint.pattern = Some(self.string("a pattern")?),
                _ => return self.error("expected `min`, `max` or `pattern`"),
            }
            self.punct(';')?;
        }
        self.punct('}')?;
        self.optional_semicolon();
        Ok(constraint)
    }

    fn optional_semicolon(&mut self) {
        if self.is_punct(';') {
            self.bump();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sample() -> Schema {
        Schema {
            challenges: vec![
                Challenge {
                    name: "SELECT_CHALLENGE".into(),
                    variant: "SelectChallenge".into(),
                    operations: vec![Operation::User, Operation::Admin],
                    required: vec!["USERNAME".into(), "ANSWER".into()],
                    optional: vec!["PASSWORD".into(), "CREDENTIAL".into()],
                    prefixes: vec![],
                    answers: vec!["PASSWORD".into(), "WEB_AUTHN".into()],
                    when_answer: vec![AnswerRule {
                        answer: "WEB_AUTHN".into(),
                        required: vec!["CREDENTIAL".into()],
                        forbidden: vec!["PASSWORD".into()],
                    }],
                    constraints: vec![],
                },
                Challenge {
                    name: "NEW_PASSWORD_REQUIRED".into(),
                    variant: "NewPasswordRequired".into(),
                    operations: vec![Operation::User],
                    required: vec!["NEW_PASSWORD".into()],
                    prefixes: vec!["userAttributes.".into()],
                    constraints: vec![Constraint {
                        key: "NEW_PASSWORD".into(),
                        min: Some(1),
                        max: Some(256),
                        pattern: Some(r#"[\S]+"quoted"\u{7f}"#.into()),
                    }],
                    ..Challenge::default()
                },
            ],
        }
    }

    #[test]
    fn text_reads_back_as_the_same_schema() {
        let schema = sample();
        let text = schema.to_string();
        assert_eq!(text.parse::<Schema>().unwrap(), schema, "{text}");
    }

    #[test]
    fn text_as_a_token_stream_prints_it_reads_back() {
        // `TokenStream::to_string` puts spaces before `;` and inside brackets, and may write
        // raw strings or `\u{…}` escapes.
        let text = r##"X { variant X ; operations [ user ] ; required [ A ] ; optional [ ] ; prefixes [ r#"p."# ] ; answers [ "\u{41}\x42" ] ; constraint A { min 1 ; pattern r"[\S]+" ; } }"##;
        let schema: Schema = text.parse().unwrap();
        let x = &schema.challenges[0];
        assert_eq!((x.prefixes[0].as_str(), x.answers[0].as_str()), ("p.", "AB"));
        assert_eq!(x.constraints[0].pattern.as_deref(), Some(r"[\S]+"));
    }

    #[test]
    fn malformed_text_names_what_was_expected_and_where() {
        let cases = [
            ("X { variant X; variant Y; }", "`variant` given twice"),
            ("X { operations [user nobody]; variant X; }", "expected `user` or `admin`"),
            ("X { required [A]; }", "a challenge has no `variant`"),
            ("X { variant X; bogus; }", "unknown item"),
            ("X { variant X; answers [\"open; }", "unterminated string literal"),
            ("X { variant X; } X { variant X; }", "a challenge is given twice"),
            ("X { variant X; constraint A { min many; } }", "expected a length"),
            ("X { variant X; required [A B }", "expected a key"),
            ("X { variant X; $ }", "unexpected character"),
        ];
        for (text, message) in cases {
            let error = text.parse::<Schema>().unwrap_err();
            assert_eq!(error.message, message, "{text}");
            assert!(error.offset <= text.len());
        }
    }

    fn name() -> impl Strategy<Value = String> {
        "[A-Z][A-Z_]{0,12}"
    }

    fn words() -> impl Strategy<Value = Vec<String>> {
        prop::collection::vec(name(), 0..4)
    }

    fn text() -> impl Strategy<Value = String> {
        any::<String>()
    }

    prop_compose! {
        fn challenge()(
            name in name(), variant in "[A-Z][a-zA-Z]{0,10}", user in any::<bool>(), admin in any::<bool>(),
            required in words(), optional in words(), prefixes in prop::collection::vec(text(), 0..2),
            answers in prop::collection::vec(text(), 0..3),
            rules in prop::collection::vec((text(), words(), words()), 0..2),
            constraints in prop::collection::vec((name(), any::<Option<u16>>(), any::<Option<u16>>(), any::<Option<String>>()), 0..2),
        ) -> Challenge {
            let operations = [(user, Operation::User), (admin, Operation::Admin)].into_iter().filter(|(on, _)| *on).map(|(_, o)| o).collect();
            Challenge {
                name, variant, operations, required, optional, prefixes, answers,
                when_answer: rules.into_iter().map(|(answer, required, forbidden)| AnswerRule { answer, required, forbidden }).collect(),
                constraints: constraints.into_iter().map(|(key, min, max, pattern)| Constraint { key, min: min.map(usize::from), max: max.map(usize::from), pattern }).collect(),
            }
        }
    }

    proptest! {
        #[test]
        fn any_schema_reads_back_from_its_text(challenges in prop::collection::vec(challenge(), 0..4)) {
            let mut unique: Vec<Challenge> = Vec::new();
            for c in challenges {
                if !unique.iter().any(|u| u.name == c.name) {
                    unique.push(c);
                }
            }
            let schema = Schema { challenges: unique };
            prop_assert_eq!(schema.to_string().parse::<Schema>().unwrap(), schema);
        }

        #[test]
        fn any_text_parses_or_fails_without_panicking(text in any::<String>()) {
            let _ = text.parse::<Schema>();
        }
    }
}
