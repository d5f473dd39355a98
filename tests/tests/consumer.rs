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
