/// A shape named like a std type.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Box {
    /// *Constraints:* pattern `(?!bad).*` (not checked: the `regex` crate cannot compile it).
    pub look_around: ::std::option::Option<::std::string::String>,
}
impl Box {
    /// Creates a `Box` with every member unset.
    #[inline]
    pub fn new() -> Self {
        Self {
            look_around: ::std::option::Option::None,
        }
    }
    /// Sets [`look_around`](Self::look_around).
    pub fn with_look_around(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.look_around = ::std::option::Option::Some(value.into());
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
        let _ = path;
        ::std::result::Result::Ok(())
    }
}
impl ::cognito_idp_runtime::__private::serde::Serialize for Box {
    fn serialize<S: ::cognito_idp_runtime::__private::serde::Serializer>(
        &self,
        serializer: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        let mut out = super::support::structure::writer(serializer, "Box", 1)?;
        out.optional("LookAround", &self.look_around);
        out.end()
    }
}
#[cfg(feature = "reverse-serde")]
impl<'de> ::cognito_idp_runtime::__private::serde::Deserialize<'de> for Box {
    fn deserialize<D: ::cognito_idp_runtime::__private::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::std::result::Result<Self, D::Error> {
        super::support::structure::deserialize(deserializer, "Box")
    }
}
#[cfg(feature = "reverse-serde")]
impl<'de> super::support::structure::ReadMembers<'de> for Box {
    fn read_members<A: ::cognito_idp_runtime::__private::serde::de::MapAccess<'de>>(
        map: &mut super::support::structure::Members<A>,
    ) -> ::std::result::Result<Self, A::Error> {
        let mut value = Self::default();
        while let ::std::option::Option::Some(key) = map.next_key()? {
            match key.as_str() {
                "LookAround" => map.read(&mut value.look_around),
                _ => map.skip_value(),
            }?;
        }
        ::std::result::Result::Ok(value)
    }
}
impl super::wire::Validate for Box {
    #[inline]
    fn validate(&self) -> ::std::result::Result<(), super::support::ValidationError> {
        Self::validate(self)
    }
}
