/// Signs in \[without\] credentials.
///
/// Sent without credentials (the model marks it `authtype: none`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct SignIn;
impl super::support::Operation for SignIn {
    const SERVICE: super::support::ServiceInfo = SERVICE;
    const NAME: &'static str = "SignIn";
    const TARGET: &'static str = "RepresentativeService.SignIn";
    const AUTH: super::support::AuthScheme = super::support::AuthScheme::None;
    type Input = super::types::SignInRequest;
    type Output = super::support::Unit;
    type Error = super::errors::SignInError;
}
