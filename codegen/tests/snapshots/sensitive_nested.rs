#[derive(
    Clone,
    Default,
    PartialEq,
    ::cognito_idp_runtime::__private::serde::Deserialize
)]
#[cfg_attr(
    feature = "reverse-serde",
    derive(::cognito_idp_runtime::__private::serde::Serialize)
)]
#[serde(crate = "::cognito_idp_runtime::__private::serde")]
pub struct Credentials {
    /// *Constraints:* length at least 6.
    ///
    /// *Sensitive:* hidden in `Debug` output.
    #[serde(
        rename = "AccessToken",
        default,
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    pub access_token: ::std::option::Option<::std::string::String>,
    /// *Constraints:* length 1 to 64, pattern `[\w+=,.@-]+`.
    #[serde(
        rename = "TokenType",
        default,
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    pub token_type: ::std::option::Option<::std::string::String>,
}
impl Credentials {
    /// Creates a `Credentials` with every member unset.
    #[inline]
    pub fn new() -> Self {
        Self {
            access_token: ::std::option::Option::None,
            token_type: ::std::option::Option::None,
        }
    }
    /// Sets [`access_token`](Self::access_token).
    pub fn with_access_token(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.access_token = ::std::option::Option::Some(value.into());
        self
    }
    /// Sets [`token_type`](Self::token_type).
    pub fn with_token_type(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.token_type = ::std::option::Option::Some(value.into());
        self
    }
}
impl ::std::fmt::Debug for Credentials {
    #[inline]
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.debug_struct("Credentials")
            .field("access_token", &super::support::Redacted)
            .field("token_type", &self.token_type)
            .finish()
    }
}
