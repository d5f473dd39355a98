//! `cognito-codegen`: regenerates the checked-in bindings, or checks that they are fresh.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use cognito_codegen::{generate, write_if_changed, ChallengeInput, Features, Generated, Inputs};

const DEFAULT_MODEL: &str = "spec/cognito-idp/2016-04-18/service-2.json";
const DEFAULT_OUT: &str = "generated/src";
const DEFAULT_CHALLENGES: &str = "spec/challenges.json";
/// The checked-in crate, whose doc examples are compiled.
const DEFAULT_DOC_CRATE: &str = "cognito_idp";

const USAGE: &str = "\
cognito-codegen: Rust bindings from a botocore service-2.json

USAGE:
    cognito-codegen [--model PATH] [--challenges PATH|none] [--out DIR] [--operations A,B,...] [--check]

With no arguments, regenerates generated/src from the model in spec/ (run from the workspace
root), and the operation features in generated/Cargo.toml, and prints what it did.

OPTIONS:
    --model PATH          the model [default: spec/cognito-idp/2016-04-18/service-2.json]
    --challenges PATH     the challenge schema; `none` for no challenge module
                          [default: spec/challenges.json with the default model, else none]
    --out DIR             where to write <endpoint_prefix>.rs [default: generated/src]
    --operations A,B      emit only these operations and the shapes they reach
    --check               write nothing; exit 1 with a diff summary if the output is stale
    -h, --help            this text
";

#[derive(Debug)]
struct Args {
    model: PathBuf,
    challenges: Option<PathBuf>,
    out: PathBuf,
    operations: Option<Vec<String>>,
    check: bool,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut parsed = Args {
        model: DEFAULT_MODEL.into(),
        challenges: Some(DEFAULT_CHALLENGES.into()),
        out: DEFAULT_OUT.into(),
        operations: None,
        check: false,
    };
    let mut challenges_given = false;
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag.to_owned(), Some(value.to_owned())),
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| {
            inline.clone().or_else(|| args.next()).ok_or_else(|| format!("{name} needs a value"))
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(None),
            "--model" => parsed.model = value("--model")?.into(),
            "--challenges" => {
                let path = value("--challenges")?;
                parsed.challenges = (path != "none").then(|| path.into());
                challenges_given = true;
            }
            "--out" => parsed.out = value("--out")?.into(),
            "--operations" => {
                let list = value("--operations")?;
                let names: Vec<String> =
                    list.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect();
                if names.is_empty() {
                    return Err("--operations needs at least one operation name".into());
                }
                parsed.operations = Some(names);
            }
            "--check" => parsed.check = true,
            other => return Err(format!("unknown argument `{other}` (see --help)")),
        }
    }
    if !challenges_given && parsed.model != Path::new(DEFAULT_MODEL) {
        parsed.challenges = None;
    }
    Ok(Some(parsed))
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
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
        parse_args(args.iter().map(|s| s.to_string()))
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
        assert!(parse(&["--bogus"]).unwrap_err().contains("unknown argument"));
    }

    #[test]
    fn diff_summary_counts_and_locates() {
        let summary = diff_summary("a\nb\nc\n", "a\nB\nc\nd\n");
        assert!(summary.starts_with("2 lines added, 1 removed; first difference at line 2"), "{summary}");
        assert!(summary.contains("on disk: b") && summary.contains("fresh:   B"), "{summary}");
    }
}
