#[derive(Clone, Debug, PartialEq)]
pub struct ThingSummary {
    /// *Constraints:* length 1 to 64, pattern `[\w+=,.@-]+`.
    pub name: ::std::string::String,
    pub nested: ::std::option::Option<::std::boxed::Box<super::types::ThingSummary>>,
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
#[cfg(feature = "reverse-serde")]
impl ::cognito_idp_runtime::__private::serde::Serialize for ThingSummary {
    fn serialize<S: ::cognito_idp_runtime::__private::serde::Serializer>(
        &self,
        serializer: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        let mut out = super::support::structure::writer(serializer, "ThingSummary", 3)?;
        out.required("Name", &self.name);
        out.optional("Nested", &self.nested);
        out.optional("Credentials", &self.credentials);
        out.end()
    }
}
impl<'de> ::cognito_idp_runtime::__private::serde::Deserialize<'de> for ThingSummary {
    fn deserialize<D: ::cognito_idp_runtime::__private::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::std::result::Result<Self, D::Error> {
        super::support::structure::deserialize(deserializer, "ThingSummary")
    }
}
impl<'de> super::support::structure::ReadMembers<'de> for ThingSummary {
    fn read_members<A: ::cognito_idp_runtime::__private::serde::de::MapAccess<'de>>(
        map: &mut super::support::structure::Members<A>,
    ) -> ::std::result::Result<Self, A::Error> {
        let mut name = ::std::option::Option::None;
        let mut nested = ::std::option::Option::None;
        let mut credentials = ::std::option::Option::None;
        while let ::std::option::Option::Some(key) = map.next_key()? {
            match key.as_str() {
                "Name" => map.read(&mut name),
                "Nested" => map.read(&mut nested),
                "Credentials" => map.read(&mut credentials),
                _ => map.skip_value(),
            }?;
        }
        ::std::result::Result::Ok(Self {
            name: map.required(name, "Name")?,
            nested,
            credentials,
        })
    }
}
