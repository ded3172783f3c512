//! Fault-injection points for the crash tests of the store.
//!
//! With `DISPUTE_FAULT=<name>` in the environment the process kills itself (SIGKILL, no
//! cleanup, as a power cut or `kill -9` would) when it reaches the point of that name.
//! With `DISPUTE_FAULT=fail:<name>` a [`fail`] point of that name returns an I/O error
//! instead, as a full disk or a vanished directory would. Without it a point costs one
//! environment lookup.

pub fn point(name: &str) {
    if std::env::var_os("DISPUTE_FAULT").is_some_and(|v| v == name) {
        // Through kill(1), so no unsafe code is needed; abort() if that fails.
        let _ = std::process::Command::new("kill")
            .args(["-9", &std::process::id().to_string()])
            .status();
        std::process::abort();
    }
}

/// An I/O error at the point of this name when `DISPUTE_FAULT=fail:<name>`.
pub fn fail(name: &str) -> dispute_core::error::Result<()> {
    match std::env::var("DISPUTE_FAULT") {
        Ok(v) if v.strip_prefix("fail:") == Some(name) => {
            Err(std::io::Error::other(format!("DISPUTE_FAULT=fail:{name}")).into())
        }
        _ => Ok(()),
    }
}
