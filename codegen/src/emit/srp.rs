//! The `srp` module: the `cognito-srp` crate (through the runtime crate) and the conversions of
//! its plain results into the model's types.

use proc_macro2::TokenStream;
use quote::quote;

use super::ident;
use crate::challenges::SrpDef;

/// The module's items: the re-export, then one `From` impl per result and answer type.
pub(super) fn emit_srp_module(srp: &SrpDef, enum_name: &str) -> Vec<TokenStream> {
    let challenge_enum = ident(enum_name);
    let (password, device) =
        (ident(&srp.password_verifier_variant), ident(&srp.device_password_verifier_variant));
    let verifier = ident(&srp.verifier_type);
    let (password_verifier, salt) = (ident(&srp.password_verifier_setter), ident(&srp.salt_setter));
    vec![
        quote! {
            #[doc(inline)]
            pub use ::cognito_idp_runtime::srp::*;
        },
        quote! {
            /// An SRP answer is a challenge answer whose keys are right by construction.
            impl ::std::convert::From<SrpAnswer> for super::challenge::ChallengeAnswer {
                fn from(answer: SrpAnswer) -> Self {
                    let (challenge, responses) = answer.into_parts();
                    let challenge_name = match challenge {
                        SrpChallenge::PasswordVerifier => super::types::#challenge_enum::#password,
                        SrpChallenge::DevicePasswordVerifier => super::types::#challenge_enum::#device,
                    };
                    Self::new_unchecked(challenge_name, responses)
                }
            }
        },
        quote! {
            impl ::std::convert::From<SrpAnswer> for super::challenge::AdminChallengeAnswer {
                fn from(answer: SrpAnswer) -> Self {
                    super::challenge::ChallengeAnswer::from(answer).into()
                }
            }
        },
        quote! {
            /// What `ConfirmDevice` registers, as its request takes it.
            impl ::std::convert::From<DeviceVerifierConfig> for super::types::#verifier {
                fn from(config: DeviceVerifierConfig) -> Self {
                    Self::new().#password_verifier(config.password_verifier).#salt(config.salt)
                }
            }
        },
    ]
}
