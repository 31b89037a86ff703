//! `analyze`: check what Lede finds in an article before publishing it (the
//! same command as `lede analyze`; see `lede_cli::analyze`).

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    lede_cli::analyze::main_from(std::env::args_os(), "analyze")
}
