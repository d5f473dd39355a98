//! The command line: its data (`cli_commands`: a descriptor of every shape the operations reach,
//! the table of commands (operation → AWS CLI name → members), the challenge schema in
//! `cognito-challenge-rules`' text form and the dispatch from an operation name to a typed call),
//! and the `cli` module that drives the runtime's engine (`cognito_idp_runtime::cli`) with them.

use proc_macro2::TokenStream;
use quote::quote;

use super::ident;
use crate::challenges::ChallengeSpace;
use crate::paginators::Paginator;
use crate::typespace::{FieldDef, Kind, ShapeId, TypeSpace};

pub(super) fn emit_cli_commands(
    space: &TypeSpace,
    challenges: Option<&ChallengeSpace>,
    paginators: &[Paginator],
) -> Vec<TokenStream> {
    let mut items = Vec::new();
    items.push(quote!(
        use ::cognito_idp_runtime::cli::{paging::Paging, Command, DispatchError, Member, Shape};
    ));
    let commands = space.operations.iter().enumerate().map(|(i, op)| {
        let name = &op.command_name;
        let operation = &op.wire_name;
        let input = members_ref(space, op.input);
        let output = members_ref(space, op.output);
        let paging = match paginators.iter().find(|p| p.operation == i) {
            Some(p) => {
                let (input_token, output_token) = (&p.input_token.wire_name, &p.output_token.wire_name);
                let limit_key = match &p.limit_key {
                    Some(limit) => {
                        let name = &limit.wire_name;
                        quote!(::std::option::Option::Some(#name))
                    }
                    None => quote!(::std::option::Option::None),
                };
                let result_keys = p.result_keys.iter().map(|f| &f.wire_name);
                let non_aggregate_keys = p.non_aggregate_keys.iter().map(|f| &f.wire_name);
                quote!(::std::option::Option::Some(&Paging {
                    input_token: #input_token,
                    output_token: #output_token,
                    limit_key: #limit_key,
                    result_keys: &[#(#result_keys),*],
                    non_aggregate_keys: &[#(#non_aggregate_keys),*],
                }))
            }
            None => quote!(::std::option::Option::None),
        };
        let doc = crate::docs::markdown_to_text(&op.docs.markdown());
        quote!(Command { name: #name, operation: #operation, input: #input, output: #output, paging: #paging, doc: #doc })
    });
    items.push(quote!(
        /// Every command, in model order.
        pub static COMMANDS: &[Command] = &[#(#commands),*];
    ));
    let schema = challenges.map(|c| c.rules().to_string()).unwrap_or_default();
    items.push(quote!(
        /// The challenge schema in `cognito-challenge-rules`' text form, which the macro reads too.
        pub static CHALLENGE_SCHEMA: &str = #schema;
    ));
    // Descriptors of the shapes the commands reach: `<SHAPE>_MEMBERS` of operation inputs and
    // outputs, `<SHAPE>` of every value inside them.
    let mut values = std::collections::BTreeSet::new();
    let mut structures = std::collections::BTreeSet::new();
    let mut stack: Vec<ShapeId> = Vec::new();
    for id in space.operations.iter().flat_map(|op| op.input.into_iter().chain(op.output)) {
        structures.insert(id);
        stack.extend(children(space, id));
    }
    while let Some(id) = stack.pop() {
        if values.insert(id) {
            if matches!(space.shape(id).kind, Kind::Struct(_) | Kind::Union(_)) {
                structures.insert(id);
            }
            stack.extend(children(space, id));
        }
    }
    for id in structures {
        items.push(members_static(space, id));
    }
    for id in values {
        items.push(shape_static(space, id));
    }
    let arms = space.operations.iter().map(|op| {
        let name = &op.wire_name;
        let descriptor = ident(&op.rust_name);
        quote!(#name => call::<super::operations::#descriptor>(client, input).await,)
    });
    items.push(quote! {
        /// Sends `operation` with `input` (JSON in the model's wire names) and returns the response
        /// as JSON: the engine's [`Dispatch`](::cognito_idp_runtime::cli::Dispatch).
        pub fn dispatch<'a>(
            client: &'a ::cognito_idp_runtime::client::Client,
            operation: &'a str,
            input: ::cognito_idp_runtime::__private::serde_json::Value,
        ) -> ::std::pin::Pin<::std::boxed::Box<dyn ::std::future::Future<Output = ::std::result::Result<::cognito_idp_runtime::__private::serde_json::Value, DispatchError>> + 'a>> {
            ::std::boxed::Box::pin(async move {
                match operation {
                    #(#arms)*
                    other => ::std::result::Result::Err(DispatchError::Failed(
                        ::std::format!("unknown operation `{other}`"),
                    )),
                }
            })
        }

        async fn call<Op>(
            client: &::cognito_idp_runtime::client::Client,
            input: ::cognito_idp_runtime::__private::serde_json::Value,
        ) -> ::std::result::Result<::cognito_idp_runtime::__private::serde_json::Value, DispatchError>
        where
            Op: super::support::Operation,
            Op::Input: ::cognito_idp_runtime::__private::serde::Serialize + ::cognito_idp_runtime::__private::serde::de::DeserializeOwned + super::wire::Validate,
            Op::Output: ::cognito_idp_runtime::__private::serde::Serialize + ::cognito_idp_runtime::__private::serde::de::DeserializeOwned,
            Op::Error: super::wire::FromErrorResponse + super::support::ServiceError,
        {
            use ::cognito_idp_runtime::client::CallError;
            let input: Op::Input = super::wire::from_value(input).map_err(DispatchError::Input)?;
            let output = client.call::<Op>(&input).await.map_err(|error| match error {
                CallError::Encode(super::wire::EncodeError::Validation(error)) => DispatchError::Constraint(error),
                CallError::Service { error, request_id } => DispatchError::Service {
                    code: super::support::ServiceError::code(&error).to_owned(),
                    message: super::support::ServiceError::message(&error).map(::std::borrow::ToOwned::to_owned),
                    request_id,
                },
                CallError::NoCredentials { .. } => DispatchError::NoCredentials,
                other => DispatchError::Failed(other.to_string()),
            })?;
            ::cognito_idp_runtime::__private::serde_json::to_value(&output).map_err(|_| DispatchError::Failed("the response cannot be shown as JSON".into()))
        }
    });
    items
}

fn members_ref(space: &TypeSpace, shape: Option<ShapeId>) -> TokenStream {
    match shape {
        Some(id) if matches!(space.shape(id).kind, Kind::Struct(_)) => {
            let name = ident(&space.shape(id).descriptors.1);
            quote!(&#name)
        }
        _ => quote!(&[]),
    }
}

fn shape_ref(space: &TypeSpace, id: ShapeId) -> TokenStream {
    let name = ident(&space.shape(id).descriptors.0);
    quote!(&#name)
}

fn member(space: &TypeSpace, field: &FieldDef) -> TokenStream {
    let (name, option, required) = (&field.wire_name, &field.option, field.required);
    let shape = shape_ref(space, field.shape);
    let sensitive = super::must_redact(space, field.shape);
    let doc = crate::docs::markdown_to_text(&field.docs.markdown());
    quote!(Member { name: #name, option: #option, required: #required, shape: #shape, sensitive: #sensitive, doc: #doc })
}

fn children(space: &TypeSpace, id: ShapeId) -> Vec<ShapeId> {
    match &space.shape(id).kind {
        Kind::Struct(def) => def.fields.iter().map(|f| f.shape).collect(),
        Kind::Union(def) => def.variants.iter().map(|v| v.shape).collect(),
        Kind::List(item) => vec![*item],
        Kind::Map(_, value) => vec![*value],
        _ => Vec::new(),
    }
}

fn members_static(space: &TypeSpace, id: ShapeId) -> TokenStream {
    let name = ident(&space.shape(id).descriptors.1);
    let members: Vec<TokenStream> = match &space.shape(id).kind {
        Kind::Struct(def) => def.fields.iter().map(|field| member(space, field)).collect(),
        Kind::Union(def) => def
            .variants
            .iter()
            .map(|v| {
                let (wire, option, shape) = (&v.wire_name, &v.option, shape_ref(space, v.shape));
                let sensitive = super::must_redact(space, v.shape);
                let doc = crate::docs::markdown_to_text(&v.docs.markdown());
                quote!(Member { name: #wire, option: #option, required: false, shape: #shape, sensitive: #sensitive, doc: #doc })
            })
            .collect(),
        _ => Vec::new(),
    };
    let n = members.len();
    quote!(static #name: [Member; #n] = [#(#members),*];)
}

fn shape_static(space: &TypeSpace, id: ShapeId) -> TokenStream {
    let (name, members_name) = (ident(&space.shape(id).descriptors.0), ident(&space.shape(id).descriptors.1));
    let value = match &space.shape(id).kind {
        Kind::Struct(_) | Kind::Union(_) => quote!(Shape::Structure(&#members_name)),
        Kind::Enum(def) => {
            let values = def.values.iter().map(|v| &v.wire);
            quote!(Shape::Enum(&[#(#values),*]))
        }
        Kind::Exception(_) | Kind::String => quote!(Shape::String),
        Kind::Integer | Kind::Long => quote!(Shape::Integer),
        Kind::Float | Kind::Double => quote!(Shape::Float),
        Kind::Boolean => quote!(Shape::Boolean),
        Kind::Blob => quote!(Shape::Blob),
        Kind::Timestamp => quote!(Shape::Timestamp),
        Kind::Document => quote!(Shape::Document),
        Kind::List(item) => {
            let item = shape_ref(space, *item);
            quote!(Shape::List(#item))
        }
        Kind::Map(_, value) => {
            let value = shape_ref(space, *value);
            quote!(Shape::Map(#value))
        }
    };
    quote!(static #name: Shape = #value;)
}

/// The `cli` module: the runtime's engine with this output's tables, and the functions users and
/// the `cognito-idp` binary call.
pub(super) fn emit_cli_module() -> Vec<TokenStream> {
    vec![
        quote! {
            #[doc(inline)]
            pub use ::cognito_idp_runtime::cli::*;
        },
        quote! {
            /// This service's command line: its commands, challenge schema and dispatch.
            pub static COMMAND_LINE: CommandLine = CommandLine::new(
                super::cli_commands::COMMANDS,
                super::cli_commands::CHALLENGE_SCHEMA,
                &super::operations::SERVICE,
                super::cli_commands::dispatch,
            );
        },
        quote! {
            /// Runs the command line (`args` without the program name) and returns the exit status:
            /// see [`CommandLine::run`].
            pub async fn run<I, T>(args: I) -> ::std::process::ExitCode
            where
                I: ::std::iter::IntoIterator<Item = T>,
                T: ::std::convert::Into<::std::ffi::OsString>,
            {
                COMMAND_LINE.run(args).await
            }
        },
        quote! {
            /// What a command line asks for, without doing it: see [`CommandLine::plan`].
            pub fn plan<I, T>(args: I, env: &dyn Fn(&str) -> ::std::option::Option<::std::string::String>) -> ::std::result::Result<Plan, CliError>
            where
                I: ::std::iter::IntoIterator<Item = T>,
                T: ::std::convert::Into<::std::ffi::OsString>,
            {
                COMMAND_LINE.plan(args, env)
            }
        },
        quote! {
            /// The clap command with every subcommand and option.
            pub fn clap_command() -> ::cognito_idp_runtime::cli::clap::Command {
                COMMAND_LINE.clap_command()
            }
        },
    ]
}
