//! Models nested far deeper than real ones: generation must neither overflow a stack nor slow
//! down more than in proportion to the model, and what it cannot emit it refuses by name.

use cognito_codegen::{generate_source, reader::MAX_CONTAINER_NESTING, Error};

fn model(shapes: &[String], input: &str) -> String {
    format!(
        r#"{{"metadata":{{"apiVersion":"1","endpointPrefix":"deep","protocol":"json","jsonVersion":"1.1",
        "serviceFullName":"Deep","targetPrefix":"Deep"}},
        "operations":{{"Op":{{"name":"Op","input":{{"shape":"{input}"}},"output":{{"shape":"{input}"}}}}}},
        "shapes":{{{}}}}}"#,
        shapes.join(",")
    )
}

/// `L0` holds `L1` and so on, alternating lists and maps, down to a sensitive, constrained
/// string: every walk of the emitter through containers (types, redaction, validation) goes
/// all the way down.
fn nested_containers(levels: usize) -> String {
    let mut shapes = vec![
        r#""In":{"type":"structure","members":{"Deep":{"shape":"L0"}}}"#.to_owned(),
        r#""Key":{"type":"string"}"#.to_owned(),
        r#""Secret":{"type":"string","max":3,"sensitive":true}"#.to_owned(),
    ];
    for i in 0..levels {
        let inner = if i + 1 < levels { format!("L{}", i + 1) } else { "Secret".to_owned() };
        shapes.push(match i % 2 {
            0 => format!(r#""L{i}":{{"type":"list","member":{{"shape":"{inner}"}},"max":9}}"#),
            _ => format!(
                r#""L{i}":{{"type":"map","key":{{"shape":"Key"}},"value":{{"shape":"{inner}"}},"max":9}}"#
            ),
        });
    }
    model(&shapes, "In")
}

#[test]
fn containers_nested_as_deep_as_allowed_are_emitted_on_a_small_stack() {
    // A thread's default stack, whatever `RUST_MIN_STACK` says: the calling thread renders items
    // too.
    let model = nested_containers(MAX_CONTAINER_NESTING);
    let source = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || generate_source(&model, None).map(|g| g.source))
        .unwrap()
        .join()
        .unwrap()
        .unwrap();
    let start = source.find("pub struct In {").expect("the input structure is emitted");
    let body = &source[start..start + source[start..].find("impl In {").unwrap()];
    assert_eq!(body.matches("Vec<").count(), MAX_CONTAINER_NESTING / 2, "half of the levels are lists");
    assert_eq!(body.matches("HashMap<").count(), MAX_CONTAINER_NESTING / 2);
}

#[test]
fn containers_nested_deeper_are_refused_with_the_path() {
    let err = generate_source(&nested_containers(MAX_CONTAINER_NESTING + 1), None).unwrap_err();
    let Error::Model { error, .. } = &err else { panic!("expected a model error, got {err}") };
    assert_eq!(error.path, "$.shapes.L0.member.shape");
}

#[test]
fn a_long_chain_of_structures_unions_lists_and_maps_is_emitted() {
    // Each level is a structure holding a union holding a list of maps of the next level.
    let levels = 500;
    let mut shapes = vec![r#""Key":{"type":"string","min":1}"#.to_owned()];
    for i in 0..levels {
        let next = if i + 1 < levels { format!("S{}", i + 1) } else { "Key".to_owned() };
        shapes.push(format!(r#""S{i}":{{"type":"structure","members":{{"U":{{"shape":"U{i}"}}}}}}"#));
        shapes.push(format!(
            r#""U{i}":{{"type":"structure","union":true,"members":{{"A":{{"shape":"L{i}"}},"B":{{"shape":"Key"}}}}}}"#
        ));
        shapes.push(format!(r#""L{i}":{{"type":"list","member":{{"shape":"M{i}"}}}}"#));
        shapes
            .push(format!(r#""M{i}":{{"type":"map","key":{{"shape":"Key"}},"value":{{"shape":"{next}"}}}}"#));
    }
    let generated = generate_source(&model(&shapes, "S0"), None).unwrap();
    assert_eq!(generated.stats.shapes.get("structure"), Some(&levels));
    // The constraint at the bottom makes every level validate what it holds: each structure its
    // union, each union but the last the next structure.
    assert!(generated.source.contains("impl S0 {"), "S0 has its impls");
    assert_eq!(generated.source.matches(".validate_at(path)?;").count(), 2 * levels - 1);
}
