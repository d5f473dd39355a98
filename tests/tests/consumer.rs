//! A crate that generates its bindings in `build.rs` and `include!`s them inside modules can
//! build, validate and serialize both challenge requests, from the full model and from a subset.

use cognito_consumer::{auth_only, cognito, representative};

#[test]
fn full_model_builds_and_serializes_both_challenge_requests() {
    use cognito::types::{
        AdminRespondToAuthChallengeRequest, ChallengeNameType, RespondToAuthChallengeRequest,
    };

    let request =
        RespondToAuthChallengeRequest::new("3n4b5urk1ft4fl3mg5e62d9ado", ChallengeNameType::SoftwareTokenMfa)
            .with_session("a-session-of-at-least-twenty-characters")
            .with_challenge_responses([
                ("USERNAME".to_string(), "jane".to_string()),
                ("SOFTWARE_TOKEN_MFA_CODE".to_string(), "123456".to_string()),
            ]);
    request.validate().unwrap();
    let json = serde_json::to_value(&request).unwrap();
    assert_eq!(json["ChallengeName"], "SOFTWARE_TOKEN_MFA");
    assert_eq!(json["ChallengeResponses"]["SOFTWARE_TOKEN_MFA_CODE"], "123456");

    let admin = AdminRespondToAuthChallengeRequest::new(
        "us-east-1_AbCdEfGhI",
        "3n4b5urk1ft4fl3mg5e62d9ado",
        ChallengeNameType::AdminNoSrpAuth,
    )
    .with_challenge_responses([
        ("USERNAME".to_string(), "jane".to_string()),
        ("PASSWORD".to_string(), "hunter2!".to_string()),
    ]);
    admin.validate().unwrap();
    let json = serde_json::to_value(&admin).unwrap();
    assert_eq!(json["UserPoolId"], "us-east-1_AbCdEfGhI");
    assert_eq!(json["ChallengeName"], "ADMIN_NO_SRP_AUTH");
    assert!(!format!("{admin:?}").contains("hunter2"));
}

/// SRP as a `build.rs` user reaches it: `cognito::srp` is the runtime's SRP client, and its plain
/// results convert into the generated answer and request types, then go on the wire.
#[test]
fn srp_answers_and_device_verifiers_become_requests() {
    use cognito::srp::{DeviceVerifier, Timestamp, UserSrp};
    use cognito::types::{
        AdminRespondToAuthChallengeRequest, ChallengeNameType, ConfirmDeviceRequest,
        RespondToAuthChallengeRequest,
    };

    let srp = UserSrp::with_private_key("us-east-1_AbCdEfGhI", &[7; 32])
        .unwrap()
        .with_client_secret("client", "secret");
    let parameters: std::collections::HashMap<String, String> = [
        ("SALT", "a1b2c3"),
        ("SRP_B", "2f"),
        ("SECRET_BLOCK", "c2VjcmV0LWJsb2Nr"),
        ("USER_ID_FOR_SRP", "jane-id"),
        ("USERNAME", "jane"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    let answer = srp.password_verifier("Hunter-22", &parameters, Timestamp::from_unix(0)).unwrap();
    let request = RespondToAuthChallengeRequest::from_answer("client", answer.clone());
    assert_eq!(request.challenge_name, ChallengeNameType::PasswordVerifier);
    assert_eq!(request.challenge_responses.as_ref(), Some(answer.responses()));
    assert_eq!(answer.responses()["TIMESTAMP"], "Thu Jan 1 00:00:00 UTC 1970");
    let http =
        cognito::wire::encode_request::<cognito::operations::RespondToAuthChallenge>(&request).unwrap();
    let body: serde_json::Value = serde_json::from_slice(http.body()).unwrap();
    assert_eq!(body["ChallengeName"], "PASSWORD_VERIFIER");
    assert_eq!(
        body["ChallengeResponses"]["PASSWORD_CLAIM_SIGNATURE"],
        answer.responses()["PASSWORD_CLAIM_SIGNATURE"]
    );
    assert!(body["ChallengeResponses"]["SECRET_HASH"].is_string());

    let admin = AdminRespondToAuthChallengeRequest::from_answer("us-east-1_AbCdEfGhI", "client", answer);
    assert_eq!(admin.challenge_name, ChallengeNameType::PasswordVerifier);

    let (password, config) = DeviceVerifier::generate("us-east-1_group", "us-east-1_device").unwrap();
    assert!(!format!("{password:?}").contains(password.expose_secret()));
    let confirm = ConfirmDeviceRequest::new("access-token", "us-east-1_device")
        .with_device_secret_verifier_config(config.clone());
    let sent = confirm.device_secret_verifier_config.unwrap();
    assert_eq!(sent.password_verifier.as_deref(), Some(config.password_verifier.as_str()));
    assert_eq!(sent.salt.as_deref(), Some(config.salt.as_str()));
}

#[test]
fn operation_subset_holds_just_those_operations() {
    use auth_only::support::Operation;
    assert_eq!(auth_only::operations::ALL.len(), 2);
    assert_eq!(
        auth_only::operations::AdminRespondToAuthChallenge::TARGET,
        "AWSCognitoIdentityProviderService.AdminRespondToAuthChallenge"
    );
    let request = auth_only::types::RespondToAuthChallengeRequest::new(
        "client",
        auth_only::types::ChallengeNameType::Password,
    );
    assert_eq!(serde_json::to_value(&request).unwrap()["ChallengeName"], "PASSWORD");
}

#[test]
fn representative_fixture_round_trips_every_kind_of_shape() {
    use representative::support::{Blob, DateTime};
    use representative::types::{Choice, PutThingRequest, ThingKind, TreeNode};

    let request = PutThingRequest::new("thing", ThingKind::AwsDynamoDbTable)
        .with_type("keyword")
        .with_tags([("env".to_string(), "prod".to_string())])
        .with_tree(TreeNode::new().with_label("root").with_parent(TreeNode::new().with_label("up")))
        .with_choice(Choice::Number(3))
        .with_payload(serde_json::json!({"free": ["form", 1]}))
        .with_data(Blob::from(*b"bytes"))
        .with_when(DateTime::from_secs(1_700_000_000))
        .with_when_text(DateTime::from_secs(0))
        .with_ratio(1.0);
    request.validate().unwrap();
    let json = serde_json::to_value(&request).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "Name": "thing",
            "Kind": "AWS::DynamoDB::Table",
            "type": "keyword",
            "Tags": {"env": "prod"},
            "Tree": {"Label": "root", "Parent": {"Label": "up"}},
            "Choice": {"Number": 3},
            "Payload": {"free": ["form", 1]},
            "Data": "Ynl0ZXM=",
            "When": 1_700_000_000,
            "WhenText": "1970-01-01T00:00:00Z",
            "Ratio": 1.0
        })
    );
    let back: PutThingRequest = serde_json::from_value(json).unwrap();
    assert_eq!(back, request);
}

#[test]
fn representative_validation_follows_lists_maps_and_recursion() {
    use representative::types::{Part, PutThingRequest, ThingKind, TreeNode};

    let base = PutThingRequest::new("thing", ThingKind::Small);
    let deep = base.clone().with_tree(TreeNode::new().with_parent(TreeNode::new().with_label("")));
    assert_eq!(deep.validate().unwrap_err().path, "Tree.Parent.Label");
    let items = base.clone().with_parts(vec![Part::new(1), Part::new(11)]);
    assert_eq!(items.validate().unwrap_err().path, "Parts[1].Id");
    let keys = base.clone().with_tags([("UPPER".to_string(), "v".to_string())]);
    assert_eq!(keys.validate().unwrap_err().path, "Tags[\"UPPER\"]");
    let empty_list = base.clone().with_parts(Vec::<Part>::new());
    assert!(empty_list.validate().unwrap_err().to_string().contains("below the minimum length 1"));
    let ratio = base.with_ratio(2.0);
    assert_eq!(ratio.validate().unwrap_err().to_string(), "`Ratio` is above the maximum 1.5");
}

#[test]
fn representative_redaction_reaches_nested_lists_and_maps() {
    use representative::types::{Credentials, PutThingRequest, SignInRequest, ThingKind, ThingSummary};

    let sign_in =
        SignInRequest::new("hunter22").with_parameters([("k".to_string(), "secret-value".to_string())]);
    let printed = format!("{sign_in:?}");
    assert!(!printed.contains("hunter22") && !printed.contains("secret-value"), "{printed}");
    let request =
        PutThingRequest::new("thing", ThingKind::Small).with_secret_list(vec!["in-a-list".to_string()]);
    assert!(!format!("{request:?}").contains("in-a-list"));
    let nested = ThingSummary::new("n")
        .with_credentials(Credentials::new().with_access_token("tok-123").with_token_type("Bearer"));
    let printed = format!("{nested:?}");
    assert!(!printed.contains("tok-123") && printed.contains("Bearer"), "{printed}");
}

#[test]
fn representative_errors_and_operations() {
    use representative::errors::{InternalFault, PutThingError};
    use representative::support::{AuthScheme, Operation};

    assert_eq!(InternalFault::CODE, "InternalFailure");
    const { assert!(InternalFault::FAULT) };
    assert_eq!(InternalFault::HTTP_STATUS, Some(500));
    assert_eq!(PutThingError::CODES, &["ThingNotFoundException", "InternalFailure"]);
    let error = PutThingError::from_code("InternalFailure", br#"{"Message":"boom"}"#, 500);
    assert_eq!(error.to_string(), "InternalFailure: boom");
    assert_eq!(representative::operations::SignIn::AUTH, AuthScheme::None);
    assert_eq!(representative::operations::PutThing::TARGET, "RepresentativeService.PutThing");
}
