//! The generator as users drive it: determinism, the checked-in copy's freshness, the build.rs
//! API, operation subsets and error reporting.

use std::path::{Path, PathBuf};

use cognito_codegen::{generate_source, Config, Error};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn cognito_model() -> String {
    std::fs::read_to_string(workspace().join("spec/cognito-idp/2016-04-18/service-2.json")).unwrap()
}

fn scratch_dir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn checked_in_bindings_are_fresh() {
    // The inputs `cargo run -p cognito-codegen` uses.
    let model = cognito_model();
    let schema_path = workspace().join("spec/challenges.json");
    let schema = std::fs::read_to_string(&schema_path).unwrap();
    let paginators_path = "spec/cognito-idp/2016-04-18/paginators-1.json";
    let paginators = std::fs::read_to_string(workspace().join(paginators_path)).unwrap();
    let generated = cognito_codegen::generate(&cognito_codegen::Inputs {
        model: &model,
        challenges: Some(cognito_codegen::ChallengeInput {
            schema: &schema,
            path: Path::new("spec/challenges.json"),
        }),
        paginators: Some(cognito_codegen::PaginatorInput {
            text: &paginators,
            path: Path::new(paginators_path),
        }),
        doc_crate: Some("cognito_idp"),
        features: cognito_codegen::Features::CHECKED_IN,
        ..Default::default()
    })
    .unwrap();
    let path = workspace().join("generated/src").join(&generated.file_name);
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == generated.source,
        "{} is stale: run `cargo run -p cognito-codegen` from the workspace root",
        path.display()
    );
    let manifest = std::fs::read_to_string(workspace().join("generated/Cargo.toml")).unwrap();
    assert!(
        generated.manifest_with_features(&manifest).unwrap() == manifest,
        "the operation features of generated/Cargo.toml are stale: run `cargo run -p cognito-codegen`"
    );
}

#[test]
fn members_of_a_shape_no_operation_uses_are_checked_even_where_only_outputs_reach_their_shape() {
    // `Loose` is used by no operation, so it gets `validate()`; its member's shape `Short` is
    // otherwise reached only by an output.
    let model = r#"{"metadata":{"apiVersion":"1","endpointPrefix":"demo","protocol":"json",
        "serviceFullName":"Demo","targetPrefix":"Demo"},
        "operations":{"Get":{"name":"Get","http":{"method":"POST","requestUri":"/"},"output":{"shape":"Out"}}},
        "shapes":{"Out":{"type":"structure","members":{"S":{"shape":"Short"}}},
                  "Loose":{"type":"structure","members":{"S":{"shape":"Short"}}},
                  "Short":{"type":"string","max":3}}}"#;
    let source = generate_source(model, None).unwrap().source;
    assert!(source.contains("super::constraints::SHORT.check(path, value)?;"), "{source}");
    assert!(source.contains("static SHORT: super::support::TextRule"), "{source}");
}

#[test]
fn a_feature_per_operation_gates_what_only_some_operations_reach() {
    let model = cognito_model();
    let features = cognito_codegen::Features { per_operation: true, ..Default::default() };
    let inputs = cognito_codegen::Inputs { model: &model, features, ..Default::default() };
    let generated = cognito_codegen::generate(&inputs).unwrap();
    assert_eq!(generated.operation_features.len(), 141);
    assert!(generated.operation_features.contains(&"admin-respond-to-auth-challenge".to_string()));
    let source = &generated.source;
    let gate_of = |item: &str| {
        let at = source.find(item).unwrap_or_else(|| panic!("{item} is emitted"));
        let before = &source[..at];
        let start = before.rfind("#[cfg(").expect("a gate before the item");
        before[start..].split_once(")]").unwrap().0.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    // Only its own operation reaches its request, descriptor and error enum; impls come and go
    // with their type.
    for item in [
        "pub struct RespondToAuthChallengeRequest ",
        "impl RespondToAuthChallengeRequest ",
        "pub struct RespondToAuthChallenge;",
        "pub enum RespondToAuthChallengeError ",
    ] {
        assert_eq!(gate_of(item), r#"#[cfg(feature = "respond-to-auth-challenge""#, "{item}");
    }
    // Shared shapes are on with any operation that reaches them: through one internal feature
    // for that set of operations, which each of them turns on.
    let shared = gate_of("pub struct AuthenticationResultType ");
    let internal = shared
        .strip_prefix(r#"#[cfg(feature = ""#)
        .and_then(|rest| rest.strip_suffix('"'))
        .unwrap_or_else(|| panic!("one feature: {shared}"));
    assert!(internal.starts_with("_reach-"), "{shared}");
    let (_, turned_on_by) = generated.internal_features.iter().find(|(name, _)| name == internal).unwrap();
    for feature in
        ["initiate-auth", "admin-initiate-auth", "respond-to-auth-challenge", "get-tokens-from-refresh-token"]
    {
        assert!(turned_on_by.contains(&feature.to_owned()), "{turned_on_by:?}");
    }
    assert!(!turned_on_by.contains(&"list-users".to_owned()), "{turned_on_by:?}");
    // Every gate is one feature, or an `all` of whole features for the runtime modules.
    assert!(!source.contains("any("), "a gate is spelled out");
    let features = generated.cargo_features();
    assert!(features.contains(&format!("\n{internal} = []\n")), "declared");
    let initiate_auth = features.lines().find(|l| l.starts_with("initiate-auth = ")).unwrap();
    assert!(initiate_auth.contains(&format!("\"{internal}\"")), "{initiate_auth}");
    // The operation table lists each operation behind its feature.
    assert!(source.contains(r#"#[cfg(feature = "initiate-auth")]"#));

    // Without the option nothing is gated and no features are listed.
    let plain = generate_source(&model, None).unwrap();
    assert!(plain.operation_features.is_empty());
    assert!(!plain.source.contains("#[cfg(feature = \"respond-to-auth-challenge\")]"));
}

#[test]
fn operation_features_are_written_between_the_markers_of_a_manifest() {
    let model = cognito_model();
    let operations = ["InitiateAuth".to_string(), "RespondToAuthChallenge".to_string()];
    let inputs = cognito_codegen::Inputs {
        model: &model,
        operations: Some(&operations),
        features: cognito_codegen::Features { per_operation: true, ..Default::default() },
        ..Default::default()
    };
    let generated = cognito_codegen::generate(&inputs).unwrap();
    let manifest = format!(
        "[features]\ndefault = [\"all-operations\"]\n{}\nold = []\n{}\n\n[dependencies]\n",
        cognito_codegen::FEATURES_BEGIN,
        cognito_codegen::FEATURES_END
    );
    let written = generated.manifest_with_features(&manifest).unwrap();
    assert_eq!(
        written,
        format!(
            "[features]\ndefault = [\"all-operations\"]\n{}\nall-operations = [\n    \"initiate-auth\",\n    \"respond-to-auth-challenge\",\n]\ninitiate-auth = []\nrespond-to-auth-challenge = []\n{}\n\n[dependencies]\n",
            cognito_codegen::FEATURES_BEGIN,
            cognito_codegen::FEATURES_END
        )
    );
    assert_eq!(generated.manifest_with_features(&written).unwrap(), written, "idempotent");
    let error = generated.manifest_with_features("[features]\n").unwrap_err();
    assert!(error.contains(cognito_codegen::FEATURES_BEGIN), "{error}");
    let swapped = format!("{}\n{}\n", cognito_codegen::FEATURES_END, cognito_codegen::FEATURES_BEGIN);
    let error = generated.manifest_with_features(&swapped).unwrap_err();
    assert!(error.contains("before"), "{error}");
    // A marker must be a whole line, not text inside one.
    let inline = format!("{}\nx = 1 {}\n", cognito_codegen::FEATURES_BEGIN, cognito_codegen::FEATURES_END);
    assert!(generated.manifest_with_features(&inline).is_err());
}

#[test]
fn whole_model_is_emitted() {
    let generated = generate_source(&cognito_model(), None).unwrap();
    assert_eq!(generated.file_name, "cognito_idp.rs");
    assert_eq!(generated.stats.operations, 141);
    assert_eq!(generated.stats.total_shapes(), 685);
    assert!(generated.source.starts_with("// @generated"));
}

#[test]
fn output_does_not_depend_on_the_order_of_shapes_in_the_model() {
    let text = cognito_model();
    let mut model: serde_json::Value = serde_json::from_str(&text).unwrap();
    let shapes = model["shapes"].as_object().unwrap().clone();
    let reversed: serde_json::Map<String, serde_json::Value> = shapes.into_iter().rev().collect();
    model["shapes"] = serde_json::Value::Object(reversed);
    let first = generate_source(&text, None).unwrap().source;
    let again = generate_source(&text, None).unwrap().source;
    let shuffled = generate_source(&serde_json::to_string(&model).unwrap(), None).unwrap().source;
    assert!(first == again, "two runs differ");
    assert!(first == shuffled, "shape order changed the output");
}

#[test]
fn config_writes_once_and_then_leaves_the_file_alone() {
    let dir = scratch_dir("config-writes-once");
    let model = workspace().join("spec/cognito-idp/2016-04-18/service-2.json");
    let first = Config::new().model(&model).out_dir(&dir).rerun_if_changed(false).generate().unwrap();
    assert!(first.written);
    assert_eq!(first.path, dir.join("cognito_idp.rs"));
    let second = Config::new().model(&model).out_dir(&dir).rerun_if_changed(false).generate().unwrap();
    assert!(!second.written, "unchanged output must not be rewritten");
}

#[test]
fn operation_subsets_keep_only_what_they_reach() {
    let wanted = ["RespondToAuthChallenge".to_string()];
    let generated = generate_source(&cognito_model(), Some(&wanted)).unwrap();
    assert_eq!(generated.stats.operations, 1);
    let source = &generated.source;
    assert!(source.contains("pub struct RespondToAuthChallengeRequest"));
    assert!(source.contains("pub struct AuthenticationResultType"));
    assert!(source.contains("pub struct NotAuthorizedException"));
    assert!(!source.contains("pub struct CreateUserPoolRequest"));
    assert!(generated.stats.total_shapes() < 80, "{:?}", generated.stats);
}

#[test]
fn unknown_operation_is_an_error_with_a_suggestion() {
    let wanted = ["RespondToAuthChalenge".to_string()];
    let err = generate_source(&cognito_model(), Some(&wanted)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "unknown operation `RespondToAuthChalenge` (did you mean `RespondToAuthChallenge`?)"
    );
}

#[test]
fn broken_model_file_error_names_the_file_and_json_path() {
    let dir = scratch_dir("broken-model");
    let mut model: serde_json::Value = serde_json::from_str(&cognito_model()).unwrap();
    model["shapes"]["RespondToAuthChallengeRequest"]["members"]["Session"]["shape"] = "NoSuchShape".into();
    let path = dir.join("service-2.json");
    std::fs::write(&path, serde_json::to_string(&model).unwrap()).unwrap();
    let err = Config::new().model(&path).out_dir(&dir).rerun_if_changed(false).generate().unwrap_err();
    let Error::Model { error, .. } = &err else { panic!("expected a model error, got {err}") };
    assert_eq!(error.path, "$.shapes.RespondToAuthChallengeRequest.members.Session.shape");
    let message = err.to_string();
    assert!(message.contains("service-2.json"), "{message}");
    assert!(message.contains("unknown shape reference `NoSuchShape`"), "{message}");
}

#[test]
fn missing_model_file_is_an_io_error_naming_it() {
    let err = Config::new()
        .model("/nonexistent/service-2.json")
        .out_dir(scratch_dir("missing"))
        .generate()
        .unwrap_err();
    assert!(err.to_string().starts_with("/nonexistent/service-2.json: "), "{err}");
}

#[test]
fn no_model_and_no_out_dir_are_explained() {
    assert_eq!(Config::new().generate().unwrap_err().to_string(), "no model given: call Config::model(path)");
}

#[test]
fn fixture_names_resolve_every_hazard() {
    let fixture = include_str!("fixtures/representative/service-2.json");
    let generated = generate_source(fixture, None).unwrap();
    let source = &generated.source;
    for expected in [
        "pub r#type: ::std::option::Option<::std::string::String>",
        "pub type_2: ::std::option::Option<::std::string::String>",
        "pub r#box: ::std::option::Option<super::types::Box>",
        "AwsDynamoDbTable,",
        "V0_5,",
        "SelfValue,",
        "UnknownValue,",
        "Unknown(super::support::UnknownValue)",
        "pub parent: ::std::option::Option<::std::boxed::Box<super::types::TreeNode>>",
        "pub children: ::std::option::Option<::std::vec::Vec<super::types::TreeNode>>",
    ] {
        assert!(source.contains(expected), "missing `{expected}`");
    }
    let warnings = generated.warnings.join("\n");
    assert!(warnings.contains("PutThingRequest.Type"), "{warnings}");
    assert!(warnings.contains("LookAroundType") || warnings.contains("(?!bad)"), "{warnings}");
}

/// A newer model that adds a required member to the SRP verifier type must not produce a crate
/// that fails to compile: the `srp` module is left out with a warning naming the member.
#[test]
fn a_required_member_in_the_device_verifier_type_leaves_srp_out_with_a_warning() {
    let mut model: serde_json::Value = serde_json::from_str(&cognito_model()).unwrap();
    let verifier = &mut model["shapes"]["DeviceSecretVerifierConfigType"];
    verifier["members"]["Algorithm"] = serde_json::json!({ "shape": "StringType" });
    verifier["required"] = serde_json::json!(["Algorithm"]);
    let model = model.to_string();
    let schema_path = workspace().join("spec/challenges.json");
    let schema = std::fs::read_to_string(&schema_path).unwrap();
    let challenges = Some(cognito_codegen::ChallengeInput { schema: &schema, path: &schema_path });
    let generated = cognito_codegen::generate(&cognito_codegen::Inputs {
        model: &model,
        challenges,
        ..Default::default()
    })
    .unwrap();
    assert!(!generated.source.contains("pub mod srp"), "no srp module");
    assert!(generated.source.contains("pub mod challenge"), "the challenge module stays");
    assert!(
        generated.warnings.iter().any(|w| w.contains("no srp module") && w.contains("`Algorithm`")),
        "{:?}",
        generated.warnings
    );
}

/// Generated code reads like hand-written code: a type's inherent items are in one `impl` block,
/// a gate comes after the doc comment and fits on one line.
#[test]
fn each_type_has_one_inherent_impl_and_one_line_gates() {
    let source = std::fs::read_to_string(workspace().join("generated/src/cognito_idp.rs")).unwrap();
    let file = syn::parse_file(&source).unwrap();
    for item in &file.items {
        let syn::Item::Mod(module) = item else { continue };
        let Some((_, items)) = &module.content else { continue };
        let mut seen = std::collections::BTreeSet::new();
        for item in items {
            let syn::Item::Impl(block) = item else { continue };
            if block.trait_.is_some() {
                continue;
            }
            let syn::Type::Path(path) = &*block.self_ty else { continue };
            let name = path.path.segments.iter().map(|s| s.ident.to_string()).collect::<Vec<_>>().join("::");
            assert!(seen.insert(name.clone()), "`{}::{name}` has a second inherent impl", module.ident);
        }
    }
    let mut previous = "";
    for line in source.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(") && !trimmed.starts_with("#[cfg(test") {
            assert!(trimmed.ends_with(")]"), "a gate over several lines: {line}");
            assert!(!previous.trim_start().starts_with("#[cfg("), "two gates in a row: {line}");
        }
        if trimmed.starts_with("///") {
            assert!(!previous.trim_start().starts_with("#[cfg("), "a gate before a doc comment: {line}");
        }
        previous = line;
    }
}

/// The flows call four operations: a subset with SRP but without all of them gets no flows (and
/// a warning) rather than a module that does not compile.
#[test]
fn a_subset_without_the_sign_in_operations_gets_no_flows() {
    let model = cognito_model();
    let schema_path = workspace().join("spec/challenges.json");
    let schema = std::fs::read_to_string(&schema_path).unwrap();
    let generate = |operations: &[&str]| {
        let operations: Vec<String> = operations.iter().map(|s| s.to_string()).collect();
        cognito_codegen::generate(&cognito_codegen::Inputs {
            model: &model,
            operations: Some(&operations),
            challenges: Some(cognito_codegen::ChallengeInput { schema: &schema, path: &schema_path }),
            features: cognito_codegen::Features { client: Some("client"), ..Default::default() },
            ..Default::default()
        })
        .unwrap()
    };
    let partial = generate(&["InitiateAuth", "RespondToAuthChallenge", "ConfirmDevice"]);
    assert!(partial.source.contains("pub mod srp") && !partial.source.contains("pub mod flows"));
    assert!(partial.warnings.iter().any(|w| w.starts_with("no sign-in flows")), "{:?}", partial.warnings);
    let whole = generate(&[
        "InitiateAuth",
        "AdminInitiateAuth",
        "RespondToAuthChallenge",
        "AdminRespondToAuthChallenge",
        "ConfirmDevice",
        "UpdateDeviceStatus",
    ]);
    assert!(whole.source.contains("pub mod flows"));
    assert!(!whole.warnings.iter().any(|w| w.starts_with("no sign-in flows")));
}

/// SRP and the flows answer challenges: with a `challenge` feature and none of their own, they
/// are gated on it, so turning it off does not leave them naming a module that is gone.
#[test]
fn srp_and_flows_without_features_of_their_own_come_with_challenge() {
    let model = cognito_model();
    let schema_path = workspace().join("spec/challenges.json");
    let schema = std::fs::read_to_string(&schema_path).unwrap();
    let generated = cognito_codegen::generate(&cognito_codegen::Inputs {
        model: &model,
        challenges: Some(cognito_codegen::ChallengeInput { schema: &schema, path: &schema_path }),
        features: cognito_codegen::Features {
            client: Some("client"),
            challenge: Some("challenge"),
            ..Default::default()
        },
        ..Default::default()
    })
    .unwrap();
    let source = &generated.source;
    let gate_of = |module: &str| {
        let at =
            source.find(&format!("pub mod {module} {{")).unwrap_or_else(|| panic!("{module} is emitted"));
        let before = &source[..at];
        before[before.rfind("#[cfg(").expect("a gate")..].lines().next().unwrap().to_owned()
    };
    assert_eq!(gate_of("challenge"), "#[cfg(feature = \"challenge\")]");
    assert_eq!(gate_of("srp"), "#[cfg(feature = \"challenge\")]");
    assert_eq!(gate_of("flows"), "#[cfg(all(feature = \"client\", feature = \"challenge\"))]");
}
