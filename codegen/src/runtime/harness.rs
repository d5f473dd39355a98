//! The command line, which outputs still embed, compiled here once for its unit tests, beside
//! minimal stand-ins of the generated modules it uses (`operations`, `cli_commands`, `client`)
//! and the runtime's modules, which outputs re-export.
#![allow(dead_code)] // the generated crates are the users of most of it

pub use cognito_idp_runtime::support;
#[cfg(test)]
pub use cognito_idp_runtime::wire;

pub mod operations {
    pub const SERVICE: super::support::ServiceInfo = super::support::ServiceInfo {
        full_name: "Test",
        endpoint_prefix: "test",
        signing_name: "test",
        target_prefix: "Test",
        json_version: "1.1",
        api_version: "2020-01-01",
    };
}

#[cfg(test)]
#[path = "cli.rs"]
pub mod cli;

/// The client the command line builds (for the stand-in `operations` above).
#[cfg(test)]
pub mod client {
    pub use cognito_idp_runtime::client::{is_valid_endpoint, Client, ClientBuilder};
}

/// A small `cli_commands` as the generator emits it: the two challenge commands of the seed
/// pages, a command with scalar, boolean and list options, and a slice of the challenge schema.
#[cfg(test)]
pub mod cli_commands {
    use super::cli::{Command, Member, Shape};

    static STRING: Shape = Shape::String;
    static STRING_MAP: Shape = Shape::Map(&STRING);
    static CHALLENGE_NAME: Shape = Shape::Enum(&["SMS_MFA", "NEW_PASSWORD_REQUIRED", "ADMIN_NO_SRP_AUTH"]);
    static ANALYTICS: Shape = Shape::Structure(&[Member {
        name: "AnalyticsEndpointId",
        option: "analytics-endpoint-id",
        required: false,
        shape: &STRING,
    }]);
    pub static HEADER: &[Member] = &[
        Member { name: "headerName", option: "header-name", required: false, shape: &STRING },
        Member { name: "headerValue", option: "header-value", required: false, shape: &STRING },
    ];
    static HEADER_SHAPE: Shape = Shape::Structure(HEADER);
    static HEADERS: Shape = Shape::List(&HEADER_SHAPE);
    pub static CONTEXT_DATA: &[Member] = &[
        Member { name: "IpAddress", option: "ip-address", required: true, shape: &STRING },
        Member { name: "ServerName", option: "server-name", required: true, shape: &STRING },
        Member { name: "ServerPath", option: "server-path", required: true, shape: &STRING },
        Member { name: "HttpHeaders", option: "http-headers", required: true, shape: &HEADERS },
        Member { name: "EncodedData", option: "encoded-data", required: false, shape: &STRING },
    ];
    static CONTEXT_DATA_SHAPE: Shape = Shape::Structure(CONTEXT_DATA);
    static TOKENS: Shape = Shape::Structure(&[
        Member { name: "AccessToken", option: "access-token", required: false, shape: &STRING },
        Member { name: "ExpiresIn", option: "expires-in", required: false, shape: &INTEGER },
    ]);
    static INTEGER: Shape = Shape::Integer;
    static BOOLEAN: Shape = Shape::Boolean;
    static TIMESTAMP: Shape = Shape::Timestamp;
    static STRINGS: Shape = Shape::List(&STRING);
    pub static FLAGS: &[Member] = &[
        Member { name: "Count", option: "count", required: false, shape: &INTEGER },
        Member { name: "Names", option: "names", required: false, shape: &STRINGS },
        Member { name: "Enabled", option: "enabled", required: false, shape: &BOOLEAN },
        Member { name: "When", option: "when", required: false, shape: &TIMESTAMP },
    ];
    static OUTPUT: &[Member] = &[
        Member { name: "ChallengeName", option: "challenge-name", required: false, shape: &CHALLENGE_NAME },
        Member { name: "Session", option: "session", required: false, shape: &STRING },
        Member {
            name: "ChallengeParameters",
            option: "challenge-parameters",
            required: false,
            shape: &STRING_MAP,
        },
        Member {
            name: "AuthenticationResult",
            option: "authentication-result",
            required: false,
            shape: &TOKENS,
        },
    ];

    pub static COMMANDS: &[Command] = &[
        Command {
            name: "respond-to-auth-challenge",
            operation: "RespondToAuthChallenge",
            input: &[
                Member { name: "ClientId", option: "client-id", required: true, shape: &STRING },
                Member {
                    name: "ChallengeName",
                    option: "challenge-name",
                    required: true,
                    shape: &CHALLENGE_NAME,
                },
                Member { name: "Session", option: "session", required: false, shape: &STRING },
                Member {
                    name: "ChallengeResponses",
                    option: "challenge-responses",
                    required: false,
                    shape: &STRING_MAP,
                },
                Member {
                    name: "AnalyticsMetadata",
                    option: "analytics-metadata",
                    required: false,
                    shape: &ANALYTICS,
                },
                Member {
                    name: "ClientMetadata",
                    option: "client-metadata",
                    required: false,
                    shape: &STRING_MAP,
                },
            ],
            output: OUTPUT,
        },
        Command {
            name: "admin-respond-to-auth-challenge",
            operation: "AdminRespondToAuthChallenge",
            input: &[
                Member { name: "UserPoolId", option: "user-pool-id", required: true, shape: &STRING },
                Member { name: "ClientId", option: "client-id", required: true, shape: &STRING },
                Member {
                    name: "ChallengeName",
                    option: "challenge-name",
                    required: true,
                    shape: &CHALLENGE_NAME,
                },
                Member {
                    name: "ChallengeResponses",
                    option: "challenge-responses",
                    required: false,
                    shape: &STRING_MAP,
                },
                Member { name: "Session", option: "session", required: false, shape: &STRING },
                Member {
                    name: "AnalyticsMetadata",
                    option: "analytics-metadata",
                    required: false,
                    shape: &ANALYTICS,
                },
                Member {
                    name: "ContextData",
                    option: "context-data",
                    required: false,
                    shape: &CONTEXT_DATA_SHAPE,
                },
            ],
            output: OUTPUT,
        },
        Command { name: "test-flags", operation: "TestFlags", input: FLAGS, output: &[] },
    ];

    pub static CHALLENGE_SCHEMA: &str = concat!(
        "SMS_MFA { variant SmsMfa; operations [user admin]; required [USERNAME SMS_MFA_CODE]; ",
        "optional [SECRET_HASH]; constraint SMS_MFA_CODE { min 6; max 6; pattern \"[0-9]+\"; } } ",
        "NEW_PASSWORD_REQUIRED { variant NewPasswordRequired; operations [user admin]; ",
        "required [USERNAME NEW_PASSWORD]; optional [SECRET_HASH DEVICE_KEY]; prefixes [\"userAttributes.\"]; } ",
        "ADMIN_NO_SRP_AUTH { variant AdminNoSrpAuth; operations [admin]; required [USERNAME PASSWORD]; ",
        "optional [SECRET_HASH]; }",
    );

    pub async fn dispatch(
        _client: &super::client::Client,
        operation: &str,
        _input: serde_json::Value,
    ) -> Result<serde_json::Value, super::cli::DispatchError> {
        Err(super::cli::DispatchError::Failed(format!("no service in tests ({operation})")))
    }
}
