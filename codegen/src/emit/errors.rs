//! The `errors` module: exception structures and one error enum per operation.

use proc_macro2::TokenStream;
use quote::quote;

use super::serde_impls::{self, SerdeDirections};
use super::shapes::{constructors, emit_fields, needs_manual_debug, struct_debug, struct_derives};
use super::{doc_attrs, ident, join_docs, Gated, ItemBuilder, OperationGates};
use crate::typespace::{ExceptionDef, Kind, OperationDef, ShapeDef, TypeSpace, UNMODELED};

/// Each item with its gate: exceptions by the operations that list them, error enums by theirs.
pub(super) fn emit_errors<'a>(
    space: &'a TypeSpace,
    serde: &'a SerdeDirections,
    gates: &'a OperationGates,
) -> Vec<ItemBuilder<'a>> {
    let exceptions = space.shapes.iter().filter(|s| s.included).filter_map(|shape| match &shape.kind {
        Kind::Exception(def) => Some(Box::new(move || Gated {
            gate: gates.any_of(&shape.operations),
            tokens: emit_exception(space, shape, def, serde),
        }) as ItemBuilder<'a>),
        _ => None,
    });
    let enums = space.operations.iter().enumerate().map(|(i, op)| -> ItemBuilder<'a> {
        Box::new(move || Gated { gate: gates.any_of(&[i]), tokens: emit_error_enum(space, op) })
    });
    exceptions.chain(enums).collect()
}

/// The member that carries the human-readable message, if the exception has one.
fn message_field(space: &TypeSpace, def: &ExceptionDef) -> Option<proc_macro2::Ident> {
    def.fields
        .iter()
        .find(|f| {
            f.wire_name.eq_ignore_ascii_case("message") && matches!(space.shape(f.shape).kind, Kind::String)
        })
        .map(|f| ident(&f.rust_name))
}

fn emit_exception(
    space: &TypeSpace,
    shape: &ShapeDef,
    def: &ExceptionDef,
    serde: &SerdeDirections,
) -> TokenStream {
    let name = ident(&def.rust_name);
    let kind = if def.fault { "A service fault (retrying may help)." } else { "A client error." };
    let docs = doc_attrs(&join_docs(&[&shape.docs.markdown(), kind]));
    let fields = emit_fields(space, &def.fields);
    let derives = struct_derives(space, shape, &def.fields);
    let serde_impls = serde_impls::struct_impls(space, shape, &def.rust_name, &def.fields, true, serde);
    let debug_impl = needs_manual_debug(space, shape, &def.fields)
        .then(|| struct_debug(space, shape, &def.rust_name, &def.fields));
    let constructors = constructors(space, &def.rust_name, &def.fields);
    let code = &def.code;
    let message_required =
        def.fields.iter().any(|f| f.required && f.wire_name.eq_ignore_ascii_case("message"));
    let message = match message_field(space, def) {
        Some(field) if message_required => quote!(::std::option::Option::Some(self.#field.as_str())),
        Some(field) => quote!(self.#field.as_deref()),
        None => quote!(::std::option::Option::None),
    };
    let status = match def.http_status {
        Some(status) => quote!(::std::option::Option::Some(#status)),
        None => quote!(::std::option::Option::None),
    };
    let fault = def.fault;
    quote! {
        #docs
        #derives
        pub struct #name { #(#fields)* }
        impl #name {
            /// The error code on the wire.
            pub const CODE: &'static str = #code;
            /// Whether the service, not the caller, is at fault.
            pub const FAULT: bool = #fault;
            /// The HTTP status the model gives this error, if any.
            pub const HTTP_STATUS: ::std::option::Option<u16> = #status;
            #constructors
        }
        #debug_impl
        #serde_impls
        impl super::support::ServiceError for #name {
            #[inline]
            fn code(&self) -> &str { Self::CODE }
            #[inline]
            fn message(&self) -> ::std::option::Option<&str> { #message }
            #[inline]
            fn as_std_error(&self) -> &(dyn ::std::error::Error + 'static) { self }
        }
        impl ::std::fmt::Display for #name {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                super::support::display_error(self, f)
            }
        }
        impl ::std::error::Error for #name {}
    }
}

fn emit_error_enum(space: &TypeSpace, op: &OperationDef) -> TokenStream {
    let name = ident(&op.error_enum);
    let doc = format!(" Errors of [`{0}`](super::operations::{0}).", op.rust_name);
    let unmodeled = ident(UNMODELED);
    // Exceptions live in this module, so their bare names are unambiguous here.
    let variants: Vec<_> = op.errors.iter().map(|e| ident(&e.rust_name)).collect();
    let types: Vec<_> = op.errors.iter().map(|e| exception_ident(space, e.shape)).collect();
    let variant_docs: Vec<String> = op
        .errors
        .iter()
        .zip(&types)
        .map(|(e, ty)| match first_sentence(&space.shape(e.shape).docs.markdown()) {
            Some(sentence) => format!(" [`{ty}`]: {sentence}"),
            None => format!(" [`{ty}`]."),
        })
        .collect();
    quote! {
        #[doc = #doc]
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        pub enum #name {
            #(#[doc = #variant_docs] #variants(#types),)*
            /// An error the model does not list for this operation.
            #unmodeled(super::support::UnmodeledError),
        }
        impl #name {
            /// Every error code the model lists for this operation.
            pub const CODES: &'static [&'static str] = &[#(#types::CODE),*];
            /// The error behind its common interface.
            #[inline]
            pub fn as_service_error(&self) -> &dyn super::support::ServiceError {
                match self {
                    #(Self::#variants(error) => error,)*
                    Self::#unmodeled(error) => error,
                }
            }
            /// The error code.
            #[inline]
            pub fn code(&self) -> &str {
                self.as_service_error().code()
            }
            /// The message, if the service sent one.
            #[inline]
            pub fn message(&self) -> ::std::option::Option<&str> {
                self.as_service_error().message()
            }
            /// Builds the error from its code and JSON body: the modeled exception when the code
            /// is listed, else (or when the body does not fit the exception) an unmodeled error.
            #[inline]
            pub fn from_code(code: &str, body: &[u8], status: u16) -> Self {
                // `#[inline]` above keeps the generic `map` instances out of this crate: they
                // are compiled in the program, for the operations it calls.
                match code {
                    #(#types::CODE => super::support::decode_error(code, body, status).map(Self::#variants),)*
                    _ => ::std::result::Result::Err(super::support::UnmodeledError::from_body(code, body, status)),
                }
                .unwrap_or_else(Self::#unmodeled)
            }
        }
        impl super::wire::FromErrorResponse for #name {
            #[inline]
            fn from_error_response(code: &str, body: &[u8], status: u16) -> Self {
                Self::from_code(code, body, status)
            }
        }
        impl super::support::ServiceError for #name {
            #[inline]
            fn code(&self) -> &str {
                self.as_service_error().code()
            }
            #[inline]
            fn message(&self) -> ::std::option::Option<&str> {
                self.as_service_error().message()
            }
            #[inline]
            fn as_std_error(&self) -> &(dyn ::std::error::Error + 'static) {
                self
            }
        }
        impl ::std::fmt::Display for #name {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Display::fmt(self.as_service_error(), f)
            }
        }
        impl ::std::error::Error for #name {
            #[inline]
            fn source(&self) -> ::std::option::Option<&(dyn ::std::error::Error + 'static)> {
                ::std::option::Option::Some(self.as_service_error().as_std_error())
            }
        }
    }
}

/// The first sentence of a doc text's first line, for a one-line doc.
fn first_sentence(markdown: &str) -> Option<String> {
    let line = markdown.lines().map(str::trim).find(|line| !line.is_empty())?;
    let end = line.find(". ").map_or(line.len(), |at| at + 1);
    Some(line[..end].to_owned())
}

fn exception_ident(space: &TypeSpace, id: crate::typespace::ShapeId) -> proc_macro2::Ident {
    match &space.shape(id).kind {
        Kind::Exception(e) => ident(&e.rust_name),
        _ => unreachable!("the type space keeps only exceptions as error variants"),
    }
}
