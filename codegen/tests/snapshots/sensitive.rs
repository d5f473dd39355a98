#[derive(Clone, PartialEq, ::cognito_idp_runtime::__private::serde::Serialize)]
#[cfg_attr(
    feature = "reverse-serde",
    derive(::cognito_idp_runtime::__private::serde::Deserialize)
)]
#[serde(crate = "::cognito_idp_runtime::__private::serde")]
pub struct SignInRequest {
    /// *Constraints:* length at least 6.
    ///
    /// *Sensitive:* hidden in `Debug` output.
    #[serde(rename = "Password")]
    pub password: ::std::string::String,
    /// *Sensitive:* hidden in `Debug` output.
    #[serde(
        rename = "Parameters",
        default,
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    pub parameters: ::std::option::Option<
        ::std::collections::HashMap<::std::string::String, ::std::string::String>,
    >,
}
impl SignInRequest {
    /// Creates a `SignInRequest` from its required members (`password`); optional ones start unset.
    #[inline]
    pub fn new(password: impl ::std::convert::Into<::std::string::String>) -> Self {
        Self {
            password: password.into(),
            parameters: ::std::option::Option::None,
        }
    }
    /// Sets [`parameters`](Self::parameters).
    pub fn with_parameters(
        mut self,
        value: impl ::std::convert::Into<
            ::std::collections::HashMap<::std::string::String, ::std::string::String>,
        >,
    ) -> Self {
        self.parameters = ::std::option::Option::Some(value.into());
        self
    }
    /// Checks the model's length, range and pattern constraints of every member, recursively.
    ///
    /// The first broken constraint is returned with the path of the member that breaks it.
    #[inline]
    pub fn validate(
        &self,
    ) -> ::std::result::Result<(), super::support::ValidationError> {
        self.validate_at(&super::support::FieldPath::Root)
    }
    /// Validates this value found at `path` inside a request.
    #[doc(hidden)]
    #[inline]
    pub fn validate_at(
        &self,
        path: &super::support::FieldPath<'_>,
    ) -> ::std::result::Result<(), super::support::ValidationError> {
        {
            let path = &path.field("Password");
            let value = &self.password;
            super::constraints::SECRET_TYPE.check(path, value)?;
        }
        ::std::result::Result::Ok(())
    }
}
impl ::std::fmt::Debug for SignInRequest {
    #[inline]
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.debug_struct("SignInRequest")
            .field("password", &super::support::Redacted)
            .field("parameters", &super::support::Redacted)
            .finish()
    }
}
impl super::wire::Validate for SignInRequest {
    #[inline]
    fn validate(&self) -> ::std::result::Result<(), super::support::ValidationError> {
        Self::validate(self)
    }
}
