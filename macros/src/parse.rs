//! The macro's input: the schema written by the generator (in `cognito-challenge-rules`' text
//! form), and the user's challenge responses.

use cognito_challenge_rules::{Operation, Schema};
use proc_macro2::{Span, TokenStream};
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream};
use syn::{braced, token, Expr, Ident, LitStr, Token};

/// The whole input of `challenge_responses_with_schema!`.
pub struct Invocation {
    /// Path of the `cognito-idp` crate (or the module holding `challenge` and `types`).
    pub root: TokenStream,
    pub operation: Operation,
    pub schema: Schema,
    /// The user's tokens, verbatim; parsed separately as [`Responses`].
    pub input: TokenStream,
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
        let braces = braced!(content in input);
        let text: TokenStream = content.parse()?;
        // The generator wrote the schema in the rules crate's text form; reading it back from the
        // tokens' text keeps one grammar, with one parser, for the macro and the command line.
        let schema = text
            .to_string()
            .parse::<Schema>()
            .map_err(|error| syn::Error::new(braces.span.join(), error.to_string()))?;

        section(input, "input")?;
        let content;
        braced!(content in input);
        let user_input: TokenStream = content.parse()?;
        if !input.is_empty() {
            return Err(input.error("malformed challenge schema: unexpected tokens after `@input { … }`"));
        }
        Ok(Invocation { root, operation, schema, input: user_input })
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
            if !content.peek(Token![:]) || content.peek(Token![::]) {
                let message = "expected `:` and a value after this key";
                return Err(if content.is_empty() {
                    syn::Error::new(key.span(), message)
                } else {
                    content.error(message)
                });
            }
            let colon: Token![:] = content.parse()?;
            if content.is_empty() || content.peek(Token![,]) {
                return Err(syn::Error::new(colon.span, "expected a value for this key"));
            }
            let value: Expr = content.parse()?;
            entries.push(Entry { key, value });
            if content.is_empty() {
                break;
            }
            if !content.peek(Token![,]) {
                return Err(content.error("expected `,` after this key's value"));
            }
            content.parse::<Token![,]>()?;
        }
        if !input.is_empty() {
            return Err(input.error("unexpected tokens after the challenge responses"));
        }
        Ok(Responses { challenge, entries })
    }
}
