//! The key figures explained in words, with the quantities each one is made of: a present
//! value as every year's amount divided by its discount factor, ROI and the benefit–cost
//! ratio as the present values they divide, payback as the cumulative net flow and the
//! interpolation that finds the year, the priority score as its weighted levels. The app shows
//! these texts beside the figures (and nowhere else writes them), so what a manager reads
//! is what the engine computed.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::case::{Figures, View, YearRow};
use crate::format::{self, Lang};
use crate::formula::explain_number;
use crate::model::Model;
use crate::score::Scores;

/// Explanations of one view's key figures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FigureExplanations {
    /// Net present value: each year's net flow ÷ its discount factor, summed.
    pub npv: String,
    /// Present value of benefits: each year's benefits ÷ its discount factor, summed.
    pub pv_benefits: String,
    /// Present value of costs, the same way.
    pub pv_costs: String,
    /// ROI = (PVb − PVc) ÷ PVc with the present values.
    pub roi: String,
    /// Benefit–cost ratio = PVb ÷ PVc with the present values.
    pub benefit_cost_ratio: String,
    /// Payback: the cumulative net flow per year and where it turns positive.
    pub payback: String,
}

/// Every key figure's explanation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Explanations {
    /// Economic view.
    pub economic: FigureExplanations,
    /// Budget view.
    pub budget: FigureExplanations,
    /// The priority score as the weighted mean of its levels.
    pub priority: String,
}

fn kr(d: Decimal, lang: Lang) -> String {
    format::kronor(d, lang)
}

/// `(1 + r)^t` for each year, as the engine discounts.
fn factors(rate: Decimal, n: usize) -> Vec<Decimal> {
    let mut acc = Decimal::ONE;
    (0..n)
        .map(|_| {
            let f = acc;
            acc = acc.checked_mul(Decimal::ONE + rate).unwrap_or(Decimal::MAX);
            f
        })
        .collect()
}

/// "år 1: 100 000 kr ÷ 1,03 = 97 087 kr; …" over the years' amounts.
fn discounted_terms(amounts: &[Decimal], growth: &[Decimal], lang: Lang) -> String {
    use std::fmt::Write;
    let year = if lang == Lang::Sv { "år" } else { "year" };
    let mut out = String::with_capacity(amounts.len() * 48);
    for (t, (a, g)) in amounts.iter().zip(growth).enumerate() {
        if t > 0 {
            out.push_str("; ");
        }
        // Writing into a String cannot fail.
        let _ = if t == 0 {
            write!(out, "{year} 0: {}", kr(*a, lang))
        } else {
            let pv = a.checked_div(*g).unwrap_or_default();
            write!(
                out,
                "{year} {t}: {} ÷ {} = {}",
                kr(*a, lang),
                explain_number(*g, lang),
                kr(pv, lang)
            )
        };
    }
    out
}

fn view_explanations(
    model: &Model,
    f: &Figures,
    rows: &[YearRow],
    view: View,
    lang: Lang,
) -> FigureExplanations {
    let sv = lang == Lang::Sv;
    let flows: Vec<_> = rows
        .iter()
        .map(|r| match view {
            View::Economic => &r.economic,
            View::Budget => &r.budget,
        })
        .collect();
    let g = factors(model.params.rate, flows.len());
    let rate = format::percent(model.params.rate, 1, lang);
    let benefits: Vec<Decimal> = flows.iter().map(|y| y.benefits).collect();
    let costs: Vec<Decimal> = flows.iter().map(|y| y.costs).collect();
    let net: Vec<Decimal> = flows.iter().map(|y| y.net).collect();
    let pv = |what_sv: &str, what_en: &str, amounts: &[Decimal], total: Decimal| {
        let terms = discounted_terms(amounts, &g, lang);
        if sv {
            format!(
                "{what_sv} varje år delade med diskonteringsfaktorn (1 + {rate})^år och summerade: {terms}. Summa {}",
                kr(total, lang)
            )
        } else {
            format!(
                "{what_en} of each year divided by the discount factor (1 + {rate})^year and summed: {terms}. Total {}",
                kr(total, lang)
            )
        }
    };
    let (pvb, pvc) = (kr(f.pv_benefits, lang), kr(f.pv_costs, lang));
    let roi = match f.roi {
        Some(r) if sv => format!(
            "(nyttornas nuvärde − kostnadernas nuvärde) ÷ kostnadernas nuvärde = ({pvb} − {pvc}) ÷ {pvc} = {}",
            format::percent(r, 0, lang)
        ),
        Some(r) => format!(
            "(PV of benefits − PV of costs) ÷ PV of costs = ({pvb} − {pvc}) ÷ {pvc} = {}",
            format::percent(r, 0, lang)
        ),
        None if sv => "Inte definierad: kostnadernas nuvärde är 0 kr.".to_string(),
        None => "Not defined: the present value of costs is SEK 0.".to_string(),
    };
    let bcr = match f.benefit_cost_ratio {
        Some(r) if sv => format!(
            "nyttornas nuvärde ÷ kostnadernas nuvärde = {pvb} ÷ {pvc} = {}",
            format::number(r, 2, lang)
        ),
        Some(r) => format!(
            "PV of benefits ÷ PV of costs = {pvb} ÷ {pvc} = {}",
            format::number(r, 2, lang)
        ),
        None if sv => "Inte definierad: kostnadernas nuvärde är 0 kr.".to_string(),
        None => "Not defined: the present value of costs is SEK 0.".to_string(),
    };
    FigureExplanations {
        npv: format!(
            "{} {}",
            pv(
                "Nettoflödet (nyttor − kostnader)",
                "The net flow (benefits − costs)",
                &net,
                f.npv
            ),
            if sv {
                "(= nyttornas nuvärde − kostnadernas nuvärde). I Excel: =CF0 + NPV(r; CF1:CFn), eftersom Excels NPV diskonterar även år 0."
            } else {
                "(= PV of benefits − PV of costs). In Excel: =CF0 + NPV(r, CF1:CFn), since Excel's NPV discounts year 0 too."
            }
        ),
        pv_benefits: pv("Nyttorna", "The benefits", &benefits, f.pv_benefits),
        pv_costs: pv(
            "Kostnaderna (med optimismpåslag)",
            "The costs (with optimism bias)",
            &costs,
            f.pv_costs,
        ),
        roi,
        benefit_cost_ratio: bcr,
        payback: payback(&costs, &net, f.payback_years, lang),
    }
}

/// The cumulative net flow per year and, when it turns positive, `(t − 1) + |C(t−1)| ÷ Net(t)`.
fn payback(costs: &[Decimal], net: &[Decimal], years: Option<Decimal>, lang: Lang) -> String {
    let sv = lang == Lang::Sv;
    let year = if sv { "år" } else { "year" };
    let mut cumulative = Decimal::ZERO;
    let mut sums = Vec::with_capacity(net.len());
    for n in net {
        cumulative += *n;
        sums.push(cumulative);
    }
    let list = sums
        .iter()
        .enumerate()
        .map(|(t, c)| format!("{year} {t}: {}", kr(*c, lang)))
        .collect::<Vec<_>>()
        .join("; ");
    let head = if sv {
        format!("Ackumulerat nettoflöde: {list}.")
    } else {
        format!("Cumulative net flow: {list}.")
    };
    let turn = (1..sums.len()).find(|&t| sums[t - 1] < Decimal::ZERO && sums[t] >= Decimal::ZERO);
    match (years, turn) {
        (Some(y), Some(t)) => {
            let how = format!(
                "{} + {} ÷ {} = {}",
                t - 1,
                kr(-sums[t - 1], lang),
                kr(net[t], lang),
                format::years(y, lang)
            );
            if sv {
                format!("{head} Summan passerar 0 under år {t}: {how}.")
            } else {
                format!("{head} The sum passes 0 during year {t}: {how}.")
            }
        }
        (Some(y), None) if sv => format!(
            "{head} Summan är inte negativ år 0: {}.",
            format::years(y, lang)
        ),
        (Some(y), None) => format!(
            "{head} The sum is not negative in year 0: {}.",
            format::years(y, lang)
        ),
        (None, _) if net.iter().all(Decimal::is_zero) && sv => {
            format!("{head} Nettoflödet är 0 varje år: det finns inget att betala tillbaka.")
        }
        (None, _) if net.iter().all(Decimal::is_zero) => {
            format!("{head} The net flow is 0 every year: there is nothing to pay back.")
        }
        (None, _) if costs.iter().all(Decimal::is_zero) && sv => {
            format!("{head} Det finns inga kostnader: det finns inget att betala tillbaka.")
        }
        (None, _) if costs.iter().all(Decimal::is_zero) => {
            format!("{head} There are no costs: there is nothing to pay back.")
        }
        (None, _) if sv => format!("{head} Summan blir inte positiv inom kalkylperioden."),
        (None, _) => format!("{head} The sum does not turn positive within the analysis period."),
    }
}

fn priority(model: &Model, s: &Scores, lang: Lang) -> String {
    let sv = lang == Lang::Sv;
    let (Some(feasibility), Some(financing), Some(p)) = (s.feasibility, s.financing, s.priority)
    else {
        return if sv {
            "Räknas fram när genomförbarhet och finansiering är valda.".to_string()
        } else {
            "Computed once feasibility and financing are chosen.".to_string()
        };
    };
    let w = &model.settings;
    let n = |d: Decimal| explain_number(d, lang);
    let names = if sv {
        ["effekt", "genomförbarhet", "finansiering", "resursbehov"]
    } else {
        ["effect", "feasibility", "financing", "resource need"]
    };
    let terms = [
        format!("{} {} × {}", names[0], n(w.weight_effect), s.effect),
        format!("{} {} × {}", names[1], n(w.weight_feasibility), feasibility),
        format!("{} {} × {}", names[2], n(w.weight_financing), financing),
        format!(
            "{} {} × (6 − {})",
            names[3],
            n(w.weight_resource),
            s.resource_need
        ),
    ]
    .join(" + ");
    let weights = [
        w.weight_effect,
        w.weight_feasibility,
        w.weight_financing,
        w.weight_resource,
    ];
    let total: Decimal = weights.iter().sum();
    let weight_list = weights
        .iter()
        .map(|d| n(*d))
        .collect::<Vec<_>>()
        .join(" + ");
    let value = format::number(p, 2, lang);
    if sv {
        format!(
            "Viktat medelvärde (vikt × nivå): ({terms}) ÷ ({weight_list} = {}) = {value}",
            n(total)
        )
    } else {
        format!(
            "Weighted mean (weight × level): ({terms}) ÷ ({weight_list} = {}) = {value}",
            n(total)
        )
    }
}

/// Every key figure's explanation in `lang`.
pub fn explanations(
    model: &Model,
    economic: &Figures,
    budget: &Figures,
    rows: &[YearRow],
    scores: &Scores,
    lang: Lang,
) -> Explanations {
    Explanations {
        economic: view_explanations(model, economic, rows, View::Economic, lang),
        budget: view_explanations(model, budget, rows, View::Budget, lang),
        priority: priority(model, scores, lang),
    }
}
