//! Turns emitted tokens into formatted text, one item at a time and on every core.
//!
//! Each item is parsed and printed on its own, inside a one-item module so that prettyplease
//! indents and wraps it exactly as it would inside the real module. Printing a whole module's
//! syntax tree at once kept tens of megabytes alive, and malloc and the page-fault handler took
//! about a third of the time. Token streams cannot cross threads, so the items built from the
//! type space travel as the functions that build them, and come back as text.

use std::sync::atomic::{AtomicUsize, Ordering};

use proc_macro2::TokenStream;

/// Items that come and go together (a type and its impls), with the `#[cfg]` gate put on each
/// of them (empty tokens: none).
pub(crate) struct Gated {
    pub(crate) gate: TokenStream,
    pub(crate) tokens: TokenStream,
}

impl Gated {
    pub(crate) fn ungated(tokens: TokenStream) -> Self {
        Self { gate: TokenStream::new(), tokens }
    }
}

/// Builds one [`Gated`] on the thread that renders it.
pub(crate) type ItemBuilder<'a> = Box<dyn Fn() -> Gated + Sync + 'a>;

/// A module whose items are built where they are rendered: its header (attributes and an empty
/// `mod`) and its items, in output order.
pub(crate) struct DeferredModule<'a> {
    pub(crate) header: TokenStream,
    pub(crate) items: Vec<ItemBuilder<'a>>,
}

/// Renders `modules` on every available core while the calling thread first runs `local`
/// (the modules whose tokens are at hand) and then joins in. The text of each module comes
/// back in order, so the output does not depend on the number of threads.
pub(crate) fn render_deferred(
    modules: Vec<DeferredModule<'_>>,
    local: impl FnOnce() -> Result<String, String>,
) -> (Result<String, String>, Result<String, String>) {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    render_deferred_on(threads, modules, local)
}

/// [`render_deferred`] on `threads` threads, the calling one included. A panic while building
/// or printing an item (a bug) becomes that item's error, on whichever thread it happens.
fn render_deferred_on(
    threads: usize,
    modules: Vec<DeferredModule<'_>>,
    local: impl FnOnce() -> Result<String, String>,
) -> (Result<String, String>, Result<String, String>) {
    use std::panic::{catch_unwind, AssertUnwindSafe};
    let jobs: Vec<&ItemBuilder<'_>> = modules.iter().flat_map(|m| &m.items).collect();
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(build) = jobs.get(index) else { return done };
            let text = catch_unwind(AssertUnwindSafe(|| render_gated(build())))
                .unwrap_or_else(|_| Err(format!("emitting item {index} panicked")));
            done.push((index, text));
        }
    };
    let helpers = threads.saturating_sub(1).min(jobs.len());
    let (local_result, rendered) = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..helpers).map(|_| scope.spawn(work)).collect();
        let local_result = catch_unwind(AssertUnwindSafe(local))
            .unwrap_or_else(|_| Err("emitting a module panicked".into()));
        let mut rendered = work();
        for handle in handles {
            // `work` catches panics, so joining cannot fail; were it to, the item count says so.
            rendered.extend(handle.join().unwrap_or_default());
        }
        (local_result, rendered)
    });
    let mut texts: Vec<Option<Result<String, String>>> = (0..jobs.len()).map(|_| None).collect();
    for (index, text) in rendered {
        texts[index] = Some(text);
    }
    let mut texts = texts.into_iter();
    let mut out = String::new();
    for module in &modules {
        let frame = match module_frame(module.header.clone()) {
            Ok(frame) => frame,
            Err(error) => return (Err(error), local_result),
        };
        let mut items = String::new();
        for _ in 0..module.items.len() {
            match texts.next().flatten() {
                Some(Ok(text)) => items.push_str(&text),
                Some(Err(error)) => return (Err(error), local_result),
                None => return (Err("an emitter thread lost an item".to_string()), local_result),
            }
        }
        out.push_str(&frame.wrap(&items));
    }
    (Ok(out), local_result)
}

/// Renders a module whose items are at hand, on the calling thread.
pub(crate) fn render_module(header: TokenStream, items: Vec<Gated>) -> Result<String, String> {
    let frame = module_frame(header)?;
    let items = items.into_iter().map(render_gated).collect::<Result<String, String>>()?;
    Ok(frame.wrap(&items))
}

/// Items already parsed (a runtime source file's), as text.
pub(crate) fn render_parsed_module_items(items: Vec<syn::Item>) -> Result<String, String> {
    items.into_iter().map(|item| render_items(vec![item])).collect()
}

/// The items `tokens` hold, as text.
pub(crate) fn render_items_of(tokens: TokenStream) -> Result<String, String> {
    render_gated(Gated::ungated(tokens))
}

/// A module printed around its items.
pub(crate) struct Frame {
    /// Attributes, `mod name {` and inner attributes (`//!` docs).
    open: String,
    /// The module printed with no items.
    empty: String,
}

impl Frame {
    /// The module around `items` (printed items, as [`render_items`] gives them).
    pub(crate) fn wrap(&self, items: &str) -> String {
        match items.is_empty() {
            true => self.empty.clone(),
            false => format!("{}{items}}}\n", self.open),
        }
    }
}

/// Prints a module header (`attributes mod name {}`, possibly with inner attributes between
/// the braces) as a [`Frame`]. The lints allowed are those model-shaped code trips by design:
/// constructors take every required member, error enums name their variants after
/// exceptions, and unions hold structures of any size.
pub(crate) fn module_frame(header: TokenStream) -> Result<Frame, String> {
    let mut module: syn::ItemMod =
        syn::parse2(header).map_err(|e| format!("module header does not parse: {e}"))?;
    module.attrs.push(module_lints());
    module.content = Some((Default::default(), Vec::new()));
    module.semi = None;
    let empty = prettyplease::unparse(&file_of(syn::Item::Mod(module)));
    let open = match empty.strip_suffix("{}\n") {
        Some(head) => format!("{head}{{\n"),
        None => {
            empty.strip_suffix("}\n").ok_or("a module header printed without its closing brace")?.to_owned()
        }
    };
    Ok(Frame { open, empty })
}

/// The lints every emitted module allows.
fn module_lints() -> syn::Attribute {
    syn::parse_quote!(#[allow(clippy::too_many_arguments, clippy::enum_variant_names, clippy::large_enum_variant)])
}

/// Outer attributes (a module's `#[cfg]` gate) as printed in front of an item.
pub(crate) fn render_attributes(attributes: TokenStream) -> Result<String, String> {
    let holder: syn::ItemMod = syn::parse2(quote::quote!(#attributes mod m {}))
        .map_err(|e| format!("attributes do not parse: {e}"))?;
    let text = prettyplease::unparse(&file_of(syn::Item::Mod(holder)));
    text.strip_suffix("mod m {}\n")
        .map(str::to_owned)
        .ok_or_else(|| format!("attributes printed unexpectedly: {text}"))
}

/// One [`Gated`] as text, indented as an item of a module.
fn render_gated(gated: Gated) -> Result<String, String> {
    render_items(parse_gated(gated)?)
}

/// The items of a [`Gated`], each carrying its gate after its doc comment.
fn parse_gated(Gated { gate, tokens }: Gated) -> Result<Vec<syn::Item>, String> {
    use syn::parse::Parser;
    let file: syn::File = syn::parse2(tokens).map_err(|e| format!("emitted code does not parse: {e}"))?;
    let mut items = file.items;
    if !gate.is_empty() {
        let gate =
            syn::Attribute::parse_outer.parse2(gate).map_err(|e| format!("gate does not parse: {e}"))?;
        for item in &mut items {
            let attrs =
                item_attrs(item).ok_or_else(|| "emitted an item that cannot carry a #[cfg]".to_string())?;
            // An item with a condition of its own (an impl behind `reverse-serde`) gets one line
            // with both.
            if let Some(own) = attrs.iter_mut().find(|attr| attr.path().is_ident("cfg")) {
                *own = cfg_all(&gate, own)?;
                continue;
            }
            // After the doc comment, as hand-written code puts it.
            let after_docs = attrs.iter().take_while(|attr| attr.path().is_ident("doc")).count();
            attrs.splice(after_docs..after_docs, gate.iter().cloned());
        }
    }
    Ok(items)
}

/// `#[cfg(all(gate, own))]` from a gate of one `#[cfg]` and an item's own `#[cfg]`.
fn cfg_all(gate: &[syn::Attribute], own: &syn::Attribute) -> Result<syn::Attribute, String> {
    let predicate = |attr: &syn::Attribute| attr.parse_args::<proc_macro2::TokenStream>().ok();
    match (gate, predicate(own)) {
        ([gate], Some(own)) if gate.path().is_ident("cfg") => {
            let gate = predicate(gate).ok_or("a gate is not a #[cfg(…)]")?;
            Ok(syn::parse_quote!(#[cfg(all(#gate, #own))]))
        }
        _ => Err("a gate or an item's own #[cfg] is not a single #[cfg(…)]".to_string()),
    }
}

/// A deferred module printed the plain way, its whole tree at once, on this thread: what
/// [`render_deferred`] must match.
#[cfg(test)]
pub(crate) fn render_whole(module: DeferredModule<'_>) -> String {
    let mut whole: syn::ItemMod = syn::parse2(module.header).unwrap();
    whole.attrs.push(module_lints());
    let items = module.items.iter().flat_map(|build| parse_gated(build()).unwrap()).collect();
    whole.content = Some((Default::default(), items));
    one_line_gates(&prettyplease::unparse(&file_of(syn::Item::Mod(whole))))
}

/// Items as text, indented as items of a module.
fn render_items(items: Vec<syn::Item>) -> Result<String, String> {
    let holder = syn::ItemMod {
        attrs: Vec::new(),
        vis: syn::Visibility::Inherited,
        unsafety: None,
        mod_token: Default::default(),
        ident: syn::Ident::new("m", proc_macro2::Span::call_site()),
        content: Some((Default::default(), items)),
        semi: None,
    };
    let text = prettyplease::unparse(&file_of(syn::Item::Mod(holder)));
    if text == "mod m {}\n" {
        return Ok(String::new()); // there were no items
    }
    match text.strip_prefix("mod m {\n").and_then(|body| body.strip_suffix("}\n")) {
        Some(body) => Ok(one_line_gates(body)),
        None => Err(format!("items printed outside their module: {text}")),
    }
}

/// `#[cfg(…)]` attributes that prettyplease broke over several lines, each joined back into one
/// (a gate of a long operation feature and `reverse-serde` runs a few columns past its margin).
fn one_line_gates(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if line.trim_start() != "#[cfg(" {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        out.push_str(line);
        for part in lines.by_ref() {
            let part = part.trim();
            if out.ends_with(',') {
                out.push(' ');
            }
            out.push_str(part);
            if part == ")]" {
                break;
            }
        }
        out.push('\n');
    }
    out
}

fn file_of(item: syn::Item) -> syn::File {
    syn::File { shebang: None, attrs: Vec::new(), items: vec![item] }
}

/// The attributes of the kinds of items the emitter writes.
fn item_attrs(item: &mut syn::Item) -> Option<&mut Vec<syn::Attribute>> {
    Some(match item {
        syn::Item::Const(item) => &mut item.attrs,
        syn::Item::Enum(item) => &mut item.attrs,
        syn::Item::Fn(item) => &mut item.attrs,
        syn::Item::Impl(item) => &mut item.attrs,
        syn::Item::Macro(item) => &mut item.attrs,
        syn::Item::Mod(item) => &mut item.attrs,
        syn::Item::Static(item) => &mut item.attrs,
        syn::Item::Struct(item) => &mut item.attrs,
        syn::Item::Trait(item) => &mut item.attrs,
        syn::Item::Type(item) => &mut item.attrs,
        syn::Item::Use(item) => &mut item.attrs,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::*;

    #[test]
    fn gates_printed_over_several_lines_are_joined() {
        let text = "    #[cfg(\n        all(\n            feature = \"a\",\n            feature = \"b\"\n        )\n    )]\n    impl X for Y {}\n";
        assert_eq!(
            one_line_gates(text),
            "    #[cfg(all(feature = \"a\", feature = \"b\"))]\n    impl X for Y {}\n"
        );
        assert_eq!(one_line_gates("    #[cfg(feature = \"a\")]\n"), "    #[cfg(feature = \"a\")]\n");
    }

    fn deferred(items: Vec<TokenStream>) -> DeferredModule<'static> {
        let builders = items
            .into_iter()
            .map(|tokens| {
                let text = tokens.to_string();
                Box::new(move || Gated::ungated(text.parse().unwrap())) as ItemBuilder<'static>
            })
            .collect();
        DeferredModule {
            header: quote!(
                pub mod m {}
            ),
            items: builders,
        }
    }

    #[test]
    fn item_by_item_prints_as_the_whole_module_does() {
        let items = vec![
            quote!(
                #[doc = " A long one."]
                pub struct A {
                    pub field_with_a_long_name: ::std::option::Option<
                        ::std::collections::HashMap<::std::string::String, ::std::vec::Vec<u8>>,
                    >,
                }
            ),
            quote!(impl A { pub fn f(&self) -> bool { true } } pub const B: u8 = 1;),
            quote!(
                pub mod inner {
                    pub fn g() {}
                }
            ),
        ];
        let header = quote!(
            #[doc = " Docs."]
            pub mod m {}
        );
        let mut whole: syn::ItemMod = syn::parse2(header.clone()).unwrap();
        whole.attrs.push(module_lints());
        let parsed = items.iter().flat_map(|t| syn::parse2::<syn::File>(t.clone()).unwrap().items).collect();
        whole.content = Some((Default::default(), parsed));
        let expected = prettyplease::unparse(&file_of(syn::Item::Mod(whole)));
        let rendered = render_module(header, items.into_iter().map(Gated::ungated).collect()).unwrap();
        assert_eq!(rendered, expected);
    }

    #[test]
    fn a_module_without_items_prints_as_prettyplease_prints_it() {
        assert_eq!(
            render_module(
                quote!(
                    mod m {}
                ),
                Vec::new()
            )
            .unwrap()
            .lines()
            .last(),
            Some("mod m {}")
        );
        let (text, _) = render_deferred(vec![deferred(Vec::new())], || Ok(String::new()));
        assert!(text.unwrap().ends_with("pub mod m {}\n"));
    }

    #[test]
    fn inner_docs_stay_before_the_items() {
        let rendered = render_module(
            quote!(
                pub mod m {
                    #![doc = " Inner."]
                }
            ),
            vec![Gated::ungated(quote!(
                fn f() {}
            ))],
        )
        .unwrap();
        assert!(rendered.contains("pub mod m {\n    //! Inner.\n    fn f() {}\n}\n"), "{rendered}");
    }

    #[test]
    fn gates_go_on_every_item() {
        let gated = Gated { gate: quote!(#[cfg(feature = "x")]), tokens: quote!(struct A; impl A {}) };
        let text = render_gated(gated).unwrap();
        assert_eq!(text.matches("#[cfg(feature = \"x\")]").count(), 2, "{text}");
        let documented = Gated {
            gate: quote!(#[cfg(feature = "x")]),
            tokens: quote!(
                #[doc = " A."]
                #[derive(Clone)]
                struct A;
            ),
        };
        let text = render_gated(documented).unwrap();
        assert_eq!(text, "    /// A.\n    #[cfg(feature = \"x\")]\n    #[derive(Clone)]\n    struct A;\n");
    }

    #[test]
    fn deferred_modules_come_back_in_order_with_the_local_result() {
        let modules = vec![
            deferred(
                (0..50u32).map(|i| quote::format_ident!("A{}", i)).map(|n| quote!(pub struct #n;)).collect(),
            ),
            deferred(vec![quote!(
                pub fn last() {}
            )]),
        ];
        let (text, local) = render_deferred(modules, || Ok("local".to_string()));
        let text = text.unwrap();
        assert_eq!(local.unwrap(), "local");
        let positions: Vec<usize> =
            (0..50).map(|i| text.find(&format!("pub struct A{i};")).unwrap()).collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]));
        assert!(text.ends_with("pub mod m {\n    pub fn last() {}\n}\n"), "{text}");
    }

    #[test]
    fn a_broken_item_is_an_error_not_a_panic() {
        let modules = vec![DeferredModule {
            header: quote!(
                pub mod m {}
            ),
            items: vec![Box::new(|| Gated::ungated(quote!(fn)))],
        }];
        let (text, local) = render_deferred(modules, || Ok(String::new()));
        assert!(text.unwrap_err().contains("does not parse"));
        assert!(local.is_ok());
    }

    #[test]
    fn the_output_is_the_same_on_any_number_of_threads() {
        let module = || {
            let names = (0..200u32).map(|i| quote::format_ident!("Item{}", i));
            deferred(names.map(|n| quote!(pub struct #n { pub value: ::std::option::Option<u8> })).collect())
        };
        let outputs: Vec<String> = [1, 2, 4, 9]
            .into_iter()
            .map(|threads| {
                render_deferred_on(threads, vec![module(), module()], || Ok(String::new())).0.unwrap()
            })
            .collect();
        assert!(outputs.windows(2).all(|w| w[0] == w[1]));
    }

    #[test]
    fn a_panicking_item_is_an_error_on_any_thread() {
        for threads in [1, 2] {
            let modules = vec![DeferredModule {
                header: quote!(
                    pub mod m {}
                ),
                items: vec![
                    Box::new(|| {
                        Gated::ungated(quote!(
                            fn ok() {}
                        ))
                    }),
                    Box::new(|| -> Gated { panic!("emitter bug") }) as ItemBuilder<'static>,
                ],
            }];
            let (text, local) = render_deferred_on(threads, modules, || panic!("local bug"));
            assert_eq!(text.unwrap_err(), "emitting item 1 panicked");
            assert_eq!(local.unwrap_err(), "emitting a module panicked");
        }
    }

    #[test]
    fn gates_print_as_in_front_of_a_module() {
        let text = render_attributes(quote!(#[cfg(feature = "x")] #[doc = " #[allow(x)]"])).unwrap();
        assert_eq!(text, "#[cfg(feature = \"x\")]\n/// #[allow(x)]\n");
    }
}
