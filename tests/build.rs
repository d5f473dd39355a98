//! Generates bindings the way a user's crate would: the whole model into `$OUT_DIR`, a subset of
//! operations into a second directory, and the generator's representative fixture model.

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out_dir = PathBuf::from(std::env::var("OUT_DIR")?);
    let model = "../spec/cognito-idp/2016-04-18/service-2.json";

    let schema = "../spec/challenges.json";

    cognito_codegen::Config::new().model(model).challenge_schema(schema).module_path("cognito").generate()?;

    cognito_codegen::Config::new()
        .model(model)
        .challenge_schema(schema)
        .module_path("auth_only")
        .operations(["RespondToAuthChallenge", "AdminRespondToAuthChallenge"])
        .out_dir(out_dir.join("auth-only"))
        .generate()?;

    // The README's recipe: a subset in a private module. It must compile without a warning
    // (the workspace lints with `-D warnings`).
    cognito_codegen::Config::new()
        .model(model)
        .challenge_schema(schema)
        .module_path("private_subset")
        .operations(["InitiateAuth", "RespondToAuthChallenge"])
        .out_dir(out_dir.join("private-subset"))
        .generate()?;

    // Its test reads a request back from JSON, so requests also derive `Deserialize` here.
    cognito_codegen::Config::new()
        .model("../codegen/tests/fixtures/representative/service-2.json")
        .reverse_serde_feature("reverse-serde")
        .generate()?;
    Ok(())
}
