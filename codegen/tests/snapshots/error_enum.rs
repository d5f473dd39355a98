/// Errors of [`PutThing`](super::operations::PutThing).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum PutThingError {
    /// [`ThingNotFoundException`]: No such thing.
    ThingNotFoundException(ThingNotFoundException),
    /// [`InternalFault`].
    InternalFault(InternalFault),
    /// An error the model does not list for this operation.
    Unhandled(super::support::UnmodeledError),
}
impl PutThingError {
    /// Every error code the model lists for this operation.
    pub const CODES: &'static [&'static str] = &[
        ThingNotFoundException::CODE,
        InternalFault::CODE,
    ];
    /// The error behind its common interface.
    #[inline]
    pub fn as_service_error(&self) -> &dyn super::support::ServiceError {
        match self {
            Self::ThingNotFoundException(error) => error,
            Self::InternalFault(error) => error,
            Self::Unhandled(error) => error,
        }
    }
    /// The error code.
    #[inline]
    pub fn code(&self) -> &str {
        self.as_service_error().code()
    }
    /// The message, if the service sent one.
    #[inline]
    pub fn message(&self) -> ::std::option::Option<&str> {
        self.as_service_error().message()
    }
    /// Builds the error from its code and JSON body: the modeled exception when the code
    /// is listed, else (or when the body does not fit the exception) an unmodeled error.
    #[inline]
    pub fn from_code(code: &str, body: &[u8], status: u16) -> Self {
        match code {
            ThingNotFoundException::CODE => {
                super::support::decode_error(code, body, status)
                    .map(Self::ThingNotFoundException)
            }
            InternalFault::CODE => {
                super::support::decode_error(code, body, status).map(Self::InternalFault)
            }
            _ => {
                ::std::result::Result::Err(
                    super::support::UnmodeledError::from_body(code, body, status),
                )
            }
        }
            .unwrap_or_else(Self::Unhandled)
    }
}
impl super::wire::FromErrorResponse for PutThingError {
    #[inline]
    fn from_error_response(code: &str, body: &[u8], status: u16) -> Self {
        Self::from_code(code, body, status)
    }
}
impl super::support::ServiceError for PutThingError {
    #[inline]
    fn code(&self) -> &str {
        self.as_service_error().code()
    }
    #[inline]
    fn message(&self) -> ::std::option::Option<&str> {
        self.as_service_error().message()
    }
    #[inline]
    fn as_std_error(&self) -> &(dyn ::std::error::Error + 'static) {
        self
    }
}
impl ::std::fmt::Display for PutThingError {
    #[inline]
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(self.as_service_error(), f)
    }
}
impl ::std::error::Error for PutThingError {
    #[inline]
    fn source(&self) -> ::std::option::Option<&(dyn ::std::error::Error + 'static)> {
        ::std::option::Option::Some(self.as_service_error().as_std_error())
    }
}
