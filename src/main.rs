// The lists and ledgers of a large casebook allocate many small strings; mimalloc does
// that markedly faster than the system allocator (see README, Performance). It may use
// transparent huge pages: measured side by side on 2026-11-30, every command ran faster
// with them (list of 1,000 cases 23 against 34 ms, show 11 against 17 ms) than with
// mimalloc's `no_thp`. The import, which touches a few hundred MB once, turns them off for
// its own process (`cli/import.rs`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (`mimalloc.h`; the Rust binding has no name for it).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> std::process::ExitCode {
    // A command lives milliseconds to seconds: memory it frees is kept for its own later
    // allocations rather than handed back to the system (a purge of -1: never). Handing it
    // back cost madvise calls at exit and page faults when reused, about 0.5 ms of a 9 ms
    // `register` side by side (2026-11-30).
    // SAFETY: sets one of mimalloc's options by its documented number, before any thread
    // starts; any value is valid for it.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
    dispute::cli::main_with(std::env::args_os())
}
