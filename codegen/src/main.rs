//! `cognito-codegen`: regenerates the checked-in bindings, or checks that they are fresh.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use cognito_codegen::{
    generate, write_if_changed, ChallengeInput, Features, Generated, Inputs, PaginatorInput,
};

const DEFAULT_MODEL: &str = "spec/cognito-idp/2016-04-18/service-2.json";
const DEFAULT_OUT: &str = "generated/src";
const DEFAULT_CHALLENGES: &str = "spec/challenges.json";
/// The checked-in crate, whose doc examples are compiled.
const DEFAULT_DOC_CRATE: &str = "cognito_idp";

const USAGE: &str = "\
cognito-codegen: Rust bindings from a botocore service-2.json

USAGE:
    cognito-codegen [--model PATH] [--challenges PATH|none] [--paginators PATH|none] [--out DIR]
                    [--operations A,B,...] [--check]

With no arguments, regenerates generated/src from the model in spec/ (run from the workspace
root), and the operation features in generated/Cargo.toml, and prints what it did.

OPTIONS:
    --model PATH          the model [default: spec/cognito-idp/2016-04-18/service-2.json]
    --challenges PATH     the challenge schema; `none` for no challenge module
                          [default: spec/challenges.json with the default model, else none]
    --paginators PATH     botocore's paginators for the model; `none` for no paging
                          [default: paginators-1.json beside the model, when there is one]
    --out DIR             where to write <endpoint_prefix>.rs [default: generated/src]
    --operations A,B      emit only these operations and the shapes they reach
    --check               write nothing; exit 1 with a diff summary if the output is stale
    -h, --help            this text
";

#[derive(Debug)]
struct Args {
    model: PathBuf,
    challenges: Option<PathBuf>,
    /// `None`: the file beside the model, if any; `Some(None)`: none.
    paginators: Option<Option<PathBuf>>,
    out: PathBuf,
    operations: Option<Vec<String>>,
    check: bool,
}

/// Reads the arguments as the OS gives them: paths keep bytes that are not Unicode, and what
/// must be text is checked here, so that no argument can make the program panic.
fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Option<Args>, String> {
    let mut parsed = Args {
        model: DEFAULT_MODEL.into(),
        challenges: Some(DEFAULT_CHALLENGES.into()),
        paginators: None,
        out: DEFAULT_OUT.into(),
        operations: None,
        check: false,
    };
    let mut challenges_given = false;
    let mut args = args.into_iter().enumerate().map(|(index, arg)| (index + 1, arg));
    while let Some((position, arg)) = args.next() {
        let (flag, mut inline) = match split_at_equals(&arg) {
            Some((flag, value)) if flag.as_encoded_bytes().starts_with(b"--") => (flag, Some(value)),
            _ => (arg, None),
        };
        let mut value = |name: &str| {
            inline
                .take()
                .or_else(|| args.next().map(|(_, arg)| arg))
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match flag.to_str() {
            Some("-h" | "--help") => return Ok(None),
            Some("--model") => parsed.model = value("--model")?.into(),
            Some("--challenges") => {
                let path = value("--challenges")?;
                parsed.challenges = (path != "none").then(|| path.into());
                challenges_given = true;
            }
            Some("--paginators") => {
                let path = value("--paginators")?;
                parsed.paginators = Some((path != "none").then(|| path.into()));
            }
            Some("--out") => parsed.out = value("--out")?.into(),
            Some("--operations") => {
                let list = value("--operations")?.into_string().map_err(|_| {
                    "--operations takes operation names, and its value is not valid Unicode".to_owned()
                })?;
                let names: Vec<String> =
                    list.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect();
                if names.is_empty() {
                    return Err("--operations needs at least one operation name".into());
                }
                parsed.operations = Some(names);
            }
            Some("--check") => parsed.check = true,
            Some(other) if looks_like_flag(other) => {
                return Err(format!("unknown option `{other}` (see --help)"));
            }
            // It may be a value given to the wrong place, such as a secret: it is not repeated.
            _ => return Err(format!("unexpected argument at position {position} (see --help)")),
        }
        if inline.is_some() {
            return Err(format!("{} takes no value", flag.to_string_lossy()));
        }
    }
    if !challenges_given && parsed.model != Path::new(DEFAULT_MODEL) {
        parsed.challenges = None;
    }
    Ok(Some(parsed))
}

/// Whether an argument is shaped like an option's name (`--` and a short ASCII word), and so can
/// be named in an error without repeating something that was not meant as one.
fn looks_like_flag(arg: &str) -> bool {
    arg.strip_prefix("--").is_some_and(|name| {
        (1..=32).contains(&name.len())
            && name.starts_with(|c: char| c.is_ascii_alphabetic())
            && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    })
}

/// `--flag=value` split at the first `=`, the value left as the OS gave it (a path need not be
/// Unicode).
#[cfg(unix)]
fn split_at_equals(arg: &OsStr) -> Option<(OsString, OsString)> {
    use std::os::unix::ffi::OsStrExt;
    let bytes = arg.as_bytes();
    let at = bytes.iter().position(|&b| b == b'=')?;
    Some((OsStr::from_bytes(&bytes[..at]).to_owned(), OsStr::from_bytes(&bytes[at + 1..]).to_owned()))
}

#[cfg(windows)]
fn split_at_equals(arg: &OsStr) -> Option<(OsString, OsString)> {
    use std::os::windows::ffi::{OsStrExt, OsStringExt};
    let wide: Vec<u16> = arg.encode_wide().collect();
    let at = wide.iter().position(|&c| c == u16::from(b'='))?;
    Some((OsString::from_wide(&wide[..at]), OsString::from_wide(&wide[at + 1..])))
}

// Elsewhere only a Unicode argument is split: `--model PATH` takes any path all the same.
#[cfg(not(any(unix, windows)))]
fn split_at_equals(arg: &OsStr) -> Option<(OsString, OsString)> {
    let (flag, value) = arg.to_str()?.split_once('=')?;
    Some((flag.into(), value.into()))
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args_os().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("error: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<ExitCode, String> {
    let started = Instant::now();
    let text = std::fs::read_to_string(&args.model).map_err(|e| format!("{}: {e}", args.model.display()))?;
    let schema = match &args.challenges {
        Some(path) => Some(std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?),
        None => None,
    };
    let paginators_path = match &args.paginators {
        Some(chosen) => chosen.clone(),
        None => Some(args.model.with_file_name("paginators-1.json")).filter(|path| path.is_file()),
    };
    let paginators = match &paginators_path {
        Some(path) => Some(std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?),
        None => None,
    };
    // The checked-in crate has the checked-in features; only the whole model in `spec/` has a
    // feature per operation, listed in its manifest (a subset written there leaves it alone).
    let default_out = args.out == Path::new(DEFAULT_OUT);
    let whole = args.model == Path::new(DEFAULT_MODEL) && args.operations.is_none();
    let inputs = Inputs {
        model: &text,
        operations: args.operations.as_deref(),
        challenges: args
            .challenges
            .as_deref()
            .zip(schema.as_deref())
            .map(|(path, schema)| ChallengeInput { schema, path }),
        paginators: paginators_path
            .as_deref()
            .zip(paginators.as_deref())
            .map(|(path, text)| PaginatorInput { text, path }),
        module_path: None,
        doc_crate: default_out.then_some(DEFAULT_DOC_CRATE),
        features: match default_out {
            true => Features { per_operation: whole, ..Features::CHECKED_IN },
            false => Features::default(),
        },
    };
    let generated = generate(&inputs).map_err(|e| format!("{}: {e}", args.model.display()))?;
    let path = args.out.join(&generated.file_name);
    for warning in &generated.warnings {
        eprintln!("warning: {warning}");
    }
    // The checked-in crate declares a feature per operation in its manifest.
    let manifest = match inputs.features.per_operation {
        true => {
            let path = args.out.parent().unwrap_or(Path::new(".")).join("Cargo.toml");
            let old = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let fresh =
                generated.manifest_with_features(&old).map_err(|e| format!("{}: {e}", path.display()))?;
            Some((path, fresh))
        }
        false => None,
    };
    if args.check {
        let fresh = check(&path, &generated.source);
        let manifest_fresh = manifest.as_ref().is_none_or(|(path, text)| check(path, text));
        return Ok(if fresh && manifest_fresh { ExitCode::SUCCESS } else { ExitCode::FAILURE });
    }
    std::fs::create_dir_all(&args.out).map_err(|e| format!("{}: {e}", args.out.display()))?;
    let written = write_if_changed(&path, &generated.source).map_err(|e| e.to_string())?;
    print_summary(args, &generated, &path, written, started);
    if let Some((path, text)) = &manifest {
        let written = write_if_changed(path, text).map_err(|e| e.to_string())?;
        let state = if written { "written" } else { "unchanged" };
        println!(
            "features    {} operation features in {} ({state})",
            generated.operation_features.len(),
            path.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn print_summary(args: &Args, generated: &Generated, path: &Path, written: bool, started: Instant) {
    let stats = &generated.stats;
    println!("model       {}", args.model.display());
    println!("operations  {}", stats.operations);
    let kinds: Vec<String> = stats.shapes.iter().map(|(kind, n)| format!("{n} {kind}")).collect();
    println!("shapes      {} ({})", stats.total_shapes(), kinds.join(", "));
    println!(
        "file        {} ({} bytes, {} lines, {})",
        path.display(),
        generated.source.len(),
        generated.source.lines().count(),
        if written { "written" } else { "unchanged" }
    );
    println!("warnings    {}", generated.warnings.len());
    println!("time        {} ms", started.elapsed().as_millis());
}

/// Compares the file on disk with fresh output; prints a summary of the difference.
fn check(path: &Path, fresh: &str) -> bool {
    let existing = std::fs::read_to_string(path).unwrap_or_default();
    if existing == fresh {
        println!("{} is up to date", path.display());
        return true;
    }
    let summary = diff_summary(&existing, fresh);
    eprintln!("{} is stale: {summary}\nrun `cargo run -p cognito-codegen` to regenerate", path.display());
    false
}

/// Lines only in one side or the other (as multisets), and the first line that differs.
fn diff_summary(old: &str, new: &str) -> String {
    if old.is_empty() {
        return format!("the file is missing or empty; {} lines would be written", new.lines().count());
    }
    let mut counts: std::collections::HashMap<&str, i64> = std::collections::HashMap::new();
    for line in old.lines() {
        *counts.entry(line).or_default() -= 1;
    }
    for line in new.lines() {
        *counts.entry(line).or_default() += 1;
    }
    let added: i64 = counts.values().filter(|c| **c > 0).sum();
    let removed: i64 = -counts.values().filter(|c| **c < 0).sum::<i64>();
    let first = old
        .lines()
        .zip(new.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| old.lines().count().min(new.lines().count()));
    let shorten = |line: Option<&str>| {
        let line = line.unwrap_or("<end of file>");
        if line.chars().count() > 100 {
            format!("{}…", line.chars().take(100).collect::<String>())
        } else {
            line.to_owned()
        }
    };
    format!(
        "{added} lines added, {removed} removed; first difference at line {}:\n  on disk: {}\n  fresh:   {}",
        first + 1,
        shorten(old.lines().nth(first)),
        shorten(new.lines().nth(first))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Option<Args>, String> {
        parse_args(args.iter().map(OsString::from))
    }

    #[test]
    fn defaults_and_flags() {
        let args = parse(&[]).unwrap().unwrap();
        assert_eq!(args.model, PathBuf::from(DEFAULT_MODEL));
        assert!(!args.check);
        let args = parse(&["--operations", "A, B", "--out=x", "--check"]).unwrap().unwrap();
        assert_eq!(args.operations, Some(vec!["A".to_string(), "B".to_string()]));
        assert_eq!(args.out, PathBuf::from("x"));
        assert!(args.check);
        assert!(parse(&["--help"]).unwrap().is_none());
        assert!(parse(&["--model"]).unwrap_err().contains("needs a value"));
        assert_eq!(parse(&["--bogus"]).unwrap_err(), "unknown option `--bogus` (see --help)");
        assert_eq!(parse(&["--check=yes"]).unwrap_err(), "--check takes no value");
        let args = parse(&["--challenges=none", "--model", "m.json"]).unwrap().unwrap();
        assert_eq!((args.challenges, args.model), (None, PathBuf::from("m.json")));
    }

    #[test]
    fn arguments_that_are_not_option_names_are_not_repeated() {
        for (args, position) in [
            (&["--out", "x", "hunter2"][..], 3),
            (&["-phunter2"][..], 1),
            (&["--hunter2 and more"][..], 1),
            (&["--a-very-long-argument-that-is-probably-not-a-flag-name"][..], 1),
        ] {
            let message = parse(args).unwrap_err();
            assert_eq!(message, format!("unexpected argument at position {position} (see --help)"));
        }
        assert_eq!(parse(&["--password=hunter2"]).unwrap_err(), "unknown option `--password` (see --help)");
    }

    #[cfg(unix)]
    #[test]
    fn paths_keep_bytes_that_are_not_unicode_and_text_options_refuse_them() {
        use std::os::unix::ffi::OsStrExt;
        let odd = |bytes: &[u8]| OsStr::from_bytes(bytes).to_owned();
        let args = parse_args([
            odd(b"--model"),
            odd(b"m\xff.json"),
            odd(b"--out=o\xfe"),
            odd(b"--challenges=c\xfd"),
        ])
        .unwrap()
        .unwrap();
        assert_eq!(args.model.as_os_str().as_bytes(), b"m\xff.json");
        assert_eq!(args.out.as_os_str().as_bytes(), b"o\xfe");
        assert_eq!(args.challenges.unwrap().as_os_str().as_bytes(), b"c\xfd");
        for args in [[odd(b"--operations"), odd(b"A\xffB")], [odd(b"--operations=A\xffB"), odd(b"--check")]] {
            let message = parse_args(args).unwrap_err();
            assert_eq!(message, "--operations takes operation names, and its value is not valid Unicode");
        }
        let message = parse_args([odd(b"--check"), odd(b"--mo\xffdel")]).unwrap_err();
        assert_eq!(message, "unexpected argument at position 2 (see --help)");
    }

    #[test]
    fn diff_summary_counts_and_locates() {
        let summary = diff_summary("a\nb\nc\n", "a\nB\nc\nd\n");
        assert!(summary.starts_with("2 lines added, 1 removed; first difference at line 2"), "{summary}");
        assert!(summary.contains("on disk: b") && summary.contains("fresh:   B"), "{summary}");
    }
}
