/// Given a user pool ID, returns a list of users and their basic details in a user pool.
///
/// This operation is eventually consistent. You might experience a delay before results are up-to-date. To validate the existence or configuration of an individual user, use `AdminGetUser`.
///
/// **Note:** Amazon Cognito evaluates Identity and Access Management (IAM) policies in requests for this API operation. For this operation, you must use IAM credentials to authorize requests, and you must grant yourself the corresponding IAM permission in a policy.
///
/// **Learn more**
///
/// - [Signing Amazon Web Services API Requests](https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_aws-signing.html)
/// - [Using the Amazon Cognito user pools API and user pool endpoints](https://docs.aws.amazon.com/cognito/latest/developerguide/user-pools-API-operations.html)
///
/// Signed with AWS Signature Version 4.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct ListUsers;
impl super::support::Operation for ListUsers {
    const SERVICE: super::support::ServiceInfo = SERVICE;
    const NAME: &'static str = "ListUsers";
    const TARGET: &'static str = "AWSCognitoIdentityProviderService.ListUsers";
    const AUTH: super::support::AuthScheme = super::support::AuthScheme::SigV4;
    type Input = super::types::ListUsersRequest;
    type Output = super::types::ListUsersResponse;
    type Error = super::errors::ListUsersError;
}
impl super::support::Paginated for ListUsers {
    type Item = super::types::UserType;
    #[inline]
    fn set_token(
        input: &mut Self::Input,
        token: ::std::option::Option<::std::string::String>,
    ) {
        input.pagination_token = token;
    }
    #[inline]
    fn next_token(output: &Self::Output) -> ::std::option::Option<&str> {
        output.pagination_token.as_deref()
    }
    #[inline]
    fn set_page_size(input: &mut Self::Input, size: i32) {
        input.limit = ::std::option::Option::Some(size);
    }
    #[inline]
    fn into_items(output: Self::Output) -> ::std::vec::Vec<Self::Item> {
        output.users.unwrap_or_default()
    }
}
