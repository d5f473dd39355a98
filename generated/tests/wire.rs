//! The generated types against real wire JSON: the documented RespondToAuthChallenge response,
//! requests as Cognito expects them, unknown enum values and fields, redaction and validation.

use std::collections::HashMap;

use cognito_idp::errors::{NotAuthorizedException, RespondToAuthChallengeError};
use cognito_idp::operations::{self, RespondToAuthChallenge};
use cognito_idp::support::{AuthScheme, Operation, ServiceError, REDACTED};
use cognito_idp::types::{
    AdminRespondToAuthChallengeRequest, AttributeType, AuthenticationResultType, ChallengeNameType,
    DeliveryMediumType, RespondToAuthChallengeRequest, RespondToAuthChallengeResponse,
};

/// The response printed in the AWS CLI reference of `respond-to-auth-challenge`.
const DOCUMENTED_RESPONSE: &str = r#"{
    "ChallengeParameters": {},
    "AuthenticationResult": {
        "AccessToken": "ACCESS_TOKEN",
        "ExpiresIn": 3600,
        "TokenType": "Bearer",
        "RefreshToken": "REFRESH_TOKEN",
        "IdToken": "ID_TOKEN",
        "NewDeviceMetadata": {
            "DeviceKey": "us-west-2_fec070d2-fa88-424a-8ec8-b26d7198eb23",
            "DeviceGroupKey": "-wt2ha1Zd"
        }
    }
}"#;

#[test]
fn documented_response_decodes_and_round_trips() {
    let response: RespondToAuthChallengeResponse = serde_json::from_str(DOCUMENTED_RESPONSE).unwrap();
    assert_eq!(response.challenge_parameters, Some(HashMap::new()));
    let result: &AuthenticationResultType = response.authentication_result.as_ref().unwrap();
    assert_eq!(result.access_token.as_deref(), Some("ACCESS_TOKEN"));
    assert_eq!(result.expires_in, Some(3600));
    assert_eq!(result.token_type.as_deref(), Some("Bearer"));
    assert_eq!(result.refresh_token.as_deref(), Some("REFRESH_TOKEN"));
    assert_eq!(result.id_token.as_deref(), Some("ID_TOKEN"));
    let device = result.new_device_metadata.as_ref().unwrap();
    assert_eq!(device.device_key.as_deref(), Some("us-west-2_fec070d2-fa88-424a-8ec8-b26d7198eb23"));
    assert_eq!(device.device_group_key.as_deref(), Some("-wt2ha1Zd"));

    let written = serde_json::to_value(&response).unwrap();
    let original: serde_json::Value = serde_json::from_str(DOCUMENTED_RESPONSE).unwrap();
    assert_eq!(written, original, "unset members must be left out, set ones kept as received");
}

#[test]
fn tokens_and_session_are_redacted_in_debug() {
    let mut response: RespondToAuthChallengeResponse = serde_json::from_str(DOCUMENTED_RESPONSE).unwrap();
    response.session = Some("SESSION_SECRET".into());
    let printed = format!("{response:?}");
    for secret in ["ACCESS_TOKEN", "REFRESH_TOKEN", "ID_TOKEN", "SESSION_SECRET"] {
        assert!(!printed.contains(secret), "{secret} leaked: {printed}");
    }
    assert!(printed.contains(REDACTED));
    assert!(printed.contains("Bearer"), "non-sensitive members stay visible: {printed}");
}

#[test]
fn request_serializes_with_wire_names_and_leaves_unset_members_out() {
    let request = RespondToAuthChallengeRequest::new(
        "3n4b5urk1ft4fl3mg5e62d9ado",
        ChallengeNameType::NewPasswordRequired,
    )
    .with_session("SESSION_TOKEN_FROM_INITIATE_AUTH")
    .with_challenge_responses([
        ("USERNAME".to_string(), "jane@example.com".to_string()),
        ("NEW_PASSWORD".to_string(), "password".to_string()),
    ]);
    request.validate().unwrap();
    // The CLI page's placeholder is shorter than the model's 20-character minimum of Session.
    let placeholder = request.clone().with_session("SESSION_TOKEN");
    assert_eq!(
        placeholder.validate().unwrap_err().to_string(),
        "`Session` has length 13, below the minimum length 20"
    );
    let json = serde_json::to_value(&request).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "ClientId": "3n4b5urk1ft4fl3mg5e62d9ado",
            "ChallengeName": "NEW_PASSWORD_REQUIRED",
            "Session": "SESSION_TOKEN_FROM_INITIATE_AUTH",
            "ChallengeResponses": {"USERNAME": "jane@example.com", "NEW_PASSWORD": "password"}
        })
    );
    let printed = format!("{request:?}");
    assert!(
        !printed.contains("password\"")
            && !printed.contains("SESSION_TOKEN_FROM")
            && !printed.contains("3n4b5"),
        "{printed}"
    );
}

#[test]
fn admin_request_serializes() {
    let request =
        AdminRespondToAuthChallengeRequest::new("us-east-1_AbCdEfGhI", "client", ChallengeNameType::SmsMfa)
            .with_challenge_responses([
                ("USERNAME".to_string(), "jane".to_string()),
                ("SMS_MFA_CODE".to_string(), "123456".to_string()),
            ]);
    request.validate().unwrap();
    let json = serde_json::to_value(&request).unwrap();
    assert_eq!(json["UserPoolId"], "us-east-1_AbCdEfGhI");
    assert_eq!(json["ChallengeName"], "SMS_MFA");
    assert_eq!(json["ChallengeResponses"]["SMS_MFA_CODE"], "123456");
}

#[test]
fn unknown_enum_values_round_trip_unchanged() {
    let parsed: ChallengeNameType = serde_json::from_str("\"BRAND_NEW_CHALLENGE\"").unwrap();
    assert!(matches!(parsed, ChallengeNameType::Unknown(_)));
    assert_eq!(parsed.as_str(), "BRAND_NEW_CHALLENGE");
    assert_eq!(serde_json::to_string(&parsed).unwrap(), "\"BRAND_NEW_CHALLENGE\"");
    let known: ChallengeNameType = "PASSWORD_VERIFIER".parse().unwrap();
    assert_eq!(known, ChallengeNameType::PasswordVerifier);
    assert_eq!(known.to_string(), "PASSWORD_VERIFIER");
    assert_eq!(ChallengeNameType::VALUES.len(), 16);
    for value in ChallengeNameType::VALUES {
        let parsed = ChallengeNameType::from(*value);
        assert!(!matches!(parsed, ChallengeNameType::Unknown(_)), "{value}");
        assert_eq!(parsed.as_str(), *value);
    }
    assert_eq!(DeliveryMediumType::from("EMAIL"), DeliveryMediumType::Email);
}

#[test]
fn unknown_fields_are_ignored() {
    let response: RespondToAuthChallengeResponse =
        serde_json::from_str(r#"{"ChallengeName":"SMS_MFA","FutureField":{"x":[1,2]},"Session":"s"}"#)
            .unwrap();
    assert_eq!(response.challenge_name, Some(ChallengeNameType::SmsMfa));
}

#[test]
fn missing_required_member_is_a_decode_error_naming_it() {
    let err = serde_json::from_str::<AttributeType>(r#"{"Value":"x"}"#).unwrap_err();
    assert!(err.to_string().contains("missing field `Name`"), "{err}");
}

#[test]
fn validate_reports_the_field_path_and_constraint() {
    let empty_client = RespondToAuthChallengeRequest::new("", ChallengeNameType::SmsMfa);
    let err = empty_client.validate().unwrap_err();
    assert_eq!(err.path, "ClientId");
    assert!(err.to_string().contains("below the minimum length 1"), "{err}");

    let bad_pattern = RespondToAuthChallengeRequest::new("client id with spaces", ChallengeNameType::SmsMfa);
    let err = bad_pattern.validate().unwrap_err();
    assert!(err.to_string().starts_with("`ClientId` does not match the pattern"), "{err}");
    assert!(!err.to_string().contains("with spaces"), "the value must not appear: {err}");

    let attribute = AttributeType::new("").with_value("v");
    let request = cognito_idp::types::AdminUpdateUserAttributesRequest::new(
        "us-east-1_AbCdEfGhI",
        "jane",
        vec![AttributeType::new("email"), attribute],
    );
    let err = request.validate().unwrap_err();
    assert_eq!(err.path, "UserAttributes[1].Name");
}

#[test]
fn operation_descriptors_carry_target_and_signing() {
    assert_eq!(RespondToAuthChallenge::NAME, "RespondToAuthChallenge");
    assert_eq!(RespondToAuthChallenge::TARGET, "AWSCognitoIdentityProviderService.RespondToAuthChallenge");
    assert_eq!(RespondToAuthChallenge::AUTH, AuthScheme::None);
    assert_eq!(<operations::AdminRespondToAuthChallenge as Operation>::AUTH, AuthScheme::SigV4);
    assert_eq!(operations::ALL.len(), 141);
    assert_eq!(operations::ALL.iter().filter(|o| o.auth == AuthScheme::None).count(), 34);
    assert_eq!(operations::SERVICE.target_prefix, "AWSCognitoIdentityProviderService");
    assert_eq!(operations::SERVICE.json_version, "1.1");
}

#[test]
fn error_enums_decode_modeled_and_unmodeled_errors() {
    let body = br#"{"__type":"NotAuthorizedException","message":"Incorrect username or password."}"#;
    let error = RespondToAuthChallengeError::from_code("NotAuthorizedException", body, 400);
    assert!(matches!(error, RespondToAuthChallengeError::NotAuthorizedException(_)));
    assert_eq!(error.code(), "NotAuthorizedException");
    assert_eq!(error.message(), Some("Incorrect username or password."));
    assert_eq!(error.to_string(), "NotAuthorizedException: Incorrect username or password.");
    assert!(std::error::Error::source(&error).is_some());

    let capital = br#"{"Message":"Capitalized."}"#;
    let error = RespondToAuthChallengeError::from_code("NotAuthorizedException", capital, 400);
    assert_eq!(error.message(), Some("Capitalized."));

    let error = RespondToAuthChallengeError::from_code("SomethingNewException", br#"{"message":"new"}"#, 418);
    let RespondToAuthChallengeError::Unhandled(unmodeled) = &error else { panic!("{error:?}") };
    assert_eq!(
        (unmodeled.code.as_str(), unmodeled.message.as_deref(), unmodeled.status),
        ("SomethingNewException", Some("new"), 418)
    );
    assert!(RespondToAuthChallengeError::CODES.contains(&NotAuthorizedException::CODE));
    assert_eq!(NotAuthorizedException::new().with_message("m").code(), "NotAuthorizedException");
}

/// A modeled error whose code comes only in `X-Amzn-ErrorType`, with an empty body, is still
/// that error (it was `Unhandled`).
#[test]
fn a_modeled_error_with_an_empty_body_decodes_to_its_variant() {
    for body in [&b""[..], b"  \n"] {
        let error = RespondToAuthChallengeError::from_code("NotAuthorizedException", body, 400);
        assert!(
            matches!(&error, RespondToAuthChallengeError::NotAuthorizedException(e) if e.message.is_none()),
            "{error:?}"
        );
    }
    let mut headers = http::HeaderMap::new();
    headers
        .insert("x-amzn-errortype", http::HeaderValue::from_static("NotAuthorizedException:http://internal"));
    let decoded = cognito_idp::wire::decode_response::<RespondToAuthChallenge>(400, &headers, b"");
    assert!(
        matches!(
            decoded,
            Err(cognito_idp::wire::ResponseError::Service(
                RespondToAuthChallengeError::NotAuthorizedException(_)
            ))
        ),
        "{decoded:?}"
    );
}
