/// Signs in \[without\] credentials.
///
/// Sent without credentials (the model marks it `authtype: none`).
#[derive(
    ::std::clone::Clone,
    ::std::marker::Copy,
    ::std::fmt::Debug,
    ::std::default::Default,
    ::std::cmp::PartialEq,
    ::std::cmp::Eq,
    ::std::hash::Hash
)]
pub struct SignIn;
impl super::support::Operation for SignIn {
    const NAME: &'static str = "SignIn";
    const TARGET: &'static str = "RepresentativeService.SignIn";
    const AUTH: super::support::AuthScheme = super::support::AuthScheme::None;
    type Input = super::types::SignInRequest;
    type Output = super::support::Unit;
    type Error = super::errors::SignInError;
}
