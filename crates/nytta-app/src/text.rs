//! The words people read, one catalogue per language. Domain words follow the glossary of
//! docs/domain.md.

use nytta_core::case::RateUndefined;
use nytta_core::document::{PriorityBasis, Stage};
pub use nytta_core::labels::{category, stakeholder};
use nytta_core::Lang;

/// A label in the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// Heading of the key figures.
    KeyFigures,
    /// Economic view.
    Economic,
    /// Budget view.
    Budget,
    /// NPV.
    Npv,
    /// PV of benefits.
    PvBenefits,
    /// PV of costs.
    PvCosts,
    /// ROI.
    Roi,
    /// Benefit-cost ratio.
    Bcr,
    /// Payback.
    Payback,
    /// Discounted payback.
    DiscountedPayback,
    /// IRR.
    Irr,
    /// Before the roots when the net flow has several IRRs.
    SeveralIrr,
    /// What several IRRs mean and what to read instead.
    SeveralIrrNote,
    /// MIRR.
    Mirr,
    /// Total benefits.
    TotalBenefits,
    /// Total costs.
    TotalCosts,
    /// Switching value, benefits.
    SwitchingBenefits,
    /// Switching value, costs.
    SwitchingCosts,
    /// With a positive NPV: how far benefits may fall ("{pct}").
    BenefitsMayFall,
    /// With a negative NPV: how far benefits must rise ("{pct}").
    BenefitsMustRise,
    /// With a positive NPV: how far costs may rise ("{pct}").
    CostsMayRise,
    /// With a negative NPV: how far costs must fall ("{pct}").
    CostsMustFall,
    /// Freed time.
    FreedTime,
    /// FTE.
    Fte,
    /// Not within the analysis period.
    NotWithinPeriod,
    /// Does not exist.
    NotDefined,
    /// Scores heading.
    Scores,
    /// Potential effect.
    Effect,
    /// Feasibility.
    Feasibility,
    /// Financing.
    Financing,
    /// Resource need.
    ResourceNeed,
    /// Priority score.
    Priority,
    /// Full valuation required.
    FullRequired,
    /// Simplified valuation suffices.
    SimplifiedOk,
    /// Not chosen.
    NotChosen,
    /// Year table heading.
    YearTable,
    /// Year.
    Year,
    /// Benefits.
    Benefits,
    /// Costs.
    Costs,
    /// Net.
    Net,
    /// Cumulative.
    Cumulative,
    /// Discounted net.
    DiscountedNet,
    /// Lines heading.
    Lines,
    /// Parameters line.
    Parameters,
    /// The NPV convention note.
    NpvNote,
    /// Sensitivity heading.
    Sensitivity,
    /// Pessimistic case.
    Pessimistic,
    /// Optimistic case.
    Optimistic,
    /// Follow-ups heading.
    FollowUps,
    /// Realised.
    Realised,
    /// Expected.
    Expected,
    /// Attainment.
    Attainment,
}

/// The text of `key` in `lang`.
pub fn t(lang: Lang, key: Key) -> &'static str {
    let (sv, en) = match key {
        Key::KeyFigures => ("Nyckeltal", "Key figures"),
        Key::Economic => ("Samhällsekonomisk vy", "Socio-economic view"),
        Key::Budget => ("Budgetvy", "Budget view"),
        Key::Npv => ("Nuvärde (NPV)", "Net present value (NPV)"),
        Key::PvBenefits => ("Nuvärde nyttor", "PV of benefits"),
        Key::PvCosts => ("Nuvärde kostnader", "PV of costs"),
        Key::Roi => ("Avkastning (ROI)", "Return on investment (ROI)"),
        Key::Bcr => ("Nytta/kostnad-kvot", "Benefit-cost ratio"),
        Key::Payback => ("Återbetalningstid", "Payback period"),
        Key::DiscountedPayback => ("Diskonterad återbetalningstid", "Discounted payback period"),
        Key::Irr => ("Internränta (IRR)", "Internal rate of return (IRR)"),
        Key::SeveralIrr => ("flera internräntor", "several IRRs"),
        Key::SeveralIrrNote => (
            "Flera internräntor: nettoflödet byter tecken mer än en gång, så nuvärdet blir noll vid flera räntor och internräntan säger inte ensam om initiativet lönar sig – läs nuvärdet och MIRR i stället.",
            "Several IRRs: the net flow changes sign more than once, so NPV is zero at several rates and the IRR alone does not say whether the initiative pays off – read the NPV and the MIRR instead.",
        ),
        Key::Mirr => (
            "Modifierad internränta (MIRR)",
            "Modified internal rate of return (MIRR)",
        ),
        Key::TotalBenefits => ("Summa nyttor", "Total benefits"),
        Key::TotalCosts => ("Summa kostnader", "Total costs"),
        Key::SwitchingBenefits => ("Brytvärde för nyttorna", "Switching value of benefits"),
        Key::SwitchingCosts => ("Brytvärde för kostnaderna", "Switching value of costs"),
        Key::BenefitsMayFall => ("kan minska med {pct}", "may fall by {pct}"),
        Key::BenefitsMustRise => ("behöver öka med {pct}", "must rise by {pct}"),
        Key::CostsMayRise => ("kan öka med {pct}", "may rise by {pct}"),
        Key::CostsMustFall => ("behöver minska med {pct}", "must fall by {pct}"),
        Key::FreedTime => ("Frigjord tid", "Freed time"),
        Key::Fte => ("årsarbetare", "FTE"),
        Key::NotWithinPeriod => ("inte inom kalkylperioden", "not within the analysis period"),
        Key::NotDefined => ("saknas", "none"),
        Key::Scores => ("Bedömning 1/3/5", "Scores 1/3/5"),
        Key::Effect => ("Potentiell effekt", "Potential effect"),
        Key::Feasibility => ("Genomförbarhet", "Feasibility"),
        Key::Financing => ("Finansiering", "Financing"),
        Key::ResourceNeed => ("Resursbehov", "Resource need"),
        Key::Priority => ("Prioritetspoäng", "Priority score"),
        Key::FullRequired => (
            "Fördjupad nyttovärdering krävs",
            "A full valuation is required",
        ),
        Key::SimplifiedOk => (
            "Förenklad nyttovärdering räcker",
            "A simplified valuation suffices",
        ),
        Key::NotChosen => ("ej angiven", "not chosen"),
        Key::YearTable => ("År för år", "Year by year"),
        Key::Year => ("År", "Year"),
        Key::Benefits => ("Nyttor", "Benefits"),
        Key::Costs => ("Kostnader", "Costs"),
        Key::Net => ("Netto", "Net"),
        Key::Cumulative => ("Ackumulerat", "Cumulative"),
        Key::DiscountedNet => ("Diskonterat netto", "Discounted net"),
        Key::Lines => ("Rader", "Lines"),
        Key::Parameters => (
            "Kalkylperiod {years} år från {start}, kalkylränta {rate}",
            "Analysis period {years} years from {start}, discount rate {rate}",
        ),
        Key::NpvNote => (
            "Nuvärdet diskonterar inte år 0. I Excel: =CF0 + NPV(ränta; CF1:CFn).",
            "The NPV does not discount year 0. In Excel: =CF0 + NPV(rate, CF1:CFn).",
        ),
        Key::Sensitivity => (
            "Känslighet (samhällsekonomisk vy)",
            "Sensitivity (socio-economic view)",
        ),
        Key::Pessimistic => ("Pessimistiskt fall", "Pessimistic case"),
        Key::Optimistic => ("Optimistiskt fall", "Optimistic case"),
        Key::FollowUps => ("Uppföljningar", "Follow-ups"),
        Key::Realised => ("Utfall", "Realised"),
        Key::Expected => ("Förväntat", "Expected"),
        Key::Attainment => ("Måluppfyllelse", "Goal attainment"),
    };
    match lang {
        Lang::Sv => sv,
        Lang::En => en,
    }
}

/// The name of a stage.
pub fn stage(lang: Lang, s: Stage) -> &'static str {
    let (sv, en) = match s {
        Stage::Idea => ("idé", "idea"),
        Stage::Development => ("utvecklingsfas", "development"),
        Stage::Valued => ("värderad", "valued"),
        Stage::AwaitingDecision => ("för beslut", "awaiting decision"),
        Stage::Decided => ("beslutad", "decided"),
        Stage::Planning => ("planering", "planning"),
        Stage::InProgress => ("genomförs", "in progress"),
        Stage::FollowUp => ("uppföljning", "follow-up"),
        Stage::Closed => ("avslutad", "closed"),
        Stage::Rejected => ("avslagen", "rejected"),
    };
    pick(lang, sv, en)
}

/// A rate of return (IRR, MIRR) that does not exist, with the engine's reason: "ej definierad
/// – nettot är negativt varje år".
pub fn rate_undefined(lang: Lang, why: Option<RateUndefined>) -> String {
    let why = nytta_core::labels::rate_undefined(lang, why.unwrap_or(RateUndefined::NoRate));
    let head = pick(lang, "ej definierad", "not defined");
    format!("{head} – {why}")
}

/// The name of a priority basis.
pub fn priority_basis(lang: Lang, p: PriorityBasis) -> &'static str {
    let (sv, en) = match p {
        PriorityBasis::Legal => ("gällande rätt", "required by law"),
        PriorityBasis::Critical => ("samhällsviktig verksamhet", "critical societal function"),
        PriorityBasis::Efficiency => ("inre effektivitet", "internal efficiency"),
    };
    pick(lang, sv, en)
}

fn pick(lang: Lang, sv: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Sv => sv,
        Lang::En => en,
    }
}
