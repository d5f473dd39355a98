//! Sign-in flows over the async client: each function runs the calls of one flow and returns
//! where the sign-in stands, a [`SignInStep`]: the tokens, or the next challenge as a typed
//! value that the caller answers with a checked `ChallengeAnswer` (`challenge_responses!`) and
//! the challenge's [`Session`], through [`continue_sign_in`] (or [`admin_continue_sign_in`]).
//!
//! * [`sign_in_srp`]: `USER_SRP_AUTH` → `PASSWORD_VERIFIER` (answered with the `srp` module),
//!   and with a remembered device `DEVICE_SRP_AUTH` → `DEVICE_PASSWORD_VERIFIER`.
//! * [`sign_in_password`]: `USER_PASSWORD_AUTH`; [`admin_sign_in`]: `ADMIN_USER_PASSWORD_AUTH`.
//! * [`refresh`] and [`admin_refresh`]: `REFRESH_TOKEN_AUTH`.
//! * [`confirm_device`]: `ConfirmDevice` (and `UpdateDeviceStatus`) for the `NewDeviceMetadata`
//!   of a sign-in, giving the [`RememberedDevice`] to keep for the next ones.
//!
//! With an app client that has a secret, pass it in [`SignInOptions`]; answers given to
//! [`continue_sign_in`] get their `SECRET_HASH` from [`with_secret_hash`]. Passwords, secrets,
//! sessions and tokens never appear in `Debug` output or in errors.
//!
//! Embedded with the client when the output has SRP and the four sign-in operations: behind the
//! `flows` feature in `cognito-idp`, and elsewhere behind the client's feature (and, with a
//! feature per operation, those of the operations it calls).

use ::std::collections::HashMap;
use ::std::fmt;

use super::challenge::{AdminChallengeAnswer, ChallengeAnswer};
use super::client::{CallError, Client};
use super::errors::{
    AdminInitiateAuthError, AdminRespondToAuthChallengeError, ConfirmDeviceError, InitiateAuthError,
    RespondToAuthChallengeError, UpdateDeviceStatusError,
};
use super::srp::{secret_hash, DeviceKeys, DeviceSrp, DeviceVerifier, SrpError, Timestamp, UserSrp};
use super::types::{
    AdminInitiateAuthRequest, AdminRespondToAuthChallengeRequest, AuthFlowType, AuthenticationResultType,
    ChallengeNameType, ConfirmDeviceRequest, DeviceRememberedStatusType, InitiateAuthRequest,
    NewDeviceMetadataType, RespondToAuthChallengeRequest, UpdateDeviceStatusRequest,
};

/// The `Session` of a challenge, to send with its answer. `Debug` hides it.
#[derive(Clone, PartialEq, Eq)]
pub struct Session(::std::string::String);

impl Session {
    /// A session received some other way.
    pub fn new(session: impl Into<::std::string::String>) -> Self {
        Session(session.into())
    }

    /// The session string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Session {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Session(<redacted>)")
    }
}

/// A device remembered from an earlier sign-in (`NewDeviceMetadata` and the password made for it
/// by `DeviceVerifier`), as [`confirm_device`] gives it. The password is zeroized on drop and
/// hidden by `Debug`.
#[derive(Clone, Debug)]
pub struct RememberedDevice {
    /// `DeviceKey`.
    pub device_key: ::std::string::String,
    /// `DeviceGroupKey`.
    pub device_group_key: ::std::string::String,
    /// The device password.
    pub device_password: super::srp::SecretString,
}

impl RememberedDevice {
    /// Its two keys, together.
    pub fn keys(&self) -> DeviceKeys<'_> {
        DeviceKeys { device_key: &self.device_key, device_group_key: &self.device_group_key }
    }
}

/// What [`confirm_device`] does when the pool lets the user choose whether to remember devices
/// (`ConfirmDevice` answers `UserConfirmationNecessary`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RememberChoice {
    /// `UpdateDeviceStatus` to `remembered`, so later sign-ins can use the device.
    Remember,
    /// `UpdateDeviceStatus` to `not_remembered`.
    DoNotRemember,
    /// Nothing: the device stays confirmed with no status, as the pool left it.
    Leave,
}

/// Why [`confirm_device`] failed. Holds no secret.
#[derive(Debug)]
#[non_exhaustive]
pub enum DeviceError {
    /// The sign-in's `NewDeviceMetadata` lacks its device key or device group key.
    IncompleteMetadata,
    /// The device password and verifier could not be made.
    Srp(SrpError),
    /// `ConfirmDevice` failed.
    ConfirmDevice(CallError<ConfirmDeviceError>),
    /// `UpdateDeviceStatus` failed: the device is confirmed but not remembered. It is here, to
    /// keep (its password exists nowhere else) and to try the status again later.
    UpdateDeviceStatus { device: Box<RememberedDevice>, error: CallError<UpdateDeviceStatusError> },
}

impl fmt::Display for DeviceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DeviceError::IncompleteMetadata => {
                f.write_str("the sign-in's NewDeviceMetadata has no device key or no device group key")
            }
            DeviceError::Srp(e) => write!(f, "SRP: {e}"),
            DeviceError::ConfirmDevice(e) => write!(f, "ConfirmDevice: {e}"),
            DeviceError::UpdateDeviceStatus { error, .. } => {
                write!(f, "UpdateDeviceStatus (the device is confirmed, not remembered): {error}")
            }
        }
    }
}

impl ::std::error::Error for DeviceError {
    fn source(&self) -> Option<&(dyn ::std::error::Error + 'static)> {
        match self {
            DeviceError::IncompleteMetadata => None,
            DeviceError::Srp(e) => Some(e),
            DeviceError::ConfirmDevice(e) => Some(e),
            DeviceError::UpdateDeviceStatus { error, .. } => Some(error),
        }
    }
}

/// Confirms the device a sign-in's tokens name (`AuthenticationResult.NewDeviceMetadata`):
/// generates its password and verifier, calls `ConfirmDevice` with the user's access token and
/// `device_name`, and, when the pool lets the user choose (`UserConfirmationNecessary`), does
/// what `remember` says. Returns the [`RememberedDevice`] to store for later sign-ins
/// ([`SignInOptions::with_device`]); its password is zeroized on drop and never printed.
pub async fn confirm_device(
    client: &Client,
    access_token: &str,
    metadata: &NewDeviceMetadataType,
    device_name: Option<&str>,
    remember: RememberChoice,
) -> Result<RememberedDevice, DeviceError> {
    let (Some(device_key), Some(device_group_key)) = (&metadata.device_key, &metadata.device_group_key) else {
        return Err(DeviceError::IncompleteMetadata);
    };
    let keys = DeviceKeys { device_key, device_group_key };
    let (device_password, verifier) = DeviceVerifier::generate_for(keys).map_err(DeviceError::Srp)?;
    let mut request =
        ConfirmDeviceRequest::new(access_token, device_key.as_str()).with_device_secret_verifier_config(verifier);
    request.device_name = device_name.map(str::to_owned);
    let confirmed = client.confirm_device(&request).await.map_err(DeviceError::ConfirmDevice)?;
    let status = match remember {
        RememberChoice::Remember => Some(DeviceRememberedStatusType::Remembered),
        RememberChoice::DoNotRemember => Some(DeviceRememberedStatusType::NotRemembered),
        RememberChoice::Leave => None,
    };
    let device =
        RememberedDevice { device_key: device_key.clone(), device_group_key: device_group_key.clone(), device_password };
    if let (Some(true), Some(status)) = (confirmed.user_confirmation_necessary, status) {
        let update = UpdateDeviceStatusRequest::new(access_token, device_key.as_str())
            .with_device_remembered_status(status);
        if let Err(error) = client.update_device_status(&update).await {
            return Err(DeviceError::UpdateDeviceStatus { device: Box::new(device), error });
        }
    }
    Ok(device)
}

/// Options of a sign-in. `Debug` hides the client secret.
#[derive(Clone, Default)]
pub struct SignInOptions {
    /// The app client's secret, when it has one: every request then carries `SECRET_HASH`.
    pub client_secret: Option<::std::string::String>,
    /// A remembered device: its key goes with the sign-in and `DEVICE_SRP_AUTH` is answered.
    pub device: Option<RememberedDevice>,
}

impl SignInOptions {
    /// Options with the app client's secret.
    #[must_use]
    pub fn with_client_secret(mut self, client_secret: impl Into<::std::string::String>) -> Self {
        self.client_secret = Some(client_secret.into());
        self
    }

    /// Options with a remembered device.
    #[must_use]
    pub fn with_device(mut self, device: RememberedDevice) -> Self {
        self.device = Some(device);
        self
    }
}

impl fmt::Debug for SignInOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SignInOptions")
            .field("client_secret", &self.client_secret.as_ref().map(|_| super::support::Redacted))
            .field("device", &self.device)
            .finish()
    }
}

/// Where a sign-in stands: signed in, or facing a challenge to answer with its session.
#[derive(Debug)]
#[non_exhaustive]
pub enum SignInStep {
    /// Signed in.
    Tokens(AuthenticationResultType),
    /// `NEW_PASSWORD_REQUIRED`: answer with `NEW_PASSWORD` and every required attribute as
    /// `userAttributes.<name>`.
    NewPasswordRequired {
        session: Session,
        username: ::std::string::String,
        /// Names of the attributes to set (from `requiredAttributes`, without `userAttributes.`).
        required_attributes: ::std::vec::Vec<::std::string::String>,
        /// The user's current attributes (`userAttributes`), where the service sends them.
        user_attributes: HashMap<::std::string::String, ::std::string::String>,
    },
    /// `SMS_MFA`: answer with `SMS_MFA_CODE`.
    SmsMfa {
        session: Session,
        username: ::std::string::String,
        /// `CODE_DELIVERY_DESTINATION` (masked), where sent.
        destination: Option<::std::string::String>,
    },
    /// `SOFTWARE_TOKEN_MFA`: answer with `SOFTWARE_TOKEN_MFA_CODE`.
    SoftwareTokenMfa { session: Session, username: ::std::string::String },
    /// `SELECT_MFA_TYPE`: answer with `ANSWER`, one of `mfas_can_choose`.
    SelectMfaType {
        session: Session,
        username: ::std::string::String,
        mfas_can_choose: ::std::vec::Vec<::std::string::String>,
    },
    /// `MFA_SETUP`: set up one of `mfas_can_setup` (`AssociateSoftwareToken` with the session).
    MfaSetup {
        session: Session,
        username: ::std::string::String,
        mfas_can_setup: ::std::vec::Vec<::std::string::String>,
    },
    /// Any other challenge, with its parameters as received.
    Challenge {
        name: ChallengeNameType,
        session: Option<Session>,
        parameters: HashMap<::std::string::String, ::std::string::String>,
    },
}

/// Why a sign-in step failed. Holds no secret.
#[derive(Debug)]
#[non_exhaustive]
pub enum SignInError {
    /// `InitiateAuth` failed.
    InitiateAuth(CallError<InitiateAuthError>),
    /// `RespondToAuthChallenge` failed.
    RespondToAuthChallenge(CallError<RespondToAuthChallengeError>),
    /// `AdminInitiateAuth` failed.
    AdminInitiateAuth(CallError<AdminInitiateAuthError>),
    /// `AdminRespondToAuthChallenge` failed.
    AdminRespondToAuthChallenge(CallError<AdminRespondToAuthChallengeError>),
    /// The SRP answer could not be computed (a malformed challenge parameter, say).
    Srp(SrpError),
    /// The response fits the model but not the flow (no challenge and no tokens, a malformed
    /// challenge parameter, a missing session).
    UnexpectedResponse { operation: &'static str, reason: ::std::string::String },
}

impl SignInError {
    /// Whether a step of the sign-in was refused with `NotAuthorizedException`: a wrong username
    /// or password, most often (also a disabled user or a revoked token; the message says which).
    /// A pool that does not prevent user existence errors answers an unknown username with
    /// `UserNotFoundException` instead, which this does not count.
    pub fn is_not_authorized(&self) -> bool {
        match self {
            SignInError::InitiateAuth(e) => {
                matches!(e.service_error(), Some(InitiateAuthError::NotAuthorizedException(_)))
            }
            SignInError::RespondToAuthChallenge(e) => {
                matches!(e.service_error(), Some(RespondToAuthChallengeError::NotAuthorizedException(_)))
            }
            SignInError::AdminInitiateAuth(e) => {
                matches!(e.service_error(), Some(AdminInitiateAuthError::NotAuthorizedException(_)))
            }
            SignInError::AdminRespondToAuthChallenge(e) => {
                matches!(e.service_error(), Some(AdminRespondToAuthChallengeError::NotAuthorizedException(_)))
            }
            SignInError::Srp(_) | SignInError::UnexpectedResponse { .. } => false,
        }
    }

    /// The id AWS gave the failed request, when the service answered.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            SignInError::InitiateAuth(e) => e.request_id(),
            SignInError::RespondToAuthChallenge(e) => e.request_id(),
            SignInError::AdminInitiateAuth(e) => e.request_id(),
            SignInError::AdminRespondToAuthChallenge(e) => e.request_id(),
            SignInError::Srp(_) | SignInError::UnexpectedResponse { .. } => None,
        }
    }
}

impl fmt::Display for SignInError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SignInError::InitiateAuth(e) => write!(f, "InitiateAuth: {e}"),
            SignInError::RespondToAuthChallenge(e) => write!(f, "RespondToAuthChallenge: {e}"),
            SignInError::AdminInitiateAuth(e) => write!(f, "AdminInitiateAuth: {e}"),
            SignInError::AdminRespondToAuthChallenge(e) => write!(f, "AdminRespondToAuthChallenge: {e}"),
            SignInError::Srp(e) => write!(f, "SRP: {e}"),
            SignInError::UnexpectedResponse { operation, reason } => {
                write!(f, "unexpected {operation} response: {reason}")
            }
        }
    }
}

impl ::std::error::Error for SignInError {
    fn source(&self) -> Option<&(dyn ::std::error::Error + 'static)> {
        match self {
            SignInError::InitiateAuth(e) => Some(e),
            SignInError::RespondToAuthChallenge(e) => Some(e),
            SignInError::AdminInitiateAuth(e) => Some(e),
            SignInError::AdminRespondToAuthChallenge(e) => Some(e),
            SignInError::Srp(e) => Some(e),
            SignInError::UnexpectedResponse { .. } => None,
        }
    }
}

/// Adds `SECRET_HASH` (over the answer's `USERNAME`) to an answer, for an app client with a secret.
#[must_use]
pub fn with_secret_hash(answer: ChallengeAnswer, client_id: &str, client_secret: &str) -> ChallengeAnswer {
    match answer.responses().get("USERNAME").cloned() {
        Some(username) => {
            answer.with_response("SECRET_HASH", secret_hash(client_secret, &username, client_id))
        }
        None => answer,
    }
}

/// The fields every auth response has.
struct AuthResponse {
    challenge_name: Option<ChallengeNameType>,
    session: Option<::std::string::String>,
    challenge_parameters: Option<HashMap<::std::string::String, ::std::string::String>>,
    authentication_result: Option<AuthenticationResultType>,
}

macro_rules! auth_response_from {
    ($($ty:ident)*) => {$(
        impl From<super::types::$ty> for AuthResponse {
            fn from(r: super::types::$ty) -> Self {
                AuthResponse {
                    challenge_name: r.challenge_name,
                    session: r.session,
                    challenge_parameters: r.challenge_parameters,
                    authentication_result: r.authentication_result,
                }
            }
        }
    )*};
}
auth_response_from!(InitiateAuthResponse RespondToAuthChallengeResponse AdminInitiateAuthResponse AdminRespondToAuthChallengeResponse);

/// `USER_SRP_AUTH`: sends `SRP_A`, answers `PASSWORD_VERIFIER` with the password proof, and with
/// a remembered device answers `DEVICE_SRP_AUTH` and `DEVICE_PASSWORD_VERIFIER`; returns the
/// tokens or the next challenge.
///
/// When the service no longer knows the remembered device (it answers the password proof with a
/// `ResourceNotFoundException` about the device), the proof is sent again without the device, as
/// AWS's JavaScript SDK does, and the sign-in goes on as on a new device. The caller learns it
/// from the tokens: their `new_device_metadata` is set (in a pool that tracks devices), naming the
/// device to confirm with [`confirm_device`] and keep instead of the forgotten one.
pub async fn sign_in_srp(
    client: &Client,
    user_pool_id: &str,
    client_id: &str,
    username: &str,
    password: &str,
    options: &SignInOptions,
) -> Result<SignInStep, SignInError> {
    let mut srp = UserSrp::new(user_pool_id).map_err(SignInError::Srp)?;
    if let Some(secret) = &options.client_secret {
        srp = srp.with_client_secret(client_id, secret.as_str());
    }
    if let Some(device) = &options.device {
        srp = srp.with_device_key(device.device_key.as_str());
    }
    let mut parameters = auth_parameters(client_id, username, options);
    parameters.insert("SRP_A".to_owned(), srp.srp_a());
    let response = initiate(client, client_id, AuthFlowType::UserSrpAuth, parameters).await?;
    let (session, challenge_parameters) = match response.challenge_name {
        Some(ChallengeNameType::PasswordVerifier) => {
            (response.session, response.challenge_parameters.unwrap_or_default())
        }
        _ => return classify("InitiateAuth", response, username),
    };
    let answer =
        srp.password_verifier(password, &challenge_parameters, Timestamp::now()).map_err(SignInError::Srp)?;
    let mut device = options.device.as_ref();
    let mut response = match respond(client, client_id, session.clone(), answer.clone().into()).await {
        // The service no longer knows the device (forgotten, or removed with its user's devices):
        // the same answer again without it, as AWS's JavaScript SDK does. The tokens then carry
        // `NewDeviceMetadata` for this device when the pool tracks devices.
        Err(error) if device.is_some() && forgot_the_device(&error) => {
            device = None;
            respond(client, client_id, session, answer.without_response("DEVICE_KEY").into()).await?
        }
        other => other?,
    };
    if let (Some(device), Some(ChallengeNameType::DeviceSrpAuth)) = (device, &response.challenge_name) {
        let srp_username = challenge_parameters
            .get("USERNAME")
            .map(::std::string::String::as_str)
            .unwrap_or(username)
            .to_owned();
        let mut device_srp = DeviceSrp::for_device(device.keys()).map_err(SignInError::Srp)?;
        if let Some(secret) = &options.client_secret {
            device_srp = device_srp.with_client_secret(client_id, secret.as_str());
        }
        let answer: ChallengeAnswer = super::challenge::DeviceSrpAuth {
            secret_hash: options.client_secret.as_ref().map(|s| secret_hash(s, &srp_username, client_id)),
            username: srp_username,
            device_key: device.device_key.clone(),
            srp_a: device_srp.srp_a(),
        }
        .into();
        let step = respond(client, client_id, response.session.take(), answer).await?;
        if step.challenge_name != Some(ChallengeNameType::DevicePasswordVerifier) {
            let name = username_of(&step, &challenge_parameters, username).to_owned();
            return classify("RespondToAuthChallenge", step, &name);
        }
        let parameters = step.challenge_parameters.clone().unwrap_or_default();
        let answer = device_srp
            .device_password_verifier(device.device_password.expose_secret(), &parameters, Timestamp::now())
            .map_err(SignInError::Srp)?;
        response = respond(client, client_id, step.session, answer.into()).await?;
    }
    let name = username_of(&response, &challenge_parameters, username).to_owned();
    classify("RespondToAuthChallenge", response, &name)
}

/// Whether a `RespondToAuthChallenge` failure says the service does not know the device the
/// answer named: `ResourceNotFoundException` about a device.
fn forgot_the_device(error: &SignInError) -> bool {
    let SignInError::RespondToAuthChallenge(error) = error else { return false };
    match error.service_error() {
        Some(RespondToAuthChallengeError::ResourceNotFoundException(e)) => {
            e.message.as_deref().is_some_and(|m| m.to_ascii_lowercase().contains("device"))
        }
        _ => false,
    }
}

/// `USER_PASSWORD_AUTH`: returns the tokens or the next challenge.
pub async fn sign_in_password(
    client: &Client,
    client_id: &str,
    username: &str,
    password: &str,
    options: &SignInOptions,
) -> Result<SignInStep, SignInError> {
    let mut parameters = auth_parameters(client_id, username, options);
    parameters.insert("PASSWORD".to_owned(), password.to_owned());
    let response = initiate(client, client_id, AuthFlowType::UserPasswordAuth, parameters).await?;
    classify("InitiateAuth", response, username)
}

/// `REFRESH_TOKEN_AUTH`: new tokens from a refresh token. `username` is only used for the
/// `SECRET_HASH` of an app client with a secret.
pub async fn refresh(
    client: &Client,
    client_id: &str,
    refresh_token: &str,
    username: &str,
    options: &SignInOptions,
) -> Result<SignInStep, SignInError> {
    let parameters = refresh_parameters(client_id, refresh_token, username, options);
    let response = initiate(client, client_id, AuthFlowType::RefreshTokenAuth, parameters).await?;
    classify("InitiateAuth", response, username)
}

/// Answers the challenge of a [`SignInStep`] (`RespondToAuthChallenge`) and returns the next step.
pub async fn continue_sign_in(
    client: &Client,
    client_id: &str,
    session: &Session,
    answer: ChallengeAnswer,
) -> Result<SignInStep, SignInError> {
    let username = answer.responses().get("USERNAME").cloned().unwrap_or_default();
    let response = respond(client, client_id, Some(session.0.clone()), answer).await?;
    let name = username_of(&response, &HashMap::new(), &username).to_owned();
    classify("RespondToAuthChallenge", response, &name)
}

/// `ADMIN_USER_PASSWORD_AUTH` (`AdminInitiateAuth`, signed): returns the tokens or the next challenge.
pub async fn admin_sign_in(
    client: &Client,
    user_pool_id: &str,
    client_id: &str,
    username: &str,
    password: &str,
    options: &SignInOptions,
) -> Result<SignInStep, SignInError> {
    let mut parameters = auth_parameters(client_id, username, options);
    parameters.insert("PASSWORD".to_owned(), password.to_owned());
    let response =
        admin_initiate(client, user_pool_id, client_id, AuthFlowType::AdminUserPasswordAuth, parameters)
            .await?;
    classify("AdminInitiateAuth", response, username)
}

/// `REFRESH_TOKEN_AUTH` through `AdminInitiateAuth` (signed).
pub async fn admin_refresh(
    client: &Client,
    user_pool_id: &str,
    client_id: &str,
    refresh_token: &str,
    username: &str,
    options: &SignInOptions,
) -> Result<SignInStep, SignInError> {
    let parameters = refresh_parameters(client_id, refresh_token, username, options);
    let response =
        admin_initiate(client, user_pool_id, client_id, AuthFlowType::RefreshTokenAuth, parameters).await?;
    classify("AdminInitiateAuth", response, username)
}

/// Answers a challenge through `AdminRespondToAuthChallenge` (signed) and returns the next step.
pub async fn admin_continue_sign_in(
    client: &Client,
    user_pool_id: &str,
    client_id: &str,
    session: &Session,
    answer: impl Into<AdminChallengeAnswer>,
) -> Result<SignInStep, SignInError> {
    let answer = answer.into();
    let username = answer.responses().get("USERNAME").cloned().unwrap_or_default();
    let request = AdminRespondToAuthChallengeRequest::from_answer(user_pool_id, client_id, answer)
        .with_session(session.0.clone());
    let response: AuthResponse = client
        .admin_respond_to_auth_challenge(&request)
        .await
        .map_err(SignInError::AdminRespondToAuthChallenge)?
        .into();
    let name = username_of(&response, &HashMap::new(), &username).to_owned();
    classify("AdminRespondToAuthChallenge", response, &name)
}

fn auth_parameters(
    client_id: &str,
    username: &str,
    options: &SignInOptions,
) -> HashMap<::std::string::String, ::std::string::String> {
    let mut parameters = HashMap::new();
    parameters.insert("USERNAME".to_owned(), username.to_owned());
    if let Some(secret) = &options.client_secret {
        parameters.insert("SECRET_HASH".to_owned(), secret_hash(secret, username, client_id));
    }
    if let Some(device) = &options.device {
        parameters.insert("DEVICE_KEY".to_owned(), device.device_key.clone());
    }
    parameters
}

fn refresh_parameters(
    client_id: &str,
    refresh_token: &str,
    username: &str,
    options: &SignInOptions,
) -> HashMap<::std::string::String, ::std::string::String> {
    // The same SECRET_HASH and DEVICE_KEY as a sign-in; the refresh token stands for USERNAME.
    let mut parameters = auth_parameters(client_id, username, options);
    parameters.remove("USERNAME");
    parameters.insert("REFRESH_TOKEN".to_owned(), refresh_token.to_owned());
    parameters
}

async fn respond(
    client: &Client,
    client_id: &str,
    session: Option<::std::string::String>,
    answer: ChallengeAnswer,
) -> Result<AuthResponse, SignInError> {
    let mut request = RespondToAuthChallengeRequest::from_answer(client_id, answer);
    request.session = session;
    Ok(client.respond_to_auth_challenge(&request).await.map_err(SignInError::RespondToAuthChallenge)?.into())
}

/// The username to answer the next challenge with: the challenge's `USERNAME`, else the
/// earlier challenge's, else the one the caller gave.
fn username_of<'a>(
    response: &'a AuthResponse,
    earlier: &'a HashMap<::std::string::String, ::std::string::String>,
    given: &'a str,
) -> &'a str {
    response
        .challenge_parameters
        .as_ref()
        .and_then(|p| p.get("USERNAME"))
        .or_else(|| earlier.get("USERNAME"))
        .map(::std::string::String::as_str)
        .unwrap_or(given)
}

/// Turns a response into a step.
fn classify(
    operation: &'static str,
    response: AuthResponse,
    username: &str,
) -> Result<SignInStep, SignInError> {
    let unexpected = |reason: ::std::string::String| SignInError::UnexpectedResponse { operation, reason };
    let Some(name) = response.challenge_name else {
        return match response.authentication_result {
            Some(tokens) => Ok(SignInStep::Tokens(tokens)),
            None => Err(unexpected("neither a challenge nor tokens".to_owned())),
        };
    };
    let parameters = response.challenge_parameters.unwrap_or_default();
    let username = parameters.get("USERNAME").cloned().unwrap_or_else(|| username.to_owned());
    let session = response.session.map(Session);
    let need_session = |session: Option<Session>| {
        session.ok_or_else(|| unexpected(format!("challenge {} without a Session", name.as_str())))
    };
    let list = |key: &str| -> Result<::std::vec::Vec<::std::string::String>, SignInError> {
        match parameters.get(key) {
            None => Ok(::std::vec::Vec::new()),
            Some(text) => ::cognito_idp_runtime::__private::serde_json::from_str(text)
                .map_err(|_| unexpected(format!("challenge parameter {key} is not a JSON list of strings"))),
        }
    };
    Ok(match name {
        ChallengeNameType::NewPasswordRequired => {
            let required_attributes = list("requiredAttributes")?
                .into_iter()
                .map(|a| a.strip_prefix("userAttributes.").map(str::to_owned).unwrap_or(a))
                .collect();
            let user_attributes = match parameters.get("userAttributes") {
                None => HashMap::new(),
                Some(text) => {
                    ::cognito_idp_runtime::__private::serde_json::from_str::<HashMap<::std::string::String, ::cognito_idp_runtime::__private::serde_json::Value>>(text)
                        .map_err(|_| {
                            unexpected("challenge parameter userAttributes is not a JSON object".to_owned())
                        })?
                        .into_iter()
                        .map(|(k, v)| match v {
                            ::cognito_idp_runtime::__private::serde_json::Value::String(s) => (k, s),
                            other => (k, other.to_string()),
                        })
                        .collect()
                }
            };
            SignInStep::NewPasswordRequired {
                session: need_session(session)?,
                username,
                required_attributes,
                user_attributes,
            }
        }
        ChallengeNameType::SmsMfa => SignInStep::SmsMfa {
            session: need_session(session)?,
            destination: parameters.get("CODE_DELIVERY_DESTINATION").cloned(),
            username,
        },
        ChallengeNameType::SoftwareTokenMfa => {
            SignInStep::SoftwareTokenMfa { session: need_session(session)?, username }
        }
        ChallengeNameType::SelectMfaType => SignInStep::SelectMfaType {
            mfas_can_choose: list("MFAS_CAN_CHOOSE")?,
            session: need_session(session)?,
            username,
        },
        ChallengeNameType::MfaSetup => SignInStep::MfaSetup {
            mfas_can_setup: list("MFAS_CAN_SETUP")?,
            session: need_session(session)?,
            username,
        },
        name => SignInStep::Challenge { name, session, parameters },
    })
}

/// `InitiateAuth` with these parameters.
async fn initiate(
    client: &Client,
    client_id: &str,
    flow: AuthFlowType,
    parameters: HashMap<::std::string::String, ::std::string::String>,
) -> Result<AuthResponse, SignInError> {
    let request = InitiateAuthRequest::new(flow, client_id).with_auth_parameters(parameters);
    Ok(client.initiate_auth(&request).await.map_err(SignInError::InitiateAuth)?.into())
}

/// `AdminInitiateAuth` (signed) with these parameters.
async fn admin_initiate(
    client: &Client,
    user_pool_id: &str,
    client_id: &str,
    flow: AuthFlowType,
    parameters: HashMap<::std::string::String, ::std::string::String>,
) -> Result<AuthResponse, SignInError> {
    let request =
        AdminInitiateAuthRequest::new(user_pool_id, client_id, flow).with_auth_parameters(parameters);
    Ok(client.admin_initiate_auth(&request).await.map_err(SignInError::AdminInitiateAuth)?.into())
}
