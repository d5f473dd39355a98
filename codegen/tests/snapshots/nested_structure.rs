#[derive(Clone, Debug, PartialEq, ::cognito_idp_runtime::__private::serde::Deserialize)]
#[cfg_attr(
    feature = "reverse-serde",
    derive(::cognito_idp_runtime::__private::serde::Serialize)
)]
#[serde(crate = "::cognito_idp_runtime::__private::serde")]
pub struct ThingSummary {
    /// *Constraints:* length 1 to 64, pattern `[\w+=,.@-]+`.
    #[serde(rename = "Name")]
    pub name: ::std::string::String,
    #[serde(
        rename = "Nested",
        default,
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    pub nested: ::std::option::Option<::std::boxed::Box<super::types::ThingSummary>>,
    #[serde(
        rename = "Credentials",
        default,
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    pub credentials: ::std::option::Option<super::types::Credentials>,
}
impl ThingSummary {
    /// Creates a `ThingSummary` from its required members (`name`); optional ones start unset.
    #[inline]
    pub fn new(name: impl ::std::convert::Into<::std::string::String>) -> Self {
        Self {
            name: name.into(),
            nested: ::std::option::Option::None,
            credentials: ::std::option::Option::None,
        }
    }
    /// Sets [`nested`](Self::nested).
    pub fn with_nested(
        mut self,
        value: impl ::std::convert::Into<super::types::ThingSummary>,
    ) -> Self {
        self.nested = ::std::option::Option::Some(::std::boxed::Box::new(value.into()));
        self
    }
    /// Sets [`credentials`](Self::credentials).
    pub fn with_credentials(
        mut self,
        value: impl ::std::convert::Into<super::types::Credentials>,
    ) -> Self {
        self.credentials = ::std::option::Option::Some(value.into());
        self
    }
}
