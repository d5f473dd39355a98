//! The support module and minimal stand-ins of the two generated modules the SRP client uses
//! (`types`, `challenge`),
//! so its unit tests run once, here, rather than in every crate that embeds it.

pub mod types {
    #[derive(Clone, Debug, PartialEq, Eq, Hash)]
    pub enum ChallengeNameType {
        PasswordVerifier,
        DevicePasswordVerifier,
    }

    #[derive(Clone, PartialEq, Default, Debug)]
    pub struct DeviceSecretVerifierConfigType {
        pub password_verifier: Option<String>,
        pub salt: Option<String>,
    }
}

pub mod challenge {
    use std::collections::HashMap;

    #[derive(Clone, Debug, PartialEq)]
    pub struct ChallengeAnswer {
        pub challenge_name: super::types::ChallengeNameType,
        pub responses: HashMap<String, String>,
    }

    impl ChallengeAnswer {
        pub fn responses(&self) -> &HashMap<String, String> {
            &self.responses
        }

        pub(super) fn new_unchecked(
            challenge_name: super::types::ChallengeNameType,
            responses: HashMap<String, String>,
        ) -> Self {
            Self { challenge_name, responses }
        }
    }
}

#[path = "support.rs"]
#[allow(dead_code)] // the generated crates are its users
pub mod support;

#[path = "srp.rs"]
#[allow(dead_code)] // the generated crates are its users
pub mod srp;
