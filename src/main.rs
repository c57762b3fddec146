//! `keepwarm`, the command-line shell: parse arguments, make one library call, print.
//! The commands live in [`cli`], one module per command group.

mod cli;

/// Planning makes many small strings (each ping's texts); mimalloc serves them
/// with about a third of the system allocator's work.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
