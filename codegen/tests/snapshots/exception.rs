/// A service fault (retrying may help).
#[derive(
    Clone,
    Debug,
    Default,
    PartialEq,
    ::cognito_idp_runtime::__private::serde::Deserialize
)]
#[cfg_attr(
    feature = "reverse-serde",
    derive(::cognito_idp_runtime::__private::serde::Serialize)
)]
#[serde(crate = "::cognito_idp_runtime::__private::serde")]
pub struct InternalFault {
    #[serde(
        rename = "Message",
        alias = "message",
        default,
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    pub message: ::std::option::Option<::std::string::String>,
}
impl InternalFault {
    /// The error code on the wire.
    pub const CODE: &'static str = "InternalFailure";
    /// Whether the service, not the caller, is at fault.
    pub const FAULT: bool = true;
    /// The HTTP status the model gives this error, if any.
    pub const HTTP_STATUS: ::std::option::Option<u16> = ::std::option::Option::Some(
        500u16,
    );
    /// Creates a `InternalFault` with every member unset.
    #[inline]
    pub fn new() -> Self {
        Self {
            message: ::std::option::Option::None,
        }
    }
    /// Sets [`message`](Self::message).
    pub fn with_message(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.message = ::std::option::Option::Some(value.into());
        self
    }
}
impl super::support::ServiceError for InternalFault {
    #[inline]
    fn code(&self) -> &str {
        Self::CODE
    }
    #[inline]
    fn message(&self) -> ::std::option::Option<&str> {
        self.message.as_deref()
    }
    #[inline]
    fn as_std_error(&self) -> &(dyn ::std::error::Error + 'static) {
        self
    }
}
impl ::std::fmt::Display for InternalFault {
    #[inline]
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        super::support::display_error(self, f)
    }
}
impl ::std::error::Error for InternalFault {}
