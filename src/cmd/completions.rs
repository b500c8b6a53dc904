//! `appraise completions SHELL`: a shell's completion script, made from the same definition as
//! `--help` (`flags::shown_command`), in the interface's language.

use super::Failure;

/// Writes the completion script for `shell` to `out`: every subcommand but the hidden ones.
pub fn completions(shell: clap_complete::Shell, out: &mut dyn std::io::Write) -> Result<(), Failure> {
    let mut bytes = Vec::new();
    clap_complete::generate(shell, &mut super::flags::shown_command(), "appraise", &mut bytes);
    out.write_all(&bytes)
        .and_then(|()| out.flush())
        .map_err(|e| Failure::Runtime(crate::io_error::detail(&e)))
}
