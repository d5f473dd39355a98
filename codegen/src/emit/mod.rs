//! Emission: walks the [`TypeSpace`] and produces one formatted Rust file.
//!
//! The file holds modules `types`, `errors`, `operations` and a hidden `constraints`, and
//! re-exports `support` and `wire` from `cognito-idp-runtime` (through which it also names serde); with a challenge schema also `challenge` and `srp`, and with the client
//! feature `client`, `flows`, `cli` and `cli_commands`. It refers to its own items only
//! through `super::`, and names std items by full path, so it can be `include!`d inside any
//! module of any crate.
//!
//! Build cost is a feature of the output, measured by `tests/buildcost/run.sh`. Two choices keep
//! it down. serde is implemented by calls into the runtime rather than derived, and a type
//! implements only the direction it travels (`serde_impls`). And the emitted functions that are not generic (`validate`, `Debug` with redaction, enum conversions,
//! error decoding) are `#[inline]`: rustc then compiles to machine code only the ones a program
//! calls, in that program, instead of all of them in the bindings crate: 1.5 to 2 s of the
//! cognito-idp crate's debug build. The largest saving is not compiling what a program does not
//! use at all: `Features::per_operation` puts each operation behind a cargo feature.

mod challenge;
mod cli;
mod errors;
mod operations;
mod render;
mod runtime;
mod serde_impls;
mod shapes;
mod srp;
mod validate;

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};

use crate::challenges::{ChallengeSpace, ModuleNeeds};
use crate::typespace::{FieldDef, Kind, ShapeId, TypeSpace};
use render::{render_module, DeferredModule, Gated, ItemBuilder};
pub use runtime::RuntimeText;

/// Cargo features of the including crate that gate parts of the output (`None`: not gated, or
/// for `client` and `cli` not emitted).
#[derive(Debug, Clone, Copy, Default)]
pub struct Features<'a> {
    /// Emits the async client (`mod client`, needing `cognito-idp-runtime/client`), and with SRP
    /// and the four sign-in operations the sign-in flows (`mod flows`).
    pub client: Option<&'a str>,
    /// Emits the command line (`mod cli` and `mod cli_commands`, needing
    /// `cognito-idp-runtime/cli`); only together with `client`. It must turn on `reverse_serde`,
    /// when that is given: the command line reads requests and prints responses.
    pub cli: Option<&'a str>,
    /// See [`Config::reverse_serde_feature`](crate::Config::reverse_serde_feature).
    pub reverse_serde: Option<&'a str>,
    /// See [`Config::feature_per_operation`](crate::Config::feature_per_operation).
    pub per_operation: bool,
    /// The `challenge` module, which then enables the runtime crate's `challenge` feature (the
    /// proc-macro) and must turn on `RespondToAuthChallenge` and `AdminRespondToAuthChallenge`
    /// (their features, with [`Features::per_operation`]).
    pub challenge: Option<&'a str>,
    /// The `srp` module (which needs `challenge`), which then enables the runtime crate's `srp`
    /// feature and must turn on `challenge` and `ConfirmDevice`.
    pub srp: Option<&'a str>,
    /// The sign-in flows (`mod flows`, with `client` and `srp`): this feature must turn on
    /// `client`, `srp`, `InitiateAuth`, `AdminInitiateAuth` and `UpdateDeviceStatus`. Without it
    /// the flows come with `client` and `srp` and those operations.
    pub flows: Option<&'a str>,
}

impl Features<'static> {
    /// The features of the checked-in crate (`generated/`).
    pub const CHECKED_IN: Self = Self {
        client: Some("client"),
        cli: Some("cli"),
        reverse_serde: Some("reverse-serde"),
        per_operation: true,
        challenge: Some("challenge"),
        srp: Some("srp"),
        flows: Some("flows"),
    };
}

/// `#[cfg]` attributes that put items behind the features of the operations that need them.
/// Nothing is gated when the output has no feature per operation.
///
/// An item that several operations reach is gated on one internal feature for that set of
/// operations (`_reach-3f2a9c1d`), which each of them turns on in the manifest
/// ([`internal_features`]), so its gate is one line rather than an `any(…)` of up to every
/// operation. The name is a hash of the set's operation names, so adding an operation or a
/// shape to the model does not rename the features of other sets.
pub(crate) struct OperationGates {
    /// The feature of each operation of the type space, by index; empty when not gating.
    features: Vec<String>,
    /// The internal feature of each set of several operations (sorted indices) that reaches a
    /// shape.
    reach: std::collections::BTreeMap<Vec<usize>, String>,
}

/// Prefix of the internal features of [`OperationGates`].
const REACH_PREFIX: &str = "_reach-";

impl OperationGates {
    fn new(space: &TypeSpace, per_operation: bool) -> Self {
        let features: Vec<String> = match per_operation {
            true => space.operations.iter().map(|op| op.command_name.clone()).collect(),
            false => Vec::new(),
        };
        let mut gates = Self { features, reach: std::collections::BTreeMap::new() };
        if gates.features.is_empty() {
            return gates;
        }
        let sets: std::collections::BTreeSet<Vec<usize>> = space
            .shapes
            .iter()
            .filter(|s| s.included && s.operations.len() > 1 && s.operations.len() < space.operations.len())
            .map(|s| {
                let mut set = s.operations.clone();
                set.sort_unstable();
                set.dedup();
                set
            })
            .collect();
        let mut taken = std::collections::BTreeSet::new();
        for set in sets {
            let hash = fnv1a(set.iter().map(|&i| space.operations[i].wire_name.as_str()));
            let short = format!("{REACH_PREFIX}{:08x}", hash >> 32);
            // Two sets whose short names collide both could not be told apart: the later one
            // takes the whole hash.
            let name = if taken.contains(&short) { format!("{REACH_PREFIX}{hash:016x}") } else { short };
            taken.insert(name.clone());
            gates.reach.insert(set, name);
        }
        gates
    }

    /// For items any of `operations` needs. Items every operation needs, or none does (shapes no
    /// operation uses), are not gated.
    pub(crate) fn any_of(&self, operations: &[usize]) -> TokenStream {
        match self.any_predicate(operations) {
            Some(predicate) => quote!(#[cfg(#predicate)]),
            None => quote!(),
        }
    }

    fn any_predicate(&self, operations: &[usize]) -> Option<TokenStream> {
        if self.features.is_empty() || operations.is_empty() || operations.len() == self.features.len() {
            return None;
        }
        if let [one] = operations {
            let name = &self.features[*one];
            return Some(quote!(feature = #name));
        }
        let mut set = operations.to_vec();
        set.sort_unstable();
        set.dedup();
        Some(match self.reach.get(&set) {
            Some(name) => quote!(feature = #name),
            // A set no shape has (none in the output, which the tests check): spelled out.
            None => {
                let names = set.iter().map(|&i| &self.features[i]);
                quote!(any(#(feature = #names),*))
            }
        })
    }

    /// For items that need, from each group, any one of its operations, and every `features`,
    /// which turn on the operations `implied` (so groups holding one add nothing).
    fn all_of(&self, groups: &[Vec<usize>], features: &[Option<&str>], implied: &[usize]) -> TokenStream {
        let mut predicates: Vec<TokenStream> =
            features.iter().flatten().map(|f| quote!(feature = #f)).collect();
        // A group holding an operation that is on anyway, or required on its own, adds nothing.
        let on = |op: &usize| implied.contains(op);
        let required: Vec<usize> =
            groups.iter().filter(|g| g.len() == 1 && !g.iter().any(on)).map(|g| g[0]).collect();
        let implied = |group: &Vec<usize>| {
            group.iter().any(on) || (group.len() > 1 && group.iter().any(|op| required.contains(op)))
        };
        predicates
            .extend(groups.iter().filter(|g| !implied(g)).filter_map(|group| self.any_predicate(group)));
        match predicates.as_slice() {
            [] => quote!(),
            [one] => quote!(#[cfg(#one)]),
            all => quote!(#[cfg(all(#(#all),*))]),
        }
    }
}

/// FNV-1a (64 bits) of names joined by `,`: stable across runs and platforms, unlike std's
/// hasher, and good enough to name a few hundred sets.
fn fnv1a<'a>(names: impl Iterator<Item = &'a str>) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, name) in names.enumerate() {
        let separator: &[u8] = if i == 0 { b"" } else { b"," };
        for &byte in separator.iter().chain(name.as_bytes()) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash
}

/// The internal features an output with a feature per operation gates on, each with the
/// operations (indices) that turn it on; empty without a feature per operation.
pub fn internal_features(space: &TypeSpace, per_operation: bool) -> Vec<(String, Vec<usize>)> {
    let gates = OperationGates::new(space, per_operation);
    let mut features: Vec<(String, Vec<usize>)> =
        gates.reach.into_iter().map(|(set, name)| (name, set)).collect();
    features.sort();
    features
}

/// Emits the whole file as formatted source.
///
/// Items are parsed and printed one by one (see [`render`]); those built from the type space
/// (`types`, `errors`, `operations`) on every core, while this thread first renders the rest.
pub fn emit_file(
    space: &TypeSpace,
    challenges: Option<&ChallengeSpace>,
    paginators: &[crate::paginators::Paginator],
    features: &Features<'_>,
    runtime: &RuntimeText,
) -> Result<String, String> {
    let Features {
        client: client_feature,
        cli: cli_feature,
        reverse_serde,
        per_operation,
        challenge,
        srp,
        flows,
    } = *features;
    let gates = OperationGates::new(space, per_operation);
    // The command line reads requests and prints responses, so it needs both serde directions;
    // its feature turns `reverse_serde` on, when there is one.
    let command_line = client_feature.and(cli_feature);
    let serde = serde_impls::SerdeDirections::new(reverse_serde.or(command_line));
    let service = &space.service.full_name;
    let types_doc = format!(" Request, response and data types of {service}.");
    let errors_doc = format!(" Errors of {service}: the modeled exceptions and one enum per operation.");
    let operations_doc = format!(" Descriptors of the operations of {service}.");
    // A module's feature turns on the operations it needs (see `Features`); without the feature,
    // the module is gated on those operations.
    let implied = |feature: Option<&str>, operations: &[usize]| match feature {
        Some(_) => operations.to_vec(),
        None => Vec::new(),
    };
    // SRP answers challenges: without a feature of its own, it comes with `challenge`'s, which
    // turns on the operations the challenge module needs (`srp`'s turns on those SRP needs).
    let srp_or_challenge = srp.or(challenge);
    let srp_implied = |needs: &ModuleNeeds| match (srp, challenge) {
        (Some(_), _) => needs.srp_operations.clone(),
        (None, Some(_)) => needs.challenge_operations.clone(),
        (None, None) => Vec::new(),
    };
    let challenge_gate = |c: &ChallengeSpace| {
        gates.all_of(&c.needs.challenge, &[challenge], &implied(challenge, &c.needs.challenge_operations))
    };
    let from_answer: Vec<(String, String)> = challenges
        .map(|c| challenge::from_answer_methods(c, &challenge_gate(c)))
        .unwrap_or_default()
        .into_iter()
        .map(|(type_name, method)| (type_name, method.to_string()))
        .collect();
    let from_type_space = vec![
        DeferredModule {
            header: quote!(#[doc = #types_doc] #UNUSED_IS_FINE pub mod types {}),
            items: shapes::emit_types(space, &serde, &gates, &from_answer),
        },
        DeferredModule {
            header: quote!(#[doc = #errors_doc] #UNUSED_IS_FINE pub mod errors {}),
            items: errors::emit_errors(space, &serde, &gates),
        },
        DeferredModule {
            header: quote!(#[doc = #operations_doc] #UNUSED_IS_FINE pub mod operations {}),
            items: operations::emit_operations(space, paginators, &gates),
        },
    ];
    let (types, rest) = render::render_deferred(from_type_space, || {
        let modules = [
            match challenges {
                Some(challenges) => {
                    let gate = challenge_gate(challenges);
                    render_module(
                        quote!(
                            #[doc = " Answers to auth challenges, checked at compile time by `challenge_responses!` and `admin_challenge_responses!`."]
                            #gate
                            #UNUSED_IS_FINE
                            pub mod challenge {}
                        ),
                        ungated(challenge::emit_challenge_module(challenges)),
                    )?
                }
                None => String::new(),
            },
            match challenges.and_then(|c| c.srp.as_ref().map(|def| (c, def))) {
                Some((challenges, def)) => {
                    let needs = &challenges.needs;
                    let gate = gates.all_of(&needs.srp, &[srp_or_challenge], &srp_implied(needs));
                    render_module(
                        quote!(
                            #[doc = " Client side of Cognito's SRP sign-in (the `cognito-srp` crate), whose answers and device verifiers convert into this crate's [`ChallengeAnswer`](challenge::ChallengeAnswer) and request types."]
                            #gate
                            #UNUSED_IS_FINE
                            pub mod srp {}
                        ),
                        ungated(srp::emit_srp_module(def, &challenges.enum_name)),
                    )?
                }
                None => String::new(),
            },
            render_module(
                // Constraints of gated types are unused when their operations are off.
                quote!(
                    #[doc(hidden)]
                    #[allow(dead_code)]
                    mod constraints {}
                ),
                ungated(validate::emit_constraints(space)),
            )?,
            render::render_items_of(quote!(
                #[doc = " Support types of the generated code (blobs, timestamps, redaction, constraint rules, operation descriptors), from the runtime crate."]
                pub use ::cognito_idp_runtime::support;
                #[doc = " The AWS JSON protocol without I/O: requests from inputs, outputs and errors from responses."]
                pub use ::cognito_idp_runtime::wire;
            ))?,
            match client_feature {
                Some(feature) => render_module(
                    quote!(
                        #[doc = " An async client over `reqwest` (rustls): sends each operation's request as `wire` encodes it, signed with SigV4 unless the model marks the operation unsigned."]
                        #[cfg(feature = #feature)]
                        #UNUSED_IS_FINE
                        pub mod client {}
                    ),
                    ungated(operations::emit_client_module(space, paginators, &gates)),
                )?,
                None => String::new(),
            },
            match (client_feature, challenges, &runtime.flows) {
                (Some(client), Some(challenges), Some(printed))
                    if challenges.srp.is_some() && challenges.needs.flows_possible =>
                {
                    let needs = &challenges.needs;
                    let gate = match flows {
                        Some(_) => gates.all_of(&needs.flows, &[flows], &needs.flows_operations),
                        None => {
                            gates.all_of(&needs.flows, &[Some(client), srp_or_challenge], &srp_implied(needs))
                        }
                    };
                    printed.finish(&gate)?
                }
                _ => String::new(),
            },
            match (client_feature, cli_feature) {
                (Some(_), Some(feature)) => {
                    render_module(
                        quote!(
                            #[doc = " The command line (`cognito-idp` binary): one subcommand per operation with the AWS CLI's names and options, its shorthand and JSON syntaxes, `--cli-input-json`, `--cli-input-yaml` and `--generate-cli-skeleton`; the runtime's engine driven by this service's tables."]
                            #[cfg(feature = #feature)]
                            #UNUSED_IS_FINE
                            pub mod cli {}
                        ),
                        ungated(cli::emit_cli_module()),
                    )? + &cli_commands_module(space, challenges, paginators, feature)?
                }
                _ => String::new(),
            },
        ];
        Ok::<_, String>(modules.concat())
    });
    Ok(format!(
        "// @generated by cognito-codegen {} from the `{}` model (API version {}). Do not edit.\n\n{}{}",
        env!("CARGO_PKG_VERSION"),
        space.service.endpoint_prefix,
        space.service.api_version,
        types?,
        rest?,
    ))
}

/// Items whose tokens are at hand, none of them gated.
fn ungated(items: Vec<TokenStream>) -> Vec<Gated> {
    items.into_iter().map(Gated::ungated).collect()
}

/// On each module of the output: a crate that includes it in a private module (as the README's
/// `build.rs` recipe does) uses only part of the API, and what it leaves unused is not a mistake
/// in its code.
pub(crate) struct UnusedIsFine;

impl quote::ToTokens for UnusedIsFine {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        tokens.extend(quote!(#[allow(dead_code)]));
    }
}

pub(crate) const UNUSED_IS_FINE: UnusedIsFine = UnusedIsFine;

/// The command line's data and dispatch (`cli_commands`), behind `feature`.
fn cli_commands_module(
    space: &TypeSpace,
    challenges: Option<&ChallengeSpace>,
    paginators: &[crate::paginators::Paginator],
    feature: &str,
) -> Result<String, String> {
    render_module(
        quote!(
            #[doc = " The command line's tables (commands, shapes, challenges) and dispatch."]
            #[doc(hidden)]
            #[cfg(feature = #feature)]
            #UNUSED_IS_FINE
            pub mod cli_commands {}
        ),
        ungated(cli::emit_cli_commands(space, challenges, paginators)),
    )
}

/// An identifier from a resolved name, raw (`r#type`) where the type space made it so.
pub(crate) fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

/// `#[doc = "..."]` lines for a Markdown text, if any.
pub(crate) fn doc_attrs(markdown: &str) -> TokenStream {
    if markdown.trim().is_empty() {
        return TokenStream::new();
    }
    // One attribute per line, each with a leading space, prints as `/// line` comments.
    let lines =
        markdown.trim().lines().map(|line| if line.is_empty() { String::new() } else { format!(" {line}") });
    quote!(#(#[doc = #lines])*)
}

/// Docs joined from parts, skipping empty ones, as separate paragraphs.
pub(crate) fn join_docs(parts: &[&str]) -> String {
    parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty()).collect::<Vec<_>>().join("\n\n")
}

/// A deprecation note in docs (an attribute would warn inside the generated code itself).
pub(crate) fn deprecation_note(deprecated: &Option<Option<String>>) -> String {
    match deprecated {
        None => String::new(),
        Some(None) => "**Deprecated.**".into(),
        // A separate paragraph: the message may open with a list or a code block.
        Some(Some(message)) => format!("**Deprecated:**\n\n{}", crate::docs::html_to_markdown(message)),
    }
}

/// The Rust type of a value of shape `id`, as seen from a first-level module of the output.
pub(crate) fn type_of(space: &TypeSpace, id: ShapeId) -> TokenStream {
    let shape = space.shape(id);
    match &shape.kind {
        Kind::Struct(s) => named("types", &s.rust_name),
        Kind::Union(u) => named("types", &u.rust_name),
        Kind::Enum(e) => named("types", &e.rust_name),
        Kind::Exception(e) => named("errors", &e.rust_name),
        Kind::String => quote!(::std::string::String),
        Kind::Integer => quote!(i32),
        Kind::Long => quote!(i64),
        Kind::Float => quote!(f32),
        Kind::Double => quote!(f64),
        Kind::Boolean => quote!(bool),
        Kind::Blob => quote!(super::support::Blob),
        Kind::Timestamp => quote!(super::support::DateTime),
        Kind::Document => quote!(::cognito_idp_runtime::__private::serde_json::Value),
        Kind::List(item) => {
            let item = type_of(space, *item);
            quote!(::std::vec::Vec<#item>)
        }
        Kind::Map(key, value) => {
            let (key, value) = (type_of(space, *key), type_of(space, *value));
            quote!(::std::collections::HashMap<#key, #value>)
        }
    }
}

fn named(module: &str, name: &str) -> TokenStream {
    let module = format_ident!("{module}");
    let name = ident(name);
    quote!(super::#module::#name)
}

/// The type of a field: boxed when it breaks a cycle, `Option` unless required.
pub(crate) fn field_type(space: &TypeSpace, field: &FieldDef) -> TokenStream {
    let inner = value_type(space, field);
    if field.required {
        inner
    } else {
        quote!(::std::option::Option<#inner>)
    }
}

/// The field's type without `Option`.
pub(crate) fn value_type(space: &TypeSpace, field: &FieldDef) -> TokenStream {
    let inner = type_of(space, field.shape);
    if field.boxed {
        quote!(::std::boxed::Box<#inner>)
    } else {
        inner
    }
}

/// Whether `Debug` must hide a value of this shape: it is sensitive itself, or it is a list or
/// map holding sensitive values at any depth. Structures hide their own sensitive members.
pub(crate) fn must_redact(space: &TypeSpace, id: ShapeId) -> bool {
    let shape = space.shape(id);
    shape.sensitive
        || match &shape.kind {
            Kind::List(item) => must_redact(space, *item),
            Kind::Map(key, value) => must_redact(space, *key) || must_redact(space, *value),
            _ => false,
        }
}

/// Markdown inline code for any text: the fence is one backtick longer than the longest run of
/// backticks inside, padded with spaces when the text starts or ends with a backtick.
pub(crate) fn code_span(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    if text.starts_with('`') || text.ends_with('`') {
        format!("{fence} {text} {fence}")
    } else {
        format!("{fence}{text}{fence}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The modules built from the type space of `model`, with a feature per operation and a
    /// reverse-serde feature, so gates and `cfg_attr`s are printed too.
    fn print_both_ways(model: &str) -> (String, String) {
        let space = TypeSpace::build(&crate::reader::read_model(model).unwrap(), None).unwrap();
        let gates = OperationGates::new(&space, true);
        let serde = serde_impls::SerdeDirections::new(Some("reverse-serde"));
        let modules = || {
            vec![
                DeferredModule {
                    header: quote!(
                        pub mod types {}
                    ),
                    items: shapes::emit_types(&space, &serde, &gates, &[]),
                },
                DeferredModule {
                    header: quote!(
                        pub mod errors {}
                    ),
                    items: errors::emit_errors(&space, &serde, &gates),
                },
                DeferredModule {
                    header: quote!(
                        pub mod operations {}
                    ),
                    items: operations::emit_operations(&space, &[], &gates),
                },
            ]
        };
        let (item_by_item, _) = render::render_deferred(modules(), || Ok(String::new()));
        let whole: String = modules().into_iter().map(render::render_whole).collect();
        (item_by_item.unwrap(), whole)
    }

    #[test]
    fn modules_print_item_by_item_on_every_core_as_whole_trees_do() {
        for model in [
            include_str!("../../tests/fixtures/representative/service-2.json"),
            include_str!("../../../spec/cognito-idp/2016-04-18/service-2.json"),
        ] {
            let (item_by_item, whole) = print_both_ways(model);
            // Compared without a diff of megabytes in the failure message.
            let first = item_by_item.lines().zip(whole.lines()).position(|(a, b)| a != b);
            assert!(item_by_item == whole, "the outputs differ, first at line {first:?}");
        }
    }

    fn gates(names: &[&str]) -> OperationGates {
        OperationGates {
            features: names.iter().map(|n| n.to_string()).collect(),
            reach: [(vec![0, 2], "_reach-ac".to_owned())].into_iter().collect(),
        }
    }

    #[test]
    fn gates_name_the_operations_that_need_an_item() {
        let gates = gates(&["a", "b", "c"]);
        assert_eq!(gates.any_of(&[1]).to_string(), quote!(#[cfg(feature = "b")]).to_string());
        // A set with an internal feature is gated on it, whatever the order given.
        assert_eq!(gates.any_of(&[2, 0]).to_string(), quote!(#[cfg(feature = "_reach-ac")]).to_string());
        assert_eq!(
            gates.any_of(&[0, 1]).to_string(),
            quote!(#[cfg(any(feature = "a", feature = "b"))]).to_string()
        );
        // Needed by every operation, or by none: always compiled.
        assert!(gates.any_of(&[0, 1, 2]).is_empty());
        assert!(gates.any_of(&[]).is_empty());
        // Without a feature per operation nothing is gated.
        assert!(OperationGates { features: Vec::new(), reach: Default::default() }.any_of(&[1]).is_empty());
    }

    #[test]
    fn module_gates_require_each_group_and_drop_groups_a_required_operation_implies() {
        let gates = gates(&["a", "b", "c", "d"]);
        let gate = gates.all_of(&[vec![0], vec![0, 3], vec![1, 2]], &[Some("client"), None], &[]);
        assert_eq!(
            gate.to_string(),
            quote!(#[cfg(all(feature = "client", feature = "a", any(feature = "b", feature = "c")))])
                .to_string()
        );
        assert_eq!(
            gates.all_of(&[], &[Some("client")], &[]).to_string(),
            quote!(#[cfg(feature = "client")]).to_string()
        );
        assert!(gates.all_of(&[], &[None], &[]).is_empty());
        // A feature that turns on operation 1 makes the groups holding it add nothing.
        assert_eq!(
            gates.all_of(&[vec![1], vec![1, 2], vec![3]], &[Some("srp")], &[1]).to_string(),
            quote!(#[cfg(all(feature = "srp", feature = "d"))]).to_string()
        );
    }

    #[test]
    fn code_spans_fence_around_backticks() {
        assert_eq!(code_span("a"), "`a`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`a"), "`` `a ``");
    }
}
