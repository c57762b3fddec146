//! `keepwarm`, the command-line shell: parse arguments, make one library call, print.
//! The commands live in [`cli`], one module per command group.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
