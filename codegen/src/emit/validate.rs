//! `validate()`: the model's `min`, `max` and `pattern` constraints, checked before sending.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::{ident, must_redact};
use crate::typespace::{FieldDef, Kind, RuleKind, ShapeDef, ShapeId, StructDef, TypeSpace, UnionDef};

/// The hidden `constraints` module: one lazily compiled regex per distinct pattern, and one
/// static per constrained request shape holding its bounds and pattern, which `validate()`
/// checks every member of that shape against.
pub(super) fn emit_constraints(space: &TypeSpace) -> Vec<TokenStream> {
    let patterns = space.patterns.iter().filter(|p| p.checked).map(|p| {
        let name = ident(&p.name);
        let (source, anchored) = (&p.source, &p.anchored);
        quote! {
            pub(super) static #name: super::support::Pattern = super::support::Pattern::new(#source, #anchored);
        }
    });
    let checked = checked_shapes(space);
    let rules = space.shapes.iter().zip(checked).filter(|(_, checked)| *checked).filter_map(|(shape, _)| {
        let name = ident(rule_of(space, shape)?);
        let length = || {
            let (min, max) = shape.length_bounds();
            let (min, max) = (option_tokens(min), option_tokens(max));
            quote!(super::support::LengthRule { min: #min, max: #max })
        };
        Some(match shape.rule_kind()? {
            RuleKind::Text => {
                let length = length();
                let pattern = option_tokens(shape.checked_pattern(&space.patterns).map(|p| {
                    let pattern = ident(&space.patterns[p.0].name);
                    quote!(&#pattern)
                }));
                quote! {
                    pub(super) static #name: super::support::TextRule =
                        super::support::TextRule { length: #length, pattern: #pattern };
                }
            }
            RuleKind::Length => {
                let length = length();
                quote!(pub(super) static #name: super::support::LengthRule = #length;)
            }
            RuleKind::Range => {
                let (min, max) = shape.range_bounds();
                let (min, max) = (option_tokens(min), option_tokens(max));
                quote! {
                    pub(super) static #name: super::support::RangeRule =
                        super::support::RangeRule { min: #min, max: #max };
                }
            }
        })
    });
    patterns.chain(rules).collect()
}

/// Which shapes some emitted `validate()` checks values of: what members of request structures
/// and unions hold, through lists and maps (structures inside check themselves).
fn checked_shapes(space: &TypeSpace) -> Vec<bool> {
    let members = |shape: &ShapeDef| -> Vec<ShapeId> {
        match &shape.kind {
            Kind::Struct(def) => def.fields.iter().map(|f| f.shape).collect(),
            Kind::Union(def) => def.variants.iter().map(|v| v.shape).collect(),
            _ => Vec::new(),
        }
    };
    let mut pending: Vec<ShapeId> =
        space.shapes.iter().filter(|s| s.included && s.input).flat_map(members).collect();
    let mut checked = vec![false; space.shapes.len()];
    while let Some(id) = pending.pop() {
        let shape = space.shape(id);
        if !shape.needs_validation || std::mem::replace(&mut checked[id.0], true) {
            continue;
        }
        match &shape.kind {
            Kind::List(item) => pending.push(*item),
            Kind::Map(key, item) => pending.extend([*key, *item]),
            _ => {}
        }
    }
    checked
}

/// The name of the static `validate()` checks a value of `shape` against, if it checks any.
fn rule_of<'s>(space: &TypeSpace, shape: &'s ShapeDef) -> Option<&'s str> {
    let checked = shape.included && shape.has_own_check(&space.patterns);
    shape.rule.as_deref().filter(|_| checked)
}

const VALIDATE_DOC: &str = "Checks the model's length, range and pattern constraints of every member, recursively.\n\nThe first broken constraint is returned with the path of the member that breaks it.";

/// A type's validation: its inherent `validate` and `validate_at` (for the type's one `impl`
/// block), and its `wire::Validate` impl.
pub(super) struct Validation {
    pub(super) methods: TokenStream,
    pub(super) trait_impl: TokenStream,
}

fn validate_methods(name: &Ident, body: TokenStream) -> Validation {
    let validate_doc = super::doc_attrs(VALIDATE_DOC);
    Validation {
        methods: quote! {
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
        },
        trait_impl: quote! {
            impl super::wire::Validate for #name {
                #[inline]
                fn validate(&self) -> ::std::result::Result<(), super::support::ValidationError> {
                    Self::validate(self)
                }
            }
        },
    }
}

pub(super) fn emit_struct_validate(space: &TypeSpace, shape: &ShapeDef, def: &StructDef) -> Validation {
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

pub(super) fn emit_union_validate(space: &TypeSpace, shape: &ShapeDef, def: &UnionDef) -> Validation {
    let name = ident(&def.rust_name);
    if !shape.needs_validation {
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
    let catch_all = ident(&def.catch_all);
    validate_methods(
        &name,
        quote! { match self { #(#arms)* Self::#catch_all => {} } ::std::result::Result::Ok(()) },
    )
}

/// Checks of `value: &T` (a value of shape `id`) at `path`; `depth` names loop variables of
/// nested lists and maps apart.
fn value_check(space: &TypeSpace, id: ShapeId, depth: usize) -> TokenStream {
    let shape = space.shape(id);
    if !shape.needs_validation {
        return TokenStream::new();
    }
    let rule = rule_of(space, shape).zip(shape.rule_kind()).map(|(name, kind)| {
        let name = ident(name);
        let checked = match (kind, &shape.kind) {
            (RuleKind::Text, _) => quote!(value),
            (RuleKind::Length, _) => quote!(value.len()),
            (RuleKind::Range, Kind::Float) => quote!(f64::from(*value)),
            (RuleKind::Range, Kind::Double) => quote!(*value),
            (RuleKind::Range, _) => quote!(*value as f64),
        };
        quote!(super::constraints::#name.check(path, #checked)?;)
    });
    match &shape.kind {
        Kind::List(item) => {
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
            quote!(#rule #items)
        }
        Kind::Map(key, item) => {
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
            quote!(#rule #entries)
        }
        Kind::Struct(_) | Kind::Union(_) => quote!(value.validate_at(path)?;),
        _ => quote!(#rule),
    }
}

fn option_tokens<T: quote::ToTokens>(value: Option<T>) -> TokenStream {
    match value {
        Some(v) => quote!(::std::option::Option::Some(#v)),
        None => quote!(::std::option::Option::None),
    }
}
