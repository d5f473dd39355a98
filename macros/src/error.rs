//! Errors at the offending token, reported all at once as `compile_error!`s.

use proc_macro2::{Literal, Span, TokenStream};
use quote::quote_spanned;

/// One or more messages, each at a span.
#[derive(Debug)]
pub struct Error {
    messages: Vec<(Span, String)>,
}

impl Error {
    pub fn new(span: Span, message: impl Into<String>) -> Self {
        Error { messages: vec![(span, message.into())] }
    }

    /// Adds `other`'s messages after these.
    pub fn combine(&mut self, other: Error) {
        self.messages.extend(other.messages);
    }

    /// The messages, in order.
    #[cfg(test)]
    pub fn messages(&self) -> impl Iterator<Item = &(Span, String)> {
        self.messages.iter()
    }

    /// Every message prefixed, unless it already starts with the prefix.
    pub fn prefixed(self, prefix: &str) -> Error {
        let messages = self
            .messages
            .into_iter()
            .map(|(span, message)| match message.starts_with(prefix) {
                true => (span, message),
                false => (span, format!("{prefix}{message}")),
            })
            .collect();
        Error { messages }
    }

    /// One `compile_error!` per message, spanned so rustc points at the token.
    pub fn to_compile_error(&self) -> TokenStream {
        self.messages
            .iter()
            .map(|(span, message)| {
                let mut text = Literal::string(message);
                text.set_span(*span);
                quote_spanned!(*span=> ::core::compile_error! { #text })
            })
            .collect()
    }
}

/// Several errors as one, or `None` when there are none.
pub fn combined(errors: impl IntoIterator<Item = Error>) -> Option<Error> {
    errors.into_iter().reduce(|mut all, error| {
        all.combine(error);
        all
    })
}
