/// A service fault (retrying may help).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct InternalFault {
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
#[cfg(feature = "reverse-serde")]
impl ::cognito_idp_runtime::__private::serde::Serialize for InternalFault {
    fn serialize<S: ::cognito_idp_runtime::__private::serde::Serializer>(
        &self,
        serializer: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        let mut out = super::support::structure::writer(serializer, "InternalFault", 1)?;
        out.optional("Message", &self.message);
        out.end()
    }
}
impl<'de> ::cognito_idp_runtime::__private::serde::Deserialize<'de> for InternalFault {
    fn deserialize<D: ::cognito_idp_runtime::__private::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::std::result::Result<Self, D::Error> {
        super::support::structure::deserialize(deserializer, "InternalFault")
    }
}
impl<'de> super::support::structure::ReadMembers<'de> for InternalFault {
    fn read_members<A: ::cognito_idp_runtime::__private::serde::de::MapAccess<'de>>(
        map: &mut super::support::structure::Members<A>,
    ) -> ::std::result::Result<Self, A::Error> {
        let mut value = Self::default();
        while let ::std::option::Option::Some(key) = map.next_key()? {
            match key.as_str() {
                "Message" | "message" => map.read(&mut value.message),
                _ => map.skip_value(),
            }?;
        }
        ::std::result::Result::Ok(value)
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
