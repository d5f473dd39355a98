//! The schema: challenges and their rules, as every user of this crate holds them.

/// Which Cognito operation the responses are for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Operation {
    /// `RespondToAuthChallenge`: `challenge_responses!`, `respond-to-auth-challenge`.
    User,
    /// `AdminRespondToAuthChallenge`: `admin_challenge_responses!`,
    /// `admin-respond-to-auth-challenge`.
    Admin,
}

impl Operation {
    /// The AWS operation's name.
    pub fn aws_name(self) -> &'static str {
        match self {
            Operation::User => "RespondToAuthChallenge",
            Operation::Admin => "AdminRespondToAuthChallenge",
        }
    }

    /// The macro that answers for this operation.
    pub fn macro_name(self) -> &'static str {
        match self {
            Operation::User => "challenge_responses!",
            Operation::Admin => "admin_challenge_responses!",
        }
    }

    /// The command line's command for this operation.
    pub fn command_name(self) -> &'static str {
        match self {
            Operation::User => "respond-to-auth-challenge",
            Operation::Admin => "admin-respond-to-auth-challenge",
        }
    }

    /// The word the text form uses (`user`, `admin`).
    pub(crate) fn keyword(self) -> &'static str {
        match self {
            Operation::User => "user",
            Operation::Admin => "admin",
        }
    }
}

/// Every challenge, in the model's order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Schema {
    pub challenges: Vec<Challenge>,
}

impl Schema {
    /// The challenge named `name` (its `ChallengeNameType` value).
    pub fn challenge(&self, name: &str) -> Option<&Challenge> {
        self.challenges.iter().find(|c| c.name == name)
    }

    /// Whether `key` is a key of any challenge: such a key is named in messages, any other
    /// text is not (it may be part of a value).
    pub fn is_key_of_any_challenge(&self, key: &str) -> bool {
        self.challenges.iter().any(|c| c.keys().any(|k| k == key))
    }
}

/// One `ChallengeNameType` value and the `ChallengeResponses` it takes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Challenge {
    /// The value on the wire (`SMS_MFA`).
    pub name: String,
    /// Its variant of the generated `ChallengeNameType` enum (`SmsMfa`), for the macro's output.
    pub variant: String,
    /// The operations that accept it, `User` before `Admin`.
    pub operations: Vec<Operation>,
    pub required: Vec<String>,
    pub optional: Vec<String>,
    /// A key `<prefix><name>` with a non-empty name is allowed (`userAttributes.`).
    pub prefixes: Vec<String>,
    /// Allowed values of `ANSWER`; empty when any value goes.
    pub answers: Vec<String>,
    /// Keys an `ANSWER` value requires and forbids.
    pub when_answer: Vec<AnswerRule>,
    /// The model's constraints on the values of its keys.
    pub constraints: Vec<Constraint>,
}

impl Challenge {
    /// Required keys, then optional ones.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.required.iter().chain(&self.optional).map(String::as_str)
    }

    /// Whether `key` is one of its keys or a prefixed key with a name after the prefix.
    pub fn allows_key(&self, key: &str) -> bool {
        self.keys().any(|k| k == key)
            || self.prefixes.iter().any(|prefix| key.len() > prefix.len() && key.starts_with(prefix.as_str()))
    }
}

/// Extra rules when `ANSWER` is `answer`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AnswerRule {
    pub answer: String,
    pub required: Vec<String>,
    pub forbidden: Vec<String>,
}

/// The model's constraints on one key's value: length in characters and a pattern that must
/// match all of it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Constraint {
    pub key: String,
    pub min: Option<usize>,
    pub max: Option<usize>,
    pub pattern: Option<String>,
}
