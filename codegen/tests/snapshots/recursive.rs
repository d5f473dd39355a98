/// Recursive through a direct member and through a list.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TreeNode {
    /// *Constraints:* length 1 to 64, pattern `[\w+=,.@-]+`.
    pub label: ::std::option::Option<::std::string::String>,
    /// *Constraints:* length at most 4.
    pub children: ::std::option::Option<::std::vec::Vec<super::types::TreeNode>>,
    pub parent: ::std::option::Option<::std::boxed::Box<super::types::TreeNode>>,
}
impl TreeNode {
    /// Creates a `TreeNode` with every member unset.
    #[inline]
    pub fn new() -> Self {
        Self {
            label: ::std::option::Option::None,
            children: ::std::option::Option::None,
            parent: ::std::option::Option::None,
        }
    }
    /// Sets [`label`](Self::label).
    pub fn with_label(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.label = ::std::option::Option::Some(value.into());
        self
    }
    /// Sets [`children`](Self::children).
    pub fn with_children(
        mut self,
        value: impl ::std::convert::Into<::std::vec::Vec<super::types::TreeNode>>,
    ) -> Self {
        self.children = ::std::option::Option::Some(value.into());
        self
    }
    /// Sets [`parent`](Self::parent).
    pub fn with_parent(
        mut self,
        value: impl ::std::convert::Into<super::types::TreeNode>,
    ) -> Self {
        self.parent = ::std::option::Option::Some(::std::boxed::Box::new(value.into()));
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
            let path = &path.field("Label");
            if let ::std::option::Option::Some(value) = &self.label {
                super::constraints::NAME_TYPE.check(path, value)?;
            }
        }
        {
            let path = &path.field("Children");
            if let ::std::option::Option::Some(value) = &self.children {
                super::constraints::TREE_NODE_LIST.check(path, value.len())?;
                for (index_0, value) in value.iter().enumerate() {
                    let path = &path.index(index_0);
                    value.validate_at(path)?;
                }
            }
        }
        {
            let path = &path.field("Parent");
            if let ::std::option::Option::Some(value) = &self.parent {
                value.validate_at(path)?;
            }
        }
        ::std::result::Result::Ok(())
    }
}
impl ::cognito_idp_runtime::__private::serde::Serialize for TreeNode {
    fn serialize<S: ::cognito_idp_runtime::__private::serde::Serializer>(
        &self,
        serializer: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        let mut out = super::support::structure::writer(serializer, "TreeNode", 3)?;
        out.optional("Label", &self.label);
        out.optional("Children", &self.children);
        out.optional("Parent", &self.parent);
        out.end()
    }
}
#[cfg(feature = "reverse-serde")]
impl<'de> ::cognito_idp_runtime::__private::serde::Deserialize<'de> for TreeNode {
    fn deserialize<D: ::cognito_idp_runtime::__private::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::std::result::Result<Self, D::Error> {
        super::support::structure::deserialize(deserializer, "TreeNode")
    }
}
#[cfg(feature = "reverse-serde")]
impl<'de> super::support::structure::ReadMembers<'de> for TreeNode {
    fn read_members<A: ::cognito_idp_runtime::__private::serde::de::MapAccess<'de>>(
        map: &mut super::support::structure::Members<A>,
    ) -> ::std::result::Result<Self, A::Error> {
        let mut value = Self::default();
        while let ::std::option::Option::Some(key) = map.next_key()? {
            match key.as_str() {
                "Label" => map.read(&mut value.label),
                "Children" => map.read(&mut value.children),
                "Parent" => map.read(&mut value.parent),
                _ => map.skip_value(),
            }?;
        }
        ::std::result::Result::Ok(value)
    }
}
impl super::wire::Validate for TreeNode {
    #[inline]
    fn validate(&self) -> ::std::result::Result<(), super::support::ValidationError> {
        Self::validate(self)
    }
}
