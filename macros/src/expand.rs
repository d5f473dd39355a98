//! The macro's output.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{quote, quote_spanned};

use crate::error::Error;

use cognito_challenge_rules::{Challenge, Operation};

use crate::parse::{Invocation, Responses};

/// `ChallengeAnswer` or `AdminChallengeAnswer` under the crate root.
fn answer_type(root: &TokenStream, operation: Operation) -> TokenStream {
    match operation {
        Operation::User => quote!(#root::challenge::ChallengeAnswer),
        Operation::Admin => quote!(#root::challenge::AdminChallengeAnswer),
    }
}

/// The checked responses as a block building the answer.
pub fn success(invocation: &Invocation, responses: &Responses, challenge: &Challenge) -> TokenStream {
    let root = &invocation.root;
    let answer = answer_type(root, invocation.operation);
    let variant = variant_ident(challenge);
    // Hygienic, so a user's own `responses` in a value expression still means theirs.
    let map = Ident::new("responses", Span::mixed_site());
    let capacity = responses.entries.len();
    let inserts = responses.entries.iter().map(|entry| {
        let key = entry.key.name();
        let value = &entry.value.tokens;
        // Spanned at the value, so "`u32: Into<String>` is not satisfied" points at it.
        let into = quote_spanned!(entry.value.span=> ::std::convert::Into::<::std::string::String>::into);
        quote! {
            #map.insert(::std::string::String::from(#key), #into(#value));
        }
    });
    quote! {
        {
            let mut #map = ::std::collections::HashMap::<::std::string::String, ::std::string::String>::with_capacity(#capacity);
            #(#inserts)*
            #answer::__from_checked_macro(#root::types::ChallengeNameType::#variant, #map)
        }
    }
}

/// What the failed macro evaluates to besides its errors: a value of the right type when the
/// schema is known, so the user's code after it type-checks and only our errors are shown.
pub struct Fallback {
    answer: TokenStream,
    root: TokenStream,
    variant: Option<Ident>,
}

impl Fallback {
    pub fn new(invocation: &Invocation, challenge: Option<&Challenge>) -> Fallback {
        let variant = challenge
            .filter(|c| c.operations.contains(&invocation.operation))
            .or_else(|| {
                invocation.schema.challenges.iter().find(|c| c.operations.contains(&invocation.operation))
            })
            .map(variant_ident);
        Fallback {
            answer: answer_type(&invocation.root, invocation.operation),
            root: invocation.root.clone(),
            variant,
        }
    }
}

/// The challenge's `ChallengeNameType` variant, as the generator named it (possibly raw).
fn variant_ident(challenge: &Challenge) -> Ident {
    match challenge.variant.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(&challenge.variant, Span::call_site()),
    }
}

/// The errors, plus an expression so that nothing else is reported.
pub fn failure(error: &Error, fallback: Option<Fallback>) -> TokenStream {
    let errors = error.to_compile_error();
    match fallback {
        Some(Fallback { answer, root, variant: Some(variant) }) => quote! {
            {
                #errors
                #answer::__from_checked_macro(
                    #root::types::ChallengeNameType::#variant,
                    ::std::collections::HashMap::<::std::string::String, ::std::string::String>::new(),
                )
            }
        },
        _ => quote! {
            {
                #errors
                ::core::unreachable!()
            }
        },
    }
}
