//! The AWS JSON 1.1 wire layer: requests as Cognito expects them, responses and errors in every
//! form AWS sends them, and bodies that do not fit the model.

use cognito_idp::errors::{InitiateAuthError, RespondToAuthChallengeError};
use cognito_idp::operations::{GlobalSignOut, InitiateAuth, RespondToAuthChallenge};
use cognito_idp::types::{
    AuthFlowType, ChallengeNameType, InitiateAuthRequest, RespondToAuthChallengeRequest,
};
use cognito_idp::wire::{decode_response, encode_request, EncodeError, ResponseError};

const DOCUMENTED_RESPONSE: &str = r#"{"ChallengeParameters":{},"AuthenticationResult":{"AccessToken":"ACCESS_TOKEN","ExpiresIn":3600,"TokenType":"Bearer","RefreshToken":"REFRESH_TOKEN","IdToken":"ID_TOKEN","NewDeviceMetadata":{"DeviceKey":"us-west-2_fec070d2-fa88-424a-8ec8-b26d7198eb23","DeviceGroupKey":"-wt2ha1Zd"}}}"#;

type HeaderPairs = &'static [(&'static str, &'static str)];

fn headers(pairs: &[(&'static str, &'static str)]) -> http::HeaderMap {
    let mut map = http::HeaderMap::new();
    for (name, value) in pairs {
        map.insert(*name, http::HeaderValue::from_static(value));
    }
    map
}

#[test]
fn request_is_a_post_with_target_content_type_and_json_body() {
    let input = InitiateAuthRequest::new(AuthFlowType::UserSrpAuth, "3n4b5urk1ft4fl3mg5e62d9ado")
        .with_auth_parameters([
            ("USERNAME".to_string(), "jane".to_string()),
            ("SRP_A".to_string(), "abc".to_string()),
        ]);
    let request = encode_request::<InitiateAuth>(&input).unwrap();
    assert_eq!(request.method(), http::Method::POST);
    assert_eq!(request.uri(), "/");
    assert_eq!(request.headers()["content-type"], "application/x-amz-json-1.1");
    assert_eq!(request.headers()["x-amz-target"], "AWSCognitoIdentityProviderService.InitiateAuth");
    let body: serde_json::Value = serde_json::from_slice(request.body()).unwrap();
    assert_eq!(
        body,
        serde_json::json!({
            "AuthFlow": "USER_SRP_AUTH",
            "ClientId": "3n4b5urk1ft4fl3mg5e62d9ado",
            "AuthParameters": {"USERNAME": "jane", "SRP_A": "abc"}
        })
    );
}

#[test]
fn invalid_input_is_refused_before_anything_is_built() {
    let input = RespondToAuthChallengeRequest::new("", ChallengeNameType::SmsMfa);
    match encode_request::<RespondToAuthChallenge>(&input) {
        Err(EncodeError::Validation(error)) => assert_eq!(error.path, "ClientId"),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn success_body_decodes_to_the_output() {
    let output =
        decode_response::<RespondToAuthChallenge>(200, &headers(&[]), DOCUMENTED_RESPONSE.as_bytes())
            .unwrap();
    assert_eq!(output.authentication_result.unwrap().expires_in, Some(3600));
}

#[test]
fn empty_success_body_is_an_empty_output() {
    decode_response::<GlobalSignOut>(200, &headers(&[]), b"").unwrap();
    decode_response::<GlobalSignOut>(200, &headers(&[]), b"{}").unwrap();
}

#[test]
fn error_code_comes_from_the_body_or_the_header_in_every_form() {
    let cases: [(HeaderPairs, &[u8]); 4] = [
        (&[], br#"{"__type":"NotAuthorizedException","message":"Incorrect username or password."}"#),
        (
            &[],
            br#"{"__type":"aws.cognito#NotAuthorizedException","Message":"Incorrect username or password."}"#,
        ),
        (
            &[(
                "x-amzn-errortype",
                "NotAuthorizedException:http://internal.amazon.com/coral/com.amazon.coral.service/",
            )],
            br#"{"message":"Incorrect username or password."}"#,
        ),
        (
            &[("x-amzn-errortype", "NotAuthorizedException")],
            br#"{"Message":"Incorrect username or password."}"#,
        ),
    ];
    for (pairs, body) in cases {
        let error = decode_response::<InitiateAuth>(400, &headers(pairs), body).unwrap_err();
        let ResponseError::Service(InitiateAuthError::NotAuthorizedException(exception)) = &error else {
            panic!("{error:?}")
        };
        assert_eq!(exception.message.as_deref(), Some("Incorrect username or password."));
        assert_eq!(error.to_string(), "NotAuthorizedException: Incorrect username or password.");
    }
}

#[test]
fn unmodeled_codes_keep_code_message_and_status() {
    let error = decode_response::<RespondToAuthChallenge>(
        503,
        &headers(&[]),
        br#"{"__type":"ThrottlingException","message":"slow down"}"#,
    )
    .unwrap_err();
    let ResponseError::Service(RespondToAuthChallengeError::Unhandled(unmodeled)) = error else { panic!() };
    assert_eq!(
        (unmodeled.code.as_str(), unmodeled.message.as_deref(), unmodeled.status),
        ("ThrottlingException", Some("slow down"), 503)
    );
}

#[test]
fn bad_bodies_name_the_operation_and_field_and_hide_values() {
    let wrong_type = br#"{"AuthenticationResult":{"ExpiresIn":"secret-looking-value"}}"#;
    let ResponseError::Decode(error) =
        decode_response::<RespondToAuthChallenge>(200, &headers(&[]), wrong_type).unwrap_err()
    else {
        panic!()
    };
    assert_eq!(error.operation, "RespondToAuthChallenge");
    assert_eq!(error.field.as_deref(), Some("AuthenticationResult.ExpiresIn"));
    let message = error.to_string();
    assert!(message.starts_with("cannot decode the RespondToAuthChallenge response (HTTP 200) at `AuthenticationResult.ExpiresIn`"), "{message}");
    assert!(!message.contains("secret-looking-value"), "{message}");

    for body in [&b"<html>"[..], b"{\"ChallengeName\":", b"{} trailing", b"[]"] {
        let error = decode_response::<RespondToAuthChallenge>(200, &headers(&[]), body).unwrap_err();
        assert!(matches!(error, ResponseError::Decode(_)), "{body:?}: {error:?}");
    }
    let error =
        decode_response::<RespondToAuthChallenge>(500, &headers(&[]), b"Internal Server Error").unwrap_err();
    let ResponseError::Decode(error) = error else { panic!() };
    assert!(error.message.contains("without an error code"), "{error}");
}
