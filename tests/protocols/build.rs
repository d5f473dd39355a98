//! Turns every suite of AWS's protocol tests (`data/{input,output}/json.json`) into a botocore
//! model, generates its bindings as a user's `build.rs` would, and writes the table of cases
//! (`cases.rs`) that `tests/protocol.rs` runs: one entry per case, calling the harness with the
//! case's operation.

use std::fmt::Write as _;
use std::path::PathBuf;

use serde_json::{json, Value};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out_dir = PathBuf::from(std::env::var("OUT_DIR")?);
    let mut cases = String::new();
    let mut warnings = String::new();
    for kind in ["input", "output"] {
        let path = format!("data/{kind}/json.json");
        println!("cargo:rerun-if-changed={path}");
        let suites: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(&path)?)?;
        let mut table = String::new();
        for (index, suite) in suites.iter().enumerate() {
            let module = format!("{kind}{index}");
            let dir = out_dir.join(&module);
            std::fs::create_dir_all(&dir)?;
            let model_path = dir.join("service-2.json");
            std::fs::write(&model_path, serde_json::to_string_pretty(&model_of(suite))?)?;
            let report = cognito_codegen::Config::new()
                .model(&model_path)
                .reverse_serde_feature("reverse-serde")
                .out_dir(&dir)
                .generate()?;
            for warning in &report.generated.warnings {
                writeln!(warnings, "    ({module:?}, {warning:?}),")?;
            }
            writeln!(
                cases,
                "#[allow(dead_code, clippy::all)]\nmod {module} {{ include!(concat!(env!(\"OUT_DIR\"), \"/{module}/protocol_test.rs\")); }}"
            )?;
            if kind == "output" {
                write_error_members(&mut cases, &module, suite)?;
            }
            for (number, case) in suite["cases"].as_array().into_iter().flatten().enumerate() {
                let operation = case["given"]["name"].as_str().ok_or("a case without an operation")?;
                let id = case["id"].as_str().ok_or("a case without an id")?;
                writeln!(
                    table,
                    "    Case {{ kind: {kind:?}, suite: {index}, case: {number}, id: {id:?}, run: {kind}_case::<{module}::operations::{operation}> }},"
                )?;
            }
        }
        let upper = kind.to_uppercase();
        writeln!(cases, "static {upper}_CASES: &[Case] = &[\n{table}];")?;
    }
    // Our own model for what the vendored suites do not cover: floats inside lists and maps.
    let fixture = "fixtures/floats.json";
    println!("cargo:rerun-if-changed={fixture}");
    let dir = out_dir.join("floats");
    std::fs::create_dir_all(&dir)?;
    cognito_codegen::Config::new()
        .model(fixture)
        .reverse_serde_feature("reverse-serde")
        .out_dir(&dir)
        .generate()?;
    writeln!(
        cases,
        "#[allow(dead_code, clippy::all)]\nmod floats {{ include!(concat!(env!(\"OUT_DIR\"), \"/floats/floats.rs\")); }}"
    )?;
    writeln!(
        cases,
        "/// What the generator said of each suite.\nstatic WARNINGS: &[(&str, &str)] = &[\n{warnings}];"
    )?;
    std::fs::write(out_dir.join("cases.rs"), cases)?;
    Ok(())
}

/// A botocore model of one suite: its metadata and shapes, and the operations its cases name
/// (each operation once, as the first case that names it gives it).
/// The modeled errors of each operation of `suite`, from every case that names the operation.
fn errors_of(suite: &Value) -> std::collections::BTreeMap<String, Vec<String>> {
    let mut errors = std::collections::BTreeMap::<String, Vec<String>>::new();
    for case in suite["cases"].as_array().into_iter().flatten() {
        let Some(name) = case["given"]["name"].as_str() else { continue };
        let known = errors.entry(name.to_owned()).or_default();
        for error in case["given"]["errors"].as_array().into_iter().flatten() {
            if let Some(shape) = error["shape"].as_str() {
                if !known.iter().any(|k| k == shape) {
                    known.push(shape.to_owned());
                }
            }
        }
    }
    errors
}

/// `ErrorMembers` for each operation's error enum of the suite in `module`: the modeled
/// exception a response decoded to, with its members as JSON.
fn write_error_members(out: &mut String, module: &str, suite: &Value) -> std::fmt::Result {
    for (operation, errors) in errors_of(suite) {
        if errors.is_empty() {
            writeln!(
                out,
                "impl ErrorMembers for {module}::errors::{operation}Error {{\n    fn members(&self) -> Option<(&'static str, serde_json::Result<Value>)> {{\n        None\n    }}\n}}"
            )?;
            continue;
        }
        let arms: String = errors
            .iter()
            .map(|shape| {
                format!(
                    "            Self::{shape}(error) => Some(({shape:?}, serde_json::to_value(error))),\n"
                )
            })
            .collect();
        writeln!(
            out,
            "impl ErrorMembers for {module}::errors::{operation}Error {{\n    fn members(&self) -> Option<(&'static str, serde_json::Result<Value>)> {{\n        #[allow(unreachable_patterns)]\n        match self {{\n{arms}            _ => None,\n        }}\n    }}\n}}"
        )?;
    }
    Ok(())
}

fn model_of(suite: &Value) -> Value {
    let errors = errors_of(suite);
    let mut operations = serde_json::Map::new();
    for case in suite["cases"].as_array().into_iter().flatten() {
        let given = &case["given"];
        if let Some(name) = given["name"].as_str() {
            // Cases of one operation may each name some of its errors: the model has them all.
            let mut given = given.clone();
            let shapes: Vec<Value> = errors[name].iter().map(|shape| json!({ "shape": shape })).collect();
            if !shapes.is_empty() {
                given["errors"] = json!(shapes);
            }
            operations.entry(name.to_owned()).or_insert(given);
        }
    }
    let mut metadata = suite["metadata"].clone();
    if let Some(metadata) = metadata.as_object_mut() {
        metadata.insert("serviceFullName".into(), json!("Protocol Test"));
        metadata.insert("serviceId".into(), json!("Protocol Test"));
        metadata.insert("endpointPrefix".into(), json!("protocol-test"));
        metadata.insert("signatureVersion".into(), json!("v4"));
    }
    json!({ "version": "2.0", "metadata": metadata, "operations": operations, "shapes": suite["shapes"] })
}
