//! The wording of the decision box, the contents list and the parts of the business case
//! that come from the decision material (`valuation.case`), Swedish and English.

use nytta_core::document::Dpa;

use super::Tr;

// Page 1.
pub(crate) const CONTENTS: Tr = Tr("Innehåll", "Contents");
pub(crate) const DECISION_BOX: Tr = Tr("Beslut i korthet", "Decision at a glance");
pub(crate) const PROPOSAL: Tr = Tr("Förslag till beslut", "Proposed decision");
pub(crate) const PROPOSAL_DEFAULT: Tr = Tr(
    "{text} (Standardformulering: inget förslag till beslut har angetts.)",
    "{text} (Standard wording: no proposed decision has been given.)",
);
pub(crate) const BODY: Tr = Tr("Beslutsinstans", "Deciding body");
pub(crate) const BODY_MISSING: Tr = Tr("Beslutsinstans saknas", "Deciding body not given");
pub(crate) const COST_PER_YEAR: Tr = Tr(
    "Kostnad per år i budgetvyn",
    "Cost per year in the budget view",
);
pub(crate) const NO_BUDGET_COSTS: Tr =
    Tr("Inga kostnader i budgetvyn", "No costs in the budget view");
pub(crate) const FUNDING_SOURCE: Tr = Tr("Finansiering", "Funding");
pub(crate) const FUNDING_MISSING: Tr = Tr("Finansieringskälla saknas", "Funding source not given");
pub(crate) const FUNDING_MISSING_BOX: Tr = Tr(
    "Finansieringskälla saknas i beslutsmaterialet",
    "Funding source not given in the decision material",
);
pub(crate) const FUNDING_SCORED: Tr = Tr(
    "{missing}. Bedömningen av finansiering är ändå {level}: {reason}",
    "{missing}. The financing score is nevertheless {level}: {reason}",
);
pub(crate) const START: Tr = Tr("Start", "Start");
pub(crate) const START_MISSING: Tr = Tr("Startdatum saknas", "Start date not given");
pub(crate) const RECOMMENDATION: Tr = Tr("Rekommendation", "Recommendation");
pub(crate) const RECOMMENDATION_MISSING: Tr =
    Tr("Rekommendation saknas", "Recommendation not given");
pub(crate) const CASE_NUMBER: Tr = Tr("Diarienummer", "Registration number");
pub(crate) const CASE_NUMBER_MISSING: Tr =
    Tr("Diarienummer saknas", "Registration number not given");
pub(crate) const BUDGET_PAYS: Tr = Tr(
    "Betalar sig budgetvyn?",
    "Does the budget view pay for itself?",
);
pub(crate) const BUDGET_PAYS_YES: Tr = Tr(
    "Ja: det ackumulerade nettot i budgetvyn når noll efter {years} (odiskonterat), och även diskonterat betalar den sig: nuvärdet i budgetvyn är {npv}.",
    "Yes: the cumulative net in the budget view reaches zero after {years} (undiscounted), and it pays for itself discounted too: the NPV in the budget view is {npv}.",
);
pub(crate) const BUDGET_PAYS_YES_UNDISCOUNTED: Tr = Tr(
    "Ja, odiskonterat efter {years} – men inte diskonterat: nuvärdet i budgetvyn är {npv}.",
    "Yes, undiscounted after {years} – but not discounted: the NPV in the budget view is {npv}.",
);
pub(crate) const BUDGET_PAYS_AT_ONCE: Tr = Tr(
    "Ja: det ackumulerade nettot i budgetvyn är inte negativt år 0 (återbetalningstid 0,0 år), och även diskonterat betalar den sig: nuvärdet i budgetvyn är {npv}.",
    "Yes: the cumulative net in the budget view is not negative in year 0 (payback 0.0 years), and it pays for itself discounted too: the NPV in the budget view is {npv}.",
);
pub(crate) const BUDGET_PAYS_AT_ONCE_UNDISCOUNTED: Tr = Tr(
    "Ja, odiskonterat redan år 0 (återbetalningstid 0,0 år) – men inte diskonterat: nuvärdet i budgetvyn är {npv}.",
    "Yes, undiscounted from year 0 (payback 0.0 years) – but not discounted: the NPV in the budget view is {npv}.",
);
pub(crate) const BUDGET_PAYS_NO: Tr = Tr(
    "Nej: ingen återbetalning i budgetvyn inom kalkylperioden {from}–{to}, varken odiskonterat eller diskonterat: nuvärdet i budgetvyn är {npv}.",
    "No: the budget view does not pay back within the analysis period {from}–{to}, neither undiscounted nor discounted: the NPV in the budget view is {npv}.",
);
pub(crate) const BUDGET_NO_COSTS: Tr = Tr(
    "Budgetvyn har inga kostnader: det finns inget att betala tillbaka. Nuvärdet i budgetvyn är {npv}.",
    "The budget view has no costs: there is nothing to pay back. The NPV in the budget view is {npv}.",
);
pub(crate) const BUDGET_EMPTY: Tr = Tr(
    "Budgetvyn har inga belopp: det finns inget att betala tillbaka.",
    "The budget view has no amounts: there is nothing to pay back.",
);
pub(crate) const TOP_RISKS: Tr = Tr(
    "Största risker (sannolikhet × konsekvens)",
    "Largest risks (likelihood × impact)",
);
pub(crate) const RISK_ITEM: Tr = Tr(
    "{n}. {text} (sannolikhet {l}, konsekvens {i})",
    "{n}. {text} (likelihood {l}, impact {i})",
);
pub(crate) const NO_RISKS: Tr = Tr("Inga risker har angetts", "No risks have been given");
pub(crate) const TOP_ASSUMPTIONS: Tr = Tr(
    "Antaganden som påverkar nuvärdet mest",
    "Assumptions that move the NPV most",
);
pub(crate) const ASSUMPTION_ITEM: Tr = Tr(
    "{n}. {name}: {value} (källa: {source})",
    "{n}. {name}: {value} (source: {source})",
);
pub(crate) const NO_SOURCE: Tr = Tr("saknas", "not given");
pub(crate) const NO_ASSUMPTIONS: Tr = Tr(
    "Ingen faktor har ett lågt och ett högt värde; känslighetsanalysen rangordnar inga antaganden",
    "No input has a low and a high value; the sensitivity analysis ranks no assumptions",
);

// Strategic case.
pub(crate) const CHANGED_WORK: Tr = Tr("Förändrat arbetssätt", "Changed way of working");
pub(crate) const EFFECT_CHAIN: Tr = Tr("Effektkedja", "Effect chain");
pub(crate) const CHAIN_INTRO: Tr = Tr(
    "Initiativ → förändrat arbetssätt → effektmål → nytta: vilka nyttor som bidrar till vilket effektmål.",
    "Initiative → changed way of working → effect goal → benefit: which benefits contribute to which effect goal.",
);
pub(crate) const INITIATIVE: Tr = Tr("Initiativ", "Initiative");
pub(crate) const NOT_DESCRIBED: Tr = Tr("Inte beskrivet.", "Not described.");
pub(crate) const GOAL: Tr = Tr("Effektmål", "Effect goal");
pub(crate) const CONTRIBUTING: Tr = Tr("Nyttor som bidrar", "Benefits that contribute");
pub(crate) const NO_LINKED: Tr = Tr("ingen nytta kopplad", "no benefit linked");
pub(crate) const UNLINKED: Tr = Tr("Utan kopplat effektmål", "Not linked to an effect goal");
pub(crate) const GOAL_TEXT: Tr = Tr(
    "{indicator}: {direction} till {target}",
    "{indicator}: {direction} to {target}",
);
pub(crate) const GOAL_TEXT_FROM: Tr = Tr(
    "{indicator}: {direction} från {baseline} till {target}",
    "{indicator}: {direction} from {baseline} to {target}",
);

// Economic case.
pub(crate) const OPTIONS: Tr = Tr("Alternativ", "Options");
pub(crate) const OPTIONS_INTRO: Tr = Tr(
    "Förslaget jämfört med nollalternativet och de alternativ som beskrivits. Ett alternativs nuvärde räknas över samma kalkylperiod och kalkylränta som förslaget och jämfört med att inte göra något: engångskostnaden år 0 och hela den årliga nyttan minus den årliga kostnaden varje år 1–{n}, utan upptrappning, utan konfidens och utan optimismpåslag. Förslagets nuvärden räknas med dess upptrappning, konfidens och optimismpåslag; jämförelsen är därför inte likvärdig.",
    "The proposal compared with the do-nothing baseline and the options described. An option's NPV is computed over the same analysis period and discount rate as the proposal and compared with doing nothing: its one-off cost in year 0 and the full yearly benefit minus the yearly cost in every year 1–{n}, without ramp-up, without confidence and without optimism bias. The proposal's NPVs are computed with its ramp-up, confidence and optimism bias, so the comparison is not like for like.",
);
pub(crate) const OPTION: Tr = Tr("Alternativ", "Option");
pub(crate) const BASELINE: Tr = Tr(
    "Nollalternativ: verksamheten fortsätter som i dag",
    "Do-nothing baseline: the work goes on as today",
);
pub(crate) const PROPOSAL_ECONOMIC: Tr = Tr(
    "Förslaget, samhällsekonomisk vy",
    "The proposal, socio-economic view",
);
pub(crate) const PROPOSAL_BUDGET: Tr = Tr("Förslaget, budgetvy", "The proposal, budget view");
pub(crate) const OPTION_FIGURES: Tr = Tr(
    "Engångskostnad {one_off}, årlig kostnad {cost}, årlig nytta {benefit}",
    "One-off cost {one_off}, yearly cost {cost}, yearly benefit {benefit}",
);
pub(crate) const NOT_COSTED: Tr = Tr("inte kostnadsberäknat", "not costed");
pub(crate) const NO_OPTIONS: Tr = Tr(
    "Inga alternativ har kostnadsberäknats.",
    "No options have been costed.",
);
pub(crate) const NO_OPTIONS_DESCRIBED: Tr = Tr(
    "Inga alternativ har kostnadsberäknats. De alternativ som beskrivs i behovsanalysen står under Alternativ i Bakgrund och behov (avsnitt 2).",
    "No options have been costed. The alternatives described in the needs analysis are under Alternatives in Background and need (section 2).",
);

// Commercial case.
pub(crate) const COMMERCIAL_NONE: Tr = Tr(
    "Inget kommersiellt underlag har beskrivits: upphandling, avtalstid, exit och personuppgiftsbiträdesavtal är inte angivna.",
    "No commercial case has been described: procurement, contract length, exit and data-processing agreement are not given.",
);
pub(crate) const PROCUREMENT: Tr = Tr("Upphandling", "Procurement");
pub(crate) const CONTRACT: Tr = Tr("Avtalstid", "Contract length");
pub(crate) const CONTRACT_YEARS: Tr = Tr("{n} år", "{n} years");
pub(crate) const EXIT: Tr = Tr("Exit", "Exit");
pub(crate) const DPA: Tr = Tr("Personuppgiftsbiträdesavtal", "Data-processing agreement");
pub(crate) const NOT_GIVEN: Tr = Tr("inte angivet", "not given");

/// Whether a data-processing agreement is needed, in words.
pub(crate) fn dpa(d: Dpa) -> Tr {
    match d {
        Dpa::Yes => Tr("behövs", "needed"),
        Dpa::No => Tr("behövs inte", "not needed"),
        Dpa::Unclear => Tr(
            "oklart om det behövs",
            "not yet clear whether one is needed",
        ),
    }
}

// Financial case.
pub(crate) const FUNDING: Tr = Tr("Finansiering per år", "Funding per year");
pub(crate) const SOURCE: Tr = Tr("Källa", "Source");
pub(crate) const AMOUNT: Tr = Tr("Belopp", "Amount");
pub(crate) const UNFUNDED: Tr = Tr(
    "Ej finansierat: {amount} ({years}) av budgetvyns kostnader har ingen finansiering det året.",
    "Not funded: {amount} ({years}) of the budget view's costs has no funding in its year.",
);
pub(crate) const FUNDED: Tr = Tr(
    "Finansieringen täcker budgetvyns kostnader varje år.",
    "The funding covers the budget view's costs in every year.",
);
pub(crate) const NO_FUNDING: Tr = Tr(
    "Ingen finansiering per år har angetts.",
    "No funding per year has been given.",
);
pub(crate) const COST_KINDS: Tr = Tr(
    "Investering, drift och budgetpåverkan per år",
    "Investment, operating costs and budget effect per year",
);
pub(crate) const ONE_OFF: Tr = Tr("Engångs (investering)", "One-off (investment)");
pub(crate) const RECURRING: Tr = Tr("Löpande (drift)", "Recurring (operating)");
pub(crate) const BUDGET_BENEFITS: Tr = Tr("Nyttor i budgeten", "Benefits in the budget");
pub(crate) const BUDGET_NET: Tr = Tr("Netto i budgeten", "Net in the budget");
pub(crate) const COST_KINDS_NOTE: Tr = Tr(
    "Budgetvyn: bara finansiella rader, kostnader med optimismpåslag. Ett negativt netto är det som budgeten behöver bära det året, ett positivt netto är ett överskott.",
    "The budget view: financial lines only, costs with optimism bias. A negative net is what the budget must absorb that year, a positive net a surplus.",
);
pub(crate) const BUDGET_PLAN: Tr = Tr("Plan för frigjord tid", "Plan for freed time");
pub(crate) const NO_BUDGET_PLAN: Tr = Tr(
    "Ingen plan för att göra frigjord tid till en budgeteffekt har angetts; omfördelningsnyttorna räknas därför bara i den samhällsekonomiska vyn.",
    "No plan for turning freed time into a budget effect has been given; the reallocation benefits therefore count in the socio-economic view only.",
);

// Management case.
pub(crate) const MILESTONES: Tr = Tr("Milstolpar", "Milestones");
pub(crate) const DATE: Tr = Tr("Datum", "Date");
pub(crate) const MILESTONE: Tr = Tr("Milstolpe", "Milestone");
pub(crate) const NO_MILESTONES: Tr = Tr(
    "Inga milstolpar har angetts.",
    "No milestones have been given.",
);
pub(crate) const BENEFIT_OWNERS: Tr = Tr("Nyttoägare", "Benefit owners");
pub(crate) const BENEFIT: Tr = Tr("Nytta", "Benefit");
pub(crate) const OWNER: Tr = Tr("Nyttoägare", "Benefit owner");
pub(crate) const OWNER_MISSING: Tr = Tr("nyttoägare saknas", "no benefit owner given");
pub(crate) const INDICATOR: Tr = Tr("Indikator", "Indicator");
pub(crate) const PLANNED: Tr = Tr("Planerade uppföljningar", "Scheduled follow-ups");
pub(crate) const WHO: Tr = Tr("Vem", "Who");
pub(crate) const WHAT: Tr = Tr("Vad", "What");
pub(crate) const NO_PLANNED: Tr = Tr(
    "Inga uppföljningstillfällen har planerats.",
    "No follow-ups have been scheduled.",
);
