//! Unit tests on `proc_macro2` tokens. Spans are checked through `span-locations`: each error's
//! span is mapped back to the text it covers in the test's input.

use std::str::FromStr;

use proc_macro2::TokenStream;

use super::*;

/// A cut-down Cognito schema exercising every rule.
const SCHEMA: &str = r#"
    SMS_MFA {
        variant SmsMfa;
        operations [user admin];
        required [USERNAME SMS_MFA_CODE];
        optional [SECRET_HASH DEVICE_KEY];
    }
    SOFTWARE_TOKEN_MFA {
        variant SoftwareTokenMfa;
        operations [user admin];
        required [USERNAME SOFTWARE_TOKEN_MFA_CODE];
        optional [SECRET_HASH DEVICE_KEY];
        constraint SOFTWARE_TOKEN_MFA_CODE { min 6; max 6; pattern "[0-9]+"; }
    }
    SELECT_MFA_TYPE {
        variant SelectMfaType;
        operations [user admin];
        required [USERNAME ANSWER];
        optional [SECRET_HASH DEVICE_KEY];
        answers ["SMS_MFA" "SOFTWARE_TOKEN_MFA" "EMAIL_OTP"];
    }
    SELECT_CHALLENGE {
        variant SelectChallenge;
        operations [user admin];
        required [USERNAME ANSWER];
        optional [SECRET_HASH PASSWORD SRP_A CREDENTIAL];
        answers ["PASSWORD" "PASSWORD_SRP" "WEB_AUTHN" "EMAIL_OTP" "SMS_OTP"];
        when "PASSWORD" { required [PASSWORD]; forbidden [CREDENTIAL SRP_A]; }
        when "WEB_AUTHN" { required [CREDENTIAL]; forbidden [PASSWORD SRP_A]; }
        constraint PASSWORD { min 1; max 256; }
        constraint SECRET_HASH { max 128; pattern "[\\w+=/]+"; }
        constraint SRP_A { pattern "(unclosed"; }
    }
    NEW_PASSWORD_REQUIRED {
        variant NewPasswordRequired;
        operations [user admin];
        required [USERNAME NEW_PASSWORD];
        optional [SECRET_HASH];
        prefixes ["userAttributes."];
        answers [];
    }
    ADMIN_NO_SRP_AUTH {
        variant AdminNoSrpAuth;
        operations [admin];
        required [USERNAME PASSWORD];
        optional [SECRET_HASH];
    }
    USER_ONLY {
        variant UserOnly;
        operations [user];
        required [];
        optional [];
    }
"#;

fn invocation(operation: &str, user: &str) -> String {
    format!("@root {{ ::cognito_idp }} @operation {operation} @schema {{ {SCHEMA} }} @input {{ {user} }}")
}

fn tokens(text: &str) -> TokenStream {
    TokenStream::from_str(text).expect("test input tokenizes")
}

/// The text a span covers (single line).
fn covered(source: &str, span: proc_macro2::Span) -> String {
    let (start, end) = (span.start(), span.end());
    let line = source.lines().nth(start.line - 1).unwrap_or("");
    if start.line != end.line {
        return format!("<multi-line from {line:?}>");
    }
    line.chars().skip(start.column).take(end.column.saturating_sub(start.column)).collect()
}

/// Every error of the user's part as (message, covered text); empty on success.
fn errors_for(operation: &str, user: &str) -> Vec<(String, String)> {
    let source = invocation(operation, user);
    let invocation = parse::invocation(tokens(&source)).expect("schema parses");
    let result = parse::responses(invocation.input.clone())
        .and_then(|responses| check::check(&invocation.schema, invocation.operation, &responses).map(|_| ()));
    match result {
        Ok(()) => Vec::new(),
        Err(error) => {
            error.messages().map(|(span, message)| (message.clone(), covered(&source, *span))).collect()
        }
    }
}

fn errors(user: &str) -> Vec<(String, String)> {
    errors_for("user", user)
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(m, t)| (m.to_string(), t.to_string())).collect()
}

fn normalize(tokens: TokenStream) -> String {
    tokens.to_string().split_whitespace().collect()
}

// --- success ------------------------------------------------------------------------------------

#[test]
fn expands_to_a_block_in_the_users_order() {
    let output =
        expand(tokens(&invocation("user", r#"SMS_MFA { SMS_MFA_CODE: code.trim(), USERNAME: "alice", }"#)));
    let expected = tokens(
        r#"{
            let mut responses = ::std::collections::HashMap::<::std::string::String, ::std::string::String>::with_capacity(2usize);
            responses.insert(::std::string::String::from("SMS_MFA_CODE"), ::std::convert::Into::<::std::string::String>::into(code.trim()));
            responses.insert(::std::string::String::from("USERNAME"), ::std::convert::Into::<::std::string::String>::into("alice"));
            ::cognito_idp::challenge::ChallengeAnswer::__from_checked_macro(::cognito_idp::types::ChallengeNameType::SmsMfa, responses)
        }"#,
    );
    assert_eq!(normalize(output), normalize(expected));
}

#[test]
fn admin_expands_to_admin_answer() {
    let output =
        normalize(expand(tokens(&invocation("admin", "ADMIN_NO_SRP_AUTH { USERNAME: u, PASSWORD: p }"))));
    assert!(output.contains(
        "::cognito_idp::challenge::AdminChallengeAnswer::__from_checked_macro(::cognito_idp::types::ChallengeNameType::AdminNoSrpAuth"
    ), "{output}");
    assert!(!output.contains("compile_error"), "{output}");
}

#[test]
fn the_local_map_is_hygienic() {
    // Outside a compiler every span prints alike, so this checks that the user's `responses` is
    // kept as written and that the macro's own four are one distinct (mixed-site) identifier.
    let source = invocation("user", "SMS_MFA { USERNAME: responses, SMS_MFA_CODE: c }");
    let output = expand(tokens(&source));
    fn walk(stream: TokenStream, found: &mut Vec<proc_macro2::Ident>) {
        for tree in stream {
            match tree {
                proc_macro2::TokenTree::Group(g) => walk(g.stream(), found),
                proc_macro2::TokenTree::Ident(i) if i == "responses" => found.push(i),
                _ => {}
            }
        }
    }
    let mut found = Vec::new();
    walk(output, &mut found);
    let users: Vec<_> = found.iter().filter(|i| covered(&source, i.span()) == "responses").collect();
    assert_eq!((found.len(), users.len()), (5, 1));
}

#[test]
fn accepts_the_valid_forms() {
    for user in [
        "SMS_MFA { USERNAME: u, SMS_MFA_CODE: c }",
        "SMS_MFA { \"USERNAME\": u, SMS_MFA_CODE: c, }",
        "SMS_MFA { USERNAME: u, SMS_MFA_CODE: if x { a } else { b }, SECRET_HASH: Foo { x: 1 }.h() }",
        "NEW_PASSWORD_REQUIRED { USERNAME: u, NEW_PASSWORD: p, \"userAttributes.name\": n }",
        "SOFTWARE_TOKEN_MFA { USERNAME: u, SOFTWARE_TOKEN_MFA_CODE: \"123456\" }",
        "SOFTWARE_TOKEN_MFA { USERNAME: u, SOFTWARE_TOKEN_MFA_CODE: code }",
        "SELECT_MFA_TYPE { USERNAME: u, ANSWER: \"EMAIL_OTP\" }",
        "SELECT_MFA_TYPE { USERNAME: u, ANSWER: answer }",
        "SELECT_CHALLENGE { USERNAME: u, ANSWER: \"PASSWORD\", PASSWORD: p }",
        "SELECT_CHALLENGE { USERNAME: u, ANSWER: \"WEB_AUTHN\", CREDENTIAL: c }",
        "SELECT_CHALLENGE { USERNAME: u, ANSWER: \"EMAIL_OTP\" }",
        "SELECT_CHALLENGE { USERNAME: u, ANSWER: \"PASSWORD\", PASSWORD: \"x\", SECRET_HASH: \"ab+/=\" }",
        // A pattern that does not compile is not checked.
        "SELECT_CHALLENGE { USERNAME: u, ANSWER: \"EMAIL_OTP\", SRP_A: \"anything\" }",
        "USER_ONLY {}",
    ] {
        assert_eq!(errors(user), Vec::new(), "{user}");
    }
}

// --- 1. unknown challenge -----------------------------------------------------------------------

#[test]
fn unknown_challenge_with_suggestion() {
    assert_eq!(
        errors("SMS_MAF { USERNAME: u }"),
        pairs(&[("unknown challenge; did you mean `SMS_MFA`?", "SMS_MAF")])
    );
}

#[test]
fn unknown_challenge_lists_the_operations_challenges() {
    assert_eq!(
        errors("NOTHING_LIKE_IT {}"),
        pairs(&[(
            "unknown challenge; expected one of `SMS_MFA`, `SOFTWARE_TOKEN_MFA`, \
             `SELECT_MFA_TYPE`, `SELECT_CHALLENGE`, `NEW_PASSWORD_REQUIRED`, `USER_ONLY`",
            "NOTHING_LIKE_IT"
        )])
    );
}

// --- 2. wrong operation -------------------------------------------------------------------------

#[test]
fn admin_only_challenge_in_user_macro() {
    assert_eq!(
        errors("ADMIN_NO_SRP_AUTH { USERNAME: u, PASSWORD: p }"),
        pairs(&[(
            "challenge `ADMIN_NO_SRP_AUTH` is answered only with AdminRespondToAuthChallenge: use \
             `admin_challenge_responses!`",
            "ADMIN_NO_SRP_AUTH"
        )])
    );
}

#[test]
fn user_only_challenge_in_admin_macro() {
    assert_eq!(
        errors_for("admin", "USER_ONLY {}"),
        pairs(&[(
            "challenge `USER_ONLY` is answered only with RespondToAuthChallenge: use `challenge_responses!`",
            "USER_ONLY"
        )])
    );
}

// --- 3. unknown key -----------------------------------------------------------------------------

#[test]
fn unknown_key_with_suggestion() {
    assert_eq!(
        errors("SMS_MFA { USERNAME: u, SMS_CODE: c }"),
        pairs(&[
            ("this key is not a key of challenge `SMS_MFA`; did you mean `SMS_MFA_CODE`?", "SMS_CODE"),
            ("challenge `SMS_MFA` is missing required key `SMS_MFA_CODE`", "SMS_MFA"),
        ])
    );
}

#[test]
fn unknown_key_lists_the_keys() {
    assert_eq!(
        errors("SMS_MFA { USERNAME: u, SMS_MFA_CODE: c, \"banana\": b }"),
        pairs(&[(
            "this key is not a key of challenge `SMS_MFA`; expected one of `USERNAME`, `SMS_MFA_CODE`, \
             `SECRET_HASH`, `DEVICE_KEY`",
            "\"banana\""
        )])
    );
}

#[test]
fn unknown_key_mentions_prefixes_and_an_empty_suffix() {
    assert_eq!(
        errors("NEW_PASSWORD_REQUIRED { USERNAME: u, NEW_PASSWORD: p, \"userAttributes.\": a, zzzzzzzz: z }"),
        pairs(&[
            ("key `userAttributes.` needs a name after the prefix", "\"userAttributes.\""),
            (
                "this key is not a key of challenge `NEW_PASSWORD_REQUIRED`; expected one of `USERNAME`, \
                 `NEW_PASSWORD`, `SECRET_HASH`, or a string key starting with `\"userAttributes.\"`",
                "zzzzzzzz"
            ),
        ])
    );
}

#[test]
fn key_for_a_challenge_without_keys() {
    assert_eq!(
        errors("USER_ONLY { USERNAME: u }"),
        pairs(&[("key `USERNAME` is not a key of challenge `USER_ONLY`, which takes none", "USERNAME")])
    );
}

// --- 4. duplicate key ---------------------------------------------------------------------------

#[test]
fn duplicate_key_points_at_both() {
    assert_eq!(
        errors("SMS_MFA { USERNAME: u, SMS_MFA_CODE: c, \"USERNAME\": v }"),
        pairs(&[("duplicate key `USERNAME`", "\"USERNAME\""), ("`USERNAME` first given here", "USERNAME")])
    );
}

// --- 5. missing required key --------------------------------------------------------------------

#[test]
fn one_error_per_missing_key() {
    assert_eq!(
        errors("SMS_MFA {}"),
        pairs(&[
            ("challenge `SMS_MFA` is missing required key `USERNAME`", "SMS_MFA"),
            ("challenge `SMS_MFA` is missing required key `SMS_MFA_CODE`", "SMS_MFA"),
        ])
    );
}

// --- 6. ANSWER not allowed ----------------------------------------------------------------------

#[test]
fn answer_not_allowed() {
    assert_eq!(
        errors("SELECT_MFA_TYPE { USERNAME: u, ANSWER: \"FOO\" }"),
        pairs(&[(
            "not an allowed ANSWER for `SELECT_MFA_TYPE`; expected one of `SMS_MFA`, \
             `SOFTWARE_TOKEN_MFA`, `EMAIL_OTP`",
            "\"FOO\""
        )])
    );
}

#[test]
fn answer_with_suggestion() {
    assert_eq!(
        errors("SELECT_MFA_TYPE { USERNAME: u, ANSWER: \"SMS_MAF\" }"),
        pairs(&[("not an allowed ANSWER for `SELECT_MFA_TYPE`; did you mean `SMS_MFA`?", "\"SMS_MAF\"")])
    );
}

// --- 7. `when` rules ----------------------------------------------------------------------------

#[test]
fn answer_requires_and_forbids_keys() {
    assert_eq!(
        errors("SELECT_CHALLENGE { USERNAME: u, ANSWER: \"PASSWORD\", CREDENTIAL: c, SRP_A: a }"),
        pairs(&[
            ("ANSWER `PASSWORD` requires key `PASSWORD`", "\"PASSWORD\""),
            ("key `CREDENTIAL` is not allowed with ANSWER `PASSWORD`", "CREDENTIAL"),
            ("key `SRP_A` is not allowed with ANSWER `PASSWORD`", "SRP_A"),
        ])
    );
    assert_eq!(
        errors("SELECT_CHALLENGE { USERNAME: u, ANSWER: \"WEB_AUTHN\", PASSWORD: p }"),
        pairs(&[
            ("ANSWER `WEB_AUTHN` requires key `CREDENTIAL`", "\"WEB_AUTHN\""),
            ("key `PASSWORD` is not allowed with ANSWER `WEB_AUTHN`", "PASSWORD"),
        ])
    );
}

#[test]
fn run_time_answers_are_not_checked() {
    assert_eq!(
        errors("SELECT_CHALLENGE { USERNAME: u, ANSWER: answer, CREDENTIAL: c, PASSWORD: p }"),
        Vec::new()
    );
}

// --- 8. constraints -----------------------------------------------------------------------------

#[test]
fn exact_length() {
    assert_eq!(
        errors("SOFTWARE_TOKEN_MFA { USERNAME: u, SOFTWARE_TOKEN_MFA_CODE: \"12345\" }"),
        pairs(&[(
            "`SOFTWARE_TOKEN_MFA_CODE` must be 6 characters long (the model's constraint), found 5",
            "\"12345\""
        )])
    );
}

#[test]
fn pattern_and_length_together_never_echo_the_value() {
    let found = errors("SOFTWARE_TOKEN_MFA { USERNAME: u, SOFTWARE_TOKEN_MFA_CODE: \"12a4567\" }");
    assert_eq!(
        found,
        pairs(&[
            (
                "`SOFTWARE_TOKEN_MFA_CODE` must be 6 characters long (the model's constraint), found 7",
                "\"12a4567\""
            ),
            ("`SOFTWARE_TOKEN_MFA_CODE` must match the model's pattern `[0-9]+`", "\"12a4567\""),
        ])
    );
    assert!(found.iter().all(|(message, _)| !message.contains("12a4567")));
}

#[test]
fn at_least_and_at_most() {
    let long = "x".repeat(129);
    assert_eq!(
        errors(&format!(
            "SELECT_CHALLENGE {{ USERNAME: u, ANSWER: \"PASSWORD\", PASSWORD: \"\", SECRET_HASH: \"{long}\" }}"
        )),
        pairs(&[
            ("`PASSWORD` must be at least 1 character long (the model's constraint), found 0", "\"\""),
            (
                "`SECRET_HASH` must be at most 128 characters long (the model's constraint), found 129",
                &format!("\"{long}\"")
            ),
        ])
    );
}

#[test]
fn an_empty_value_gets_only_the_length_error() {
    assert_eq!(
        errors("SOFTWARE_TOKEN_MFA { USERNAME: u, SOFTWARE_TOKEN_MFA_CODE: \"\" }"),
        pairs(&[(
            "`SOFTWARE_TOKEN_MFA_CODE` must be 6 characters long (the model's constraint), found 0",
            "\"\""
        )])
    );
}

#[test]
fn lengths_count_characters() {
    // 128 characters, 256 bytes.
    let value = "é".repeat(128);
    assert_eq!(
        errors(&format!(
            "SELECT_CHALLENGE {{ USERNAME: u, ANSWER: \"EMAIL_OTP\", SECRET_HASH: \"{value}\" }}"
        )),
        Vec::new()
    );
}

// --- 9. syntax ----------------------------------------------------------------------------------

#[test]
fn empty_input() {
    let found = errors("");
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].0,
        "expected a challenge name, e.g. `SMS_MFA { USERNAME: username, SMS_MFA_CODE: code }`"
    );
}

#[test]
fn syntax_errors_point_at_the_token() {
    let cases: &[(&str, &str, &str)] = &[
        ("SMS_MFA", "expected `{` and the challenge responses after the challenge name", "SMS_MFA"),
        ("SMS_MFA ( USERNAME: u )", "expected `{` and the challenge responses after the challenge name", "("),
        ("SMS_MFA { USERNAME u }", "expected `:` and a value after this key", "u"),
        ("SMS_MFA { USERNAME }", "expected `:` and a value after this key", "USERNAME"),
        ("SMS_MFA { USERNAME:: u }", "expected `:` and a value after this key", ":"),
        ("SMS_MFA { USERNAME: }", "expected a value for this key", ":"),
        ("SMS_MFA { USERNAME: , }", "expected a value for this key", ":"),
        ("SMS_MFA { USERNAME: u SMS_MFA_CODE: c }", "expected `,` after this key's value", "SMS_MFA_CODE"),
        ("SMS_MFA { USERNAME: u } extra", "unexpected tokens after the challenge responses", "extra"),
        ("SMS_MFA { 42: u }", "expected a key: an identifier such as `USERNAME` or a string literal such as `\"userAttributes.name\"`", "42"),
        ("\"SMS_MFA\" { USERNAME: u }", "expected a challenge name, e.g. `SMS_MFA { USERNAME: username, SMS_MFA_CODE: code }`", "\"SMS_MFA\""),
    ];
    for (user, message, token) in cases {
        assert_eq!(errors(user), pairs(&[(message, token)]), "{user}");
    }
}

#[test]
fn values_end_at_the_comma_between_entries() {
    for (user, value) in [
        ("SMS_MFA { USERNAME: convert::<A, B>(x), SMS_MFA_CODE: c }", "convert::<A,B>(x)"),
        ("SMS_MFA { USERNAME: <T as Tr<A, B>>::f(x), SMS_MFA_CODE: c }", "<TasTr<A,B>>::f(x)"),
        ("SMS_MFA { USERNAME: f(a, b), SMS_MFA_CODE: c }", "f(a,b)"),
        ("SMS_MFA { USERNAME: x as String, SMS_MFA_CODE: c }", "xasString"),
        ("SMS_MFA { USERNAME: g::<fn(A) -> B, C>(x), SMS_MFA_CODE: c }", "g::<fn(A)->B,C>(x)"),
        ("SMS_MFA { USERNAME: a::b::c, SMS_MFA_CODE: c }", "a::b::c"),
    ] {
        assert_eq!(errors(user), Vec::new(), "{user}");
        let output = normalize(expand(tokens(&invocation("user", user))));
        assert!(output.contains(&format!("::std::string::String>::into({value})")), "{user}: {output}");
    }
}

#[test]
fn a_missing_comma_is_found_where_the_next_key_starts() {
    for (user, token) in [
        ("SMS_MFA { USERNAME: \"a\" SMS_MFA_CODE: c }", "SMS_MFA_CODE"),
        ("SMS_MFA { USERNAME: f() SMS_MFA_CODE: c }", "SMS_MFA_CODE"),
        ("SMS_MFA { USERNAME: x? SMS_MFA_CODE: c }", "SMS_MFA_CODE"),
        ("SMS_MFA { USERNAME: u \"SMS_MFA_CODE\": c }", "\"SMS_MFA_CODE\""),
    ] {
        assert_eq!(errors(user), pairs(&[("expected `,` after this key's value", token)]), "{user}");
    }
}

// --- everything at once, and the expansion of errors --------------------------------------------

#[test]
fn all_errors_in_one_go_with_a_typed_fallback() {
    let output = normalize(expand(tokens(&invocation(
        "user",
        "SELECT_MFA_TYPE { USERNAME: u, USERNAME: v, ANSWR: a, ANSWER: \"NOPE\" }",
    ))));
    for message in [
        "duplicate key `USERNAME`",
        "this key is not a key of challenge `SELECT_MFA_TYPE`; did you mean `ANSWER`?",
        "not an allowed ANSWER",
    ] {
        let message: String = message.split_whitespace().collect();
        assert!(output.contains(&message), "{message} in {output}");
    }
    assert!(output.contains(
        "::cognito_idp::challenge::ChallengeAnswer::__from_checked_macro(::cognito_idp::types::ChallengeNameType::SelectMfaType"
    ), "{output}");
    // The user's expressions are not in the fallback.
    assert!(!output.contains("Into"), "{output}");
}

#[test]
fn unknown_challenge_falls_back_to_a_valid_variant() {
    let output = normalize(expand(tokens(&invocation("user", "SMS_MAF {}"))));
    assert!(output.contains("ChallengeNameType::SmsMfa"), "{output}");
    let output = normalize(expand(tokens(&invocation("user", "ADMIN_NO_SRP_AUTH {}"))));
    assert!(output.contains("ChallengeNameType::SmsMfa"), "{output}");
    let output = normalize(expand(tokens(&invocation("admin", "ADMIN_NO_SRP_AUTH {}"))));
    assert!(output.contains("AdminChallengeAnswer::__from_checked_macro(::cognito_idp::types::ChallengeNameType::AdminNoSrpAuth"), "{output}");
}

#[test]
fn malformed_schema_is_reported_not_panicked() {
    for input in [
        "",
        "@root {} @operation user @schema {} @input {}",
        "@root { x } @operation nobody @schema {} @input {}",
        "@root { x } @operation user @schema { A { operations [user]; } } @input {}",
        "@root { x } @operation user @schema { A { variant A; variant B; } } @input {}",
        "@root { x } @operation user @schema { A { variant A; bogus; } } @input {}",
        "@root { x } @operation user @schema { A { variant A; constraint K { min x; } } } @input {}",
        "@root { x } @operation user @schema { A { variant A; constraint K { min 99999999999999999999999; } } } @input {}",
        "@root { x } @operation user @schema { A { variant A; when \"X\" { sometimes [A]; } } } @input {}",
        "@root { x } @operation user @schema { A { variant A; } A { variant B; } } @input {}",
        "@root { x } @operation user @schema {} @input {} trailing",
        "@root { x } @operation user @schema {}",
    ] {
        let output = expand(tokens(input)).to_string();
        assert!(output.contains("malformed challenge schema"), "{input}: {output}");
        assert!(output.contains("unreachable"), "{input}: {output}");
    }
}

#[test]
fn full_schema_grammar_parses() {
    let invocation = parse::invocation(tokens(&invocation("user", "X {}"))).unwrap();
    assert_eq!(invocation.schema.challenges.len(), 7);
    let select = invocation.schema.challenge("SELECT_CHALLENGE").unwrap();
    assert_eq!(select.when_answer.len(), 2);
    assert_eq!(select.when_answer[1].answer, "WEB_AUTHN");
    assert_eq!(select.when_answer[1].forbidden, ["PASSWORD", "SRP_A"]);
    assert_eq!(select.constraints.len(), 3);
    let code = &invocation.schema.challenge("SOFTWARE_TOKEN_MFA").unwrap().constraints[0];
    assert_eq!((code.min, code.max, code.pattern.as_deref()), (Some(6), Some(6), Some("[0-9]+")));
    assert_eq!(
        invocation.schema.challenge("ADMIN_NO_SRP_AUTH").unwrap().operations,
        [cognito_challenge_rules::Operation::Admin]
    );
    assert_eq!(invocation.input.to_string(), "X { }");
}

// --- never panic --------------------------------------------------------------------------------

mod soup {
    use proptest::prelude::*;

    use super::*;

    /// Token-ish fragments, including every piece of the grammar and a few traps.
    fn fragment() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "SMS_MFA",
            "SELECT_CHALLENGE",
            "SOFTWARE_TOKEN_MFA",
            "NEW_PASSWORD_REQUIRED",
            "USERNAME",
            "SMS_MFA_CODE",
            "ANSWER",
            "PASSWORD",
            "CREDENTIAL",
            "\"PASSWORD\"",
            "\"WEB_AUTHN\"",
            "\"12345\"",
            "\"userAttributes.\"",
            "\"userAttributes.x\"",
            "\"\"",
            "{",
            "}",
            "(",
            ")",
            "[",
            "]",
            ":",
            "::",
            ",",
            ";",
            "@",
            "$",
            "x",
            "1",
            "1.5",
            "'a'",
            "r#type",
            "-",
            "=>",
            "if",
            "else",
            "let",
            "..",
            "|",
            "&",
            "#",
            "!",
            "'lt",
            "b\"b\"",
            "responses",
        ])
    }

    /// Balances the delimiters so the soup tokenizes.
    fn balanced(parts: &[&str]) -> String {
        let mut out = String::new();
        let mut open = Vec::new();
        for part in parts {
            match *part {
                "{" | "(" | "[" => {
                    open.push(match *part {
                        "{" => "}",
                        "(" => ")",
                        _ => "]",
                    });
                    out.push_str(part);
                }
                "}" | ")" | "]" => {
                    if let Some(close) = open.pop() {
                        out.push_str(close);
                    }
                }
                other => out.push_str(other),
            }
            out.push(' ');
        }
        while let Some(close) = open.pop() {
            out.push_str(close);
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        #[test]
        fn user_soup_never_panics(parts in prop::collection::vec(fragment(), 0..24)) {
            let user = balanced(&parts);
            let output = expand(tokens(&invocation("user", &user)));
            let _ = output.to_string();
            let output = expand(tokens(&invocation("admin", &user)));
            let _ = output.to_string();
        }

        #[test]
        fn schema_soup_never_panics(parts in prop::collection::vec(fragment(), 0..24)) {
            let soup = balanced(&parts);
            let _ = expand(tokens(&soup)).to_string();
            let _ = expand(tokens(&format!("@root {{ x }} @operation user @schema {{ {soup} }} @input {{ SMS_MFA {{}} }}"))).to_string();
            let _ = expand(tokens(&format!("@root {{ x }} @operation user @schema {{ A {{ {soup} }} }} @input {{ A {{}} }}"))).to_string();
        }
    }
}
