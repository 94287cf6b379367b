//! File names made from titles, one rule for every file Nytta writes or suggests (the
//! folder export, and the save dialogs' suggestions for PDFs, documents and workbooks):
//! letters written in ASCII (`å`, `ä` → `a`, `ö` → `o`, `é` → `e`, through `deunicode`), lower
//! case, every run of anything else one `-`, at most 60 characters; a name Windows reserves
//! for a device (`con`, `nul`, `com1` … even with an extension) gets `-nytta` after it. Such a
//! name is valid on every file system and survives e-mail, archives and the diarium.

/// The longest stem a title gives (before the extension).
const MAX_STEM: usize = 60;

/// Stems Windows refuses as file names whatever the extension: its device names.
fn windows_device(stem: &str) -> bool {
    matches!(stem, "con" | "prn" | "aux" | "nul")
        || ["com", "lpt"].iter().any(|p| {
            stem.strip_prefix(p)
                .is_some_and(|n| n.len() == 1 && n.as_bytes()[0].is_ascii_digit())
        })
}

/// The file-name stem of `title`, empty when the title has no letter or digit.
pub fn stem(title: &str) -> String {
    let ascii = deunicode::deunicode(title).to_lowercase();
    let mut out = String::new();
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let cut: String = out.chars().take(MAX_STEM).collect();
    let stem = cut.trim_end_matches('-');
    if windows_device(stem) {
        format!("{stem}-nytta")
    } else {
        stem.to_string()
    }
}

/// `title`'s file name with `extension` (`pdf`, `nytta.json`, `xlsx`), or `fallback`'s when
/// the title gives no stem.
pub fn file_name(title: &str, extension: &str, fallback: &str) -> String {
    let stem = match stem(title) {
        s if s.is_empty() => stem(fallback),
        s => s,
    };
    format!(
        "{}.{extension}",
        if stem.is_empty() { "nytta" } else { &stem }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_titles_become_ascii_words_joined_by_dashes() {
        assert_eq!(
            stem("Läkemedelsrobotar i boendestödet"),
            "lakemedelsrobotar-i-boendestodet"
        );
        assert_eq!(stem("  HSL: signering / 2025 "), "hsl-signering-2025");
        assert_eq!(stem("Café-tjänst för Åre"), "cafe-tjanst-for-are");
        assert_eq!(
            file_name(" E-tjänst: \"ansök/betala\"? ", "pdf", "x"),
            "e-tjanst-ansok-betala.pdf"
        );
    }

    #[test]
    fn windows_device_names_are_never_a_file_name() {
        assert_eq!(file_name("CON", "pdf", "x"), "con-nytta.pdf");
        assert_eq!(file_name("Nul!", "xlsx", "x"), "nul-nytta.xlsx");
        assert_eq!(
            file_name("com1", "nytta.json", "x"),
            "com1-nytta.nytta.json"
        );
        assert_eq!(file_name("LPT9", "pdf", "x"), "lpt9-nytta.pdf");
        assert_eq!(file_name("Conto", "pdf", "x"), "conto.pdf");
        assert_eq!(file_name("com10", "pdf", "x"), "com10.pdf");
        assert_eq!(file_name("con tjänst", "pdf", "x"), "con-tjanst.pdf");
    }

    #[test]
    fn nothing_left_falls_back_and_long_titles_are_cut() {
        assert_eq!(
            file_name("///", "pdf", "Beslutsunderlag"),
            "beslutsunderlag.pdf"
        );
        assert_eq!(file_name("", "xlsx", ""), "nytta.xlsx");
        let long = file_name(&"ab ".repeat(100), "nytta.json", "x");
        assert_eq!(long.len(), MAX_STEM - 1 + ".nytta.json".len(), "{long}");
        assert!(!long.contains("-."), "no dash before the extension: {long}");
    }
}
