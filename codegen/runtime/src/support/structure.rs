//! Serde for generated structures and unions, as a call per member.
//!
//! Generated types implement `Serialize` and `Deserialize` by calling these functions rather than
//! deriving them. A derive writes, per type, a field enum with its own visitor, a map reader and a
//! sequence reader; across a whole model that expansion was most of what the compiler spent on the
//! bindings, and it made every program wait for `syn` and `serde_derive` to build first. Here each
//! member costs one line of plain code.
//!
//! On the wire: unset optional members are not written; when reading, unknown members are
//! skipped, `null` leaves a member unset, and a missing required member is an error. A member
//! given twice takes its last value, as AWS's SDKs read it (serde's derive refuses it). A
//! structure is read only from an object, never from an array by position (which the derive
//! accepts and AWS JSON does not use).
//!
//! Generated code looks like this:
//!
//! ```
//! use cognito_idp_runtime::support::structure::{self, Members, ReadMembers};
//! use serde::de::{Deserialize, Deserializer, MapAccess};
//! use serde::ser::{Serialize, Serializer};
//!
//! #[derive(Debug, PartialEq)]
//! pub struct Tokens {
//!     pub session: String,
//!     pub expires_in: Option<i32>,
//! }
//!
//! impl Serialize for Tokens {
//!     fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
//!         let mut out = structure::writer(serializer, "Tokens", 2)?;
//!         out.required("Session", &self.session);
//!         out.optional("ExpiresIn", &self.expires_in);
//!         out.end()
//!     }
//! }
//!
//! impl<'de> Deserialize<'de> for Tokens {
//!     fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
//!         structure::deserialize(deserializer, "Tokens")
//!     }
//! }
//!
//! impl<'de> ReadMembers<'de> for Tokens {
//!     fn read_members<A: MapAccess<'de>>(map: &mut Members<A>) -> Result<Self, A::Error> {
//!         let mut session = None;
//!         let mut expires_in = None;
//!         while let Some(key) = map.next_key()? {
//!             match key.as_str() {
//!                 "Session" => map.read(&mut session),
//!                 "ExpiresIn" => map.read(&mut expires_in),
//!                 _ => map.skip_value(),
//!             }?;
//!         }
//!         Ok(Self { session: map.required(session, "Session")?, expires_in })
//!     }
//! }
//!
//! let tokens: Tokens = serde_json::from_str(r#"{"Session":"s","Other":[1]}"#).unwrap();
//! assert_eq!(tokens, Tokens { session: "s".into(), expires_in: None });
//! assert_eq!(serde_json::to_string(&tokens).unwrap(), r#"{"Session":"s"}"#);
//! ```

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeStruct, Serializer};

use super::DateTime;

/// Writes a structure's members. A member that fails to serialize makes [`end`](Self::end)
/// return its error, and the members after it are not written, so each member is one statement.
pub struct Writer<S: SerializeStruct> {
    out: S,
    error: Option<S::Error>,
}

/// Starts writing the structure `name`, which has at most `members` members set.
#[inline]
pub fn writer<S: Serializer>(
    serializer: S,
    name: &'static str,
    members: usize,
) -> Result<Writer<S::SerializeStruct>, S::Error> {
    // An upper bound is what JSON and YAML need (only zero means "no member"); formats that
    // want the exact count cannot skip unset members anyway.
    serializer.serialize_struct(name, members).map(|out| Writer { out, error: None })
}

impl<S: SerializeStruct> Writer<S> {
    #[inline]
    fn field<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) {
        if self.error.is_none() {
            self.error = self.out.serialize_field(name, value).err();
        }
    }

    #[inline]
    fn skip(&mut self, name: &'static str) {
        if self.error.is_none() {
            self.error = self.out.skip_field(name).err();
        }
    }

    /// Writes a required member.
    #[inline]
    pub fn required<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) {
        self.field(name, value);
    }

    /// Writes an optional member, or nothing when it is unset.
    #[inline]
    pub fn optional<T: Serialize>(&mut self, name: &'static str, value: &Option<T>) {
        match value {
            Some(value) => self.field(name, value),
            None => self.skip(name),
        }
    }

    /// Writes a required timestamp member in a text form.
    #[inline]
    pub fn required_timestamp(&mut self, name: &'static str, value: &DateTime, format: TimestampText) {
        self.field(name, &TextTimestamp(value, format));
    }

    /// Writes an optional timestamp member in a text form, or nothing when it is unset.
    #[inline]
    pub fn optional_timestamp(
        &mut self,
        name: &'static str,
        value: &Option<DateTime>,
        format: TimestampText,
    ) {
        match value {
            Some(value) => self.field(name, &TextTimestamp(value, format)),
            None => self.skip(name),
        }
    }

    /// Ends the structure, or returns the first member's error.
    #[inline]
    pub fn end(self) -> Result<S::Ok, S::Error> {
        match self.error {
            Some(error) => Err(error),
            None => self.out.end(),
        }
    }
}

/// The text forms a model can ask of a timestamp member instead of the protocol's epoch seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimestampText {
    /// `date-time`: RFC 3339 (ISO 8601), e.g. `2024-05-01T12:00:00Z`.
    DateTime,
    /// `http-date`: RFC 7231's IMF-fixdate, e.g. `Wed, 01 May 2024 12:00:00 GMT`.
    HttpDate,
}

impl TimestampText {
    fn write(self, value: &DateTime) -> String {
        match self {
            TimestampText::DateTime => value.to_rfc3339(),
            TimestampText::HttpDate => value.to_http_date(),
        }
    }

    fn parse(self, text: &str) -> Option<DateTime> {
        match self {
            TimestampText::DateTime => DateTime::parse_rfc3339(text),
            TimestampText::HttpDate => DateTime::parse_http_date(text),
        }
    }

    fn what(self) -> &'static str {
        match self {
            TimestampText::DateTime => "invalid RFC 3339 timestamp",
            TimestampText::HttpDate => "invalid HTTP date timestamp",
        }
    }
}

/// A timestamp written in a text form.
struct TextTimestamp<'a>(&'a DateTime, TimestampText);

impl Serialize for TextTimestamp<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.1.write(self.0))
    }
}

/// Reads a timestamp in a text form; `null` is unset.
struct NullableTextTimestampSeed(TimestampText);

impl<'de> de::DeserializeSeed<'de> for NullableTextTimestampSeed {
    type Value = Option<DateTime>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<DateTime>, D::Error> {
        match <Option<Cow<'de, str>>>::deserialize(deserializer)? {
            Some(text) => self.0.parse(&text).map(Some).ok_or_else(|| de::Error::custom(self.0.what())),
            None => Ok(None),
        }
    }
}

/// A float as AWS JSON writes it: a number, or `"NaN"`, `"Infinity"` or `"-Infinity"`, which
/// JSON numbers cannot be. Generated code wraps float and double members in it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Float<T>(pub T);

macro_rules! float_impls {
    ($($ty:ty)*) => {$(
        impl Serialize for Float<$ty> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let value = self.0;
                if value.is_nan() {
                    serializer.serialize_str("NaN")
                } else if value.is_infinite() {
                    serializer.serialize_str(if value > 0.0 { "Infinity" } else { "-Infinity" })
                } else {
                    value.serialize(serializer)
                }
            }
        }

        impl<'de> Deserialize<'de> for Float<$ty> {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_any(FloatVisitor::<$ty>(PhantomData)).map(Float)
            }
        }

        impl<'de> Visitor<'de> for FloatVisitor<$ty> {
            type Value = $ty;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number, or \"NaN\", \"Infinity\" or \"-Infinity\"")
            }

            // Float members take any JSON number, as `as` converts them.
            #[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<$ty, E> {
                Ok(v as $ty)
            }

            #[allow(clippy::cast_precision_loss)]
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<$ty, E> {
                Ok(v as $ty)
            }

            #[allow(clippy::cast_precision_loss)]
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<$ty, E> {
                Ok(v as $ty)
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<$ty, E> {
                match v {
                    "NaN" => Ok(<$ty>::NAN),
                    "Infinity" => Ok(<$ty>::INFINITY),
                    "-Infinity" => Ok(<$ty>::NEG_INFINITY),
                    _ => Err(E::invalid_value(de::Unexpected::Other("a string"), &self)),
                }
            }
        }
    )*};
}

struct FloatVisitor<T>(PhantomData<T>);

float_impls!(f32 f64);

/// Values that hold floats inside lists and maps (`Vec<f64>`, `HashMap<String, Vec<f32>>`, …),
/// whose floats travel as [`Float`] does. Generated code wraps such members in [`Floats`].
pub trait FloatValues: Sized {
    /// Writes the value, its floats as [`Float`] writes them.
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;
    /// Reads the value, its floats as [`Float`] reads them.
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error>;
}

/// A list, map or float written and read as [`FloatValues`] says: `Floats(&list)` to write,
/// `Floats<Vec<f64>>` to read.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Floats<T>(pub T);

impl<T: FloatValues> Serialize for Floats<&T> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.write(serializer)
    }
}

impl<'de, T: FloatValues> Deserialize<'de> for Floats<T> {
    #[inline]
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::read(deserializer).map(Floats)
    }
}

macro_rules! float_values {
    ($($ty:ty)*) => {$(
        impl FloatValues for $ty {
            fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                Float(*self).serialize(serializer)
            }

            fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                Float::<$ty>::deserialize(deserializer).map(|float| float.0)
            }
        }
    )*};
}

float_values!(f32 f64);

impl<T: FloatValues> FloatValues for Vec<T> {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter().map(Floats))
    }

    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Vec::<Floats<T>>::deserialize(deserializer)?.into_iter().map(|value| value.0).collect())
    }
}

impl<K, T, H> FloatValues for std::collections::HashMap<K, T, H>
where
    K: Serialize + for<'de> Deserialize<'de> + Eq + std::hash::Hash,
    T: FloatValues,
    H: std::hash::BuildHasher + Default,
{
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter().map(|(key, value)| (key, Floats(value))))
    }

    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let map = std::collections::HashMap::<K, Floats<T>, H>::deserialize(deserializer)?;
        Ok(map.into_iter().map(|(key, value)| (key, value.0)).collect())
    }
}

/// A structure or union read member by member from a map. Generated types implement it, and
/// their `Deserialize` is [`deserialize`].
pub trait ReadMembers<'de>: Sized {
    /// Reads the members; `map` is positioned before the first key.
    fn read_members<A: MapAccess<'de>>(map: &mut Members<A>) -> Result<Self, A::Error>;
}

/// Deserializes a structure or union (named `name` in errors) from a map.
#[inline]
pub fn deserialize<'de, D: Deserializer<'de>, T: ReadMembers<'de>>(
    deserializer: D,
    name: &'static str,
) -> Result<T, D::Error> {
    deserializer.deserialize_map(MembersVisitor { name, read: PhantomData })
}

struct MembersVisitor<T> {
    name: &'static str,
    read: PhantomData<fn() -> T>,
}

impl<'de, T: ReadMembers<'de>> Visitor<'de> for MembersVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "struct {}", self.name)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::read_members(&mut Members { map, name: self.name })
    }
}

/// The members of a structure or union being read: a `MapAccess` with the names of what the
/// generated code reads.
pub struct Members<A> {
    map: A,
    /// The structure's or union's name, for errors.
    name: &'static str,
}

impl<'de, A: MapAccess<'de>> Members<A> {
    /// The next member's name, or `None` at the end of the map.
    #[inline]
    pub fn next_key(&mut self) -> Result<Option<Key<'de>>, A::Error> {
        self.map.next_key::<Key<'de>>()
    }

    /// Reads the value of the member whose name was just read into its slot; `null` leaves it
    /// unset.
    #[inline]
    pub fn read<T: Deserialize<'de>>(&mut self, slot: &mut Option<T>) -> Result<(), A::Error> {
        *slot = self.map.next_value()?;
        Ok(())
    }

    /// [`read`](Self::read) for a float or double ([`Float`]).
    #[inline]
    pub fn read_float<T>(&mut self, slot: &mut Option<T>) -> Result<(), A::Error>
    where
        Float<T>: Deserialize<'de>,
    {
        *slot = self.map.next_value::<Option<Float<T>>>()?.map(|float| float.0);
        Ok(())
    }

    /// [`read`](Self::read) for a list or map that holds floats ([`Floats`]).
    #[inline]
    pub fn read_floats<T: FloatValues>(&mut self, slot: &mut Option<T>) -> Result<(), A::Error> {
        *slot = self.map.next_value::<Option<Floats<T>>>()?.map(|floats| floats.0);
        Ok(())
    }

    /// [`read`](Self::read) for a timestamp in a text form.
    #[inline]
    pub fn read_timestamp(
        &mut self,
        slot: &mut Option<DateTime>,
        format: TimestampText,
    ) -> Result<(), A::Error> {
        *slot = self.map.next_value_seed(NullableTextTimestampSeed(format))?;
        Ok(())
    }

    /// Skips the value of a member the type does not know (a newer model's, most likely).
    #[inline]
    pub fn skip_value(&mut self) -> Result<(), A::Error> {
        self.map.next_value::<IgnoredAny>().map(|_| ())
    }

    /// A required member's value: an error names the member when it was missing.
    #[inline]
    pub fn required<T>(&self, slot: Option<T>, name: &'static str) -> Result<T, A::Error> {
        slot.ok_or_else(|| de::Error::missing_field(name))
    }

    /// The value of the member whose name was just read: a union's.
    #[inline]
    pub fn value<T: Deserialize<'de>>(&mut self) -> Result<T, A::Error> {
        self.map.next_value()
    }

    /// The next key that names a member: `__type`, which some services add to a union's object
    /// to name its shape, is skipped with its value.
    fn next_member_key(&mut self) -> Result<Option<Key<'de>>, A::Error> {
        loop {
            match self.next_key()? {
                Some(key) if key.as_str() == "__type" => self.skip_value()?,
                other => return Ok(other),
            }
        }
    }

    /// The one member of a union: an error when there is none. The caller reads its value (or
    /// skips one it does not know, a newer model's) and then calls
    /// [`end_of_union`](Self::end_of_union).
    #[inline]
    pub fn union_key(&mut self) -> Result<Key<'de>, A::Error> {
        let name = self.name;
        self.next_member_key()?
            .ok_or_else(|| de::Error::custom(format_args!("union {name} has no member set")))
    }

    /// Checks that a union had no second member.
    #[inline]
    pub fn end_of_union(&mut self) -> Result<(), A::Error> {
        match self.next_member_key()? {
            None => Ok(()),
            Some(_) => {
                Err(de::Error::custom(format_args!("union {} has more than one member set", self.name)))
            }
        }
    }
}

/// A member's name as read, borrowed from the input where the format allows.
pub struct Key<'de>(Cow<'de, str>);

impl Key<'_> {
    /// The name.
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_identifier(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Borrowed(v)))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(v.to_owned())))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(v)))
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Key<'de>, E> {
        // Not a name of any member unless it is UTF-8, in which case it is read as one.
        Ok(Key(Cow::Owned(String::from_utf8_lossy(v).into_owned())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A structure and a union written as the generator writes them.
    #[derive(Debug, PartialEq)]
    struct Sample {
        name: String,
        count: Option<i32>,
        when: Option<DateTime>,
        at: DateTime,
        nested: Option<Box<Sample>>,
        choice: Option<Choice>,
    }

    impl Serialize for Sample {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut out = writer(serializer, "Sample", 6)?;
            out.required("Name", &self.name);
            out.optional("Count", &self.count);
            out.optional_timestamp("When", &self.when, TimestampText::HttpDate);
            out.required_timestamp("At", &self.at, TimestampText::DateTime);
            out.optional("Nested", &self.nested);
            out.optional("Choice", &self.choice);
            out.end()
        }
    }

    impl<'de> Deserialize<'de> for Sample {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserialize(deserializer, "Sample")
        }
    }

    impl<'de> ReadMembers<'de> for Sample {
        fn read_members<A: MapAccess<'de>>(map: &mut Members<A>) -> Result<Self, A::Error> {
            let mut name = None;
            let mut count = None;
            let mut when = None;
            let mut at = None;
            let mut nested = None;
            let mut choice = None;
            while let Some(key) = map.next_key()? {
                match key.as_str() {
                    "Name" | "name" => map.read(&mut name),
                    "Count" => map.read(&mut count),
                    "When" => map.read_timestamp(&mut when, TimestampText::HttpDate),
                    "At" => map.read_timestamp(&mut at, TimestampText::DateTime),
                    "Nested" => map.read(&mut nested),
                    "Choice" => map.read(&mut choice),
                    _ => map.skip_value(),
                }?;
            }
            Ok(Self {
                name: map.required(name, "Name")?,
                count,
                when,
                at: map.required(at, "At")?,
                nested,
                choice,
            })
        }
    }

    /// Every member optional: read into the default value.
    #[derive(Debug, Default, PartialEq)]
    struct Optional {
        a: Option<String>,
        b: Option<Vec<i32>>,
    }

    impl<'de> Deserialize<'de> for Optional {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserialize(deserializer, "Optional")
        }
    }

    impl<'de> ReadMembers<'de> for Optional {
        fn read_members<A: MapAccess<'de>>(map: &mut Members<A>) -> Result<Self, A::Error> {
            let mut value = Self::default();
            while let Some(key) = map.next_key()? {
                match key.as_str() {
                    "A" => map.read(&mut value.a),
                    "B" => map.read(&mut value.b),
                    _ => map.skip_value(),
                }?;
            }
            Ok(value)
        }
    }

    #[derive(Debug, PartialEq)]
    enum Choice {
        Text(String),
        Number(i64),
        Unknown,
    }

    impl Serialize for Choice {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            match self {
                Self::Text(value) => serializer.serialize_newtype_variant("Choice", 0, "Text", value),
                Self::Number(value) => serializer.serialize_newtype_variant("Choice", 1, "Number", value),
                Self::Unknown => Err(serde::ser::Error::custom("an unknown member cannot be sent")),
            }
        }
    }

    impl<'de> Deserialize<'de> for Choice {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserialize(deserializer, "Choice")
        }
    }

    impl<'de> ReadMembers<'de> for Choice {
        fn read_members<A: MapAccess<'de>>(map: &mut Members<A>) -> Result<Self, A::Error> {
            let value = match map.union_key()?.as_str() {
                "Text" => Self::Text(map.value()?),
                "Number" => Self::Number(map.value()?),
                _ => {
                    map.skip_value()?;
                    Self::Unknown
                }
            };
            map.end_of_union()?;
            Ok(value)
        }
    }

    fn read(json: &str) -> Result<Sample, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    const AT: &str = r#""At":"2024-05-01T12:00:00Z""#;

    #[test]
    fn round_trips_every_kind_of_member() {
        let sample = Sample {
            name: "n".into(),
            count: Some(3),
            when: DateTime::parse_http_date("Wed, 01 May 2024 12:00:00 GMT"),
            at: DateTime::from_secs(0),
            nested: Some(Box::new(Sample {
                name: "inner".into(),
                count: None,
                when: None,
                at: DateTime::from_secs(1),
                nested: None,
                choice: Some(Choice::Number(7)),
            })),
            choice: Some(Choice::Text("t".into())),
        };
        let json = serde_json::to_string(&sample).unwrap();
        assert_eq!(
            json,
            r#"{"Name":"n","Count":3,"When":"Wed, 01 May 2024 12:00:00 GMT","At":"1970-01-01T00:00:00Z","Nested":{"Name":"inner","At":"1970-01-01T00:00:01Z","Choice":{"Number":7}},"Choice":{"Text":"t"}}"#
        );
        assert_eq!(read(&json).unwrap(), sample);
        // Through `serde_json::Value` too: owned keys rather than borrowed ones.
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(serde_json::from_value::<Sample>(value).unwrap(), sample);
    }

    #[test]
    fn an_empty_structure_is_an_empty_object() {
        let sample = read(&format!("{{\"Name\":\"\",{AT}}}")).unwrap();
        assert_eq!(serde_json::to_string(&sample).unwrap(), r#"{"Name":"","At":"2024-05-01T12:00:00Z"}"#);
    }

    #[test]
    fn null_and_unknown_members_are_unset_and_skipped() {
        let sample =
            read(&format!(r#"{{"Name":"n","Count":null,"When":null,"New":{{"x":[1,2]}},{AT}}}"#)).unwrap();
        assert_eq!((sample.count, sample.when), (None, None));
    }

    #[test]
    fn escaped_keys_are_read_too() {
        let sample = read(&format!(r#"{{"N\u0061me":"n",{AT}}}"#)).unwrap();
        assert_eq!(sample.name, "n");
    }

    #[test]
    fn a_member_given_twice_takes_its_last_value() {
        let sample = read(&format!(r#"{{"Name":"a","name":"b","Count":1,"Count":null,{AT}}}"#)).unwrap();
        assert_eq!((sample.name.as_str(), sample.count), ("b", None));
        let optional: Optional = serde_json::from_str(r#"{"A":"x","B":[1],"A":"y","C":{}}"#).unwrap();
        assert_eq!(optional, Optional { a: Some("y".into()), b: Some(vec![1]) });
    }

    #[test]
    fn errors_name_the_member_or_the_kind() {
        for (json, expected) in [
            (format!(r#"{{"Count":1,{AT}}}"#), "missing field `Name`"),
            (format!(r#"{{"Name":null,{AT}}}"#), "missing field `Name`"),
            (format!(r#"{{"Name":"n","Count":"1",{AT}}}"#), "invalid type: string \"1\", expected i32"),
            (r#"["n", 1]"#.to_string(), "invalid type: sequence, expected struct Sample"),
            (r#"{"Name":"n","At":"yesterday"}"#.to_string(), "invalid RFC 3339 timestamp"),
            (format!(r#"{{"Name":"n","When":"soon",{AT}}}"#), "invalid HTTP date timestamp"),
        ] {
            let error = read(&json).unwrap_err();
            assert!(error.starts_with(expected), "{json}: {error}");
        }
    }

    #[test]
    fn non_finite_floats_are_strings_both_ways() {
        for (value, text) in
            [(f64::NAN, "\"NaN\""), (f64::INFINITY, "\"Infinity\""), (f64::NEG_INFINITY, "\"-Infinity\"")]
        {
            assert_eq!(serde_json::to_string(&Float(value)).unwrap(), text);
            let back: Float<f64> = serde_json::from_str(text).unwrap();
            assert!(back.0.is_nan() == value.is_nan() && (value.is_nan() || back.0 == value), "{text}");
            let single: Float<f32> = serde_json::from_str(text).unwrap();
            assert!(single.0.is_nan() || single.0.is_infinite(), "{text}");
        }
        assert_eq!(serde_json::to_string(&Float(1234.5f32)).unwrap(), "1234.5");
        let nested = vec![vec![f64::NAN, 1.5], vec![f64::NEG_INFINITY]];
        assert_eq!(serde_json::to_string(&Floats(&nested)).unwrap(), r#"[["NaN",1.5],["-Infinity"]]"#);
        let back: Floats<Vec<Vec<f64>>> = serde_json::from_str(r#"[["Infinity",2],[]]"#).unwrap();
        assert_eq!(back.0, vec![vec![f64::INFINITY, 2.0], vec![]]);
        let map: std::collections::HashMap<String, f32> = [("a".to_owned(), f32::NAN)].into();
        assert_eq!(serde_json::to_string(&Floats(&map)).unwrap(), r#"{"a":"NaN"}"#);
        let back: Floats<std::collections::HashMap<String, Vec<f32>>> =
            serde_json::from_str(r#"{"b":["-Infinity",3]}"#).unwrap();
        assert_eq!(back.0["b"], vec![f32::NEG_INFINITY, 3.0]);
        assert!(serde_json::from_str::<Floats<Vec<f64>>>(r#"["nan"]"#).is_err());
        assert_eq!(serde_json::from_str::<Float<f64>>("7").unwrap(), Float(7.0));
        assert_eq!(serde_json::from_str::<Float<f64>>("-7").unwrap(), Float(-7.0));
        let error = serde_json::from_str::<Float<f64>>("\"nan-ish\"").unwrap_err().to_string();
        assert!(error.contains("NaN") && !error.contains("nan-ish"), "{error}");
    }

    #[test]
    fn a_union_member_of_a_newer_model_is_the_catch_all() {
        let json = format!(r#"{{"Name":"n","Choice":{{"Secret":{{"deep":[1,2]}}}},{AT}}}"#);
        let sample = read(&json).unwrap();
        assert_eq!(sample.choice, Some(Choice::Unknown));
        let error = serde_json::to_string(&sample).unwrap_err().to_string();
        assert!(error.contains("cannot be sent"), "{error}");
    }

    #[test]
    fn a_unions_type_member_is_ignored() {
        let json = format!(r#"{{"Name":"n","Choice":{{"__type":"aws.x#Choice","Text":"t"}},{AT}}}"#);
        assert_eq!(read(&json).unwrap().choice, Some(Choice::Text("t".into())));
        let json = format!(r#"{{"Name":"n","Choice":{{"Number":1,"__type":"aws.x#Choice"}},{AT}}}"#);
        assert_eq!(read(&json).unwrap().choice, Some(Choice::Number(1)));
    }

    #[test]
    fn a_union_has_exactly_one_known_member() {
        for (choice, expected) in [
            ("{}", "union Choice has no member set"),
            (r#"{"Text":"a","Number":1}"#, "union Choice has more than one member set"),
            (r#"{"Secret":"hunter2","Text":"a"}"#, "union Choice has more than one member set"),
        ] {
            let json = format!(r#"{{"Name":"n","Choice":{choice},{AT}}}"#);
            let error = read(&json).unwrap_err();
            assert!(error.starts_with(expected), "{json}: {error}");
            assert!(!error.contains("Secret"), "{error}");
        }
    }
}
