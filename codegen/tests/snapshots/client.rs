#[doc(inline)]
pub use ::cognito_idp_runtime::client::{
    is_valid_endpoint, BuildError, CallError, Credentials, Exchange, Pages,
    ProvideCredentials, SharedCredentialsProvider, DEFAULT_MAX_RESPONSE_BYTES,
};
/// Settings of a [`Client`], from [`Client::builder`].
pub type ClientBuilder = ::cognito_idp_runtime::client::ClientBuilder<Client>;
/// Sends requests to Amazon Cognito Identity Provider: a method per operation, or [`call`](Self::call) with an operation descriptor.
///
/// The runtime's client ([`cognito_idp_runtime::client::Client`]) for this service.
#[derive(Clone, Debug)]
pub struct Client {
    inner: ::cognito_idp_runtime::client::Client,
}
impl Client {
    /// Settings for a client of the service in `region`. Credentials and the endpoint, unless
    /// given, come from the environment and the shared files as the AWS SDKs find them.
    pub fn builder(
        region: impl ::std::convert::Into<::std::string::String>,
    ) -> ClientBuilder {
        ClientBuilder::new(&super::operations::SERVICE, region)
    }
    /// Settings whose region, too, comes from the environment (`AWS_REGION`,
    /// `AWS_DEFAULT_REGION`) or the profile of `~/.aws/config`.
    pub fn builder_from_env() -> ClientBuilder {
        ClientBuilder::from_env(&super::operations::SERVICE)
    }
    /// A client configured entirely as the AWS SDKs and CLI find their settings: region,
    /// credentials and endpoint from the environment, then the profile `AWS_PROFILE` names in
    /// `~/.aws/config` and `~/.aws/credentials`.
    ///
    /// # Errors
    ///
    /// [`BuildError::NoRegion`] when no region is found; see [`ClientBuilder::build`].
    pub fn from_env() -> ::std::result::Result<Self, BuildError> {
        Self::builder_from_env().build()
    }
    /// The URL requests go to.
    pub fn endpoint(&self) -> &str {
        self.inner.endpoint()
    }
    /// Calls operation `Op`: validates, encodes, signs when the model says so, sends, decodes.
    pub async fn call<Op>(
        &self,
        input: &Op::Input,
    ) -> ::std::result::Result<Op::Output, CallError<Op::Error>>
    where
        Op: super::support::Operation,
        Op::Input: ::cognito_idp_runtime::__private::serde::Serialize
            + super::wire::Validate,
        Op::Output: ::cognito_idp_runtime::__private::serde::de::DeserializeOwned,
        Op::Error: super::wire::FromErrorResponse,
    {
        self.inner.call::<Op>(input).await
    }
    /// Calls [`AdminRespondToAuthChallenge`](super::operations::AdminRespondToAuthChallenge).
    pub async fn admin_respond_to_auth_challenge(
        &self,
        input: &super::types::AdminRespondToAuthChallengeRequest,
    ) -> ::std::result::Result<
        super::types::AdminRespondToAuthChallengeResponse,
        CallError<super::errors::AdminRespondToAuthChallengeError>,
    > {
        self.call::<super::operations::AdminRespondToAuthChallenge>(input).await
    }
    /// Calls [`ConfirmDevice`](super::operations::ConfirmDevice).
    pub async fn confirm_device(
        &self,
        input: &super::types::ConfirmDeviceRequest,
    ) -> ::std::result::Result<
        super::types::ConfirmDeviceResponse,
        CallError<super::errors::ConfirmDeviceError>,
    > {
        self.call::<super::operations::ConfirmDevice>(input).await
    }
    /// Calls [`ListUsers`](super::operations::ListUsers).
    pub async fn list_users(
        &self,
        input: &super::types::ListUsersRequest,
    ) -> ::std::result::Result<
        super::types::ListUsersResponse,
        CallError<super::errors::ListUsersError>,
    > {
        self.call::<super::operations::ListUsers>(input).await
    }
    /// The pages of [`ListUsers`](super::operations::ListUsers), from `input` on: `next().await` gives each page in turn, `items().await` all their items.
    pub fn list_users_pages(
        &self,
        input: super::types::ListUsersRequest,
    ) -> Pages<'_, super::operations::ListUsers> {
        self.inner.pages::<super::operations::ListUsers>(input)
    }
    /// Calls [`RespondToAuthChallenge`](super::operations::RespondToAuthChallenge).
    pub async fn respond_to_auth_challenge(
        &self,
        input: &super::types::RespondToAuthChallengeRequest,
    ) -> ::std::result::Result<
        super::types::RespondToAuthChallengeResponse,
        CallError<super::errors::RespondToAuthChallengeError>,
    > {
        self.call::<super::operations::RespondToAuthChallenge>(input).await
    }
}
impl ::std::convert::From<::cognito_idp_runtime::client::Client> for Client {
    fn from(inner: ::cognito_idp_runtime::client::Client) -> Self {
        Self { inner }
    }
}
