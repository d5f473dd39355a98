//! The runtime modules every output embeds (`support`, `wire`, `srp`), compiled here once for
//! their unit tests, beside minimal stand-ins of the generated modules they use (`types`,
//! `challenge`, `operations`). The SRP benchmark in `bench/srp-gmp` compiles this file too.
#![allow(dead_code)] // the generated crates are the users of most of it

#[path = "support.rs"]
pub mod support;

#[path = "wire.rs"]
pub mod wire;

#[path = "srp.rs"]
pub mod srp;

pub mod operations {
    pub const SERVICE: super::support::ServiceInfo = super::support::ServiceInfo {
        full_name: "Test",
        endpoint_prefix: "test",
        signing_name: "test",
        target_prefix: "Test",
        json_version: "1.1",
        api_version: "2020-01-01",
    };
}

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
