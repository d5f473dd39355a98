/// Exactly one of these.
///
/// A union: exactly one variant is set, written on the wire as a one-member object.
#[derive(Clone, Debug, PartialEq, ::cognito_idp_runtime::__private::serde::Serialize)]
#[cfg_attr(
    feature = "reverse-serde",
    derive(::cognito_idp_runtime::__private::serde::Deserialize)
)]
#[serde(crate = "::cognito_idp_runtime::__private::serde")]
#[non_exhaustive]
pub enum Choice {
    #[serde(rename = "Text")]
    Text(::std::string::String),
    #[serde(rename = "Number")]
    Number(i32),
    #[serde(rename = "Node")]
    Node(super::types::TreeNode),
}
impl Choice {
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
        match self {
            Self::Text(value) => {
                let path = &path.field("Text");
                super::constraints::NAME_TYPE.check(path, value)?;
            }
            Self::Number(value) => {
                let path = &path.field("Number");
                super::constraints::COUNT_TYPE.check(path, *value as f64)?;
            }
            Self::Node(value) => {
                let path = &path.field("Node");
                value.validate_at(path)?;
            }
        }
        ::std::result::Result::Ok(())
    }
}
impl super::wire::Validate for Choice {
    #[inline]
    fn validate(&self) -> ::std::result::Result<(), super::support::ValidationError> {
        Self::validate(self)
    }
}
