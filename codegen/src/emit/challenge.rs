//! The `challenge` module: checked answers to auth challenges, a typed struct per challenge, and
//! the `challenge_responses!` / `admin_challenge_responses!` macros, which hand the schema to the
//! generic proc-macro of `cognito-idp-macros` so the rules always match the generated types.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::{doc_attrs, ident};
use crate::challenges::{ChallengeDef, ChallengeSpace, RequestDef};

/// The macro each operation's answers are written with.
const USER_MACRO: &str = "challenge_responses";
const ADMIN_MACRO: &str = "admin_challenge_responses";

pub(super) fn emit_challenge_module(space: &ChallengeSpace) -> Vec<TokenStream> {
    let mut items = vec![answer_types(space)];
    items.extend(space.challenges.iter().map(|c| typed_answer(space, c)));
    items.push(macros(space));
    items
}

/// The answer type, emitted once: `Answer<Scope>`, where the scope says which operation takes
/// it, and the two names users write, `ChallengeAnswer` (either operation) and
/// `AdminChallengeAnswer` (`AdminRespondToAuthChallenge` only).
fn answer_types(space: &ChallengeSpace) -> TokenStream {
    let name_type = format_ident!("{}", space.enum_name);
    let map = quote!(::std::collections::HashMap<::std::string::String, ::std::string::String>);
    quote! {
        /// A checked answer to a challenge, for the operations `Scope` names: see
        /// [`ChallengeAnswer`] and [`AdminChallengeAnswer`]. `Debug` shows the keys, never the
        /// values.
        #[derive(Clone, PartialEq)]
        pub struct Answer<Scope> {
            challenge_name: super::types::#name_type,
            responses: #map,
            scope: ::std::marker::PhantomData<Scope>,
        }
        /// A checked answer to a challenge, valid for `RespondToAuthChallenge` and
        /// `AdminRespondToAuthChallenge`.
        ///
        /// Made by `challenge_responses!`, a typed challenge struct, or the SRP client.
        pub type ChallengeAnswer = Answer<AnyOperation>;
        /// A checked answer valid only for `AdminRespondToAuthChallenge` (every
        /// [`ChallengeAnswer`] converts into it).
        ///
        /// Made by `admin_challenge_responses!` or from a [`ChallengeAnswer`].
        pub type AdminChallengeAnswer = Answer<AdminOnly>;
        /// The scope of a [`ChallengeAnswer`]: either operation.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum AnyOperation {}
        /// The scope of an [`AdminChallengeAnswer`]: `AdminRespondToAuthChallenge` only.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum AdminOnly {}
        impl<Scope> Answer<Scope> {
            /// The challenge this answers.
            pub fn challenge_name(&self) -> &super::types::#name_type {
                &self.challenge_name
            }
            /// The `ChallengeResponses` map.
            pub fn responses(&self) -> &#map {
                &self.responses
            }
            /// The challenge name and the responses, for a request.
            pub fn into_parts(self) -> (super::types::#name_type, #map) {
                (self.challenge_name, self.responses)
            }
            /// Adds a response that is only known at run time (`SECRET_HASH`, `DEVICE_KEY`).
            pub fn with_response(mut self, key: impl ::std::convert::Into<::std::string::String>, value: impl ::std::convert::Into<::std::string::String>) -> Self {
                self.responses.insert(key.into(), value.into());
                self
            }
            /// Used by the generated macros after they have checked the keys.
            #[doc(hidden)]
            pub fn __from_checked_macro(challenge_name: super::types::#name_type, responses: #map) -> Self {
                Self::new_unchecked(challenge_name, responses)
            }
            /// For this crate's own answers (SRP, typed challenge structs), whose keys are right by
            /// construction.
            #[allow(dead_code)]
            pub(super) fn new_unchecked(challenge_name: super::types::#name_type, responses: #map) -> Self {
                Self { challenge_name, responses, scope: ::std::marker::PhantomData }
            }
        }
        impl<Scope> ::std::fmt::Debug for Answer<Scope> {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                let mut keys: ::std::vec::Vec<&::std::string::String> = self.responses.keys().collect();
                keys.sort();
                let mut map = f.debug_map();
                for key in keys {
                    map.entry(key, &super::support::Redacted);
                }
                map.finish()
            }
        }
        impl ::std::convert::From<ChallengeAnswer> for AdminChallengeAnswer {
            fn from(answer: ChallengeAnswer) -> Self {
                Self::new_unchecked(answer.challenge_name, answer.responses)
            }
        }
        /// The proc-macro the generated macros call (unused where they are not called).
        #[doc(hidden)]
        #[allow(unused_imports)]
        pub use ::cognito_idp_runtime::__private::cognito_idp_macros as __macros;
    }
}

/// A struct with a field per key; converting it fills the responses map.
fn typed_answer(space: &ChallengeSpace, c: &ChallengeDef) -> TokenStream {
    let name = ident(&c.struct_name);
    let name_type = format_ident!("{}", space.enum_name);
    let variant = ident(&c.rules.variant);
    let mut fields = Vec::new();
    let mut inserts = Vec::new();
    for key in &c.keys {
        let field = ident(&key.field);
        let wire = &key.key;
        let typed_answer = key.key == "ANSWER" && c.answer_is_challenge_name;
        let ty = if typed_answer { quote!(super::types::#name_type) } else { quote!(::std::string::String) };
        let doc = format!(" `{wire}`{}", if key.required { "" } else { " (optional)" });
        let value = if typed_answer { quote!(value.as_str().to_owned()) } else { quote!(value) };
        if key.required {
            fields.push(quote!(#[doc = #doc] pub #field: #ty,));
            inserts.push(quote! { let value = answer.#field; responses.insert(#wire.to_owned(), #value); });
        } else {
            fields.push(quote!(#[doc = #doc] pub #field: ::std::option::Option<#ty>,));
            inserts.push(quote! {
                if let ::std::option::Option::Some(value) = answer.#field { responses.insert(#wire.to_owned(), #value); }
            });
        }
    }
    for (prefix, field_name) in &c.prefix_fields {
        let field = ident(field_name);
        let doc = format!(" Keys written as `{prefix}<name>`, by name (for example `given_name`).");
        fields.push(quote!(#[doc = #doc] pub #field: ::std::collections::BTreeMap<::std::string::String, ::std::string::String>,));
        inserts.push(quote! {
            for (name, value) in answer.#field { responses.insert(::std::format!("{}{}", #prefix, name), value); }
        });
    }
    let target = if c.user() { quote!(ChallengeAnswer) } else { quote!(AdminChallengeAnswer) };
    let docs = doc_attrs(&struct_docs(space, c));
    let wire = &c.rules.name;
    quote! {
        #docs
        #[derive(Clone, PartialEq)]
        pub struct #name { #(#fields)* }
        impl ::std::fmt::Debug for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct(#wire).finish_non_exhaustive()
            }
        }
        impl ::std::convert::From<#name> for #target {
            fn from(answer: #name) -> Self {
                let mut responses = ::std::collections::HashMap::new();
                #(#inserts)*
                Self::new_unchecked(super::types::#name_type::#variant, responses)
            }
        }
    }
}

fn struct_docs(space: &ChallengeSpace, c: &ChallengeDef) -> String {
    let operations = match c.rules.operations.as_slice() {
        [_, _] => "`RespondToAuthChallenge` and `AdminRespondToAuthChallenge`",
        _ if c.user() => "`RespondToAuthChallenge` only",
        _ => "`AdminRespondToAuthChallenge` only",
    };
    let keys: Vec<String> = c
        .keys
        .iter()
        .map(|k| if k.required { format!("`{}`", k.key) } else { format!("`{}` (optional)", k.key) })
        .chain(c.prefix_fields.iter().map(|(p, _)| format!("`{p}<name>`")))
        .collect();
    let mut text =
        format!("The answer to `{}`, accepted by {operations}: {}.", c.rules.name, keys.join(", "));
    for source in &c.sources {
        text.push_str("\n\n");
        text.push_str(&source_docs(source));
    }
    if !c.rules.answers.is_empty() {
        let answers: Vec<String> = c.rules.answers.iter().map(|a| format!("`{a}`")).collect();
        text.push_str(&format!("\n\n`ANSWER` is one of {}.", answers.join(", ")));
    }
    text.push_str("\n\n");
    text.push_str(&example(space, c));
    text
}

/// Where the rules come from, each under its own heading: a quotation with JSON in it as a text
/// block (rustdoc would curl its quotes), prose as a block quote.
fn source_docs(source: &crate::challenges::Source) -> String {
    use crate::challenges::Source;
    let quoted = |quote: &str| {
        if quote.contains('{') || quote.contains("\": ") {
            format!("```text\n{quote}\n```")
        } else {
            format!("> {}", crate::docs::html_to_markdown(&quote.replace('<', "&lt;")))
        }
    };
    match source {
        Source::Model { member, quote } => format!("From the model's docs ({member}):\n\n{}", quoted(quote)),
        Source::CliReference { page, quote } => {
            let name = page.rsplit('/').next().unwrap_or(page).trim_end_matches(".html");
            format!("From the AWS CLI reference ([`{name}`]({page})):\n\n{}", quoted(quote))
        }
        Source::Text(text) => {
            format!("Source: {}", crate::docs::html_to_markdown(&text.replace('<', "&lt;")))
        }
    }
}

/// A doc example writing this challenge's answer with its macro; compiled where the crate name
/// is known, shown untested elsewhere.
fn example(space: &ChallengeSpace, c: &ChallengeDef) -> String {
    let (fence, krate) = match &space.doc_crate {
        Some(krate) => ("```", krate.clone()),
        None => ("```ignore", "bindings".to_owned()),
    };
    let macro_name = if c.user() { USER_MACRO } else { ADMIN_MACRO };
    let answer = c.rules.answers.first().map(String::as_str);
    let answer_rule = c.rules.when_answer.iter().find(|r| Some(r.answer.as_str()) == answer);
    let mut entries = Vec::new();
    for key in &c.keys {
        let needed = key.required || answer_rule.is_some_and(|r| r.required.contains(&key.key));
        if needed {
            let value = match key.key.as_str() {
                "ANSWER" => answer.unwrap_or("my-custom-answer").to_owned(),
                other => example_value(other).to_owned(),
            };
            entries.push(format!("    {}: \"{value}\",", key.key));
        }
    }
    for (prefix, _) in &c.prefix_fields {
        entries.push(format!("    \"{prefix}given_name\": \"Jane\","));
    }
    format!(
        "{fence}\nlet answer = {krate}::{macro_name}!({} {{\n{}\n}});\nassert_eq!(answer.challenge_name().as_str(), \"{}\");\n```",
        c.rules.name,
        entries.join("\n"),
        c.rules.name
    )
}

fn example_value(key: &str) -> &'static str {
    match key {
        "USERNAME" => "jane@example.com",
        "PASSWORD" | "NEW_PASSWORD" => "Correct-Horse-9",
        "SOFTWARE_TOKEN_MFA_CODE" | "SMS_MFA_CODE" | "EMAIL_OTP_CODE" | "SMS_OTP_CODE" => "123456",
        "DEVICE_KEY" => "us-east-1_fec070d2-fa88-424a-8ec8-b26d7198eb23",
        "SRP_A" => "0a1b2c",
        "TIMESTAMP" => "Mon Nov 2 10:50:58 UTC 2026",
        "CREDENTIAL" => "{\\\"id\\\":\\\"...\\\"}",
        _ => "...",
    }
}

/// `from_answer` of the two answer requests, for their one `impl` block in `types`, behind
/// `gate` (the challenge module's): `(request type, method)`.
pub(super) fn from_answer_methods(space: &ChallengeSpace, gate: &TokenStream) -> Vec<(String, TokenStream)> {
    let user = space.user_request.as_ref().map(|r| from_answer(r, false, gate));
    let admin = space.admin_request.as_ref().map(|r| from_answer(r, true, gate));
    user.into_iter().chain(admin).collect()
}

fn from_answer(request: &RequestDef, admin: bool, gate: &TokenStream) -> (String, TokenStream) {
    let params: Vec<_> = request.constructor.iter().flatten().map(|p| ident(p)).collect();
    let args = request.constructor.iter().map(|arg| match arg {
        Some(param) => {
            let param = ident(param);
            quote!(#param)
        }
        None => quote!(challenge_name),
    });
    let answer_ty = if admin { quote!(AdminChallengeAnswer) } else { quote!(ChallengeAnswer) };
    let doc = " Builds the request from a checked answer (or an SRP answer), which sets both `ChallengeName` and `ChallengeResponses`.";
    let method = quote! {
        #[doc = #doc]
        #gate
        pub fn from_answer(#(#params: impl ::std::convert::Into<::std::string::String>,)* answer: impl ::std::convert::Into<super::challenge::#answer_ty>) -> Self {
            let (challenge_name, responses) = answer.into().into_parts();
            Self::new(#(#args),*).with_challenge_responses(responses)
        }
    };
    (request.type_name.clone(), method)
}

/// `challenge_responses!` and `admin_challenge_responses!`: `macro_rules!` wrappers that pass the
/// schema, the path of this module and the user's tokens to the generic proc-macro.
fn macros(space: &ChallengeSpace) -> TokenStream {
    let schema = schema_tokens(space);
    let root = match &space.module_path {
        None => quote!($crate),
        Some(path) => {
            let segments = path.split("::").filter(|s| !s.is_empty() && *s != "crate").map(ident);
            quote!($crate #(::#segments)*)
        }
    };
    let exported = space.module_path.is_none();
    let one = |name: &str, operation: &str, doc: &str| {
        let name = format_ident!("{name}");
        let operation = format_ident!("{operation}");
        // A crate that includes the file in a module may use only some of the macros.
        let export = if exported { quote!(#[macro_export]) } else { quote!(#[allow(unused_macros)]) };
        let reexport =
            if exported { quote!() } else { quote!(#[allow(unused_imports)] pub(crate) use #name;) };
        let doc = doc_attrs(doc);
        quote! {
            #doc
            #export
            macro_rules! #name {
                ($($input:tt)*) => {
                    #root::challenge::__macros::challenge_responses_with_schema! {
                        @root { #root }
                        @operation #operation
                        @schema { #schema }
                        @input { $($input)* }
                    }
                };
            }
            #reexport
        }
    };
    let user = one(
        USER_MACRO,
        "user",
        "Writes a `ChallengeAnswer` whose keys are checked at compile time: `challenge_responses!(SMS_MFA { USERNAME: user, SMS_MFA_CODE: code })`.\n\nMissing, unknown, duplicate or misplaced keys, an `ANSWER` literal the challenge does not allow, and string literals that break the model's constraints are compile errors. Values are any expressions convertible into `String`.",
    );
    let admin = one(
        ADMIN_MACRO,
        "admin",
        "Like `challenge_responses!`, for `AdminRespondToAuthChallenge`: writes an `AdminChallengeAnswer` and also accepts `ADMIN_NO_SRP_AUTH`.",
    );
    quote!(#user #admin)
}

/// The rules in `cognito-challenge-rules`' text form, as tokens for the macro (the command line
/// reads the same text).
fn schema_tokens(space: &ChallengeSpace) -> TokenStream {
    let text = space.rules().to_string();
    // The text is made of Rust tokens by construction (the schema's names and keys are checked
    // to be identifiers when it is read).
    text.parse().unwrap_or_else(|_| quote!(compile_error!("the challenge schema is not Rust tokens")))
}
