//! An async client over `reqwest` (rustls): sends each operation's request as the `wire` module
//! encodes it, signed with SigV4 unless the model marks the operation unsigned.
//!
//! Embedded behind a cargo feature of the including crate (`client` in `cognito-idp`).

use ::std::fmt;
use ::std::time::Duration;

use super::support::{AuthScheme, Operation};
use super::wire::{FromErrorResponse, Validate};

/// AWS credentials for signed operations. `Debug` hides the secret and the session token.
#[derive(Clone)]
pub struct Credentials {
    access_key_id: String,
    secret_access_key: String,
    session_token: Option<String>,
}

impl Credentials {
    /// Credentials from their parts.
    pub fn new(access_key_id: impl Into<String>, secret_access_key: impl Into<String>, session_token: Option<String>) -> Self {
        Credentials { access_key_id: access_key_id.into(), secret_access_key: secret_access_key.into(), session_token }
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
            .field("secret_access_key", &super::support::Redacted)
            .field("session_token", &self.session_token.as_ref().map(|_| super::support::Redacted))
            .finish()
    }
}

/// Why a call failed.
#[derive(Debug)]
#[non_exhaustive]
pub enum CallError<E> {
    /// The request breaks a constraint of the model, or could not be encoded; nothing was sent.
    Encode(super::wire::EncodeError),
    /// A signed operation was called without credentials; nothing was sent.
    NoCredentials { operation: &'static str },
    /// Signing failed; nothing was sent.
    Signing { operation: &'static str, message: String },
    /// The request did not get a response (connection, timeout, TLS).
    Transport { operation: &'static str, source: ::reqwest::Error },
    /// The service answered with an error of the operation.
    Service(E),
    /// The response does not fit the model.
    Decode(super::wire::DecodeError),
}

impl<E: fmt::Display> fmt::Display for CallError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CallError::Encode(error) => error.fmt(f),
            CallError::NoCredentials { operation } => {
                write!(f, "{operation} is signed with SigV4 but the client has no credentials")
            }
            CallError::Signing { operation, message } => write!(f, "cannot sign the {operation} request: {message}"),
            CallError::Transport { operation, source } => write!(f, "{operation} request failed: {source}"),
            CallError::Service(error) => error.fmt(f),
            CallError::Decode(error) => error.fmt(f),
        }
    }
}

impl<E: ::std::error::Error + 'static> ::std::error::Error for CallError<E> {
    fn source(&self) -> Option<&(dyn ::std::error::Error + 'static)> {
        match self {
            CallError::Encode(error) => Some(error),
            CallError::Transport { source, .. } => Some(source),
            CallError::Service(error) => Some(error),
            CallError::Decode(error) => Some(error),
            CallError::NoCredentials { .. } | CallError::Signing { .. } => None,
        }
    }
}

/// Settings of a [`Client`].
#[derive(Debug, Clone)]
pub struct ClientBuilder {
    region: String,
    endpoint: Option<String>,
    credentials: Option<Credentials>,
    connect_timeout: Duration,
    timeout: Duration,
}

impl ClientBuilder {
    /// The endpoint instead of `https://<prefix>.<region>.amazonaws.com/` (a local emulator, say).
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

    /// Builds the client.
    pub fn build(self) -> Result<Client, ::reqwest::Error> {
        let http = ::reqwest::Client::builder().connect_timeout(self.connect_timeout).timeout(self.timeout).build()?;
        let service = &super::operations::SERVICE;
        let endpoint =
            self.endpoint.unwrap_or_else(|| format!("https://{}.{}.amazonaws.com/", service.endpoint_prefix, self.region));
        Ok(Client { http, endpoint, region: self.region, credentials: self.credentials.or_else(Credentials::from_env) })
    }
}

/// Sends requests to the service.
#[derive(Clone, Debug)]
pub struct Client {
    http: ::reqwest::Client,
    endpoint: String,
    region: String,
    credentials: Option<Credentials>,
}

impl Client {
    /// Settings for a client of the service in `region`.
    pub fn builder(region: impl Into<String>) -> ClientBuilder {
        ClientBuilder {
            region: region.into(),
            endpoint: None,
            credentials: None,
            connect_timeout: Duration::from_secs(5),
            timeout: Duration::from_secs(30),
        }
    }

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
        let request = super::wire::encode_request::<Op>(input).map_err(CallError::Encode)?;
        let (parts, body) = request.into_parts();
        let mut headers = parts.headers;
        if Op::AUTH == AuthScheme::SigV4 {
            let credentials = self.credentials.as_ref().ok_or(CallError::NoCredentials { operation: Op::NAME })?;
            self.sign(Op::NAME, credentials, &mut headers, &body)?;
        }
        let response = self
            .http
            .post(&self.endpoint)
            .headers(headers)
            .body(body)
            .send()
            .await
            .map_err(|source| CallError::Transport { operation: Op::NAME, source })?;
        let status = response.status().as_u16();
        let response_headers = response.headers().clone();
        let bytes = response.bytes().await.map_err(|source| CallError::Transport { operation: Op::NAME, source })?;
        super::wire::decode_response::<Op>(status, &response_headers, &bytes).map_err(|error| match error {
            super::wire::ResponseError::Service(error) => CallError::Service(error),
            super::wire::ResponseError::Decode(error) => CallError::Decode(error),
        })
    }

    /// Adds the SigV4 headers (`Authorization`, `X-Amz-Date`, the session token) for this body.
    fn sign<E>(
        &self,
        operation: &'static str,
        credentials: &Credentials,
        headers: &mut ::http::HeaderMap,
        body: &[u8],
    ) -> Result<(), CallError<E>> {
        use ::aws_sigv4::http_request::{sign, SignableBody, SignableRequest, SigningSettings};
        let signing_error = |message: String| CallError::Signing { operation, message };
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
            .name(super::operations::SERVICE.signing_name)
            .time(::std::time::SystemTime::now())
            .settings(SigningSettings::default())
            .build()
            .map_err(|e| signing_error(e.to_string()))?
            .into();
        let header_pairs: Vec<(&str, &str)> =
            headers.iter().filter_map(|(name, value)| Some((name.as_str(), value.to_str().ok()?))).collect();
        let signable = SignableRequest::new("POST", &self.endpoint, header_pairs.into_iter(), SignableBody::Bytes(body))
            .map_err(|e| signing_error(e.to_string()))?;
        let (instructions, _signature) = sign(signable, &params).map_err(|e| signing_error(e.to_string()))?.into_parts();
        for (name, value) in instructions.headers() {
            let value = ::http::HeaderValue::from_str(value).map_err(|e| signing_error(e.to_string()))?;
            let name = ::http::HeaderName::from_bytes(name.as_bytes()).map_err(|e| signing_error(e.to_string()))?;
            headers.insert(name, value);
        }
        Ok(())
    }
}
