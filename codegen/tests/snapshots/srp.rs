#[doc(inline)]
pub use ::cognito_idp_runtime::srp::*;
/// An SRP answer is a challenge answer whose keys are right by construction.
impl ::std::convert::From<SrpAnswer> for super::challenge::ChallengeAnswer {
    fn from(answer: SrpAnswer) -> Self {
        let (challenge, responses) = answer.into_parts();
        let challenge_name = match challenge {
            SrpChallenge::PasswordVerifier => {
                super::types::ChallengeNameType::PasswordVerifier
            }
            SrpChallenge::DevicePasswordVerifier => {
                super::types::ChallengeNameType::DevicePasswordVerifier
            }
        };
        Self::new_unchecked(challenge_name, responses)
    }
}
impl ::std::convert::From<SrpAnswer> for super::challenge::AdminChallengeAnswer {
    fn from(answer: SrpAnswer) -> Self {
        super::challenge::ChallengeAnswer::from(answer).into()
    }
}
/// What `ConfirmDevice` registers, as its request takes it.
impl ::std::convert::From<DeviceVerifierConfig>
for super::types::DeviceSecretVerifierConfigType {
    fn from(config: DeviceVerifierConfig) -> Self {
        Self::new()
            .with_password_verifier(config.password_verifier)
            .with_salt(config.salt)
    }
}
