//! The AWS JSON 1.1 protocol, without I/O: an operation's input becomes an `http::Request`, and
//! a response's status, headers and body become its output or its error enum.
//!
//! Every generated output re-exports this module as its `wire`; its `operations` module holds the
//! descriptors (service, target, types) that the functions here take as a type parameter.

use ::std::fmt;

use crate::support::Operation;

/// `X-Amz-Target`.
pub const TARGET_HEADER: &str = "x-amz-target";
/// The header AWS may put the error code in.
pub const ERROR_TYPE_HEADER: &str = "x-amzn-errortype";

/// A request value that can check the model's constraints before it is sent.
pub trait Validate {
    /// Checks lengths, ranges and patterns; the error names the field.
    fn validate(&self) -> ::std::result::Result<(), crate::support::ValidationError>;
}

impl Validate for crate::support::Unit {
    fn validate(&self) -> ::std::result::Result<(), crate::support::ValidationError> {
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
    Validation(crate::support::ValidationError),
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

/// What a response that is not the operation's output is: one or the other, always (so not
/// `non_exhaustive`: callers match both).
#[derive(Debug)]
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

/// The `Content-Type` of every request and response of `Op`'s service.
pub fn content_type<Op: Operation>() -> String {
    format!("application/x-amz-json-{}", Op::SERVICE.json_version)
}

/// Checks `input` and builds `POST /` with the JSON body, `Content-Type` and `X-Amz-Target`, and
/// the operation's [`HostPrefix`] in its extensions when it has one.
/// Unset optional members are left out of the body; blobs are base64, timestamps epoch seconds.
pub fn encode_request<Op>(input: &Op::Input) -> ::std::result::Result<::http::Request<Vec<u8>>, EncodeError>
where
    Op: Operation,
    Op::Input: ::serde::Serialize + Validate,
{
    input.validate().map_err(EncodeError::Validation)?;
    let host_prefix = Op::host_prefix(input).map_err(EncodeError::Validation)?;
    // serde_json's message may quote a value of the input; only the kind of failure is kept.
    let body = ::serde_json::to_vec(input).map_err(|_| EncodeError::Serialize {
        operation: Op::NAME,
        message: "the input cannot be written as JSON".into(),
    })?;
    let mut request = ::http::Request::builder()
        .method(::http::Method::POST)
        .uri("/")
        .header(::http::header::CONTENT_TYPE, content_type::<Op>())
        .header(TARGET_HEADER, Op::TARGET)
        .body(body)
        .map_err(|e| EncodeError::Serialize { operation: Op::NAME, message: e.to_string() })?;
    if let Some(prefix) = host_prefix {
        request.extensions_mut().insert(HostPrefix(prefix));
    }
    Ok(request)
}

/// What an operation puts before the endpoint's host ([`Operation::host_prefix`]), carried in
/// the extensions of the request [`encode_request`] builds: the request has no host of its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostPrefix(pub String);

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
    Err(decode_error_response::<Op>(status, headers, body))
}

/// The error a response with a status other than 2xx stands for ([`decode_response`]).
pub fn decode_error_response<Op>(
    status: u16,
    headers: &::http::HeaderMap,
    body: &[u8],
) -> ResponseError<Op::Error>
where
    Op: Operation,
    Op::Error: FromErrorResponse,
{
    match error_code(headers, body) {
        Some(code) => ResponseError::Service(Op::Error::from_error_response(&code, body, status)),
        None => ResponseError::Decode(DecodeError {
            operation: Op::NAME,
            status,
            field: None,
            message:
                "an error response without an error code (no X-Amzn-ErrorType header, no __type in the body)"
                    .into(),
        }),
    }
}

/// Deserializes a JSON body, naming the field where it goes wrong and what was expected there.
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
    // The fast path has no bookkeeping; only a body that fails is read again to say where and why.
    ::serde_json::from_slice(body).map_err(|error| {
        let (field, message) = describe_failure::<T>(body, &error);
        DecodeError { operation, status, field, message }
    })
}

/// Where and why `body` does not decode as `T`, from the error's category, its position and the
/// kinds of values involved: serde_json's own message may quote a value (a token, a session).
fn describe_failure<T: ::serde::de::DeserializeOwned>(
    body: &[u8],
    error: &::serde_json::Error,
) -> (Option<String>, String) {
    use ::serde_json::error::Category;
    let position = |what: &str| (None, format!("{what} at line {}, column {}", error.line(), error.column()));
    match error.classify() {
        Category::Syntax => position("not valid JSON"),
        Category::Eof => position("the JSON ends early"),
        Category::Io => (None, "the body cannot be read".into()),
        Category::Data => match ::serde_json::from_slice::<::serde_json::Value>(body) {
            Ok(value) => match from_value::<T>(value) {
                Err(mismatch) => (mismatch.path, mismatch.problem.to_string()),
                // serde_json's reader refuses some documents its `Value` takes (a member
                // given twice): say where, with no detail.
                Ok(_) => {
                    let mut deserializer = ::serde_json::Deserializer::from_slice(body);
                    let path = match ::serde_path_to_error::deserialize::<_, T>(&mut deserializer) {
                        Err(located) => {
                            Some(located.path().to_string()).filter(|p| p != "." && !p.is_empty())
                        }
                        Ok(_) => None,
                    };
                    (path, "the value does not fit the model".into())
                }
            },
            Err(_) => position("not valid JSON"),
        },
    }
}

/// JSON that does not fit a type: where (member wire names, list indexes, map keys) and what was
/// expected there. It never holds a value from the JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mismatch {
    /// Where, as `AuthenticationResult.ExpiresIn`; `None` at the top level.
    pub path: Option<String>,
    /// What.
    pub problem: Problem,
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.path {
            Some(path) => write!(f, "`{path}`: {}", self.problem),
            None => self.problem.fmt(f),
        }
    }
}

impl ::std::error::Error for Mismatch {}

/// Converts JSON into `T` (a request read from the command line, a response body), with an error
/// that names the path and the kinds of value expected and found, never the value.
pub fn from_value<T: ::serde::de::DeserializeOwned>(
    value: ::serde_json::Value,
) -> ::std::result::Result<T, Mismatch> {
    ::serde_path_to_error::deserialize(diagnose::Diagnose(value)).map_err(|error| Mismatch {
        path: Some(error.path().to_string()).filter(|p| p != "." && !p.is_empty()),
        problem: error.into_inner(),
    })
}

/// Why a value does not fit its type, without the value: serde's errors are built through this
/// type, so the values serde would quote (`invalid type: integer `86753091``) never reach a string.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// A value of another kind: `expected a string, found an integer`.
    WrongType { expected: String, found: &'static str },
    /// A value of the right kind that is not allowed.
    WrongValue { expected: String, found: &'static str },
    /// A list or map of the wrong size.
    WrongLength { expected: String },
    /// A union member or enum value the type does not know.
    UnknownVariant,
    /// A member the type does not know.
    UnknownMember,
    /// A required member is missing.
    MissingMember(&'static str),
    /// A member is given twice.
    DuplicateMember(&'static str),
    /// The type refused the value for a reason of its own (bad base64, a timestamp out of range).
    Invalid,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::WrongType { expected, found } => write!(f, "expected {expected}, found {found}"),
            Problem::WrongValue { expected, found } => {
                write!(f, "invalid value ({found}): expected {expected}")
            }
            Problem::WrongLength { expected } => write!(f, "wrong number of elements: expected {expected}"),
            Problem::UnknownVariant => f.write_str("unknown variant"),
            Problem::UnknownMember => f.write_str("unknown member"),
            Problem::MissingMember(name) => write!(f, "missing member `{name}`"),
            Problem::DuplicateMember(name) => write!(f, "member `{name}` given twice"),
            Problem::Invalid => f.write_str("invalid value"),
        }
    }
}

impl ::std::error::Error for Problem {}

impl ::serde::de::Error for Problem {
    // A message of a type's own may quote the value: only the fact is kept.
    fn custom<T: fmt::Display>(_message: T) -> Self {
        Problem::Invalid
    }

    fn invalid_type(found: ::serde::de::Unexpected<'_>, expected: &dyn ::serde::de::Expected) -> Self {
        Problem::WrongType { expected: expected.to_string(), found: diagnose::kind(&found) }
    }

    fn invalid_value(found: ::serde::de::Unexpected<'_>, expected: &dyn ::serde::de::Expected) -> Self {
        Problem::WrongValue { expected: expected.to_string(), found: diagnose::kind(&found) }
    }

    fn invalid_length(_len: usize, expected: &dyn ::serde::de::Expected) -> Self {
        Problem::WrongLength { expected: expected.to_string() }
    }

    fn unknown_variant(_variant: &str, _expected: &'static [&'static str]) -> Self {
        Problem::UnknownVariant
    }

    fn unknown_field(_field: &str, _expected: &'static [&'static str]) -> Self {
        Problem::UnknownMember
    }

    fn missing_field(field: &'static str) -> Self {
        Problem::MissingMember(field)
    }

    fn duplicate_field(field: &'static str) -> Self {
        Problem::DuplicateMember(field)
    }
}

/// A deserializer over a `serde_json::Value` whose error is [`Problem`]: serde_json's own
/// `Value` deserializer builds its errors as text, with the values in them.
mod diagnose {
    use ::serde::de::value::{MapAccessDeserializer, MapDeserializer, SeqDeserializer};
    use ::serde::de::{Deserializer, Error as _, IntoDeserializer, Unexpected, Visitor};
    use ::serde_json::Value;

    use super::Problem;

    /// How a value is described in an error: its kind, never its content.
    pub(super) fn kind(value: &Unexpected<'_>) -> &'static str {
        match value {
            Unexpected::Bool(_) => "a boolean",
            Unexpected::Unsigned(_) | Unexpected::Signed(_) => "an integer",
            Unexpected::Float(_) => "a floating-point number",
            Unexpected::Char(_) => "a character",
            Unexpected::Str(_) => "a string",
            Unexpected::Bytes(_) => "bytes",
            Unexpected::Unit => "null",
            Unexpected::Option => "an optional value",
            Unexpected::NewtypeStruct => "a newtype struct",
            Unexpected::Seq => "a list",
            Unexpected::Map => "an object",
            Unexpected::Enum => "an enum",
            Unexpected::UnitVariant | Unexpected::NewtypeVariant => "an enum variant",
            Unexpected::TupleVariant | Unexpected::StructVariant => "an enum variant",
            Unexpected::Other(_) => "another kind of value",
        }
    }

    fn unexpected(value: &Value) -> Unexpected<'static> {
        match value {
            Value::Null => Unexpected::Unit,
            Value::Bool(_) => Unexpected::Bool(false),
            Value::Number(n) if n.is_f64() => Unexpected::Float(0.0),
            Value::Number(_) => Unexpected::Signed(0),
            Value::String(_) => Unexpected::Str(""),
            Value::Array(_) => Unexpected::Seq,
            Value::Object(_) => Unexpected::Map,
        }
    }

    pub(super) struct Diagnose(pub(super) Value);

    impl<'de> IntoDeserializer<'de, Problem> for Diagnose {
        type Deserializer = Self;

        fn into_deserializer(self) -> Self {
            self
        }
    }

    impl<'de> Deserializer<'de> for Diagnose {
        type Error = Problem;

        fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Problem> {
            match self.0 {
                Value::Null => visitor.visit_unit(),
                Value::Bool(b) => visitor.visit_bool(b),
                Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
                    (Some(u), _, _) => visitor.visit_u64(u),
                    (_, Some(i), _) => visitor.visit_i64(i),
                    (_, _, Some(f)) => visitor.visit_f64(f),
                    _ => Err(Problem::Invalid),
                },
                Value::String(s) => visitor.visit_string(s),
                Value::Array(items) => {
                    let mut seq = SeqDeserializer::new(items.into_iter().map(Diagnose));
                    let value = visitor.visit_seq(&mut seq)?;
                    seq.end()?;
                    Ok(value)
                }
                Value::Object(members) => {
                    let mut map = MapDeserializer::new(members.into_iter().map(|(k, v)| (k, Diagnose(v))));
                    let value = visitor.visit_map(&mut map)?;
                    map.end()?;
                    Ok(value)
                }
            }
        }

        fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Problem> {
            match self.0 {
                Value::Null => visitor.visit_none(),
                _ => visitor.visit_some(self),
            }
        }

        fn deserialize_newtype_struct<V: Visitor<'de>>(
            self,
            _name: &'static str,
            visitor: V,
        ) -> Result<V::Value, Problem> {
            visitor.visit_newtype_struct(self)
        }

        fn deserialize_enum<V: Visitor<'de>>(
            self,
            _name: &'static str,
            _variants: &'static [&'static str],
            visitor: V,
        ) -> Result<V::Value, Problem> {
            match self.0 {
                Value::String(variant) => visitor.visit_enum(variant.into_deserializer()),
                Value::Object(members) => visitor.visit_enum(MapAccessDeserializer::new(
                    MapDeserializer::new(members.into_iter().map(|(k, v)| (k, Diagnose(v)))),
                )),
                other => Err(Problem::invalid_type(unexpected(&other), &visitor)),
            }
        }

        ::serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
            unit unit_struct seq tuple tuple_struct map struct identifier ignored_any
        }
    }
}

/// The error code of an error response, without namespace or URL.
pub fn error_code(headers: &::http::HeaderMap, body: &[u8]) -> Option<String> {
    let from_header = headers.get(ERROR_TYPE_HEADER).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let from_body = || {
        let body: ::serde_json::Value = ::serde_json::from_slice(body).ok()?;
        let code = body.get("__type").or_else(|| body.get("code"))?;
        code.as_str().map(str::to_owned)
    };
    from_header.or_else(from_body).map(|raw| sanitize_error_code(&raw)).filter(|code| !code.is_empty())
}

/// `aws.cognito#NotAuthorizedException:http://internal.amazon.com/…` → `NotAuthorizedException`.
pub fn sanitize_error_code(raw: &str) -> String {
    let without_url = raw.split(':').next().unwrap_or(raw);
    let without_namespace = without_url.rsplit('#').next().unwrap_or(without_url);
    without_namespace.trim().to_owned()
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

    #[derive(Debug, ::serde::Deserialize)]
    #[allow(dead_code)]
    struct Tokens {
        #[serde(rename = "Session")]
        session: Option<String>,
        #[serde(rename = "ExpiresIn")]
        expires_in: Option<i32>,
        #[serde(rename = "Items")]
        items: Option<Vec<String>>,
        #[serde(rename = "Required")]
        required: String,
    }

    #[test]
    fn decode_errors_name_the_path_and_kinds_never_the_value() {
        for (body, field, message) in [
            (
                r#"{"Required":"r","Session":86753091}"#,
                Some("Session"),
                "expected a string, found an integer",
            ),
            (
                r#"{"Required":"r","Session":8675309.1}"#,
                Some("Session"),
                "expected a string, found a floating-point number",
            ),
            (
                r#"{"Required":"r","ExpiresIn":"8675309\"x"}"#,
                Some("ExpiresIn"),
                "expected i32, found a string",
            ),
            (
                r#"{"Required":"r","Items":["a",8675309]}"#,
                Some("Items[1]"),
                "expected a string, found an integer",
            ),
            (r#"{"Session":"8675309"}"#, None, "missing member `Required`"),
            (r#"{"Required":"8675309""#, None, "the JSON ends early at line 1, column 21"),
            (r#"{"Required":"8675309" x}"#, None, "not valid JSON at line 1, column 23"),
        ] {
            let error = decode_body::<Tokens>("Op", 200, body.as_bytes()).unwrap_err();
            assert_eq!((error.field.as_deref(), error.message.as_str()), (field, message), "{body}");
            assert!(!error.to_string().contains("8675309"), "{error}");
        }
    }

    #[test]
    fn from_value_is_serde_json_with_safe_errors() {
        let value = ::serde_json::json!({"Required": "r", "Items": ["a", "b"], "Session": null});
        let tokens: Tokens = from_value(value).unwrap();
        assert_eq!(tokens.items.as_deref(), Some(&["a".to_owned(), "b".to_owned()][..]));
        let mismatch = from_value::<Tokens>(::serde_json::json!({"Required": ["8675309"]})).unwrap_err();
        assert_eq!(mismatch.to_string(), "`Required`: expected a string, found a list");
    }
}
