//! The one checker: a challenge name and its responses against the schema, every problem found.

use crate::schema::{Challenge, Operation, Schema};
use crate::suggest;

/// The key whose literal values the `answers` and `when` rules constrain.
const ANSWER: &str = "ANSWER";

/// One response as given: its key and, where it is known (a literal in the macro, every value on
/// the command line), its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Given<'a> {
    pub key: &'a str,
    pub value: Option<&'a str>,
}

/// What a problem points at: the challenge name, or a response (by its index in the given
/// responses) through its key or its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    ChallengeName,
    Key(usize),
    Value(usize),
}

/// A length rule of the model that a value breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LengthRule {
    Exactly(usize),
    AtLeast(usize),
    AtMost(usize),
}

/// Something the responses get wrong. Fields hold names of the schema and positions, never the
/// text that was given for an unknown name or a value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The challenge name is not in the schema.
    UnknownChallenge { suggestion: Option<String>, accepted: Vec<String> },
    /// The challenge is answered only with the other operation (`ADMIN_NO_SRP_AUTH`), or with
    /// neither.
    WrongOperation { challenge: String, answered_by: Option<Operation> },
    /// A key the challenge does not take. `key` is set when it is a key of some challenge.
    UnknownKey {
        index: usize,
        key: Option<String>,
        challenge: String,
        suggestion: Option<String>,
        expected: Vec<String>,
        prefixes: Vec<String>,
    },
    /// A prefix alone (`userAttributes.`), without the name after it.
    PrefixWithoutName { index: usize, prefix: String },
    /// A key given twice; `first` is the index of the first.
    DuplicateKey { index: usize, first: usize, key: String },
    /// A key the challenge requires is absent.
    MissingKey { challenge: String, key: String },
    /// A key the given `ANSWER` requires is absent.
    AnswerRequires { index: usize, answer: String, key: String },
    /// `ANSWER` is not one of the values the challenge allows.
    AnswerNotAllowed { index: usize, challenge: String, suggestion: Option<String>, allowed: Vec<String> },
    /// A key that the given `ANSWER` forbids.
    ForbiddenWithAnswer { index: usize, key: String, answer: String },
    /// A value breaks the model's length rule.
    Length { index: usize, key: String, rule: LengthRule, found: usize },
    /// A value does not match the model's pattern.
    Pattern { index: usize, key: String, pattern: String },
}

/// Who reads the message: it names the other operation the way that reader calls it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    /// `admin_challenge_responses!`; an unknown key is "this key" (the error points at it).
    Macro,
    /// `admin-respond-to-auth-challenge`; an unknown key is "key number N".
    CommandLine,
}

/// Checks `responses` for `challenge` under `operation`. Returns the challenge's rules when
/// nothing is wrong, else every problem: the operation, then the keys in the order given, the
/// missing keys, the `ANSWER` rules and the values' constraints.
pub fn check<'s>(
    schema: &'s Schema,
    operation: Operation,
    challenge: &str,
    responses: &[Given<'_>],
) -> Result<&'s Challenge, Vec<Problem>> {
    let Some(rules) = schema.challenge(challenge) else {
        let all: Vec<&str> = schema.challenges.iter().map(|c| c.name.as_str()).collect();
        let accepted = schema
            .challenges
            .iter()
            .filter(|c| c.operations.contains(&operation))
            .map(|c| c.name.clone())
            .collect();
        let suggestion = suggest::closest(challenge, &all).map(str::to_owned);
        return Err(vec![Problem::UnknownChallenge { suggestion, accepted }]);
    };
    let mut problems = Vec::new();
    if !rules.operations.contains(&operation) {
        let answered_by = rules.operations.iter().copied().find(|&other| other != operation);
        problems.push(Problem::WrongOperation { challenge: rules.name.clone(), answered_by });
    }

    // Keys: known, not repeated.
    let mut first_of: Vec<(&str, usize)> = Vec::new();
    for (index, given) in responses.iter().enumerate() {
        if !rules.allows_key(given.key) {
            problems.push(unknown_key(schema, rules, index, given.key));
            continue;
        }
        match first_of.iter().find(|(key, _)| *key == given.key) {
            Some(&(_, first)) => {
                problems.push(Problem::DuplicateKey { index, first, key: given.key.to_owned() })
            }
            None => first_of.push((given.key, index)),
        }
    }
    let given = |key: &str| first_of.iter().any(|(k, _)| *k == key);
    for key in &rules.required {
        if !given(key) {
            problems.push(Problem::MissingKey { challenge: rules.name.clone(), key: key.clone() });
        }
    }

    // ANSWER's value and the rules that depend on it.
    let answer = first_of.iter().find(|(key, _)| *key == ANSWER).map(|&(_, index)| index);
    if let Some((index, Some(value))) = answer.map(|index| (index, responses[index].value)) {
        if !rules.answers.is_empty() && !rules.answers.iter().any(|a| a == value) {
            let allowed: Vec<&str> = rules.answers.iter().map(String::as_str).collect();
            problems.push(Problem::AnswerNotAllowed {
                index,
                challenge: rules.name.clone(),
                suggestion: suggest::closest(value, &allowed).map(str::to_owned),
                allowed: rules.answers.clone(),
            });
        } else {
            for rule in rules.when_answer.iter().filter(|rule| rule.answer == value) {
                for key in rule.required.iter().filter(|key| !given(key)) {
                    problems.push(Problem::AnswerRequires {
                        index,
                        answer: rule.answer.clone(),
                        key: key.clone(),
                    });
                }
                for (forbidden_index, response) in responses.iter().enumerate() {
                    if rule.forbidden.iter().any(|key| key == response.key) {
                        problems.push(Problem::ForbiddenWithAnswer {
                            index: forbidden_index,
                            key: response.key.to_owned(),
                            answer: rule.answer.clone(),
                        });
                    }
                }
            }
        }
    }

    // Values against the model's constraints.
    for (index, response) in responses.iter().enumerate() {
        let Some(value) = response.value else { continue };
        for constraint in rules.constraints.iter().filter(|c| c.key == response.key) {
            let found = value.chars().count();
            let rule = match (constraint.min, constraint.max) {
                (Some(min), Some(max)) if min == max && found != min => Some(LengthRule::Exactly(min)),
                (Some(min), _) if found < min => Some(LengthRule::AtLeast(min)),
                (_, Some(max)) if found > max => Some(LengthRule::AtMost(max)),
                _ => None,
            };
            let key = response.key.to_owned();
            // An empty value that is already too short says nothing more by failing the pattern.
            let too_short_to_match = rule.is_some() && value.is_empty();
            if let Some(rule) = rule {
                problems.push(Problem::Length { index, key: key.clone(), rule, found });
            }
            if let (Some(pattern), false) = (&constraint.pattern, too_short_to_match) {
                // A pattern the regex crate does not understand is not checked.
                if let Ok(regex) = regex::Regex::new(&format!(r"\A(?:{pattern})\z")) {
                    if !regex.is_match(value) {
                        problems.push(Problem::Pattern { index, key, pattern: pattern.clone() });
                    }
                }
            }
        }
    }

    if problems.is_empty() {
        Ok(rules)
    } else {
        Err(problems)
    }
}

fn unknown_key(schema: &Schema, rules: &Challenge, index: usize, key: &str) -> Problem {
    if let Some(prefix) = rules.prefixes.iter().find(|p| *p == key) {
        return Problem::PrefixWithoutName { index, prefix: prefix.clone() };
    }
    let expected: Vec<&str> = rules.keys().collect();
    Problem::UnknownKey {
        index,
        key: schema.is_key_of_any_challenge(key).then(|| key.to_owned()),
        challenge: rules.name.clone(),
        suggestion: suggest::closest(key, &expected).map(str::to_owned),
        expected: expected.into_iter().map(str::to_owned).collect(),
        prefixes: rules.prefixes.clone(),
    }
}

impl Problem {
    /// What the problem points at.
    pub fn subject(&self) -> Subject {
        match self {
            Problem::UnknownChallenge { .. }
            | Problem::WrongOperation { .. }
            | Problem::MissingKey { .. } => Subject::ChallengeName,
            Problem::UnknownKey { index, .. }
            | Problem::PrefixWithoutName { index, .. }
            | Problem::DuplicateKey { index, .. }
            | Problem::ForbiddenWithAnswer { index, .. } => Subject::Key(*index),
            Problem::AnswerNotAllowed { index, .. }
            | Problem::AnswerRequires { index, .. }
            | Problem::Length { index, .. }
            | Problem::Pattern { index, .. } => Subject::Value(*index),
        }
    }

    /// The message, for `audience`.
    pub fn message(&self, audience: Audience) -> String {
        match self {
            Problem::UnknownChallenge { suggestion: Some(close), .. } => {
                format!("unknown challenge; did you mean `{close}`?")
            }
            Problem::UnknownChallenge { accepted, .. } if accepted.is_empty() => {
                "unknown challenge".to_owned()
            }
            Problem::UnknownChallenge { accepted, .. } => {
                format!("unknown challenge; expected one of {}", quoted_list(accepted))
            }
            Problem::WrongOperation { challenge, answered_by: Some(other) } => {
                let use_instead = match audience {
                    Audience::Macro => other.macro_name(),
                    Audience::CommandLine => other.command_name(),
                };
                format!(
                    "challenge `{challenge}` is answered only with {}: use `{use_instead}`",
                    other.aws_name()
                )
            }
            Problem::WrongOperation { challenge, answered_by: None } => {
                format!("challenge `{challenge}` is not answered with RespondToAuthChallenge or AdminRespondToAuthChallenge")
            }
            Problem::UnknownKey { index, key, challenge, suggestion, expected, prefixes } => {
                let subject = match (key, audience) {
                    (Some(key), _) => format!("key `{key}`"),
                    (None, Audience::Macro) => "this key".to_owned(),
                    (None, Audience::CommandLine) => format!("key number {}", index + 1),
                };
                if let Some(close) = suggestion {
                    return format!(
                        "{subject} is not a key of challenge `{challenge}`; did you mean `{close}`?"
                    );
                }
                let prefixes = if prefixes.is_empty() {
                    String::new()
                } else {
                    let quoted: Vec<String> = prefixes.iter().map(|p| format!("`\"{p}\"`")).collect();
                    format!(", or a string key starting with {}", quoted.join(" or "))
                };
                if expected.is_empty() {
                    format!("{subject} is not a key of challenge `{challenge}`, which takes none{prefixes}")
                } else {
                    format!(
                        "{subject} is not a key of challenge `{challenge}`; expected one of {}{prefixes}",
                        quoted_list(expected)
                    )
                }
            }
            Problem::PrefixWithoutName { prefix, .. } => {
                format!("key `{prefix}` needs a name after the prefix")
            }
            Problem::DuplicateKey { key, .. } => format!("duplicate key `{key}`"),
            Problem::MissingKey { challenge, key } => {
                format!("challenge `{challenge}` is missing required key `{key}`")
            }
            Problem::AnswerRequires { answer, key, .. } => format!("ANSWER `{answer}` requires key `{key}`"),
            Problem::AnswerNotAllowed { challenge, suggestion: Some(close), .. } => {
                format!("not an allowed ANSWER for `{challenge}`; did you mean `{close}`?")
            }
            Problem::AnswerNotAllowed { challenge, allowed, .. } => {
                format!("not an allowed ANSWER for `{challenge}`; expected one of {}", quoted_list(allowed))
            }
            Problem::ForbiddenWithAnswer { key, answer, .. } => {
                format!("key `{key}` is not allowed with ANSWER `{answer}`")
            }
            Problem::Length { key, rule, found, .. } => {
                let rule = match *rule {
                    LengthRule::Exactly(n) => format!("must be {n} character{} long", plural(n)),
                    LengthRule::AtLeast(n) => format!("must be at least {n} character{} long", plural(n)),
                    LengthRule::AtMost(n) => format!("must be at most {n} character{} long", plural(n)),
                };
                format!("`{key}` {rule} (the model's constraint), found {found}")
            }
            Problem::Pattern { key, pattern, .. } => {
                format!("`{key}` must match the model's pattern `{pattern}`")
            }
        }
    }
}

/// `` `A`, `B`, `C` ``
fn quoted_list(items: &[String]) -> String {
    items.iter().map(|item| format!("`{item}`")).collect::<Vec<_>>().join(", ")
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{AnswerRule, Constraint};

    fn schema() -> Schema {
        let challenge =
            |name: &str, operations: Vec<Operation>, required: &[&str], optional: &[&str]| Challenge {
                name: name.into(),
                variant: name.into(),
                operations,
                required: required.iter().map(|k| (*k).into()).collect(),
                optional: optional.iter().map(|k| (*k).into()).collect(),
                ..Challenge::default()
            };
        let mut totp = challenge(
            "SOFTWARE_TOKEN_MFA",
            vec![Operation::User, Operation::Admin],
            &["USERNAME", "SOFTWARE_TOKEN_MFA_CODE"],
            &["SECRET_HASH"],
        );
        totp.constraints.push(Constraint {
            key: "SOFTWARE_TOKEN_MFA_CODE".into(),
            min: Some(6),
            max: Some(6),
            pattern: Some("[0-9]+".into()),
        });
        let mut select = challenge(
            "SELECT_CHALLENGE",
            vec![Operation::User, Operation::Admin],
            &["USERNAME", "ANSWER"],
            &["PASSWORD", "CREDENTIAL"],
        );
        select.answers = vec!["PASSWORD".into(), "WEB_AUTHN".into()];
        select.when_answer.push(AnswerRule {
            answer: "WEB_AUTHN".into(),
            required: vec!["CREDENTIAL".into()],
            forbidden: vec!["PASSWORD".into()],
        });
        let mut new_password = challenge(
            "NEW_PASSWORD_REQUIRED",
            vec![Operation::User, Operation::Admin],
            &["USERNAME", "NEW_PASSWORD"],
            &[],
        );
        new_password.prefixes.push("userAttributes.".into());
        Schema {
            challenges: vec![
                totp,
                select,
                new_password,
                challenge("ADMIN_NO_SRP_AUTH", vec![Operation::Admin], &["USERNAME", "PASSWORD"], &[]),
            ],
        }
    }

    fn given<'a>(pairs: &[(&'a str, &'a str)]) -> Vec<Given<'a>> {
        pairs.iter().map(|&(key, value)| Given { key, value: Some(value) }).collect()
    }

    fn messages(
        operation: Operation,
        challenge: &str,
        pairs: &[(&str, &str)],
        audience: Audience,
    ) -> Vec<String> {
        match check(&schema(), operation, challenge, &given(pairs)) {
            Ok(_) => Vec::new(),
            Err(problems) => problems.iter().map(|p| p.message(audience)).collect(),
        }
    }

    #[test]
    fn good_responses_pass() {
        let rules = schema();
        let ok = check(
            &rules,
            Operation::User,
            "SOFTWARE_TOKEN_MFA",
            &given(&[("USERNAME", "jane"), ("SOFTWARE_TOKEN_MFA_CODE", "123456")]),
        );
        assert_eq!(ok.unwrap().name, "SOFTWARE_TOKEN_MFA");
        let prefixed = given(&[("USERNAME", "j"), ("NEW_PASSWORD", "p"), ("userAttributes.name", "Jane")]);
        assert!(check(&schema(), Operation::User, "NEW_PASSWORD_REQUIRED", &prefixed).is_ok());
    }

    #[test]
    fn every_problem_is_found_and_named_for_its_reader() {
        let found = messages(
            Operation::User,
            "SOFTWARE_TOKEN_MFA",
            &[
                ("USERNAME", "j"),
                ("SOFTWARE_TOKEN_MFA_CODE", "12a45"),
                ("SOFTWARE_TOKEN_MFA_COD", "x"),
                ("USERNAME", "k"),
            ],
            Audience::CommandLine,
        );
        assert_eq!(
            found,
            [
                "key number 3 is not a key of challenge `SOFTWARE_TOKEN_MFA`; did you mean `SOFTWARE_TOKEN_MFA_CODE`?",
                "duplicate key `USERNAME`",
                "`SOFTWARE_TOKEN_MFA_CODE` must be 6 characters long (the model's constraint), found 5",
                "`SOFTWARE_TOKEN_MFA_CODE` must match the model's pattern `[0-9]+`",
            ]
        );
        let admin = |audience| {
            messages(Operation::User, "ADMIN_NO_SRP_AUTH", &[("USERNAME", "j"), ("PASSWORD", "p")], audience)
        };
        assert_eq!(admin(Audience::Macro), ["challenge `ADMIN_NO_SRP_AUTH` is answered only with AdminRespondToAuthChallenge: use `admin_challenge_responses!`"]);
        assert_eq!(admin(Audience::CommandLine), ["challenge `ADMIN_NO_SRP_AUTH` is answered only with AdminRespondToAuthChallenge: use `admin-respond-to-auth-challenge`"]);
    }

    #[test]
    fn unknown_names_are_never_repeated() {
        let secretish = "hunter2-IS-MY-PASSWORD";
        for audience in [Audience::Macro, Audience::CommandLine] {
            let found = messages(Operation::User, secretish, &[], audience);
            assert_eq!(found, ["unknown challenge; expected one of `SOFTWARE_TOKEN_MFA`, `SELECT_CHALLENGE`, `NEW_PASSWORD_REQUIRED`"]);
            let found = messages(
                Operation::User,
                "SOFTWARE_TOKEN_MFA",
                &[("USERNAME", "j"), ("SOFTWARE_TOKEN_MFA_CODE", "123456"), (secretish, "x")],
                audience,
            );
            assert!(found.iter().all(|m| !m.contains(secretish)), "{found:?}");
            let found = messages(
                Operation::User,
                "SELECT_CHALLENGE",
                &[("USERNAME", "j"), ("ANSWER", secretish)],
                audience,
            );
            assert!(found.iter().all(|m| !m.contains(secretish)), "{found:?}");
        }
        assert_eq!(
            messages(Operation::User, "SOFTWARE_TOKN_MFA", &[], Audience::Macro),
            ["unknown challenge; did you mean `SOFTWARE_TOKEN_MFA`?"]
        );
    }

    #[test]
    fn answer_rules_apply_to_the_answer_given() {
        let found = messages(
            Operation::Admin,
            "SELECT_CHALLENGE",
            &[("USERNAME", "j"), ("ANSWER", "WEB_AUTHN"), ("PASSWORD", "p")],
            Audience::Macro,
        );
        assert_eq!(
            found,
            [
                "ANSWER `WEB_AUTHN` requires key `CREDENTIAL`",
                "key `PASSWORD` is not allowed with ANSWER `WEB_AUTHN`"
            ]
        );
        let found = messages(
            Operation::Admin,
            "SELECT_CHALLENGE",
            &[("USERNAME", "j"), ("ANSWER", "PASWORD")],
            Audience::Macro,
        );
        assert_eq!(found, ["not an allowed ANSWER for `SELECT_CHALLENGE`; did you mean `PASSWORD`?"]);
        // A value the macro cannot see (not a literal) is not checked.
        let unseen = [Given { key: "USERNAME", value: None }, Given { key: "ANSWER", value: None }];
        assert!(check(&schema(), Operation::User, "SELECT_CHALLENGE", &unseen).is_ok());
    }

    #[test]
    fn missing_keys_and_prefixes() {
        let found = messages(
            Operation::User,
            "NEW_PASSWORD_REQUIRED",
            &[("userAttributes.", "x")],
            Audience::CommandLine,
        );
        assert_eq!(
            found,
            [
                "key `userAttributes.` needs a name after the prefix",
                "challenge `NEW_PASSWORD_REQUIRED` is missing required key `USERNAME`",
                "challenge `NEW_PASSWORD_REQUIRED` is missing required key `NEW_PASSWORD`",
            ]
        );
        let problems = check(
            &schema(),
            Operation::User,
            "NEW_PASSWORD_REQUIRED",
            &given(&[("USERNAME", "j"), ("NEW_PASSWORD", "p"), ("SMS_CODE", "1")]),
        )
        .unwrap_err();
        assert_eq!(problems[0].subject(), Subject::Key(2));
        assert_eq!(
            problems[0].message(Audience::CommandLine),
            "key number 3 is not a key of challenge `NEW_PASSWORD_REQUIRED`; expected one of `USERNAME`, `NEW_PASSWORD`, or a string key starting with `\"userAttributes.\"`"
        );
    }
}
