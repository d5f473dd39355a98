//! An async client over `reqwest` (rustls): sends each operation's request as the [`wire`](crate::wire)
//! module encodes it, signed with SigV4 unless the model marks the operation unsigned.
//!
//! It works for any [`Operation`]; generated bindings wrap it in their own `client::Client`,
//! which adds a method per operation and fills in the service (`Client::builder(region)`).
//! Failed attempts are retried as AWS's SDKs' standard mode does ([`retry`]).

mod pages;
pub mod profile;
pub mod retry;

pub use self::pages::Pages;

use ::std::fmt;
use ::std::marker::PhantomData;
use ::std::sync::Arc;
use ::std::time::Duration;

use self::retry::{RetryPolicy, RetryQuota, Retryable};

use crate::support::{AuthScheme, Operation, ServiceInfo};
use crate::wire::{FromErrorResponse, Validate};

/// What gives credentials, asked on each signed call: `aws-config`'s default chain, single
/// sign-on, web identity, or a provider of your own.
pub use ::aws_credential_types::provider::{ProvideCredentials, SharedCredentialsProvider};
/// AWS credentials for signed operations (`aws-credential-types`', as the AWS SDKs use them):
/// `Credentials::new(access_key_id, secret_access_key, session_token, expiry, provider_name)`.
/// `Debug` hides the secret and the session token.
pub use ::aws_credential_types::Credentials;

/// Why a call failed.
#[derive(Debug)]
#[non_exhaustive]
pub enum CallError<E> {
    /// The request breaks a constraint of the model, or could not be encoded; nothing was sent.
    Encode(crate::wire::EncodeError),
    /// A signed operation was called without credentials: none given to the builder, none in
    /// the environment, none in the shared files' profile. Nothing was sent.
    NoCredentials { operation: &'static str },
    /// The credentials provider failed; nothing was sent.
    Credentials { operation: &'static str, source: ::aws_credential_types::provider::error::CredentialsError },
    /// Signing failed; nothing was sent.
    Signing { operation: &'static str, message: String },
    /// The request did not get a response (connection, timeout, TLS).
    Transport { operation: &'static str, source: ::reqwest::Error },
    /// The endpoint answered with a redirect. It is not followed: the request carries passwords,
    /// sessions and the security token, and goes only where the client was pointed.
    Redirect { operation: &'static str, status: u16 },
    /// The response body is larger than the client accepts ([`ClientBuilder::max_response_bytes`]).
    ResponseTooLarge { operation: &'static str, limit: usize },
    /// The service answered with an error of the operation.
    Service {
        error: E,
        /// The response's `x-amzn-RequestId`, for AWS support.
        request_id: Option<String>,
    },
    /// A paginated operation gave the same page token twice in a row; the pages stop there
    /// rather than loop ([`Pages`]).
    RepeatedToken { operation: &'static str },
    /// The response does not fit the model.
    Decode {
        error: crate::wire::DecodeError,
        /// The response's `x-amzn-RequestId`, for AWS support.
        request_id: Option<String>,
    },
}

impl<E> CallError<E> {
    /// The id AWS gave the request (`x-amzn-RequestId`), when a response came back: what AWS
    /// support asks for.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            CallError::Service { request_id, .. } | CallError::Decode { request_id, .. } => {
                request_id.as_deref()
            }
            _ => None,
        }
    }

    /// The operation's error, when the service answered with one.
    pub fn service_error(&self) -> Option<&E> {
        match self {
            CallError::Service { error, .. } => Some(error),
            _ => None,
        }
    }

    /// The operation's error, when the service answered with one; else the error itself.
    pub fn into_service_error(self) -> Result<E, Self> {
        match self {
            CallError::Service { error, .. } => Ok(error),
            other => Err(other),
        }
    }
}

impl<E: fmt::Display> fmt::Display for CallError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CallError::Encode(error) => error.fmt(f),
            CallError::NoCredentials { operation } => write!(
                f,
                "{operation} is signed with SigV4 but no credentials were found: none given to the client \
                 builder, none in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, none in the profile of the \
                 shared config and credentials files (~/.aws/config, ~/.aws/credentials)"
            ),
            CallError::Credentials { operation, source } => {
                write!(f, "cannot get credentials to sign the {operation} request: ")?;
                write_cause_chain(f, source)
            }
            CallError::Signing { operation, message } => write!(f, "cannot sign the {operation} request: {message}"),
            CallError::Transport { operation, source } => {
                write!(f, "{operation} request failed: ")?;
                write_cause_chain(f, source)
            }
            CallError::Redirect { operation, status } => write!(
                f,
                "the {operation} request was answered with a redirect (HTTP {status}); redirects are not followed"
            ),
            CallError::ResponseTooLarge { operation, limit } => {
                write!(f, "the {operation} response is larger than the limit of {limit} bytes")
            }
            CallError::Service { error, .. } => error.fmt(f),
            CallError::RepeatedToken { operation } => write!(
                f,
                "{operation} gave the same page token twice in a row; the pages stop there rather than loop"
            ),
            CallError::Decode { error, .. } => error.fmt(f),
        }
    }
}

/// A response decoded as the operation's output or error.
fn decode<Op>(response: RawResponse) -> Result<Op::Output, CallError<Op::Error>>
where
    Op: Operation,
    Op::Output: ::serde::de::DeserializeOwned,
    Op::Error: FromErrorResponse,
{
    crate::wire::decode_response::<Op>(response.status, &response.headers, &response.body)
        .map_err(|error| call_error(error, &response.headers))
}

/// The header AWS's JSON services name each request's id in.
pub const REQUEST_ID_HEADER: &str = "x-amzn-requestid";

fn call_error<E>(error: crate::wire::ResponseError<E>, headers: &::http::HeaderMap) -> CallError<E> {
    let request_id = headers.get(REQUEST_ID_HEADER).and_then(|v| v.to_str().ok()).map(str::to_owned);
    match error {
        crate::wire::ResponseError::Service(error) => CallError::Service { error, request_id },
        crate::wire::ResponseError::Decode(error) => CallError::Decode { error, request_id },
    }
}

/// `error: cause: cause`, each cause once: hyper and reqwest often repeat their cause's words.
fn write_cause_chain(f: &mut fmt::Formatter<'_>, error: &(dyn ::std::error::Error + 'static)) -> fmt::Result {
    let mut shown: Vec<String> = Vec::new();
    let mut next = Some(error);
    while let Some(error) = next {
        let text = error.to_string();
        if !text.is_empty() && !shown.iter().any(|s| s.contains(&text)) {
            shown.push(text);
        }
        next = error.source();
    }
    f.write_str(&shown.join(": "))
}

impl<E: ::std::error::Error + 'static> ::std::error::Error for CallError<E> {
    fn source(&self) -> Option<&(dyn ::std::error::Error + 'static)> {
        match self {
            CallError::Encode(error) => Some(error),
            CallError::Transport { source, .. } => Some(source),
            CallError::Credentials { source, .. } => Some(source),
            CallError::Service { error, .. } => Some(error),
            CallError::Decode { error, .. } => Some(error),
            CallError::NoCredentials { .. }
            | CallError::Signing { .. }
            | CallError::Redirect { .. }
            | CallError::ResponseTooLarge { .. }
            | CallError::RepeatedToken { .. } => None,
        }
    }
}

/// Why a client could not be built. Messages name the setting, never its value.
#[derive(Debug)]
#[non_exhaustive]
pub enum BuildError {
    /// The region is not a DNS name (`[a-z0-9-]` labels, as AWS's endpoint rules require).
    InvalidRegion,
    /// The endpoint is not an absolute `http` or `https` URL with a host (and no user name or
    /// password).
    InvalidEndpoint,
    /// [`ClientBuilder::max_attempts`] was given 0: at least one attempt is made.
    InvalidMaxAttempts,
    /// No region was given, and none is in `AWS_REGION`, `AWS_DEFAULT_REGION` or the profile.
    NoRegion,
    /// The shared config or credentials file could not be used.
    Profile(profile::ProfileError),
    /// The HTTP client could not be set up (no TLS roots, say).
    Http(::reqwest::Error),
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::InvalidRegion => {
                f.write_str("the region given to Client::builder is not a region name ([a-z0-9-] labels)")
            }
            BuildError::InvalidEndpoint => f.write_str(
                "the endpoint URL is not an absolute http or https URL with a host and no user name",
            ),
            BuildError::InvalidMaxAttempts => {
                f.write_str("ClientBuilder::max_attempts must be at least 1 (1 turns retries off)")
            }
            BuildError::NoRegion => f.write_str(
                "no region: give one to Client::builder, or set AWS_REGION, or `region` in the profile of \
                 ~/.aws/config",
            ),
            BuildError::Profile(error) => write!(f, "the shared AWS configuration: {error}"),
            BuildError::Http(error) => {
                f.write_str("cannot set up the HTTP client: ")?;
                write_cause_chain(f, error)
            }
        }
    }
}

impl ::std::error::Error for BuildError {
    fn source(&self) -> Option<&(dyn ::std::error::Error + 'static)> {
        match self {
            BuildError::Http(error) => Some(error),
            BuildError::Profile(error) => Some(error),
            BuildError::InvalidRegion
            | BuildError::InvalidEndpoint
            | BuildError::InvalidMaxAttempts
            | BuildError::NoRegion => None,
        }
    }
}

/// Whether `url` is an absolute `http` or `https` URL with a host, and no user name or password
/// (they would be sent as credentials of their own, and shown wherever the endpoint is).
pub fn is_valid_endpoint(url: &str) -> bool {
    ::reqwest::Url::parse(url).is_ok_and(|url| {
        matches!(url.scheme(), "http" | "https")
            && url.host_str().is_some_and(|h| !h.is_empty())
            && url.username().is_empty()
            && url.password().is_none()
    })
}

/// The largest response body a client reads unless told otherwise: 16 MiB.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 16 << 20;

/// Settings of a client; [`build`](Self::build) makes a `C`: this crate's [`Client`], or the
/// generated bindings' own, which wraps it.
#[derive(Debug)]
pub struct ClientBuilder<C = Client> {
    service: &'static ServiceInfo,
    region: Option<String>,
    endpoint: Option<String>,
    credentials: Option<SharedCredentialsProvider>,
    connect_timeout: Duration,
    timeout: Duration,
    max_response_bytes: usize,
    retry: RetryPolicy,
    profile: Option<String>,
    read_timeout: Option<Duration>,
    accept_invalid_certificates: bool,
    sign: bool,
    inspector: Option<Inspector>,
    client: PhantomData<fn() -> C>,
}

impl<C> Clone for ClientBuilder<C> {
    fn clone(&self) -> Self {
        Self {
            service: self.service,
            region: self.region.clone(),
            endpoint: self.endpoint.clone(),
            credentials: self.credentials.clone(),
            connect_timeout: self.connect_timeout,
            timeout: self.timeout,
            max_response_bytes: self.max_response_bytes,
            retry: self.retry,
            profile: self.profile.clone(),
            read_timeout: self.read_timeout,
            accept_invalid_certificates: self.accept_invalid_certificates,
            sign: self.sign,
            inspector: self.inspector.clone(),
            client: PhantomData,
        }
    }
}

impl<C: From<Client>> ClientBuilder<C> {
    /// Settings for a client of `service` in `region`. Credentials and the endpoint, unless
    /// given, come from the environment and the shared files as the AWS SDKs find them
    /// ([`profile`]).
    pub fn new(service: &'static ServiceInfo, region: impl Into<String>) -> Self {
        let mut builder = Self::from_env(service);
        builder.region = Some(region.into());
        builder
    }

    /// Settings for a client of `service` whose region, too, comes from the environment
    /// (`AWS_REGION`, `AWS_DEFAULT_REGION`) or the profile's `region`.
    pub fn from_env(service: &'static ServiceInfo) -> Self {
        ClientBuilder {
            service,
            region: None,
            endpoint: None,
            credentials: None,
            connect_timeout: Duration::from_secs(5),
            timeout: Duration::from_secs(30),
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            retry: RetryPolicy::default(),
            profile: None,
            read_timeout: None,
            accept_invalid_certificates: false,
            sign: true,
            inspector: None,
            client: PhantomData,
        }
    }

    /// The profile of the shared files to use instead of the one `AWS_PROFILE` names. As with
    /// the AWS CLI's `--profile`, its credentials then win over those in the environment.
    pub fn profile_name(mut self, name: impl Into<String>) -> Self {
        self.profile = Some(name.into());
        self
    }

    /// Time allowed between two reads of a response (none by default: the attempt's
    /// [`timeout`](Self::timeout) bounds it).
    pub fn read_timeout(mut self, timeout: Duration) -> Self {
        self.read_timeout = Some(timeout);
        self
    }

    /// Accepts TLS certificates that do not verify (the AWS CLI's `--no-verify-ssl`), for an
    /// emulator behind a self-signed certificate. Anyone on the path can then read and change
    /// the requests, passwords and tokens included.
    pub fn danger_accept_invalid_certificates(mut self, accept: bool) -> Self {
        self.accept_invalid_certificates = accept;
        self
    }

    /// Whether signed operations are signed (default `true`); `false` sends them without
    /// credentials, as the AWS CLI's `--no-sign-request`.
    pub fn sign_requests(mut self, sign: bool) -> Self {
        self.sign = sign;
        self
    }

    /// Calls `inspect` with each request sent, each response received and each retry, for a
    /// log (the command line's `--debug`). Header values that carry secrets (`Authorization`,
    /// `X-Amz-Security-Token`) arrive redacted; bodies are not given.
    pub fn inspect(mut self, inspect: impl Fn(&Exchange<'_>) + Send + Sync + 'static) -> Self {
        self.inspector = Some(Inspector(Arc::new(inspect)));
        self
    }

    /// The endpoint instead of `https://<prefix>.<region>.amazonaws.com/` (a local emulator, say):
    /// an absolute `http` or `https` URL, checked by [`build`](Self::build).
    pub fn endpoint_url(mut self, url: impl Into<String>) -> Self {
        self.endpoint = Some(url.into());
        self
    }

    /// Credentials for signed operations, instead of those of the environment or the profile.
    pub fn credentials(self, credentials: Credentials) -> Self {
        self.credentials_provider(credentials)
    }

    /// A provider of credentials for signed operations (`aws-config`'s default chain, say),
    /// asked on each signed call, so temporary credentials refresh.
    pub fn credentials_provider(mut self, provider: impl ProvideCredentials + 'static) -> Self {
        self.credentials = Some(SharedCredentialsProvider::new(provider));
        self
    }

    /// Time allowed to connect (default 5 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Attempts per call, the first included (default 3, as AWS's SDKs' standard mode); 1 turns
    /// retries off. Throttling, transient responses (500, 502, 503, 504) and transient transport
    /// failures are retried; modeled client errors never are ([`retry`]).
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.retry.max_attempts = attempts;
        self
    }

    /// The delay before retries: drawn between zero and `initial` for the first, a cap that
    /// doubles with each retry up to `max` (defaults 1 s and 20 s).
    pub fn retry_backoff(mut self, initial: Duration, max: Duration) -> Self {
        self.retry.initial_backoff = initial;
        self.retry.max_backoff = max;
        self
    }

    /// Time allowed for each attempt of a call (default 30 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The largest response body read (default [`DEFAULT_MAX_RESPONSE_BYTES`]); a larger one is
    /// [`CallError::ResponseTooLarge`], and is not read further.
    pub fn max_response_bytes(mut self, limit: usize) -> Self {
        self.max_response_bytes = limit;
        self
    }

    /// Builds the client, after checking the region and the endpoint.
    ///
    /// # Errors
    ///
    /// [`BuildError::InvalidRegion`], [`BuildError::InvalidEndpoint`],
    /// [`BuildError::InvalidMaxAttempts`], [`BuildError::NoRegion`], [`BuildError::Profile`] when
    /// the shared files were needed and cannot be used, or [`BuildError::Http`] when the HTTP
    /// client cannot be set up.
    pub fn build(self) -> Result<C, BuildError> {
        let explicit_profile = self.profile.clone();
        // A profile named here replaces AWS_PROFILE, and its credentials win over the
        // environment's, as with the AWS CLI's --profile.
        let with_profile = move |name: &str| match (name, &explicit_profile) {
            ("AWS_PROFILE", Some(profile)) => Some(profile.clone()),
            ("AWS_ACCESS_KEY_ID" | "AWS_SECRET_ACCESS_KEY" | "AWS_SESSION_TOKEN", Some(_)) => None,
            _ => profile::process_environment(name),
        };
        let env: profile::Environment<'_> = &with_profile;
        if self.retry.max_attempts == 0 {
            return Err(BuildError::InvalidMaxAttempts);
        }
        // The shared files are read only for what was not given.
        let given =
            self.region.is_some() && self.endpoint.is_some() && (self.credentials.is_some() || !self.sign);
        let profile = match given {
            true => profile::Profile::default(),
            false => profile::load(env).map_err(BuildError::Profile)?,
        };
        let region = self.region.or_else(|| profile::region(env, &profile)).ok_or(BuildError::NoRegion)?;
        if !crate::support::is_valid_region(&region) {
            return Err(BuildError::InvalidRegion);
        }
        let endpoint =
            match self.endpoint.or_else(|| profile::endpoint_url(env, &profile, self.service.service_id)) {
                Some(url) if !is_valid_endpoint(&url) => return Err(BuildError::InvalidEndpoint),
                Some(url) => url,
                None => format!("https://{}.{}.amazonaws.com/", self.service.endpoint_prefix, region),
            };
        let credentials = self
            .credentials
            .or_else(|| profile::credentials(env, &profile).map(SharedCredentialsProvider::new));
        let endpoint = operation_url(&endpoint).ok_or(BuildError::InvalidEndpoint)?;
        let mut http = ::reqwest::Client::builder()
            .connect_timeout(self.connect_timeout)
            .timeout(self.timeout)
            .redirect(::reqwest::redirect::Policy::none())
            .user_agent(USER_AGENT)
            .danger_accept_invalid_certs(self.accept_invalid_certificates);
        if let Some(timeout) = self.read_timeout {
            http = http.read_timeout(timeout);
        }
        let http = http.build().map_err(BuildError::Http)?;
        Ok(C::from(Client {
            http,
            endpoint,
            region,
            credentials,
            max_response_bytes: self.max_response_bytes,
            retry: self.retry,
            quota: Arc::default(),
            sign: self.sign,
            inspector: self.inspector,
        }))
    }
}

/// Where requests go: the endpoint with the operation's path `/` joined to its own path, as AWS's
/// SDKs join them (`https://example.com/custom` → `https://example.com/custom/`). A client parses
/// it once, when built, not on every call.
pub fn operation_url(endpoint: &str) -> Option<::reqwest::Url> {
    let mut url = ::reqwest::Url::parse(endpoint).ok()?;
    if !url.path().ends_with('/') {
        let path = format!("{}/", url.path());
        url.set_path(&path);
    }
    Some(url)
}

/// `endpoint` with an operation's host prefix put before its host (`foo.` + `example.com`), as
/// AWS's SDKs apply `endpoint.hostPrefix`. An endpoint whose host is an IP address is left as it
/// is: a name cannot be put before an address.
pub fn prefixed_url(endpoint: &::reqwest::Url, prefix: &str) -> ::reqwest::Url {
    let mut url = endpoint.clone();
    let Some(host) = endpoint.host_str() else { return url };
    if host.starts_with('[') || host.parse::<::std::net::IpAddr>().is_ok() {
        return url;
    }
    if url.set_host(Some(&format!("{prefix}{host}"))).is_err() {
        return endpoint.clone();
    }
    url
}

/// The `User-Agent` of every request: this crate and its version.
pub const USER_AGENT: &str = concat!("cognito-idp-runtime/", env!("CARGO_PKG_VERSION"));

/// Sends requests to one service ([`ClientBuilder::new`]), for any of its operations
/// ([`call`](Self::call)).
#[derive(Clone, Debug)]
pub struct Client {
    http: ::reqwest::Client,
    endpoint: ::reqwest::Url,
    region: String,
    credentials: Option<SharedCredentialsProvider>,
    max_response_bytes: usize,
    retry: RetryPolicy,
    /// Shared by the client's clones, as AWS's SDKs share it per client.
    quota: Arc<RetryQuota>,
    sign: bool,
    inspector: Option<Inspector>,
}

/// The function [`ClientBuilder::inspect`] was given.
#[derive(Clone)]
struct Inspector(Arc<dyn Fn(&Exchange<'_>) + Send + Sync>);

impl fmt::Debug for Inspector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Inspector")
    }
}

/// One step of a call, as [`ClientBuilder::inspect`] shows it. Header values that carry
/// secrets are already redacted.
#[derive(Debug)]
#[non_exhaustive]
pub enum Exchange<'a> {
    /// A request about to be sent.
    Request { operation: &'static str, attempt: u32, url: &'a str, headers: Vec<(&'a str, &'a str)> },
    /// A response's status and headers, before its body is read.
    Response { operation: &'static str, attempt: u32, status: u16, headers: Vec<(&'a str, &'a str)> },
    /// A failed attempt that is tried again after `delay`.
    Retry { operation: &'static str, attempt: u32, delay: Duration },
}

/// Headers as an inspector sees them: values of `Authorization` and `X-Amz-Security-Token`
/// redacted, values that are not text left out.
fn inspected_headers(headers: &::http::HeaderMap) -> Vec<(&str, &str)> {
    headers
        .iter()
        .filter_map(|(name, value)| {
            let secret = name == ::http::header::AUTHORIZATION || name.as_str() == "x-amz-security-token";
            let value = if secret { crate::support::REDACTED } else { value.to_str().ok()? };
            Some((name.as_str(), value))
        })
        .collect()
}

/// A failed attempt: an error already, or an error response still to decode (only the last one
/// is decoded).
enum Failure<E> {
    Error(CallError<E>),
    Response(RawResponse),
}

/// What identifies one call and its attempts to the service, as AWS's SDKs send it: the same
/// `amz-sdk-invocation-id` on every attempt of a call, and `amz-sdk-request` numbering them.
struct Invocation {
    id: ::http::HeaderValue,
    max_attempts: u32,
}

impl Invocation {
    fn new(max_attempts: u32) -> Self {
        let id = ::http::HeaderValue::from_str(&invocation_id(retry::random_u128()))
            .expect("hexadecimal digits and dashes are a valid header value");
        Self { id, max_attempts }
    }

    fn headers(&self, attempt: u32) -> [(::http::HeaderName, ::http::HeaderValue); 2] {
        let request = format!("attempt={attempt}; max={}", self.max_attempts);
        [
            (::http::HeaderName::from_static("amz-sdk-invocation-id"), self.id.clone()),
            (
                ::http::HeaderName::from_static("amz-sdk-request"),
                ::http::HeaderValue::from_str(&request).expect("digits and ASCII are a valid header value"),
            ),
        ]
    }
}

/// A version 4 UUID made of `random`, in its usual lowercase text form.
fn invocation_id(random: u128) -> String {
    // Version 4 in the high nibble of the seventh byte, variant `10` in the top bits of the ninth.
    let bits = (random & !(0xf << 76) & !(0b11 << 62)) | (0x4 << 76) | (0b10 << 62);
    let hex = format!("{bits:032x}");
    format!("{}-{}-{}-{}-{}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..])
}

/// A response as received, before decoding.
struct RawResponse {
    status: u16,
    headers: ::http::HeaderMap,
    body: Vec<u8>,
}

impl Client {
    /// The URL requests go to.
    pub fn endpoint(&self) -> &str {
        self.endpoint.as_str()
    }

    /// The pages of paginated operation `Op`, from `input` on ([`Pages::next`]).
    pub fn pages<Op>(&self, input: Op::Input) -> Pages<'_, Op>
    where
        Op: crate::support::Paginated,
        Op::Input: ::serde::Serialize + Validate,
        Op::Output: ::serde::de::DeserializeOwned,
        Op::Error: FromErrorResponse,
    {
        Pages::new(self, input)
    }

    /// Calls operation `Op`: validates, encodes, signs when the model says so, sends, decodes,
    /// and retries what AWS's standard retry mode retries ([`ClientBuilder::max_attempts`]).
    pub async fn call<Op>(&self, input: &Op::Input) -> Result<Op::Output, CallError<Op::Error>>
    where
        Op: Operation,
        Op::Input: ::serde::Serialize + Validate,
        Op::Output: ::serde::de::DeserializeOwned,
        Op::Error: FromErrorResponse,
    {
        let request = crate::wire::encode_request::<Op>(input).map_err(CallError::Encode)?;
        let (parts, body) = request.into_parts();
        let body = ::bytes::Bytes::from(body);
        // Parsed once, when the client was built; rebuilt only for an operation with a prefix.
        let prefixed =
            parts.extensions.get::<crate::wire::HostPrefix>().map(|p| prefixed_url(&self.endpoint, &p.0));
        let url = prefixed.as_ref().unwrap_or(&self.endpoint);
        let invocation = Invocation::new(self.retry.max_attempts);
        let mut spent = 0;
        let mut attempt = 1;
        loop {
            let sent =
                self.attempt::<Op>(url, &parts.headers, &body, invocation.headers(attempt), attempt).await;
            let (failure, why) = match sent {
                Ok(response) if (200..300).contains(&response.status) => {
                    let decoded = decode::<Op>(response);
                    if decoded.is_ok() {
                        self.quota.release(spent);
                    }
                    return decoded;
                }
                Ok(response) => {
                    let code = crate::wire::error_code(&response.headers, &response.body);
                    let why = retry::classify_response(response.status, code.as_deref());
                    (Failure::Response(response), why)
                }
                Err((error, why)) => (Failure::Error(error), why),
            };
            let retry =
                why.filter(|_| attempt < self.retry.max_attempts).and_then(|why| self.quota.acquire(why));
            match retry {
                Some(cost) => {
                    spent += cost;
                    let delay = self.retry.backoff(attempt, retry::jitter());
                    if let Some(inspect) = &self.inspector {
                        (inspect.0)(&Exchange::Retry { operation: Op::NAME, attempt, delay });
                    }
                    ::tokio::time::sleep(delay).await;
                    attempt += 1;
                }
                None => {
                    return Err(match failure {
                        Failure::Error(error) => error,
                        Failure::Response(response) => call_error(
                            crate::wire::decode_error_response::<Op>(
                                response.status,
                                &response.headers,
                                &response.body,
                            ),
                            &response.headers,
                        ),
                    })
                }
            }
        }
    }

    /// One attempt: signs (with a fresh time), sends, and reads the response up to the limit.
    /// A failure comes with whether it may be retried.
    async fn attempt<Op: Operation>(
        &self,
        url: &::reqwest::Url,
        headers: &::http::HeaderMap,
        body: &::bytes::Bytes,
        unsigned: [(::http::HeaderName, ::http::HeaderValue); 2],
        attempt: u32,
    ) -> Result<RawResponse, (CallError<Op::Error>, Option<Retryable>)> {
        let final_error = |error| (error, None);
        let mut headers = headers.clone();
        if Op::AUTH == AuthScheme::SigV4 && self.sign {
            let provider = self
                .credentials
                .as_ref()
                .ok_or(CallError::NoCredentials { operation: Op::NAME })
                .map_err(final_error)?;
            let credentials = provider
                .provide_credentials()
                .await
                .map_err(|source| final_error(CallError::Credentials { operation: Op::NAME, source }))?;
            self.sign::<Op>(credentials, url, &mut headers, body).map_err(final_error)?;
        }
        // After signing, as AWS's SDKs add them: the attempt number changes between attempts.
        headers.extend(unsigned);
        if let Some(inspect) = &self.inspector {
            let headers = inspected_headers(&headers);
            (inspect.0)(&Exchange::Request { operation: Op::NAME, attempt, url: url.as_str(), headers });
        }
        let transport = |source: ::reqwest::Error| {
            let why = retry::classify_transport(&source);
            (CallError::Transport { operation: Op::NAME, source: source.without_url() }, why)
        };
        let mut response = self
            .http
            .post(url.clone())
            .headers(headers)
            .body(body.clone())
            .send()
            .await
            .map_err(transport)?;
        let status = response.status().as_u16();
        if let Some(inspect) = &self.inspector {
            let headers = inspected_headers(response.headers());
            (inspect.0)(&Exchange::Response { operation: Op::NAME, attempt, status, headers });
        }
        if (300..400).contains(&status) {
            return Err(final_error(CallError::Redirect { operation: Op::NAME, status }));
        }
        let too_large = || {
            final_error(CallError::ResponseTooLarge { operation: Op::NAME, limit: self.max_response_bytes })
        };
        if response.content_length().is_some_and(|length| length > self.max_response_bytes as u64) {
            return Err(too_large());
        }
        let response_headers = ::std::mem::take(response.headers_mut());
        let mut bytes = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(transport)? {
            if chunk.len() > self.max_response_bytes - bytes.len() {
                return Err(too_large());
            }
            bytes.extend_from_slice(&chunk);
        }
        Ok(RawResponse { status, headers: response_headers, body: bytes })
    }

    /// Adds the SigV4 headers (`Authorization`, `X-Amz-Date`, the session token) for this body.
    fn sign<Op: Operation>(
        &self,
        credentials: Credentials,
        url: &::reqwest::Url,
        headers: &mut ::http::HeaderMap,
        body: &[u8],
    ) -> Result<(), CallError<Op::Error>> {
        use ::aws_sigv4::http_request::{sign, SignableBody, SignableRequest, SigningSettings};
        let signing_error = |message: String| CallError::Signing { operation: Op::NAME, message };
        let identity = credentials.into();
        let params = ::aws_sigv4::sign::v4::SigningParams::builder()
            .identity(&identity)
            .region(&self.region)
            .name(Op::SERVICE.signing_name)
            .time(::std::time::SystemTime::now())
            .settings(SigningSettings::default())
            .build()
            .map_err(|e| signing_error(e.to_string()))?
            .into();
        let header_pairs: Vec<(&str, &str)> =
            headers.iter().filter_map(|(name, value)| Some((name.as_str(), value.to_str().ok()?))).collect();
        let signable =
            SignableRequest::new("POST", url.as_str(), header_pairs.into_iter(), SignableBody::Bytes(body))
                .map_err(|e| signing_error(e.to_string()))?;
        let (instructions, _signature) =
            sign(signable, &params).map_err(|e| signing_error(e.to_string()))?.into_parts();
        for (name, value) in instructions.headers() {
            let value = ::http::HeaderValue::from_str(value).map_err(|e| signing_error(e.to_string()))?;
            let name =
                ::http::HeaderName::from_bytes(name.as_bytes()).map_err(|e| signing_error(e.to_string()))?;
            headers.insert(name, value);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invocation_ids_are_version_4_uuids() {
        assert_eq!(invocation_id(0), "00000000-0000-4000-8000-000000000000");
        assert_eq!(invocation_id(u128::MAX), "ffffffff-ffff-4fff-bfff-ffffffffffff");
        let (a, b) = (invocation_id(retry::random_u128()), invocation_id(retry::random_u128()));
        assert_ne!(a, b);
        assert_eq!(a.len(), 36);
    }

    #[test]
    fn each_attempt_is_numbered_under_one_invocation_id() {
        let invocation = Invocation::new(3);
        let [(id_name, id), (request_name, request)] = invocation.headers(2);
        assert_eq!((id_name.as_str(), request_name.as_str()), ("amz-sdk-invocation-id", "amz-sdk-request"));
        assert_eq!(request, "attempt=2; max=3");
        assert_eq!(invocation.headers(3)[0].1, id);
    }

    #[test]
    fn the_operation_path_is_joined_to_the_endpoints() {
        for (endpoint, url) in [
            ("https://example.com", "https://example.com/"),
            ("https://example.com/custom", "https://example.com/custom/"),
            ("http://127.0.0.1:5000/a/b/", "http://127.0.0.1:5000/a/b/"),
        ] {
            assert_eq!(operation_url(endpoint).map(String::from).as_deref(), Some(url), "{endpoint}");
        }
    }

    #[test]
    fn a_host_prefix_goes_before_a_domain_never_an_address() {
        let prefixed =
            |endpoint: &str| prefixed_url(&operation_url(endpoint).unwrap(), "foo.bar.").to_string();
        assert_eq!(prefixed("https://example.com/custom"), "https://foo.bar.example.com/custom/");
        assert_eq!(prefixed("http://localhost:4566"), "http://foo.bar.localhost:4566/");
        assert_eq!(prefixed("http://127.0.0.1:5000"), "http://127.0.0.1:5000/");
        assert_eq!(prefixed("http://[::1]:5000"), "http://[::1]:5000/");
    }
}
