/// Exactly one of these.
///
/// A union: exactly one variant is set, written on the wire as a one-member object.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Choice {
    Text(::std::string::String),
    Number(i32),
    Node(super::types::TreeNode),
    /// A member this version of the model does not list, sent by a newer service: its value is not kept. Sending it is an error.
    Unknown,
}
impl ::cognito_idp_runtime::__private::serde::Serialize for Choice {
    fn serialize<S: ::cognito_idp_runtime::__private::serde::Serializer>(
        &self,
        serializer: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        match self {
            Self::Text(value) => {
                serializer.serialize_newtype_variant("Choice", 0, "Text", value)
            }
            Self::Number(value) => {
                serializer.serialize_newtype_variant("Choice", 1, "Number", value)
            }
            Self::Node(value) => {
                serializer.serialize_newtype_variant("Choice", 2, "Node", value)
            }
            Self::Unknown => {
                ::std::result::Result::Err(
                    <S::Error as ::cognito_idp_runtime::__private::serde::ser::Error>::custom(
                        "union Choice has a member this version does not know: it cannot be sent",
                    ),
                )
            }
        }
    }
}
#[cfg(feature = "reverse-serde")]
impl<'de> ::cognito_idp_runtime::__private::serde::Deserialize<'de> for Choice {
    fn deserialize<D: ::cognito_idp_runtime::__private::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::std::result::Result<Self, D::Error> {
        super::support::structure::deserialize(deserializer, "Choice")
    }
}
#[cfg(feature = "reverse-serde")]
impl<'de> super::support::structure::ReadMembers<'de> for Choice {
    fn read_members<A: ::cognito_idp_runtime::__private::serde::de::MapAccess<'de>>(
        map: &mut super::support::structure::Members<A>,
    ) -> ::std::result::Result<Self, A::Error> {
        let value = match map.union_key()?.as_str() {
            "Text" => Self::Text(map.value()?),
            "Number" => Self::Number(map.value()?),
            "Node" => Self::Node(map.value()?),
            _ => {
                map.skip_value()?;
                Self::Unknown
            }
        };
        map.end_of_union()?;
        ::std::result::Result::Ok(value)
    }
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
            Self::Unknown => {}
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
