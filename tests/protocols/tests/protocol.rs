//! AWS's protocol compliance tests for AWS JSON 1.1 (`data/`, botocore's), every case run against
//! the bindings `build.rs` generated for its suite.
//!
//! An input case gives parameters as botocore takes them and the request expected: the harness
//! builds the operation's input from the parameters, encodes it with the wire layer, and compares
//! method, path, host, the headers the case names and the body (as JSON). An output case gives a
//! response and the result or error expected: the harness decodes it and compares the output (as
//! JSON) or the error's code and message.
//!
//! Parameters and results are botocore's Python values: blobs as text, timestamps as epoch
//! seconds. `to_wire` turns them into the wire form of their shape, which is what the generated
//! types read (for inputs) and write (for outputs): blobs in base64, timestamps in their format.

use std::collections::BTreeMap;

use cognito_idp_runtime::support::{Blob, DateTime, Operation, ServiceError};
use cognito_idp_runtime::wire::{self, FromErrorResponse, ResponseError, Validate};
use serde_json::{json, Value};

include!(concat!(env!("OUT_DIR"), "/cases.rs"));

/// One case: its suite and position in the data file, and the harness for its operation.
struct Case {
    /// `input` or `output`: ids repeat across the two files.
    kind: &'static str,
    suite: usize,
    case: usize,
    id: &'static str,
    run: fn(&Value, &Value) -> Result<(), String>,
}

const INPUT: &str = include_str!("../data/input/json.json");
const OUTPUT: &str = include_str!("../data/output/json.json");

/// Cases not run (`kind:id`), with why.
const SKIPPED: &[(&str, &str)] = &[
    (
        "input:SDKAppliedContentEncoding_awsJson1_1",
        "request compression is optional (botocore applies it only past a size threshold), and \
         cognito-idp's model asks for none; the generator does not implement the trait",
    ),
    (
        "input:SDKAppendsGzipAndIgnoresHttpProvidedEncoding_awsJson1_1",
        "request compression is optional, as above",
    ),
];

/// Cases that fail today (`kind:id`), each a known defect to fix: the test fails when one of
/// them passes too, so this list only shrinks.
const KNOWN_FAILURES: &[(&str, &str)] = &[];

#[test]
fn every_case_of_awss_json_1_1_protocol_tests() {
    let mut failures = BTreeMap::new();
    let mut passed = 0;
    for (data, cases) in [(INPUT, INPUT_CASES), (OUTPUT, OUTPUT_CASES)] {
        let suites: Vec<Value> = serde_json::from_str(data).expect("the vendored data is JSON");
        for case in cases {
            if SKIPPED.iter().any(|(id, _)| *id == format!("{}:{}", case.kind, case.id)) {
                continue;
            }
            let suite = &suites[case.suite];
            match (case.run)(suite, &suite["cases"][case.case]) {
                Ok(()) => passed += 1,
                Err(why) => {
                    failures.insert(format!("{}:{}", case.kind, case.id), why);
                }
            }
        }
    }
    let unexpected: Vec<String> = failures
        .iter()
        .filter(|(id, _)| !KNOWN_FAILURES.iter().any(|(known, _)| known == id))
        .map(|(id, why)| format!("{id}: {why}"))
        .collect();
    let fixed: Vec<&str> =
        KNOWN_FAILURES.iter().map(|(id, _)| *id).filter(|id| !failures.contains_key(*id)).collect();
    assert!(unexpected.is_empty(), "{} cases fail:\n{}", unexpected.len(), unexpected.join("\n"));
    assert!(fixed.is_empty(), "these pass now: take them off KNOWN_FAILURES: {fixed:?}");
    let total = INPUT_CASES.len() + OUTPUT_CASES.len();
    assert_eq!(passed + failures.len() + SKIPPED.len(), total);
    eprintln!("{passed} of {total} cases pass, {} known failures, {} skipped", failures.len(), SKIPPED.len());
}

/// What the bindings do not serve, the generator says when it generates them.
#[test]
fn the_generator_names_what_it_does_not_serve() {
    let said = |suite: &str, words: &str| WARNINGS.iter().any(|(s, w)| *s == suite && w.contains(words));
    assert!(said("input11", "`PutWithContentEncoding` accepts compressed requests"), "{WARNINGS:?}");
    assert_eq!(WARNINGS.len(), 1, "{WARNINGS:?}");
}

/// Builds the input from the case's parameters, encodes it, and compares the request.
fn input_case<Op>(suite: &Value, case: &Value) -> Result<(), String>
where
    Op: Operation,
    Op::Input: serde::de::DeserializeOwned + serde::Serialize + Validate,
{
    let shapes = &suite["shapes"];
    let params = match case["given"]["input"]["shape"].as_str() {
        Some(shape) => to_wire(&case["params"], shape, &Value::Null, shapes),
        None => json!({}),
    };
    let input: Op::Input = wire::from_value(params).map_err(|e| format!("the parameters do not fit: {e}"))?;
    let request = wire::encode_request::<Op>(&input).map_err(|e| format!("not encoded: {e}"))?;
    let expected = &case["serialized"];
    if expected["method"].as_str() != Some(request.method().as_str()) {
        return Err(format!("method {}", request.method()));
    }
    // The host and path the client sends to: the endpoint the case names (botocore's tests use
    // example.com), with the operation's path joined.
    let expected_host = expected["host"].as_str();
    let endpoint = match expected_host {
        Some(host) if host.contains('/') => format!("https://{host}"),
        _ => "https://example.com".to_owned(),
    };
    let url = cognito_idp_runtime::client::operation_url(&endpoint).ok_or("the endpoint does not parse")?;
    let url = match request.extensions().get::<wire::HostPrefix>() {
        Some(prefix) => cognito_idp_runtime::client::prefixed_url(&url, &prefix.0),
        None => url,
    };
    let path = url.path().to_owned();
    if let Some(host) = expected_host {
        let host = host.split('/').next().unwrap_or(host);
        if url.host_str() != Some(host) {
            return Err(format!("host {:?}, expected {host}", url.host_str()));
        }
    }
    if expected["uri"].as_str() != Some(path.as_str()) {
        return Err(format!("path {path}, expected {}", expected["uri"]));
    }
    for (name, value) in expected["headers"].as_object().into_iter().flatten() {
        let ours = request.headers().get(name.as_str()).and_then(|v| v.to_str().ok());
        if ours != value.as_str() {
            return Err(format!("header {name}: {ours:?}, expected {value}"));
        }
    }
    if let Some(body) = expected["body"].as_str() {
        let expected: Value = serde_json::from_str(body).map_err(|e| format!("the expected body: {e}"))?;
        let ours: Value = serde_json::from_slice(request.body()).map_err(|e| format!("our body: {e}"))?;
        if !same(&ours, &expected) {
            return Err(format!("body {ours}, expected {expected}"));
        }
    }
    Ok(())
}

/// The modeled exception an operation's error is, by shape name, with its members as JSON
/// (`build.rs` implements it for each operation's error enum).
trait ErrorMembers {
    fn members(&self) -> Option<(&'static str, serde_json::Result<Value>)>;
}

/// Decodes the case's response and compares the output, or the error's code, message and
/// members (the modeled exception it decodes to, with every member the case expects).
fn output_case<Op>(suite: &Value, case: &Value) -> Result<(), String>
where
    Op: Operation,
    Op::Output: serde::de::DeserializeOwned + serde::Serialize + std::fmt::Debug,
    Op::Error: FromErrorResponse + ServiceError + ErrorMembers + std::fmt::Debug,
{
    let response = &case["response"];
    let status = response["status_code"].as_u64().and_then(|s| u16::try_from(s).ok()).ok_or("no status")?;
    let mut headers = http::HeaderMap::new();
    for (name, value) in response["headers"].as_object().into_iter().flatten() {
        let name = http::HeaderName::from_bytes(name.as_bytes()).map_err(|e| e.to_string())?;
        let value =
            http::HeaderValue::from_str(value.as_str().unwrap_or_default()).map_err(|e| e.to_string())?;
        headers.insert(name, value);
    }
    let body = response["body"].as_str().unwrap_or_default().as_bytes();
    let decoded = wire::decode_response::<Op>(status, &headers, body);
    match (decoded, case["errorCode"].as_str()) {
        (Ok(output), None) => {
            let shapes = &suite["shapes"];
            let expected = match case["given"]["output"]["shape"].as_str() {
                Some(shape) => to_wire(&case["result"], shape, &Value::Null, shapes),
                None => json!({}),
            };
            let ours = serde_json::to_value(&output).map_err(|e| format!("the output as JSON: {e}"))?;
            if same(&ours, &expected) {
                Ok(())
            } else {
                Err(format!("output {ours}, expected {expected}"))
            }
        }
        (Err(ResponseError::Service(error)), Some(code)) => {
            if error.code() != code {
                return Err(format!("error code {}, expected {code}", error.code()));
            }
            if let Some(message) = case["errorMessage"].as_str() {
                if error.message() != Some(message) {
                    return Err(format!("error message {:?}, expected {message}", error.message()));
                }
            }
            let modeled = case["given"]["errors"].as_array().into_iter().flatten().find_map(|e| {
                let shape = e["shape"].as_str()?;
                (shape == code).then_some(shape)
            });
            match (modeled, error.members()) {
                (None, None) => Ok(()),
                (Some(shape), Some((variant, members))) if shape == variant => {
                    let ours = members.map_err(|e| format!("the error's members as JSON: {e}"))?;
                    let expected = to_wire(&case["error"], shape, &Value::Null, &suite["shapes"]);
                    match same(&ours, &expected) {
                        true => Ok(()),
                        false => Err(format!("error members {ours}, expected {expected}")),
                    }
                }
                (modeled, decoded) => Err(format!(
                    "decoded to exception {:?}, expected {modeled:?}",
                    decoded.map(|(variant, _)| variant)
                )),
            }
        }
        (other, expected) => Err(format!("decoded {other:?}, expected error {expected:?}")),
    }
}

/// A botocore value (parameters, result) in the wire form of its shape.
fn to_wire(value: &Value, shape: &str, member: &Value, shapes: &Value) -> Value {
    let def = &shapes[shape];
    match def["type"].as_str().unwrap_or_default() {
        "structure" if def["document"] == json!(true) => value.clone(),
        "structure" => {
            let mut out = serde_json::Map::new();
            for (name, field) in value.as_object().into_iter().flatten() {
                if field.is_null() {
                    continue;
                }
                let member = &def["members"][name];
                let wire_name = member["locationName"].as_str().unwrap_or(name);
                let shape = member["shape"].as_str().unwrap_or_default();
                out.insert(wire_name.to_owned(), to_wire(field, shape, member, shapes));
            }
            Value::Object(out)
        }
        "list" => {
            let member = &def["member"];
            let shape = member["shape"].as_str().unwrap_or_default();
            Value::Array(
                value.as_array().into_iter().flatten().map(|v| to_wire(v, shape, member, shapes)).collect(),
            )
        }
        "map" => {
            let member = &def["value"];
            let shape = member["shape"].as_str().unwrap_or_default();
            let entries = value.as_object().into_iter().flatten();
            Value::Object(entries.map(|(k, v)| (k.clone(), to_wire(v, shape, member, shapes))).collect())
        }
        "blob" => serde_json::to_value(Blob(value.as_str().unwrap_or_default().as_bytes().to_vec()))
            .unwrap_or(Value::Null),
        "timestamp" => {
            let format = member["timestampFormat"].as_str().or(def["timestampFormat"].as_str());
            let time = value.as_f64().and_then(DateTime::from_secs_f64);
            match (format, time) {
                (Some("iso8601"), Some(time)) => Value::String(time.to_rfc3339()),
                (Some("rfc822"), Some(time)) => Value::String(time.to_http_date()),
                _ => value.clone(),
            }
        }
        _ => value.clone(),
    }
}

/// JSON equality, with numbers compared as numbers (`1234.5` and `1.2345e3`, `1` and `1.0`).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

/// Floats inside lists and maps (and a union's list) travel as member floats do: not-finite
/// values as `"NaN"`, `"Infinity"`, `"-Infinity"`, both ways. The vendored suites have no such
/// case; `fixtures/floats.json` is our own model.
#[test]
fn floats_inside_lists_and_maps_are_written_and_read_as_aws_json_writes_them() {
    use floats::types::{Choice, Values};
    let map = |entries: &[(&str, f32)]| entries.iter().map(|(k, v)| (k.to_string(), *v)).collect();
    let values = Values::new(vec![f64::NAN, 1.5])
        .with_list(vec![f64::INFINITY, f64::NEG_INFINITY])
        .with_map(map(&[("a", f32::NAN)]))
        .with_nested(vec![map(&[("b", f32::INFINITY)]), map(&[])])
        .with_choice(Choice::Doubles(vec![f64::NEG_INFINITY]));
    let request = wire::encode_request::<floats::operations::Echo>(&values).expect("encoded");
    let body: Value = serde_json::from_slice(request.body()).expect("JSON");
    assert_eq!(
        body,
        json!({
            "Required": ["NaN", 1.5],
            "List": ["Infinity", "-Infinity"],
            "Map": { "a": "NaN" },
            "Nested": [{ "b": "Infinity" }, {}],
            "Choice": { "Doubles": ["-Infinity"] },
        })
    );
    let back =
        wire::decode_response::<floats::operations::Echo>(200, &http::HeaderMap::new(), request.body())
            .expect("decoded");
    assert!(back.required[0].is_nan() && back.required[1] == 1.5);
    assert_eq!(back.list, Some(vec![f64::INFINITY, f64::NEG_INFINITY]));
    assert!(back.map.as_ref().is_some_and(|m| m["a"].is_nan()));
    assert_eq!(back.nested.as_ref().map(|n| n[0]["b"]), Some(f32::INFINITY));
    assert_eq!(back.choice, Some(Choice::Doubles(vec![f64::NEG_INFINITY])));
    // Numbers are read as numbers, and any other string is refused.
    let numbers = br#"{"Required": [1, -2.5e3], "Map": {"c": 7}}"#;
    let read = wire::decode_response::<floats::operations::Echo>(200, &http::HeaderMap::new(), numbers)
        .expect("decoded");
    assert_eq!(read.required, [1.0, -2500.0]);
    let wrong = br#"{"Required": ["nan"]}"#;
    assert!(wire::decode_response::<floats::operations::Echo>(200, &http::HeaderMap::new(), wrong).is_err());
}
