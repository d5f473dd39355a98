//! The runtime source embedded in the output (the sign-in flows), printed
//! without their gates. `support` and `wire` are not embedded: the output re-exports them from
//! the `cognito-idp-runtime` crate.
//!
//! What they print as depends only on which of them the output holds, not on the model, so
//! [`crate::generate`] prints them on a second thread while it reads the model and builds the
//! type space, when that core would otherwise sit idle. The gates, which do depend on the type
//! space, are printed on their own and put in front afterwards.

use proc_macro2::TokenStream;
use quote::quote;

use super::render::{module_frame, render_attributes, render_parsed_module_items, Frame};
use super::{ident, Features};

/// Source of the sign-in flows over the client, embedded with it when the challenge and SRP
/// modules are there too.
const FLOWS_SOURCE: &str = include_str!("../runtime/flows.rs");

/// The runtime modules an output may hold, printed; `None` where it cannot hold one.
pub struct RuntimeText {
    pub(super) flows: Option<Printed>,
}

impl RuntimeText {
    /// Prints the modules an output with these features may need. The flows need a challenge
    /// schema (`challenges`); `doctests` keeps doc examples, which name the checked-in crate,
    /// runnable.
    pub fn print(features: &Features<'_>, challenges: bool, doctests: bool) -> Result<Self, String> {
        let client = features.client.is_some();
        Ok(Self {
            flows: (client && challenges)
                .then(|| Printed::new("flows", FLOWS_SOURCE, "runtime/flows.rs", doctests))
                .transpose()?,
        })
    }
}

/// A runtime source printed as `pub mod name`, keeping its `//!` docs (intra-doc links in them
/// resolve inside the module, as in the source), up to its closing brace.
/// Its `#[cfg(test)]` items run in this crate's tests, not in every consumer's.
/// Its doc examples name the checked-in crate, so elsewhere (`doctests` false) they are marked
/// `ignore`.
pub(super) struct Printed {
    frame: Frame,
    items: String,
}

impl Printed {
    fn new(name: &str, source: &str, file: &str, doctests: bool) -> Result<Self, String> {
        let source = if doctests { source.to_owned() } else { ignore_doc_examples(source) };
        let parsed: syn::File =
            syn::parse_file(&source).map_err(|e| format!("{file} does not parse: {e}"))?;
        let (docs, name) = (&parsed.attrs, ident(name));
        let unused = super::UNUSED_IS_FINE;
        let frame = module_frame(quote!(#unused pub mod #name { #(#docs)* }))?;
        let items = parsed.items.into_iter().filter(|item| !is_cfg_test(item)).collect();
        Ok(Self { frame, items: render_parsed_module_items(items)? })
    }

    /// The whole module behind `gate`.
    pub(super) fn finish(&self, gate: &TokenStream) -> Result<String, String> {
        let gate = if gate.is_empty() { String::new() } else { render_attributes(gate.clone())? };
        Ok(gate + &self.frame.wrap(&self.items))
    }
}

/// Turns the opening fence of every Rust code block in `///` and `//!` docs into `ignore`.
fn ignore_doc_examples(source: &str) -> String {
    let mut in_block = false;
    let mut out = String::with_capacity(source.len());
    for line in source.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let doc = trimmed.strip_prefix("///").or_else(|| trimmed.strip_prefix("//!"));
        match doc.map(str::trim) {
            Some(text) if text.starts_with("```") => {
                let info = text.trim_start_matches('`');
                let rust = info.is_empty()
                    || ["rust", "no_run", "should_panic", "edition"].iter().any(|t| info.starts_with(t));
                if !in_block && rust {
                    out.push_str(&line.replacen(text, "```ignore", 1));
                } else {
                    out.push_str(line);
                }
                in_block = !in_block;
            }
            Some(_) => out.push_str(line),
            None => {
                in_block = false;
                out.push_str(line);
            }
        }
    }
    out
}

fn is_cfg_test(item: &syn::Item) -> bool {
    let attrs = match item {
        syn::Item::Mod(m) => &m.attrs,
        syn::Item::Fn(f) => &f.attrs,
        syn::Item::Use(u) => &u.attrs,
        _ => return false,
    };
    attrs.iter().any(|attr| {
        attr.path().is_ident("cfg") && attr.parse_args::<syn::Ident>().is_ok_and(|arg| arg == "test")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_examples_become_ignored_but_other_blocks_stay() {
        let source = "//! ```\n//! code();\n//! ```\n/// ```text\n/// plain\n/// ```\n///   ```no_run\n/// x\n/// ```\nfn f() {}\n";
        let out = ignore_doc_examples(source);
        assert_eq!(
            out,
            "//! ```ignore\n//! code();\n//! ```\n/// ```text\n/// plain\n/// ```\n///   ```ignore\n/// x\n/// ```\nfn f() {}\n"
        );
    }
}
