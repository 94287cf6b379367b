//! What the shell decides before a window exists: which database to open and whether there
//! is a display to open a window on.

use std::path::PathBuf;

/// How the app was asked to start.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// `--db PATH`, when given.
    pub db: Option<PathBuf>,
}

impl Options {
    /// Reads `--db PATH` (or `--db=PATH`); anything else is refused with a usage message
    /// in Swedish and English.
    pub fn from_args(args: impl IntoIterator<Item = String>) -> Result<Options, String> {
        let mut options = Options::default();
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let value = if arg == "--db" {
                args.next()
            } else if let Some(v) = arg.strip_prefix("--db=") {
                Some(v.to_string())
            } else {
                return Err(usage(&format!("okänt argument / unknown argument: {arg}")));
            };
            match value {
                Some(v) if !v.is_empty() => options.db = Some(PathBuf::from(v)),
                _ => return Err(usage("--db behöver en sökväg / --db needs a path")),
            }
        }
        Ok(options)
    }
}

fn usage(problem: &str) -> String {
    format!(
        "{problem}\nAnvändning / usage: nytta-desktop [--db SÖKVÄG/PATH]  (eller/or NYTTA_DB=PATH)"
    )
}

/// On Linux, a message for people when neither X11 nor Wayland is available (GTK would
/// otherwise abort with "Failed to initialize gtk backend"); `None` when a window can open.
/// The message names the program as it was started (`nytta-desktop` when installed).
pub fn missing_display() -> Option<String> {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    if cfg!(target_os = "linux") && !set("DISPLAY") && !set("WAYLAND_DISPLAY") {
        let program = std::env::args_os()
            .next()
            .map(|p| p.to_string_lossy().into_owned())
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| "nytta-desktop".to_string());
        Some(no_display(&program))
    } else {
        None
    }
}

/// Said when there is no display, with the command that starts `program` under Xvfb.
pub fn no_display(program: &str) -> String {
    let xvfb = format!("xvfb-run -a -s \"-screen 0 1280x800x24\" {program}");
    format!(
        "Nytta behöver en skärm: varken DISPLAY eller WAYLAND_DISPLAY är satt.\n\
         Kör appen i en grafisk session, eller utan skärm med:  {xvfb}\n\
         Nytta needs a display: neither DISPLAY nor WAYLAND_DISPLAY is set.\n\
         Run it in a graphical session, or without a screen with:  {xvfb}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_db_argument_is_read_in_both_spellings() {
        let o = Options::from_args(args(&["--db", "a.db"])).unwrap_or_default();
        assert_eq!(o.db, Some(PathBuf::from("a.db")));
        let o = Options::from_args(args(&["--db=x.db"])).unwrap_or_default();
        assert_eq!(o.db, Some(PathBuf::from("x.db")));
        assert_eq!(Options::from_args(args(&[])), Ok(Options::default()));
    }

    #[test]
    fn a_missing_path_or_an_unknown_argument_is_refused_in_both_languages() {
        let e = Options::from_args(args(&["--db"]))
            .err()
            .unwrap_or_default();
        assert!(
            e.contains("behöver en sökväg") && e.contains("needs a path"),
            "{e}"
        );
        let e = Options::from_args(args(&["--verbose"]))
            .err()
            .unwrap_or_default();
        assert!(
            e.contains("okänt argument") && e.contains("--verbose"),
            "{e}"
        );
    }

    #[test]
    fn without_a_display_the_message_names_the_program_as_started_in_both_languages() {
        let m = no_display("nytta-desktop");
        assert!(
            m.contains("Nytta behöver en skärm") && m.contains("Nytta needs a display"),
            "{m}"
        );
        let command = "xvfb-run -a -s \"-screen 0 1280x800x24\" nytta-desktop";
        assert_eq!(m.matches(command).count(), 2, "{m}");
        assert!(!m.contains("scripts/run.sh"), "no source-tree command: {m}");
    }
}
