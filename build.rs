// The `dispute` binary is linked as a position-dependent executable on Linux (`-no-pie`).
// Rust's code is compiled position-independent either way; linked as a PIE, the binary
// carries some 27,000 relative relocations (vtables, string tables) that the dynamic loader
// applies, page by page, on every start. Measured with `LD_DEBUG=statistics` on
// 2026-11-30: 5.9 million cycles in the loader as a PIE, 0.4 million without; a `register`
// ran 0.5–1 ms faster side by side. The cost is that the executable's own code sits at a
// fixed address (shared libraries, heap and stacks are still randomised).
fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
