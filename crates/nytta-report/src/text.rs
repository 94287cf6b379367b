//! The report's wording, Swedish and English side by side. Domain words follow the glossary
//! of docs/domain.md; every heading and label a reader sees in a PDF or chart comes from here.

use nytta_core::document::{
    Category, Direction, FreedTimeUse, PriorityBasis, RiskKind, Stage, Stakeholder,
};
use nytta_core::{labels, Lang};

pub(crate) mod five_case;

/// A text in both languages.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tr(pub &'static str, pub &'static str);

impl Tr {
    /// The text in `lang`.
    pub(crate) fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Sv => self.0,
            Lang::En => self.1,
        }
    }
}

// Document titles and page furniture.
pub(crate) const BUSINESS_CASE: Tr = Tr("Beslutsunderlag", "Business case");
pub(crate) const FOLLOW_UP_REPORT: Tr = Tr("Uppföljningsrapport", "Follow-up report");
pub(crate) const PAGE: Tr = Tr("Sida {n} av {m}", "Page {n} of {m}");
pub(crate) const PRINTED: Tr = Tr("Utskriven {date}", "Printed {date}");

// The sections of the business case, along the Five Case Model (strategic, economic,
// commercial, financial and management case), with the summary first and the assumptions
// last.
pub(crate) const S_SUMMARY: Tr = Tr("1. Sammanfattning", "1. Summary");
pub(crate) const S_STRATEGIC: Tr = Tr("2. Strategiskt underlag", "2. Strategic case");
pub(crate) const S_ECONOMIC: Tr = Tr("3. Ekonomiskt underlag", "3. Economic case");
pub(crate) const S_COMMERCIAL: Tr = Tr("4. Kommersiellt underlag", "4. Commercial case");
pub(crate) const S_FINANCIAL: Tr = Tr("5. Finansiellt underlag", "5. Financial case");
pub(crate) const S_MANAGEMENT: Tr = Tr("6. Genomförande och styrning", "6. Management case");
pub(crate) const S_ASSUMPTIONS: Tr = Tr(
    "7. Antaganden och beräkningsregler",
    "7. Assumptions and calculation conventions",
);

/// Every section heading of the business case, in order.
pub(crate) const SECTIONS: [Tr; 7] = [
    S_SUMMARY,
    S_STRATEGIC,
    S_ECONOMIC,
    S_COMMERCIAL,
    S_FINANCIAL,
    S_MANAGEMENT,
    S_ASSUMPTIONS,
];

// The parts within the sections.
pub(crate) const S_BACKGROUND: Tr = Tr("Bakgrund och behov", "Background and need");
pub(crate) const S_BENEFITS: Tr = Tr("Nyttor", "Benefits");
pub(crate) const S_COSTS: Tr = Tr("Kostnader", "Costs");
pub(crate) const S_YEARS: Tr = Tr("År för år", "Year by year");
pub(crate) const S_CHARTS: Tr = Tr("Diagram", "Charts");
pub(crate) const S_SENSITIVITY: Tr = Tr("Känslighetsanalys", "Sensitivity analysis");
pub(crate) const S_RISKS: Tr = Tr("Risker och hinder", "Risks and obstacles");
pub(crate) const S_GOALS: Tr = Tr("Effektmål", "Effect goals");

// Summary.
pub(crate) const DECISION_DEFAULT: Tr = Tr(
    "Att genomföra initiativet enligt denna nyttovärdering ({version}), med de kostnader, nyttor och effektmål som redovisas nedan.",
    "To carry out the initiative as valued here ({version}), with the costs, benefits and effect goals set out below.",
);
pub(crate) const DECISION_UNNAMED: Tr = Tr(
    "Att genomföra initiativet enligt denna nyttovärdering, med de kostnader, nyttor och effektmål som redovisas nedan.",
    "To carry out the initiative as valued here, with the costs, benefits and effect goals set out below.",
);
pub(crate) const DECIDED_BY: Tr = Tr("av {body}", "by {body}");
pub(crate) const KEY_FIGURES: Tr = Tr("Nyckeltal", "Key figures");
pub(crate) const ECONOMIC: Tr = Tr("Samhällsekonomisk vy", "Socio-economic view");
pub(crate) const BUDGET: Tr = Tr("Budgetvy", "Budget view");
pub(crate) const VIEWS_NOTE: Tr = Tr(
    "Den samhällsekonomiska vyn räknar alla nyttor och kostnader som värderats i kronor, även frigjord tid (omfördelning). Budgetvyn räknar bara finansiella rader, alltså det som faktiskt påverkar budgeten. Frigjord tid är inte pengar i budgeten förrän den tas hem.",
    "The socio-economic view counts every benefit and cost valued in kronor, including freed time (reallocation). The budget view counts financial lines only: what actually moves in the budget. Freed time is not money in the budget until it is realised as a budget saving (taken out of the budget).",
);
pub(crate) const NPV: Tr = Tr("Nuvärde (NPV)", "Net present value (NPV)");
pub(crate) const PV_BENEFITS: Tr = Tr("Nuvärde nyttor", "PV of benefits");
pub(crate) const PV_COSTS: Tr = Tr("Nuvärde kostnader", "PV of costs");
pub(crate) const PAYBACK: Tr = Tr("Återbetalningstid", "Payback period");
pub(crate) const DISC_PAYBACK: Tr =
    Tr("Diskonterad återbetalningstid", "Discounted payback period");
pub(crate) const ROI: Tr = Tr("Avkastning (ROI)", "Return on investment (ROI)");
pub(crate) const BCR: Tr = Tr("Nytta/kostnad-kvot", "Benefit-cost ratio");
pub(crate) const IRR: Tr = Tr("Internränta (IRR)", "Internal rate of return (IRR)");
pub(crate) const SEVERAL_IRR: Tr = Tr("flera internräntor", "several IRRs");
pub(crate) const MIRR: Tr = Tr(
    "Modifierad internränta (MIRR)",
    "Modified internal rate of return (MIRR)",
);
pub(crate) const TOTAL_BENEFITS: Tr = Tr("Summa nyttor", "Total benefits");
pub(crate) const TOTAL_COSTS: Tr = Tr("Summa kostnader", "Total costs");
pub(crate) const SWITCH_BENEFITS: Tr = Tr("Brytvärde för nyttorna", "Switching value of benefits");
pub(crate) const SWITCH_COSTS: Tr = Tr("Brytvärde för kostnaderna", "Switching value of costs");
pub(crate) const BENEFITS_MAY_FALL: Tr = Tr("kan minska med {pct}", "may fall by {pct}");
pub(crate) const BENEFITS_MUST_RISE: Tr = Tr("behöver öka med {pct}", "must rise by {pct}");
pub(crate) const COSTS_MAY_RISE: Tr = Tr("kan öka med {pct}", "may rise by {pct}");
pub(crate) const COSTS_MUST_FALL: Tr = Tr("behöver minska med {pct}", "must fall by {pct}");
pub(crate) const FREED_TIME: Tr = Tr("Frigjord tid", "Freed time");
pub(crate) const FREED_TIME_VALUE: Tr = Tr(
    "{hours} per år = {fte} årsarbetare",
    "{hours} a year = {fte} FTE",
);
pub(crate) const NOT_WITHIN: Tr = Tr("inte inom kalkylperioden", "not within the analysis period");
pub(crate) const NO_COSTS: Tr = Tr(
    "kan inte beräknas: inga kostnader",
    "cannot be computed: no costs",
);
pub(crate) const NONE: Tr = Tr("saknas", "none");
pub(crate) const UNDEFINED: Tr = Tr("ej definierad – {why}", "not defined – {why}");
pub(crate) const NPV_NOTE: Tr = Tr(
    "Nuvärdet diskonterar inte år 0. I Excel: =CF0 + NPV(ränta; CF1:CFn), eftersom Excels NPV även diskonterar det första värdet.",
    "The NPV does not discount year 0. In Excel: =CF0 + NPV(rate, CF1:CFn), since Excel's NPV also discounts the first value.",
);
pub(crate) const MATRIX: Tr = Tr("Bedömning 1/3/5", "Scores 1/3/5");
pub(crate) const CRITERION: Tr = Tr("Kriterium", "Criterion");
pub(crate) const LEVEL: Tr = Tr("Nivå", "Level");
pub(crate) const BASIS: Tr = Tr("Underlag", "Basis");
pub(crate) const EFFECT: Tr = Tr("Potentiell effekt", "Potential effect");
pub(crate) const FEASIBILITY: Tr = Tr("Genomförbarhet", "Feasibility");
pub(crate) const FINANCING: Tr = Tr("Finansiering", "Financing");
pub(crate) const RESOURCE_NEED: Tr = Tr("Resursbehov", "Resource need");
pub(crate) const PRIORITY: Tr = Tr("Prioritetspoäng", "Priority score");
pub(crate) const NOT_CHOSEN: Tr = Tr("ej angiven", "not chosen");
pub(crate) const EFFECT_BASIS: Tr = Tr(
    "Beräknad: {money} per år vid full effekt efter konfidens, {hours} frigjord tid per år efter konfidens",
    "Computed: {money} a year at full effect after confidence, {hours} of freed time a year after confidence",
);
pub(crate) const RESOURCE_BASIS: Tr = Tr(
    "Beräknad: engångskostnader inkl. intern projekttid {money}",
    "Computed: one-off costs incl. internal project time {money}",
);
pub(crate) const PRIORITY_BASIS_TEXT: Tr = Tr(
    "Viktat medelvärde av effekt, genomförbarhet, finansiering och (6 − resursbehov)",
    "Weighted mean of effect, feasibility, financing and (6 − resource need)",
);
pub(crate) const MATRIX_LEGEND: Tr = Tr(
    "Nivåerna. Potentiell effekt: 5 = minst {m5} per år eller {h5} frigjord tid per år, 3 = minst {m3} per år eller {h3}, annars 1. Genomförbarhet: 5 = beprövad lösning, låg risk; 3 = delvis beprövad, viss risk; 1 = oprövad lösning, hög risk. Finansiering: 5 = ryms i befintlig budget; 3 = delvis finansierad eller sökt; 1 = ofinansierad. Resursbehov: 5 = engångskostnader på minst {r5}, 3 = minst {r3}, annars 1; ett högt resursbehov sänker prioriteten.",
    "The levels. Potential effect: 5 = at least {m5} a year or {h5} of freed time a year, 3 = at least {m3} a year or {h3}, otherwise 1. Feasibility: 5 = proven solution, low risk; 3 = partly proven, some risk; 1 = untested solution, high risk. Financing: 5 = within the existing budget; 3 = partly financed or applied for; 1 = unfunded. Resource need: 5 = one-off costs of at least {r5}, 3 = at least {r3}, otherwise 1; a high resource need lowers the priority.",
);
pub(crate) const FULL_REQUIRED: Tr = Tr(
    "Fördjupad nyttovärdering krävs enligt matrisen (effekt eller resursbehov på nivå 3 eller högre).",
    "A full valuation is required by the matrix (effect or resource need at level 3 or above).",
);
pub(crate) const SIMPLIFIED_OK: Tr = Tr(
    "Förenklad nyttovärdering räcker enligt matrisen.",
    "A simplified valuation suffices according to the matrix.",
);

// Background.
pub(crate) const DEPARTMENT: Tr = Tr("Förvaltning", "Department");
pub(crate) const OWNER: Tr = Tr("Ansvarig", "Responsible");
pub(crate) const STAGE_NOW: Tr = Tr("Initiativets status i dag", "The initiative's stage today");
pub(crate) const VERSION_STATUS: Tr = Tr("Version", "Version");
pub(crate) const STATUS_DECIDED: Tr = Tr("beslutad {date}", "decided {date}");
pub(crate) const STATUS_DRAFT: Tr = Tr("utkast {date}", "draft {date}");
pub(crate) const PRIORITY_BASIS: Tr = Tr("Prioriteringsgrund", "Priority basis");
pub(crate) const TAGS: Tr = Tr("Taggar", "Tags");
pub(crate) const PROBLEM: Tr = Tr("Problem", "Problem");
pub(crate) const GOALS: Tr = Tr("Mål", "Goals");
pub(crate) const TARGET_GROUPS: Tr = Tr("Målgrupper", "Target groups");
pub(crate) const ALTERNATIVES: Tr = Tr("Alternativ", "Alternatives");
pub(crate) const NOT_GIVEN: Tr = Tr("Inte angivet.", "Not given.");

// Benefits and costs.
pub(crate) const BENEFITS_INTRO: Tr = Tr(
    "Nyttorna per intressent: till vänster de som värderats i kronor, med beräkningen bakom beloppet; till höger kvalitets- och miljönyttor, som inte värderas i pengar men väger lika tungt i beslutet.",
    "Benefits by stakeholder: on the left those valued in kronor, with the calculation behind each amount; on the right quality and environment benefits, which are not valued in money but weigh as much in the decision.",
);
pub(crate) const STAKEHOLDER: Tr = Tr("Intressent", "Stakeholder");
pub(crate) const IN_MONEY: Tr = Tr("Värderade i kronor", "Valued in kronor");
pub(crate) const QUALITY_ENV: Tr = Tr("Kvalitet och miljö", "Quality and environment");
pub(crate) const NO_STAKEHOLDER: Tr = Tr("ej angiven", "not given");
pub(crate) const PER_YEAR_FULL: Tr = Tr(
    "{amount} per år vid full effekt, före konfidens",
    "{amount} a year at full effect, before confidence",
);
pub(crate) const ONCE_AMOUNT: Tr = Tr("{amount} en gång", "{amount} once");
pub(crate) const CONFIDENCE: Tr = Tr("konfidens {pct}", "confidence {pct}");
pub(crate) const RAMP: Tr = Tr("upptrappning {factors}", "ramp-up {factors}");
pub(crate) const CALCULATION: Tr = Tr("Beräkning: {explain}", "Calculation: {explain}");
pub(crate) const INDICATOR: Tr = Tr("Indikator: {indicator}", "Indicator: {indicator}");
pub(crate) const COST: Tr = Tr("Kostnad", "Cost");
pub(crate) const CATEGORY: Tr = Tr("Kategori", "Category");
pub(crate) const AMOUNT: Tr = Tr("Belopp", "Amount");
pub(crate) const TIMING: Tr = Tr("Tidpunkt", "Timing");
pub(crate) const ONCE_IN: Tr = Tr("engång år {year}", "one-off in year {year}");
pub(crate) const YEARLY_FROM: Tr = Tr("löpande år {from}–{to}", "recurring years {from}–{to}");
pub(crate) const OPTIMISM_NOTE: Tr = Tr(
    "Beloppen i tabellen ovan är utan optimismpåslag. Påslaget på {pct} läggs på varje kostnad i årstabellerna (avsnitt 3, År för år), nyckeltalen, diagrammen och känslighetsanalysen; beloppet med påslag står under varje kostnad.",
    "The amounts in the table above are without optimism bias. The bias of {pct} is added to every cost in the year tables (section 3, Year by year), the key figures, the charts and the sensitivity analysis; the amount with the bias is given under each cost.",
);
pub(crate) const WITH_BIAS: Tr = Tr(
    "Med optimismpåslag {pct}: {amount}",
    "With optimism bias {pct}: {amount}",
);
pub(crate) const NO_LINES: Tr = Tr("Inga rader.", "No lines.");

// Year table.
pub(crate) const YEAR: Tr = Tr("År", "Year");
pub(crate) const BENEFITS: Tr = Tr("Nyttor", "Benefits");
pub(crate) const COSTS: Tr = Tr("Kostnader", "Costs");
pub(crate) const NET: Tr = Tr("Netto", "Net");
pub(crate) const CUMULATIVE: Tr = Tr("Ackumulerat", "Cumulative");
pub(crate) const DISCOUNTED_NET: Tr = Tr("Diskonterat netto", "Discounted net");
pub(crate) const SUM: Tr = Tr("Summa", "Total");
pub(crate) const YEAR_NOTE: Tr = Tr(
    "Summaraden är odiskonterade summor; summan av det diskonterade nettot är nuvärdet.",
    "The total row sums undiscounted values; the sum of the discounted net is the NPV.",
);
pub(crate) const ROUNDING_NOTE: Tr = Tr(
    "Beloppen är avrundade till hela kronor var för sig; netton och summor är räknade på exakta belopp och kan därför skilja en krona från de avrundade beloppen räknade för hand.",
    "The amounts are rounded to whole kronor one by one; nets and totals are computed on exact amounts and so may differ by one krona from the rounded amounts added by hand.",
);

// Charts.
pub(crate) const CHART_CASH_FLOW: Tr = Tr("Ackumulerat netto", "Cumulative net cash flow");
pub(crate) const CHART_CASH_FLOW_CAPTION: Tr = Tr(
    "Ackumulerat netto per år i båda vyerna; återbetalningstiden är där kurvan korsar noll (markerad).",
    "Cumulative net per year in both views; the payback point is where the curve crosses zero (marked).",
);
pub(crate) const CHART_PER_YEAR: Tr =
    Tr("Nyttor och kostnader per år", "Benefits and costs per year");
pub(crate) const CHART_PER_YEAR_CAPTION: Tr = Tr(
    "Nyttor och kostnader per år i den samhällsekonomiska vyn, odiskonterat.",
    "Benefits and costs per year in the socio-economic view, undiscounted.",
);
pub(crate) const CHART_BY_CATEGORY: Tr = Tr("Nyttor per kategori", "Benefits by category");
pub(crate) const CHART_BY_STAKEHOLDER: Tr = Tr("Nyttor per intressent", "Benefits by stakeholder");
pub(crate) const CHART_BREAKDOWN_CAPTION: Tr = Tr(
    "Summa nyttor över kalkylperioden, odiskonterat. Kvalitets- och miljönyttor ({n} st) värderas inte i kronor och visas under Nyttor i avsnitt 3.",
    "Total benefits over the analysis period, undiscounted. Quality and environment benefits ({n}) are not valued in kronor and are shown under Benefits in section 3.",
);
pub(crate) const CHART_TORNADO: Tr = Tr(
    "Faktorernas påverkan på nuvärdet",
    "Effect of each input on the NPV",
);
pub(crate) const CHART_TORNADO_CAPTION: Tr = Tr(
    "Samhällsekonomiskt nuvärde när en faktor i taget sätts till sitt låga respektive höga värde; linjen är nuvärdet med troliga värden.",
    "Socio-economic NPV with one input at a time at its low and its high value; the line is the NPV at likely values.",
);
pub(crate) const TORNADO_LEFT_OUT: Tr = Tr(
    "{n} faktorer till visas inte; var och en ändrar nuvärdet med högst {swing} mellan sitt låga och höga värde.",
    "{n} more inputs are not shown; each moves the NPV by at most {swing} between its low and high value.",
);
pub(crate) const TORNADO_ONE_LEFT_OUT: Tr = Tr(
    "1 faktor till visas inte; den ändrar nuvärdet med {swing} mellan sitt låga och höga värde.",
    "1 more input is not shown; it moves the NPV by {swing} between its low and high value.",
);
pub(crate) const CHART_FOLLOW_UP: Tr = Tr(
    "Förväntat och utfall per rad",
    "Expected and realised per line",
);
// A chart described for screen readers (the figure's alternative text in the PDF).
pub(crate) const ALT_LINES: Tr = Tr(
    "Linjediagram ”{title}” över åren {from}–{to}: {series}.",
    "Line chart “{title}” over the years {from}–{to}: {series}.",
);
pub(crate) const ALT_BARS: Tr = Tr(
    "Stapeldiagram ”{title}” per år {from}–{to}: {series}.",
    "Bar chart “{title}” per year {from}–{to}: {series}.",
);
pub(crate) const ALT_SPANS: Tr = Tr(
    "Liggande stapeldiagram ”{title}” ({series}) för {labels}.",
    "Horizontal bar chart “{title}” ({series}) for {labels}.",
);
pub(crate) const ALT_MARKS: Tr = Tr("Markerat: {marks}.", "Marked: {marks}.");
pub(crate) const ALT_REFERENCE: Tr = Tr("Lodrät linje: {label}.", "Vertical line: {label}.");
pub(crate) const ALT_HISTOGRAM: Tr = Tr(
    "Histogram ”{title}”: {bars} staplar från {from} till {to}, höjden är andelen av utfallen.",
    "Histogram “{title}”: {bars} bars from {from} to {to}, the height is the share of outcomes.",
);
pub(crate) const ALT_S_CURVE: Tr = Tr(
    "Kurvdiagram ”{title}”: {series}, andelen av utfallen från 0 till 100 % mot nuvärdet.",
    "Curve chart “{title}”: {series}, the share of outcomes from 0 to 100% against the NPV.",
);
pub(crate) const AND: Tr = Tr(" och ", " and ");
pub(crate) const AT_LOW: Tr = Tr("Lågt värde", "Low value");
pub(crate) const AT_HIGH: Tr = Tr("Högt värde", "High value");
pub(crate) const LIKELY_NPV: Tr = Tr("Nuvärde med troliga värden", "NPV at likely values");
pub(crate) const PAYBACK_MARK: Tr = Tr("återbetald {years}", "paid back {years}");
pub(crate) const NO_DATA: Tr = Tr("Inga värden att visa", "No values to show");
pub(crate) const COST_SUFFIX: Tr = Tr("(kostnad)", "(cost)");

// Sensitivity.
pub(crate) const INPUT: Tr = Tr("Faktor", "Input");
pub(crate) const LIKELY: Tr = Tr("Troligt", "Likely");
pub(crate) const NPV_AT_LOW: Tr = Tr("Nuvärde vid lågt", "NPV at low");
pub(crate) const NPV_AT_HIGH: Tr = Tr("Nuvärde vid högt", "NPV at high");
pub(crate) const SENS_INTRO: Tr = Tr(
    "Varje faktor med ett intervall prövas vid sitt låga och höga värde medan de andra står kvar på sina troliga värden. Störst utslag överst.",
    "Each input with a range is tried at its low and its high value while the others stay at their likely values. Largest swing first.",
);
pub(crate) const NO_RANGES: Tr = Tr(
    "Inga faktorer har ett lågt och högt värde, så ingen känslighetsanalys kan göras.",
    "No input has a low and a high value, so no sensitivity analysis can be made.",
);
pub(crate) const CASES: Tr = Tr("Sammanvägda fall", "Combined cases");
pub(crate) const CASE: Tr = Tr("Fall", "Case");
pub(crate) const PESSIMISTIC: Tr = Tr(
    "Pessimistiskt (varje faktor på sitt sämsta värde)",
    "Pessimistic (every input at its worst value)",
);
pub(crate) const OPTIMISTIC: Tr = Tr(
    "Optimistiskt (varje faktor på sitt bästa värde)",
    "Optimistic (every input at its best value)",
);
pub(crate) const LIKELY_CASE: Tr = Tr("Troligt", "Likely");
pub(crate) const SWITCHING: Tr = Tr("Brytvärden", "Switching values");
pub(crate) const SWITCHING_NOTE: Tr = Tr(
    "Med positivt nuvärde: hur långt nyttorna kan minska, eller kostnaderna öka, innan nuvärdet blir noll. Med negativt nuvärde: hur mycket nyttorna behöver öka, eller kostnaderna minska, för att nuvärdet ska nå noll. Andelen är |NPV|/PVnyttor respektive |NPV|/PVkostnader.",
    "With a positive NPV: how far benefits may fall, or costs rise, before the NPV reaches zero. With a negative NPV: how much benefits must rise, or costs fall, for the NPV to reach zero. The share is |NPV|/PVbenefits and |NPV|/PVcosts.",
);
pub(crate) const OPTIMISM_BIAS: Tr = Tr("Optimismpåslag på kostnader", "Optimism bias on costs");

// Risks and goals.
pub(crate) const KIND: Tr = Tr("Typ", "Kind");
pub(crate) const RISK_TEXT: Tr = Tr("Beskrivning", "Description");
pub(crate) const LIKELIHOOD: Tr = Tr("Sannolikhet", "Likelihood");
pub(crate) const IMPACT: Tr = Tr("Konsekvens", "Impact");
pub(crate) const MITIGATION: Tr = Tr("Åtgärd", "Mitigation");
pub(crate) const RISK_NOTE: Tr = Tr(
    "Sannolikhet och konsekvens på skalan 1–5.",
    "Likelihood and impact on a scale of 1–5.",
);
pub(crate) const NO_RISKS: Tr = Tr(
    "Inga risker eller hinder har angetts.",
    "No risks or obstacles have been given.",
);
pub(crate) const INDICATOR_H: Tr = Tr("Indikator", "Indicator");
pub(crate) const BASELINE: Tr = Tr("Utgångsvärde", "Baseline");
pub(crate) const TARGET: Tr = Tr("Målvärde", "Target");
pub(crate) const TARGET_DATE: Tr = Tr("Måldatum", "Target date");
pub(crate) const METHOD: Tr = Tr("Metod", "Method");
pub(crate) const NO_GOALS: Tr = Tr(
    "Inga effektmål har angetts.",
    "No effect goals have been given.",
);
pub(crate) const FOLLOW_UP_PLAN: Tr = Tr("Uppföljningsplan", "Follow-up plan");
pub(crate) const FOLLOW_UP_PLAN_TEXT: Tr = Tr(
    "Efter genomförandet följs varje effektmål upp mot sitt målvärde, och nyttorna jämförs med det förväntade för samma år: förväntat, utfall, skillnad och realiseringsgrad. Det noteras vad den frigjorda tiden har använts till (omfördelad, kvalitet eller hemtagen i budget).",
    "After implementation each effect goal is followed up against its target, and the benefits are compared with what was expected for the same year: expected, realised, difference and realisation rate. What became of freed time is recorded (redeployed, quality, or realised as a budget saving).",
);
pub(crate) const INDICATOR_LINES: Tr = Tr("Rader med indikator:", "Lines with an indicator:");

// Assumptions.
pub(crate) const PARAMETERS: Tr = Tr("Parametrar", "Parameters");
pub(crate) const PERIOD: Tr = Tr("Kalkylperiod", "Analysis period");
pub(crate) const PERIOD_VALUE: Tr = Tr("{start}–{end} (år 0–{n})", "{start}–{end} (years 0–{n})");
pub(crate) const RATE: Tr = Tr("Kalkylränta", "Discount rate");
pub(crate) const HOURS_FTE: Tr = Tr("Timmar per årsarbetare", "Hours per FTE");
pub(crate) const INPUTS: Tr = Tr("Faktorer", "Inputs");
pub(crate) const VALUE: Tr = Tr("Värde", "Value");
pub(crate) const RANGE: Tr = Tr("Intervall", "Range");
pub(crate) const SOURCE: Tr = Tr("Källa", "Source");
pub(crate) const NO_SOURCE: Tr = Tr("källa saknas", "no source given");
pub(crate) const ROLES: Tr = Tr("Roller och timkostnader", "Roles and hourly costs");
pub(crate) const ROLE: Tr = Tr("Roll", "Role");
pub(crate) const HOURLY: Tr = Tr("Timkostnad inkl. PO", "Hourly cost incl. overhead");
pub(crate) const MONTHLY_RULE: Tr = Tr(
    "månadslön {salary} ÷ 142 × 1,54",
    "monthly salary {salary} ÷ 142 × 1.54",
);
pub(crate) const GIVEN_HOURLY: Tr = Tr("angiven timkostnad", "hourly cost given");
pub(crate) const CONVENTIONS: Tr = Tr("Beräkningsregler", "Calculation conventions");
pub(crate) const CONVENTION_TEXTS: [Tr; 8] = [
    Tr(
        "År t = 0..N. År 0 är startåret och diskonteras inte; år t diskonteras med (1 + r)^t. Fasta priser, ingen inflation.",
        "Years t = 0..N. Year 0 is the start year and is not discounted; year t is discounted by (1 + r)^t. Constant prices, no inflation.",
    ),
    Tr(
        "En nyttas värde år t = årsbeloppet (formeln vid troliga värden) × upptrappningsfaktor × konfidens; 0 före startåret. Tidsformen: minuter ÷ 60 × antal × timkostnad.",
        "A benefit's value in year t = the annual amount (its formula at likely values) × ramp factor × confidence; 0 before its start. The time form: minutes ÷ 60 × occurrences × hourly cost.",
    ),
    Tr(
        "Kostnad år t = engångskostnader det året plus löpande kostnader som gäller, var och en × (1 + optimismpåslag).",
        "Cost in year t = one-off costs of the year plus recurring costs active that year, each × (1 + optimism bias).",
    ),
    Tr(
        "Nuvärde (NPV) = Σ Netto(t) ÷ (1 + r)^t. I Excel: =CF0 + NPV(r; CF1:CFn), eftersom Excels NPV även diskonterar det första värdet.",
        "NPV = Σ Net(t) ÷ (1 + r)^t. In Excel: =CF0 + NPV(r, CF1:CFn), since Excel's NPV also discounts the first value.",
    ),
    Tr(
        "Avkastning (ROI) = (PVnyttor − PVkostnader) ÷ PVkostnader; nytta/kostnad-kvot = PVnyttor ÷ PVkostnader. Summor är odiskonterade.",
        "ROI = (PVbenefits − PVcosts) ÷ PVcosts; benefit-cost ratio = PVbenefits ÷ PVcosts. Totals are undiscounted.",
    ),
    Tr(
        "Återbetalningstid: första året då det ackumulerade nettot når noll, interpolerat inom året. Nås den inte står det ”inte inom kalkylperioden”. Diskonterad återbetalningstid räknas likadant på diskonterat netto.",
        "Payback: the first year in which the cumulative net reaches zero, interpolated within the year. If it is not reached, it reads \"not within the analysis period\". Discounted payback is the same on the discounted net.",
    ),
    Tr(
        "Samhällsekonomisk vy: alla rader värderade i kronor (finansiella och omfördelning). Budgetvy: bara finansiella rader. Frigjord tid = timmar per år för omfördelningsnyttor i tidsform × konfidens; årsarbetare = timmar ÷ timmar per årsarbetare.",
        "Socio-economic view: every line valued in kronor (financial and reallocation). Budget view: financial lines only. Freed time = hours a year of reallocation benefits in the time form × confidence; FTE = hours ÷ hours per FTE.",
    ),
    Tr(
        "Belopp avrundas först när de visas: hela kronor i sammanställningar, öre i beräkningar, återbetalningstid med en decimal. Avrundning sker från noll vid jämnt mittvärde.",
        "Amounts are rounded only when shown: whole kronor in summaries, öre in calculations, payback to one decimal. Midpoints round away from zero.",
    ),
];

// Follow-up report.
pub(crate) const FU_ABOUT: Tr = Tr("Om uppföljningen", "About the follow-up");
pub(crate) const FU_DATE: Tr = Tr("Datum", "Date");
pub(crate) const FU_YEAR: Tr = Tr("Kalkylår som följs upp", "Analysis year followed up");
pub(crate) const FU_EVALUATOR: Tr = Tr("Utvärderare", "Evaluator");
pub(crate) const FU_DECIDED_VERSION: Tr = Tr("Beslutad version", "Decided version");
pub(crate) const FU_RESULT: Tr = Tr("Utfall mot beslut", "Realised against decided");
pub(crate) const FU_RESULT_NOTE: Tr = Tr(
    "Utfallet räknas om med de uppmätta värdena i stället för de förväntade, med samma formler och samma kalkylperiod.",
    "The realised case is recomputed with the measured values in place of the expected ones, with the same formulas and analysis period.",
);
pub(crate) const DECIDED: Tr = Tr("Beslutat", "Decided");
pub(crate) const REALISED: Tr = Tr("Utfall", "Realised");
pub(crate) const FU_LINES: Tr = Tr(
    "Förväntat och utfall per rad",
    "Expected and realised per line",
);
pub(crate) const FU_LINES_NOTE: Tr = Tr(
    "Löpande rader: värden för kalkylår {year} ({calendar}). Engångsposter: värdet det år posten faller, kalkylår {year} eller tidigare.",
    "Recurring lines: values for analysis year {year} ({calendar}). One-off items: the value in the year the item falls, analysis year {year} or earlier.",
);
pub(crate) const FU_ONE_OFF_YEAR: Tr = Tr(
    "(engångs, år {year} ({calendar}))",
    "(one-off, year {year} ({calendar}))",
);
pub(crate) const FU_PLANNED_NOTE: Tr = Tr(
    "Engångsposter som faller efter kalkylår {year} har inte inträffat än och jämförs inte:",
    "One-off items falling after analysis year {year} have not happened yet and are not compared:",
);
pub(crate) const FU_PLANNED_LINE: Tr = Tr(
    "{name}: {amount}, planerad år {year} ({calendar}) – inte utfallen ännu",
    "{name}: {amount}, planned for year {year} ({calendar}) – not yet realised",
);
pub(crate) const LINE: Tr = Tr("Rad", "Line");
pub(crate) const EXPECTED: Tr = Tr("Förväntat", "Expected");
pub(crate) const DIFFERENCE: Tr = Tr("Skillnad", "Difference");
pub(crate) const RATE_REALISED: Tr = Tr("Realiseringsgrad / avvikelse", "Realisation / deviation");
pub(crate) const OVERRUN: Tr = Tr("överskriden {pct}", "overrun {pct}");
pub(crate) const UNDERRUN: Tr = Tr("underskriden {pct}", "underrun {pct}");
pub(crate) const AS_EXPECTED: Tr = Tr("enligt plan", "as expected");
pub(crate) const NEW_COST: Tr = Tr("ny kostnad", "new cost");
pub(crate) const FU_GOALS: Tr = Tr("Måluppfyllelse för effektmålen", "Effect-goal attainment");
pub(crate) const ACTUAL: Tr = Tr("Utfall", "Actual");
pub(crate) const ATTAINMENT: Tr = Tr("Måluppfyllelse", "Attainment");
pub(crate) const ATTAINMENT_NOTE: Tr = Tr(
    "Måluppfyllelse = (utfall − utgångsvärde) ÷ (målvärde − utgångsvärde); 100 % betyder att målet nåddes.",
    "Attainment = (actual − baseline) ÷ (target − baseline); 100% means the target was reached.",
);
pub(crate) const FU_FREED: Tr = Tr(
    "Vad blev det av den frigjorda tiden?",
    "What became of the freed time?",
);
pub(crate) const FU_FREED_TEXT: Tr = Tr(
    "Frigjord tid enligt utfallet vid full effekt: {hours} per helt år ({fte} årsarbetare). Värdet i kronor under kalkylår {year}, med det årets upptrappning: {value}. Användning: {use}.",
    "Freed time in the realised case at full effect: {hours} a full year ({fte} FTE). Its value in kronor in analysis year {year}, with that year's ramp-up: {value}. Use: {use}.",
);
pub(crate) const FU_FREED_UNKNOWN: Tr = Tr("inte angiven", "not given");
pub(crate) const FU_OBSERVATIONS: Tr = Tr(
    "Iakttagelser från brukare, invånare och personal",
    "Observations from users, citizens and staff",
);
pub(crate) const FU_LESSONS: Tr = Tr("Lärdomar", "Lessons learned");
pub(crate) const FU_METHOD: Tr = Tr("Metod", "Method");

/// The name of a stage.
pub(crate) fn stage(s: Stage) -> Tr {
    match s {
        Stage::Idea => Tr("idé", "idea"),
        Stage::Development => Tr("utvecklingsfas", "development"),
        Stage::Valued => Tr("värderad", "valued"),
        Stage::AwaitingDecision => Tr("för beslut", "awaiting decision"),
        Stage::Decided => Tr("beslutad", "decided"),
        Stage::Planning => Tr("planering", "planning"),
        Stage::InProgress => Tr("genomförs", "in progress"),
        Stage::FollowUp => Tr("uppföljning", "follow-up"),
        Stage::Closed => Tr("avslutad", "closed"),
        Stage::Rejected => Tr("avslagen", "rejected"),
    }
}

/// The name of a priority basis.
pub(crate) fn priority_basis(p: PriorityBasis) -> Tr {
    match p {
        PriorityBasis::Legal => Tr("gällande rätt", "required by law"),
        PriorityBasis::Critical => Tr("samhällsviktig verksamhet", "critical societal function"),
        PriorityBasis::Efficiency => Tr("inre effektivitet", "internal efficiency"),
    }
}

/// The name of a category, from nytta-core's catalogue.
pub(crate) fn category(c: Category) -> Tr {
    Tr(labels::category(Lang::Sv, c), labels::category(Lang::En, c))
}

/// The name of a stakeholder, from nytta-core's catalogue.
pub(crate) fn stakeholder(s: Stakeholder) -> Tr {
    Tr(
        labels::stakeholder(Lang::Sv, s),
        labels::stakeholder(Lang::En, s),
    )
}

/// Risk or obstacle.
pub(crate) fn risk_kind(k: RiskKind) -> Tr {
    match k {
        RiskKind::Risk => Tr("risk", "risk"),
        RiskKind::Obstacle => Tr("hinder", "obstacle"),
    }
}

/// Increase or decrease.
pub(crate) fn direction(d: Direction) -> Tr {
    match d {
        Direction::Increase => Tr("öka", "increase"),
        Direction::Decrease => Tr("minska", "decrease"),
    }
}

/// What became of freed time.
pub(crate) fn freed_time_use(u: FreedTimeUse) -> Tr {
    match u {
        FreedTimeUse::Redeployed => Tr("omfördelad till annat arbete", "redeployed to other work"),
        FreedTimeUse::Quality => Tr(
            "använd till kvalitet för brukarna",
            "spent on quality for users",
        ),
        FreedTimeUse::Withdrawn => Tr(
            "hemtagen i budget",
            "realised as a budget saving (taken out of the budget)",
        ),
    }
}

/// `template` with each `{key}` replaced by its value.
pub(crate) fn fill(template: &str, pairs: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (k, v) in pairs {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

// The Monte Carlo simulation: its charts and its part of the sensitivity analysis.
pub(crate) const CHART_HISTOGRAM: Tr = Tr(
    "Samhällsekonomiskt nuvärde i simuleringen",
    "Socio-economic NPV in the simulation",
);
pub(crate) const CHART_S_CURVE: Tr = Tr(
    "S-kurva: andel av utfallen under varje nuvärde",
    "S-curve: share of outcomes below each NPV",
);
pub(crate) const SHARE_OF_OUTCOMES: Tr = Tr("Andel av utfallen (%)", "Share of outcomes (%)");
pub(crate) const NPV_ZERO: Tr = Tr("Nuvärde 0", "NPV 0");
pub(crate) const SIMULATION: Tr = Tr("Simulering (Monte Carlo)", "Simulation (Monte Carlo)");
pub(crate) const SIM_INTRO: Tr = Tr(
    "{draws} utfall, frö {seed}: varje faktor med lågt och högt värde ({n} st) dras ur sin fördelning (PERT om inget annat anges), oberoende av de andra; övriga faktorer behåller sina värden. Beloppen är uppskattningar.",
    "{draws} outcomes, seed {seed}: every input with a low and a high value ({n}) is drawn from its distribution (PERT unless stated otherwise), independently of the others; the other inputs keep their values. The amounts are estimates.",
);
pub(crate) const SIM_FAILED: Tr = Tr(
    "Simuleringen kunde inte köras: {reason}",
    "The simulation could not be run: {reason}",
);
pub(crate) const SIM_MEAN: Tr = Tr("Nuvärde, medelvärde", "NPV, mean");
pub(crate) const SIM_P10: Tr = Tr(
    "Nuvärde, P10 (10 % av utfallen under)",
    "NPV, P10 (10% of outcomes below)",
);
pub(crate) const SIM_P50: Tr = Tr("Nuvärde, P50 (median)", "NPV, P50 (median)");
pub(crate) const SIM_P90: Tr = Tr(
    "Nuvärde, P90 (10 % av utfallen över)",
    "NPV, P90 (10% of outcomes above)",
);
pub(crate) const SIM_POSITIVE: Tr = Tr(
    "Andel utfall med positivt nuvärde",
    "Share of outcomes with a positive NPV",
);
pub(crate) const SIM_PAYBACK: Tr = Tr("Återbetalningstid, {p}", "Payback, {p}");
pub(crate) const SIM_NEVER: Tr = Tr(
    "Andel utfall utan återbetalning inom kalkylperioden",
    "Share of outcomes that do not pay back within the analysis period",
);
pub(crate) const SIM_DRIVERS: Tr = Tr(
    "Faktorerna som påverkar det samhällsekonomiska nuvärdet mest: rangkorrelationen (Spearman) mellan faktorns dragningar och nuvärdet, från −1 till 1.",
    "The inputs that move the socio-economic NPV most: the rank correlation (Spearman) between the input's draws and the NPV, from −1 to 1.",
);
pub(crate) const DISTRIBUTION: Tr = Tr("Fördelning", "Distribution");
pub(crate) const RANK_CORRELATION: Tr = Tr("Rangkorrelation", "Rank correlation");
pub(crate) const PERT: Tr = Tr("PERT", "PERT");
pub(crate) const TRIANGULAR: Tr = Tr("triangel", "triangular");
pub(crate) const UNIFORM: Tr = Tr("likformig", "uniform");
pub(crate) const CHART_HISTOGRAM_CAPTION: Tr = Tr(
    "Hur utfallens samhällsekonomiska nuvärde fördelar sig: varje stapel är andelen av utfallen inom sitt intervall.",
    "How the outcomes' socio-economic NPV is spread: each bar is the share of outcomes within its interval.",
);
pub(crate) const CHART_S_CURVE_CAPTION: Tr = Tr(
    "Andelen av utfallen med ett lägre nuvärde än det på den vågräta axeln, i båda vyerna; markerat vid var tionde procent (P10 … P90).",
    "The share of outcomes with a lower NPV than the one on the horizontal axis, in both views; marked at every ten percent (P10 … P90).",
);
pub(crate) const ZERO_LINE: Tr = Tr(
    " Den streckade linjen är nuvärde 0.",
    " The dashed line is NPV 0.",
);
