//! Paginated commands, as the AWS CLI pages them (botocore's `PageIterator`): every page is
//! fetched and the result lists merged, unless `--no-paginate`; `--max-items` stops after so many
//! items and prints a `NextToken` that `--starting-token` resumes from; `--page-size` sets the
//! operation's page size. The operation's own token and limit options still work, hidden, and
//! turn paging off, as the AWS CLI's do.
//!
//! Resume tokens are botocore's, so they pass between this command and the AWS CLI: base64 of
//! the JSON `{"<input token>": "<service token>", "boto_truncate_amount": <items already shown
//! of that page>}`, or a bare service token.

use ::serde_json::{Map, Value};

use super::{CliError, Command, DispatchError};

/// How a command pages: the members of the operation's paginator (`paginators-1.json`).
#[derive(Debug)]
pub struct Paging {
    /// The input member the token goes in (`PaginationToken`).
    pub input_token: &'static str,
    /// The output member the next token comes in.
    pub output_token: &'static str,
    /// The input member that sets the page size.
    pub limit_key: Option<&'static str>,
    /// The output lists whose items add up across pages; the first is the primary one.
    pub result_keys: &'static [&'static str],
    /// Output members kept from the first page.
    pub non_aggregate_keys: &'static [&'static str],
}

pub(super) const STARTING_TOKEN: &str = "starting-token";
pub(super) const MAX_ITEMS: &str = "max-items";
pub(super) const PAGE_SIZE: &str = "page-size";

/// The paging options a paginated command gets, unless one of its members has the name.
pub(super) fn options(paging: &Paging, command: &Command) -> Vec<::clap::Arg> {
    use ::clap::Arg;
    let taken = |name: &str| command.input.iter().any(|m| m.option == name);
    let mut options = vec![
        Arg::new(STARTING_TOKEN)
            .long(STARTING_TOKEN)
            .value_name("value")
            .help("Where to start: the NextToken of a previous, truncated output"),
        Arg::new(MAX_ITEMS)
            .long(MAX_ITEMS)
            .value_name("value")
            .help("The most items to print; past them, a NextToken to resume from is printed"),
    ];
    if paging.limit_key.is_some() {
        options.push(
            Arg::new(PAGE_SIZE)
                .long(PAGE_SIZE)
                .value_name("value")
                .help("Items per call to the service (more calls, fewer items each); the output is the same"),
        );
    }
    options.into_iter().filter(|arg| !arg.get_long().is_some_and(taken)).collect()
}

/// The paging options given.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PagingArgs {
    pub starting_token: Option<String>,
    pub max_items: Option<u64>,
    pub page_size: Option<u64>,
}

impl PagingArgs {
    pub(super) fn from_matches(matches: &::clap::ArgMatches, command: &Command) -> Result<Self, CliError> {
        let Some(paging) = command.paging else { return Ok(Self::default()) };
        let ours = options(paging, command);
        let given = |name: &str| {
            ours.iter()
                .any(|arg| arg.get_id() == name)
                .then(|| matches.get_one::<String>(name).cloned())
                .flatten()
        };
        let count = |name: &'static str| -> Result<Option<u64>, CliError> {
            match given(name) {
                None => Ok(None),
                Some(text) => match text.trim().parse::<u64>() {
                    Ok(n) if n > 0 && n <= i32::MAX as u64 => Ok(Some(n)),
                    _ => Err(CliError::Input(format!("--{name}: expected a whole number above 0"))),
                },
            }
        };
        Ok(PagingArgs {
            starting_token: given(STARTING_TOKEN),
            max_items: count(MAX_ITEMS)?,
            page_size: count(PAGE_SIZE)?,
        })
    }

    /// The options given, by name, for the error when paging is off.
    pub(super) fn names(&self) -> Vec<&'static str> {
        let mut names = Vec::new();
        if self.starting_token.is_some() {
            names.push("--starting-token");
        }
        if self.page_size.is_some() {
            names.push("--page-size");
        }
        if self.max_items.is_some() {
            names.push("--max-items");
        }
        names
    }
}

/// A resume token: the service's token for the page, and how many of its items were shown.
#[derive(Debug, PartialEq)]
pub(super) struct Resume {
    pub token: Option<String>,
    pub skip: u64,
}

impl Resume {
    /// As botocore encodes it: base64 of Python's `json.dumps` of the token dictionary.
    pub(super) fn encode(&self, input_token: &str) -> String {
        let mut json = format!("{{{}: ", python_json_string(input_token));
        match &self.token {
            Some(token) => json.push_str(&python_json_string(token)),
            None => json.push_str("null"),
        }
        if self.skip > 0 {
            json.push_str(&format!(", \"boto_truncate_amount\": {}", self.skip));
        }
        json.push('}');
        use ::base64::Engine as _;
        ::base64::engine::general_purpose::STANDARD.encode(json)
    }

    /// A `--starting-token`: botocore's encoding, or (its older forms) a bare service token,
    /// `token___<skip>`.
    pub(super) fn decode(text: &str, input_token: &str) -> Result<Self, String> {
        use ::base64::Engine as _;
        let decoded = ::base64::engine::general_purpose::STANDARD
            .decode(text.trim())
            .ok()
            .and_then(|bytes| ::serde_json::from_slice::<Value>(&bytes).ok());
        if let Some(Value::Object(object)) = decoded {
            let token = match object.get(input_token) {
                Some(Value::String(token)) => Some(token.clone()),
                Some(Value::Null) | None => None,
                Some(_) => return Err("--starting-token: not a token this command gave".into()),
            };
            let skip = match object.get("boto_truncate_amount") {
                None => 0,
                Some(amount) => amount.as_u64().ok_or("--starting-token: not a token this command gave")?,
            };
            return Ok(Resume { token, skip });
        }
        match text.rsplit_once("___") {
            Some((token, skip)) if skip.parse::<u64>().is_ok() => Ok(Resume {
                token: (token != "None").then(|| token.to_owned()),
                skip: skip.parse().unwrap_or(0),
            }),
            _ => Ok(Resume { token: Some(text.to_owned()), skip: 0 }),
        }
    }
}

/// A string as Python's `json.dumps` writes it (ASCII only).
fn python_json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c.is_ascii() && !c.is_ascii_control() => out.push(c),
            c => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
        }
    }
    out.push('"');
    out
}

/// The pages of one paginated command, and the token to resume from when `--max-items` cut it.
#[derive(Debug, Default)]
pub(super) struct Paged {
    pub pages: Vec<Value>,
    pub resume: Option<String>,
}

/// Calls the operation page after page, as botocore's `PageIterator` does.
pub(super) async fn fetch<F, Fut>(
    paging: &Paging,
    args: &PagingArgs,
    mut input: Map<String, Value>,
    mut call: F,
) -> Result<Paged, PagingFailure>
where
    F: FnMut(Value) -> Fut,
    Fut: ::std::future::Future<Output = Result<Value, DispatchError>>,
{
    let starting = match &args.starting_token {
        Some(text) => Some(Resume::decode(text, paging.input_token).map_err(PagingFailure::Input)?),
        None => None,
    };
    // The token of the page being asked for: a resume token names the one it stopped in.
    let mut token = starting.as_ref().and_then(|s| s.token.clone());
    let mut skip = starting.as_ref().map_or(0, |s| s.skip);
    set_token(&mut input, paging.input_token, token.as_deref());
    if let (Some(size), Some(limit)) = (args.page_size, paging.limit_key) {
        input.insert(limit.to_owned(), Value::from(size));
    }
    // The generator gives every paginator a result key; a table without one pages no items.
    let (primary, secondary) = paging.result_keys.split_first().map_or(("", &[][..]), |(p, rest)| (*p, rest));
    let mut paged = Paged::default();
    let mut shown = 0u64;
    let mut previous: Option<String> = None;
    loop {
        let mut page = call(Value::Object(input.clone())).await.map_err(PagingFailure::Call)?;
        if skip > 0 {
            // The rest of the page a resume token stopped in; the other result lists were shown.
            if let Some(Value::Array(items)) = page.get_mut(primary) {
                items.drain(..(skip as usize).min(items.len()));
            }
            for key in secondary {
                if let Some(value) = page.get_mut(*key) {
                    *value = empty_like(value);
                }
            }
        }
        let count = page.get(primary).and_then(Value::as_array).map_or(0, Vec::len) as u64;
        if let Some(max) = args.max_items {
            if shown + count > max {
                let keep = max - shown;
                if let Some(Value::Array(items)) = page.get_mut(primary) {
                    items.truncate(keep as usize);
                }
                paged.resume =
                    Some(Resume { token: token.clone(), skip: keep + skip }.encode(paging.input_token));
                paged.pages.push(page);
                return Ok(paged);
            }
        }
        skip = 0;
        shown += count;
        let next = page
            .get(paging.output_token)
            .and_then(Value::as_str)
            .filter(|t| !t.is_empty())
            .map(str::to_owned);
        paged.pages.push(page);
        let Some(next) = next else { return Ok(paged) };
        if args.max_items == Some(shown) {
            paged.resume = Some(Resume { token: Some(next), skip: 0 }.encode(paging.input_token));
            return Ok(paged);
        }
        if previous.as_deref() == Some(next.as_str()) {
            return Err(PagingFailure::RepeatedToken);
        }
        set_token(&mut input, paging.input_token, Some(&next));
        previous = Some(next.clone());
        token = Some(next);
    }
}

/// Why paging stopped short.
#[derive(Debug)]
pub(super) enum PagingFailure {
    /// A `--starting-token` this command cannot read.
    Input(String),
    /// A call failed.
    Call(DispatchError),
    /// The service gave the same token twice.
    RepeatedToken,
}

fn set_token(input: &mut Map<String, Value>, name: &str, token: Option<&str>) {
    match token {
        Some(token) => {
            input.insert(name.to_owned(), Value::String(token.to_owned()));
        }
        None => {
            input.remove(name);
        }
    }
}

/// An empty value of `value`'s kind, as botocore empties secondary result keys.
fn empty_like(value: &Value) -> Value {
    match value {
        Value::Array(_) => Value::Array(Vec::new()),
        Value::String(_) => Value::String(String::new()),
        Value::Number(_) => Value::from(0),
        _ => Value::Null,
    }
}

impl Paged {
    /// The pages as one response, as botocore's `build_full_result`: the result lists joined,
    /// the non-aggregate members of the first page, and `NextToken` when cut short.
    pub(super) fn full_result(&self, paging: &Paging) -> Value {
        let mut result = Map::new();
        for page in &self.pages {
            for key in paging.result_keys {
                match (page.get(*key), result.get_mut(*key)) {
                    (None | Some(Value::Null), _) => {}
                    (Some(value), None) => {
                        result.insert((*key).to_owned(), value.clone());
                    }
                    (Some(Value::Array(items)), Some(Value::Array(joined))) => {
                        joined.extend(items.iter().cloned())
                    }
                    _ => {}
                }
            }
        }
        if let Some(first) = self.pages.first() {
            for key in paging.non_aggregate_keys {
                if let Some(value) = first.get(*key) {
                    result.insert((*key).to_owned(), value.clone());
                }
            }
        }
        if let Some(token) = &self.resume {
            result.insert("NextToken".to_owned(), Value::String(token.clone()));
        }
        Value::Object(result)
    }

    /// Each page as the AWS CLI's text output shows it: its result lists (the first page with
    /// the non-aggregate members), then `{"NextToken": {"NextToken": …}}` when cut short.
    pub(super) fn text_pages(&self, paging: &Paging) -> Vec<Value> {
        let mut shown = Vec::new();
        for (index, page) in self.pages.iter().enumerate() {
            let mut current = Map::new();
            if index == 0 {
                for key in paging.non_aggregate_keys {
                    if let Some(value) = page.get(*key) {
                        current.insert((*key).to_owned(), value.clone());
                    }
                }
            }
            for key in paging.result_keys {
                current.insert((*key).to_owned(), page.get(*key).cloned().unwrap_or(Value::Null));
            }
            shown.push(Value::Object(current));
        }
        if let Some(token) = &self.resume {
            shown.push(::serde_json::json!({ "NextToken": { "NextToken": token } }));
        }
        shown
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ::serde_json::json;

    static USERS: Paging = Paging {
        input_token: "PaginationToken",
        output_token: "PaginationToken",
        limit_key: Some("Limit"),
        result_keys: &["Users"],
        non_aggregate_keys: &[],
    };

    #[test]
    fn resume_tokens_are_botocores() {
        // What botocore 1.44.5 writes for the same dictionaries (`PageIterator.resume_token`).
        let resume = Resume { token: Some("abc".into()), skip: 1 };
        assert_eq!(
            resume.encode("PaginationToken"),
            "eyJQYWdpbmF0aW9uVG9rZW4iOiAiYWJjIiwgImJvdG9fdHJ1bmNhdGVfYW1vdW50IjogMX0="
        );
        assert_eq!(Resume::decode(&resume.encode("PaginationToken"), "PaginationToken").unwrap(), resume);
        let first_page = Resume { token: None, skip: 2 };
        assert_eq!(
            first_page.encode("NextToken"),
            "eyJOZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAyfQ=="
        );
        let boundary = Resume { token: Some("n\u{e9}xt".into()), skip: 0 };
        assert_eq!(boundary.encode("NextToken"), "eyJOZXh0VG9rZW4iOiAiblx1MDBlOXh0In0=");
        // Older forms: a bare service token, and `token___<skip>`.
        assert_eq!(
            Resume::decode("opaque-token", "NextToken").unwrap(),
            Resume { token: Some("opaque-token".into()), skip: 0 }
        );
        assert_eq!(
            Resume::decode("tok___3", "NextToken").unwrap(),
            Resume { token: Some("tok".into()), skip: 3 }
        );
    }

    /// A service with `items` in pages of `size`, its token the index of the next item.
    fn service(
        items: &'static [&'static str],
        size: usize,
    ) -> impl FnMut(Value) -> ::std::future::Ready<Result<Value, DispatchError>> {
        move |input: Value| {
            let start: usize = input["PaginationToken"].as_str().map_or(0, |t| t.parse().unwrap());
            let size = input["Limit"].as_u64().map_or(size, |l| l as usize);
            let end = (start + size).min(items.len());
            let mut page = json!({ "Users": items[start..end] });
            if end < items.len() {
                page["PaginationToken"] = json!(end.to_string());
            }
            ::std::future::ready(Ok(page))
        }
    }

    fn run(
        args: PagingArgs,
        service: impl FnMut(Value) -> ::std::future::Ready<Result<Value, DispatchError>>,
    ) -> Paged {
        let future = fetch(&USERS, &args, Map::new(), service);
        match ::std::pin::pin!(future).poll(&mut ::std::task::Context::from_waker(::std::task::Waker::noop()))
        {
            ::std::task::Poll::Ready(result) => result.expect("paged"),
            ::std::task::Poll::Pending => panic!("the test service is ready at once"),
        }
    }

    use ::std::future::Future as _;

    const ITEMS: &[&str] = &["a", "b", "c", "d", "e"];

    #[test]
    fn every_page_is_fetched_and_merged() {
        let paged = run(PagingArgs::default(), service(ITEMS, 2));
        assert_eq!(paged.pages.len(), 3);
        assert_eq!(paged.full_result(&USERS), json!({"Users": ["a", "b", "c", "d", "e"]}));
    }

    #[test]
    fn max_items_cuts_and_the_starting_token_resumes_where_it_cut() {
        let mut seen = Vec::new();
        let mut args = PagingArgs { max_items: Some(3), ..PagingArgs::default() };
        loop {
            let paged = run(args.clone(), service(ITEMS, 2));
            let result = paged.full_result(&USERS);
            seen.extend(result["Users"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_owned()));
            match result.get("NextToken").and_then(Value::as_str) {
                Some(token) => args.starting_token = Some(token.to_owned()),
                None => break,
            }
        }
        assert_eq!(seen, ["a", "b", "c", "d", "e"]);
        // On a page boundary the token is the service's own.
        let paged = run(PagingArgs { max_items: Some(2), ..PagingArgs::default() }, service(ITEMS, 2));
        let token = paged.resume.unwrap();
        assert_eq!(
            Resume::decode(&token, "PaginationToken").unwrap(),
            Resume { token: Some("2".into()), skip: 0 }
        );
        // One item at a time, with a page size.
        let paged = run(
            PagingArgs { max_items: Some(1), page_size: Some(1), ..PagingArgs::default() },
            service(ITEMS, 2),
        );
        assert_eq!(paged.full_result(&USERS)["Users"], json!(["a"]));
    }

    #[test]
    fn text_shows_each_page_and_the_next_token() {
        let paged = run(PagingArgs { max_items: Some(3), ..PagingArgs::default() }, service(ITEMS, 2));
        let pages = paged.text_pages(&USERS);
        assert_eq!(pages.len(), 3);
        assert_eq!(pages[1], json!({"Users": ["c"]}));
        assert!(pages[2]["NextToken"]["NextToken"].is_string());
    }

    #[test]
    fn a_repeated_token_stops_the_pages() {
        let looping = |_: Value| ::std::future::ready(Ok(json!({"Users": ["x"], "PaginationToken": "same"})));
        let args = PagingArgs::default();
        let future = fetch(&USERS, &args, Map::new(), looping);
        let polled =
            ::std::pin::pin!(future).poll(&mut ::std::task::Context::from_waker(::std::task::Waker::noop()));
        assert!(matches!(polled, ::std::task::Poll::Ready(Err(PagingFailure::RepeatedToken))));
    }
}
