fn main() -> std::process::ExitCode {
    dispute::cli::main_with(std::env::args_os())
}
