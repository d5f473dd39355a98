pub(super) static NAME_TYPE_PATTERN: super::support::Pattern = super::support::Pattern::new(
    "[\\w+=,.@-]+",
    "\\A(?:[\\w+=,.@-]+)\\z",
);
pub(super) static TAG_KEY_PATTERN: super::support::Pattern = super::support::Pattern::new(
    "[a-z]+",
    "\\A(?:[a-z]+)\\z",
);
pub(super) static BLOB_TYPE: super::support::LengthRule = super::support::LengthRule {
    min: ::std::option::Option::None,
    max: ::std::option::Option::Some(16i64),
};
pub(super) static COUNT_TYPE: super::support::RangeRule = super::support::RangeRule {
    min: ::std::option::Option::Some(0f64),
    max: ::std::option::Option::Some(10f64),
};
pub(super) static NAME_TYPE: super::support::TextRule = super::support::TextRule {
    length: super::support::LengthRule {
        min: ::std::option::Option::Some(1i64),
        max: ::std::option::Option::Some(64i64),
    },
    pattern: ::std::option::Option::Some(&NAME_TYPE_PATTERN),
};
pub(super) static PART_LIST: super::support::LengthRule = super::support::LengthRule {
    min: ::std::option::Option::Some(1i64),
    max: ::std::option::Option::None,
};
pub(super) static RATIO_TYPE: super::support::RangeRule = super::support::RangeRule {
    min: ::std::option::Option::Some(0.5f64),
    max: ::std::option::Option::Some(1.5f64),
};
pub(super) static SECRET_TYPE: super::support::TextRule = super::support::TextRule {
    length: super::support::LengthRule {
        min: ::std::option::Option::Some(6i64),
        max: ::std::option::Option::None,
    },
    pattern: ::std::option::Option::None,
};
pub(super) static TAG_KEY: super::support::TextRule = super::support::TextRule {
    length: super::support::LengthRule {
        min: ::std::option::Option::Some(1i64),
        max: ::std::option::Option::Some(8i64),
    },
    pattern: ::std::option::Option::Some(&TAG_KEY_PATTERN),
};
pub(super) static TAG_MAP: super::support::LengthRule = super::support::LengthRule {
    min: ::std::option::Option::None,
    max: ::std::option::Option::Some(3i64),
};
pub(super) static TREE_NODE_LIST: super::support::LengthRule = super::support::LengthRule {
    min: ::std::option::Option::None,
    max: ::std::option::Option::Some(4i64),
};
