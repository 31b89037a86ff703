//! `analyze`: check what Lede finds in an article before publishing it (the
//! same command as `lede analyze`; see `lede_cli::analyze`).

#[cfg(target_os = "linux")]
#[global_allocator]
static ALLOCATOR: lede_cli::huge::HugePages = lede_cli::huge::HugePages;

fn main() -> std::process::ExitCode {
    lede_cli::analyze::main_from(std::env::args_os(), "analyze")
}
