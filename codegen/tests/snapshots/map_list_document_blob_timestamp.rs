/// Input of `PutThing`.
#[derive(Clone, PartialEq)]
pub struct PutThingRequest {
    /// The name, 1 to 64 characters.
    ///
    /// *Constraints:* length 1 to 64, pattern `[\w+=,.@-]+`.
    pub name: ::std::string::String,
    /// What kind of thing.
    pub kind: super::types::ThingKind,
    /// A member named after a keyword.
    ///
    /// *Constraints:* length 1 to 64, pattern `[\w+=,.@-]+`.
    pub r#type: ::std::option::Option<::std::string::String>,
    /// Collides with `type` after case conversion.
    ///
    /// *Constraints:* length 1 to 64, pattern `[\w+=,.@-]+`.
    pub type_2: ::std::option::Option<::std::string::String>,
    /// *Constraints:* length at most 3.
    pub tags: ::std::option::Option<
        ::std::collections::HashMap<::std::string::String, ::std::string::String>,
    >,
    /// *Constraints:* length at least 1.
    pub parts: ::std::option::Option<::std::vec::Vec<super::types::Part>>,
    pub tree: ::std::option::Option<super::types::TreeNode>,
    /// *Constraints:* length at least 6.
    ///
    /// *Sensitive:* hidden in `Debug` output.
    pub secret: ::std::option::Option<::std::string::String>,
    /// *Sensitive:* hidden in `Debug` output.
    pub secret_list: ::std::option::Option<::std::vec::Vec<::std::string::String>>,
    pub choice: ::std::option::Option<super::types::Choice>,
    pub payload: ::std::option::Option<
        ::cognito_idp_runtime::__private::serde_json::Value,
    >,
    /// *Constraints:* length at most 16.
    pub data: ::std::option::Option<super::support::Blob>,
    pub when: ::std::option::Option<super::support::DateTime>,
    pub when_text: ::std::option::Option<super::support::DateTime>,
    /// *Constraints:* value 0 to 10.
    pub count: ::std::option::Option<i32>,
    /// *Constraints:* value 0.5 to 1.5.
    pub ratio: ::std::option::Option<f64>,
    pub r#box: ::std::option::Option<super::types::Box>,
    pub result: ::std::option::Option<super::types::Result>,
    pub option: ::std::option::Option<super::types::Option>,
    pub text: ::std::option::Option<::std::string::String>,
    /// *Constraints:* length 1 to 64, pattern `[\w+=,.@-]+`.
    ///
    /// *Idempotency token:* a unique value per logical request makes retries safe.
    pub token: ::std::option::Option<::std::string::String>,
    /// **Deprecated:**
    ///
    /// Use `Name`.
    ///
    /// *Constraints:* length 1 to 64, pattern `[\w+=,.@-]+`.
    pub old: ::std::option::Option<::std::string::String>,
}
impl PutThingRequest {
    /// Creates a `PutThingRequest` from its required members (`name`, `kind`); optional ones start unset.
    #[inline]
    pub fn new(
        name: impl ::std::convert::Into<::std::string::String>,
        kind: impl ::std::convert::Into<super::types::ThingKind>,
    ) -> Self {
        Self {
            name: name.into(),
            kind: kind.into(),
            r#type: ::std::option::Option::None,
            type_2: ::std::option::Option::None,
            tags: ::std::option::Option::None,
            parts: ::std::option::Option::None,
            tree: ::std::option::Option::None,
            secret: ::std::option::Option::None,
            secret_list: ::std::option::Option::None,
            choice: ::std::option::Option::None,
            payload: ::std::option::Option::None,
            data: ::std::option::Option::None,
            when: ::std::option::Option::None,
            when_text: ::std::option::Option::None,
            count: ::std::option::Option::None,
            ratio: ::std::option::Option::None,
            r#box: ::std::option::Option::None,
            result: ::std::option::Option::None,
            option: ::std::option::Option::None,
            text: ::std::option::Option::None,
            token: ::std::option::Option::None,
            old: ::std::option::Option::None,
        }
    }
    /// Sets [`type`](Self::type).
    pub fn with_type(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.r#type = ::std::option::Option::Some(value.into());
        self
    }
    /// Sets [`type_2`](Self::type_2).
    pub fn with_type_2(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.type_2 = ::std::option::Option::Some(value.into());
        self
    }
    /// Sets [`tags`](Self::tags).
    pub fn with_tags(
        mut self,
        value: impl ::std::convert::Into<
            ::std::collections::HashMap<::std::string::String, ::std::string::String>,
        >,
    ) -> Self {
        self.tags = ::std::option::Option::Some(value.into());
        self
    }
    /// Sets [`parts`](Self::parts).
    pub fn with_parts(
        mut self,
        value: impl ::std::convert::Into<::std::vec::Vec<super::types::Part>>,
    ) -> Self {
        self.parts = ::std::option::Option::Some(value.into());
        self
    }
    /// Sets [`tree`](Self::tree).
    pub fn with_tree(
        mut self,
        value: impl ::std::convert::Into<super::types::TreeNode>,
    ) -> Self {
        self.tree = ::std::option::Option::Some(value.into());
        self
    }
    /// Sets [`secret`](Self::secret).
    pub fn with_secret(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.secret = ::std::option::Option::Some(value.into());
        self
    }
    /// Sets [`secret_list`](Self::secret_list).
    pub fn with_secret_list(
        mut self,
        value: impl ::std::convert::Into<::std::vec::Vec<::std::string::String>>,
    ) -> Self {
        self.secret_list = ::std::option::Option::Some(value.into());
        self
    }
    /// Sets [`choice`](Self::choice).
    pub fn with_choice(
        mut self,
        value: impl ::std::convert::Into<super::types::Choice>,
    ) -> Self {
        self.choice = ::std::option::Option::Some(value.into());
        self
    }
    /// Sets [`payload`](Self::payload).
    pub fn with_payload(
        mut self,
        value: impl ::std::convert::Into<
            ::cognito_idp_runtime::__private::serde_json::Value,
        >,
    ) -> Self {
        self.payload = ::std::option::Option::Some(value.into());
        self
    }
    /// Sets [`data`](Self::data).
    pub fn with_data(
        mut self,
        value: impl ::std::convert::Into<super::support::Blob>,
    ) -> Self {
        self.data = ::std::option::Option::Some(value.into());
        self
    }
    /// Sets [`when`](Self::when).
    pub fn with_when(
        mut self,
        value: impl ::std::convert::Into<super::support::DateTime>,
    ) -> Self {
        self.when = ::std::option::Option::Some(value.into());
        self
    }
    /// Sets [`when_text`](Self::when_text).
    pub fn with_when_text(
        mut self,
        value: impl ::std::convert::Into<super::support::DateTime>,
    ) -> Self {
        self.when_text = ::std::option::Option::Some(value.into());
        self
    }
    /// Sets [`count`](Self::count).
    pub fn with_count(mut self, value: impl ::std::convert::Into<i32>) -> Self {
        self.count = ::std::option::Option::Some(value.into());
        self
    }
    /// Sets [`ratio`](Self::ratio).
    pub fn with_ratio(mut self, value: impl ::std::convert::Into<f64>) -> Self {
        self.ratio = ::std::option::Option::Some(value.into());
        self
    }
    /// Sets [`box`](Self::box).
    pub fn with_box(
        mut self,
        value: impl ::std::convert::Into<super::types::Box>,
    ) -> Self {
        self.r#box = ::std::option::Option::Some(value.into());
        self
    }
    /// Sets [`result`](Self::result).
    pub fn with_result(
        mut self,
        value: impl ::std::convert::Into<super::types::Result>,
    ) -> Self {
        self.result = ::std::option::Option::Some(value.into());
        self
    }
    /// Sets [`option`](Self::option).
    pub fn with_option(
        mut self,
        value: impl ::std::convert::Into<super::types::Option>,
    ) -> Self {
        self.option = ::std::option::Option::Some(value.into());
        self
    }
    /// Sets [`text`](Self::text).
    pub fn with_text(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.text = ::std::option::Option::Some(value.into());
        self
    }
    /// Sets [`token`](Self::token).
    pub fn with_token(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.token = ::std::option::Option::Some(value.into());
        self
    }
    /// Sets [`old`](Self::old).
    pub fn with_old(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.old = ::std::option::Option::Some(value.into());
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
            let path = &path.field("Name");
            let value = &self.name;
            super::constraints::NAME_TYPE.check(path, value)?;
        }
        {
            let path = &path.field("type");
            if let ::std::option::Option::Some(value) = &self.r#type {
                super::constraints::NAME_TYPE.check(path, value)?;
            }
        }
        {
            let path = &path.field("Type");
            if let ::std::option::Option::Some(value) = &self.type_2 {
                super::constraints::NAME_TYPE.check(path, value)?;
            }
        }
        {
            let path = &path.field("Tags");
            if let ::std::option::Option::Some(value) = &self.tags {
                super::constraints::TAG_MAP.check(path, value.len())?;
                for (key_0, value) in value {
                    let path = &path.key(key_0.as_str());
                    {
                        let value = key_0;
                        super::constraints::TAG_KEY.check(path, value)?;
                    }
                    super::constraints::NAME_TYPE.check(path, value)?;
                }
            }
        }
        {
            let path = &path.field("Parts");
            if let ::std::option::Option::Some(value) = &self.parts {
                super::constraints::PART_LIST.check(path, value.len())?;
                for (index_0, value) in value.iter().enumerate() {
                    let path = &path.index(index_0);
                    value.validate_at(path)?;
                }
            }
        }
        {
            let path = &path.field("Tree");
            if let ::std::option::Option::Some(value) = &self.tree {
                value.validate_at(path)?;
            }
        }
        {
            let path = &path.field("Secret");
            if let ::std::option::Option::Some(value) = &self.secret {
                super::constraints::SECRET_TYPE.check(path, value)?;
            }
        }
        {
            let path = &path.field("SecretList");
            if let ::std::option::Option::Some(value) = &self.secret_list {
                for (index_0, value) in value.iter().enumerate() {
                    let path = &path.index(index_0);
                    super::constraints::SECRET_TYPE.check(path, value)?;
                }
            }
        }
        {
            let path = &path.field("Choice");
            if let ::std::option::Option::Some(value) = &self.choice {
                value.validate_at(path)?;
            }
        }
        {
            let path = &path.field("Data");
            if let ::std::option::Option::Some(value) = &self.data {
                super::constraints::BLOB_TYPE.check(path, value.len())?;
            }
        }
        {
            let path = &path.field("Count");
            if let ::std::option::Option::Some(value) = &self.count {
                super::constraints::COUNT_TYPE.check(path, *value as f64)?;
            }
        }
        {
            let path = &path.field("Ratio");
            if let ::std::option::Option::Some(value) = &self.ratio {
                super::constraints::RATIO_TYPE.check(path, *value)?;
            }
        }
        {
            let path = &path.field("Token");
            if let ::std::option::Option::Some(value) = &self.token {
                super::constraints::NAME_TYPE.check(path, value)?;
            }
        }
        {
            let path = &path.field("Old");
            if let ::std::option::Option::Some(value) = &self.old {
                super::constraints::NAME_TYPE.check(path, value)?;
            }
        }
        ::std::result::Result::Ok(())
    }
}
impl ::std::fmt::Debug for PutThingRequest {
    #[inline]
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.debug_struct("PutThingRequest")
            .field("name", &self.name)
            .field("kind", &self.kind)
            .field("type", &self.r#type)
            .field("type_2", &self.type_2)
            .field("tags", &self.tags)
            .field("parts", &self.parts)
            .field("tree", &self.tree)
            .field("secret", &super::support::Redacted)
            .field("secret_list", &super::support::Redacted)
            .field("choice", &self.choice)
            .field("payload", &self.payload)
            .field("data", &self.data)
            .field("when", &self.when)
            .field("when_text", &self.when_text)
            .field("count", &self.count)
            .field("ratio", &self.ratio)
            .field("box", &self.r#box)
            .field("result", &self.result)
            .field("option", &self.option)
            .field("text", &self.text)
            .field("token", &self.token)
            .field("old", &self.old)
            .finish()
    }
}
impl ::cognito_idp_runtime::__private::serde::Serialize for PutThingRequest {
    fn serialize<S: ::cognito_idp_runtime::__private::serde::Serializer>(
        &self,
        serializer: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        let mut out = super::support::structure::writer(
            serializer,
            "PutThingRequest",
            22,
        )?;
        out.required("Name", &self.name);
        out.required("Kind", &self.kind);
        out.optional("type", &self.r#type);
        out.optional("Type", &self.type_2);
        out.optional("Tags", &self.tags);
        out.optional("Parts", &self.parts);
        out.optional("Tree", &self.tree);
        out.optional("Secret", &self.secret);
        out.optional("SecretList", &self.secret_list);
        out.optional("Choice", &self.choice);
        out.optional("Payload", &self.payload);
        out.optional("Data", &self.data);
        out.optional("When", &self.when);
        out.optional_timestamp(
            "WhenText",
            &self.when_text,
            super::support::structure::TimestampText::DateTime,
        );
        out.optional("Count", &self.count);
        out.optional("Ratio", &self.ratio.map(super::support::structure::Float));
        out.optional("Box", &self.r#box);
        out.optional("Result", &self.result);
        out.optional("Option", &self.option);
        out.optional("Text", &self.text);
        out.optional("Token", &self.token);
        out.optional("Old", &self.old);
        out.end()
    }
}
#[cfg(feature = "reverse-serde")]
impl<'de> ::cognito_idp_runtime::__private::serde::Deserialize<'de> for PutThingRequest {
    fn deserialize<D: ::cognito_idp_runtime::__private::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::std::result::Result<Self, D::Error> {
        super::support::structure::deserialize(deserializer, "PutThingRequest")
    }
}
#[cfg(feature = "reverse-serde")]
impl<'de> super::support::structure::ReadMembers<'de> for PutThingRequest {
    fn read_members<A: ::cognito_idp_runtime::__private::serde::de::MapAccess<'de>>(
        map: &mut super::support::structure::Members<A>,
    ) -> ::std::result::Result<Self, A::Error> {
        let mut name = ::std::option::Option::None;
        let mut kind = ::std::option::Option::None;
        let mut r#type = ::std::option::Option::None;
        let mut type_2 = ::std::option::Option::None;
        let mut tags = ::std::option::Option::None;
        let mut parts = ::std::option::Option::None;
        let mut tree = ::std::option::Option::None;
        let mut secret = ::std::option::Option::None;
        let mut secret_list = ::std::option::Option::None;
        let mut choice = ::std::option::Option::None;
        let mut payload = ::std::option::Option::None;
        let mut data = ::std::option::Option::None;
        let mut when = ::std::option::Option::None;
        let mut when_text = ::std::option::Option::None;
        let mut count = ::std::option::Option::None;
        let mut ratio = ::std::option::Option::None;
        let mut r#box = ::std::option::Option::None;
        let mut result = ::std::option::Option::None;
        let mut option = ::std::option::Option::None;
        let mut text = ::std::option::Option::None;
        let mut token = ::std::option::Option::None;
        let mut old = ::std::option::Option::None;
        while let ::std::option::Option::Some(key) = map.next_key()? {
            match key.as_str() {
                "Name" => map.read(&mut name),
                "Kind" => map.read(&mut kind),
                "type" => map.read(&mut r#type),
                "Type" => map.read(&mut type_2),
                "Tags" => map.read(&mut tags),
                "Parts" => map.read(&mut parts),
                "Tree" => map.read(&mut tree),
                "Secret" => map.read(&mut secret),
                "SecretList" => map.read(&mut secret_list),
                "Choice" => map.read(&mut choice),
                "Payload" => map.read(&mut payload),
                "Data" => map.read(&mut data),
                "When" => map.read(&mut when),
                "WhenText" => {
                    map.read_timestamp(
                        &mut when_text,
                        super::support::structure::TimestampText::DateTime,
                    )
                }
                "Count" => map.read(&mut count),
                "Ratio" => map.read_float(&mut ratio),
                "Box" => map.read(&mut r#box),
                "Result" => map.read(&mut result),
                "Option" => map.read(&mut option),
                "Text" => map.read(&mut text),
                "Token" => map.read(&mut token),
                "Old" => map.read(&mut old),
                _ => map.skip_value(),
            }?;
        }
        ::std::result::Result::Ok(Self {
            name: map.required(name, "Name")?,
            kind: map.required(kind, "Kind")?,
            r#type,
            type_2,
            tags,
            parts,
            tree,
            secret,
            secret_list,
            choice,
            payload,
            data,
            when,
            when_text,
            count,
            ratio,
            r#box,
            result,
            option,
            text,
            token,
            old,
        })
    }
}
impl super::wire::Validate for PutThingRequest {
    #[inline]
    fn validate(&self) -> ::std::result::Result<(), super::support::ValidationError> {
        Self::validate(self)
    }
}
