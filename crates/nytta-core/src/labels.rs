//! The names of categories and stakeholders as people read them, in Swedish and English:
//! the one catalogue behind the CLI, the PDF and the charts. The UI's catalogue
//! (`ui/src/i18n`) writes the same names with a capital first letter, which a test checks.

use crate::document::{Category, Stakeholder};
use crate::format::Lang;

/// The name of a category (`finansiell`, `financial`).
pub fn category(lang: Lang, c: Category) -> &'static str {
    let (sv, en) = match c {
        Category::Financial => ("finansiell", "financial"),
        Category::Reallocation => ("omfördelning", "reallocation"),
        Category::Quality => ("kvalitet", "quality"),
        Category::Environment => ("miljö", "environment"),
    };
    pick(lang, sv, en)
}

/// The name of a stakeholder (`brukare/patient`, `user/patient`).
pub fn stakeholder(lang: Lang, s: Stakeholder) -> &'static str {
    let (sv, en) = match s {
        Stakeholder::User => ("brukare/patient", "user/patient"),
        Stakeholder::Staff => ("personal", "staff"),
        Stakeholder::Organisation => ("kommunen", "municipality"),
        Stakeholder::Society => ("samhället", "society"),
    };
    pick(lang, sv, en)
}

fn pick(lang: Lang, sv: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Sv => sv,
        Lang::En => en,
    }
}
