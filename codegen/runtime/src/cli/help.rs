//! Help from the model, laid out as the AWS CLI's help pages: `cognito-idp <command> help` (or
//! `--help`) shows the operation's description, its synopsis, each option with its type, its
//! documentation, its allowed values, the shorthand and JSON syntax of its value, and the
//! output's members with theirs; `cognito-idp help` lists the commands and the global options.

use ::std::fmt::Write as _;

use super::paging::Paging;
use super::{Command, Member, Shape};

const INDENT: usize = 7;

/// The page of one command, wrapped to `width` columns.
pub(super) fn command_page(command: &Command, width: usize) -> String {
    let mut page = Page { out: String::new(), width };
    page.heading("NAME");
    page.paragraph(INDENT, &format!("{} -", command.name));
    page.heading("DESCRIPTION");
    page.text(INDENT, if command.doc.is_empty() { command.operation } else { command.doc });
    if let Some(paging) = command.paging {
        page.paragraph(INDENT, &paging_note(command.name, paging));
    }
    page.paragraph(INDENT, "See 'cognito-idp help' for descriptions of global parameters.");
    page.heading("SYNOPSIS");
    let mut synopsis = format!("{:w$}{}\n", "", command.name, w = INDENT + 5);
    for member in command.input.iter().filter(|m| !is_hidden(command, m)) {
        let option = format!("--{} <value>", member.option);
        let option = if member.required { option } else { format!("[{option}]") };
        let _ = writeln!(synopsis, "{:w$}{option}", "", w = INDENT + 3);
    }
    let mut tail = vec!["[--cli-input-json | --cli-input-yaml]".to_owned()];
    if let Some(paging) = command.paging {
        tail.push("[--starting-token <value>]".into());
        if paging.limit_key.is_some() {
            tail.push("[--page-size <value>]".into());
        }
        tail.push("[--max-items <value>]".into());
    }
    tail.push("[--generate-cli-skeleton <value>]".into());
    for line in tail {
        let _ = writeln!(synopsis, "{:w$}{line}", "", w = INDENT + 3);
    }
    page.out.push_str(&synopsis);
    page.out.push('\n');
    page.heading("OPTIONS");
    for member in command.input.iter().filter(|m| !is_hidden(command, m)) {
        let required = if member.required { " [required]" } else { "" };
        page.paragraph(
            INDENT,
            &format!("--{} ({}){required}", member.option, super::type_name(member.shape)),
        );
        page.text(INDENT + 3, member.doc);
        page.shape_details(member.shape, INDENT + 3, &mut Vec::new());
        if let Some(shorthand) = shorthand(member.shape) {
            page.paragraph(INDENT, "Shorthand Syntax:");
            page.verbatim(INDENT + 3, &shorthand);
        }
        if matches!(member.shape, Shape::Structure(_) | Shape::Map(_) | Shape::List(_)) {
            page.paragraph(INDENT, "JSON Syntax:");
            page.verbatim(INDENT + 3, &json_syntax(member.shape, 0, &mut Vec::new()));
        }
    }
    page.paragraph(INDENT, "--cli-input-json | --cli-input-yaml (string)");
    page.text(
        INDENT + 3,
        "Reads arguments from the JSON or YAML given (or file://path to read a file). It follows the format \
         --generate-cli-skeleton prints. Options given on the command line win over it.",
    );
    page.paragraph(INDENT, "--generate-cli-skeleton (string)");
    page.text(
        INDENT + 3,
        "Prints a sample input as JSON (no value, or input), as YAML (yaml-input), or a sample output \
         (output), without sending a request.",
    );
    if let Some(paging) = command.paging {
        page.paragraph(INDENT, "--starting-token (string)");
        page.text(INDENT + 3, "Where to start: the NextToken of a previous, truncated output.");
        if paging.limit_key.is_some() {
            page.paragraph(INDENT, "--page-size (integer)");
            page.text(
                INDENT + 3,
                "The size of each page to get from the service. It does not change what is printed: a \
                 smaller page size makes more calls, each getting fewer items.",
            );
        }
        page.paragraph(INDENT, "--max-items (integer)");
        page.text(
            INDENT + 3,
            "The most items to print. When there are more, a NextToken is printed: give it to \
             --starting-token to resume.",
        );
    }
    page.heading("OUTPUT");
    if command.output.is_empty() {
        page.paragraph(INDENT, "None");
    }
    for member in command.output {
        page.member(member, INDENT, &mut Vec::new());
    }
    page.out.trim_end().to_owned()
}

/// `cognito-idp help`: the commands, and the global options.
pub(super) fn overview(
    commands: &[Command],
    service_name: &str,
    globals: &[::clap::Arg],
    width: usize,
) -> String {
    let mut page = Page { out: String::new(), width };
    page.heading("NAME");
    page.paragraph(INDENT, &format!("cognito-idp - {service_name}, with the AWS CLI's commands and options"));
    page.heading("SYNOPSIS");
    page.paragraph(INDENT, "cognito-idp [global options] <command> [parameters]");
    page.paragraph(INDENT, "cognito-idp <command> help");
    page.heading("GLOBAL OPTIONS");
    for arg in globals {
        let name = arg.get_long().unwrap_or_default();
        let value = if arg.get_action().takes_values() { " <value>" } else { "" };
        page.paragraph(INDENT, &format!("--{name}{value}"));
        page.text(INDENT + 3, &arg.get_help().map(ToString::to_string).unwrap_or_default());
    }
    page.heading("AVAILABLE COMMANDS");
    for command in commands {
        let _ = writeln!(page.out, "{:w$}o {}", "", command.name, w = INDENT);
    }
    page.out.trim_end().to_owned()
}

/// A paginator's own token and limit: still accepted, not documented (the AWS CLI's rule).
fn is_hidden(command: &Command, member: &Member) -> bool {
    command.paging.is_some_and(|p| p.input_token == member.name || p.limit_key == Some(member.name))
}

fn paging_note(name: &str, paging: &Paging) -> String {
    format!(
        "{name} is a paginated operation. Multiple API calls may be issued in order to retrieve the entire \
         data set of results. You can disable pagination by providing the --no-paginate argument. When using \
         --output text and the --query argument on a paginated response, the --query argument must extract \
         data from the results of the following query expressions: {}",
        paging.result_keys.join(", ")
    )
}

struct Page {
    out: String,
    width: usize,
}

impl Page {
    fn heading(&mut self, title: &str) {
        self.out.push_str(title);
        self.out.push_str("\n\n");
    }

    /// One paragraph, wrapped, then a blank line.
    fn paragraph(&mut self, indent: usize, text: &str) {
        wrap(text, indent, self.width, &mut self.out);
        self.out.push('\n');
    }

    /// Documentation: its paragraphs and list items wrapped, its code lines kept.
    fn text(&mut self, indent: usize, text: &str) {
        for block in text.split("\n\n") {
            for line in block.lines() {
                if line.starts_with("    ") {
                    let _ = writeln!(self.out, "{:indent$}{line}", "");
                } else if let Some(item) = line.strip_prefix("- ") {
                    wrap_hanging(&format!("o {item}"), indent, 2, self.width, &mut self.out);
                } else {
                    wrap(line, indent, self.width, &mut self.out);
                }
            }
            self.out.push('\n');
        }
    }

    fn verbatim(&mut self, indent: usize, text: &str) {
        for line in text.lines() {
            let _ = writeln!(self.out, "{:indent$}{line}", "");
        }
        self.out.push('\n');
    }

    /// An output member (or a nested input member): `Name -> (type)`, its documentation, and
    /// what is inside it.
    fn member(&mut self, member: &Member, indent: usize, path: &mut Vec<*const Shape>) {
        self.paragraph(indent, &format!("{} -> ({})", member.name, super::type_name(member.shape)));
        if !member.doc.is_empty() {
            self.text(indent + 3, member.doc);
        }
        self.shape_details(member.shape, indent + 3, path);
    }

    /// Allowed values, a map's key and value, a list's items, a structure's members.
    fn shape_details(&mut self, shape: &Shape, indent: usize, path: &mut Vec<*const Shape>) {
        if path.contains(&(shape as *const Shape)) || path.len() > 8 {
            return;
        }
        path.push(shape);
        match shape {
            Shape::Enum(values) => {
                self.paragraph(indent, "Possible values:");
                for value in *values {
                    let _ = writeln!(self.out, "{:indent$}o {value}", "");
                }
                self.out.push('\n');
            }
            Shape::Map(value) => {
                self.paragraph(indent, "key -> (string)");
                self.paragraph(indent, &format!("value -> ({})", super::type_name(value)));
                self.shape_details(value, indent + 3, path);
            }
            Shape::List(item) => {
                if matches!(item, Shape::Structure(_) | Shape::Map(_) | Shape::List(_) | Shape::Enum(_)) {
                    self.paragraph(indent, &format!("({})", super::type_name(item)));
                    self.shape_details(item, indent + 3, path);
                }
            }
            Shape::Structure(members) => {
                for member in *members {
                    self.member(member, indent, path);
                }
            }
            _ => {}
        }
        path.pop();
    }
}

/// `text` wrapped at `width` columns, each line indented.
fn wrap(text: &str, indent: usize, width: usize, out: &mut String) {
    wrap_hanging(text, indent, 0, width, out);
}

/// [`wrap`], with the lines after the first indented `hang` more (a list item's).
fn wrap_hanging(text: &str, first: usize, hang: usize, width: usize, out: &mut String) {
    let mut indent = first;
    let mut line = String::new();
    for word in text.split_whitespace() {
        let room = width.saturating_sub(indent).max(20);
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > room {
            let _ = writeln!(out, "{:indent$}{line}", "");
            line.clear();
            indent = first + hang;
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        let _ = writeln!(out, "{:indent$}{line}", "");
    }
}

fn placeholder(shape: &Shape) -> &'static str {
    match shape {
        Shape::Integer => "integer",
        Shape::Float => "double",
        Shape::Boolean => "boolean",
        Shape::Timestamp => "timestamp",
        Shape::Blob => "blob",
        _ => "string",
    }
}

/// The shorthand form of a value, as the AWS CLI documents it; none for shapes too deep for it.
fn shorthand(shape: &Shape) -> Option<String> {
    fn value(shape: &Shape, depth: usize) -> Option<String> {
        match shape {
            Shape::Structure(members) if depth < 3 => Some(format!("{{{}}}", entries(members, depth + 1)?)),
            Shape::List(item) if depth < 3 => {
                let item = value(item, depth + 1)?;
                Some(format!("[{item},{item}]"))
            }
            Shape::Map(item) if depth < 3 => {
                let item = value(item, depth + 1)?;
                Some(format!("{{KeyName1={item},KeyName2={item}}}"))
            }
            Shape::Structure(_) | Shape::List(_) | Shape::Map(_) | Shape::Document => None,
            scalar => Some(placeholder(scalar).to_owned()),
        }
    }
    fn entries(members: &[Member], depth: usize) -> Option<String> {
        let parts: Option<Vec<String>> = members
            .iter()
            .map(|m| {
                let inner = match m.shape {
                    Shape::List(item)
                        if !matches!(item, Shape::Structure(_) | Shape::List(_) | Shape::Map(_)) =>
                    {
                        let item = value(item, depth)?;
                        format!("{item},{item}")
                    }
                    other => value(other, depth)?,
                };
                Some(format!("{}={inner}", m.name))
            })
            .collect();
        Some(parts?.join(","))
    }
    match shape {
        Shape::Structure(members) => entries(members, 1),
        Shape::Map(item) => {
            let item = value(item, 1)?;
            Some(format!("KeyName1={item},KeyName2={item}"))
        }
        Shape::List(item) => match item {
            Shape::Structure(members) => {
                let entries = entries(members, 1)?;
                Some(format!("{entries} {entries}"))
            }
            scalar => {
                let item = value(scalar, 1)?;
                Some(format!("{item} {item}"))
            }
        },
        _ => None,
    }
}

/// The JSON form of a value with type names in place of values, as the AWS CLI documents it.
fn json_syntax(shape: &Shape, indent: usize, path: &mut Vec<*const Shape>) -> String {
    let pad = " ".repeat(indent);
    if path.contains(&(shape as *const Shape)) {
        return "{...}".to_owned();
    }
    path.push(shape);
    let text = match shape {
        Shape::Structure(members) => {
            let fields: Vec<String> = members
                .iter()
                .map(|m| format!("{pad}  \"{}\": {}", m.name, json_syntax(m.shape, indent + 2, path)))
                .collect();
            format!("{{\n{}\n{pad}}}", fields.join(",\n"))
        }
        Shape::List(item) => format!("[\n{pad}  {}\n{pad}  ...\n{pad}]", json_syntax(item, indent + 2, path)),
        Shape::Map(value) => format!("{{\"string\": {}\n{pad}  ...}}", json_syntax(value, indent + 2, path)),
        Shape::Enum(values) => values.iter().map(|v| format!("\"{v}\"")).collect::<Vec<_>>().join("|"),
        Shape::Boolean => "true|false".to_owned(),
        Shape::Document => "{...}".to_owned(),
        Shape::String => "\"string\"".to_owned(),
        scalar => placeholder(scalar).to_owned(),
    };
    path.pop();
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    static STRING: Shape = Shape::String;
    static KINDS: Shape = Shape::Enum(&["SMS_MFA", "NEW_PASSWORD_REQUIRED"]);
    static RESPONSES: Shape = Shape::Map(&STRING);
    static HEADER: Shape = Shape::Structure(&[
        Member {
            name: "headerName",
            option: "header-name",
            required: false,
            shape: &STRING,
            sensitive: false,
            doc: "The header name.",
        },
        Member::plain("headerValue", "header-value", false, &STRING),
    ]);
    static HEADERS: Shape = Shape::List(&HEADER);
    static CONTEXT: Shape = Shape::Structure(&[
        Member::plain("IpAddress", "ip-address", true, &STRING),
        Member::plain("HttpHeaders", "http-headers", true, &HEADERS),
    ]);
    static COMMAND: Command = Command {
        name: "respond-to-auth-challenge",
        operation: "RespondToAuthChallenge",
        input: &[
            Member { name: "ClientId", option: "client-id", required: true, shape: &STRING, sensitive: false, doc: "The ID of the app client where the user is signing in." },
            Member { name: "ChallengeName", option: "challenge-name", required: true, shape: &KINDS, sensitive: false, doc: "The challenge.\n\n- One item that is long enough to wrap onto a second line of the page, hanging under its marker." },
            Member { name: "ChallengeResponses", option: "challenge-responses", required: false, shape: &RESPONSES, sensitive: true, doc: "" },
            Member::plain("ContextData", "context-data", false, &CONTEXT),
        ],
        output: &[Member { name: "Session", option: "session", required: false, shape: &STRING, sensitive: true, doc: "The session." }],
        paging: None,
        doc: "Responds to the authentication challenge.",
    };

    #[test]
    fn a_command_page_has_what_the_aws_cli_reference_shows() {
        let page = command_page(&COMMAND, 80);
        for part in [
            "NAME\n\n       respond-to-auth-challenge -",
            "DESCRIPTION\n\n       Responds to the authentication challenge.",
            "SYNOPSIS\n\n            respond-to-auth-challenge\n          --client-id <value>\n          --challenge-name <value>\n          [--challenge-responses <value>]",
            "       --client-id (string) [required]\n\n          The ID of the app client where the user is signing in.",
            "          Possible values:\n\n          o SMS_MFA\n          o NEW_PASSWORD_REQUIRED",
            "          o One item that is long enough to wrap onto a second line of the page,\n            hanging under its marker.",
            "          key -> (string)\n\n          value -> (string)",
            "       Shorthand Syntax:\n\n          KeyName1=string,KeyName2=string",
            "       JSON Syntax:\n\n          {\"string\": \"string\"\n            ...}",
            "          IpAddress=string,HttpHeaders=[{headerName=string,headerValue=string},{headerName=string,headerValue=string}]",
            "                headerName -> (string)\n\n                   The header name.",
            "OUTPUT\n\n       Session -> (string)\n\n          The session.",
        ] {
            assert!(page.contains(part), "missing:\n{part}\n--- in ---\n{page}");
        }
        let long: Vec<&str> =
            page.lines().filter(|line| line.chars().count() > 80 && line.trim().contains(' ')).collect();
        assert!(long.is_empty(), "{long:#?}");
    }

    #[test]
    fn the_overview_lists_commands_and_global_options() {
        let page =
            overview(std::slice::from_ref(&COMMAND), "Amazon Cognito", &super::super::global_options(), 80);
        assert!(page.contains("AVAILABLE COMMANDS\n\n       o respond-to-auth-challenge"), "{page}");
        assert!(page.contains("       --output <value>\n") && page.contains("       --debug\n"), "{page}");
    }
}
