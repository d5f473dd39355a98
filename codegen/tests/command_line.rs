//! The `cognito-codegen` binary as a user runs it: what it refuses, and how it says so.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const FIXTURE: &str = include_str!("fixtures/representative/service-2.json");

/// Exit code of a command line the binary cannot use.
const USAGE_ERROR: i32 = 2;
/// Exit code of a generation that failed.
const FAILURE: i32 = 1;

fn scratch_dir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("command-line").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[impl AsRef<std::ffi::OsStr>]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cognito-codegen")).args(args).output().unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn write_fixture(path: &Path, edit: impl FnOnce(&mut serde_json::Value)) {
    let mut model: serde_json::Value = serde_json::from_str(FIXTURE).unwrap();
    edit(&mut model);
    std::fs::write(path, serde_json::to_string(&model).unwrap()).unwrap();
}

#[test]
fn a_model_of_another_protocol_is_refused_and_nothing_is_written() {
    let dir = scratch_dir("rest-xml");
    let model = dir.join("service-2.json");
    write_fixture(&model, |model| {
        let metadata = model["metadata"].as_object_mut().unwrap();
        metadata.insert("protocol".into(), "rest-xml".into());
        metadata.remove("protocols");
    });
    let out = dir.join("out");
    let output = run(&[Path::new("--model"), &model, Path::new("--out"), &out]);
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(FAILURE), "{message}");
    assert!(
        message.contains(
            "invalid model at `$.metadata.protocol`: the model's protocol is `rest-xml`; \
             cognito-codegen generates AWS JSON protocol (`json`) clients only"
        ),
        "{message}"
    );
    assert!(!out.exists(), "nothing is written for a refused model");
}

#[cfg(unix)]
mod not_unicode {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;

    use super::*;

    const MARKER: &str = "SECRET-MARKER-7f3a";

    fn with_marker(before: &[u8], after: &[u8]) -> Vec<u8> {
        [before, MARKER.as_bytes(), after].concat()
    }

    #[test]
    fn an_operation_list_that_is_not_unicode_is_a_usage_error_that_does_not_repeat_it() {
        let model = scratch_dir("operations").join("service-2.json");
        write_fixture(&model, |_| {});
        let value = with_marker(b"Init\xffAuth", b"");
        let separate =
            [OsStr::new("--model"), model.as_os_str(), OsStr::new("--operations"), OsStr::from_bytes(&value)];
        let inline = [b"--operations=".as_slice(), &value].concat();
        for args in [&separate[..], &[OsStr::from_bytes(&inline)]] {
            let output = run(args);
            let message = stderr(&output);
            assert_eq!(output.status.code(), Some(USAGE_ERROR), "{message}");
            assert!(message.contains("--operations"), "{message}");
            assert!(!message.contains(MARKER), "{message}");
            assert!(!message.contains("panicked"), "{message}");
        }
    }

    #[test]
    fn an_unexpected_argument_is_named_by_its_position_only() {
        let value = with_marker(b"\xfe", b"\xff");
        let output = run(&[OsStr::new("--check"), OsStr::from_bytes(&value)]);
        let message = stderr(&output);
        assert_eq!(output.status.code(), Some(USAGE_ERROR), "{message}");
        assert!(message.starts_with("error: unexpected argument at position 2"), "{message}");
        assert!(!message.contains(MARKER), "{message}");
    }

    #[test]
    fn paths_that_are_not_unicode_are_used_as_given() {
        let dir = scratch_dir("paths");
        let model = dir.join(OsStr::from_bytes(b"service-\xff.json"));
        write_fixture(&model, |_| {});
        let out = dir.join(OsStr::from_bytes(b"out-\xfe"));
        let output = run(&[OsStr::new("--model"), model.as_os_str(), OsStr::new("--out"), out.as_os_str()]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        assert!(out.join("representative.rs").is_file());
    }
}
