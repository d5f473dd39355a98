#[derive(Clone, Default, PartialEq)]
pub struct Credentials {
    /// *Constraints:* length at least 6.
    ///
    /// *Sensitive:* hidden in `Debug` output.
    pub access_token: ::std::option::Option<::std::string::String>,
    /// *Constraints:* length 1 to 64, pattern `[\w+=,.@-]+`.
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
#[cfg(feature = "reverse-serde")]
impl ::cognito_idp_runtime::__private::serde::Serialize for Credentials {
    fn serialize<S: ::cognito_idp_runtime::__private::serde::Serializer>(
        &self,
        serializer: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        let mut out = super::support::structure::writer(serializer, "Credentials", 2)?;
        out.optional("AccessToken", &self.access_token);
        out.optional("TokenType", &self.token_type);
        out.end()
    }
}
impl<'de> ::cognito_idp_runtime::__private::serde::Deserialize<'de> for Credentials {
    fn deserialize<D: ::cognito_idp_runtime::__private::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::std::result::Result<Self, D::Error> {
        super::support::structure::deserialize(deserializer, "Credentials")
    }
}
impl<'de> super::support::structure::ReadMembers<'de> for Credentials {
    fn read_members<A: ::cognito_idp_runtime::__private::serde::de::MapAccess<'de>>(
        map: &mut super::support::structure::Members<A>,
    ) -> ::std::result::Result<Self, A::Error> {
        let mut value = Self::default();
        while let ::std::option::Option::Some(key) = map.next_key()? {
            match key.as_str() {
                "AccessToken" => map.read(&mut value.access_token),
                "TokenType" => map.read(&mut value.token_type),
                _ => map.skip_value(),
            }?;
        }
        ::std::result::Result::Ok(value)
    }
}
