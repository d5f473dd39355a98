//! AWS's standard retry mode: which failures are retried, how long to wait, and the quota that
//! stops a client from retrying into an outage.
//!
//! As AWS's SDKs define it: throttling errors (recognised by their code whatever the status, or
//! by HTTP 429), transient responses (500, 502, 503 and 504, modeled or not, and the request
//! timeout codes) and transient transport failures (no connection, a timeout, a connection lost
//! while sending or reading) are retried, up to the client's maximum number of attempts, after a
//! delay drawn uniformly between zero and an exponentially growing cap ("full jitter"). Any other
//! error, a modeled client error above all, is final at once. Each retry takes tokens from a
//! quota shared by the clones of a client; a success puts them back.

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

/// Error codes that mean "slow down", whatever the HTTP status (the list AWS's SDKs share).
pub const THROTTLING_CODES: &[&str] = &[
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "RequestThrottledException",
    "TooManyRequestsException",
    "ProvisionedThroughputExceededException",
    "TransactionInProgressException",
    "RequestLimitExceeded",
    "BandwidthLimitExceeded",
    "LimitExceededException",
    "RequestThrottled",
    "SlowDown",
    "PriorRequestNotComplete",
    "EC2ThrottledException",
];

/// Error codes of requests that timed out on the service's side.
pub const TRANSIENT_CODES: &[&str] = &["RequestTimeout", "RequestTimeoutException"];

/// HTTP statuses of responses that may succeed when sent again.
pub const TRANSIENT_STATUSES: &[u16] = &[500, 502, 503, 504];

/// Why a failed attempt may be retried.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Retryable {
    /// The service asked to slow down.
    Throttling,
    /// A transient fault of the service or of the connection to it.
    Transient,
    /// The attempt timed out on our side.
    Timeout,
}

/// Classifies an error response by its status and error code.
pub fn classify_response(status: u16, code: Option<&str>) -> Option<Retryable> {
    if status == 429 || code.is_some_and(|code| THROTTLING_CODES.contains(&code)) {
        Some(Retryable::Throttling)
    } else if TRANSIENT_STATUSES.contains(&status) || code.is_some_and(|code| TRANSIENT_CODES.contains(&code))
    {
        Some(Retryable::Transient)
    } else {
        None
    }
}

/// Classifies a transport failure: no connection, a timeout, or a connection lost while the
/// request was sent or the response read.
pub fn classify_transport(error: &::reqwest::Error) -> Option<Retryable> {
    if error.is_timeout() {
        Some(Retryable::Timeout)
    } else if error.is_connect() || error.is_request() || error.is_body() {
        Some(Retryable::Transient)
    } else {
        None
    }
}

/// The retry settings of a client.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included; 1 means no retry.
    pub max_attempts: u32,
    /// The cap of the first retry's delay; it doubles with each retry.
    pub initial_backoff: Duration,
    /// The largest delay.
    pub max_backoff: Duration,
}

impl Default for RetryPolicy {
    /// AWS's standard mode: 3 attempts, delays capped at 1 s, 2 s, … up to 20 s.
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 3,
            initial_backoff: Duration::from_secs(1),
            max_backoff: Duration::from_secs(20),
        }
    }
}

impl RetryPolicy {
    /// The delay before retry number `retry` (1 for the first), drawn in `[0, cap]` from
    /// `random` (uniform in `[0, 1)`).
    pub fn backoff(&self, retry: u32, random: f64) -> Duration {
        let doubling = 2f64.powi(i32::try_from(retry.saturating_sub(1)).unwrap_or(i32::MAX));
        let cap = self.initial_backoff.as_secs_f64() * doubling;
        let cap = cap.min(self.max_backoff.as_secs_f64());
        Duration::from_secs_f64(cap * random.clamp(0.0, 1.0))
    }
}

/// Tokens a client may spend on retries, shared by its clones: a retry takes
/// [`RETRY_COST`] (or [`TIMEOUT_COST`] after a timeout), a call that succeeds at once puts one
/// back, and one that succeeds after retries puts back what its retries took.
#[derive(Debug)]
pub struct RetryQuota {
    tokens: AtomicU32,
}

/// The quota a client starts with.
pub const INITIAL_RETRY_TOKENS: u32 = 500;
/// What a retry takes from the quota.
pub const RETRY_COST: u32 = 5;
/// What a retry after a timeout takes.
pub const TIMEOUT_COST: u32 = 10;

impl Default for RetryQuota {
    fn default() -> Self {
        RetryQuota { tokens: AtomicU32::new(INITIAL_RETRY_TOKENS) }
    }
}

impl RetryQuota {
    /// Takes the cost of a retry after `why`; `None` when the quota cannot pay it (no retry then).
    pub fn acquire(&self, why: Retryable) -> Option<u32> {
        let cost = match why {
            Retryable::Timeout => TIMEOUT_COST,
            Retryable::Throttling | Retryable::Transient => RETRY_COST,
        };
        self.tokens
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |tokens| tokens.checked_sub(cost))
            .ok()?;
        Some(cost)
    }

    /// A call succeeded, after retries that took `spent` tokens (none: it succeeded at once).
    pub fn release(&self, spent: u32) {
        let refund = if spent == 0 { 1 } else { spent };
        let _ = self.tokens.fetch_update(Ordering::AcqRel, Ordering::Acquire, |tokens| {
            Some(tokens.saturating_add(refund).min(INITIAL_RETRY_TOKENS))
        });
    }

    /// Tokens left.
    pub fn available(&self) -> u32 {
        self.tokens.load(Ordering::Acquire)
    }
}

/// A number in `[0, 1)` for jitter. Not for secrets: std's per-process random hash keys, mixed
/// with the time, are enough to spread clients' retries apart, without another dependency.
pub fn jitter() -> f64 {
    // The top 53 bits, as the fraction of an f64.
    (random_u64() >> 11) as f64 / (1u64 << 53) as f64
}

/// 64 bits that differ from call to call: std's randomly keyed SipHash of the time. Neither a
/// delay nor an invocation id needs a cryptographic generator.
fn random_u64() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos(),
    );
    hasher.finish()
}

/// 128 bits, as [`random_u64`] makes them.
pub(crate) fn random_u128() -> u128 {
    (u128::from(random_u64()) << 64) | u128::from(random_u64())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn throttling_by_code_whatever_the_status_and_by_429() {
        assert_eq!(classify_response(400, Some("TooManyRequestsException")), Some(Retryable::Throttling));
        assert_eq!(classify_response(400, Some("ThrottlingException")), Some(Retryable::Throttling));
        assert_eq!(classify_response(503, Some("SlowDown")), Some(Retryable::Throttling));
        assert_eq!(classify_response(429, None), Some(Retryable::Throttling));
    }

    #[test]
    fn transient_statuses_even_when_modeled_and_timeout_codes() {
        for status in [500, 502, 503, 504] {
            assert_eq!(classify_response(status, Some("InternalErrorException")), Some(Retryable::Transient));
            assert_eq!(classify_response(status, None), Some(Retryable::Transient));
        }
        assert_eq!(classify_response(400, Some("RequestTimeoutException")), Some(Retryable::Transient));
    }

    #[test]
    fn client_errors_are_final() {
        for code in ["NotAuthorizedException", "InvalidParameterException", "UserNotFoundException", "X"] {
            assert_eq!(classify_response(400, Some(code)), None, "{code}");
        }
        assert_eq!(classify_response(400, None), None);
        assert_eq!(classify_response(501, None), None);
        assert_eq!(classify_response(403, None), None);
    }

    #[test]
    fn backoff_doubles_up_to_the_cap_and_spreads_below_it() {
        let policy = RetryPolicy::default();
        assert_eq!(policy.backoff(1, 1.0), Duration::from_secs(1));
        assert_eq!(policy.backoff(2, 1.0), Duration::from_secs(2));
        assert_eq!(policy.backoff(3, 1.0), Duration::from_secs(4));
        assert_eq!(policy.backoff(10, 1.0), Duration::from_secs(20));
        assert_eq!(policy.backoff(u32::MAX, 1.0), Duration::from_secs(20));
        assert_eq!(policy.backoff(2, 0.5), Duration::from_secs(1));
        assert_eq!(policy.backoff(2, 0.0), Duration::ZERO);
    }

    #[test]
    fn jitter_is_in_the_unit_interval_and_varies() {
        let draws: Vec<f64> = (0..64).map(|_| jitter()).collect();
        assert!(draws.iter().all(|x| (0.0..1.0).contains(x)), "{draws:?}");
        let distinct: std::collections::BTreeSet<u64> = draws.iter().map(|x| x.to_bits()).collect();
        assert!(distinct.len() > 32, "{} distinct of 64", distinct.len());
    }

    #[test]
    fn the_quota_runs_out_and_successes_refill_it() {
        let quota = RetryQuota::default();
        let mut spent = 0;
        while let Some(cost) = quota.acquire(Retryable::Transient) {
            spent += cost;
        }
        assert_eq!(spent, INITIAL_RETRY_TOKENS);
        assert_eq!(quota.acquire(Retryable::Throttling), None);
        quota.release(RETRY_COST);
        assert_eq!(quota.acquire(Retryable::Timeout), None, "a timeout costs more");
        assert_eq!(quota.acquire(Retryable::Transient), Some(RETRY_COST));
        for _ in 0..1000 {
            quota.release(0);
        }
        assert_eq!(quota.available(), INITIAL_RETRY_TOKENS, "capped at the initial quota");
    }
}
