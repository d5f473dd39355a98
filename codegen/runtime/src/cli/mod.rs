//! The command-line engine (the `cognito-idp` binary): one subcommand per operation with the AWS
//! CLI's names and options, the AWS CLI's shorthand and JSON syntaxes, `--cli-input-json`,
//! `--cli-input-yaml` and `--generate-cli-skeleton`, and its global options (`--output`,
//! `--query`, `--profile`, `--debug`, …; [`output`] prints responses as it does), error line and
//! exit statuses.
//!
//! A [`CommandLine`] is driven by the tables and the dispatch function that generated bindings
//! emit (their `cli_commands` module) and that their `cli` module wires up. Values are turned
//! into JSON in the model's wire names, guided by the members' shape descriptors, and from JSON
//! into the typed request by serde.

use ::serde_json::{Map, Value};
use ::std::fmt::Write as _;
use ::std::future::Future;
use ::std::pin::Pin;
use ::std::sync::OnceLock;

use crate::challenge_rules::{self, Audience, Given, Operation, Problem, Schema, Subject};

use crate::client::Client;

mod help;
pub mod output;
pub mod paging;
pub mod table;
pub mod text;
mod wide;
use crate::support::ServiceInfo;
/// The argument parser the engine is built on, for [`CommandLine::clap_command`]'s users.
#[doc(no_inline)]
pub use ::clap;

/// Sends an operation (by its wire name) with its input as JSON, returning the output as JSON:
/// what generated bindings emit as `cli_commands::dispatch`, a `match` over their operations.
pub type Dispatch = for<'a> fn(
    &'a Client,
    &'a str,
    Value,
) -> Pin<Box<dyn Future<Output = Result<Value, DispatchError>> + 'a>>;

/// A service's command line: its commands, its challenge schema and how to send a request.
pub struct CommandLine {
    commands: &'static [Command],
    challenge_schema: &'static str,
    service: &'static ServiceInfo,
    dispatch: Dispatch,
    /// The challenge schema, read on first use.
    rules: OnceLock<Result<Schema, String>>,
}

impl CommandLine {
    /// The command line of `service`: `commands`, the challenge schema in
    /// `cognito-challenge-rules`' text form (empty: no challenge is checked), and `dispatch`.
    pub const fn new(
        commands: &'static [Command],
        challenge_schema: &'static str,
        service: &'static ServiceInfo,
        dispatch: Dispatch,
    ) -> Self {
        CommandLine { commands, challenge_schema, service, dispatch, rules: OnceLock::new() }
    }

    /// Runs the command line (`args` without the program name) and returns the exit status, as
    /// the AWS CLI's: 0, 252 for bad syntax or values, 253 for missing or broken settings (no
    /// region, no credentials, a bad profile), 254 when the service answers with an error, 255
    /// when the call fails otherwise, 130 when interrupted (Ctrl-C). While a call runs, Ctrl-C is
    /// caught to end it with that status; tokio keeps its handler installed afterwards, so a
    /// long-running program that calls this should expect to handle Ctrl-C itself from then on.
    pub async fn run<I, T>(&self, args: I) -> ::std::process::ExitCode
    where
        I: IntoIterator<Item = T>,
        T: Into<::std::ffi::OsString>,
    {
        // Lossy: a variable that is not UTF-8 still reaches the checks, which then name it.
        let env = |name: &str| {
            ::std::env::var_os(name).map(|v| v.to_string_lossy().into_owned()).filter(|v| !v.is_empty())
        };
        let plan = match self.plan(args, &env) {
            Ok(plan) => plan,
            Err(CliError::Usage(e)) => {
                match usage_message(&e) {
                    Some(message) => eprintln!("cognito-idp: {message}"),
                    None => drop(e.print()),
                }
                // Help goes to stdout and succeeds; a usage error is a bad parameter.
                return ::std::process::ExitCode::from(if e.use_stderr() { 252 } else { 0 });
            }
            Err(CliError::Input(message)) => {
                eprintln!("cognito-idp: error: {message}");
                return ::std::process::ExitCode::from(252);
            }
        };
        match plan {
            Plan::Print(text) => {
                println!("{text}");
                ::std::process::ExitCode::SUCCESS
            }
            Plan::Call { operation, input, region, endpoint, settings, paging } => {
                let call = self.call(operation, input, region, endpoint, &settings, &paging);
                match until_interrupted(call).await {
                    Some(status) => ::std::process::ExitCode::from(status),
                    None => {
                        eprintln!();
                        ::std::process::ExitCode::from(130)
                    }
                }
            }
        }
    }

    /// Sends one planned call and prints its response; the exit status.
    async fn call(
        &self,
        operation: &'static str,
        input: Value,
        region: Option<String>,
        endpoint: Option<String>,
        settings: &Settings,
        paging_args: &paging::PagingArgs,
    ) -> u8 {
        let Some(command) = self.commands.iter().find(|c| c.operation == operation) else {
            eprintln!("cognito-idp: error: no command calls {operation}");
            return 255;
        };
        let debug = settings.debug.then(|| Debug::new(self.service));
        // --profile replaces AWS_PROFILE for everything read from the shared files.
        let env = |name: &str| match (name, &settings.profile) {
            ("AWS_PROFILE", Some(profile)) => Some(profile.clone()),
            _ => crate::client::profile::process_environment(name),
        };
        let profile = match crate::client::profile::load(&env) {
            Ok(profile) => profile,
            Err(e) => {
                eprintln!("cognito-idp: error: {e}");
                return 253;
            }
        };
        let format = match (settings.output, env("AWS_DEFAULT_OUTPUT"), profile.get("output")) {
            (Some(format), _, _) => format,
            (None, Some(name), _) => match output::Format::from_name(&name) {
                Some(format) => format,
                None => return settings_error("AWS_DEFAULT_OUTPUT", "output format"),
            },
            (None, None, Some(name)) => match output::Format::from_name(name) {
                Some(format) => format,
                None => return settings_error("the profile's `output`", "output format"),
            },
            (None, None, None) => output::Format::Json,
        };
        let query = match settings.query.as_deref().map(output::Query::compile).transpose() {
            Ok(query) => query,
            Err(message) => {
                eprintln!("cognito-idp: error: --query: {message}");
                return 252;
            }
        };
        let mut builder = match region {
            Some(region) => crate::client::ClientBuilder::<Client>::new(self.service, region),
            None => crate::client::ClientBuilder::<Client>::from_env(self.service),
        };
        if let Some(url) = endpoint {
            builder = builder.endpoint_url(url);
        }
        if let Some(profile) = &settings.profile {
            builder = builder.profile_name(profile);
        }
        if let Some(timeout) = settings.connect_timeout {
            builder = builder.connect_timeout(timeout);
        }
        if let Some(timeout) = settings.read_timeout {
            // The AWS CLI has no limit on a whole attempt: the read timeout is the one it gives.
            builder = builder.read_timeout(timeout).timeout(timeout);
        }
        builder = builder
            .danger_accept_invalid_certificates(!settings.verify_ssl)
            .sign_requests(settings.sign_request);
        if let Some(debug) = &debug {
            builder = builder.inspect(debug.inspector());
        }
        let client = match builder.build() {
            Ok(client) => client,
            Err(crate::client::BuildError::NoRegion) => {
                eprintln!(
                    "cognito-idp: error: no region: give --region, set AWS_REGION, or set `region` in \
                     the profile of ~/.aws/config"
                );
                return 253;
            }
            Err(e @ crate::client::BuildError::Profile(_)) => {
                eprintln!("cognito-idp: error: {e}");
                return 253;
            }
            Err(e) => {
                eprintln!("cognito-idp: error: cannot build the client: {e}");
                return 255;
            }
        };
        if let Some(debug) = &debug {
            debug.line(&format!("calling {operation} at {}", client.endpoint()));
            let parameters = output::redacted(&input, command.input);
            debug.line(&format!(
                "request parameters: {}",
                ::serde_json::to_string(&parameters).unwrap_or_default()
            ));
        }
        let style = table::Style { width: terminal_width(), color: settings.color.enabled() };
        let output = output::Output { format, query: query.as_ref(), table: style };
        // One call, as shown (timestamps in ISO 8601), after --debug has seen it.
        let (client, debug_ref) = (&client, &debug);
        let call = move |input: Value| {
            let debug = debug_ref;
            async move {
                let mut response = (self.dispatch)(client, operation, input).await?;
                if let Some(debug) = debug {
                    let shown = output::redacted(&response, command.output);
                    debug.line(&format!(
                        "response body: {}",
                        ::serde_json::to_string(&shown).unwrap_or_default()
                    ));
                }
                output::timestamps_to_iso8601(&mut response, command.output);
                Ok::<Value, DispatchError>(response)
            }
        };
        let rendered = match (command.paging, settings.paginate) {
            (Some(paging), true) => {
                let Value::Object(input) = input else {
                    eprintln!("cognito-idp: error: the input of {operation} is not an object");
                    return 255;
                };
                match paging::fetch(paging, paging_args, input, call).await {
                    Ok(paged) => render_pages(&output, operation, paging, &paged),
                    Err(paging::PagingFailure::Input(message)) => {
                        eprintln!("cognito-idp: error: {message}");
                        return 252;
                    }
                    Err(paging::PagingFailure::RepeatedToken) => {
                        eprintln!(
                            "\nAn error occurred when calling the {operation} operation: the same next token was \
                             received twice; the pages stop there rather than loop"
                        );
                        return 255;
                    }
                    Err(paging::PagingFailure::Call(error)) => {
                        return self.report(operation, error, debug.as_ref(), settings, &env);
                    }
                }
            }
            _ => match call(input).await {
                Ok(response) => output.render(operation, &response),
                Err(error) => return self.report(operation, error, debug.as_ref(), settings, &env),
            },
        };
        match rendered {
            Ok(text) => {
                print!("{text}");
                0
            }
            Err(message) => {
                eprintln!("cognito-idp: error: {message}");
                255
            }
        }
    }

    /// Prints why a call failed, as the AWS CLI does; the exit status.
    fn report(
        &self,
        operation: &str,
        error: DispatchError,
        debug: Option<&Debug>,
        settings: &Settings,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> u8 {
        match error {
            DispatchError::Input(mismatch) => {
                eprintln!("cognito-idp: error: {}", self.describe_input(operation, &mismatch));
                252
            }
            DispatchError::Constraint(error) => {
                eprintln!("cognito-idp: error: invalid parameter: {error}");
                252
            }
            DispatchError::Service { code, message, request_id } => {
                if let (Some(debug), Some(id)) = (debug, &request_id) {
                    debug.line(&format!("request id: {id}"));
                }
                let message = message.as_deref().unwrap_or("Unknown");
                eprintln!("\nAn error occurred ({code}) when calling the {operation} operation: {message}");
                254
            }
            DispatchError::NoCredentials => {
                // Where it looked, by the names of the settings rather than their values.
                let (environment, which) = match (&settings.profile, env("AWS_PROFILE")) {
                    (Some(_), _) => ("", "the profile --profile names"),
                    (None, Some(_)) => (
                        "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, then ",
                        "the profile AWS_PROFILE names",
                    ),
                    (None, None) => {
                        ("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, then ", "the `default` profile")
                    }
                };
                eprintln!(
                    "cognito-idp: error: {operation} is signed, and no credentials were found. Looked in \
                     {environment}{which} of the shared credentials file (~/.aws/credentials, or the file \
                     AWS_SHARED_CREDENTIALS_FILE names) and config file (~/.aws/config, or AWS_CONFIG_FILE). \
                     Set aws_access_key_id and aws_secret_access_key there or in the environment, choose \
                     another profile with --profile, or send the request unsigned with --no-sign-request."
                );
                253
            }
            DispatchError::Failed(message) => {
                eprintln!("\nAn error occurred when calling the {operation} operation: {message}");
                255
            }
        }
    }

    /// An input that does not fit the request type, by the option it came from and its path:
    /// `--challenge-responses: `ChallengeResponses.PASSWORD`: expected a string, found an integer`.
    pub fn describe_input(&self, operation: &str, mismatch: &crate::wire::Mismatch) -> String {
        let option = mismatch.path.as_deref().and_then(|path| {
            let top = path.split(['.', '[']).next()?;
            let command = self.commands.iter().find(|c| c.operation == operation)?;
            command.input.iter().find(|m| m.name == top).map(|m| m.option)
        });
        match option {
            Some(option) => format!("--{option}: {mismatch}"),
            None => format!("the input of {operation}: {mismatch}"),
        }
    }

    /// The clap command: every subcommand with its options.
    pub fn clap_command(&self) -> ::clap::Command {
        use ::clap::{Arg, ArgAction};
        // Help is the model's ([`help`]), asked for as the AWS CLI asks for it.
        let mut app = ::clap::Command::new("cognito-idp")
            .about("Amazon Cognito user pools from the command line, with the AWS CLI's commands and options")
            .disable_help_flag(true)
            .disable_help_subcommand(true)
            .args(global_options());
        for command in self.commands {
            let mut sub = ::clap::Command::new(command.name).about(command.operation).disable_help_flag(true);
            if let Some(paging) = command.paging {
                sub = sub.args(paging::options(paging, command));
            }
            for member in command.input {
                // A paginator's own token and limit still work, undocumented, as the AWS CLI's.
                let hidden = command
                    .paging
                    .is_some_and(|p| p.input_token == member.name || p.limit_key == Some(member.name));
                let mut help = format!(
                    "({}){}",
                    type_name(member.shape),
                    if member.required { " required" } else { "" }
                );
                if let Shape::Enum(values) = member.shape {
                    let _ = write!(help, " [possible values: {}]", values.join(", "));
                }
                match member.shape {
                    Shape::Boolean => {
                        let negated = format!("no-{}", member.option);
                        sub = sub
                            .arg(
                                Arg::new(member.name)
                                    .long(member.option)
                                    .action(ArgAction::SetTrue)
                                    .conflicts_with(negated.clone())
                                    .help(help),
                            )
                            .arg(
                                Arg::new(negated.clone()).long(negated).action(ArgAction::SetTrue).hide(true),
                            );
                    }
                    Shape::List(_) => {
                        sub = sub.arg(
                            Arg::new(member.name)
                                .long(member.option)
                                .value_name("value")
                                .num_args(1..)
                                .action(ArgAction::Append)
                                .help(help),
                        );
                    }
                    _ => {
                        sub = sub.arg(
                            Arg::new(member.name)
                                .long(member.option)
                                .value_name("value")
                                .num_args(1)
                                .allow_hyphen_values(true)
                                .hide(hidden)
                                .help(help),
                        );
                    }
                }
            }
            sub = sub
                .arg(
                    Arg::new(INPUT_JSON)
                        .long(INPUT_JSON)
                        .value_name("value")
                        .conflicts_with(INPUT_YAML)
                        .help("Read arguments from this JSON (options on the command line win)"),
                )
                .arg(
                    Arg::new(INPUT_YAML)
                        .long(INPUT_YAML)
                        .value_name("value")
                        .help("Read arguments from this YAML (options on the command line win)"),
                )
                .arg(
                    Arg::new(SKELETON)
                        .long(SKELETON)
                        .value_name("value")
                        .num_args(0..=1)
                        .default_missing_value("input")
                        .value_parser(["input", "output", "yaml-input"])
                        .help("Print a sample input (or output) without sending anything"),
                );
            app = app.subcommand(sub);
        }
        app
    }

    /// Parses a command line (`args` without the program name) into what to do; `env` reads the
    /// environment (`AWS_REGION`, `AWS_DEFAULT_REGION`).
    pub fn plan<I, T>(&self, args: I, env: &dyn Fn(&str) -> Option<String>) -> Result<Plan, CliError>
    where
        I: IntoIterator<Item = T>,
        T: Into<::std::ffi::OsString>,
    {
        let args = utf8_arguments(args.into_iter().map(Into::into).collect())?;
        if let Some(page) = self.help_request(&args) {
            return Ok(Plan::Print(page));
        }
        let matches = self
            .clap_command()
            .try_get_matches_from(::std::iter::once("cognito-idp".to_owned()).chain(args))
            .map_err(CliError::Usage)?;
        let Some((name, sub)) = matches.subcommand() else {
            if matches.get_flag(VERSION) {
                return Ok(Plan::Print(format!(
                    "cognito-idp/{} ({} API {})",
                    env!("CARGO_PKG_VERSION"),
                    self.service.full_name,
                    self.service.api_version
                )));
            }
            return Err(CliError::Input("a command is required (see `cognito-idp help`)".into()));
        };
        if sub.get_flag(VERSION) {
            return Err(CliError::Input("--version takes no command".into()));
        }
        let command =
            self.commands.iter().find(|c| c.name == name).expect("subcommands come from the commands");
        if let Some(kind) = sub.get_one::<String>(SKELETON) {
            return Ok(Plan::Print(match kind.as_str() {
                "output" => pretty(&skeleton_members(command.output, &mut Vec::new())),
                "yaml-input" => to_yaml(&skeleton_members(command.input, &mut Vec::new())),
                _ => pretty(&skeleton_members(command.input, &mut Vec::new())),
            }));
        }
        let mut input = Map::new();
        if let Some(text) = sub.get_one::<String>(INPUT_JSON) {
            let text = &load(text).map_err(|e| CliError::Input(format!("--{INPUT_JSON}: {e}")))?;
            match ::serde_json::from_str::<Value>(text) {
                Ok(Value::Object(object)) => input = object,
                Ok(_) => return Err(CliError::Input("--cli-input-json must hold a JSON object".into())),
                Err(e) => return Err(CliError::Input(format!("--cli-input-json: {}", json_error(&e)))),
            }
        } else if let Some(text) = sub.get_one::<String>(INPUT_YAML) {
            let text = &load(text).map_err(|e| CliError::Input(format!("--{INPUT_YAML}: {e}")))?;
            match parse_yaml(text) {
                Ok(Value::Object(object)) => input = object,
                Ok(Value::Null) => {}
                Ok(_) => return Err(CliError::Input("--cli-input-yaml must hold a mapping".into())),
                Err(e) => return Err(CliError::Input(format!("--cli-input-yaml: {e}"))),
            }
        }
        if let Some((position, key)) =
            input.keys().enumerate().find(|(_, k)| !command.input.iter().any(|m| m.name == k.as_str()))
        {
            // The key is named only when it is a parameter of some command: otherwise it may be a
            // value typed in the wrong place.
            let known = self.commands.iter().any(|c| c.input.iter().any(|m| m.name == key));
            let which = if known { format!("`{key}`") } else { format!("number {}", position + 1) };
            return Err(CliError::Input(format!(
                "the input's parameter {which} is not a parameter of {}; valid: {}",
                command.name,
                command.input.iter().map(|m| m.name).collect::<Vec<_>>().join(", ")
            )));
        }
        for member in command.input {
            let value = match member.shape {
                Shape::Boolean => {
                    let negated = format!("no-{}", member.option);
                    if sub.get_flag(member.name) {
                        Some(Value::Bool(true))
                    } else if sub.get_flag(&negated) {
                        Some(Value::Bool(false))
                    } else {
                        None
                    }
                }
                _ => match sub.get_many::<String>(member.name) {
                    Some(values) => {
                        let values: Vec<String> = values
                            .map(|v| load_member(member.shape, v))
                            .collect::<Result<_, _>>()
                            .map_err(|e| CliError::Input(format!("--{}: {e}", member.option)))?;
                        let values: Vec<&str> = values.iter().map(String::as_str).collect();
                        Some(
                            member_value(member.shape, &values)
                                .map_err(|e| CliError::Input(format!("--{}: {e}", member.option)))?,
                        )
                    }
                    None => None,
                },
            };
            if let Some(value) = value {
                input.insert(member.name.to_owned(), value);
            }
        }
        let missing: Vec<String> = command
            .input
            .iter()
            .filter(|m| m.required && !input.contains_key(m.name))
            .map(|m| format!("--{}", m.option))
            .collect();
        if !missing.is_empty() {
            return Err(CliError::Input(format!(
                "the following arguments are required: {}",
                missing.join(", ")
            )));
        }
        self.check_challenge(command, &input).map_err(CliError::Input)?;
        let region = match sub.get_one::<String>(REGION) {
            Some(region) => Some((region.clone(), "--region")),
            None => env("AWS_REGION").map(|r| (r, "the environment variable AWS_REGION")).or_else(|| {
                env("AWS_DEFAULT_REGION").map(|r| (r, "the environment variable AWS_DEFAULT_REGION"))
            }),
        };
        if let Some((_, source)) =
            region.as_ref().filter(|(region, _)| !crate::support::is_valid_region(region))
        {
            return Err(CliError::Input(format!(
                "{source}: not a region name (dot-separated labels of a-z, 0-9 and -, as us-east-1)"
            )));
        }
        let endpoint = sub.get_one::<String>(ENDPOINT_URL).cloned();
        if endpoint.as_deref().is_some_and(|url| !crate::client::is_valid_endpoint(url)) {
            return Err(CliError::Input(format!(
                "--{ENDPOINT_URL}: not an absolute http or https URL with a host"
            )));
        }
        let mut settings = settings_of(sub)?;
        let paging = paging::PagingArgs::from_matches(sub, command)?;
        if let Some(paging) = command.paging {
            // The operation's own token or limit, given, turns paging off (the AWS CLI's rule).
            let own = [Some(paging.input_token), paging.limit_key];
            if own.iter().flatten().any(|name| sub.get_one::<String>(name).is_some()) {
                settings.paginate = false;
            }
        }
        if !settings.paginate && !paging.names().is_empty() {
            return Err(CliError::Input(format!(
                "--no-paginate cannot be given with {}",
                paging.names().join(", ")
            )));
        }
        Ok(Plan::Call {
            operation: command.operation,
            input: Value::Object(input),
            region: region.map(|(region, _)| region),
            endpoint,
            settings,
            paging,
        })
    }

    /// The help page asked for, if any: `help` as the last argument or `--help`/`-h`, for the
    /// command named before it (or, with no command, the list of commands). A command that is
    /// not one is left to the parser, which suggests the nearest.
    fn help_request(&self, args: &[String]) -> Option<String> {
        let asks =
            args.last().is_some_and(|a| a == "help") || args.iter().any(|a| a == "--help" || a == "-h");
        if !asks {
            return None;
        }
        let width = terminal_width().min(100);
        match args.iter().find_map(|arg| self.commands.iter().find(|c| c.name == arg)) {
            Some(command) => Some(help::command_page(command, width)),
            None if args.iter().all(|a| a.starts_with('-') || a == "help") => {
                Some(help::overview(self.commands, self.service.full_name, &global_options(), width))
            }
            None => None,
        }
    }

    /// The challenge schema this command line was generated with, read once.
    fn challenge_rules(&self) -> Result<&Schema, String> {
        self.rules
            .get_or_init(|| {
                self.challenge_schema.parse().map_err(|error: challenge_rules::SchemaTextError| {
                    format!("this command's built-in challenge schema is broken ({error}); please report it")
                })
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    pub fn check_challenge(&self, command: &Command, input: &Map<String, Value>) -> Result<(), String> {
        let operation = match command.operation {
            "RespondToAuthChallenge" => Operation::User,
            "AdminRespondToAuthChallenge" => Operation::Admin,
            _ => return Ok(()),
        };
        let schema = self.challenge_rules()?;
        if schema.challenges.is_empty() {
            return Ok(());
        }
        let Some(name) = input.get("ChallengeName").and_then(Value::as_str) else { return Ok(()) };
        let empty = Map::new();
        let responses = match input.get("ChallengeResponses") {
            Some(Value::Object(responses)) => responses,
            None => &empty,
            Some(_) => return Err("--challenge-responses: expected a map of strings".into()),
        };
        let given: Vec<Given<'_>> =
            responses.iter().map(|(key, value)| Given { key, value: value.as_str() }).collect();
        let Err(problems) = challenge_rules::check(schema, operation, name, &given) else { return Ok(()) };
        let lines: Vec<String> = problems
            .iter()
            .map(|problem: &Problem| {
                let option = match problem.subject() {
                    Subject::ChallengeName if !matches!(problem, Problem::MissingKey { .. }) => {
                        "--challenge-name"
                    }
                    _ => "--challenge-responses",
                };
                format!("{option}: {}", problem.message(Audience::CommandLine))
            })
            .collect();
        Err(lines.join("\n"))
    }
}

impl ::std::fmt::Debug for CommandLine {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.debug_struct("CommandLine")
            .field("service", &self.service.full_name)
            .field("commands", &self.commands.len())
            .finish_non_exhaustive()
    }
}

/// What a value of a member looks like.
#[derive(Debug)]
pub enum Shape {
    String,
    Integer,
    Float,
    Boolean,
    /// Base64 text.
    Blob,
    /// Seconds since the epoch, or `YYYY-MM-DDTHH:MM:SS[Z]`.
    Timestamp,
    /// Any JSON.
    Document,
    /// A string with these values.
    Enum(&'static [&'static str]),
    List(&'static Shape),
    /// String keys to values of this shape.
    Map(&'static Shape),
    Structure(&'static [Member]),
}

/// A member of a structure (or a variant of a union).
#[derive(Debug)]
pub struct Member {
    /// The wire name (`ChallengeResponses`).
    pub name: &'static str,
    /// The option without dashes (`challenge-responses`).
    pub option: &'static str,
    pub required: bool,
    pub shape: &'static Shape,
    /// Whether the model marks the value sensitive (or holds sensitive values): `--debug`
    /// hides it.
    pub sensitive: bool,
    /// The model's documentation, as text (the command's help shows it).
    pub doc: &'static str,
}

#[cfg(test)]
impl Member {
    /// A member for tests' tables: not sensitive, undocumented.
    pub(crate) const fn plain(
        name: &'static str,
        option: &'static str,
        required: bool,
        shape: &'static Shape,
    ) -> Self {
        Member { name, option, required, shape, sensitive: false, doc: "" }
    }
}

/// A subcommand: an operation, its input and output members.
#[derive(Debug)]
pub struct Command {
    /// The AWS CLI's name (`respond-to-auth-challenge`).
    pub name: &'static str,
    /// The model's name (`RespondToAuthChallenge`).
    pub operation: &'static str,
    pub input: &'static [Member],
    pub output: &'static [Member],
    /// How the command pages, when the operation has a paginator.
    pub paging: Option<&'static paging::Paging>,
    /// The operation's documentation, as text.
    pub doc: &'static str,
}

/// What a command line asks for. `Debug` shows the input's parameter names only: their values
/// may be passwords, sessions or tokens.
// One plan is made per run: the size of its variants does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(PartialEq)]
pub enum Plan {
    /// Text to print without sending anything (a skeleton, the version).
    Print(String),
    /// A call of `operation` with `input` (JSON in wire names).
    Call {
        operation: &'static str,
        input: Value,
        region: Option<String>,
        endpoint: Option<String>,
        settings: Settings,
        /// `--starting-token`, `--max-items`, `--page-size` of a paginated command.
        paging: paging::PagingArgs,
    },
}

/// The global options of a call, as the AWS CLI's (`aws help` describes them).
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// `--output`; unset: `AWS_DEFAULT_OUTPUT`, the profile's `output`, then JSON.
    pub output: Option<output::Format>,
    /// `--query`, a JMESPath expression (checked when planned).
    pub query: Option<String>,
    /// `--profile`, instead of `AWS_PROFILE`.
    pub profile: Option<String>,
    /// `--debug`: requests and responses on stderr, secrets hidden.
    pub debug: bool,
    /// Off with `--no-verify-ssl`.
    pub verify_ssl: bool,
    /// Off with `--no-sign-request`.
    pub sign_request: bool,
    /// Off with `--no-paginate`.
    pub paginate: bool,
    /// `--color`.
    pub color: Color,
    /// `--cli-read-timeout` (0: none).
    pub read_timeout: Option<::std::time::Duration>,
    /// `--cli-connect-timeout` (0: none).
    pub connect_timeout: Option<::std::time::Duration>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            output: None,
            query: None,
            profile: None,
            debug: false,
            verify_ssl: true,
            sign_request: true,
            paginate: true,
            color: Color::Auto,
            read_timeout: None,
            connect_timeout: None,
        }
    }
}

/// `--color`: whether tables are coloured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Color {
    On,
    Off,
    /// When stdout is a terminal.
    Auto,
}

impl Color {
    fn enabled(self) -> bool {
        use ::std::io::IsTerminal as _;
        match self {
            Color::On => true,
            Color::Off => false,
            Color::Auto => ::std::io::stdout().is_terminal(),
        }
    }
}

impl ::std::fmt::Debug for Plan {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        match self {
            Plan::Print(text) => f.debug_tuple("Print").field(text).finish(),
            Plan::Call { operation, input, region, endpoint, settings, paging } => f
                .debug_struct("Call")
                .field("operation", operation)
                .field("input", &RedactedInput(input))
                .field("region", region)
                .field("endpoint", endpoint)
                .field("settings", settings)
                .field("paging", &paging.names())
                .finish(),
        }
    }
}

/// Input JSON in `Debug`: the parameter names, each value redacted.
struct RedactedInput<'a>(&'a Value);

impl ::std::fmt::Debug for RedactedInput<'_> {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        match self.0 {
            Value::Object(members) => {
                f.debug_map().entries(members.keys().map(|k| (k, crate::support::Redacted))).finish()
            }
            _ => crate::support::Redacted.fmt(f),
        }
    }
}

/// Why a command line cannot run. `Debug` shows clap's error kind, not its message, which may
/// quote an argument.
pub enum CliError {
    /// Bad syntax, or help and version requests (printed by clap).
    Usage(::clap::Error),
    /// A value or input file that does not fit the command.
    Input(String),
}

impl ::std::fmt::Debug for CliError {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        match self {
            CliError::Usage(e) => f.debug_tuple("Usage").field(&e.kind()).finish(),
            CliError::Input(message) => f.debug_tuple("Input").field(message).finish(),
        }
    }
}

impl ::std::fmt::Display for CliError {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        match self {
            CliError::Usage(e) => match usage_message(e) {
                Some(message) => f.write_str(&message),
                None => e.fmt(f),
            },
            CliError::Input(message) => f.write_str(message),
        }
    }
}

/// Words of ours in place of clap's message where that would repeat a value: clap quotes an
/// unexpected argument, or a value it refuses, and that may be a password put in the wrong
/// place. Option and command names are kept, so its suggestions still help with typos.
pub fn usage_message(error: &::clap::Error) -> Option<String> {
    use ::clap::error::{ContextKind, ContextValue, ErrorKind};
    let context = |kind| match error.get(kind) {
        Some(ContextValue::String(text)) => Some(text.as_str()),
        _ => None,
    };
    let option = || context(ContextKind::InvalidArg).unwrap_or("an option").to_owned();
    let message = match error.kind() {
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let mut message = format!("{}: invalid value", option());
            if let Some(ContextValue::Strings(valid)) = error.get(ContextKind::ValidValue) {
                message.push_str(&format!(" [possible values: {}]", valid.join(", ")));
            }
            message
        }
        ErrorKind::TooManyValues => format!("{}: too many values", option()),
        // A mistyped command or option, close enough to a real one for clap to suggest it: the
        // text is kept, since what is near a name is a name.
        ErrorKind::UnknownArgument | ErrorKind::InvalidSubcommand
            if error.get(ContextKind::SuggestedArg).is_some()
                || error.get(ContextKind::SuggestedSubcommand).is_some() =>
        {
            return None;
        }
        ErrorKind::UnknownArgument | ErrorKind::InvalidSubcommand => {
            "an unexpected argument: not a command or an option of this command (see --help)".to_owned()
        }
        _ => return None,
    };
    Some(format!("error: {message}"))
}

/// How the generated `dispatch` fails.
#[derive(Debug)]
pub enum DispatchError {
    /// The input does not fit the operation's request type; nothing was sent.
    Input(crate::wire::Mismatch),
    /// The input breaks a constraint of the model (a length, a range, a pattern); nothing was
    /// sent.
    Constraint(crate::support::ValidationError),
    /// The service answered with an error.
    Service {
        /// Its code (`NotAuthorizedException`).
        code: String,
        message: Option<String>,
        /// The response's `x-amzn-RequestId`.
        request_id: Option<String>,
    },
    /// A signed operation without credentials; nothing was sent.
    NoCredentials,
    /// The call failed otherwise (transport, redirect, decoding).
    Failed(String),
}

/// The deepest nesting of `[` and `{` that shorthand and YAML input may have, as serde_json
/// allows for JSON: deeper input would overflow the stack of the recursive readers.
pub const MAX_NESTING: usize = 128;

/// The largest file a `file://` argument may name. Arguments are read whole into memory.
pub const MAX_FILE_BYTES: u64 = 16 << 20;

const ENDPOINT_URL: &str = "endpoint-url";
const REGION: &str = "region";
const OUTPUT: &str = "output";
const QUERY: &str = "query";
const PROFILE: &str = "profile";
const DEBUG: &str = "debug";
const NO_VERIFY_SSL: &str = "no-verify-ssl";
const NO_PAGINATE: &str = "no-paginate";
const NO_CLI_PAGER: &str = "no-cli-pager";
const COLOR: &str = "color";
const READ_TIMEOUT: &str = "cli-read-timeout";
const CONNECT_TIMEOUT: &str = "cli-connect-timeout";
const NO_SIGN_REQUEST: &str = "no-sign-request";
const VERSION: &str = "version";

/// The global options, as `aws help` lists them: accepted before or after the command.
fn global_options() -> Vec<::clap::Arg> {
    use ::clap::{Arg, ArgAction};
    const HEADING: &str = "Global options";
    let flag = |name: &'static str, help: &'static str| {
        Arg::new(name).long(name).action(ArgAction::SetTrue).global(true).help(help).help_heading(HEADING)
    };
    let value = |name: &'static str, help: &'static str| {
        Arg::new(name)
            .long(name)
            .value_name("value")
            .num_args(1)
            .global(true)
            .help(help)
            .help_heading(HEADING)
    };
    vec![
        flag(DEBUG, "Print each request and response on stderr, secrets hidden"),
        value(ENDPOINT_URL, "Send requests to this URL instead of the regional endpoint"),
        flag(NO_VERIFY_SSL, "Do not verify TLS certificates (anyone on the path can then read the requests)"),
        flag(NO_PAGINATE, "Make one call only, even for commands that page"),
        value(OUTPUT, "The output format [default: the profile's `output`, else json]")
            .value_parser(output::Format::NAMES),
        value(QUERY, "A JMESPath query applied to the response before it is printed"),
        value(
            PROFILE,
            "A profile of ~/.aws/config and ~/.aws/credentials [default: $AWS_PROFILE, else default]",
        ),
        value(REGION, "The region [default: $AWS_REGION, $AWS_DEFAULT_REGION, else the profile's `region`]"),
        value(COLOR, "Colour tables: on, off or auto (when stdout is a terminal)")
            .value_parser(["on", "off", "auto"]),
        flag(NO_SIGN_REQUEST, "Send requests without signing them (no credentials are looked for)"),
        value(
            READ_TIMEOUT,
            "Seconds to wait for a response, and between two reads of it (0: no limit) [default: 30]",
        ),
        value(CONNECT_TIMEOUT, "Seconds to wait for a connection (0: no limit) [default: 5]"),
        flag(NO_CLI_PAGER, "Accepted as the AWS CLI's; this command never pages its output"),
        flag(VERSION, "Print the version"),
    ]
}

/// The settings the global options give.
fn settings_of(matches: &::clap::ArgMatches) -> Result<Settings, CliError> {
    let text = |name: &str| matches.get_one::<String>(name).cloned();
    let seconds = |name: &'static str| -> Result<Option<::std::time::Duration>, CliError> {
        let Some(value) = text(name) else { return Ok(None) };
        match value.trim().parse::<f64>() {
            Ok(seconds) if seconds.is_finite() && (0.0..=1e9).contains(&seconds) => {
                // Zero means no limit, as the AWS CLI's; a day stands in for it.
                let seconds = if seconds == 0.0 { 86_400.0 } else { seconds };
                Ok(Some(::std::time::Duration::from_secs_f64(seconds)))
            }
            _ => Err(CliError::Input(format!("--{name}: expected a number of seconds"))),
        }
    };
    let query = text(QUERY);
    if let Some(query) = &query {
        output::Query::compile(query).map_err(|message| CliError::Input(format!("--{QUERY}: {message}")))?;
    }
    Ok(Settings {
        output: text(OUTPUT).as_deref().and_then(output::Format::from_name),
        query,
        profile: text(PROFILE),
        debug: matches.get_flag(DEBUG),
        verify_ssl: !matches.get_flag(NO_VERIFY_SSL),
        sign_request: !matches.get_flag(NO_SIGN_REQUEST),
        paginate: !matches.get_flag(NO_PAGINATE),
        color: match text(COLOR).as_deref() {
            Some("on") => Color::On,
            Some("off") => Color::Off,
            _ => Color::Auto,
        },
        read_timeout: seconds(READ_TIMEOUT)?,
        connect_timeout: seconds(CONNECT_TIMEOUT)?,
    })
}

/// What a paginated command prints: the merged pages, or for text and YAML streams each page in
/// turn, as the AWS CLI prints them.
fn render_pages(
    output: &output::Output<'_>,
    operation: &str,
    paging: &paging::Paging,
    paged: &paging::Paged,
) -> Result<String, String> {
    match output.format {
        output::Format::Off => Ok(String::new()),
        output::Format::Text => {
            let mut text = String::new();
            for page in paged.text_pages(paging) {
                let page = match output.query {
                    Some(query) => query.apply(&page)?,
                    None => page,
                };
                text.push_str(&text::format(&page));
            }
            Ok(text)
        }
        // Each page as the service sent it (its tokens included), an element of one list.
        output::Format::YamlStream => {
            let mut text = String::new();
            for page in &paged.pages {
                text.push_str(&output.render(operation, page)?);
            }
            Ok(text)
        }
        _ => output.render(operation, &paged.full_result(paging)),
    }
}

/// A setting from the environment or the profile that is not valid: exit status 253.
fn settings_error(source: &str, what: &str) -> u8 {
    eprintln!(
        "cognito-idp: error: {source} is not a valid {what} (one of {})",
        output::Format::NAMES.join(", ")
    );
    253
}

/// Runs `call` to its end, unless Ctrl-C comes first (`None`).
async fn until_interrupted(call: impl Future<Output = u8>) -> Option<u8> {
    let interrupt = ::tokio::signal::ctrl_c();
    let mut call = ::std::pin::pin!(call);
    let mut interrupt = ::std::pin::pin!(interrupt);
    ::std::future::poll_fn(|cx| {
        if let ::std::task::Poll::Ready(status) = call.as_mut().poll(cx) {
            return ::std::task::Poll::Ready(Some(status));
        }
        match interrupt.as_mut().poll(cx) {
            // A handler that cannot be installed interrupts nothing.
            ::std::task::Poll::Ready(Ok(())) => ::std::task::Poll::Ready(None),
            _ => ::std::task::Poll::Pending,
        }
    })
    .await
}

/// The terminal's width for tables: stdout's when it is a terminal, else 80, as the AWS CLI.
fn terminal_width() -> usize {
    #[cfg(unix)]
    {
        let mut size = ::std::mem::MaybeUninit::<::libc::winsize>::zeroed();
        // SAFETY: TIOCGWINSZ fills a winsize; on failure it is left zeroed and not used.
        let found =
            unsafe { ::libc::ioctl(::libc::STDOUT_FILENO, ::libc::TIOCGWINSZ, size.as_mut_ptr()) } == 0;
        // SAFETY: zeroed is a valid winsize.
        let size = unsafe { size.assume_init() };
        if found && size.ws_col > 0 {
            return usize::from(size.ws_col);
        }
    }
    80
}

/// `--debug`'s lines on stderr, as the AWS CLI's log lines: time, source, level, message.
struct Debug {
    service: &'static ServiceInfo,
}

impl Debug {
    fn new(service: &'static ServiceInfo) -> Self {
        let debug = Debug { service };
        debug.line(&format!(
            "cognito-idp-runtime/{} for {} (API {})",
            env!("CARGO_PKG_VERSION"),
            service.full_name,
            service.api_version
        ));
        debug
    }

    fn line(&self, message: &str) {
        debug_line(self.service.endpoint_prefix, message);
    }

    /// What the client reports of each request, response and retry.
    fn inspector(&self) -> impl Fn(&crate::client::Exchange<'_>) + Send + Sync + 'static {
        use crate::client::Exchange;
        let source = self.service.endpoint_prefix;
        move |exchange| match exchange {
            Exchange::Request { operation, attempt, url, headers } => {
                let mut text = format!("sending {operation} (attempt {attempt}): POST {url}");
                for (name, value) in headers {
                    text.push_str(&format!("\n    {name}: {value}"));
                }
                debug_line(source, &text);
            }
            Exchange::Response { operation, attempt, status, headers } => {
                let mut text = format!("response to {operation} (attempt {attempt}): HTTP {status}");
                for (name, value) in headers {
                    text.push_str(&format!("\n    {name}: {value}"));
                }
                debug_line(source, &text);
            }
            Exchange::Retry { operation, attempt, delay } => debug_line(
                source,
                &format!("retrying {operation} after attempt {attempt}, in {} ms", delay.as_millis()),
            ),
        }
    }
}

fn debug_line(source: &str, message: &str) {
    let now = output::iso8601(crate::support::DateTime::now());
    eprintln!("{now} - {source} - DEBUG - {message}");
}
const INPUT_JSON: &str = "cli-input-json";
const INPUT_YAML: &str = "cli-input-yaml";
const SKELETON: &str = "generate-cli-skeleton";

/// The arguments as text. A non-UTF-8 argument is an error that names its option (the nearest
/// `--name` before it, or itself), never the bytes, which may be a password.
fn utf8_arguments(args: Vec<::std::ffi::OsString>) -> Result<Vec<String>, CliError> {
    let mut out: Vec<String> = Vec::with_capacity(args.len());
    for (index, arg) in args.into_iter().enumerate() {
        match arg.into_string() {
            Ok(text) => out.push(text),
            Err(raw) => {
                let bytes = raw.as_encoded_bytes();
                let option = if bytes.starts_with(b"--") {
                    let name = bytes.split(|b| *b == b'=').next().unwrap_or_default();
                    ::std::str::from_utf8(name).ok().map(str::to_owned)
                } else {
                    out.iter().rev().find(|a| a.starts_with("--")).filter(|a| !a.contains('=')).cloned()
                };
                let option = option.filter(|name| {
                    name.len() <= 64 && name[2..].bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                });
                return Err(CliError::Input(match option {
                    Some(name) => format!("{name}: the value is not valid UTF-8"),
                    None => format!("argument {} is not valid UTF-8", index + 1),
                }));
            }
        }
    }
    Ok(out)
}

/// JSON as the AWS CLI prints it (four-space indents).
pub fn pretty(value: &Value) -> String {
    use ::serde::Serialize as _;
    let mut out = Vec::new();
    let mut serializer = ::serde_json::Serializer::with_formatter(
        &mut out,
        ::serde_json::ser::PrettyFormatter::with_indent(b"    "),
    );
    value.serialize(&mut serializer).expect("JSON values serialize");
    String::from_utf8(out).expect("JSON is UTF-8")
}

fn type_name(shape: &Shape) -> &'static str {
    match shape {
        Shape::String | Shape::Enum(_) => "string",
        Shape::Integer => "integer",
        Shape::Float => "double",
        Shape::Boolean => "boolean",
        Shape::Blob => "blob",
        Shape::Timestamp => "timestamp",
        Shape::Document => "document",
        Shape::List(_) => "list",
        Shape::Map(_) => "map",
        Shape::Structure(_) => "structure",
    }
}

/// A JSON syntax error by its position: serde_json's message may quote the input.
fn json_error(error: &::serde_json::Error) -> String {
    use ::serde_json::error::Category;
    let what = match error.classify() {
        Category::Eof => "the JSON ends early",
        // Matching the message only picks words of ours; none of it is shown.
        _ if error.to_string().starts_with("recursion limit exceeded") => "nested deeper than 128 levels",
        Category::Syntax | Category::Io | Category::Data => "not valid JSON",
    };
    format!("{what} at line {}, column {}", error.line(), error.column())
}

/// A value as given, or the content of the file it names as the AWS CLI does (`file://path`),
/// up to [`MAX_FILE_BYTES`]. Errors say why, not which path: the value may be a secret.
fn load(value: &str) -> Result<String, String> {
    let Some(path) = value.strip_prefix("file://") else { return Ok(value.to_owned()) };
    String::from_utf8(read_file(path, "file://")?)
        .map_err(|_| "the file:// path is not UTF-8 text".to_owned())
}

/// A member's value: [`load`], and for a blob member `fileb://path`, the file's bytes as the
/// base64 text blobs are given in (the AWS CLI's binary parameter files).
fn load_member(shape: &Shape, value: &str) -> Result<String, String> {
    let Some(path) = value.strip_prefix("fileb://") else { return load(value) };
    if !matches!(shape, Shape::Blob) {
        return Err("fileb:// is for binary (blob) parameters; use file:// for text".into());
    }
    use ::base64::Engine as _;
    Ok(::base64::engine::general_purpose::STANDARD.encode(read_file(path, "fileb://")?))
}

/// The bytes of a parameter file, up to [`MAX_FILE_BYTES`].
fn read_file(path: &str, scheme: &str) -> Result<Vec<u8>, String> {
    use ::std::io::Read as _;
    let file =
        ::std::fs::File::open(path).map_err(|e| format!("cannot open the {scheme} path: {}", e.kind()))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read the {scheme} path: {}", e.kind()))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!("the {scheme} path holds more than {MAX_FILE_BYTES} bytes"));
    }
    Ok(bytes)
}

/// The JSON value of a member from its command-line values (several for lists).
pub fn member_value(shape: &Shape, values: &[&str]) -> Result<Value, String> {
    match shape {
        Shape::List(item) => {
            if let [one] = values {
                if one.trim_start().starts_with('[') {
                    if let Ok(json) = ::serde_json::from_str::<Value>(one) {
                        return Ok(json);
                    }
                }
            }
            let mut out = Vec::new();
            for value in values {
                match value_of(shape, value)? {
                    Value::Array(items) => out.extend(items),
                    other => out.push(other),
                }
            }
            let _ = item;
            Ok(Value::Array(out))
        }
        _ => match values {
            [one] => value_of(shape, one),
            _ => Err("expected one value".into()),
        },
    }
}

/// One command-line value: JSON when it opens with `{` (or `[` for lists) and parses, else the
/// shorthand syntax.
pub fn value_of(shape: &Shape, text: &str) -> Result<Value, String> {
    let trimmed = text.trim_start();
    match shape {
        Shape::Structure(_) | Shape::Map(_) | Shape::Document if trimmed.starts_with('{') => {
            ::serde_json::from_str(text).map_err(|e| json_error(&e))
        }
        Shape::Document => ::serde_json::from_str(text).map_err(|e| json_error(&e)),
        Shape::Structure(_) | Shape::Map(_) => convert(shape, &Shorthand::parse_top(text)?),
        Shape::List(item) => {
            if trimmed.starts_with('[') {
                if let Ok(json) = ::serde_json::from_str::<Value>(text) {
                    return Ok(json);
                }
            }
            match item {
                Shape::Structure(_) | Shape::Map(_) => {
                    if trimmed.starts_with('{') {
                        return Ok(Value::Array(vec![value_of(item, text)?]));
                    }
                    if !trimmed.starts_with('[') {
                        return Ok(Value::Array(vec![convert(item, &Shorthand::parse_top(text)?)?]));
                    }
                    convert(shape, &Shorthand::parse_list(text)?)
                }
                _ => convert(shape, &Shorthand::parse_list(text)?),
            }
        }
        _ => scalar(shape, text),
    }
}

fn scalar(shape: &Shape, text: &str) -> Result<Value, String> {
    Ok(match shape {
        Shape::String | Shape::Enum(_) | Shape::Blob => Value::String(text.to_owned()),
        Shape::Integer => {
            Value::from(text.trim().parse::<i64>().map_err(|_| "expected an integer".to_owned())?)
        }
        Shape::Float => ::serde_json::Number::from_f64(
            text.trim().parse::<f64>().map_err(|_| "expected a number".to_owned())?,
        )
        .map(Value::Number)
        .ok_or("expected a finite number")?,
        Shape::Boolean => match text.trim() {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => return Err("expected true or false".into()),
        },
        Shape::Timestamp => timestamp(text.trim())?,
        Shape::Document => Value::String(text.to_owned()),
        Shape::List(_) | Shape::Map(_) | Shape::Structure(_) => {
            return Err("expected a structured value".into())
        }
    })
}

/// Seconds since the epoch, or an RFC 3339 date and time, as seconds since the epoch. As the AWS
/// CLI does, the time may be left out (midnight), and so may the seconds and the zone (UTC).
/// The calendar is `support::DateTime`'s, which refuses what it cannot represent.
fn timestamp(text: &str) -> Result<Value, String> {
    const EXPECTED: &str = "expected seconds since the epoch or YYYY-MM-DDTHH:MM:SSZ";
    if let Ok(seconds) = text.parse::<i64>() {
        return Ok(Value::from(seconds));
    }
    let time = match text.parse::<f64>() {
        Ok(seconds) => crate::support::DateTime::from_secs_f64(seconds),
        Err(_) => {
            let (date, clock) = text.split_once(['T', 't', ' ']).unwrap_or((text, "00:00:00"));
            let has_zone = clock.ends_with(['Z', 'z']) || clock.contains(['+', '-']);
            let clock =
                if clock.split(['+', '-', 'Z', 'z', '.']).next().unwrap_or("").matches(':').count() == 1 {
                    // `HH:MM`: the seconds go before any fraction or zone.
                    let at = clock.find(['+', '-', 'Z', 'z', '.']).unwrap_or(clock.len());
                    format!("{}:00{}", &clock[..at], &clock[at..])
                } else {
                    clock.to_owned()
                };
            let zone = if has_zone { "" } else { "Z" };
            crate::support::DateTime::parse_rfc3339(&format!("{date}T{clock}{zone}"))
        }
    };
    let time = time.ok_or(EXPECTED)?;
    ::serde_json::to_value(time).map_err(|_| EXPECTED.to_owned())
}

/// A shorthand value before its shape is applied. `Debug` shows its structure and keys, not
/// its scalars.
#[derive(Clone, PartialEq)]
pub enum Shorthand {
    Scalar(String),
    List(Vec<Shorthand>),
    /// `Key=a,b,c`: values after a key's first one, each without a key of its own; a list for
    /// a list member, a missing `=` for any other.
    Csv(Vec<Shorthand>),
    /// `Key@=file://path` or `Key@=fileb://path`: a value read from a file, as the AWS CLI's
    /// `@=` asks (a value without the prefix is taken as it is).
    ParamFile(String),
    Hash(Vec<(String, Shorthand)>),
}

impl ::std::fmt::Debug for Shorthand {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        match self {
            Shorthand::Scalar(_) | Shorthand::ParamFile(_) => crate::support::Redacted.fmt(f),
            Shorthand::List(items) | Shorthand::Csv(items) => f.debug_list().entries(items).finish(),
            Shorthand::Hash(entries) => f.debug_map().entries(entries.iter().map(|(k, v)| (k, v))).finish(),
        }
    }
}

struct Parser<'a> {
    chars: Vec<char>,
    pos: usize,
    /// Open `[` and `{` around the position.
    depth: usize,
    _text: ::std::marker::PhantomData<&'a str>,
}

impl Shorthand {
    /// `Key=value,Key2=[a,b],Key3={K=v}`: the top level of a structure or map.
    pub fn parse_top(text: &str) -> Result<Shorthand, String> {
        let mut parser = Parser::new(text);
        let entries = parser.entries(None)?;
        Ok(Shorthand::Hash(entries))
    }

    /// `a,b,c` or `[a,b,c]` or `{K=v},{K=w}`: a list.
    pub fn parse_list(text: &str) -> Result<Shorthand, String> {
        let mut parser = Parser::new(text);
        parser.skip_ws();
        let list = if parser.peek() == Some('[') {
            parser.value(&[])?
        } else {
            let mut items = vec![parser.value(&[','])?];
            while parser.eat(',') {
                parser.after_comma(None)?;
                items.push(parser.value(&[','])?);
            }
            Shorthand::List(items)
        };
        parser.skip_ws();
        if parser.pos < parser.chars.len() {
            return Err(parser.error("unexpected text after the list"));
        }
        Ok(list)
    }
}

impl Parser<'_> {
    fn new(text: &str) -> Self {
        Parser { chars: text.chars().collect(), pos: 0, depth: 0, _text: ::std::marker::PhantomData }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        self.skip_ws();
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn skip_ws(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.pos += 1;
        }
    }

    /// Errors name the position only: values may be secrets.
    fn error(&self, what: &str) -> String {
        format!("invalid shorthand syntax at character {}: {what}", self.pos + 1)
    }

    /// After a separating comma: something must follow, and not another comma (or the `close`
    /// of the list or braces the comma is in).
    fn after_comma(&mut self, close: Option<char>) -> Result<(), String> {
        self.skip_ws();
        match self.peek() {
            None => Err(self.error("a comma with nothing after it")),
            Some(',') => Err(self.error("two commas in a row")),
            Some(c) if Some(c) == close => Err(self.error("a comma with nothing after it")),
            Some(_) => Ok(()),
        }
    }

    /// `key=value` pairs separated by commas, up to `close` (or the end).
    fn entries(&mut self, close: Option<char>) -> Result<Vec<(String, Shorthand)>, String> {
        let mut entries = Vec::new();
        let stops: Vec<char> = close.into_iter().chain([',']).collect();
        self.skip_ws();
        if close.is_some() && self.peek() == close {
            self.pos += 1;
            return Ok(entries);
        }
        loop {
            self.skip_ws();
            let start = self.pos;
            while self.peek().is_some_and(|c| c != '=' && !stops.contains(&c)) {
                self.pos += 1;
            }
            let key: String = self.chars[start..self.pos].iter().collect::<String>().trim().to_owned();
            if self.peek() != Some('=') || key.is_empty() {
                return Err(self.error("expected key=value"));
            }
            self.pos += 1;
            // `Key@=file://…`: the value is read from the file it names.
            let (key, from_file) = match key.strip_suffix('@') {
                Some(bare) if !bare.trim().is_empty() => (bare.trim_end().to_owned(), true),
                _ => (key, false),
            };
            let mut value = self.value(&stops)?;
            if let (true, Shorthand::Scalar(text)) = (from_file, &value) {
                value = Shorthand::ParamFile(text.clone());
            }
            // `Key=a,b,c`: values that follow without a key of their own belong to the list.
            let mut csv = Vec::new();
            while self.peek_comma_then_value(&stops) {
                self.pos += 1;
                csv.push(self.value(&stops)?);
            }
            if !csv.is_empty() {
                csv.insert(0, value);
                value = Shorthand::Csv(csv);
            }
            entries.push((key, value));
            self.skip_ws();
            match self.peek() {
                Some(',') => {
                    self.pos += 1;
                    self.after_comma(close)?;
                }
                None if close.is_none() => return Ok(entries),
                Some(c) if Some(c) == close => {
                    self.pos += 1;
                    return Ok(entries);
                }
                None => return Err(self.error("missing closing brace")),
                Some(_) => return Err(self.error("expected a comma")),
            }
        }
    }

    /// Whether a comma comes next and what follows it is not `key=`.
    fn peek_comma_then_value(&self, stops: &[char]) -> bool {
        let mut pos = self.pos;
        while self.chars.get(pos).is_some_and(|c| c.is_whitespace()) {
            pos += 1;
        }
        if self.chars.get(pos) != Some(&',') {
            return false;
        }
        pos += 1;
        while self.chars.get(pos).is_some_and(|c| c.is_whitespace()) {
            pos += 1;
        }
        // Nothing, another comma or a closing bracket: an error the entries report.
        if self.chars.get(pos).is_none_or(|c| stops.contains(c)) {
            return false;
        }
        let mut quote = None;
        while let Some(&c) = self.chars.get(pos) {
            match quote {
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None if c == '"' || c == '\'' => quote = Some(c),
                None if c == '=' => return false,
                None if stops.contains(&c) || c == '[' || c == '{' => return true,
                None => {}
            }
            pos += 1;
        }
        true
    }

    /// A value: `[list]`, `{hash}`, a quoted string or plain text up to a stop character.
    fn value(&mut self, stops: &[char]) -> Result<Shorthand, String> {
        self.skip_ws();
        if matches!(self.peek(), Some('[' | '{')) {
            if self.depth == MAX_NESTING {
                return Err(self.error("nested deeper than 128 levels"));
            }
            self.depth += 1;
            let value = self.nested();
            self.depth -= 1;
            return value;
        }
        self.scalar(stops)
    }

    /// `[list]` or `{hash}`.
    fn nested(&mut self) -> Result<Shorthand, String> {
        match self.peek() {
            Some('[') => {
                self.pos += 1;
                let mut items = Vec::new();
                if self.eat(']') {
                    return Ok(Shorthand::List(items));
                }
                loop {
                    items.push(self.value(&[',', ']'])?);
                    if self.eat(',') {
                        self.after_comma(Some(']'))?;
                        continue;
                    }
                    if self.eat(']') {
                        return Ok(Shorthand::List(items));
                    }
                    return Err(self.error("expected `,` or `]`"));
                }
            }
            _ => {
                self.pos += 1;
                Ok(Shorthand::Hash(self.entries(Some('}'))?))
            }
        }
    }

    /// A quoted string, or plain text up to a stop character.
    fn scalar(&mut self, stops: &[char]) -> Result<Shorthand, String> {
        match self.peek() {
            Some(q @ ('"' | '\'')) => {
                self.pos += 1;
                let mut out = String::new();
                loop {
                    match self.peek() {
                        None => return Err(self.error("unterminated quoted string")),
                        Some('\\') if matches!(self.chars.get(self.pos + 1), Some(c) if *c == q || *c == '\\') =>
                        {
                            out.push(self.chars[self.pos + 1]);
                            self.pos += 2;
                        }
                        Some(c) if c == q => {
                            self.pos += 1;
                            break;
                        }
                        Some(c) => {
                            out.push(c);
                            self.pos += 1;
                        }
                    }
                }
                self.skip_ws();
                if self.peek().is_some_and(|c| !stops.contains(&c)) {
                    return Err(self.error("unexpected text after a quoted string"));
                }
                Ok(Shorthand::Scalar(out))
            }
            _ => {
                // As the AWS CLI reads it: `\,` is a comma in the value, and an unquoted `]` or
                // `}` ends it (so one that closes nothing is an error, not part of the value).
                let mut out = String::new();
                while let Some(c) = self.peek() {
                    if c == '\\' && self.chars.get(self.pos + 1) == Some(&',') {
                        out.push(',');
                        self.pos += 2;
                        continue;
                    }
                    if stops.contains(&c) {
                        break;
                    }
                    if c == ']' || c == '}' {
                        let open = if c == ']' { '[' } else { '{' };
                        return Err(self.error(&format!(
                            "a `{c}` that closes no `{open}` (quote a value that holds one)"
                        )));
                    }
                    out.push(c);
                    self.pos += 1;
                }
                Ok(Shorthand::Scalar(out.trim().to_owned()))
            }
        }
    }
}

/// Applies a shape to a shorthand value.
pub fn convert(shape: &Shape, value: &Shorthand) -> Result<Value, String> {
    match (shape, value) {
        (Shape::Structure(members), Shorthand::Hash(entries)) => {
            let mut out = Map::new();
            for (index, (key, value)) in entries.iter().enumerate() {
                let member = members.iter().find(|m| m.name == key.as_str()).ok_or_else(|| {
                    // Not named: a comma inside an unquoted value makes a key of the rest.
                    let valid = members.iter().map(|m| m.name).collect::<Vec<_>>().join(", ");
                    format!("key number {} is not a member; valid: {valid}", index + 1)
                })?;
                out.insert(key.clone(), convert(member.shape, value).map_err(|e| format!("{key}: {e}"))?);
            }
            Ok(Value::Object(out))
        }
        (Shape::Map(values), Shorthand::Hash(entries)) => {
            let mut out = Map::new();
            for (index, (key, value)) in entries.iter().enumerate() {
                // By position: a map's keys are the user's data.
                let entry = |e| format!("entry {}: {e}", index + 1);
                out.insert(key.clone(), convert(values, value).map_err(entry)?);
            }
            Ok(Value::Object(out))
        }
        (Shape::List(item), Shorthand::List(items) | Shorthand::Csv(items)) => {
            Ok(Value::Array(items.iter().map(|v| convert(item, v)).collect::<Result<_, _>>()?))
        }
        (Shape::List(item), single) => Ok(Value::Array(vec![convert(item, single)?])),
        (shape, Shorthand::ParamFile(text)) => {
            let loaded = load_member(shape, text)?;
            match shape {
                Shape::Document => Ok(Value::String(loaded)),
                _ => scalar(shape, &loaded),
            }
        }
        (Shape::Document, Shorthand::Scalar(text)) => Ok(Value::String(text.clone())),
        (Shape::Document, Shorthand::List(items) | Shorthand::Csv(items)) => {
            Ok(Value::Array(items.iter().map(|v| convert(&Shape::Document, v)).collect::<Result<_, _>>()?))
        }
        (Shape::Document, Shorthand::Hash(entries)) => Ok(Value::Object(
            entries
                .iter()
                .map(|(k, v)| Ok((k.clone(), convert(&Shape::Document, v)?)))
                .collect::<Result<_, String>>()?,
        )),
        (Shape::Structure(_) | Shape::Map(_), _) => Err("expected key=value pairs".into()),
        (_, Shorthand::Scalar(text)) => scalar(shape, text),
        (_, Shorthand::Csv(_)) => Err("takes one value, and it is followed by a comma and text with no `=` \
             (each entry is Key=value; quote a value that holds a comma, or write it `\\,`)"
            .into()),
        (_, Shorthand::List(_)) => Err("expected a single value, not a list".into()),
        (_, Shorthand::Hash(_)) => Err("expected a single value, not key=value pairs".into()),
    }
}

/// A sample value of every member, as `--generate-cli-skeleton` prints it.
fn skeleton_members(members: &'static [Member], path: &mut Vec<*const Member>) -> Value {
    if path.contains(&members.as_ptr()) {
        return Value::Object(Map::new());
    }
    path.push(members.as_ptr());
    let object = members.iter().map(|m| (m.name.to_owned(), skeleton(m.shape, path))).collect();
    path.pop();
    Value::Object(object)
}

fn skeleton(shape: &'static Shape, path: &mut Vec<*const Member>) -> Value {
    match shape {
        Shape::String | Shape::Blob => Value::String(String::new()),
        Shape::Enum(values) => Value::String(values.first().copied().unwrap_or_default().to_owned()),
        Shape::Integer | Shape::Timestamp => Value::from(0),
        Shape::Float => Value::from(0.0),
        Shape::Boolean => Value::Bool(true),
        Shape::Document => Value::Object(Map::new()),
        Shape::List(item) => Value::Array(vec![skeleton(item, path)]),
        Shape::Map(value) => {
            Value::Object([("KeyName".to_owned(), skeleton(value, path))].into_iter().collect())
        }
        Shape::Structure(members) => skeleton_members(members, path),
    }
}

/// JSON as block YAML.
pub fn to_yaml(value: &Value) -> String {
    let mut out = String::new();
    yaml_into(value, 0, &mut out);
    out.trim_end().to_owned()
}

fn yaml_scalar(value: &Value) -> String {
    match value {
        Value::Object(_) => "{}".into(),
        Value::Array(_) => "[]".into(),
        other => other.to_string(),
    }
}

fn is_empty_container(value: &Value) -> bool {
    matches!(value, Value::Object(o) if o.is_empty()) || matches!(value, Value::Array(a) if a.is_empty())
}

fn yaml_into(value: &Value, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match value {
        Value::Object(object) if !object.is_empty() => {
            for (key, value) in object {
                let key = if key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    key.clone()
                } else {
                    Value::String(key.clone()).to_string()
                };
                if matches!(value, Value::Object(_) | Value::Array(_)) && !is_empty_container(value) {
                    let _ = writeln!(out, "{pad}{key}:");
                    yaml_into(value, indent + 2, out);
                } else {
                    let _ = writeln!(out, "{pad}{key}: {}", yaml_scalar(value));
                }
            }
        }
        Value::Array(items) if !items.is_empty() => {
            for item in items {
                if matches!(item, Value::Object(_) | Value::Array(_)) && !is_empty_container(item) {
                    let mut nested = String::new();
                    yaml_into(item, indent + 2, &mut nested);
                    let _ = write!(out, "{pad}- {}", &nested[indent + 2..]);
                } else {
                    let _ = writeln!(out, "{pad}- {}", yaml_scalar(item));
                }
            }
        }
        other => {
            let _ = writeln!(out, "{pad}{}", yaml_scalar(other));
        }
    }
}

/// YAML as JSON, read by `serde_norway` (YAML 1.2: anchors, flow and block styles, multi-line
/// strings). Errors give the position, never the text; nesting is limited as JSON's is.
pub fn parse_yaml(text: &str) -> Result<Value, String> {
    ::serde_norway::from_str::<Value>(text).map_err(|error| {
        // serde_norway's messages may quote the input; only fixed words of ours are shown.
        let message = error.to_string();
        let what = if message.contains("recursion limit exceeded") {
            "nested deeper than 128 levels"
        } else if message.contains("more than one document") {
            "more than one YAML document"
        } else if message.contains("repetition limit exceeded") {
            "aliases expand to too much data"
        } else {
            "not valid YAML, or a value JSON cannot hold"
        };
        match error.location() {
            Some(at) => format!("{what} (line {}, column {})", at.line(), at.column()),
            None => what.to_owned(),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ::serde_json::json;

    /// A small `cli_commands` as the generator emits it: the two challenge commands of the seed
    /// pages, a command with scalar, boolean and list options, and a slice of the challenge schema.
    mod cli_commands {
        use super::super::{Client, Command, DispatchError, Member, Shape};
        use ::serde_json::Value;

        static STRING: Shape = Shape::String;
        static STRING_MAP: Shape = Shape::Map(&STRING);
        static CHALLENGE_NAME: Shape =
            Shape::Enum(&["SMS_MFA", "NEW_PASSWORD_REQUIRED", "ADMIN_NO_SRP_AUTH"]);
        static ANALYTICS: Shape = Shape::Structure(&[Member::plain(
            "AnalyticsEndpointId",
            "analytics-endpoint-id",
            false,
            &STRING,
        )]);
        pub static HEADER: &[Member] = &[
            Member::plain("headerName", "header-name", false, &STRING),
            Member::plain("headerValue", "header-value", false, &STRING),
        ];
        static HEADER_SHAPE: Shape = Shape::Structure(HEADER);
        static HEADERS: Shape = Shape::List(&HEADER_SHAPE);
        pub static CONTEXT_DATA: &[Member] = &[
            Member::plain("IpAddress", "ip-address", true, &STRING),
            Member::plain("ServerName", "server-name", true, &STRING),
            Member::plain("ServerPath", "server-path", true, &STRING),
            Member::plain("HttpHeaders", "http-headers", true, &HEADERS),
            Member::plain("EncodedData", "encoded-data", false, &STRING),
        ];
        static CONTEXT_DATA_SHAPE: Shape = Shape::Structure(CONTEXT_DATA);
        static TOKENS: Shape = Shape::Structure(&[
            Member {
                name: "AccessToken",
                option: "access-token",
                required: false,
                shape: &STRING,
                sensitive: true,
                doc: "",
            },
            Member::plain("ExpiresIn", "expires-in", false, &INTEGER),
        ]);
        static INTEGER: Shape = Shape::Integer;
        static BOOLEAN: Shape = Shape::Boolean;
        static TIMESTAMP: Shape = Shape::Timestamp;
        static STRINGS: Shape = Shape::List(&STRING);
        pub static FLAGS: &[Member] = &[
            Member::plain("Count", "count", false, &INTEGER),
            Member::plain("Names", "names", false, &STRINGS),
            Member::plain("Enabled", "enabled", false, &BOOLEAN),
            Member::plain("When", "when", false, &TIMESTAMP),
        ];
        static OUTPUT: &[Member] = &[
            Member::plain("ChallengeName", "challenge-name", false, &CHALLENGE_NAME),
            Member {
                name: "Session",
                option: "session",
                required: false,
                shape: &STRING,
                sensitive: true,
                doc: "",
            },
            Member::plain("ChallengeParameters", "challenge-parameters", false, &STRING_MAP),
            Member::plain("AuthenticationResult", "authentication-result", false, &TOKENS),
        ];

        pub static COMMANDS: &[Command] = &[
            Command {
                name: "respond-to-auth-challenge",
                operation: "RespondToAuthChallenge",
                input: &[
                    Member::plain("ClientId", "client-id", true, &STRING),
                    Member::plain("ChallengeName", "challenge-name", true, &CHALLENGE_NAME),
                    Member {
                        name: "Session",
                        option: "session",
                        required: false,
                        shape: &STRING,
                        sensitive: true,
                        doc: "",
                    },
                    Member {
                        name: "ChallengeResponses",
                        option: "challenge-responses",
                        required: false,
                        shape: &STRING_MAP,
                        sensitive: true,
                        doc: "",
                    },
                    Member::plain("AnalyticsMetadata", "analytics-metadata", false, &ANALYTICS),
                    Member::plain("ClientMetadata", "client-metadata", false, &STRING_MAP),
                ],
                output: OUTPUT,
                paging: None,
                doc: "",
            },
            Command {
                name: "admin-respond-to-auth-challenge",
                operation: "AdminRespondToAuthChallenge",
                input: &[
                    Member::plain("UserPoolId", "user-pool-id", true, &STRING),
                    Member::plain("ClientId", "client-id", true, &STRING),
                    Member::plain("ChallengeName", "challenge-name", true, &CHALLENGE_NAME),
                    Member {
                        name: "ChallengeResponses",
                        option: "challenge-responses",
                        required: false,
                        shape: &STRING_MAP,
                        sensitive: true,
                        doc: "",
                    },
                    Member {
                        name: "Session",
                        option: "session",
                        required: false,
                        shape: &STRING,
                        sensitive: true,
                        doc: "",
                    },
                    Member::plain("AnalyticsMetadata", "analytics-metadata", false, &ANALYTICS),
                    Member::plain("ContextData", "context-data", false, &CONTEXT_DATA_SHAPE),
                ],
                output: OUTPUT,
                paging: None,
                doc: "",
            },
            Command {
                name: "test-flags",
                operation: "TestFlags",
                input: FLAGS,
                output: &[],
                paging: None,
                doc: "",
            },
        ];

        pub static CHALLENGE_SCHEMA: &str = concat!(
            "SMS_MFA { variant SmsMfa; operations [user admin]; required [USERNAME SMS_MFA_CODE]; ",
            "optional [SECRET_HASH]; constraint SMS_MFA_CODE { min 6; max 6; pattern \"[0-9]+\"; } } ",
            "NEW_PASSWORD_REQUIRED { variant NewPasswordRequired; operations [user admin]; ",
            "required [USERNAME NEW_PASSWORD]; optional [SECRET_HASH DEVICE_KEY]; prefixes [\"userAttributes.\"]; } ",
            "ADMIN_NO_SRP_AUTH { variant AdminNoSrpAuth; operations [admin]; required [USERNAME PASSWORD]; ",
            "optional [SECRET_HASH]; }",
        );

        pub static SERVICE: crate::support::ServiceInfo = crate::support::ServiceInfo {
            full_name: "Test",
            service_id: "Test",
            endpoint_prefix: "test",
            signing_name: "test",
            target_prefix: "Test",
            json_version: "1.1",
            api_version: "2020-01-01",
        };

        /// Nothing is sent in these tests.
        pub fn dispatch<'a>(
            _client: &'a Client,
            operation: &'a str,
            _input: Value,
        ) -> ::std::pin::Pin<Box<dyn ::std::future::Future<Output = Result<Value, DispatchError>> + 'a>>
        {
            Box::pin(async move { Err(DispatchError::Failed(format!("no service in tests ({operation})"))) })
        }
    }

    /// A command line over the tables above, as generated bindings wire theirs up.
    static TEST_CLI: CommandLine = CommandLine::new(
        cli_commands::COMMANDS,
        cli_commands::CHALLENGE_SCHEMA,
        &cli_commands::SERVICE,
        cli_commands::dispatch,
    );

    fn plan<I, T>(args: I, env: &dyn Fn(&str) -> Option<String>) -> Result<Plan, CliError>
    where
        I: IntoIterator<Item = T>,
        T: Into<::std::ffi::OsString>,
    {
        TEST_CLI.plan(args, env)
    }

    fn args(line: &[&str]) -> Vec<String> {
        line.iter().map(|s| s.to_string()).collect()
    }

    fn no_env(_: &str) -> Option<String> {
        None
    }

    fn call(line: &[&str]) -> Value {
        match plan(args(line), &no_env) {
            Ok(Plan::Call { input, .. }) => input,
            other => panic!("{line:?}: {other:?}"),
        }
    }

    fn input_error(line: &[&str]) -> String {
        match plan(args(line), &no_env) {
            Err(CliError::Input(message)) => message,
            other => panic!("{line:?}: {other:?}"),
        }
    }

    #[test]
    fn seed_example_map_with_quoted_value() {
        let input = call(&[
            "respond-to-auth-challenge",
            "--client-id",
            "3n4b5urk1ft4fl3mg5e62d9ado",
            "--challenge-name",
            "NEW_PASSWORD_REQUIRED",
            "--challenge-responses",
            "USERNAME=jane@example.com,NEW_PASSWORD=\"password\"",
            "--session",
            "SESSION_TOKEN",
        ]);
        assert_eq!(
            input,
            json!({
                "ClientId": "3n4b5urk1ft4fl3mg5e62d9ado",
                "ChallengeName": "NEW_PASSWORD_REQUIRED",
                "ChallengeResponses": {"USERNAME": "jane@example.com", "NEW_PASSWORD": "password"},
                "Session": "SESSION_TOKEN",
            })
        );
    }

    #[test]
    fn map_shorthand_and_json_syntax() {
        let map = Shape::Map(&Shape::String);
        assert_eq!(
            value_of(&map, "KeyName1=string,KeyName2=string").unwrap(),
            json!({"KeyName1": "string", "KeyName2": "string"})
        );
        assert_eq!(value_of(&map, r#"{"string": "string"}"#).unwrap(), json!({"string": "string"}));
        assert_eq!(value_of(&map, "A='x,y',B=c=d==").unwrap(), json!({"A": "x,y", "B": "c=d=="}));
        assert_eq!(value_of(&map, r#"A="say \"hi\"""#).unwrap(), json!({"A": "say \"hi\""}));
        assert!(value_of(&map, "noequals").unwrap_err().contains("key=value"));
        assert_eq!(value_of(&map, r"A=x\,y,B=z").unwrap(), json!({"A": "x,y", "B": "z"}));
    }

    /// The mistakes people make in shorthand get errors about what is wrong where it is wrong,
    /// never "expected a single value" on another key, and never the text itself.
    #[test]
    fn shorthand_mistakes_are_named_where_they_are() {
        let map = Shape::Map(&Shape::String);
        let error = |text: &str| value_of(&map, text).unwrap_err();
        // A key without `=`: the entry before it is named, and why.
        let missing = error("USERNAME=jane,NEW_PASSWORDhunter2");
        assert!(missing.starts_with("entry 1: ") && missing.contains("no `=`"), "{missing}");
        assert!(!missing.contains("hunter2") && !missing.contains("single value, not a list"), "{missing}");
        for (text, what, at) in [
            ("A=1,", "a comma with nothing after it", 5),
            ("A=1,,B=2", "two commas in a row", 5),
            ("A=1, ,B=2", "two commas in a row", 6),
            ("A=1]", "a `]` that closes no `[`", 4),
            ("A=x},B=2", "a `}` that closes no `{`", 4),
        ] {
            let message = error(text);
            assert!(
                message.contains(what) && message.contains(&format!("at character {at}:")),
                "{text}: {message}"
            );
        }
        let list = Shape::List(&Shape::String);
        assert!(value_of(&list, "[a,]").unwrap_err().contains("a comma with nothing after it"));
        assert!(value_of(&list, "a,,b").unwrap_err().contains("two commas in a row"));
        static HEADER: Shape = Shape::Structure(&[
            Member::plain("Name", "name", false, &Shape::String),
            Member::plain("Tags", "tags", false, &Shape::List(&Shape::String)),
        ]);
        assert!(value_of(&HEADER, "Name=a,Tags=[x,]").unwrap_err().contains("a comma with nothing after it"));
        static HEADERS: Shape = Shape::List(&HEADER);
        assert!(value_of(&HEADERS, "[{Name=a,}]").unwrap_err().contains("a comma with nothing after it"));
        // A list member still takes `Key=a,b,c`.
        assert_eq!(value_of(&HEADER, "Name=a,Tags=x,y").unwrap(), json!({"Name": "a", "Tags": ["x", "y"]}));
        let named = value_of(&HEADER, "Name=a,b").unwrap_err();
        assert!(named.starts_with("Name: ") && named.contains("no `=`"), "{named}");
        assert_eq!(value_of(&map, r#"{"a": "#).unwrap_err(), "the JSON ends early at line 1, column 6");
    }

    #[test]
    fn structure_shorthand_of_the_seed_pages() {
        let input = call(&[
            "admin-respond-to-auth-challenge",
            "--user-pool-id",
            "us-east-1_x",
            "--client-id",
            "c",
            "--challenge-name",
            "ADMIN_NO_SRP_AUTH",
            "--challenge-responses",
            "USERNAME=u,PASSWORD=p",
            "--analytics-metadata",
            "AnalyticsEndpointId=string",
            "--context-data",
            "IpAddress=1.2.3.4,ServerName=s,ServerPath=/p,HttpHeaders=[{headerName=a,headerValue=b},{headerName=c,headerValue=d}],EncodedData=e",
        ]);
        assert_eq!(input["AnalyticsMetadata"], json!({"AnalyticsEndpointId": "string"}));
        assert_eq!(
            input["ContextData"],
            json!({
                "IpAddress": "1.2.3.4", "ServerName": "s", "ServerPath": "/p",
                "HttpHeaders": [{"headerName": "a", "headerValue": "b"}, {"headerName": "c", "headerValue": "d"}],
                "EncodedData": "e"
            })
        );
        let context = Shape::Structure(cli_commands::CONTEXT_DATA);
        assert!(value_of(&context, "IpAddress=1,Bogus=1")
            .unwrap_err()
            .starts_with("key number 2 is not a member"));
        assert_eq!(
            value_of(
                &context,
                r#"{"IpAddress": "1.2.3.4", "HttpHeaders": [{"headerName": "a", "headerValue": "b"}]}"#
            )
            .unwrap()["HttpHeaders"][0]["headerValue"],
            json!("b")
        );
    }

    #[test]
    fn lists_as_separate_values_brackets_or_commas() {
        let list = Shape::List(&Shape::String);
        assert_eq!(member_value(&list, &["a", "b", "c"]).unwrap(), json!(["a", "b", "c"]));
        assert_eq!(member_value(&list, &["a,b,c"]).unwrap(), json!(["a", "b", "c"]));
        assert_eq!(member_value(&list, &["[a,b]"]).unwrap(), json!(["a", "b"]));
        assert_eq!(member_value(&list, &[r#"["a", "b"]"#]).unwrap(), json!(["a", "b"]));
        static STRING: Shape = Shape::String;
        static LIST: Shape = Shape::List(&STRING);
        let map = Shape::Map(&LIST);
        assert_eq!(value_of(&map, "K=a,b,c,L=d").unwrap(), json!({"K": ["a", "b", "c"], "L": ["d"]}));
        assert_eq!(value_of(&map, "K=[a,b],L=[]").unwrap(), json!({"K": ["a", "b"], "L": []}));
        static HEADER: Shape = Shape::Structure(cli_commands::HEADER);
        let structs = Shape::List(&HEADER);
        assert_eq!(
            member_value(&structs, &["headerName=a,headerValue=b", "headerName=c,headerValue=d"]).unwrap(),
            json!([{"headerName": "a", "headerValue": "b"}, {"headerName": "c", "headerValue": "d"}])
        );
        assert_eq!(
            member_value(&structs, &["[{headerName=a,headerValue=b}]"]).unwrap(),
            json!([{"headerName": "a", "headerValue": "b"}])
        );
    }

    #[test]
    fn scalars_booleans_and_list_options() {
        let input = call(&[
            "test-flags",
            "--count",
            "3",
            "--names",
            "a",
            "b",
            "--enabled",
            "--when",
            "2020-01-02T00:00:00Z",
        ]);
        assert_eq!(input, json!({"Count": 3, "Names": ["a", "b"], "Enabled": true, "When": 1577923200}));
        assert_eq!(call(&["test-flags", "--no-enabled"])["Enabled"], json!(false));
        assert!(input_error(&["test-flags", "--count", "x"]).contains("--count: expected an integer"));
        assert!(matches!(
            plan(args(&["test-flags", "--enabled", "--no-enabled"]), &no_env),
            Err(CliError::Usage(_))
        ));
        assert_eq!(
            value_of(&Shape::Structure(cli_commands::FLAGS), "Enabled=false,Count=2").unwrap(),
            json!({"Enabled": false, "Count": 2})
        );
    }

    #[test]
    fn challenge_responses_are_checked_against_the_schema() {
        let base = [
            "respond-to-auth-challenge",
            "--client-id",
            "c",
            "--challenge-name",
            "NEW_PASSWORD_REQUIRED",
            "--challenge-responses",
        ];
        let with = |responses: &str| {
            let mut line = base.to_vec();
            line.push(responses);
            line.iter().map(|s| s.to_string()).collect::<Vec<_>>()
        };
        let error = |responses: &str| match plan(with(responses), &no_env) {
            Err(CliError::Input(message)) => message,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            error("USERNAME=jane"),
            "--challenge-responses: challenge `NEW_PASSWORD_REQUIRED` is missing required key `NEW_PASSWORD`"
        );
        let unknown = error("USERNAME=jane,NEW_PASSWORD=secret-value,SMS_MFA_CODE=1");
        assert_eq!(
            unknown,
            "--challenge-responses: key `SMS_MFA_CODE` is not a key of challenge `NEW_PASSWORD_REQUIRED`; \
             expected one of `USERNAME`, `NEW_PASSWORD`, `SECRET_HASH`, `DEVICE_KEY`, or a string key starting \
             with `\"userAttributes.\"`"
        );
        // A comma inside an unquoted password makes a key of its rest: that is not repeated.
        let split = error("USERNAME=jane,NEW_PASSWORD=pa,zq8675=word");
        assert!(split.contains("key number 3 is not a key") && !split.contains("zq8675"), "{split}");
        // A typo gets the macro's suggestion.
        let typo = error("USERNAME=jane,NEW_PASSWORD=p,SECRET_HAS=x");
        assert!(typo.ends_with("did you mean `SECRET_HASH`?"), "{typo}");
        assert!(plan(with("USERNAME=j,NEW_PASSWORD=p,userAttributes.name=x"), &no_env).is_ok());
        assert!(plan(with(r#"{"USERNAME": "j", "NEW_PASSWORD": "p"}"#), &no_env).is_ok());
        let admin_only = input_error(&[
            "respond-to-auth-challenge",
            "--client-id",
            "c",
            "--challenge-name",
            "ADMIN_NO_SRP_AUTH",
        ]);
        assert!(
            admin_only.starts_with(
                "--challenge-name: challenge `ADMIN_NO_SRP_AUTH` is answered only with AdminRespondToAuthChallenge: \
                 use `admin-respond-to-auth-challenge`"
            ),
            "{admin_only}"
        );
        let unknown_name =
            input_error(&["respond-to-auth-challenge", "--client-id", "c", "--challenge-name", "SMS_MAF"]);
        assert_eq!(unknown_name, "--challenge-name: unknown challenge; did you mean `SMS_MFA`?");
        // The model's constraints on literal values, which the macro checks at compile time.
        let short_code = input_error(&[
            "respond-to-auth-challenge",
            "--client-id",
            "c",
            "--challenge-name",
            "SMS_MFA",
            "--challenge-responses",
            "USERNAME=u,SMS_MFA_CODE=12a45",
        ]);
        assert_eq!(
            short_code,
            "--challenge-responses: `SMS_MFA_CODE` must be 6 characters long (the model's constraint), found 5\n\
             --challenge-responses: `SMS_MFA_CODE` must match the model's pattern `[0-9]+`"
        );
    }

    #[test]
    fn required_options_and_input_json_merging() {
        assert!(input_error(&["respond-to-auth-challenge", "--client-id", "c"]).contains("--challenge-name"));
        let input = call(&[
            "respond-to-auth-challenge",
            "--cli-input-json",
            r#"{"ClientId": "from-json", "ChallengeName": "NEW_PASSWORD_REQUIRED", "Session": "s", "ChallengeResponses": {"USERNAME": "j", "NEW_PASSWORD": "p"}}"#,
            "--client-id",
            "from-line",
        ]);
        assert_eq!(input["ClientId"], json!("from-line"));
        assert_eq!(input["Session"], json!("s"));
        assert!(input_error(&["respond-to-auth-challenge", "--cli-input-json", r#"{"Bogus": 1}"#])
            .contains("the input's parameter number 1 is not a parameter of respond-to-auth-challenge"));
        let file = ::std::env::temp_dir().join(format!("cli-input-{}.json", ::std::process::id()));
        ::std::fs::write(&file, r#"{"ClientId": "from-file", "ChallengeName": "SMS_MFA"}"#).unwrap();
        let from_file = format!("file://{}", file.display());
        let responses = call(&[
            "respond-to-auth-challenge",
            "--cli-input-json",
            &from_file,
            "--challenge-responses",
            "USERNAME=u,SMS_MFA_CODE=123456",
        ]);
        let _ = ::std::fs::remove_file(&file);
        assert_eq!(responses["ClientId"], json!("from-file"));
        let yaml = "ClientId: c\nChallengeName: NEW_PASSWORD_REQUIRED\nChallengeResponses:\n  USERNAME: j\n  NEW_PASSWORD: 'p'\n";
        let input = call(&["respond-to-auth-challenge", "--cli-input-yaml", yaml]);
        assert_eq!(input["ChallengeResponses"], json!({"USERNAME": "j", "NEW_PASSWORD": "p"}));
    }

    #[test]
    fn shorthand_reads_files_after_at_equals() {
        let file = ::std::env::temp_dir().join(format!("cli-at-{}.bin", ::std::process::id()));
        ::std::fs::write(&file, [0xff, 0x00, b'A']).unwrap();
        static ASSET: Shape = Shape::Structure(&[
            Member::plain("Bytes", "bytes", false, &Shape::Blob),
            Member::plain("Name", "name", false, &Shape::String),
        ]);
        let text = format!("Bytes@=fileb://{},Name=logo", file.display());
        assert_eq!(value_of(&ASSET, &text).unwrap(), json!({"Bytes": "/wBB", "Name": "logo"}));
        // Without `@=`, a value that looks like a file name is the value itself.
        let literal = format!("Name=fileb://{}", file.display());
        assert_eq!(value_of(&ASSET, &literal).unwrap()["Name"], json!(format!("fileb://{}", file.display())));
        let _ = ::std::fs::remove_file(&file);
        let missing = value_of(&ASSET, "Bytes@=fileb:///nonexistent/hunter2").unwrap_err();
        assert!(
            missing.contains("cannot open the fileb:// path") && !missing.contains("hunter2"),
            "{missing}"
        );
    }

    #[test]
    fn fileb_gives_a_blob_the_files_bytes() {
        let file = ::std::env::temp_dir().join(format!("cli-fileb-{}.bin", ::std::process::id()));
        ::std::fs::write(&file, [0x89, b'P', b'N', b'G', 0xff, 0x00]).unwrap();
        let path = format!("fileb://{}", file.display());
        assert_eq!(load_member(&Shape::Blob, &path).unwrap(), "iVBOR/8A");
        // Not for text, and not file:// for bytes that are not UTF-8.
        assert!(load_member(&Shape::String, &path).unwrap_err().contains("use file:// for text"));
        let text = format!("file://{}", file.display());
        assert!(load_member(&Shape::Blob, &text).unwrap_err().contains("not UTF-8"));
        let _ = ::std::fs::remove_file(&file);
        let missing = load_member(&Shape::Blob, "fileb:///nonexistent/hunter2.png").unwrap_err();
        assert!(
            missing.contains("cannot open the fileb:// path") && !missing.contains("hunter2"),
            "{missing}"
        );
        // A blob given as text is its base64, as the AWS CLI v2 takes it.
        assert_eq!(load_member(&Shape::Blob, "iVBOR/8A").unwrap(), "iVBOR/8A");
    }

    #[test]
    fn skeletons_and_region() {
        let Plan::Print(text) =
            plan(args(&["respond-to-auth-challenge", "--generate-cli-skeleton"]), &no_env).unwrap()
        else {
            panic!()
        };
        let skeleton: Value = ::serde_json::from_str(&text).unwrap();
        assert_eq!(skeleton["ChallengeResponses"], json!({"KeyName": ""}));
        assert_eq!(skeleton["ChallengeName"], json!("SMS_MFA"));
        let Plan::Print(yaml) = plan(
            args(&["admin-respond-to-auth-challenge", "--generate-cli-skeleton", "yaml-input"]),
            &no_env,
        )
        .unwrap() else {
            panic!()
        };
        let Plan::Print(json_text) =
            plan(args(&["admin-respond-to-auth-challenge", "--generate-cli-skeleton", "input"]), &no_env)
                .unwrap()
        else {
            panic!()
        };
        assert_eq!(
            parse_yaml(&yaml).unwrap(),
            ::serde_json::from_str::<Value>(&json_text).unwrap(),
            "{yaml}"
        );
        let Plan::Print(output) =
            plan(args(&["respond-to-auth-challenge", "--generate-cli-skeleton", "output"]), &no_env).unwrap()
        else {
            panic!()
        };
        assert!(output.contains("AuthenticationResult"));
        let env = |name: &str| (name == "AWS_DEFAULT_REGION").then(|| "eu-west-1".to_owned());
        let line = args(&[
            "respond-to-auth-challenge",
            "--client-id",
            "c",
            "--challenge-name",
            "SMS_MFA",
            "--challenge-responses",
            "USERNAME=u,SMS_MFA_CODE=123456",
        ]);
        match plan(line.clone(), &env).unwrap() {
            Plan::Call { region, .. } => assert_eq!(region.as_deref(), Some("eu-west-1")),
            other => panic!("{other:?}"),
        }
        let mut with_region = line;
        with_region.extend(args(&["--region", "us-west-2", "--endpoint-url", "http://localhost:1"]));
        match plan(with_region, &env).unwrap() {
            Plan::Call { region, endpoint, .. } => {
                assert_eq!(region.as_deref(), Some("us-west-2"));
                assert_eq!(endpoint.as_deref(), Some("http://localhost:1"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn yaml_is_read_by_a_real_yaml_parser() {
        let read = |text: &str| parse_yaml(text);
        // Anchors and aliases, inline comments, block scalars, flow style, quoting.
        assert_eq!(
            read(
                "a: &v x\nb: *v\nc: y # not part of it\nd: |\n  two\n  lines\ne: {f: [1, 'g']}\nh: 'it''s'\n"
            )
            .unwrap(),
            json!({"a": "x", "b": "x", "c": "y", "d": "two\nlines\n", "e": {"f": [1, "g"]}, "h": "it's"})
        );
        // Tabs cannot indent YAML; several documents, unterminated quotes and bad indentation are
        // refused with a position, never read as something else.
        for (bad, line) in [
            ("a:\n\tb: 1\n", 2),
            ("a: 1\n---\nb: 2\n", 0),
            ("a: 'open\nb: 2\n", 0),
            ("a: \"open\n", 0),
            ("a:\n  b: 1\n c: 2\n", 3),
        ] {
            let error = read(bad).unwrap_err();
            if line > 0 {
                assert!(error.contains(&format!("line {line},")), "{bad:?}: {error}");
            }
        }
        assert!(read("a: 1\n---\nb: 2\n").unwrap_err().starts_with("more than one YAML document"));
        let mut deep = String::new();
        for depth in 0..300 {
            deep.push_str(&" ".repeat(depth));
            deep.push_str("a:\n");
        }
        assert!(read(&deep).unwrap_err().starts_with("nested deeper than 128 levels"));
        let secret = read("a: [8675309").unwrap_err();
        assert!(!secret.contains("8675309"), "{secret}");
    }

    #[test]
    fn shorthand_nesting_is_limited() {
        let map = Shape::Map(&Shape::Document);
        let deep = format!("K={}", "[".repeat(10_000));
        assert!(value_of(&map, &deep).unwrap_err().contains("nested deeper than 128 levels"));
        let ok = format!("K={}a{}", "[".repeat(100), "]".repeat(100));
        assert!(value_of(&map, &ok).is_ok());
        let braces = format!("K={}", "{K=".repeat(5_000));
        assert!(value_of(&map, &braces).unwrap_err().contains("nested deeper than 128 levels"));
    }

    #[test]
    fn timestamps_use_the_checked_calendar() {
        let when = |text: &str| scalar(&Shape::Timestamp, text);
        assert_eq!(when("2020-01-02T00:00:00Z").unwrap(), json!(1577923200));
        assert_eq!(when("2020-01-02").unwrap(), json!(1577923200));
        assert_eq!(when("2020-01-02T01:30").unwrap(), json!(1577928600));
        assert_eq!(when("2020-01-02T01:00:00+01:00").unwrap(), json!(1577923200));
        assert_eq!(when("2020-01-02T00:00:00.5Z").unwrap(), json!(1577923200.5));
        assert_eq!(when("1577923200").unwrap(), json!(1577923200));
        for bad in ["30000000000000000-1-1", "2020-13-01", "2020-02-30", "2020-01-01T25:00", "1e300", "x"] {
            assert!(when(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn non_utf8_arguments_name_their_option() {
        use ::std::os::unix::ffi::OsStringExt as _;
        let line = |last: Vec<u8>| {
            let mut line: Vec<::std::ffi::OsString> =
                ["test-flags", "--names", "a"].iter().map(Into::into).collect();
            line.push(::std::ffi::OsString::from_vec(last));
            plan(line, &no_env)
        };
        let Err(CliError::Input(message)) = line(b"secret\xff".to_vec()) else { panic!() };
        assert_eq!(message, "--names: the value is not valid UTF-8");
        let Err(CliError::Input(message)) = line(b"--count=secret\xff".to_vec()) else { panic!() };
        assert_eq!(message, "--count: the value is not valid UTF-8");
        let Err(CliError::Input(message)) = line(b"--secret\xff".to_vec()) else { panic!() };
        assert_eq!(message, "argument 4 is not valid UTF-8");
    }

    #[test]
    fn plans_and_shorthand_hide_input_values_in_debug() {
        let plan = plan(
            args(&[
                "respond-to-auth-challenge",
                "--client-id",
                "c",
                "--challenge-name",
                "NEW_PASSWORD_REQUIRED",
                "--challenge-responses",
                "USERNAME=jane,NEW_PASSWORD=hunter2",
            ]),
            &no_env,
        )
        .unwrap();
        let shown = format!("{plan:?}");
        assert!(shown.contains("ChallengeResponses") && !shown.contains("hunter2"), "{shown}");
        let shorthand = Shorthand::parse_top("NEW_PASSWORD=hunter2,L=[x]").unwrap();
        let shown = format!("{shorthand:?}");
        assert!(shown.contains("NEW_PASSWORD") && !shown.contains("hunter2"), "{shown}");
    }

    #[test]
    fn regions_and_endpoints_are_checked_with_their_source() {
        let line = |extra: &[&str]| {
            let mut line = args(&["test-flags"]);
            line.extend(args(extra));
            line
        };
        let injected = "x@127.0.0.1:18089/#";
        let Err(CliError::Input(message)) = plan(line(&["--region", injected]), &no_env) else { panic!() };
        assert!(message.starts_with("--region: not a region name"), "{message}");
        let env = |name: &str| (name == "AWS_REGION").then(|| injected.to_owned());
        let Err(CliError::Input(message)) = plan(line(&[]), &env) else { panic!() };
        assert!(message.starts_with("the environment variable AWS_REGION: not a region name"), "{message}");
        let Err(CliError::Input(message)) = plan(line(&["--endpoint-url", "not a url"]), &no_env) else {
            panic!()
        };
        assert_eq!(message, "--endpoint-url: not an absolute http or https URL with a host");
    }

    #[test]
    fn clap_definition_is_consistent() {
        TEST_CLI.clap_command().debug_assert();
    }
}
