#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ThingKind {
    /// `SMALL`
    Small,
    /// `large`
    Large,
    /// `AWS::DynamoDB::Table`
    AwsDynamoDbTable,
    /// `0.5`
    V0_5,
    /// `SELF`
    SelfValue,
    /// `UNKNOWN`
    UnknownValue,
    /// `with space `
    WithSpace,
    /// `With_Space`
    WithSpace2,
    /// `type`
    Type,
    /// A value the model does not list, kept exactly as received.
    Unknown(super::support::UnknownValue),
}
impl ThingKind {
    /// Every value the model lists, in model order.
    pub const VALUES: &'static [&'static str] = &[
        "SMALL",
        "large",
        "AWS::DynamoDB::Table",
        "0.5",
        "SELF",
        "UNKNOWN",
        "with space ",
        "With_Space",
        "type",
    ];
    /// The value as it appears on the wire.
    #[inline]
    pub fn as_str(&self) -> &str {
        match self {
            Self::Small => "SMALL",
            Self::Large => "large",
            Self::AwsDynamoDbTable => "AWS::DynamoDB::Table",
            Self::V0_5 => "0.5",
            Self::SelfValue => "SELF",
            Self::UnknownValue => "UNKNOWN",
            Self::WithSpace => "with space ",
            Self::WithSpace2 => "With_Space",
            Self::Type => "type",
            Self::Unknown(value) => value.as_str(),
        }
    }
}
impl ::std::convert::From<&str> for ThingKind {
    #[inline]
    fn from(value: &str) -> Self {
        match value {
            "SMALL" => Self::Small,
            "large" => Self::Large,
            "AWS::DynamoDB::Table" => Self::AwsDynamoDbTable,
            "0.5" => Self::V0_5,
            "SELF" => Self::SelfValue,
            "UNKNOWN" => Self::UnknownValue,
            "with space " => Self::WithSpace,
            "With_Space" => Self::WithSpace2,
            "type" => Self::Type,
            other => Self::Unknown(super::support::UnknownValue::new(other)),
        }
    }
}
impl ::std::convert::From<::std::string::String> for ThingKind {
    #[inline]
    fn from(value: ::std::string::String) -> Self {
        Self::from(value.as_str())
    }
}
impl ::std::convert::AsRef<str> for ThingKind {
    #[inline]
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}
impl ::std::str::FromStr for ThingKind {
    type Err = ::std::convert::Infallible;
    #[inline]
    fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
        ::std::result::Result::Ok(Self::from(value))
    }
}
impl ::std::fmt::Display for ThingKind {
    #[inline]
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}
impl ::cognito_idp_runtime::__private::serde::Serialize for ThingKind {
    fn serialize<S: ::cognito_idp_runtime::__private::serde::Serializer>(
        &self,
        serializer: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        super::support::string_enum::serialize(self.as_str(), serializer)
    }
}
impl<'de> ::cognito_idp_runtime::__private::serde::Deserialize<'de> for ThingKind {
    fn deserialize<D: ::cognito_idp_runtime::__private::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::std::result::Result<Self, D::Error> {
        super::support::string_enum::deserialize(deserializer)
    }
}
