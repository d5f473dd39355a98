//! Generates typed Rust bindings from AWS botocore JSON models, Amazon Cognito user pools first.
//!
//! From a `build.rs`, prost-build style:
//!
//! ```no_run
//! // build.rs
//! fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     cognito_codegen::Config::new()
//!         .model("model/cognito-idp/2016-04-18/service-2.json")
//!         .operations(["InitiateAuth", "RespondToAuthChallenge"])
//!         .generate()?;
//!     Ok(())
//! }
//! ```
//!
//! and in the crate: `mod cognito { include!(concat!(env!("OUT_DIR"), "/cognito_idp.rs")); }`.
//!
//! The pipeline is reader ([`reader`]) → type space ([`typespace`]: names, recursion,
//! patterns, constraints) → emitter (`quote` + `prettyplease`, item by item on every core, with
//! the model's docs turned into Markdown there). The output depends on `cognito-idp-runtime`
//! alone: it re-exports its `support` and `wire` modules, and with a challenge schema its `srp`
//! module (runtime feature `srp`), and names serde, serde_json and the challenge proc-macro
//! (runtime feature `challenge`) through it. Both features are on by default.

pub mod challenges;
pub mod docs;
mod emit;
pub mod model;
pub mod naming;
pub mod paginators;
pub mod reader;
pub mod typespace;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Instant;

pub use emit::Features;
pub use reader::ModelError;
use typespace::{Kind, TypeSpace};

/// Settings of one generation; a `build.rs` needs only [`Config::model`] and
/// [`Config::generate`].
#[derive(Debug, Clone, Default)]
pub struct Config {
    model: Option<PathBuf>,
    challenge_schema: Option<PathBuf>,
    paginators: Option<Option<PathBuf>>,
    module_path: Option<String>,
    client_feature: Option<String>,
    cli_feature: Option<String>,
    reverse_serde_feature: Option<String>,
    feature_per_operation: bool,
    operations: Option<Vec<String>>,
    out_dir: Option<PathBuf>,
    rerun_if_changed: Option<bool>,
}

impl Config {
    /// A configuration with nothing set.
    pub fn new() -> Self {
        Self::default()
    }

    /// The botocore `service-2.json` to generate from.
    pub fn model(&mut self, path: impl AsRef<Path>) -> &mut Self {
        self.model = Some(path.as_ref().to_path_buf());
        self
    }

    /// The challenge schema (`spec/challenges.json`): emits the `challenge` module with
    /// `challenge_responses!` and `admin_challenge_responses!`, after checking the schema against
    /// the model's `ChallengeNameType`, and the `srp` module. They need the `challenge` and `srp`
    /// features of `cognito-idp-runtime`, which are on by default.
    pub fn challenge_schema(&mut self, path: impl AsRef<Path>) -> &mut Self {
        self.challenge_schema = Some(path.as_ref().to_path_buf());
        self
    }

    /// botocore's `paginators-1.json` for the model: paginated operations get `Paginated`
    /// impls (the client's `pages`, a `*_pages` method per operation) and the command line's
    /// `--max-items`, `--starting-token` and `--page-size`. Left unset, the file beside the model
    /// is used when there is one, as botocore keeps them; `None` turns paging off.
    pub fn paginators(&mut self, path: Option<impl AsRef<Path>>) -> &mut Self {
        self.paginators = Some(path.map(|p| p.as_ref().to_path_buf()));
        self
    }

    /// The paginators file [`Config::paginators`] names, or the one beside the model.
    fn paginators_path(&self, model: &Path) -> Option<PathBuf> {
        match &self.paginators {
            Some(chosen) => chosen.clone(),
            None => Some(model.with_file_name("paginators-1.json")).filter(|path| path.is_file()),
        }
    }

    /// Where the crate includes the generated file, from the crate root (`"cognito"` for
    /// `mod cognito { include!(…) }`). The challenge macros refer to the generated types through
    /// it and are then used as `cognito::challenge::challenge_responses!`. Left unset, the file is
    /// taken to be the crate root and the macros are exported there.
    pub fn module_path(&mut self, path: impl Into<String>) -> &mut Self {
        self.module_path = Some(path.into());
        self
    }

    /// Emits the async client (`mod client`) behind `feature` of the including crate, which then
    /// enables `cognito-idp-runtime/client` with it.
    pub fn client_feature(&mut self, feature: impl Into<String>) -> &mut Self {
        self.client_feature = Some(feature.into());
        self
    }

    /// Emits the command line (`mod cli`, `mod cli_commands`) behind `feature` of the including
    /// crate, which then enables the client's feature and `cognito-idp-runtime/cli` with it (and
    /// an async runtime such as `tokio` for its `main`). Needs [`Config::client_feature`].
    pub fn cli_feature(&mut self, feature: impl Into<String>) -> &mut Self {
        self.cli_feature = Some(feature.into());
        self
    }

    /// Each type implements the serde direction it travels: `Serialize` for what requests carry,
    /// `Deserialize` for what responses and errors carry (both for shapes that go both ways).
    /// This implements the other direction too, behind `feature` of the including crate: for
    /// reading requests or writing responses (mock servers, caches, fixtures). The command line
    /// ([`Config::cli_feature`]) needs both: without this feature its own feature turns them on;
    /// with it, the command line's feature must turn this one on (as `generated/`'s `cli` does).
    pub fn reverse_serde_feature(&mut self, feature: impl Into<String>) -> &mut Self {
        self.reverse_serde_feature = Some(feature.into());
        self
    }

    /// Puts each operation behind a cargo feature of the including crate, named after it in
    /// kebab case (`respond-to-auth-challenge`), with the shapes and errors only it reaches, so a
    /// program compiles only the operations it turns on. The crate must declare the features:
    /// [`Generated::cargo_features`] writes the `[features]` lines. The command line
    /// ([`Config::cli_feature`]) needs every operation, so its feature should turn on
    /// `all-operations`. Within a `build.rs`, [`Config::operations`] is the simpler way to the
    /// same end.
    pub fn feature_per_operation(&mut self, enabled: bool) -> &mut Self {
        self.feature_per_operation = enabled;
        self
    }

    /// Emits only these operations (model names) and the shapes they reach.
    pub fn operations<I, S>(&mut self, names: I) -> &mut Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.operations = Some(names.into_iter().map(Into::into).collect());
        self
    }

    /// Where to write; defaults to `$OUT_DIR`.
    pub fn out_dir(&mut self, dir: impl AsRef<Path>) -> &mut Self {
        self.out_dir = Some(dir.as_ref().to_path_buf());
        self
    }

    /// Whether to print `cargo:rerun-if-changed` for every input; defaults to yes inside a build
    /// script (when `OUT_DIR` is set) and no elsewhere.
    pub fn rerun_if_changed(&mut self, enabled: bool) -> &mut Self {
        self.rerun_if_changed = Some(enabled);
        self
    }

    /// Generates and writes `<endpoint_prefix in snake_case>.rs` into the output directory; the
    /// file is rewritten only when its content changes, so dependents are not rebuilt for nothing.
    pub fn generate(&self) -> Result<Report, Error> {
        let started = Instant::now();
        let model_path = self.model.clone().ok_or(Error::NoModel)?;
        let out_dir = match &self.out_dir {
            Some(dir) => dir.clone(),
            None => std::env::var_os("OUT_DIR").map(PathBuf::from).ok_or(Error::NoOutDir)?,
        };
        let in_build_script = std::env::var_os("OUT_DIR").is_some();
        let paginators_path = self.paginators_path(&model_path);
        if self.rerun_if_changed.unwrap_or(in_build_script) {
            for input in std::iter::once(&model_path).chain(&self.challenge_schema).chain(&paginators_path) {
                println!("cargo:rerun-if-changed={}", input.display());
            }
            // A paginators file added beside the model later is picked up.
            if self.paginators.is_none() {
                println!(
                    "cargo:rerun-if-changed={}",
                    model_path.with_file_name("paginators-1.json").display()
                );
            }
        }
        let text = read(&model_path)?;
        let schema =
            self.challenge_schema.as_ref().map(|path| read(path).map(|text| (text, path))).transpose()?;
        let paginators =
            paginators_path.as_ref().map(|path| read(path).map(|text| (text, path))).transpose()?;
        let inputs = Inputs {
            model: &text,
            operations: self.operations.as_deref(),
            challenges: schema.as_ref().map(|(text, path)| ChallengeInput { schema: text, path }),
            paginators: paginators.as_ref().map(|(text, path)| PaginatorInput { text, path }),
            module_path: self.module_path.as_deref(),
            doc_crate: None,
            features: Features {
                client: self.client_feature.as_deref(),
                cli: self.cli_feature.as_deref(),
                reverse_serde: self.reverse_serde_feature.as_deref(),
                per_operation: self.feature_per_operation,
                challenge: None,
                srp: None,
                flows: None,
            },
        };
        let generated = generate(&inputs).map_err(|e| e.in_file(&model_path))?;
        std::fs::create_dir_all(&out_dir).map_err(|source| Error::Io { path: out_dir.clone(), source })?;
        let path = out_dir.join(&generated.file_name);
        let written = write_if_changed(&path, &generated.source)?;
        Ok(Report { path, written, elapsed: started.elapsed(), generated })
    }
}

/// First line of the generated part of a manifest's `[features]` (see
/// [`Generated::manifest_with_features`]).
pub const FEATURES_BEGIN: &str = "# BEGIN operation features: written by cognito-codegen, do not edit";
/// Line after the generated part of a manifest's `[features]`.
pub const FEATURES_END: &str = "# END operation features";

/// Generated source and what it contains.
#[derive(Debug, Clone)]
pub struct Generated {
    /// The formatted Rust source.
    pub source: String,
    /// `cognito_idp.rs`: the model's endpoint prefix in snake case.
    pub file_name: String,
    /// Counts of what was emitted.
    pub stats: Stats,
    /// Renames and skipped checks worth knowing about.
    pub warnings: Vec<String>,
    /// The cargo feature of each operation, in model order, when the output has a feature per
    /// operation ([`Config::feature_per_operation`]); empty otherwise.
    pub operation_features: Vec<String>,
    /// The internal features the output gates items on that several operations reach
    /// (`_reach-…`), each with the operation features that turn it on; empty without a feature
    /// per operation.
    pub internal_features: Vec<(String, Vec<String>)>,
}

impl Generated {
    /// `manifest` (a `Cargo.toml`) with the lines between [`FEATURES_BEGIN`] and
    /// [`FEATURES_END`] replaced by [`Generated::cargo_features`]: how the checked-in crate's
    /// operation features are kept in step with its source.
    pub fn manifest_with_features(&self, manifest: &str) -> Result<String, String> {
        // Where the line that is exactly `marker` starts, and where the next one starts.
        let line = |marker: &str| {
            let mut start = 0;
            for line in manifest.split_inclusive('\n') {
                if line.trim_end_matches(['\n', '\r']) == marker {
                    return Ok((start, start + line.len()));
                }
                start += line.len();
            }
            Err(format!("the manifest has no `{marker}` line"))
        };
        let (_, body) = line(FEATURES_BEGIN)?;
        let (end, _) = line(FEATURES_END)?;
        if end < body {
            return Err(format!("the manifest has `{FEATURES_END}` before `{FEATURES_BEGIN}`"));
        }
        Ok(format!("{}{}{}", &manifest[..body], self.cargo_features(), &manifest[end..]))
    }

    /// The `[features]` lines the including crate declares for a feature per operation: one
    /// per operation, turning on the internal features of the items it reaches,
    /// `all-operations` turning them all on, and the internal features.
    pub fn cargo_features(&self) -> String {
        let mut out = String::from("all-operations = [\n");
        for feature in &self.operation_features {
            out.push_str(&format!("    \"{feature}\",\n"));
        }
        out.push_str("]\n");
        for feature in &self.operation_features {
            let reached: Vec<String> = self
                .internal_features
                .iter()
                .filter(|(_, operations)| operations.contains(feature))
                .map(|(internal, _)| format!("\"{internal}\""))
                .collect();
            out.push_str(&format!("{feature} = [{}]\n", reached.join(", ")));
        }
        if !self.internal_features.is_empty() {
            out.push_str(
                "# Internal: one per set of operations that reaches some item, which is gated on it alone.\n",
            );
        }
        for (internal, _) in &self.internal_features {
            out.push_str(&format!("{internal} = []\n"));
        }
        out
    }
}

/// Counts of emitted items.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// Operations emitted.
    pub operations: usize,
    /// Model shapes emitted, by kind (`structure`, `enum`, `string`, …).
    pub shapes: BTreeMap<&'static str, usize>,
}

impl Stats {
    /// All emitted shapes.
    pub fn total_shapes(&self) -> usize {
        self.shapes.values().sum()
    }
}

/// What [`Config::generate`] did.
#[derive(Debug, Clone)]
pub struct Report {
    /// The file written (or found up to date).
    pub path: PathBuf,
    /// False when the file already had this content.
    pub written: bool,
    /// Time taken, reading and writing included.
    pub elapsed: std::time::Duration,
    /// The output itself.
    pub generated: Generated,
}

/// Everything one generation reads, as text.
#[derive(Debug, Clone, Copy, Default)]
pub struct Inputs<'a> {
    /// The model JSON.
    pub model: &'a str,
    /// Operations to emit (all when `None`).
    pub operations: Option<&'a [String]>,
    /// The challenge schema, if the `challenge` module is wanted.
    pub challenges: Option<ChallengeInput<'a>>,
    /// botocore's paginators for the model, if operations are to page.
    pub paginators: Option<PaginatorInput<'a>>,
    /// See [`Config::module_path`].
    pub module_path: Option<&'a str>,
    /// Crate name under which doc examples compile (the checked-in crate's); `None` leaves them
    /// untested, since a consumer's crate name is not known.
    pub doc_crate: Option<&'a str>,
    /// Which parts of the output sit behind which cargo features of the including crate.
    pub features: Features<'a>,
}

/// The challenge schema's text and the file it came from (named in errors).
#[derive(Debug, Clone, Copy)]
pub struct ChallengeInput<'a> {
    pub schema: &'a str,
    pub path: &'a Path,
}

/// The paginators' text and the file it came from (named in errors).
#[derive(Debug, Clone, Copy)]
pub struct PaginatorInput<'a> {
    pub text: &'a str,
    pub path: &'a Path,
}

/// Generates source from model JSON text, for the given operations (all when `None`).
pub fn generate_source(model_json: &str, operations: Option<&[String]>) -> Result<Generated, Error> {
    generate(&Inputs { model: model_json, operations, ..Inputs::default() })
}

/// The model read from its JSON text, and its type space.
fn read_and_resolve(inputs: &Inputs<'_>) -> Result<(model::Model, TypeSpace), Error> {
    let model = reader::read_model(inputs.model).map_err(|error| Error::Model { file: None, error })?;
    let space = TypeSpace::build(&model, inputs.operations).map_err(Error::Resolve)?;
    Ok((model, space))
}

/// Generates source from all inputs.
pub fn generate(inputs: &Inputs<'_>) -> Result<Generated, Error> {
    // The runtime modules do not depend on the model: they are printed meanwhile.
    let doctests = inputs.doc_crate.is_some();
    let (runtime, resolved) = std::thread::scope(|scope| {
        let runtime =
            scope.spawn(|| emit::RuntimeText::print(&inputs.features, inputs.challenges.is_some(), doctests));
        let resolved = read_and_resolve(inputs);
        (runtime.join().unwrap_or_else(|_| Err("the runtime printing thread panicked".into())), resolved)
    });
    let (model, space) = resolved?;
    let runtime = runtime.map_err(Error::Emit)?;
    // The type space is not changed once built: later warnings are kept beside its own.
    let mut warnings = space.warnings.clone();
    let challenges = match &inputs.challenges {
        None => None,
        Some(input) => {
            let schema = challenges::read_schema(input.schema).map_err(|mut e| {
                e.file = Some(input.path.to_path_buf());
                Error::Schema(e)
            })?;
            challenges::cross_check(&schema, &model, input.path).map_err(Error::Schema)?;
            challenges::resolve(
                &schema,
                &model,
                &space,
                inputs.module_path.map(str::to_owned),
                inputs.doc_crate.map(str::to_owned),
                &mut warnings,
            )
        }
    };
    let paginators = match &inputs.paginators {
        None => Vec::new(),
        Some(input) => paginators::resolve(input.text, &model, &space, &mut warnings).map_err(|mut e| {
            e.file = Some(input.path.to_path_buf());
            Error::Paginators(e)
        })?,
    };
    let flows_left_out = challenges.as_ref().is_some_and(|c| c.srp.is_some() && !c.needs.flows_possible);
    if flows_left_out && inputs.features.client.is_some() {
        warnings.push(
            "no sign-in flows: they need InitiateAuth, AdminInitiateAuth, RespondToAuthChallenge, AdminRespondToAuthChallenge, ConfirmDevice and UpdateDeviceStatus"
                .to_owned(),
        );
    }
    let source = emit::emit_file(&space, challenges.as_ref(), &paginators, &inputs.features, &runtime)
        .map_err(Error::Emit)?;
    Ok(Generated {
        source,
        file_name: format!(
            "{}.rs",
            naming::to_snake(&model.metadata.endpoint_prefix).trim_start_matches("r#")
        ),
        stats: stats(&space),
        operation_features: match inputs.features.per_operation {
            true => space.operations.iter().map(|op| op.command_name.clone()).collect(),
            false => Vec::new(),
        },
        internal_features: emit::internal_features(&space, inputs.features.per_operation)
            .into_iter()
            .map(|(name, operations)| {
                let features = operations.iter().map(|&i| space.operations[i].command_name.clone()).collect();
                (name, features)
            })
            .collect(),
        warnings,
    })
}

fn stats(space: &TypeSpace) -> Stats {
    let mut shapes = BTreeMap::new();
    for shape in space.shapes.iter().filter(|s| s.included) {
        let kind = match &shape.kind {
            Kind::Struct(_) => "structure",
            Kind::Exception(_) => "exception",
            Kind::Union(_) => "union",
            Kind::Enum(_) => "enum",
            Kind::String => "string",
            Kind::Integer | Kind::Long | Kind::Float | Kind::Double => "number",
            Kind::Boolean => "boolean",
            Kind::Blob => "blob",
            Kind::Timestamp => "timestamp",
            Kind::Document => "document",
            Kind::List(_) => "list",
            Kind::Map(..) => "map",
        };
        *shapes.entry(kind).or_insert(0) += 1;
    }
    Stats { operations: space.operations.len(), shapes }
}

fn read(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })
}

/// Writes `content` unless the file already holds it; returns whether it wrote.
pub fn write_if_changed(path: &Path, content: &str) -> Result<bool, Error> {
    if std::fs::read(path).is_ok_and(|existing| existing == content.as_bytes()) {
        return Ok(false);
    }
    std::fs::write(path, content).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
    Ok(true)
}

/// Why generation failed.
#[derive(Debug)]
pub enum Error {
    /// [`Config::model`] was not called.
    NoModel,
    /// No [`Config::out_dir`] and no `OUT_DIR` (not in a build script).
    NoOutDir,
    /// A file could not be read or written.
    Io { path: PathBuf, source: std::io::Error },
    /// The model is broken; `error.path` is the JSON path.
    Model { file: Option<PathBuf>, error: ModelError },
    /// The challenge schema is broken or does not match the model.
    Schema(challenges::SchemaError),
    /// The paginators are broken or name what the model lacks.
    Paginators(paginators::PaginatorError),
    /// The model is readable but cannot be resolved (an unknown operation was asked for, …).
    Resolve(String),
    /// Emission failed; a bug of the generator.
    Emit(String),
}

impl Error {
    fn in_file(self, path: &Path) -> Self {
        match self {
            Error::Model { file: None, error } => Error::Model { file: Some(path.to_path_buf()), error },
            other => other,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NoModel => f.write_str("no model given: call Config::model(path)"),
            Error::NoOutDir => {
                f.write_str("no output directory: call Config::out_dir(dir) or run from a build script")
            }
            Error::Io { path, source } => write!(f, "{}: {source}", path.display()),
            Error::Model { file: Some(file), error } => write!(f, "{}: {error}", file.display()),
            Error::Model { file: None, error } => error.fmt(f),
            Error::Schema(error) => error.fmt(f),
            Error::Paginators(error) => error.fmt(f),
            Error::Resolve(message) => f.write_str(message),
            Error::Emit(message) => write!(f, "internal error of the generator: {message}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            Error::Model { error, .. } => Some(error),
            Error::Schema(error) => Some(error),
            Error::Paginators(error) => Some(error),
            _ => None,
        }
    }
}
