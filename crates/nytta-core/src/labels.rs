//! The names of categories and stakeholders, and why a rate of return does not exist, as
//! people read them, in Swedish and English:
//! the one catalogue behind the CLI, the PDF and the charts. The UI's catalogue
//! (`ui/src/i18n`) writes the same names with a capital first letter, which a test checks.

use crate::case::RateUndefined;
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

/// Why a rate of return does not exist, after "ej definierad – " / "not defined – ".
pub fn rate_undefined(lang: Lang, r: RateUndefined) -> &'static str {
    let (sv, en) = match r {
        RateUndefined::ZeroEveryYear => ("nettot är 0 varje år", "the net is 0 every year"),
        RateUndefined::NegativeEveryYear => (
            "nettot är negativt varje år",
            "the net is negative every year",
        ),
        RateUndefined::NeverPositive => ("nettot är aldrig positivt", "the net is never positive"),
        RateUndefined::PositiveEveryYear => (
            "nettot är positivt varje år",
            "the net is positive every year",
        ),
        RateUndefined::NeverNegative => ("nettot är aldrig negativt", "the net is never negative"),
        RateUndefined::NoRate => ("ingen ränta ger nuvärdet 0", "no rate makes the NPV 0"),
        RateUndefined::OutOfRange => (
            "beloppen är för stora för att räkna den",
            "the amounts are too large to compute it",
        ),
    };
    pick(lang, sv, en)
}

fn pick(lang: Lang, sv: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Sv => sv,
        Lang::En => en,
    }
}
