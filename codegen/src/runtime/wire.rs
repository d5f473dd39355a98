//! The AWS JSON 1.1 protocol, without I/O: an operation's input becomes an `http::Request`, and
//! a response's status, headers and body become its output or its error enum.
//!
//! Embedded into every output as `mod wire`, beside `operations` (whose descriptors say the
//! target and types) and `support`.

use ::std::fmt;

use super::support::Operation;

/// `X-Amz-Target`.
pub const TARGET_HEADER: &str = "x-amz-target";
/// The header AWS may put the error code in.
pub const ERROR_TYPE_HEADER: &str = "x-amzn-errortype";

/// A request value that can check the model's constraints before it is sent.
pub trait Validate {
    /// Checks lengths, ranges and patterns; the error names the field.
    fn validate(&self) -> ::std::result::Result<(), super::support::ValidationError>;
}

impl Validate for super::support::Unit {
    fn validate(&self) -> ::std::result::Result<(), super::support::ValidationError> {
        Ok(())
    }
}

/// An operation's error enum, built from the code and body of an error response.
pub trait FromErrorResponse: Sized {
    /// The modeled exception for `code`, or the unmodeled variant.
    fn from_error_response(code: &str, body: &[u8], status: u16) -> Self;
}

/// Why a request was not built. Nothing was sent.
#[derive(Debug)]
#[non_exhaustive]
pub enum EncodeError {
    /// The input breaks a constraint of the model.
    Validation(super::support::ValidationError),
    /// The input could not be serialized (a non-finite float, say).
    Serialize { operation: &'static str, message: String },
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EncodeError::Validation(error) => write!(f, "invalid request: {error}"),
            EncodeError::Serialize { operation, message } => {
                write!(f, "cannot encode the {operation} request: {message}")
            }
        }
    }
}

impl ::std::error::Error for EncodeError {
    fn source(&self) -> Option<&(dyn ::std::error::Error + 'static)> {
        match self {
            EncodeError::Validation(error) => Some(error),
            EncodeError::Serialize { .. } => None,
        }
    }
}

/// A response body that is not what the operation's model says it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    /// The operation whose response it was.
    pub operation: &'static str,
    /// The HTTP status.
    pub status: u16,
    /// Where in the body, as member wire names (`AuthenticationResult.ExpiresIn`); `None` at the
    /// top level.
    pub field: Option<String>,
    /// What is wrong; quoted values from the body are left out, since they may be secrets.
    pub message: String,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot decode the {} response (HTTP {})", self.operation, self.status)?;
        if let Some(field) = &self.field {
            write!(f, " at `{field}`")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl ::std::error::Error for DecodeError {}

/// What a response that is not the operation's output is.
#[derive(Debug)]
#[non_exhaustive]
pub enum ResponseError<E> {
    /// The service answered with an error: modeled or not, it is in the operation's enum.
    Service(E),
    /// The body does not fit the model.
    Decode(DecodeError),
}

impl<E: fmt::Display> fmt::Display for ResponseError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResponseError::Service(error) => error.fmt(f),
            ResponseError::Decode(error) => error.fmt(f),
        }
    }
}

impl<E: ::std::error::Error + 'static> ::std::error::Error for ResponseError<E> {
    fn source(&self) -> Option<&(dyn ::std::error::Error + 'static)> {
        match self {
            ResponseError::Service(error) => Some(error),
            ResponseError::Decode(error) => Some(error),
        }
    }
}

/// The `Content-Type` of every request and response of the service.
pub fn content_type() -> String {
    format!("application/x-amz-json-{}", super::operations::SERVICE.json_version)
}

/// Checks `input` and builds `POST /` with the JSON body, `Content-Type` and `X-Amz-Target`.
/// Unset optional members are left out of the body; blobs are base64, timestamps epoch seconds.
pub fn encode_request<Op>(input: &Op::Input) -> ::std::result::Result<::http::Request<Vec<u8>>, EncodeError>
where
    Op: Operation,
    Op::Input: ::serde::Serialize + Validate,
{
    input.validate().map_err(EncodeError::Validation)?;
    let body = ::serde_json::to_vec(input).map_err(|e| EncodeError::Serialize {
        operation: Op::NAME,
        message: without_quoted_values(&e.to_string()),
    })?;
    ::http::Request::builder()
        .method(::http::Method::POST)
        .uri("/")
        .header(::http::header::CONTENT_TYPE, content_type())
        .header(TARGET_HEADER, Op::TARGET)
        .body(body)
        .map_err(|e| EncodeError::Serialize { operation: Op::NAME, message: e.to_string() })
}

/// Turns a response into the operation's output, or its error.
///
/// A 2xx body is the output (an empty body counts as `{}`). Any other status is an error whose
/// code comes from the `X-Amzn-ErrorType` header or the body's `__type` (or `code`), in every
/// form AWS writes it (`NotAuthorizedException`, `aws.cognito#NotAuthorizedException`,
/// `NotAuthorizedException:http://internal.amazon.com/…`).
pub fn decode_response<Op>(
    status: u16,
    headers: &::http::HeaderMap,
    body: &[u8],
) -> ::std::result::Result<Op::Output, ResponseError<Op::Error>>
where
    Op: Operation,
    Op::Output: ::serde::de::DeserializeOwned,
    Op::Error: FromErrorResponse,
{
    if (200..300).contains(&status) {
        return decode_body::<Op::Output>(Op::NAME, status, body).map_err(ResponseError::Decode);
    }
    match error_code(headers, body) {
        Some(code) => Ok(code),
        None => Err(DecodeError {
            operation: Op::NAME,
            status,
            field: None,
            message:
                "an error response without an error code (no X-Amzn-ErrorType header, no __type in the body)"
                    .into(),
        }),
    }
    .map_err(ResponseError::Decode)
    .and_then(|code| Err(ResponseError::Service(Op::Error::from_error_response(&code, body, status))))
}

/// Deserializes a JSON body, naming the field where it goes wrong.
pub fn decode_body<T: ::serde::de::DeserializeOwned>(
    operation: &'static str,
    status: u16,
    body: &[u8],
) -> ::std::result::Result<T, DecodeError> {
    let body: &[u8] = if body.iter().all(u8::is_ascii_whitespace) { b"{}" } else { body };
    // Every output is a structure: serde would also read one from an array.
    if body.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return Err(DecodeError {
            operation,
            status,
            field: None,
            message: "the body is not a JSON object".into(),
        });
    }
    // The fast path has no bookkeeping; only a body that fails is read again to find the field.
    ::serde_json::from_slice(body).map_err(|error| {
        let mut deserializer = ::serde_json::Deserializer::from_slice(body);
        let field = match ::serde_path_to_error::deserialize::<_, T>(&mut deserializer) {
            Err(located) => Some(located.path().to_string()).filter(|path| path != "." && !path.is_empty()),
            Ok(_) => None,
        };
        DecodeError { operation, status, field, message: without_quoted_values(&error.to_string()) }
    })
}

/// The error code of an error response, without namespace or URL.
pub fn error_code(headers: &::http::HeaderMap, body: &[u8]) -> Option<String> {
    let from_header = headers.get(ERROR_TYPE_HEADER).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let from_body = || {
        #[derive(::serde::Deserialize)]
        struct ErrorBody {
            #[serde(rename = "__type")]
            kind: Option<String>,
            code: Option<String>,
        }
        let body: ErrorBody = ::serde_json::from_slice(body).ok()?;
        body.kind.or(body.code)
    };
    from_header.or_else(from_body).map(|raw| sanitize_error_code(&raw)).filter(|code| !code.is_empty())
}

/// `aws.cognito#NotAuthorizedException:http://internal.amazon.com/…` → `NotAuthorizedException`.
pub fn sanitize_error_code(raw: &str) -> String {
    let without_url = raw.split(':').next().unwrap_or(raw);
    let without_namespace = without_url.rsplit('#').next().unwrap_or(without_url);
    without_namespace.trim().to_owned()
}

/// Replaces every `"…"` in a serde message by `"…"`, so no value of the body is repeated.
fn without_quoted_values(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut quoted = false;
    for c in message.chars() {
        if c == '"' {
            if quoted {
                out.push_str("…\"");
            } else {
                out.push('"');
            }
            quoted = !quoted;
        } else if !quoted {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_codes_in_every_form() {
        for raw in [
            "NotAuthorizedException",
            "aws.cognito#NotAuthorizedException",
            "NotAuthorizedException:http://internal.amazon.com/coral/com.amazon.coral.validate/",
            "com.amazonaws.cognito#NotAuthorizedException:http://x",
        ] {
            assert_eq!(sanitize_error_code(raw), "NotAuthorizedException", "{raw}");
        }
    }

    #[test]
    fn error_code_prefers_the_header_then_type_then_code() {
        let mut headers = ::http::HeaderMap::new();
        assert_eq!(error_code(&headers, br#"{"__type":"a#X"}"#).as_deref(), Some("X"));
        assert_eq!(error_code(&headers, br#"{"code":"Y"}"#).as_deref(), Some("Y"));
        assert_eq!(error_code(&headers, b"not json"), None);
        headers.insert(ERROR_TYPE_HEADER, ::http::HeaderValue::from_static("Z:http://u"));
        assert_eq!(error_code(&headers, br#"{"__type":"X"}"#).as_deref(), Some("Z"));
    }

    #[test]
    fn quoted_values_are_left_out_of_messages() {
        assert_eq!(
            without_quoted_values(r#"invalid type: string "hunter2", expected i32"#),
            r#"invalid type: string "…", expected i32"#
        );
    }
}
