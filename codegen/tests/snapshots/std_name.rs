/// A shape named like a std type.
#[derive(
    Clone,
    Debug,
    Default,
    PartialEq,
    ::cognito_idp_runtime::__private::serde::Serialize
)]
#[cfg_attr(
    feature = "reverse-serde",
    derive(::cognito_idp_runtime::__private::serde::Deserialize)
)]
#[serde(crate = "::cognito_idp_runtime::__private::serde")]
pub struct Box {
    /// *Constraints:* pattern `(?!bad).*` (not checked: the `regex` crate cannot compile it).
    #[serde(
        rename = "LookAround",
        default,
        skip_serializing_if = "::std::option::Option::is_none"
    )]
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
impl super::wire::Validate for Box {
    #[inline]
    fn validate(&self) -> ::std::result::Result<(), super::support::ValidationError> {
        Self::validate(self)
    }
}
