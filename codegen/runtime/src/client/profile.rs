//! AWS's shared configuration as the SDKs and the AWS CLI read it: environment variables, then
//! the profile `AWS_PROFILE` names (`default` otherwise) in `~/.aws/config` and
//! `~/.aws/credentials` (or the files `AWS_CONFIG_FILE` and `AWS_SHARED_CREDENTIALS_FILE` name).
//!
//! A small reader of the two INI files rather than `aws-config`: static keys, region, endpoint
//! URLs and the `services` section are what it resolves (the README gives what each costs to
//! build). Single sign-on, assumed roles, `credential_process` and the like are `aws-config`'s
//! work: give its provider to [`ClientBuilder::credentials_provider`](super::ClientBuilder::credentials_provider).
//!
//! The file format, as AWS documents it: `[default]`, `[profile name]`, `[services name]` and
//! `[sso-session name]` sections in the config file, `[name]` in the credentials file; `key = value`
//! properties, names case-insensitive; comments from `#` or `;` at the start of a line or after
//! whitespace; a property with no value on its line holds the indented `key = value` lines below
//! it (a `services` section's per-service settings). The credentials file's properties win over
//! the config file's for the same profile.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// Reads an environment variable (the process's, or a test's).
pub type Environment<'a> = &'a dyn Fn(&str) -> Option<String>;

/// The process's environment, empty values counting as unset.
pub fn process_environment(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|value| !value.is_empty())
}

/// A profile's properties, with the service-specific settings its `services` section holds.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Profile {
    properties: HashMap<String, String>,
    /// `services` section: service key (`cognito_identity_provider`) → its settings.
    services: HashMap<String, HashMap<String, String>>,
}

impl fmt::Debug for Profile {
    /// Property names only: values include secret keys.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut names: Vec<&String> = self.properties.keys().collect();
        names.sort();
        f.debug_struct("Profile").field("properties", &names).finish_non_exhaustive()
    }
}

impl Profile {
    /// A property (`region`, `aws_access_key_id`, …), by case-insensitive name.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.properties.get(&name.to_ascii_lowercase()).map(String::as_str).filter(|v| !v.is_empty())
    }

    /// A setting of one service in the profile's `services` section (`endpoint_url`), by the
    /// service's key: its `serviceId` in lower case with `_` for spaces.
    pub fn service_setting(&self, service_key: &str, name: &str) -> Option<&str> {
        self.services
            .get(&service_key.to_ascii_lowercase())?
            .get(&name.to_ascii_lowercase())
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }
}

/// Why the shared files could not be used. Messages name the file, never a value in it.
#[derive(Debug)]
#[non_exhaustive]
pub enum ProfileError {
    /// A file exists but cannot be read.
    Unreadable { path: PathBuf, source: std::io::Error },
    /// A line is neither a section, a property, a comment nor blank.
    Malformed { path: PathBuf, line: usize },
    /// `AWS_PROFILE` names a profile that neither file has.
    NotFound,
}

impl fmt::Display for ProfileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProfileError::Unreadable { path, source } => {
                write!(f, "cannot read {}: {source}", path.display())
            }
            ProfileError::Malformed { path, line } => {
                write!(
                    f,
                    "{} line {line} is not a [section], a key = value property or a comment",
                    path.display()
                )
            }
            ProfileError::NotFound => f.write_str(
                "the profile AWS_PROFILE names is in neither the shared config file nor the credentials file",
            ),
        }
    }
}

impl std::error::Error for ProfileError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ProfileError::Unreadable { source, .. } => Some(source),
            ProfileError::Malformed { .. } | ProfileError::NotFound => None,
        }
    }
}

/// The paths of the two files: the environment's, else under the home directory.
pub fn file_paths(env: Environment<'_>) -> (Option<PathBuf>, Option<PathBuf>) {
    let home = env("HOME").or_else(|| env("USERPROFILE")).map(PathBuf::from);
    let path = |variable: &str, default: &str| match env(variable) {
        Some(path) => Some(expand_home(&path, home.as_deref())),
        None => home.as_ref().map(|home| home.join(".aws").join(default)),
    };
    (path("AWS_CONFIG_FILE", "config"), path("AWS_SHARED_CREDENTIALS_FILE", "credentials"))
}

fn expand_home(path: &str, home: Option<&Path>) -> PathBuf {
    match (path.strip_prefix("~/"), home) {
        (Some(rest), Some(home)) => home.join(rest),
        _ => PathBuf::from(path),
    }
}

/// The profile `AWS_PROFILE` names (or `default`), from the two files. A missing file is an
/// empty one; a missing `default` profile is an empty profile, a missing named one an error.
pub fn load(env: Environment<'_>) -> Result<Profile, ProfileError> {
    let (config, credentials) = file_paths(env);
    let named = env("AWS_PROFILE");
    let name = named.as_deref().unwrap_or("default");
    let config = config.map(|path| read(&path).map(|text| (path, text))).transpose()?;
    let credentials = credentials.map(|path| read(&path).map(|text| (path, text))).transpose()?;
    let config = match config {
        Some((path, Some(text))) => parse(&text).map_err(|line| ProfileError::Malformed { path, line })?,
        _ => Sections::default(),
    };
    let credentials = match credentials {
        Some((path, Some(text))) => parse(&text).map_err(|line| ProfileError::Malformed { path, line })?,
        _ => Sections::default(),
    };
    // In the config file, `[profile name]`; `[default]` (or `[profile default]`) for the default.
    let from_config = config.get(&format!("profile {name}")).or_else(|| match name {
        "default" => config.get("default"),
        _ => None,
    });
    let from_credentials = credentials.get(name);
    if named.is_some() && from_config.is_none() && from_credentials.is_none() {
        return Err(ProfileError::NotFound);
    }
    let mut profile = Profile::default();
    for section in [from_config, from_credentials].into_iter().flatten() {
        for (key, value) in &section.properties {
            profile.properties.insert(key.clone(), value.clone());
        }
    }
    if let Some(services) = profile.get("services").and_then(|name| config.get(&format!("services {name}"))) {
        profile.services = services.nested.clone();
    }
    Ok(profile)
}

/// A file's text, or `None` when it does not exist.
fn read(path: &Path) -> Result<Option<String>, ProfileError> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(ProfileError::Unreadable { path: path.to_owned(), source }),
    }
}

/// One section's properties, and those nested under a property with no value of its own.
#[derive(Clone, Debug, Default)]
struct Section {
    properties: HashMap<String, String>,
    nested: HashMap<String, HashMap<String, String>>,
}

/// Sections by their normalised header (`profile name`, `default`, `services name`).
#[derive(Debug, Default)]
struct Sections(HashMap<String, Section>);

impl Sections {
    fn get(&self, header: &str) -> Option<&Section> {
        self.0.get(header)
    }
}

/// Parses a file; the error is the number of the first malformed line. Properties before the
/// first section belong to none and are ignored, as the SDKs ignore them.
fn parse(text: &str) -> Result<Sections, usize> {
    let mut sections = Sections::default();
    let mut current: Option<String> = None;
    // The property whose value continues on indented lines, or holds nested properties.
    let mut parent: Option<String> = None;
    for (index, raw) in text.lines().enumerate() {
        let number = index + 1;
        let indented = raw.starts_with([' ', '\t']);
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        if let Some(header) = line.strip_prefix('[') {
            let header = header.strip_suffix(']').ok_or(number)?;
            let header = header.split_whitespace().collect::<Vec<_>>().join(" ");
            sections.0.entry(header.clone()).or_default();
            current = Some(header);
            parent = None;
            continue;
        }
        let Some(section) = current.as_ref().and_then(|name| sections.0.get_mut(name)) else {
            continue;
        };
        match (indented, &parent) {
            (true, Some(key)) => {
                let Some((name, value)) = line.split_once('=') else {
                    // A continuation of a value.
                    if let Some(existing) = section.properties.get_mut(key) {
                        existing.push('\n');
                        existing.push_str(line);
                        continue;
                    }
                    return Err(number);
                };
                let nested = section.nested.entry(key.clone()).or_default();
                nested.insert(name.trim().to_ascii_lowercase(), value.trim().to_owned());
            }
            _ => {
                let (name, value) = line.split_once('=').ok_or(number)?;
                let name = name.trim().to_ascii_lowercase();
                if name.is_empty() {
                    return Err(number);
                }
                section.properties.insert(name.clone(), value.trim().to_owned());
                parent = Some(name);
            }
        }
    }
    Ok(sections)
}

/// The line without a comment: from `#` or `;` at its start, or after whitespace.
fn strip_comment(line: &str) -> &str {
    let trimmed = line.trim_start();
    if trimmed.starts_with(['#', ';']) {
        return "";
    }
    let bytes = line.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if (b == b'#' || b == b';') && i > 0 && bytes[i - 1].is_ascii_whitespace() {
            return &line[..i];
        }
    }
    line
}

/// A service's key in environment variable names (`COGNITO_IDENTITY_PROVIDER`) and, lower-cased,
/// in a `services` section: its `serviceId` with `_` for spaces and `-`.
pub fn service_key(service_id: &str) -> String {
    service_id.chars().map(|c| if c == ' ' || c == '-' { '_' } else { c }).collect()
}

/// The endpoint URL the environment or the profile gives a service, in the SDKs' order:
/// `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`, the profile's `services` section, the
/// profile's `endpoint_url`; none when `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` (or the profile's
/// `ignore_configured_endpoint_urls`) is `true`.
pub fn endpoint_url(env: Environment<'_>, profile: &Profile, service_id: &str) -> Option<String> {
    let ignore = env("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")
        .or_else(|| profile.get("ignore_configured_endpoint_urls").map(str::to_owned))
        .is_some_and(|v| v.eq_ignore_ascii_case("true"));
    if ignore {
        return None;
    }
    let key = service_key(service_id);
    env(&format!("AWS_ENDPOINT_URL_{}", key.to_ascii_uppercase()))
        .or_else(|| env("AWS_ENDPOINT_URL"))
        .or_else(|| profile.service_setting(&key, "endpoint_url").map(str::to_owned))
        .or_else(|| profile.get("endpoint_url").map(str::to_owned))
}

/// The region: `AWS_REGION`, `AWS_DEFAULT_REGION`, then the profile's `region`.
pub fn region(env: Environment<'_>, profile: &Profile) -> Option<String> {
    env("AWS_REGION")
        .or_else(|| env("AWS_DEFAULT_REGION"))
        .or_else(|| profile.get("region").map(str::to_owned))
}

/// Static credentials: `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY` (with `AWS_SESSION_TOKEN`),
/// then the profile's `aws_access_key_id`, `aws_secret_access_key` and `aws_session_token`.
pub fn credentials(env: Environment<'_>, profile: &Profile) -> Option<::aws_credential_types::Credentials> {
    let from_env = env("AWS_ACCESS_KEY_ID")
        .zip(env("AWS_SECRET_ACCESS_KEY"))
        .map(|(key, secret)| (key, secret, env("AWS_SESSION_TOKEN"), "environment"));
    let from_profile = || {
        let key = profile.get("aws_access_key_id")?.to_owned();
        let secret = profile.get("aws_secret_access_key")?.to_owned();
        Some((key, secret, profile.get("aws_session_token").map(str::to_owned), "profile"))
    };
    let (key, secret, token, source) = from_env.or_else(from_profile)?;
    Some(::aws_credential_types::Credentials::new(key, secret, token, None, source))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn environment(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let vars: HashMap<String, String> =
            vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        move |name| vars.get(name).cloned()
    }

    fn home_with(config: &str, credentials: &str) -> tempdir::Dir {
        let dir = tempdir::Dir::new();
        std::fs::create_dir_all(dir.path().join(".aws")).unwrap();
        std::fs::write(dir.path().join(".aws/config"), config).unwrap();
        std::fs::write(dir.path().join(".aws/credentials"), credentials).unwrap();
        dir
    }

    /// A directory removed on drop, without a dependency for it.
    mod tempdir {
        use std::path::{Path, PathBuf};
        use std::sync::atomic::{AtomicUsize, Ordering};

        pub struct Dir(PathBuf);

        impl Dir {
            pub fn new() -> Self {
                static NEXT: AtomicUsize = AtomicUsize::new(0);
                let path = std::env::temp_dir().join(format!(
                    "profile-test-{}-{}",
                    std::process::id(),
                    NEXT.fetch_add(1, Ordering::Relaxed)
                ));
                std::fs::create_dir_all(&path).unwrap();
                Dir(path)
            }

            pub fn path(&self) -> &Path {
                &self.0
            }
        }

        impl Drop for Dir {
            fn drop(&mut self) {
                let _ = std::fs::remove_dir_all(&self.0);
            }
        }
    }

    const CONFIG: &str = "\
# the shared config file
[default]
region = eu-west-1
output = json

[profile dev]   ; a comment after the header
region=us-east-2
services = local
endpoint_url = http://global.example:1
aws_access_key_id = FROM-CONFIG

[services local]
cognito_identity_provider =
  endpoint_url = http://127.0.0.1:5000
s3 =
  endpoint_url = http://127.0.0.1:9000
";

    const CREDENTIALS: &str = "\
[default]
aws_access_key_id = AKIDDEFAULT
aws_secret_access_key = secret/with+chars # a comment
[dev]
AWS_ACCESS_KEY_ID = AKIDDEV
aws_secret_access_key = devsecret
aws_session_token = devtoken
";

    #[test]
    fn the_default_profile_from_both_files() {
        let home = home_with(CONFIG, CREDENTIALS);
        let env = environment(&[("HOME", home.path().to_str().unwrap())]);
        let profile = load(&env).unwrap();
        assert_eq!(region(&env, &profile).as_deref(), Some("eu-west-1"));
        let credentials = credentials(&env, &profile).unwrap();
        assert_eq!(credentials.access_key_id(), "AKIDDEFAULT");
        assert_eq!(credentials.secret_access_key(), "secret/with+chars");
        assert_eq!(credentials.session_token(), None);
        assert_eq!(endpoint_url(&env, &profile, "Cognito Identity Provider"), None);
    }

    #[test]
    fn a_named_profile_with_its_services_section() {
        let home = home_with(CONFIG, CREDENTIALS);
        let env = environment(&[("HOME", home.path().to_str().unwrap()), ("AWS_PROFILE", "dev")]);
        let profile = load(&env).unwrap();
        assert_eq!(region(&env, &profile).as_deref(), Some("us-east-2"));
        let credentials = credentials(&env, &profile).unwrap();
        assert_eq!(credentials.access_key_id(), "AKIDDEV", "the credentials file wins");
        assert_eq!(credentials.session_token(), Some("devtoken"));
        assert_eq!(
            endpoint_url(&env, &profile, "Cognito Identity Provider").as_deref(),
            Some("http://127.0.0.1:5000"),
            "the service's own setting before the profile's endpoint_url"
        );
        assert_eq!(endpoint_url(&env, &profile, "Lambda").as_deref(), Some("http://global.example:1"));
        let debug = format!("{profile:?}");
        assert!(!debug.contains("devsecret") && debug.contains("aws_secret_access_key"), "{debug}");
    }

    #[test]
    fn the_environment_wins_over_the_files() {
        let home = home_with(CONFIG, CREDENTIALS);
        let env = environment(&[
            ("HOME", home.path().to_str().unwrap()),
            ("AWS_PROFILE", "dev"),
            ("AWS_REGION", "ap-south-1"),
            ("AWS_DEFAULT_REGION", "sa-east-1"),
            ("AWS_ACCESS_KEY_ID", "AKIDENV"),
            ("AWS_SECRET_ACCESS_KEY", "envsecret"),
            ("AWS_ENDPOINT_URL", "http://everything.example"),
            ("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", "http://cognito.example"),
        ]);
        let profile = load(&env).unwrap();
        assert_eq!(region(&env, &profile).as_deref(), Some("ap-south-1"));
        assert_eq!(credentials(&env, &profile).unwrap().access_key_id(), "AKIDENV");
        assert_eq!(
            endpoint_url(&env, &profile, "Cognito Identity Provider").as_deref(),
            Some("http://cognito.example")
        );
        assert_eq!(endpoint_url(&env, &profile, "Lambda").as_deref(), Some("http://everything.example"));
        let ignoring =
            environment(&[("AWS_ENDPOINT_URL", "http://x"), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true")]);
        assert_eq!(endpoint_url(&ignoring, &Profile::default(), "Lambda"), None);
    }

    #[test]
    fn files_named_by_the_environment_and_missing_ones() {
        let home = home_with("", "");
        let elsewhere = home_with(
            "[profile x]\nregion = us-west-2\n",
            "[x]\naws_access_key_id = A\naws_secret_access_key = B\n",
        );
        let env = environment(&[
            ("HOME", home.path().to_str().unwrap()),
            ("AWS_PROFILE", "x"),
            ("AWS_CONFIG_FILE", elsewhere.path().join(".aws/config").to_str().unwrap()),
            ("AWS_SHARED_CREDENTIALS_FILE", elsewhere.path().join(".aws/credentials").to_str().unwrap()),
        ]);
        let profile = load(&env).unwrap();
        assert_eq!(region(&env, &profile).as_deref(), Some("us-west-2"));
        assert_eq!(credentials(&env, &profile).unwrap().access_key_id(), "A");
        // No files at all: an empty default profile.
        let nowhere = environment(&[("HOME", "/nonexistent/home")]);
        assert_eq!(load(&nowhere).unwrap(), Profile::default());
        // A profile that is named but missing is an error that does not repeat its name.
        let missing =
            environment(&[("HOME", home.path().to_str().unwrap()), ("AWS_PROFILE", "nope-profile")]);
        let error = load(&missing).unwrap_err();
        assert!(
            matches!(error, ProfileError::NotFound) && !error.to_string().contains("nope-profile"),
            "{error}"
        );
    }

    #[test]
    fn malformed_lines_are_named_by_number_never_quoted() {
        let home = home_with("[default]\nregion = x\nthis is not a property SECRETVALUE\n", "");
        let env = environment(&[("HOME", home.path().to_str().unwrap())]);
        let error = load(&env).unwrap_err();
        let message = error.to_string();
        assert!(matches!(error, ProfileError::Malformed { line: 3, .. }), "{message}");
        assert!(message.contains("line 3") && !message.contains("SECRETVALUE"), "{message}");
        assert!(parse("[unclosed\n").is_err());
        assert!(parse("[default]\n = value\n").is_err());
    }

    #[test]
    fn service_keys_follow_the_service_id() {
        assert_eq!(service_key("Cognito Identity Provider"), "Cognito_Identity_Provider");
        assert_eq!(service_key("Elastic Beanstalk"), "Elastic_Beanstalk");
        assert_eq!(service_key("api-gateway"), "api_gateway");
    }
}
