//! Paginated operations a page at a time ([`Client::pages`]), as botocore's paginators and
//! aws-sdk-rust's `into_paginator()` page them.

use super::{CallError, Client};
use crate::support::Paginated;
use crate::wire::{FromErrorResponse, Validate};

/// The pages of a paginated operation: [`next`](Self::next) calls the operation with the token
/// of the page before, until a page has none. The request's own token, if set, is where the
/// first page starts.
///
/// ```no_run
/// # use cognito_idp_runtime::client::{CallError, Client};
/// # use cognito_idp_runtime::support::Paginated;
/// # use cognito_idp_runtime::wire::{FromErrorResponse, Validate};
/// async fn count<Op>(client: &Client, input: Op::Input) -> Result<usize, CallError<Op::Error>>
/// where
///     Op: Paginated,
///     Op::Input: serde::Serialize + Validate,
///     Op::Output: serde::de::DeserializeOwned,
///     Op::Error: FromErrorResponse,
/// {
///     let mut pages = client.pages::<Op>(input).page_size(60);
///     let mut items = 0;
///     while let Some(page) = pages.next().await {
///         items += Op::into_items(page?).len();
///     }
///     Ok(items)
/// }
/// ```
#[derive(Debug)]
pub struct Pages<'a, Op: Paginated> {
    client: &'a Client,
    input: Op::Input,
    state: State,
}

#[derive(Debug)]
enum State {
    First,
    Next(String),
    Done,
}

impl<'a, Op> Pages<'a, Op>
where
    Op: Paginated,
    Op::Input: ::serde::Serialize + Validate,
    Op::Output: ::serde::de::DeserializeOwned,
    Op::Error: FromErrorResponse,
{
    pub(super) fn new(client: &'a Client, input: Op::Input) -> Self {
        Pages { client, input, state: State::First }
    }

    /// Asks for pages of at most `size` items, where the operation lets its page size be set.
    pub fn page_size(mut self, size: i32) -> Self {
        Op::set_page_size(&mut self.input, size);
        self
    }

    /// The next page, or `None` after the last one. An error ends the pages; so does a token
    /// the service gives twice in a row ([`CallError::RepeatedToken`]), which would loop.
    pub async fn next(&mut self) -> Option<Result<Op::Output, CallError<Op::Error>>> {
        let used = match ::std::mem::replace(&mut self.state, State::Done) {
            State::Done => return None,
            State::First => None,
            State::Next(token) => {
                Op::set_token(&mut self.input, Some(token.clone()));
                Some(token)
            }
        };
        let output = match self.client.call::<Op>(&self.input).await {
            Ok(output) => output,
            Err(error) => return Some(Err(error)),
        };
        match Op::next_token(&output) {
            Some(next) if used.as_deref() == Some(next) => {
                return Some(Err(CallError::RepeatedToken { operation: Op::NAME }));
            }
            Some(next) if !next.is_empty() => self.state = State::Next(next.to_owned()),
            _ => {}
        }
        Some(Ok(output))
    }

    /// The items of every page, in order.
    ///
    /// # Errors
    ///
    /// The first error of a page; the items read before it are dropped.
    pub async fn items(mut self) -> Result<Vec<Op::Item>, CallError<Op::Error>> {
        let mut items = Vec::new();
        while let Some(page) = self.next().await {
            items.extend(Op::into_items(page?));
        }
        Ok(items)
    }
}
