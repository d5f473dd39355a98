//! `Serialize` and `Deserialize` of structures, exceptions and unions, written out as calls into
//! the runtime's `support::structure` rather than derived.
//!
//! serde's derive expands to a field enum, a visitor and a sequence reader per type, and makes
//! every program build `syn` and `serde_derive` before serde itself; across a whole model that was
//! most of the bindings crate's build. The impls here are a line or two per member, with the
//! derive's wire behaviour (see the runtime module's docs).
//!
//! A type implements the direction it travels: `Serialize` when an input reaches it,
//! `Deserialize` when an output or error does, both when both do. The other direction (reading
//! requests, writing responses: the command line, mocks, caches) is behind a cargo feature.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::ident;
use crate::model::TimestampFormat;
use crate::typespace::{FieldDef, Kind, ShapeDef, TypeSpace, UnionDef};

/// serde as generated code names it: re-exported by the runtime crate, so the including crate
/// need not declare serde itself.
pub(super) struct SerdePath;

impl quote::ToTokens for SerdePath {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        tokens.extend(quote!(::cognito_idp_runtime::__private::serde));
    }
}

pub(super) const SERDE: SerdePath = SerdePath;

/// The runtime module the impls call.
struct StructurePath;

impl quote::ToTokens for StructurePath {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        tokens.extend(quote!(super::support::structure));
    }
}

const STRUCTURE: StructurePath = StructurePath;

/// Which serde directions each type implements.
pub(super) struct SerdeDirections {
    /// The cargo feature of the including crate that turns the other direction on, if any.
    reverse_feature: Option<String>,
}

/// Whether a type implements one direction.
enum Direction<'a> {
    Always,
    Behind(&'a str),
    Never,
}

impl SerdeDirections {
    pub(super) fn new(reverse_feature: Option<&str>) -> Self {
        Self { reverse_feature: reverse_feature.map(str::to_owned) }
    }

    /// `(serialize, deserialize)` for a shape.
    fn of(&self, shape: &ShapeDef) -> (Direction<'_>, Direction<'_>) {
        let reverse = || match &self.reverse_feature {
            Some(feature) => Direction::Behind(feature),
            None => Direction::Never,
        };
        match (shape.input, shape.output) {
            (true, false) => (Direction::Always, reverse()),
            (false, true) => (reverse(), Direction::Always),
            _ => (Direction::Always, Direction::Always),
        }
    }
}

/// `impls` under the direction's gate, or nothing.
fn gated(direction: Direction<'_>, impls: impl FnOnce() -> TokenStream) -> TokenStream {
    match direction {
        Direction::Always => impls(),
        Direction::Behind(feature) => {
            let impls = impls();
            // The renderer joins this with the item's own gate into one `#[cfg(all(…))]`.
            let mut gated = TokenStream::new();
            for item in split_items(impls) {
                gated.extend(quote!(#[cfg(feature = #feature)] #item));
            }
            gated
        }
        Direction::Never => TokenStream::new(),
    }
}

/// The items of a token stream of `impl` blocks: each ends with its brace group.
fn split_items(tokens: TokenStream) -> Vec<TokenStream> {
    let mut items = Vec::new();
    let mut current = TokenStream::new();
    for tree in tokens {
        let ends_item = matches!(&tree, proc_macro2::TokenTree::Group(g) if g.delimiter() == proc_macro2::Delimiter::Brace);
        current.extend(std::iter::once(tree));
        if ends_item {
            items.push(std::mem::take(&mut current));
        }
    }
    items
}

/// A member as the impls see it.
struct Member<'a> {
    field: &'a FieldDef,
    /// Another spelling accepted when reading (an exception's `message` / `Message`).
    alias: Option<&'static str>,
    /// The text form of a timestamp member, when not the protocol's epoch seconds.
    text_timestamp: Option<TokenStream>,
    /// Whether the member is or holds floats or doubles, which AWS JSON writes as `"NaN"`,
    /// `"Infinity"`, `"-Infinity"` when they are not finite.
    floats: FloatForm,
}

/// Where a member's floats are.
#[derive(Clone, Copy, PartialEq, Eq)]
enum FloatForm {
    None,
    /// The member is a float or double.
    Direct,
    /// The member is a list or map with floats or doubles inside, at any depth.
    Inside,
}

/// Where the floats of values of `shape` are (none behind a box: boxes hold structures).
fn float_form(space: &TypeSpace, shape: crate::typespace::ShapeId, boxed: bool) -> FloatForm {
    /// Lists and maps nest only as deep as the model writes them; the bound guards a malformed
    /// type space.
    fn holds_floats(space: &TypeSpace, shape: crate::typespace::ShapeId, depth: usize) -> bool {
        match space.shape(shape).kind {
            Kind::Float | Kind::Double => true,
            Kind::List(member) | Kind::Map(_, member) if depth < 64 => holds_floats(space, member, depth + 1),
            _ => false,
        }
    }
    match space.shape(shape).kind {
        _ if boxed => FloatForm::None,
        Kind::Float | Kind::Double => FloatForm::Direct,
        _ if holds_floats(space, shape, 0) => FloatForm::Inside,
        _ => FloatForm::None,
    }
}

fn members<'a>(space: &TypeSpace, fields: &'a [FieldDef], message_alias: bool) -> Vec<Member<'a>> {
    fields
        .iter()
        .map(|field| {
            let is_timestamp = matches!(space.shape(field.shape).kind, Kind::Timestamp) && !field.boxed;
            let text_timestamp = match field.timestamp_format {
                _ if !is_timestamp => None,
                TimestampFormat::EpochSeconds => None,
                TimestampFormat::Iso8601 => Some(quote!(#STRUCTURE::TimestampText::DateTime)),
                TimestampFormat::Rfc822 => Some(quote!(#STRUCTURE::TimestampText::HttpDate)),
            };
            let alias = message_alias.then(|| message_alias_of(&field.wire_name)).flatten();
            let floats = float_form(space, field.shape, field.boxed);
            Member { field, alias, text_timestamp, floats }
        })
        .collect()
}

/// AWS sends an exception's message as `message` or `Message`; accept the other spelling too.
fn message_alias_of(wire: &str) -> Option<&'static str> {
    match wire {
        "message" => Some("Message"),
        "Message" => Some("message"),
        _ => None,
    }
}

/// The serde impls of a structure or exception named `rust_name`.
pub(super) fn struct_impls(
    space: &TypeSpace,
    shape: &ShapeDef,
    rust_name: &str,
    fields: &[FieldDef],
    message_alias: bool,
    directions: &SerdeDirections,
) -> TokenStream {
    let members = members(space, fields, message_alias);
    let (serialize, deserialize) = directions.of(shape);
    let serialize = gated(serialize, || struct_serialize(rust_name, &members));
    let deserialize = gated(deserialize, || struct_deserialize(rust_name, &members));
    quote!(#serialize #deserialize)
}

fn struct_serialize(rust_name: &str, members: &[Member<'_>]) -> TokenStream {
    let name = ident(rust_name);
    // An upper bound of the members written: unset optional ones are skipped.
    let count = proc_macro2::Literal::usize_unsuffixed(members.len());
    let writes = members.iter().map(|member| {
        let wire = &member.field.wire_name;
        let field = ident(&member.field.rust_name);
        match (&member.text_timestamp, member.field.required) {
            (None, true) if member.floats == FloatForm::Direct => {
                quote!(out.required(#wire, &#STRUCTURE::Float(self.#field));)
            }
            (None, false) if member.floats == FloatForm::Direct => {
                quote!(out.optional(#wire, &self.#field.map(#STRUCTURE::Float));)
            }
            (None, true) if member.floats == FloatForm::Inside => {
                quote!(out.required(#wire, &#STRUCTURE::Floats(&self.#field));)
            }
            (None, false) if member.floats == FloatForm::Inside => {
                quote!(out.optional(#wire, &self.#field.as_ref().map(#STRUCTURE::Floats));)
            }
            (None, true) => quote!(out.required(#wire, &self.#field);),
            (None, false) => quote!(out.optional(#wire, &self.#field);),
            (Some(format), true) => quote!(out.required_timestamp(#wire, &self.#field, #format);),
            (Some(format), false) => quote!(out.optional_timestamp(#wire, &self.#field, #format);),
        }
    });
    let body = match members.is_empty() {
        true => quote!(#STRUCTURE::writer(serializer, #rust_name, 0)?.end()),
        false => quote! {
            let mut out = #STRUCTURE::writer(serializer, #rust_name, #count)?;
            #(#writes)*
            out.end()
        },
    };
    quote! {
        impl #SERDE::Serialize for #name {
            fn serialize<S: #SERDE::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                #body
            }
        }
    }
}

/// A local name that no member's local takes.
fn free_name(members: &[Member<'_>], candidates: &[&'static str]) -> Ident {
    let taken = |name: &str| members.iter().any(|m| m.field.rust_name.trim_start_matches("r#") == name);
    let name = candidates.iter().find(|name| !taken(name)).copied().unwrap_or(candidates[0]);
    ident(name)
}

/// Reads into `Self::default()` when every member is optional, else into a local per member
/// (named as the member) from which `Self` is built.
fn struct_deserialize(rust_name: &str, members: &[Member<'_>]) -> TokenStream {
    let name = ident(rust_name);
    let all_optional = members.iter().all(|m| !m.field.required);
    // The map and key take names no member's local has.
    let map = free_name(members, &["map", "members", "input", "object"]);
    let key = free_name(members, &["key", "member_name", "wire_name", "json_key"]);
    let value = ident("value");
    let slot = |member: &Member<'_>| {
        let field = ident(&member.field.rust_name);
        match all_optional {
            true => quote!(&mut #value.#field),
            false => quote!(&mut #field),
        }
    };
    let arms = members.iter().map(|member| {
        let wire = &member.field.wire_name;
        let pattern = match member.alias {
            Some(alias) => quote!(#wire | #alias),
            None => quote!(#wire),
        };
        let slot = slot(member);
        match &member.text_timestamp {
            None if member.floats == FloatForm::Direct => quote!(#pattern => #map.read_float(#slot),),
            None if member.floats == FloatForm::Inside => quote!(#pattern => #map.read_floats(#slot),),
            None => quote!(#pattern => #map.read(#slot),),
            Some(format) => quote!(#pattern => #map.read_timestamp(#slot, #format),),
        }
    });
    let read_loop = quote! {
        while let ::std::option::Option::Some(#key) = #map.next_key()? {
            match #key.as_str() {
                #(#arms)*
                _ => #map.skip_value(),
            }?;
        }
    };
    let body = if members.is_empty() {
        quote! {
            while #map.next_key()?.is_some() {
                #map.skip_value()?;
            }
            ::std::result::Result::Ok(Self {})
        }
    } else if all_optional {
        quote! {
            let mut #value = Self::default();
            #read_loop
            ::std::result::Result::Ok(#value)
        }
    } else {
        let locals = members.iter().map(|m| ident(&m.field.rust_name));
        let inits = members.iter().map(|member| {
            let local = ident(&member.field.rust_name);
            let wire = &member.field.wire_name;
            match member.field.required {
                true => quote!(#local: #map.required(#local, #wire)?),
                false => quote!(#local),
            }
        });
        quote! {
            #(let mut #locals = ::std::option::Option::None;)*
            #read_loop
            ::std::result::Result::Ok(Self { #(#inits),* })
        }
    };
    quote! {
        impl<'de> #SERDE::Deserialize<'de> for #name {
            fn deserialize<D: #SERDE::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                #STRUCTURE::deserialize(deserializer, #rust_name)
            }
        }
        impl<'de> #STRUCTURE::ReadMembers<'de> for #name {
            fn read_members<A: #SERDE::de::MapAccess<'de>>(#map: &mut #STRUCTURE::Members<A>) -> ::std::result::Result<Self, A::Error> {
                #body
            }
        }
    }
}

/// The serde impls of a union: a one-member object on the wire.
pub(super) fn union_impls(
    space: &TypeSpace,
    shape: &ShapeDef,
    def: &UnionDef,
    directions: &SerdeDirections,
) -> TokenStream {
    let floats: Vec<FloatForm> = def.variants.iter().map(|v| float_form(space, v.shape, v.boxed)).collect();
    let (serialize, deserialize) = directions.of(shape);
    let serialize = gated(serialize, || union_serialize(def, &floats));
    let deserialize = gated(deserialize, || union_deserialize(def, &floats));
    quote!(#serialize #deserialize)
}

fn union_serialize(def: &UnionDef, floats: &[FloatForm]) -> TokenStream {
    let name = ident(&def.rust_name);
    let rust_name = &def.rust_name;
    let catch_all = ident(&def.catch_all);
    let arms = def.variants.iter().zip(floats).enumerate().map(|(index, (variant, float))| {
        let index = proc_macro2::Literal::u32_unsuffixed(u32::try_from(index).unwrap_or(u32::MAX));
        let name = ident(&variant.rust_name);
        let wire = &variant.wire_name;
        let value = match float {
            FloatForm::Direct => quote!(&#STRUCTURE::Float(*value)),
            FloatForm::Inside => quote!(&#STRUCTURE::Floats(value)),
            FloatForm::None => quote!(value),
        };
        quote!(Self::#name(value) => serializer.serialize_newtype_variant(#rust_name, #index, #wire, #value),)
    });
    let unknown = format!("union {rust_name} has a member this version does not know: it cannot be sent");
    quote! {
        impl #SERDE::Serialize for #name {
            fn serialize<S: #SERDE::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                match self {
                    #(#arms)*
                    Self::#catch_all => ::std::result::Result::Err(<S::Error as #SERDE::ser::Error>::custom(#unknown)),
                }
            }
        }
    }
}

/// Reads the one member; one the model does not list is skipped and becomes the catch-all.
fn union_deserialize(def: &UnionDef, floats: &[FloatForm]) -> TokenStream {
    let name = ident(&def.rust_name);
    let rust_name = &def.rust_name;
    let catch_all = ident(&def.catch_all);
    let arms = def.variants.iter().zip(floats).map(|(variant, float)| {
        let name = ident(&variant.rust_name);
        let wire = &variant.wire_name;
        match float {
            FloatForm::Direct => quote!(#wire => Self::#name(map.value::<#STRUCTURE::Float<_>>()?.0),),
            FloatForm::Inside => quote!(#wire => Self::#name(map.value::<#STRUCTURE::Floats<_>>()?.0),),
            FloatForm::None => quote!(#wire => Self::#name(map.value()?),),
        }
    });
    quote! {
        impl<'de> #SERDE::Deserialize<'de> for #name {
            fn deserialize<D: #SERDE::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                #STRUCTURE::deserialize(deserializer, #rust_name)
            }
        }
        impl<'de> #STRUCTURE::ReadMembers<'de> for #name {
            fn read_members<A: #SERDE::de::MapAccess<'de>>(map: &mut #STRUCTURE::Members<A>) -> ::std::result::Result<Self, A::Error> {
                let value = match map.union_key()?.as_str() {
                    #(#arms)*
                    _ => {
                        map.skip_value()?;
                        Self::#catch_all
                    }
                };
                map.end_of_union()?;
                ::std::result::Result::Ok(value)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_items_splits_after_each_block() {
        let items = split_items(quote!(impl A for B { fn f() {} } impl<'de> C<'de> for B {}));
        let items: Vec<String> = items.iter().map(ToString::to_string).collect();
        assert_eq!(items, ["impl A for B { fn f () { } }", "impl < 'de > C < 'de > for B { }"]);
    }
}
