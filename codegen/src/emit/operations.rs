//! The `operations` module: a descriptor per operation and a table of them all.

use proc_macro2::TokenStream;
use quote::quote;

use super::{deprecation_note, doc_attrs, ident, join_docs, type_of, Gated, ItemBuilder, OperationGates};
use crate::model::AuthType;
use crate::paginators::Paginator;
use crate::typespace::{HostPart, Kind, OperationDef, TypeSpace};

/// Each item with its gate: descriptors behind their operation's feature, when there is one.
pub(super) fn emit_operations<'a>(
    space: &'a TypeSpace,
    paginators: &'a [Paginator],
    gates: &'a OperationGates,
) -> Vec<ItemBuilder<'a>> {
    let table = move || {
        let infos = space.operations.iter().enumerate().map(|(i, op)| {
            let (name, target, auth) = (&op.wire_name, &op.target, auth_tokens(op.auth));
            let gate = gates.any_of(&[i]);
            quote!(#gate super::support::OperationInfo { name: #name, target: #target, auth: #auth })
        });
        Gated::ungated(quote! {
            /// Every operation of these bindings (whose feature is on), in model order.
            pub const ALL: &[super::support::OperationInfo] = &[#(#infos),*];
        })
    };
    let descriptors = space.operations.iter().enumerate().map(|(i, op)| -> ItemBuilder<'a> {
        Box::new(move || {
            let paginated = paginators.iter().find(|p| p.operation == i).map(|p| paginated(space, op, p));
            let descriptor = descriptor(space, op);
            Gated { gate: gates.any_of(&[i]), tokens: quote!(#descriptor #paginated) }
        })
    });
    let service: ItemBuilder<'a> = Box::new(move || Gated::ungated(service_info(space)));
    [service, Box::new(table)].into_iter().chain(descriptors).collect()
}

fn service_info(space: &TypeSpace) -> TokenStream {
    let s = &space.service;
    let (full_name, endpoint_prefix, signing_name) = (&s.full_name, &s.endpoint_prefix, &s.signing_name);
    let (target_prefix, json_version, api_version) = (&s.target_prefix, &s.json_version, &s.api_version);
    let service_id = &s.service_id;
    quote! {
        /// The service these bindings talk to.
        pub const SERVICE: super::support::ServiceInfo = super::support::ServiceInfo {
            full_name: #full_name,
            service_id: #service_id,
            endpoint_prefix: #endpoint_prefix,
            signing_name: #signing_name,
            target_prefix: #target_prefix,
            json_version: #json_version,
            api_version: #api_version,
        };
    }
}

fn auth_tokens(auth: AuthType) -> TokenStream {
    match auth {
        AuthType::SigV4 => quote!(super::support::AuthScheme::SigV4),
        AuthType::None => quote!(super::support::AuthScheme::None),
    }
}

fn descriptor(space: &TypeSpace, op: &OperationDef) -> TokenStream {
    let name = ident(&op.rust_name);
    let auth_note = match op.auth {
        AuthType::None => "Sent without credentials (the model marks it `authtype: none`).",
        AuthType::SigV4 => "Signed with AWS Signature Version 4.",
    };
    let docs = doc_attrs(&join_docs(&[&op.docs.markdown(), &deprecation_note(&op.deprecated), auth_note]));
    let unit = quote!(super::support::Unit);
    let input = op.input.map(|id| type_of(space, id)).unwrap_or_else(|| unit.clone());
    let output = op.output.map(|id| type_of(space, id)).unwrap_or(unit);
    let error = ident(&op.error_enum);
    let (wire, target, auth) = (&op.wire_name, &op.target, auth_tokens(op.auth));
    let host_prefix = op.host_prefix.as_ref().map(|parts| host_prefix(parts, &input));
    quote! {
        #docs
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
        pub struct #name;
        impl super::support::Operation for #name {
            const SERVICE: super::support::ServiceInfo = SERVICE;
            const NAME: &'static str = #wire;
            const TARGET: &'static str = #target;
            const AUTH: super::support::AuthScheme = #auth;
            type Input = #input;
            type Output = #output;
            type Error = super::errors::#error;
            #host_prefix
        }
    }
}

/// `Paginated` for an operation with a paginator: its token, page size and items.
fn paginated(space: &TypeSpace, op: &OperationDef, paginator: &Paginator) -> TokenStream {
    let name = ident(&op.rust_name);
    let input_token = ident(&paginator.input_token.rust_name);
    let set_token = match paginator.input_token.required {
        true => quote!(input.#input_token = token.unwrap_or_default();),
        false => quote!(input.#input_token = token;),
    };
    let output_token = ident(&paginator.output_token.rust_name);
    let next_token = match paginator.output_token.required {
        true => quote!(::std::option::Option::Some(output.#output_token.as_str())),
        false => quote!(output.#output_token.as_deref()),
    };
    let set_page_size = match &paginator.limit_key {
        Some(limit) => {
            let field = ident(&limit.rust_name);
            let value = match space.shape(limit.shape).kind {
                Kind::Long => quote!(i64::from(size)),
                _ => quote!(size),
            };
            match limit.required {
                true => quote!(input.#field = #value;),
                false => quote!(input.#field = ::std::option::Option::Some(#value);),
            }
        }
        None => quote!(let _ = (input, size);),
    };
    let primary = &paginator.result_keys[0];
    let item = match space.shape(primary.shape).kind {
        Kind::List(item) => type_of(space, item),
        // The paginators module accepts only lists as result keys.
        _ => quote!(::cognito_idp_runtime::__private::serde_json::Value),
    };
    let items = ident(&primary.rust_name);
    let into_items = match primary.required {
        true => quote!(output.#items),
        false => quote!(output.#items.unwrap_or_default()),
    };
    quote! {
        impl super::support::Paginated for #name {
            type Item = #item;
            #[inline]
            fn set_token(input: &mut Self::Input, token: ::std::option::Option<::std::string::String>) {
                #set_token
            }
            #[inline]
            fn next_token(output: &Self::Output) -> ::std::option::Option<&str> {
                #next_token
            }
            #[inline]
            fn set_page_size(input: &mut Self::Input, size: i32) {
                #set_page_size
            }
            #[inline]
            fn into_items(output: Self::Output) -> ::std::vec::Vec<Self::Item> {
                #into_items
            }
        }
    }
}

/// `Operation::host_prefix` of an operation with `endpoint.hostPrefix`: its literal text and its
/// labels, each checked as a host label.
fn host_prefix(parts: &[HostPart], input: &TokenStream) -> TokenStream {
    let pieces = parts.iter().map(|part| match part {
        HostPart::Literal(text) => quote!(prefix.push_str(#text);),
        HostPart::Label { wire_name, field, required } => {
            let field = ident(field);
            let value = match required {
                true => quote!(::std::option::Option::Some(input.#field.as_str())),
                false => quote!(input.#field.as_deref()),
            };
            quote!(prefix.push_str(super::support::host_label(#wire_name, #value)?);)
        }
    });
    // A prefix without labels does not read the input.
    let unused = (!parts.iter().any(|p| matches!(p, HostPart::Label { .. }))).then(|| quote!(let _ = input;));
    quote! {
        #[inline]
        fn host_prefix(input: &#input) -> ::std::result::Result<::std::option::Option<::std::string::String>, super::support::ValidationError> {
            #unused
            let mut prefix = ::std::string::String::new();
            #(#pieces)*
            ::std::result::Result::Ok(::std::option::Option::Some(prefix))
        }
    }
}

/// The `client` module: the runtime's client wrapped in a `Client` whose one `impl` has
/// `builder`, `call` and an async method per operation, named in snake case.
pub(super) fn emit_client_module(
    space: &TypeSpace,
    paginators: &[Paginator],
    gates: &OperationGates,
) -> Vec<TokenStream> {
    let methods = space.operations.iter().enumerate().map(|(i, op)| {
        let gate = gates.any_of(&[i]);
        let method = ident(&op.method_name);
        let descriptor = ident(&op.rust_name);
        let unit = quote!(super::support::Unit);
        let input = op.input.map(|id| type_of(space, id)).unwrap_or_else(|| unit.clone());
        let output = op.output.map(|id| type_of(space, id)).unwrap_or(unit);
        let error = ident(&op.error_enum);
        let doc = format!(" Calls [`{0}`](super::operations::{0}).", op.rust_name);
        let pages = paginators.iter().any(|p| p.operation == i).then(|| {
            let pages = ident(&format!("{}_pages", op.method_name.trim_start_matches("r#")));
            let doc = format!(
                " The pages of [`{0}`](super::operations::{0}), from `input` on: `next().await` gives each page in turn, `items().await` all their items.",
                op.rust_name
            );
            quote! {
                #[doc = #doc]
                #gate
                pub fn #pages(&self, input: #input) -> Pages<'_, super::operations::#descriptor> {
                    self.inner.pages::<super::operations::#descriptor>(input)
                }
            }
        });
        quote! {
            #[doc = #doc]
            #gate
            pub async fn #method(&self, input: &#input) -> ::std::result::Result<#output, CallError<super::errors::#error>> {
                self.call::<super::operations::#descriptor>(input).await
            }
            #pages
        }
    });
    let service = &space.service.full_name;
    let client_doc = super::doc_attrs(&format!(
        "Sends requests to {service}: a method per operation, or [`call`](Self::call) with an operation descriptor.\n\nThe runtime's client ([`cognito_idp_runtime::client::Client`]) for this service."
    ));
    let serde = quote!(::cognito_idp_runtime::__private::serde);
    vec![
        quote! {
            #[doc(inline)]
            pub use ::cognito_idp_runtime::client::{
                is_valid_endpoint, BuildError, CallError, Credentials, Exchange, Pages, ProvideCredentials,
                SharedCredentialsProvider, DEFAULT_MAX_RESPONSE_BYTES,
            };
        },
        quote! {
            /// Settings of a [`Client`], from [`Client::builder`].
            pub type ClientBuilder = ::cognito_idp_runtime::client::ClientBuilder<Client>;
        },
        quote! {
            #client_doc
            #[derive(Clone, Debug)]
            pub struct Client {
                inner: ::cognito_idp_runtime::client::Client,
            }
            impl Client {
                /// Settings for a client of the service in `region`. Credentials and the endpoint, unless
                /// given, come from the environment and the shared files as the AWS SDKs find them.
                pub fn builder(region: impl ::std::convert::Into<::std::string::String>) -> ClientBuilder {
                    ClientBuilder::new(&super::operations::SERVICE, region)
                }
                /// Settings whose region, too, comes from the environment (`AWS_REGION`,
                /// `AWS_DEFAULT_REGION`) or the profile of `~/.aws/config`.
                pub fn builder_from_env() -> ClientBuilder {
                    ClientBuilder::from_env(&super::operations::SERVICE)
                }
                /// A client configured entirely as the AWS SDKs and CLI find their settings: region,
                /// credentials and endpoint from the environment, then the profile `AWS_PROFILE` names in
                /// `~/.aws/config` and `~/.aws/credentials`.
                ///
                /// # Errors
                ///
                /// [`BuildError::NoRegion`] when no region is found; see [`ClientBuilder::build`].
                pub fn from_env() -> ::std::result::Result<Self, BuildError> {
                    Self::builder_from_env().build()
                }
                /// The URL requests go to.
                pub fn endpoint(&self) -> &str {
                    self.inner.endpoint()
                }
                /// Calls operation `Op`: validates, encodes, signs when the model says so, sends, decodes.
                pub async fn call<Op>(&self, input: &Op::Input) -> ::std::result::Result<Op::Output, CallError<Op::Error>>
                where
                    Op: super::support::Operation,
                    Op::Input: #serde::Serialize + super::wire::Validate,
                    Op::Output: #serde::de::DeserializeOwned,
                    Op::Error: super::wire::FromErrorResponse,
                {
                    self.inner.call::<Op>(input).await
                }
                #(#methods)*
            }
            impl ::std::convert::From<::cognito_idp_runtime::client::Client> for Client {
                fn from(inner: ::cognito_idp_runtime::client::Client) -> Self {
                    Self { inner }
                }
            }
        },
    ]
}
