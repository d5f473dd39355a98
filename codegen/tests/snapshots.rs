//! Snapshot tests of emitted code: one file per representative shape of the fixture model in
//! `tests/fixtures/representative/`, holding the shape's item and every `impl` for it, and the
//! modules only the cognito-idp model with its challenge schema and paginators has.
//!
//! Re-bless after an intended change with `BLESS=1 cargo test -p cognito-codegen --test snapshots`
//! and review the diff. The consumer crate in `tests/` compiles the whole fixture output, so a
//! snapshot that would not compile is caught there.

use std::path::PathBuf;

const FIXTURE: &str = include_str!("fixtures/representative/service-2.json");

/// (snapshot file, module, Rust item name or `*` for the whole module)
const CASES: &[(&str, &str, &str)] = &[
    ("nested_structure", "types", "ThingSummary"),
    ("enum", "types", "ThingKind"),
    ("map_list_document_blob_timestamp", "types", "PutThingRequest"),
    ("recursive", "types", "TreeNode"),
    ("sensitive", "types", "SignInRequest"),
    ("sensitive_nested", "types", "Credentials"),
    ("union", "types", "Choice"),
    ("std_name", "types", "Box"),
    ("exception", "errors", "InternalFault"),
    ("error_enum", "errors", "PutThingError"),
    ("operation", "operations", "SignIn"),
    ("constraints", "constraints", "*"),
];

fn generated_file() -> syn::File {
    // With a reverse-serde feature, so the snapshots show where the other direction is gated.
    let inputs = cognito_codegen::Inputs {
        model: FIXTURE,
        features: cognito_codegen::Features { reverse_serde: Some("reverse-serde"), ..Default::default() },
        ..Default::default()
    };
    let generated = cognito_codegen::generate(&inputs).expect("fixture generates");
    syn::parse_file(&generated.source).expect("output parses")
}

/// (snapshot file, module, item) of the cognito-idp model with its challenge schema, for the
/// modules the fixture has no shapes for.
const COGNITO_CASES: &[(&str, &str, &str)] =
    &[("srp", "srp", "*"), ("client", "client", "*"), ("paginated", "operations", "ListUsers")];

fn cognito_file() -> syn::File {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let model = std::fs::read_to_string(root.join("spec/cognito-idp/2016-04-18/service-2.json")).unwrap();
    let path = root.join("spec/challenges.json");
    let schema = std::fs::read_to_string(&path).unwrap();
    let operations: Vec<String> =
        ["RespondToAuthChallenge", "AdminRespondToAuthChallenge", "ConfirmDevice", "ListUsers"]
            .map(String::from)
            .to_vec();
    let paginators_path = root.join("spec/cognito-idp/2016-04-18/paginators-1.json");
    let paginators = std::fs::read_to_string(&paginators_path).unwrap();
    let inputs = cognito_codegen::Inputs {
        model: &model,
        operations: Some(&operations),
        challenges: Some(cognito_codegen::ChallengeInput { schema: &schema, path: &path }),
        paginators: Some(cognito_codegen::PaginatorInput { text: &paginators, path: &paginators_path }),
        features: cognito_codegen::Features { client: Some("client"), ..Default::default() },
        ..Default::default()
    };
    let generated = cognito_codegen::generate(&inputs).expect("cognito-idp generates");
    syn::parse_file(&generated.source).expect("output parses")
}

fn module<'a>(file: &'a syn::File, name: &str) -> &'a [syn::Item] {
    file.items
        .iter()
        .find_map(|item| match item {
            syn::Item::Mod(m) if m.ident == name => m.content.as_ref().map(|(_, items)| items.as_slice()),
            _ => None,
        })
        .unwrap_or_else(|| panic!("module `{name}` not emitted"))
}

fn is_about(item: &syn::Item, name: &str) -> bool {
    if name == "*" {
        return true;
    }
    match item {
        syn::Item::Struct(s) => s.ident == name,
        syn::Item::Enum(e) => e.ident == name,
        syn::Item::Impl(i) => match &*i.self_ty {
            syn::Type::Path(p) => p.path.segments.last().is_some_and(|s| s.ident == name),
            _ => false,
        },
        _ => false,
    }
}

#[test]
fn emitted_shapes_match_their_snapshots() {
    let (fixture, cognito) = (generated_file(), cognito_file());
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let bless = std::env::var_os("BLESS").is_some();
    let mut stale = Vec::new();
    let cases =
        CASES.iter().map(|case| (&fixture, case)).chain(COGNITO_CASES.iter().map(|case| (&cognito, case)));
    for (file, (snapshot, module_name, item)) in cases {
        let items: Vec<syn::Item> =
            module(file, module_name).iter().filter(|i| is_about(i, item)).cloned().collect();
        assert!(!items.is_empty(), "`{module_name}::{item}` was not emitted");
        let text = prettyplease::unparse(&syn::File { shebang: None, attrs: Vec::new(), items });
        let path = dir.join(format!("{snapshot}.rs"));
        if bless {
            std::fs::write(&path, &text).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            stale.push(path.display().to_string());
        }
    }
    assert!(stale.is_empty(), "snapshots differ (re-bless with BLESS=1 after review): {stale:#?}");
}
