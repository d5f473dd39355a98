//! The `types` module: structures, string enums and unions.

use proc_macro2::TokenStream;
use quote::quote;

use super::serde_impls::{self, SerdeDirections, SERDE};
use super::{
    deprecation_note, doc_attrs, field_type, ident, join_docs, must_redact, validate, Gated, ItemBuilder,
    OperationGates,
};
use crate::typespace::{EnumDef, FieldDef, Kind, ShapeDef, StructDef, TypeSpace, UnionDef};

/// Each type with its impls, gated by the operations that reach it. `extra_methods` (printed
/// tokens, which unlike token streams cross threads) go into the inherent `impl` of the struct
/// they name (`from_answer`, which the challenge module provides).
pub(super) fn emit_types<'a>(
    space: &'a TypeSpace,
    serde: &'a SerdeDirections,
    gates: &'a OperationGates,
    extra_methods: &'a [(String, String)],
) -> Vec<ItemBuilder<'a>> {
    let gated = move |shape: &'a ShapeDef, tokens: TokenStream| Gated {
        gate: gates.any_of(&shape.operations),
        tokens,
    };
    let builders =
        space.shapes.iter().filter(|s| s.included).filter_map(move |shape| -> Option<ItemBuilder<'a>> {
            match &shape.kind {
                Kind::Struct(def) => {
                    Some(Box::new(move || {
                        let extra = extra_methods.iter().filter(|(name, _)| *name == def.rust_name);
                        // Printed from tokens just before, so they parse back.
                        let extra =
                            extra.filter_map(|(_, method)| method.parse::<TokenStream>().ok()).collect();
                        gated(shape, emit_struct(space, shape, def, serde, extra))
                    }))
                }
                Kind::Enum(def) => Some(Box::new(move || gated(shape, emit_enum(shape, def)))),
                Kind::Union(def) => {
                    Some(Box::new(move || gated(shape, emit_union(space, shape, def, serde))))
                }
                _ => None,
            }
        });
    builders.collect()
}

/// Docs of a shape's item: the model's text, then deprecation.
fn shape_docs(shape: &ShapeDef, extra: &str) -> TokenStream {
    doc_attrs(&join_docs(&[&shape.docs.markdown(), &deprecation_note(&shape.deprecated), extra]))
}

pub(super) fn field_docs(space: &TypeSpace, field: &FieldDef) -> TokenStream {
    let sensitive =
        if must_redact(space, field.shape) { "*Sensitive:* hidden in `Debug` output." } else { "" };
    let idempotency = if field.idempotency_token {
        "*Idempotency token:* a unique value per logical request makes retries safe."
    } else {
        ""
    };
    let constraints = constraint_note(space, field.shape);
    doc_attrs(&join_docs(&[
        &field.docs.markdown(),
        &deprecation_note(&field.deprecated),
        &constraints,
        sensitive,
        idempotency,
    ]))
}

/// "*Constraints:* length 1 to 64, pattern `…`." for a member's own shape (inner shapes of
/// lists and maps are described by their own docs and checked by `validate()` all the same).
fn constraint_note(space: &TypeSpace, id: crate::typespace::ShapeId) -> String {
    let shape = space.shape(id);
    let mut parts = Vec::new();
    let measure = match shape.kind {
        Kind::String | Kind::Blob | Kind::List(_) | Kind::Map(..) => "length",
        Kind::Integer | Kind::Long | Kind::Float | Kind::Double => "value",
        _ => return String::new(),
    };
    let bound = |b: Option<crate::model::Bound>| {
        b.map(|b| match b {
            crate::model::Bound::Int(i) => i.to_string(),
            crate::model::Bound::Float(f) => f.to_string(),
        })
    };
    match (bound(shape.min), bound(shape.max)) {
        (Some(min), Some(max)) => parts.push(format!("{measure} {min} to {max}")),
        (Some(min), None) => parts.push(format!("{measure} at least {min}")),
        (None, Some(max)) => parts.push(format!("{measure} at most {max}")),
        (None, None) => {}
    }
    if let Some(pattern) = shape.pattern {
        let pattern_def = &space.patterns[pattern.0];
        let code = super::code_span(&pattern_def.source);
        match &pattern_def.unsupported {
            None => parts.push(format!("pattern {code}")),
            Some(_) => {
                parts.push(format!("pattern {code} (not checked: the `regex` crate cannot compile it)"))
            }
        }
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("*Constraints:* {}.", parts.join(", "))
    }
}

/// `pub` fields with docs.
pub(super) fn emit_fields(space: &TypeSpace, fields: &[FieldDef]) -> Vec<TokenStream> {
    fields
        .iter()
        .map(|field| {
            let name = ident(&field.rust_name);
            let ty = field_type(space, field);
            let docs = field_docs(space, field);
            quote! { #docs pub #name: #ty, }
        })
        .collect()
}

fn emit_struct(
    space: &TypeSpace,
    shape: &ShapeDef,
    def: &StructDef,
    serde: &SerdeDirections,
    extra_methods: TokenStream,
) -> TokenStream {
    let name = ident(&def.rust_name);
    let docs = shape_docs(shape, "");
    let fields = emit_fields(space, &def.fields);
    let derives = struct_derives(space, shape, &def.fields);
    let serde_impls = serde_impls::struct_impls(space, shape, &def.rust_name, &def.fields, false, serde);
    let debug_impl = needs_manual_debug(space, shape, &def.fields)
        .then(|| struct_debug(space, shape, &def.rust_name, &def.fields));
    let constructors = constructors(space, &def.rust_name, &def.fields);
    let (validate, validate_impl) =
        match shape.input.then(|| validate::emit_struct_validate(space, shape, def)) {
            Some(validation) => (validation.methods, validation.trait_impl),
            None => (TokenStream::new(), TokenStream::new()),
        };
    quote! {
        #docs
        #derives
        pub struct #name { #(#fields)* }
        impl #name {
            #constructors
            #validate
            #extra_methods
        }
        #debug_impl
        #serde_impls
        #validate_impl
    }
}

/// Derives of a struct: `Default` when every member is optional, `Debug` unless members must be
/// redacted (then [`struct_debug`] writes it). serde is implemented by [`serde_impls`].
pub(super) fn struct_derives(space: &TypeSpace, shape: &ShapeDef, fields: &[FieldDef]) -> TokenStream {
    let default = fields.iter().all(|f| !f.required).then(|| quote!(Default,));
    let debug = (!needs_manual_debug(space, shape, fields)).then(|| quote!(Debug,));
    quote!(#[derive(Clone, #debug #default PartialEq)])
}

pub(super) fn needs_manual_debug(space: &TypeSpace, shape: &ShapeDef, fields: &[FieldDef]) -> bool {
    shape.sensitive || fields.iter().any(|f| must_redact(space, f.shape))
}

/// `Debug` that prints the redaction marker for sensitive members (or for all of a sensitive
/// shape).
pub(super) fn struct_debug(
    space: &TypeSpace,
    shape: &ShapeDef,
    rust_name: &str,
    fields: &[FieldDef],
) -> TokenStream {
    let name = ident(rust_name);
    let body = if shape.sensitive {
        quote!(f.debug_tuple(#rust_name).field(&super::support::Redacted).finish())
    } else {
        let entries = fields.iter().map(|field| {
            let label = field.rust_name.trim_start_matches("r#");
            let member = ident(&field.rust_name);
            if must_redact(space, field.shape) {
                quote!(.field(#label, &super::support::Redacted))
            } else {
                quote!(.field(#label, &self.#member))
            }
        });
        quote!(f.debug_struct(#rust_name) #(#entries)* .finish())
    };
    quote! {
        impl ::std::fmt::Debug for #name {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result { #body }
        }
    }
}

/// `new` taking the required members in model order, and a `with_*` setter per optional one: items
/// of the type's one inherent `impl`.
pub(super) fn constructors(space: &TypeSpace, rust_name: &str, fields: &[FieldDef]) -> TokenStream {
    let required: Vec<&FieldDef> = fields.iter().filter(|f| f.required).collect();
    let params = required.iter().map(|f| {
        let param = ident(&f.rust_name);
        let ty = super::type_of(space, f.shape);
        quote!(#param: impl ::std::convert::Into<#ty>)
    });
    let inits = fields.iter().map(|f| {
        let member = ident(&f.rust_name);
        match (f.required, f.boxed) {
            (true, true) => quote!(#member: ::std::boxed::Box::new(#member.into())),
            (true, false) => quote!(#member: #member.into()),
            (false, _) => quote!(#member: ::std::option::Option::None),
        }
    });
    let new_doc = if required.is_empty() {
        format!(" Creates a `{rust_name}` with every member unset.")
    } else {
        let names: Vec<String> =
            required.iter().map(|f| format!("`{}`", f.rust_name.trim_start_matches("r#"))).collect();
        format!(
            " Creates a `{rust_name}` from its required members ({}); optional ones start unset.",
            names.join(", ")
        )
    };
    let setters = fields.iter().filter(|f| !f.required).map(|f| {
        let member = ident(&f.rust_name);
        let bare = f.rust_name.trim_start_matches("r#");
        let setter = ident(&format!("with_{bare}"));
        let ty = super::type_of(space, f.shape);
        let doc = format!(" Sets [`{bare}`](Self::{bare}).");
        let value = if f.boxed { quote!(::std::boxed::Box::new(value.into())) } else { quote!(value.into()) };
        quote! {
            #[doc = #doc]
            pub fn #setter(mut self, value: impl ::std::convert::Into<#ty>) -> Self {
                self.#member = ::std::option::Option::Some(#value);
                self
            }
        }
    });
    quote! {
        #[doc = #new_doc]
        #[inline]
        pub fn new(#(#params),*) -> Self {
            Self { #(#inits),* }
        }
        #(#setters)*
    }
}

fn emit_enum(shape: &ShapeDef, def: &EnumDef) -> TokenStream {
    let name = ident(&def.rust_name);
    let docs = shape_docs(shape, "");
    let catch_all = ident(&def.catch_all);
    let variants = def.values.iter().map(|v| {
        let variant = ident(&v.rust_name);
        let doc = format!(" `{}`", v.wire.replace('`', "'"));
        quote!(#[doc = #doc] #variant,)
    });
    let wires: Vec<&str> = def.values.iter().map(|v| v.wire.as_str()).collect();
    let idents: Vec<_> = def.values.iter().map(|v| ident(&v.rust_name)).collect();
    let catch_all_doc = " A value the model does not list, kept exactly as received.";
    let debug = if shape.sensitive {
        quote! {
            impl ::std::fmt::Debug for #name {
                #[inline]
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    ::std::fmt::Debug::fmt(&super::support::Redacted, f)
                }
            }
        }
    } else {
        quote!()
    };
    let debug_derive = (!shape.sensitive).then(|| quote!(Debug,));
    quote! {
        #docs
        #[derive(Clone, #debug_derive PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
            #[doc = #catch_all_doc]
            #catch_all(super::support::UnknownValue),
        }
        impl #name {
            /// Every value the model lists, in model order.
            pub const VALUES: &'static [&'static str] = &[#(#wires),*];
            /// The value as it appears on the wire.
            #[inline]
            pub fn as_str(&self) -> &str {
                match self {
                    #(Self::#idents => #wires,)*
                    Self::#catch_all(value) => value.as_str(),
                }
            }
        }
        impl ::std::convert::From<&str> for #name {
            #[inline]
            fn from(value: &str) -> Self {
                match value {
                    #(#wires => Self::#idents,)*
                    other => Self::#catch_all(super::support::UnknownValue::new(other)),
                }
            }
        }
        impl ::std::convert::From<::std::string::String> for #name {
            #[inline]
            fn from(value: ::std::string::String) -> Self {
                Self::from(value.as_str())
            }
        }
        impl ::std::convert::AsRef<str> for #name {
            #[inline]
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }
        impl ::std::str::FromStr for #name {
            type Err = ::std::convert::Infallible;
            #[inline]
            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                ::std::result::Result::Ok(Self::from(value))
            }
        }
        impl ::std::fmt::Display for #name {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl #SERDE::Serialize for #name {
            fn serialize<S: #SERDE::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                super::support::string_enum::serialize(self.as_str(), serializer)
            }
        }
        impl<'de> #SERDE::Deserialize<'de> for #name {
            fn deserialize<D: #SERDE::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                super::support::string_enum::deserialize(deserializer)
            }
        }
        #debug
    }
}

fn emit_union(space: &TypeSpace, shape: &ShapeDef, def: &UnionDef, serde: &SerdeDirections) -> TokenStream {
    let name = ident(&def.rust_name);
    let note = if def.event_stream {
        "An event stream: each event is one variant. The JSON protocol bindings here read and write single events; streaming transport is not generated."
    } else {
        "A union: exactly one variant is set, written on the wire as a one-member object."
    };
    let docs = shape_docs(shape, note);
    let serde_impls = serde_impls::union_impls(space, shape, def, serde);
    let redact = shape.sensitive || def.variants.iter().any(|v| must_redact(space, v.shape));
    let variants = def.variants.iter().map(|v| {
        let variant = ident(&v.rust_name);
        let mut ty = super::type_of(space, v.shape);
        if v.boxed {
            ty = quote!(::std::boxed::Box<#ty>);
        }
        let docs = doc_attrs(&v.docs.markdown());
        quote!(#docs #variant(#ty),)
    });
    let catch_all = ident(&def.catch_all);
    let catch_all_label = &def.catch_all;
    let catch_all_doc = " A member this version of the model does not list, sent by a newer service: its value is not kept. Sending it is an error.";
    let debug_derive = (!redact).then(|| quote!(Debug,));
    let debug_impl = redact.then(|| {
        let arms = def.variants.iter().map(|v| {
            let variant = ident(&v.rust_name);
            let label = &v.rust_name;
            if shape.sensitive || must_redact(space, v.shape) {
                quote!(Self::#variant(_) => f.debug_tuple(#label).field(&super::support::Redacted).finish(),)
            } else {
                quote!(Self::#variant(value) => f.debug_tuple(#label).field(value).finish(),)
            }
        });
        quote! {
            impl ::std::fmt::Debug for #name {
                #[inline]
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    match self {
                        #(#arms)*
                        Self::#catch_all => f.write_str(#catch_all_label),
                    }
                }
            }
        }
    });
    let validate = shape.input.then(|| {
        let validation = validate::emit_union_validate(space, shape, def);
        let (methods, trait_impl) = (validation.methods, validation.trait_impl);
        quote!(impl #name { #methods } #trait_impl)
    });
    quote! {
        #docs
        #[derive(Clone, #debug_derive PartialEq)]
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
            #[doc = #catch_all_doc]
            #catch_all,
        }
        #debug_impl
        #serde_impls
        #validate
    }
}
