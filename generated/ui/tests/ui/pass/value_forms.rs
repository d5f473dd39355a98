//! What values and keys look like in practice: any `Into<String>` expression, evaluated once each
//! in the order written; string keys; a run-time ANSWER; a user variable named `responses`.

use std::cell::RefCell;

use cognito_idp::types::ChallengeNameType;
use cognito_idp::{admin_challenge_responses, challenge_responses};

fn main() {
    // Values of several types, and a variable called `responses` (the macro's own map is hygienic).
    let responses = String::from("jane");
    let code: Box<str> = "123456".into();
    let answer = challenge_responses!(SMS_MFA {
        "USERNAME": responses.clone(),
        SMS_MFA_CODE: code,
        SECRET_HASH: 'x',
    });
    assert_eq!(answer.responses()["USERNAME"], "jane");
    assert_eq!(answer.responses()["SMS_MFA_CODE"], "123456");
    assert_eq!(answer.responses()["SECRET_HASH"], "x");
    assert_eq!(responses, "jane");

    // Evaluated in the order written, each once.
    let order = RefCell::new(Vec::new());
    let next = |name: &'static str| {
        order.borrow_mut().push(name);
        name.to_lowercase()
    };
    let answer = challenge_responses!(PASSWORD_SRP {
        SRP_A: next("SRP_A"),
        USERNAME: next("USERNAME"),
        DEVICE_KEY: next("DEVICE_KEY"),
    });
    assert_eq!(*order.borrow(), ["SRP_A", "USERNAME", "DEVICE_KEY"]);
    assert_eq!(answer.responses().len(), 3);

    // An ANSWER only known at run time is not checked against `when` rules: the service decides.
    let chosen = String::from("WEB_AUTHN");
    let answer =
        challenge_responses!(SELECT_CHALLENGE { USERNAME: "jane", ANSWER: chosen, CREDENTIAL: "{}" });
    assert_eq!(answer.challenge_name(), &ChallengeNameType::SelectChallenge);
    assert_eq!(answer.responses()["ANSWER"], "WEB_AUTHN");

    // The generated macros work through paths and in any expression position.
    let answers = [
        cognito_idp::challenge_responses!(MFA_SETUP { USERNAME: "a" }),
        cognito_idp::challenge_responses! { MFA_SETUP { USERNAME: "b" } },
    ];
    assert_eq!(answers[1].responses()["USERNAME"], "b");
    let admin =
        admin_challenge_responses![ADMIN_NO_SRP_AUTH { USERNAME: "a", PASSWORD: format!("{}!", "pw") }];
    assert_eq!(admin.responses()["PASSWORD"], "pw!");
}
