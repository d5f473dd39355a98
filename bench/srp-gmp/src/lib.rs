//! Stand-ins for the generated `types` and `challenge` modules, so that
//! `codegen/src/runtime/srp.rs` compiles here exactly as it is embedded in the
//! generated bindings.

pub mod types {
    #[derive(Clone, Debug, PartialEq, Eq, Hash)]
    pub enum ChallengeNameType {
        PasswordVerifier,
        DevicePasswordVerifier,
    }

    #[derive(Clone, PartialEq, Default, Debug)]
    pub struct DeviceSecretVerifierConfigType {
        pub password_verifier: ::std::option::Option<String>,
        pub salt: ::std::option::Option<String>,
    }
}

pub mod challenge {
    use super::types::ChallengeNameType;
    use std::collections::HashMap;

    #[derive(Clone, Debug, PartialEq)]
    pub struct ChallengeAnswer {
        challenge_name: ChallengeNameType,
        responses: HashMap<String, String>,
    }

    impl ChallengeAnswer {
        pub(super) fn new_unchecked(challenge_name: ChallengeNameType, responses: HashMap<String, String>) -> Self {
            Self { challenge_name, responses }
        }
        pub fn challenge_name(&self) -> &ChallengeNameType {
            &self.challenge_name
        }
        pub fn responses(&self) -> &HashMap<String, String> {
            &self.responses
        }
    }
}

#[path = "../../../codegen/src/runtime/srp.rs"]
pub mod srp;
