//! The macro's input: the schema written by the generator, and the user's challenge responses.

use proc_macro2::{Span, TokenStream};
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream};
use syn::{braced, bracketed, token, Expr, Ident, LitInt, LitStr, Token};

/// Which Cognito operation the responses are for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operation {
    /// `RespondToAuthChallenge`, answered with `challenge_responses!`.
    User,
    /// `AdminRespondToAuthChallenge`, answered with `admin_challenge_responses!`.
    Admin,
}

impl Operation {
    /// The AWS operation's name.
    pub fn aws_name(self) -> &'static str {
        match self {
            Operation::User => "RespondToAuthChallenge",
            Operation::Admin => "AdminRespondToAuthChallenge",
        }
    }

    /// The macro users call for this operation.
    pub fn macro_name(self) -> &'static str {
        match self {
            Operation::User => "challenge_responses!",
            Operation::Admin => "admin_challenge_responses!",
        }
    }
}

/// The whole input of `challenge_responses_with_schema!`.
pub struct Invocation {
    /// Path of the `cognito-idp` crate (or the module holding `challenge` and `types`).
    pub root: TokenStream,
    pub operation: Operation,
    pub schema: Schema,
    /// The user's tokens, verbatim; parsed separately as [`Responses`].
    pub input: TokenStream,
}

/// The challenges the model defines, in the model's order.
pub struct Schema {
    pub challenges: Vec<Challenge>,
}

impl Schema {
    pub fn challenge(&self, name: &str) -> Option<&Challenge> {
        self.challenges.iter().find(|c| c.name == name)
    }
}

/// One `ChallengeNameType` value and the keys its `ChallengeResponses` take.
pub struct Challenge {
    pub name: String,
    /// The `ChallengeNameType` variant.
    pub variant: Ident,
    pub operations: Vec<Operation>,
    pub required: Vec<String>,
    pub optional: Vec<String>,
    /// A key `<prefix><name>` with a non-empty name is allowed.
    pub prefixes: Vec<String>,
    /// Allowed literal values of key `ANSWER`; empty means unrestricted.
    pub answers: Vec<String>,
    pub whens: Vec<When>,
    pub constraints: Vec<Constraint>,
}

impl Challenge {
    /// Required keys, then optional keys.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.required.iter().chain(&self.optional).map(String::as_str)
    }
}

/// Extra rules when `ANSWER` is the literal `answer`.
pub struct When {
    pub answer: String,
    pub required: Vec<String>,
    pub forbidden: Vec<String>,
}

/// The model's constraints on one key's value.
pub struct Constraint {
    pub key: String,
    pub min: Option<usize>,
    pub max: Option<usize>,
    pub pattern: Option<String>,
}

impl Parse for Invocation {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        section(input, "root")?;
        let content;
        braced!(content in input);
        let root: TokenStream = content.parse()?;
        if root.is_empty() {
            return Err(content.error("malformed challenge schema: empty `@root`"));
        }

        section(input, "operation")?;
        let operation = operation(input)?;

        section(input, "schema")?;
        let content;
        braced!(content in input);
        let mut challenges: Vec<Challenge> = Vec::new();
        while !content.is_empty() {
            let challenge: Challenge = content.parse()?;
            if challenges.iter().any(|c| c.name == challenge.name) {
                return Err(content.error(format!(
                    "malformed challenge schema: challenge `{}` given twice",
                    challenge.name
                )));
            }
            challenges.push(challenge);
        }

        section(input, "input")?;
        let content;
        braced!(content in input);
        let user_input: TokenStream = content.parse()?;
        if !input.is_empty() {
            return Err(input.error("malformed challenge schema: unexpected tokens after `@input { … }`"));
        }
        Ok(Invocation { root, operation, schema: Schema { challenges }, input: user_input })
    }
}

/// `@name`.
fn section(input: ParseStream, name: &str) -> syn::Result<()> {
    let malformed =
        |input: ParseStream| input.error(format!("malformed challenge schema: expected `@{name}`"));
    if !input.peek(Token![@]) {
        return Err(malformed(input));
    }
    input.parse::<Token![@]>()?;
    if !input.peek(Ident::peek_any) {
        return Err(malformed(input));
    }
    let ident = Ident::parse_any(input)?;
    if ident != name {
        return Err(syn::Error::new(ident.span(), format!("malformed challenge schema: expected `@{name}`")));
    }
    Ok(())
}

fn operation(input: ParseStream) -> syn::Result<Operation> {
    if !input.peek(Ident::peek_any) {
        return Err(input.error("malformed challenge schema: expected `user` or `admin`"));
    }
    let ident = Ident::parse_any(input)?;
    if ident == "user" {
        Ok(Operation::User)
    } else if ident == "admin" {
        Ok(Operation::Admin)
    } else {
        Err(syn::Error::new(ident.span(), "malformed challenge schema: expected `user` or `admin`"))
    }
}

fn ident(input: ParseStream, what: &str) -> syn::Result<Ident> {
    if input.peek(Ident::peek_any) {
        Ident::parse_any(input)
    } else {
        Err(input.error(format!("malformed challenge schema: expected {what}")))
    }
}

fn lit_str(input: ParseStream, what: &str) -> syn::Result<LitStr> {
    if input.peek(LitStr) {
        input.parse()
    } else {
        Err(input.error(format!("malformed challenge schema: expected {what}")))
    }
}

fn number(input: ParseStream) -> syn::Result<usize> {
    if !input.peek(LitInt) {
        return Err(input.error("malformed challenge schema: expected a length"));
    }
    let lit: LitInt = input.parse()?;
    lit.base10_parse()
        .map_err(|_| syn::Error::new(lit.span(), "malformed challenge schema: expected a length"))
}

fn semicolon(input: ParseStream) -> syn::Result<()> {
    if input.peek(Token![;]) {
        input.parse::<Token![;]>()?;
        Ok(())
    } else {
        Err(input.error("malformed challenge schema: expected `;`"))
    }
}

/// `[A B C]` of identifiers.
fn ident_list(input: ParseStream) -> syn::Result<Vec<String>> {
    bracketed_list(input, |content| Ok(ident(content, "a key")?.to_string()))
}

/// `["a" "b"]` of string literals.
fn str_list(input: ParseStream) -> syn::Result<Vec<String>> {
    bracketed_list(input, |content| Ok(lit_str(content, "a string literal")?.value()))
}

/// `[item item …];`
fn bracketed_list(
    input: ParseStream,
    item: impl Fn(ParseStream) -> syn::Result<String>,
) -> syn::Result<Vec<String>> {
    if !input.peek(token::Bracket) {
        return Err(input.error("malformed challenge schema: expected `[`"));
    }
    let content;
    bracketed!(content in input);
    let mut list = Vec::new();
    while !content.is_empty() {
        list.push(item(&content)?);
    }
    semicolon(input)?;
    Ok(list)
}

/// Sets a field given at most once.
fn once<T>(slot: &mut Option<T>, value: T, keyword: &Ident) -> syn::Result<()> {
    if slot.is_some() {
        return Err(syn::Error::new(
            keyword.span(),
            format!("malformed challenge schema: `{keyword}` given twice"),
        ));
    }
    *slot = Some(value);
    Ok(())
}

impl Parse for Challenge {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let name = ident(input, "a challenge name")?;
        if !input.peek(token::Brace) {
            return Err(input.error("malformed challenge schema: expected `{` after the challenge name"));
        }
        let content;
        braced!(content in input);
        let (mut variant, mut operations, mut required, mut optional, mut prefixes, mut answers) =
            (None, None, None, None, None, None);
        let mut whens = Vec::new();
        let mut constraints = Vec::new();
        while !content.is_empty() {
            let keyword = ident(&content, "`variant`, `operations`, `required`, `optional`, `prefixes`, `answers`, `when` or `constraint`")?;
            match keyword.to_string().as_str() {
                "variant" => {
                    let value = ident(&content, "a variant name")?;
                    semicolon(&content)?;
                    once(&mut variant, value, &keyword)?;
                }
                "operations" => {
                    if !content.peek(token::Bracket) {
                        return Err(content.error("malformed challenge schema: expected `[`"));
                    }
                    let list;
                    bracketed!(list in content);
                    let mut ops = Vec::new();
                    while !list.is_empty() {
                        ops.push(operation(&list)?);
                    }
                    semicolon(&content)?;
                    once(&mut operations, ops, &keyword)?;
                }
                "required" => once(&mut required, ident_list(&content)?, &keyword)?,
                "optional" => once(&mut optional, ident_list(&content)?, &keyword)?,
                "prefixes" => once(&mut prefixes, str_list(&content)?, &keyword)?,
                "answers" => once(&mut answers, str_list(&content)?, &keyword)?,
                "when" => whens.push(when(&content)?),
                "constraint" => constraints.push(constraint(&content)?),
                _ => {
                    return Err(syn::Error::new(
                        keyword.span(),
                        format!("malformed challenge schema: unknown item `{keyword}`"),
                    ))
                }
            }
        }
        let Some(variant) = variant else {
            return Err(syn::Error::new(
                name.span(),
                format!("malformed challenge schema: challenge `{name}` has no `variant`"),
            ));
        };
        Ok(Challenge {
            name: name.to_string(),
            variant,
            operations: operations.unwrap_or_default(),
            required: required.unwrap_or_default(),
            optional: optional.unwrap_or_default(),
            prefixes: prefixes.unwrap_or_default(),
            answers: answers.unwrap_or_default(),
            whens,
            constraints,
        })
    }
}

/// `when "ANSWER" { required [..]; forbidden [..]; }` after the `when` keyword.
fn when(input: ParseStream) -> syn::Result<When> {
    let answer = lit_str(input, "the ANSWER a `when` rule applies to")?.value();
    if !input.peek(token::Brace) {
        return Err(input.error("malformed challenge schema: expected `{`"));
    }
    let content;
    braced!(content in input);
    let (mut required, mut forbidden) = (None, None);
    while !content.is_empty() {
        let keyword = ident(&content, "`required` or `forbidden`")?;
        match keyword.to_string().as_str() {
            "required" => once(&mut required, ident_list(&content)?, &keyword)?,
            "forbidden" => once(&mut forbidden, ident_list(&content)?, &keyword)?,
            _ => {
                return Err(syn::Error::new(
                    keyword.span(),
                    format!("malformed challenge schema: unknown `when` item `{keyword}`"),
                ))
            }
        }
    }
    optional_semicolon(input)?;
    Ok(When { answer, required: required.unwrap_or_default(), forbidden: forbidden.unwrap_or_default() })
}

/// `constraint KEY { min 6; max 6; pattern "[0-9]+"; }` after the `constraint` keyword.
fn constraint(input: ParseStream) -> syn::Result<Constraint> {
    let key = ident(input, "a key")?.to_string();
    if !input.peek(token::Brace) {
        return Err(input.error("malformed challenge schema: expected `{`"));
    }
    let content;
    braced!(content in input);
    let (mut min, mut max, mut pattern) = (None, None, None);
    while !content.is_empty() {
        let keyword = ident(&content, "`min`, `max` or `pattern`")?;
        match keyword.to_string().as_str() {
            "min" => {
                let n = number(&content)?;
                semicolon(&content)?;
                once(&mut min, n, &keyword)?;
            }
            "max" => {
                let n = number(&content)?;
                semicolon(&content)?;
                once(&mut max, n, &keyword)?;
            }
            "pattern" => {
                let p = lit_str(&content, "a pattern")?.value();
                semicolon(&content)?;
                once(&mut pattern, p, &keyword)?;
            }
            _ => {
                return Err(syn::Error::new(
                    keyword.span(),
                    format!("malformed challenge schema: unknown `constraint` item `{keyword}`"),
                ))
            }
        }
    }
    optional_semicolon(input)?;
    Ok(Constraint { key, min, max, pattern })
}

fn optional_semicolon(input: ParseStream) -> syn::Result<()> {
    if input.peek(Token![;]) {
        input.parse::<Token![;]>()?;
    }
    Ok(())
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
    pub value: Expr,
}

/// A key as written: `USERNAME` or `"userAttributes.name"`.
pub enum Key {
    Ident(Ident),
    Str(LitStr),
}

impl Key {
    /// The key's text.
    pub fn name(&self) -> String {
        match self {
            Key::Ident(ident) => ident.unraw().to_string(),
            Key::Str(lit) => lit.value(),
        }
    }

    pub fn span(&self) -> Span {
        match self {
            Key::Ident(ident) => ident.span(),
            Key::Str(lit) => lit.span(),
        }
    }
}

const EXAMPLE: &str = "`SMS_MFA { USERNAME: username, SMS_MFA_CODE: code }`";

impl Parse for Responses {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        if input.is_empty() {
            return Err(syn::Error::new(
                Span::call_site(),
                format!("expected a challenge name, e.g. {EXAMPLE}"),
            ));
        }
        if !input.peek(Ident::peek_any) {
            return Err(input.error(format!("expected a challenge name, e.g. {EXAMPLE}")));
        }
        let challenge = Ident::parse_any(input)?;
        if !input.peek(token::Brace) {
            let message = "expected `{` and the challenge responses after the challenge name";
            return Err(if input.is_empty() {
                syn::Error::new(challenge.span(), message)
            } else {
                input.error(message)
            });
        }
        let content;
        braced!(content in input);
        let mut entries = Vec::new();
        while !content.is_empty() {
            let key = if content.peek(LitStr) {
                Key::Str(content.parse()?)
            } else if content.peek(Ident::peek_any) {
                Key::Ident(Ident::parse_any(&content)?)
            } else {
                return Err(content.error(
                    "expected a key: an identifier such as `USERNAME` or a string literal such as \
                     `\"userAttributes.name\"`",
                ));
            };
            let name = key.name();
            if !content.peek(Token![:]) || content.peek(Token![::]) {
                let message = format!("expected `:` and a value after key `{name}`");
                return Err(if content.is_empty() {
                    syn::Error::new(key.span(), message)
                } else {
                    content.error(message)
                });
            }
            let colon: Token![:] = content.parse()?;
            if content.is_empty() || content.peek(Token![,]) {
                return Err(syn::Error::new(colon.span, format!("expected a value for key `{name}`")));
            }
            let value: Expr = content.parse()?;
            entries.push(Entry { key, value });
            if content.is_empty() {
                break;
            }
            if !content.peek(Token![,]) {
                return Err(content.error(format!("expected `,` after the value of key `{name}`")));
            }
            content.parse::<Token![,]>()?;
        }
        if !input.is_empty() {
            return Err(input.error("unexpected tokens after the challenge responses"));
        }
        Ok(Responses { challenge, entries })
    }
}
