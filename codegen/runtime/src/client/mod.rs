//! An async client over `reqwest` (rustls): sends each operation's request as the [`wire`](crate::wire)
//! module encodes it, signed with SigV4 unless the model marks the operation unsigned.
//!
//! It works for any [`Operation`]; generated bindings wrap it in their own `client::Client`,
//! which adds a method per operation and fills in the service (`Client::builder(region)`).
//! Failed attempts are retried as AWS's SDKs' standard mode does ([`retry`]).

pub mod retry;

use ::std::fmt;
use ::std::marker::PhantomData;
use ::std::sync::Arc;
use ::std::time::Duration;

use self::retry::{RetryPolicy, RetryQuota, Retryable};

use crate::support::{AuthScheme, Operation, ServiceInfo};
use crate::wire::{FromErrorResponse, Validate};

/// AWS credentials for signed operations. `Debug` hides the secret and the session token.
#[derive(Clone)]
pub struct Credentials {
    access_key_id: String,
    secret_access_key: String,
    session_token: Option<String>,
}

impl Credentials {
    /// Credentials from their parts.
    pub fn new(
        access_key_id: impl Into<String>,
        secret_access_key: impl Into<String>,
        session_token: Option<String>,
    ) -> Self {
        Credentials {
            access_key_id: access_key_id.into(),
            secret_access_key: secret_access_key.into(),
            session_token,
        }
    }

    /// `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN` from the environment.
    pub fn from_env() -> Option<Self> {
        let key = ::std::env::var("AWS_ACCESS_KEY_ID").ok().filter(|v| !v.is_empty())?;
        let secret = ::std::env::var("AWS_SECRET_ACCESS_KEY").ok().filter(|v| !v.is_empty())?;
        let token = ::std::env::var("AWS_SESSION_TOKEN").ok().filter(|v| !v.is_empty());
        Some(Credentials::new(key, secret, token))
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &crate::support::Redacted)
            .field("session_token", &self.session_token.as_ref().map(|_| crate::support::Redacted))
            .finish()
    }
}

/// Why a call failed.
#[derive(Debug)]
#[non_exhaustive]
pub enum CallError<E> {
    /// The request breaks a constraint of the model, or could not be encoded; nothing was sent.
    Encode(crate::wire::EncodeError),
    /// A signed operation was called without credentials; nothing was sent.
    NoCredentials { operation: &'static str },
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
    Service(E),
    /// The response does not fit the model.
    Decode(crate::wire::DecodeError),
}

impl<E: fmt::Display> fmt::Display for CallError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CallError::Encode(error) => error.fmt(f),
            CallError::NoCredentials { operation } => {
                write!(f, "{operation} is signed with SigV4 but the client has no credentials")
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
            CallError::Service(error) => error.fmt(f),
            CallError::Decode(error) => error.fmt(f),
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
    crate::wire::decode_response::<Op>(response.status, &response.headers, &response.body).map_err(call_error)
}

fn call_error<E>(error: crate::wire::ResponseError<E>) -> CallError<E> {
    match error {
        crate::wire::ResponseError::Service(error) => CallError::Service(error),
        crate::wire::ResponseError::Decode(error) => CallError::Decode(error),
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
            CallError::Service(error) => Some(error),
            CallError::Decode(error) => Some(error),
            CallError::NoCredentials { .. }
            | CallError::Signing { .. }
            | CallError::Redirect { .. }
            | CallError::ResponseTooLarge { .. } => None,
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
            BuildError::InvalidRegion | BuildError::InvalidEndpoint | BuildError::InvalidMaxAttempts => None,
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
    region: String,
    endpoint: Option<String>,
    credentials: Option<Credentials>,
    connect_timeout: Duration,
    timeout: Duration,
    max_response_bytes: usize,
    retry: RetryPolicy,
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
            client: PhantomData,
        }
    }
}

impl<C: From<Client>> ClientBuilder<C> {
    /// Settings for a client of `service` in `region`.
    pub fn new(service: &'static ServiceInfo, region: impl Into<String>) -> Self {
        ClientBuilder {
            service,
            region: region.into(),
            endpoint: None,
            credentials: None,
            connect_timeout: Duration::from_secs(5),
            timeout: Duration::from_secs(30),
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            retry: RetryPolicy::default(),
            client: PhantomData,
        }
    }

    /// The endpoint instead of `https://<prefix>.<region>.amazonaws.com/` (a local emulator, say):
    /// an absolute `http` or `https` URL, checked by [`build`](Self::build).
    pub fn endpoint_url(mut self, url: impl Into<String>) -> Self {
        self.endpoint = Some(url.into());
        self
    }

    /// Credentials for signed operations; by default they are read from the environment.
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = Some(credentials);
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
    /// [`BuildError::InvalidMaxAttempts`], or [`BuildError::Http`] when the HTTP client cannot be
    /// set up.
    pub fn build(self) -> Result<C, BuildError> {
        if !crate::support::is_valid_region(&self.region) {
            return Err(BuildError::InvalidRegion);
        }
        if self.retry.max_attempts == 0 {
            return Err(BuildError::InvalidMaxAttempts);
        }
        let endpoint = match &self.endpoint {
            Some(url) if !is_valid_endpoint(url) => return Err(BuildError::InvalidEndpoint),
            Some(url) => url.clone(),
            None => format!("https://{}.{}.amazonaws.com/", self.service.endpoint_prefix, self.region),
        };
        let endpoint = operation_url(&endpoint).ok_or(BuildError::InvalidEndpoint)?;
        let http = ::reqwest::Client::builder()
            .connect_timeout(self.connect_timeout)
            .timeout(self.timeout)
            .redirect(::reqwest::redirect::Policy::none())
            .user_agent(USER_AGENT)
            .build()
            .map_err(BuildError::Http)?;
        Ok(C::from(Client {
            http,
            endpoint,
            region: self.region,
            credentials: self.credentials.or_else(Credentials::from_env),
            max_response_bytes: self.max_response_bytes,
            retry: self.retry,
            quota: Arc::default(),
        }))
    }
}

/// Where requests go: the endpoint with the operation's path `/` joined to its own path, as AWS's
/// SDKs join them (`https://example.com/custom` → `https://example.com/custom/`). Parsed once, here,
/// not on every call.
fn operation_url(endpoint: &str) -> Option<::reqwest::Url> {
    let mut url = ::reqwest::Url::parse(endpoint).ok()?;
    if !url.path().ends_with('/') {
        let path = format!("{}/", url.path());
        url.set_path(&path);
    }
    Some(url)
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
    credentials: Option<Credentials>,
    max_response_bytes: usize,
    retry: RetryPolicy,
    /// Shared by the client's clones, as AWS's SDKs share it per client.
    quota: Arc<RetryQuota>,
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
        let mut spent = 0;
        let mut attempt = 1;
        loop {
            let (failure, why) = match self.attempt::<Op>(&parts.headers, &body).await {
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
                    (Err(response), why)
                }
                Err((error, why)) => (Ok(error), why),
            };
            let retry =
                why.filter(|_| attempt < self.retry.max_attempts).and_then(|why| self.quota.acquire(why));
            match retry {
                Some(cost) => {
                    spent += cost;
                    ::tokio::time::sleep(self.retry.backoff(attempt, retry::jitter())).await;
                    attempt += 1;
                }
                None => {
                    return Err(match failure {
                        Ok(error) => error,
                        Err(response) => call_error(crate::wire::decode_error_response::<Op>(
                            response.status,
                            &response.headers,
                            &response.body,
                        )),
                    })
                }
            }
        }
    }

    /// One attempt: signs (with a fresh time), sends, and reads the response up to the limit.
    /// A failure comes with whether it may be retried.
    async fn attempt<Op: Operation>(
        &self,
        headers: &::http::HeaderMap,
        body: &[u8],
    ) -> Result<RawResponse, (CallError<Op::Error>, Option<Retryable>)> {
        let final_error = |error| (error, None);
        let mut headers = headers.clone();
        if Op::AUTH == AuthScheme::SigV4 {
            let credentials = self
                .credentials
                .as_ref()
                .ok_or(CallError::NoCredentials { operation: Op::NAME })
                .map_err(final_error)?;
            self.sign::<Op>(credentials, &mut headers, body).map_err(final_error)?;
        }
        let transport = |source: ::reqwest::Error| {
            let why = retry::classify_transport(&source);
            (CallError::Transport { operation: Op::NAME, source: source.without_url() }, why)
        };
        let mut response = self
            .http
            .post(self.endpoint.clone())
            .headers(headers)
            .body(body.to_vec())
            .send()
            .await
            .map_err(transport)?;
        let status = response.status().as_u16();
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
        credentials: &Credentials,
        headers: &mut ::http::HeaderMap,
        body: &[u8],
    ) -> Result<(), CallError<Op::Error>> {
        use ::aws_sigv4::http_request::{sign, SignableBody, SignableRequest, SigningSettings};
        let signing_error = |message: String| CallError::Signing { operation: Op::NAME, message };
        let identity = ::aws_credential_types::Credentials::new(
            credentials.access_key_id.clone(),
            credentials.secret_access_key.clone(),
            credentials.session_token.clone(),
            None,
            "cognito-idp-client",
        )
        .into();
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
        let signable = SignableRequest::new(
            "POST",
            self.endpoint.as_str(),
            header_pairs.into_iter(),
            SignableBody::Bytes(body),
        )
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
