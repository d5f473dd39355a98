#[derive(Clone, PartialEq)]
pub struct SignInRequest {
    /// *Constraints:* length at least 6.
    ///
    /// *Sensitive:* hidden in `Debug` output.
    pub password: ::std::string::String,
    /// *Sensitive:* hidden in `Debug` output.
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
impl ::cognito_idp_runtime::__private::serde::Serialize for SignInRequest {
    fn serialize<S: ::cognito_idp_runtime::__private::serde::Serializer>(
        &self,
        serializer: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        let mut out = super::support::structure::writer(serializer, "SignInRequest", 2)?;
        out.required("Password", &self.password);
        out.optional("Parameters", &self.parameters);
        out.end()
    }
}
#[cfg(feature = "reverse-serde")]
impl<'de> ::cognito_idp_runtime::__private::serde::Deserialize<'de> for SignInRequest {
    fn deserialize<D: ::cognito_idp_runtime::__private::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::std::result::Result<Self, D::Error> {
        super::support::structure::deserialize(deserializer, "SignInRequest")
    }
}
#[cfg(feature = "reverse-serde")]
impl<'de> super::support::structure::ReadMembers<'de> for SignInRequest {
    fn read_members<A: ::cognito_idp_runtime::__private::serde::de::MapAccess<'de>>(
        map: &mut super::support::structure::Members<A>,
    ) -> ::std::result::Result<Self, A::Error> {
        let mut password = ::std::option::Option::None;
        let mut parameters = ::std::option::Option::None;
        while let ::std::option::Option::Some(key) = map.next_key()? {
            match key.as_str() {
                "Password" => map.read(&mut password),
                "Parameters" => map.read(&mut parameters),
                _ => map.skip_value(),
            }?;
        }
        ::std::result::Result::Ok(Self {
            password: map.required(password, "Password")?,
            parameters,
        })
    }
}
impl super::wire::Validate for SignInRequest {
    #[inline]
    fn validate(&self) -> ::std::result::Result<(), super::support::ValidationError> {
        Self::validate(self)
    }
}
