//! The wire module compiled for its unit tests beside the support module and a stand-in of the
//! generated `operations` module it reads the service from.

#[path = "support.rs"]
#[allow(dead_code)] // the generated crates are its users
pub mod support;

pub mod operations {
    pub const SERVICE: super::support::ServiceInfo = super::support::ServiceInfo {
        full_name: "Test",
        endpoint_prefix: "test",
        signing_name: "test",
        target_prefix: "Test",
        json_version: "1.1",
        api_version: "2020-01-01",
    };
}

#[path = "wire.rs"]
#[allow(dead_code)] // the generated crates are its users
pub mod wire;
