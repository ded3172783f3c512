// The `dispute` binary is linked as a position-dependent executable on Linux (`-no-pie`).
// Rust's code is compiled position-independent either way; linked as a PIE, the binary
// carries some 27,000 relative relocations (vtables, string tables) that the dynamic loader
// applies, page by page, on every start. Measured with `LD_DEBUG=statistics` on
// 2026-11-30: 5.9 million cycles in the loader as a PIE, 0.4 million without; a `register`
// ran 0.5–1 ms faster side by side. The cost is that the executable's own code sits at a
// fixed address (shared libraries, heap and stacks are still randomised).
//
// `make` links the binary statically instead (`crt-static` with the static relocation
// model, see the Makefile), which needs no loader at all. With `crt-static` rustc chooses
// between a static executable and a static PIE from the relocation model; `-no-pie` on top
// of a static PIE gives a binary that crashes at start, so it is left out then.
fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    let features = std::env::var("CARGO_CFG_TARGET_FEATURE").unwrap_or_default();
    let crt_static = features.split(',').any(|f| f == "crt-static");
    if os == "linux" && env == "gnu" && !crt_static {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
