//! Runtime support shared by the generated types: wire encodings of blobs and timestamps,
//! redaction, the catch-all of string enums, constraint checks and operation descriptors.
//!
//! Every generated output re-exports this module as its `support`.

use std::fmt;

pub mod structure;

/// What `Debug` prints in place of a sensitive value.
pub const REDACTED: &str = "*** Sensitive Data Redacted ***";

/// Stands in for a sensitive value in `Debug` output.
pub struct Redacted;

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

/// A string enum value that the model did not list, kept exactly as received so it serializes
/// back unchanged. It can only be made by parsing.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnknownValue(String);

impl UnknownValue {
    /// For generated enum conversions: an unknown value is made by parsing.
    #[doc(hidden)]
    pub fn new(value: impl Into<String>) -> Self {
        UnknownValue(value.into())
    }

    /// The value as received.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

/// Serde glue of string enums: they travel as plain strings.
pub mod string_enum {
    /// Serializes `value` as the string `as_str` gives.
    pub fn serialize<S: ::serde::Serializer>(value: &str, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(value)
    }

    /// Deserializes a string and converts it, keeping unknown values.
    pub fn deserialize<'de, D, T>(deserializer: D) -> Result<T, D::Error>
    where
        D: ::serde::Deserializer<'de>,
        T: From<String>,
    {
        <String as ::serde::Deserialize>::deserialize(deserializer).map(T::from)
    }
}

/// Binary data; base64 (standard alphabet, padded) on the JSON wire.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Blob(pub Vec<u8>);

impl Blob {
    /// The bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// Takes the bytes out.
    pub fn into_inner(self) -> Vec<u8> {
        self.0
    }
}

impl fmt::Debug for Blob {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Blob({} bytes)", self.0.len())
    }
}

impl From<Vec<u8>> for Blob {
    fn from(bytes: Vec<u8>) -> Self {
        Blob(bytes)
    }
}

impl From<&[u8]> for Blob {
    fn from(bytes: &[u8]) -> Self {
        Blob(bytes.to_vec())
    }
}

impl<const N: usize> From<[u8; N]> for Blob {
    fn from(bytes: [u8; N]) -> Self {
        Blob(bytes.to_vec())
    }
}

impl ::std::ops::Deref for Blob {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        &self.0
    }
}

impl ::serde::Serialize for Blob {
    fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use ::base64::Engine as _;
        serializer.serialize_str(&::base64::engine::general_purpose::STANDARD.encode(&self.0))
    }
}

impl<'de> ::serde::Deserialize<'de> for Blob {
    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use ::base64::Engine as _;
        let text = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(deserializer)?;
        ::base64::engine::general_purpose::STANDARD
            .decode(text.as_bytes())
            .map(Blob)
            // The decoder's error names the offending byte: only the fact is kept.
            .map_err(|_| ::serde::de::Error::custom("invalid base64 blob"))
    }
}

/// A point in time with nanosecond precision, as AWS timestamps are.
///
/// On the JSON wire it is seconds since the Unix epoch, a fraction allowed (`1700000000.5`);
/// members the model gives another `timestampFormat` use [`iso8601`] or [`rfc822`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateTime {
    seconds: i64,
    nanos: u32,
}

impl DateTime {
    /// From whole seconds since the epoch.
    pub const fn from_secs(seconds: i64) -> Self {
        DateTime { seconds, nanos: 0 }
    }

    /// From seconds and a sub-second part; `None` when `nanos` is a second or more.
    pub const fn from_secs_and_nanos(seconds: i64, nanos: u32) -> Option<Self> {
        if nanos < 1_000_000_000 {
            Some(DateTime { seconds, nanos })
        } else {
            None
        }
    }

    /// From fractional seconds, rounded to the microsecond; `None` when not finite or out of range.
    ///
    /// A double holds present-day epoch seconds to about 0.2 µs, so finer digits on the wire
    /// are noise: `1700000000.123` must read as 123 ms, not 122.999907 ms.
    pub fn from_secs_f64(value: f64) -> Option<Self> {
        if !value.is_finite() || value.abs() > 9.2e15 {
            return None;
        }
        let seconds = value.floor();
        let micros = ((value - seconds) * 1e6).round();
        let (seconds, micros) = if micros >= 1e6 { (seconds + 1.0, 0.0) } else { (seconds, micros) };
        Some(DateTime { seconds: seconds as i64, nanos: micros as u32 * 1000 })
    }

    /// The current time.
    pub fn now() -> Self {
        Self::from(::std::time::SystemTime::now())
    }

    /// Whole seconds since the epoch (rounded down).
    pub const fn secs(&self) -> i64 {
        self.seconds
    }

    /// Nanoseconds past [`Self::secs`].
    pub const fn subsec_nanos(&self) -> u32 {
        self.nanos
    }

    /// Seconds since the epoch as a float.
    pub fn as_secs_f64(&self) -> f64 {
        self.seconds as f64 + f64::from(self.nanos) / 1e9
    }

    /// Formats as RFC 3339 in UTC (`2023-11-14T22:13:20Z`, fraction only when present).
    pub fn to_rfc3339(self) -> String {
        let (date, secs_of_day) = civil::split(self.seconds);
        let mut out = format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
            date.year,
            date.month,
            date.day,
            secs_of_day / 3600,
            secs_of_day / 60 % 60,
            secs_of_day % 60
        );
        if self.nanos != 0 {
            let fraction = format!("{:09}", self.nanos);
            out.push('.');
            out.push_str(fraction.trim_end_matches('0'));
        }
        out.push('Z');
        out
    }

    /// Parses RFC 3339 (`2023-11-14T22:13:20.5+01:00`, `Z` or an offset).
    pub fn parse_rfc3339(text: &str) -> Option<Self> {
        civil::parse_rfc3339(text)
    }

    /// Formats as an HTTP date (`Tue, 14 Nov 2023 22:13:20 GMT`), whole seconds.
    pub fn to_http_date(self) -> String {
        let (date, secs_of_day) = civil::split(self.seconds);
        format!(
            "{}, {:02} {} {:04} {:02}:{:02}:{:02} GMT",
            civil::WEEKDAYS[civil::weekday(self.seconds)],
            date.day,
            civil::MONTHS[usize::from(date.month - 1)],
            date.year,
            secs_of_day / 3600,
            secs_of_day / 60 % 60,
            secs_of_day % 60
        )
    }

    /// Parses an HTTP date (`Tue, 14 Nov 2023 22:13:20 GMT`).
    pub fn parse_http_date(text: &str) -> Option<Self> {
        civil::parse_http_date(text)
    }
}

impl From<::std::time::SystemTime> for DateTime {
    fn from(time: ::std::time::SystemTime) -> Self {
        match time.duration_since(::std::time::UNIX_EPOCH) {
            Ok(after) => DateTime { seconds: after.as_secs() as i64, nanos: after.subsec_nanos() },
            Err(before) => {
                let before = before.duration();
                let (seconds, nanos) = (before.as_secs() as i64, before.subsec_nanos());
                if nanos == 0 {
                    DateTime { seconds: -seconds, nanos: 0 }
                } else {
                    DateTime { seconds: -seconds - 1, nanos: 1_000_000_000 - nanos }
                }
            }
        }
    }
}

impl From<DateTime> for ::std::time::SystemTime {
    fn from(time: DateTime) -> Self {
        let epoch = ::std::time::UNIX_EPOCH;
        let whole = ::std::time::Duration::from_secs(time.seconds.unsigned_abs());
        let base = if time.seconds >= 0 { epoch + whole } else { epoch - whole };
        base + ::std::time::Duration::from_nanos(u64::from(time.nanos))
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_rfc3339())
    }
}

impl ::serde::Serialize for DateTime {
    fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.nanos == 0 {
            serializer.serialize_i64(self.seconds)
        } else {
            serializer.serialize_f64(self.as_secs_f64())
        }
    }
}

impl<'de> ::serde::Deserialize<'de> for DateTime {
    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(EpochVisitor)
    }
}

struct EpochVisitor;

impl ::serde::de::Visitor<'_> for EpochVisitor {
    type Value = DateTime;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("seconds since the Unix epoch")
    }

    fn visit_i64<E: ::serde::de::Error>(self, v: i64) -> Result<DateTime, E> {
        Ok(DateTime::from_secs(v))
    }

    fn visit_u64<E: ::serde::de::Error>(self, v: u64) -> Result<DateTime, E> {
        i64::try_from(v).map(DateTime::from_secs).map_err(|_| E::custom("timestamp out of range"))
    }

    fn visit_f64<E: ::serde::de::Error>(self, v: f64) -> Result<DateTime, E> {
        DateTime::from_secs_f64(v).ok_or_else(|| E::custom("timestamp out of range"))
    }
}

/// `#[serde(with)]` glue for timestamps whose model format is a text form.
macro_rules! text_timestamp_format {
    ($module:ident, $optional:ident, $format:ident, $parse:ident, $what:literal) => {
        /// Serde glue for a timestamp in this text format.
        pub mod $module {
            use super::DateTime;

            /// Writes the timestamp as text.
            pub fn serialize<S: ::serde::Serializer>(
                value: &DateTime,
                serializer: S,
            ) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&value.$format())
            }

            /// Reads the timestamp from text.
            pub fn deserialize<'de, D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<DateTime, D::Error> {
                let text = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(deserializer)?;
                DateTime::$parse(&text)
                    .ok_or_else(|| ::serde::de::Error::custom(concat!("invalid ", $what, " timestamp")))
            }
        }

        /// Serde glue for an optional timestamp in this text format.
        pub mod $optional {
            use super::DateTime;

            /// Writes the timestamp as text.
            pub fn serialize<S: ::serde::Serializer>(
                value: &Option<DateTime>,
                serializer: S,
            ) -> Result<S::Ok, S::Error> {
                match value {
                    Some(value) => super::$module::serialize(value, serializer),
                    None => serializer.serialize_none(),
                }
            }

            /// Reads the timestamp from text.
            pub fn deserialize<'de, D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Option<DateTime>, D::Error> {
                super::$module::deserialize(deserializer).map(Some)
            }
        }
    };
}

text_timestamp_format!(iso8601, iso8601_option, to_rfc3339, parse_rfc3339, "RFC 3339");
text_timestamp_format!(rfc822, rfc822_option, to_http_date, parse_http_date, "HTTP date");

/// Calendar arithmetic in the proleptic Gregorian calendar, UTC.
pub mod civil {
    /// English weekday abbreviations, Sunday first.
    pub const WEEKDAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    /// English month abbreviations.
    pub const MONTHS: [&str; 12] =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// A calendar date.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub struct Date {
        /// The year (astronomical numbering).
        pub year: i64,
        /// 1 to 12.
        pub month: u8,
        /// 1 to 31.
        pub day: u8,
    }

    /// Splits seconds since the epoch into the date and the seconds into that day.
    pub fn split(seconds: i64) -> (Date, i64) {
        let days = seconds.div_euclid(86_400);
        (from_days(days), seconds.rem_euclid(86_400))
    }

    /// Day of the week, 0 = Sunday.
    pub fn weekday(seconds: i64) -> usize {
        // 1970-01-01 was a Thursday.
        (seconds.div_euclid(86_400) + 4).rem_euclid(7) as usize
    }

    /// The date `days` days after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date { year, month, day }
    }

    /// Days from 1970-01-01 to the date (`days_from_civil`); `None` for an impossible date or
    /// one too far away to count in an `i64`.
    pub fn to_days(date: Date) -> Option<i64> {
        if !(1..=12).contains(&date.month) || date.day == 0 || date.day > days_in_month(date.year, date.month)
        {
            return None;
        }
        let year = date.year.checked_sub(i64::from(date.month <= 2))?;
        let era = year.div_euclid(400);
        let yoe = year.rem_euclid(400);
        let month = i64::from(date.month);
        let doy = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(date.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era.checked_mul(146_097)?.checked_add(doe - 719_468)
    }

    /// The greatest year the text forms take: RFC 3339 and HTTP dates write four digits.
    pub const MAX_TEXT_YEAR: i64 = 9999;

    fn days_in_month(year: i64, month: u8) -> u8 {
        match month {
            2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }

    fn number(text: &str) -> Option<i64> {
        if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        text.parse().ok()
    }

    fn time_of_day(text: &str) -> Option<i64> {
        let mut parts = text.split(':');
        let (h, m, s) = (number(parts.next()?)?, number(parts.next()?)?, number(parts.next()?)?);
        if parts.next().is_some() || h > 23 || m > 59 || s > 60 {
            return None;
        }
        Some(h * 3600 + m * 60 + s.min(59))
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`. Years run from 0 to 9999, offsets
    /// up to ±23:59; anything else is refused rather than wrapped around.
    pub(super) fn parse_rfc3339(text: &str) -> Option<super::DateTime> {
        let (date, rest) = text.split_once(['T', 't', ' '])?;
        let mut fields = date.split('-');
        let date = Date {
            year: number(fields.next()?).filter(|year| *year <= MAX_TEXT_YEAR)?,
            month: u8::try_from(number(fields.next()?)?).ok()?,
            day: u8::try_from(number(fields.next()?)?).ok()?,
        };
        if fields.next().is_some() {
            return None;
        }
        let (clock, offset) = if let Some(clock) = rest.strip_suffix(['Z', 'z']) {
            (clock, 0)
        } else {
            let at = rest.rfind(['+', '-'])?;
            let (clock, zone) = rest.split_at(at);
            let (hours, minutes) = zone[1..].split_once(':')?;
            let (hours, minutes) = (number(hours)?, number(minutes)?);
            if hours > 23 || minutes > 59 {
                return None;
            }
            let seconds = (hours * 60 + minutes) * 60;
            (clock, if zone.starts_with('-') { -seconds } else { seconds })
        };
        let (clock, fraction) = match clock.split_once('.') {
            Some((clock, fraction)) => (clock, fraction),
            None => (clock, ""),
        };
        let nanos = if fraction.is_empty() {
            0
        } else {
            if fraction.len() > 9 || number(fraction).is_none() {
                return None;
            }
            format!("{fraction:0<9}").parse::<u32>().ok()?
        };
        let seconds =
            to_days(date)?.checked_mul(86_400)?.checked_add(time_of_day(clock)?)?.checked_sub(offset)?;
        // The offset may carry the instant out of the four-digit years, which RFC 3339 text
        // (and so `to_rfc3339`) cannot write back.
        if !text_years().contains(&seconds) {
            return None;
        }
        super::DateTime::from_secs_and_nanos(seconds, nanos)
    }

    /// The seconds of years 0 to 9999, UTC: what RFC 3339 and HTTP dates can write.
    fn text_years() -> ::std::ops::RangeInclusive<i64> {
        let first = Date { year: 0, month: 1, day: 1 };
        let last = Date { year: MAX_TEXT_YEAR, month: 12, day: 31 };
        let days = |date| to_days(date).unwrap_or_default() * 86_400;
        days(first)..=days(last) + 86_399
    }

    /// Parses `Tue, 14 Nov 2023 22:13:20 GMT`.
    pub(super) fn parse_http_date(text: &str) -> Option<super::DateTime> {
        let (_, rest) = text.split_once(", ")?;
        let mut parts = rest.split(' ');
        let day = u8::try_from(number(parts.next()?)?).ok()?;
        let month_name = parts.next()?;
        let month = MONTHS.iter().position(|m| *m == month_name)? as u8 + 1;
        let year = number(parts.next()?).filter(|year| *year <= MAX_TEXT_YEAR)?;
        let clock = time_of_day(parts.next()?)?;
        if parts.next()? != "GMT" || parts.next().is_some() {
            return None;
        }
        let seconds = to_days(Date { year, month, day })?.checked_mul(86_400)?.checked_add(clock)?;
        Some(super::DateTime::from_secs(seconds))
    }
}

/// A field path inside a request, built on the stack while validating and rendered only when a
/// constraint fails: `UserAttributes[2].Name`.
#[derive(Clone, Copy)]
pub enum FieldPath<'a> {
    /// The request itself.
    Root,
    /// A member, by its wire name.
    Field(&'a FieldPath<'a>, &'static str),
    /// A list element.
    Index(&'a FieldPath<'a>, usize),
    /// A map entry.
    Key(&'a FieldPath<'a>, &'a str),
    /// A map entry of a sensitive map: the key is not shown.
    HiddenKey(&'a FieldPath<'a>),
}

impl<'a> FieldPath<'a> {
    /// The path of a member of this value.
    pub fn field(&'a self, name: &'static str) -> FieldPath<'a> {
        FieldPath::Field(self, name)
    }

    /// The path of a list element.
    pub fn index(&'a self, index: usize) -> FieldPath<'a> {
        FieldPath::Index(self, index)
    }

    /// The path of a map entry.
    pub fn key(&'a self, key: &'a str) -> FieldPath<'a> {
        FieldPath::Key(self, key)
    }

    /// The path of a map entry whose key must not be shown.
    pub fn hidden_key(&'a self) -> FieldPath<'a> {
        FieldPath::HiddenKey(self)
    }
}

impl fmt::Display for FieldPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldPath::Root => Ok(()),
            FieldPath::Field(FieldPath::Root, name) => f.write_str(name),
            FieldPath::Field(parent, name) => write!(f, "{parent}.{name}"),
            FieldPath::Index(parent, index) => write!(f, "{parent}[{index}]"),
            FieldPath::Key(parent, key) => write!(f, "{parent}[{key:?}]"),
            FieldPath::HiddenKey(parent) => write!(f, "{parent}[…]"),
        }
    }
}

/// A constraint of the model that a value breaks.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Constraint {
    /// Fewer characters, bytes or elements than `min`.
    MinLength { min: i64, actual: usize },
    /// More characters, bytes or elements than `max`.
    MaxLength { max: i64, actual: usize },
    /// A number below `min`.
    Min { min: f64 },
    /// A number above `max`.
    Max { max: f64 },
    /// Text that does not match the whole pattern.
    Pattern { pattern: &'static str },
    /// A value that goes into the host name (`endpoint.hostPrefix`) and is not a DNS label.
    HostLabel,
    /// A member the host name needs, unset.
    Unset,
}

/// A request that breaks a constraint of the model; nothing was sent. The value itself is never
/// included, since it may be a secret.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidationError {
    /// Where: member wire names, list indexes and map keys (`UserAttributes[0].Name`).
    pub path: String,
    /// What.
    pub constraint: Constraint,
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() { "value" } else { &self.path };
        match &self.constraint {
            Constraint::MinLength { min, actual } => {
                write!(f, "`{path}` has length {actual}, below the minimum length {min}")
            }
            Constraint::MaxLength { max, actual } => {
                write!(f, "`{path}` has length {actual}, above the maximum length {max}")
            }
            Constraint::Min { min } => write!(f, "`{path}` is below the minimum {min}"),
            Constraint::Max { max } => write!(f, "`{path}` is above the maximum {max}"),
            Constraint::Pattern { pattern } => write!(f, "`{path}` does not match the pattern `{pattern}`"),
            Constraint::HostLabel => write!(
                f,
                "`{path}` goes into the host name and is not a host label (1 to 63 letters, digits and \
                 hyphens, not starting with a hyphen)"
            ),
            Constraint::Unset => write!(f, "`{path}` is unset, and the host name needs it"),
        }
    }
}

impl ::std::error::Error for ValidationError {}

/// Checks a length (characters of text, bytes of a blob, elements of a list or map).
pub fn check_length(
    path: &FieldPath<'_>,
    actual: usize,
    min: Option<i64>,
    max: Option<i64>,
) -> Result<(), ValidationError> {
    let length = i64::try_from(actual).unwrap_or(i64::MAX);
    let constraint = match (min, max) {
        (Some(min), _) if length < min => Constraint::MinLength { min, actual },
        (_, Some(max)) if length > max => Constraint::MaxLength { max, actual },
        _ => return Ok(()),
    };
    Err(ValidationError { path: path.to_string(), constraint })
}

/// Checks a number against its range.
pub fn check_range(
    path: &FieldPath<'_>,
    value: f64,
    min: Option<f64>,
    max: Option<f64>,
) -> Result<(), ValidationError> {
    let constraint = match (min, max) {
        (Some(min), _) if value < min => Constraint::Min { min },
        (_, Some(max)) if value > max => Constraint::Max { max },
        _ => return Ok(()),
    };
    Err(ValidationError { path: path.to_string(), constraint })
}

/// The length bounds the model puts on a blob (bytes), list (elements) or map (entries).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LengthRule {
    /// The least length allowed.
    pub min: Option<i64>,
    /// The greatest length allowed.
    pub max: Option<i64>,
}

impl LengthRule {
    /// Checks a length against the bounds.
    #[inline]
    pub fn check(&self, path: &FieldPath<'_>, length: usize) -> Result<(), ValidationError> {
        check_length(path, length, self.min, self.max)
    }
}

/// The constraints the model puts on a string: length in characters, and a pattern.
#[derive(Debug)]
pub struct TextRule {
    /// Bounds on the number of characters.
    pub length: LengthRule,
    /// The pattern the whole value must match.
    pub pattern: Option<&'static Pattern>,
}

impl TextRule {
    /// Checks the length, then the pattern.
    pub fn check(&self, path: &FieldPath<'_>, value: &str) -> Result<(), ValidationError> {
        if self.length.min.is_some() || self.length.max.is_some() {
            self.length.check(path, value.chars().count())?;
        }
        match self.pattern {
            Some(pattern) => pattern.check(path, value),
            None => Ok(()),
        }
    }
}

/// The range the model puts on a number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RangeRule {
    /// The least value allowed.
    pub min: Option<f64>,
    /// The greatest value allowed.
    pub max: Option<f64>,
}

impl RangeRule {
    /// Checks a number against the range.
    #[inline]
    pub fn check(&self, path: &FieldPath<'_>, value: f64) -> Result<(), ValidationError> {
        check_range(path, value, self.min, self.max)
    }
}

/// A model pattern, compiled on first use and shared by every check of it.
pub struct Pattern {
    source: &'static str,
    anchored: &'static str,
    compiled: ::std::sync::OnceLock<::regex::Regex>,
}

impl Pattern {
    /// `anchored` is `source` made to match whole values; the generator has compiled it once, so
    /// it is known to be valid.
    pub const fn new(source: &'static str, anchored: &'static str) -> Self {
        Pattern { source, anchored, compiled: ::std::sync::OnceLock::new() }
    }

    /// Whether the whole of `value` matches.
    pub fn matches(&self, value: &str) -> bool {
        // A pattern that failed to compile here (it compiled at generation time, so only a
        // different regex version could cause it) does not reject values.
        let compiled = self.compiled.get_or_init(|| {
            ::regex::RegexBuilder::new(self.anchored)
                .size_limit(1 << 22)
                .build()
                .unwrap_or_else(|_| ::regex::Regex::new("").expect("the empty pattern compiles"))
        });
        compiled.as_str().is_empty() || compiled.is_match(value)
    }

    /// Checks `value` against the pattern.
    pub fn check(&self, path: &FieldPath<'_>, value: &str) -> Result<(), ValidationError> {
        if self.matches(value) {
            Ok(())
        } else {
            Err(ValidationError {
                path: path.to_string(),
                constraint: Constraint::Pattern { pattern: self.source },
            })
        }
    }
}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Pattern").field(&self.source).finish()
    }
}

/// Whether `region` can name a region: dot-separated DNS labels of `a-z`, `0-9` and `-`, none
/// empty, longer than 63 or starting or ending with `-`. The region becomes part of the
/// endpoint's host name, so anything else (`x@127.0.0.1:18089/#`) could send requests elsewhere.
pub fn is_valid_region(region: &str) -> bool {
    !region.is_empty()
        && region.len() <= 253
        && region.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
}

/// How an operation's requests are authorized.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AuthScheme {
    /// AWS Signature Version 4.
    SigV4,
    /// Sent without credentials (`authtype: none` in the model).
    None,
}

/// What the service is called on the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ServiceInfo {
    /// The full name.
    pub full_name: &'static str,
    /// The model's `serviceId`, which names the service's endpoint settings
    /// (`AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER`, `cognito_identity_provider` in a profile's
    /// `services` section).
    pub service_id: &'static str,
    /// The endpoint prefix: `https://<prefix>.<region>.amazonaws.com/`.
    pub endpoint_prefix: &'static str,
    /// The SigV4 signing name.
    pub signing_name: &'static str,
    /// The prefix of `X-Amz-Target`.
    pub target_prefix: &'static str,
    /// `application/x-amz-json-<version>`.
    pub json_version: &'static str,
    /// The model's API version.
    pub api_version: &'static str,
}

/// One operation's name, target and authorization, for tables of all operations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OperationInfo {
    /// The model name (`InitiateAuth`).
    pub name: &'static str,
    /// The `X-Amz-Target` header value.
    pub target: &'static str,
    /// How requests are authorized.
    pub auth: AuthScheme,
}

/// An operation of the service: its wire identity and its Rust types.
pub trait Operation {
    /// The service the operation belongs to.
    const SERVICE: ServiceInfo;
    /// The model name.
    const NAME: &'static str;
    /// The `X-Amz-Target` header value.
    const TARGET: &'static str;
    /// How requests are authorized.
    const AUTH: AuthScheme;
    /// The request.
    type Input;
    /// The response.
    type Output;
    /// The operation's errors.
    type Error;

    /// What the operation puts before the endpoint's host (its `endpoint.hostPrefix`, as
    /// `foo.` or `{label}.` filled from the input with [`host_label`]); `None` for most.
    ///
    /// # Errors
    ///
    /// A `{label}` member that is unset or not a host label.
    #[inline]
    fn host_prefix(input: &Self::Input) -> Result<Option<String>, ValidationError> {
        let _ = input;
        Ok(None)
    }
}

/// An operation that returns its results a page at a time, as botocore's paginators describe
/// it: a token from each response goes into the next request, until a response has none.
/// Generated for every operation of `paginators-1.json`; the client's
/// [`pages`](crate::client::Client::pages) follows it.
pub trait Paginated: Operation {
    /// The items of a page (the paginator's first `result_key`).
    type Item;

    /// Puts the token of the next page into a request (`None`: the first page).
    fn set_token(input: &mut Self::Input, token: Option<String>);

    /// The token of the page after this one, if there is one.
    fn next_token(output: &Self::Output) -> Option<&str>;

    /// Asks for pages of at most `size` items (the paginator's `limit_key`); does nothing for
    /// an operation whose page size cannot be set.
    fn set_page_size(input: &mut Self::Input, size: i32);

    /// The items of a page.
    fn into_items(output: Self::Output) -> Vec<Self::Item>;
}

/// A member's value checked as a host label: 1 to 63 ASCII letters, digits and hyphens, not
/// starting with a hyphen, since it becomes part of the host name the request goes to.
///
/// # Errors
///
/// [`Constraint::Unset`] or [`Constraint::HostLabel`], naming the member, never the value.
pub fn host_label<'a>(member: &str, value: Option<&'a str>) -> Result<&'a str, ValidationError> {
    let error = |constraint| ValidationError { path: member.to_owned(), constraint };
    let value = value.ok_or_else(|| error(Constraint::Unset))?;
    let valid = (1..=63).contains(&value.len())
        && !value.starts_with('-')
        && value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if valid {
        Ok(value)
    } else {
        Err(error(Constraint::HostLabel))
    }
}

/// The input or output of an operation the model gives none: `{}` on the wire.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Unit {}

impl ::serde::Serialize for Unit {
    fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        structure::writer(serializer, "Unit", 0)?.end()
    }
}

impl<'de> ::serde::Deserialize<'de> for Unit {
    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        structure::deserialize(deserializer, "Unit")
    }
}

impl<'de> structure::ReadMembers<'de> for Unit {
    fn read_members<A: ::serde::de::MapAccess<'de>>(
        map: &mut structure::Members<A>,
    ) -> Result<Self, A::Error> {
        while map.next_key()?.is_some() {
            map.skip_value()?;
        }
        Ok(Unit {})
    }
}

/// An error the model does not list for the operation: its code, message and HTTP status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnmodeledError {
    /// The error code (`__type` without namespace).
    pub code: String,
    /// The message, if any.
    pub message: Option<String>,
    /// The HTTP status.
    pub status: u16,
}

impl UnmodeledError {
    /// Builds an unmodeled error.
    pub fn new(code: impl Into<String>, message: Option<String>, status: u16) -> Self {
        UnmodeledError { code: code.into(), message, status }
    }

    /// Builds an unmodeled error, taking the message from a JSON error body.
    pub fn from_body(code: &str, body: &[u8], status: u16) -> Self {
        Self::new(code, error_message(body), status)
    }
}

/// What every error of the service offers: the modeled exceptions and [`UnmodeledError`].
pub trait ServiceError: ::std::error::Error + 'static {
    /// The error code (`NotAuthorizedException`).
    fn code(&self) -> &str;
    /// The message, if the service sent one.
    fn message(&self) -> Option<&str>;
    /// The same error as a plain `std` error, for `source()` chains.
    fn as_std_error(&self) -> &(dyn ::std::error::Error + 'static);
}

impl ServiceError for UnmodeledError {
    fn code(&self) -> &str {
        &self.code
    }

    fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    fn as_std_error(&self) -> &(dyn ::std::error::Error + 'static) {
        self
    }
}

/// `Code: message`, the `Display` of modeled exceptions.
pub fn display_error(error: &dyn ServiceError, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    f.write_str(error.code())?;
    match error.message() {
        Some(message) => write!(f, ": {message}"),
        None => Ok(()),
    }
}

/// Decodes a modeled exception from its JSON body; a body that does not fit becomes an
/// [`UnmodeledError`] that keeps the code and status. An empty body (the code only in
/// `X-Amzn-ErrorType`) is the exception with no member set.
pub fn decode_error<T: ::serde::de::DeserializeOwned>(
    code: &str,
    body: &[u8],
    status: u16,
) -> Result<T, UnmodeledError> {
    let json: &[u8] = if body.iter().all(u8::is_ascii_whitespace) { b"{}" } else { body };
    ::serde_json::from_slice(json).map_err(|_| UnmodeledError::from_body(code, body, status))
}

impl fmt::Display for UnmodeledError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (HTTP {})", self.code, self.status)?;
        if let Some(message) = &self.message {
            write!(f, ": {message}")?;
        }
        Ok(())
    }
}

impl ::std::error::Error for UnmodeledError {}

/// The `message` (or `Message`) of a JSON error body, if it has one.
pub fn error_message(body: &[u8]) -> Option<String> {
    let body: ::serde_json::Value = ::serde_json::from_slice(body).ok()?;
    let message = body.get("message").or_else(|| body.get("Message"))?;
    message.as_str().map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_labels_are_dns_labels_and_errors_never_repeat_them() {
        assert_eq!(host_label("label", Some("bar-1")), Ok("bar-1"));
        assert_eq!(host_label("label", Some(&"a".repeat(63))).map(str::len), Ok(63));
        for bad in ["", "-bar", "bar.baz", "bar baz", "b@r", "ü", &"a".repeat(64)] {
            let error = host_label("label", Some(bad)).unwrap_err();
            assert_eq!(error.constraint, Constraint::HostLabel, "{bad:?}");
            let message = error.to_string();
            assert!(message.starts_with("`label` goes into the host name"), "{message}");
            assert!(bad.is_empty() || !message.contains(bad), "{message}");
        }
        let unset = host_label("label", None).unwrap_err();
        assert_eq!((unset.path.as_str(), unset.constraint), ("label", Constraint::Unset));
    }

    #[test]
    fn blob_round_trips_as_base64() {
        let blob = Blob(b"hello".to_vec());
        let json = serde_json::to_string(&blob).unwrap();
        assert_eq!(json, "\"aGVsbG8=\"");
        assert_eq!(serde_json::from_str::<Blob>(&json).unwrap(), blob);
        let err = serde_json::from_str::<Blob>("\"!!\"").unwrap_err();
        assert!(err.to_string().contains("invalid base64"), "{err}");
        assert_eq!(format!("{blob:?}"), "Blob(5 bytes)");
    }

    #[test]
    fn epoch_seconds_accept_fractions_and_write_back_the_same() {
        for text in ["1700000000", "1700000000.5", "-1.25", "0"] {
            let time: DateTime = serde_json::from_str(text).unwrap();
            assert_eq!(serde_json::to_string(&time).unwrap(), text);
        }
        let time: DateTime = serde_json::from_str("1700000000.123").unwrap();
        assert_eq!((time.secs(), time.subsec_nanos()), (1_700_000_000, 123_000_000));
        assert!(serde_json::from_str::<DateTime>("\"soon\"").is_err());
    }

    #[test]
    fn text_timestamp_formats() {
        let time = DateTime::from_secs(1_700_000_000);
        assert_eq!(time.to_rfc3339(), "2023-11-14T22:13:20Z");
        assert_eq!(time.to_http_date(), "Tue, 14 Nov 2023 22:13:20 GMT");
        assert_eq!(DateTime::parse_rfc3339("2023-11-14T23:13:20+01:00"), Some(time));
        assert_eq!(DateTime::parse_http_date("Tue, 14 Nov 2023 22:13:20 GMT"), Some(time));
        let fraction = DateTime::parse_rfc3339("1969-12-31T23:59:59.5Z").unwrap();
        assert_eq!((fraction.secs(), fraction.subsec_nanos()), (-1, 500_000_000));
        assert_eq!(fraction.to_rfc3339(), "1969-12-31T23:59:59.5Z");
        for bad in ["", "2023-02-29T00:00:00Z", "2023-11-14", "2023-11-14T25:00:00Z", "x-1-1T00:00:00Z"] {
            assert_eq!(DateTime::parse_rfc3339(bad), None, "{bad}");
        }
    }

    #[test]
    fn out_of_range_timestamps_are_refused_not_wrapped() {
        // Found by coverage-guided fuzzing: each overflowed (a panic in debug builds, a wrong
        // date in release builds).
        for bad in [
            "30000000000000000-1-1TZ",
            "1-1-1T+999999999999999999:0",
            "1-1-1T-100000000000000000:0",
            "1-1-1T+1:9223372036854775807",
            "2023-11-14T22:13:20+99:99",
            "2023-11-14T22:13:20+24:00",
            "10000-01-01T00:00:00Z",
            "2023-11-14T22:13:20+01:60",
        ] {
            assert_eq!(DateTime::parse_rfc3339(bad), None, "{bad}");
        }
        assert_eq!(DateTime::parse_http_date("Tue, 14 Nov 30000000000000000 22:13:20 GMT"), None);
        assert_eq!(DateTime::parse_http_date("Tue, 14 Nov 10000 22:13:20 GMT"), None);
        // An offset that carries the instant past year 9999 or before year 0, in UTC.
        assert_eq!(DateTime::parse_rfc3339("9999-12-31T23:59:59-23:59"), None);
        assert_eq!(DateTime::parse_rfc3339("0000-01-01T00:00:00+23:59"), None);
        for edge in ["9999-12-31T23:59:59.999999999Z", "0000-01-01T00:00:00Z", "9999-12-31T23:00:00-00:59"] {
            let time = DateTime::parse_rfc3339(edge).unwrap_or_else(|| panic!("{edge}"));
            assert_eq!(DateTime::parse_rfc3339(&time.to_rfc3339()), Some(time), "{edge}");
        }
        for year in [i64::MIN, i64::MAX, -(1 << 60), 1 << 60] {
            assert_eq!(civil::to_days(civil::Date { year, month: 1, day: 1 }), None, "{year}");
        }
    }

    #[test]
    fn calendar_round_trips_over_a_wide_range() {
        for days in (-800_000..3_000_000).step_by(997) {
            let date = civil::from_days(days);
            assert_eq!(civil::to_days(date), Some(days), "{date:?}");
        }
        assert_eq!(civil::from_days(0), civil::Date { year: 1970, month: 1, day: 1 });
        assert_eq!(civil::WEEKDAYS[civil::weekday(0)], "Thu");
    }

    #[test]
    fn system_time_conversions_round_trip() {
        for (secs, nanos) in [(0, 0), (1_700_000_000, 5), (-1, 999_999_999), (-86_400, 0)] {
            let time = DateTime::from_secs_and_nanos(secs, nanos).unwrap();
            let system: ::std::time::SystemTime = time.into();
            assert_eq!(DateTime::from(system), time);
        }
    }

    #[test]
    fn validation_messages_name_the_path_and_never_the_value() {
        let root = FieldPath::Root;
        let list = root.field("UserAttributes");
        let item = list.index(2);
        let name = item.field("Name");
        let err = check_length(&name, 0, Some(1), Some(32)).unwrap_err();
        assert_eq!(err.to_string(), "`UserAttributes[2].Name` has length 0, below the minimum length 1");
        static DIGITS: Pattern = Pattern::new("[0-9]+", r"\A(?:[0-9]+)\z");
        let code = root.field("Code");
        assert!(DIGITS.check(&code, "123").is_ok());
        let err = DIGITS.check(&code, "12a-secret").unwrap_err();
        assert!(!err.to_string().contains("secret"));
        assert_eq!(err.to_string(), "`Code` does not match the pattern `[0-9]+`");
        let hidden = root.field("ChallengeResponses");
        let entry = hidden.hidden_key();
        assert_eq!(check_range(&entry, 5.0, None, Some(3.0)).unwrap_err().path, "ChallengeResponses[…]");
    }

    #[test]
    fn regions_are_dns_labels() {
        for good in ["us-east-1", "eu-west-2", "cn-north-1", "us-gov-west-1", "a.b", "x"] {
            assert!(is_valid_region(good), "{good}");
        }
        for bad in ["", "x@127.0.0.1:18089/#", "US-EAST-1", "us east", "-us", "us-", "a..b", ".a", "a/b", "é"]
        {
            assert!(!is_valid_region(bad), "{bad}");
        }
        assert!(!is_valid_region(&"a".repeat(64)));
    }

    #[test]
    fn redaction_and_unknown_values() {
        assert_eq!(format!("{:?}", Redacted), REDACTED);
        let unknown = UnknownValue::new("NEW_THING");
        assert_eq!(unknown.as_str(), "NEW_THING");
        assert_eq!(format!("{unknown:?}"), "\"NEW_THING\"");
    }
}
