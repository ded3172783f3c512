// The lists and ledgers of a large casebook allocate many small strings; mimalloc does
// that markedly faster than the system allocator (see README, Performance).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    dispute::cli::main_with(std::env::args_os())
}
