//! Turning model names into Rust identifiers.
//!
//! Names are split into words first (`MFAOptions` → `MFA` `Options`, `S3Bucket` → `S3` `Bucket`,
//! `AWS::DynamoDB::Table` → `AWS` `Dynamo` `DB` `Table`), then joined in the target case. The
//! functions here never fail: anything that is not a usable identifier is made into one, and
//! [`Namer`] makes names unique within a scope.

use std::collections::BTreeSet;

/// Keywords that cannot be used as identifiers, but can be raw identifiers (`r#type`).
const RAW_KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn", "else",
    "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "macro",
    "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return", "static", "struct", "trait",
    "true", "try", "type", "typeof", "union", "unsafe", "unsized", "use", "virtual", "where", "while",
    "yield",
];

/// Keywords that cannot even be raw identifiers.
const RESERVED: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Splits a model name into words.
pub fn split_words(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let mut words = Vec::new();
    let mut current = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            continue;
        }
        if let Some(&prev) = current.chars().last().as_ref() {
            let next = chars.get(i + 1).copied();
            let boundary = (prev.is_lowercase() && c.is_uppercase())
                || (prev.is_numeric() && c.is_alphabetic() && c.is_uppercase())
                // `MFAOptions`: the last capital of a run starts the next word.
                || (prev.is_uppercase()
                    && c.is_uppercase()
                    && next.is_some_and(|n| n.is_lowercase()));
            if boundary {
                words.push(std::mem::take(&mut current));
            }
        }
        current.push(c);
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars.flat_map(char::to_lowercase)).collect(),
        None => String::new(),
    }
}

/// Joins words, keeping an `_` between two digits so `0.5` does not read as `05`.
fn join(words: impl Iterator<Item = String>, separator: &str) -> String {
    let mut out = String::new();
    for word in words {
        let digit_meets_digit = out.chars().last().is_some_and(|c| c.is_ascii_digit())
            && word.chars().next().is_some_and(|c| c.is_ascii_digit());
        if !out.is_empty() && (!separator.is_empty() || digit_meets_digit) {
            out.push('_');
        }
        out.push_str(&word);
    }
    out
}

/// Keeps only characters Rust accepts in identifiers (Unicode XID); rustc also rejects
/// non-ASCII identifiers under common lints, so everything is reduced to ASCII.
fn ascii_only(word: String) -> String {
    word.chars().filter(|c| c.is_ascii_alphanumeric()).collect()
}

/// `UpperCamelCase`, as a valid type or variant identifier.
pub fn to_upper_camel(name: &str) -> String {
    let words = split_words(name).into_iter().map(|w| capitalize(&ascii_only(w)));
    let joined = join(words.filter(|w| !w.is_empty()), "");
    sanitize_type(joined)
}

/// `snake_case`, as a valid field or function identifier.
pub fn to_snake(name: &str) -> String {
    let words = split_words(name).into_iter().map(|w| ascii_only(w.to_lowercase()));
    let joined = join(words.filter(|w| !w.is_empty()), "_");
    sanitize_value(joined)
}

/// `SCREAMING_SNAKE_CASE`.
pub fn to_screaming_snake(name: &str) -> String {
    to_snake(name).trim_start_matches("r#").to_uppercase()
}

fn sanitize_type(name: String) -> String {
    if name.is_empty() {
        return "Value".into();
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        return format!("V{name}");
    }
    if RESERVED.contains(&name.as_str()) {
        return format!("{name}Value");
    }
    name
}

fn sanitize_value(name: String) -> String {
    if name.is_empty() {
        return "value".into();
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        return format!("n{name}");
    }
    if RESERVED.contains(&name.as_str()) {
        return format!("{name}_");
    }
    if RAW_KEYWORDS.contains(&name.as_str()) {
        return format!("r#{name}");
    }
    name
}

/// Hands out names unique within one scope (a module, a struct's fields, an enum's variants).
///
/// A name that is taken gets the smallest numeric suffix that is free (`Foo2`, `foo_2`); callers
/// feed names in a fixed order, so the outcome is deterministic, and they report every rename.
#[derive(Debug, Default, Clone)]
pub struct Namer {
    taken: BTreeSet<String>,
}

impl Namer {
    pub fn new() -> Self {
        Self::default()
    }

    /// Reserves names the scope already uses for its own items.
    pub fn reserve(&mut self, name: &str) {
        self.taken.insert(bare(name).to_owned());
    }

    pub fn is_taken(&self, name: &str) -> bool {
        self.taken.contains(bare(name))
    }

    /// Returns `wanted` if free, else a suffixed variant; the result is reserved.
    pub fn claim(&mut self, wanted: &str) -> String {
        let snake = wanted.starts_with(|c: char| c.is_lowercase()) || wanted.starts_with("r#");
        let base = bare(wanted);
        let mut candidate = wanted.to_owned();
        let mut n = 2;
        while self.taken.contains(bare(&candidate)) {
            candidate = if snake { format!("{base}_{n}") } else { format!("{base}{n}") };
            n += 1;
        }
        self.taken.insert(bare(&candidate).to_owned());
        candidate
    }
}

/// The identifier without a raw prefix: `r#type` and `type` collide.
fn bare(name: &str) -> &str {
    name.strip_prefix("r#").unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_case_of_model_names() {
        for (input, expected) in [
            ("UserPoolId", "user_pool_id"),
            ("SMSMfaSettings", "sms_mfa_settings"),
            ("MFAOptions", "mfa_options"),
            ("S3Bucket", "s3_bucket"),
            ("Ec2InstanceId", "ec2_instance_id"),
            ("userAttributes", "user_attributes"),
            ("IdToken", "id_token"),
            ("message", "message"),
            ("type", "r#type"),
            ("Match", "r#match"),
            ("self", "self_"),
            ("3DSecure", "n3_d_secure"),
            ("", "value"),
        ] {
            assert_eq!(to_snake(input), expected, "{input}");
        }
    }

    #[test]
    fn upper_camel_of_model_names_and_enum_values() {
        for (input, expected) in [
            ("SMS_MFA", "SmsMfa"),
            ("ChallengeNameType", "ChallengeNameType"),
            ("AWS::DynamoDB::Table", "AwsDynamoDbTable"),
            ("0.5", "V0_5"),
            ("SELF", "SelfValue"),
            ("UNKNOWN", "Unknown"),
            ("value ", "Value"),
            ("us-east-1", "UsEast1"),
            ("*", "Value"),
            ("ml.p3.2xlarge", "MlP3_2xlarge"),
            ("élan", "Lan"),
        ] {
            assert_eq!(to_upper_camel(input), expected, "{input}");
        }
    }

    #[test]
    fn namer_suffixes_collisions_deterministically() {
        let mut names = Namer::new();
        names.reserve("Unknown");
        assert_eq!(names.claim("Unknown"), "Unknown2");
        assert_eq!(names.claim("Ok"), "Ok");
        assert_eq!(names.claim("Ok"), "Ok2");
        assert_eq!(names.claim("Ok"), "Ok3");
        let mut fields = Namer::new();
        assert_eq!(fields.claim("r#type"), "r#type");
        assert_eq!(fields.claim("type"), "type_2");
        assert_eq!(fields.claim("user_id"), "user_id");
        assert_eq!(fields.claim("user_id"), "user_id_2");
    }
}

/// The AWS CLI's name of an operation or member: botocore's `xform_name(name, '-')`
/// (`SMSMfaSettings` → `sms-mfa-settings`, `MFAOptions` → `mfa-options`).
pub fn to_cli_kebab(name: &str) -> String {
    use std::sync::OnceLock;
    static RES: OnceLock<[regex::Regex; 3]> = OnceLock::new();
    if name.contains('-') {
        return name.to_owned();
    }
    let [special, first_cap, end_cap] = RES.get_or_init(|| {
        [
            regex::Regex::new("[A-Z]{2,}s$").expect("regex"),
            regex::Regex::new("(.)([A-Z][a-z]+)").expect("regex"),
            regex::Regex::new("([a-z0-9])([A-Z])").expect("regex"),
        ]
    });
    let mut name = name.to_owned();
    if let Some(found) = special.find(&name) {
        let matched = found.as_str().to_lowercase();
        name = format!("{}-{matched}", &name[..found.start()]);
    }
    let s1 = first_cap.replace_all(&name, "${1}-${2}");
    let s2 = end_cap.replace_all(&s1, "${1}-${2}");
    let mut out = s2.to_lowercase();
    for (old, new) in [("ipv-6", "ipv6"), ("s-3-resources", "s3-resources")] {
        out = out.replace(old, new);
    }
    out
}

#[cfg(test)]
mod cli_kebab_tests {
    #[test]
    fn aws_cli_names() {
        for (name, kebab) in [
            ("ChallengeResponses", "challenge-responses"),
            ("UserPoolId", "user-pool-id"),
            ("SMSMfaSettings", "sms-mfa-settings"),
            ("MFAOptions", "mfa-options"),
            ("AdminRespondToAuthChallenge", "admin-respond-to-auth-challenge"),
            ("SetUserMFAPreference", "set-user-mfa-preference"),
            ("ListIdentityProviders", "list-identity-providers"),
            ("UserPoolARNs", "user-pool-arns"),
        ] {
            assert_eq!(super::to_cli_kebab(name), kebab, "{name}");
        }
    }
}
