//! An async client over `reqwest` (rustls): sends each operation's request as the [`wire`](crate::wire)
//! module encodes it, signed with SigV4 unless the model marks the operation unsigned.
//!
//! It works for any [`Operation`]; generated bindings wrap it in their own `client::Client`,
//! which adds a method per operation and fills in the service (`Client::builder(region)`).

use ::std::fmt;
use ::std::marker::PhantomData;
use ::std::time::Duration;

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
            BuildError::InvalidRegion | BuildError::InvalidEndpoint => None,
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

    /// Time allowed for a whole call (default 30 s).
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
    /// [`BuildError::InvalidRegion`], [`BuildError::InvalidEndpoint`], or [`BuildError::Http`]
    /// when the HTTP client cannot be set up.
    pub fn build(self) -> Result<C, BuildError> {
        if !crate::support::is_valid_region(&self.region) {
            return Err(BuildError::InvalidRegion);
        }
        if self.endpoint.as_deref().is_some_and(|url| !is_valid_endpoint(url)) {
            return Err(BuildError::InvalidEndpoint);
        }
        let http = ::reqwest::Client::builder()
            .connect_timeout(self.connect_timeout)
            .timeout(self.timeout)
            .redirect(::reqwest::redirect::Policy::none())
            .build()
            .map_err(BuildError::Http)?;
        let endpoint = self.endpoint.unwrap_or_else(|| {
            format!("https://{}.{}.amazonaws.com/", self.service.endpoint_prefix, self.region)
        });
        Ok(C::from(Client {
            http,
            endpoint,
            region: self.region,
            credentials: self.credentials.or_else(Credentials::from_env),
            max_response_bytes: self.max_response_bytes,
        }))
    }
}

/// Sends requests to one service ([`ClientBuilder::new`]), for any of its operations
/// ([`call`](Self::call)).
#[derive(Clone, Debug)]
pub struct Client {
    http: ::reqwest::Client,
    endpoint: String,
    region: String,
    credentials: Option<Credentials>,
    max_response_bytes: usize,
}

impl Client {
    /// The URL requests go to.
    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    /// Calls operation `Op`: validates, encodes, signs when the model says so, sends, decodes.
    pub async fn call<Op>(&self, input: &Op::Input) -> Result<Op::Output, CallError<Op::Error>>
    where
        Op: Operation,
        Op::Input: ::serde::Serialize + Validate,
        Op::Output: ::serde::de::DeserializeOwned,
        Op::Error: FromErrorResponse,
    {
        let request = crate::wire::encode_request::<Op>(input).map_err(CallError::Encode)?;
        let (parts, body) = request.into_parts();
        let mut headers = parts.headers;
        if Op::AUTH == AuthScheme::SigV4 {
            let credentials =
                self.credentials.as_ref().ok_or(CallError::NoCredentials { operation: Op::NAME })?;
            self.sign::<Op>(credentials, &mut headers, &body)?;
        }
        let transport = |source: ::reqwest::Error| CallError::Transport {
            operation: Op::NAME,
            source: source.without_url(),
        };
        let mut response =
            self.http.post(&self.endpoint).headers(headers).body(body).send().await.map_err(transport)?;
        let status = response.status().as_u16();
        if (300..400).contains(&status) {
            return Err(CallError::Redirect { operation: Op::NAME, status });
        }
        let too_large = CallError::ResponseTooLarge { operation: Op::NAME, limit: self.max_response_bytes };
        if response.content_length().is_some_and(|length| length > self.max_response_bytes as u64) {
            return Err(too_large);
        }
        let response_headers = ::std::mem::take(response.headers_mut());
        let mut bytes = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(transport)? {
            if chunk.len() > self.max_response_bytes - bytes.len() {
                return Err(too_large);
            }
            bytes.extend_from_slice(&chunk);
        }
        crate::wire::decode_response::<Op>(status, &response_headers, &bytes).map_err(|error| match error {
            crate::wire::ResponseError::Service(error) => CallError::Service(error),
            crate::wire::ResponseError::Decode(error) => CallError::Decode(error),
        })
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
        let signable =
            SignableRequest::new("POST", &self.endpoint, header_pairs.into_iter(), SignableBody::Bytes(body))
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
