//! Fault-injection points for the crash tests of the store.
//!
//! With `DISPUTE_FAULT=<name>` in the environment the process kills itself (SIGKILL, no
//! cleanup, as a power cut or `kill -9` would) when it reaches the point of that name.
//! Without it a point costs one environment lookup.

pub fn point(name: &str) {
    if std::env::var_os("DISPUTE_FAULT").is_some_and(|v| v == name) {
        // Through kill(1), so no unsafe code is needed; abort() if that fails.
        let _ = std::process::Command::new("kill")
            .args(["-9", &std::process::id().to_string()])
            .status();
        std::process::abort();
    }
}
