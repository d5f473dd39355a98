//! `validate()`: the model's `min`, `max` and `pattern` constraints, checked before sending.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::{ident, must_redact};
use crate::model::Bound;
use crate::typespace::{FieldDef, Kind, ShapeDef, ShapeId, StructDef, TypeSpace, UnionDef};

/// The hidden `patterns` module: one lazily compiled regex per distinct pattern.
pub(super) fn emit_patterns(space: &TypeSpace) -> Vec<TokenStream> {
    let statics = space.patterns.iter().enumerate().filter(|(_, p)| p.checked).map(|(i, p)| {
        let name = pattern_ident(i);
        let (source, anchored) = (&p.source, &p.anchored);
        quote! {
            pub(super) static #name: super::support::Pattern = super::support::Pattern::new(#source, #anchored);
        }
    });
    statics.collect()
}

fn pattern_ident(index: usize) -> Ident {
    format_ident!("PATTERN_{}", index)
}

const VALIDATE_DOC: &str = "Checks the model's length, range and pattern constraints of every member, recursively.\n\nThe first broken constraint is returned with the path of the member that breaks it.";

fn validate_methods(name: &Ident, body: TokenStream) -> TokenStream {
    let validate_doc = super::doc_attrs(VALIDATE_DOC);
    quote! {
        impl #name {
            #validate_doc
            #[inline]
            pub fn validate(&self) -> ::std::result::Result<(), super::support::ValidationError> {
                self.validate_at(&super::support::FieldPath::Root)
            }
            /// Validates this value found at `path` inside a request.
            #[doc(hidden)]
            #[inline]
            pub fn validate_at(&self, path: &super::support::FieldPath<'_>) -> ::std::result::Result<(), super::support::ValidationError> {
                #body
            }
        }
        impl super::wire::Validate for #name {
            #[inline]
            fn validate(&self) -> ::std::result::Result<(), super::support::ValidationError> {
                Self::validate(self)
            }
        }
    }
}

pub(super) fn emit_struct_validate(space: &TypeSpace, shape: &ShapeDef, def: &StructDef) -> TokenStream {
    let name = ident(&def.rust_name);
    if !shape.needs_validation {
        return validate_methods(&name, quote!(let _ = path; ::std::result::Result::Ok(())));
    }
    let checks =
        def.fields.iter().filter(|f| space.shape(f.shape).needs_validation).map(|f| field_check(space, f));
    validate_methods(&name, quote! { #(#checks)* ::std::result::Result::Ok(()) })
}

fn field_check(space: &TypeSpace, field: &FieldDef) -> TokenStream {
    let member = ident(&field.rust_name);
    let wire = &field.wire_name;
    let check = value_check(space, field.shape, 0);
    let access = if field.required {
        quote!(let value = &self.#member; #check)
    } else {
        quote!(if let ::std::option::Option::Some(value) = &self.#member { #check })
    };
    quote! {
        {
            let path = &path.field(#wire);
            #access
        }
    }
}

pub(super) fn emit_union_validate(space: &TypeSpace, shape: &ShapeDef, def: &UnionDef) -> TokenStream {
    let name = ident(&def.rust_name);
    if !shape.needs_validation || def.variants.is_empty() {
        return validate_methods(&name, quote!(let _ = path; ::std::result::Result::Ok(())));
    }
    let arms = def.variants.iter().map(|v| {
        let variant = ident(&v.rust_name);
        if space.shape(v.shape).needs_validation {
            let wire = &v.wire_name;
            let check = value_check(space, v.shape, 0);
            quote!(Self::#variant(value) => { let path = &path.field(#wire); #check })
        } else {
            quote!(Self::#variant(_) => {})
        }
    });
    validate_methods(&name, quote! { match self { #(#arms)* } ::std::result::Result::Ok(()) })
}

/// Checks of `value: &T` (a value of shape `id`) at `path`; `depth` names loop variables of
/// nested lists and maps apart.
fn value_check(space: &TypeSpace, id: ShapeId, depth: usize) -> TokenStream {
    let shape = space.shape(id);
    if !shape.needs_validation {
        return TokenStream::new();
    }
    match &shape.kind {
        Kind::String => {
            let length = length_check(shape, quote!(value.chars().count()));
            let pattern = shape.pattern.filter(|p| space.patterns[p.0].unsupported.is_none()).map(|p| {
                let name = pattern_ident(p.0);
                quote!(super::patterns::#name.check(path, value)?;)
            });
            quote!(#length #pattern)
        }
        Kind::Blob => length_check(shape, quote!(value.len())),
        Kind::Integer | Kind::Long => range_check(shape, quote!(*value as f64)),
        Kind::Float => range_check(shape, quote!(f64::from(*value))),
        Kind::Double => range_check(shape, quote!(*value)),
        Kind::List(item) => {
            let length = length_check(shape, quote!(value.len()));
            let items = space.shape(*item).needs_validation.then(|| {
                let index = format_ident!("index_{}", depth);
                let check = value_check(space, *item, depth + 1);
                quote! {
                    for (#index, value) in value.iter().enumerate() {
                        let path = &path.index(#index);
                        #check
                    }
                }
            });
            quote!(#length #items)
        }
        Kind::Map(key, item) => {
            let length = length_check(shape, quote!(value.len()));
            let (key_needs, item_needs) =
                (space.shape(*key).needs_validation, space.shape(*item).needs_validation);
            let entries = (key_needs || item_needs).then(|| {
                let key_var = format_ident!("key_{}", depth);
                let entry_path = if must_redact(space, id) || space.shape(*key).sensitive {
                    quote!(path.hidden_key())
                } else {
                    quote!(path.key(#key_var.as_str()))
                };
                let key_check = key_needs.then(|| {
                    let check = value_check(space, *key, depth + 1);
                    quote!({ let value = #key_var; #check })
                });
                let item_check = value_check(space, *item, depth + 1);
                quote! {
                    for (#key_var, value) in value {
                        let path = &#entry_path;
                        #key_check
                        #item_check
                    }
                }
            });
            quote!(#length #entries)
        }
        Kind::Struct(_) | Kind::Union(_) => quote!(value.validate_at(path)?;),
        _ => TokenStream::new(),
    }
}

fn length_check(shape: &ShapeDef, length: TokenStream) -> TokenStream {
    let min = shape.min.map(bound_as_int).filter(|m| *m > 0);
    let max = shape.max.map(bound_as_int);
    if min.is_none() && max.is_none() {
        return TokenStream::new();
    }
    let (min, max) = (option_tokens(min), option_tokens(max));
    quote!(super::support::check_length(path, #length, #min, #max)?;)
}

fn range_check(shape: &ShapeDef, value: TokenStream) -> TokenStream {
    let (min, max) = (shape.min.map(bound_as_float), shape.max.map(bound_as_float));
    if min.is_none() && max.is_none() {
        return TokenStream::new();
    }
    let (min, max) = (option_tokens(min), option_tokens(max));
    quote!(super::support::check_range(path, #value, #min, #max)?;)
}

fn bound_as_int(bound: Bound) -> i64 {
    match bound {
        Bound::Int(i) => i,
        Bound::Float(f) => f.ceil() as i64,
    }
}

fn bound_as_float(bound: Bound) -> f64 {
    match bound {
        Bound::Int(i) => i as f64,
        Bound::Float(f) => f,
    }
}

fn option_tokens<T: quote::ToTokens>(value: Option<T>) -> TokenStream {
    match value {
        Some(v) => quote!(::std::option::Option::Some(#v)),
        None => quote!(::std::option::Option::None),
    }
}
