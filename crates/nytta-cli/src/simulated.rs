//! The simulation and a batch of evaluations as text for the terminal: the simulation's
//! figures in plain sentences ("Nuvärdet är positivt i 87 % av utfallen"), and one table
//! row per document of a batch. Figures come from nytta-app and are only formatted here.

use nytta_app::batch::{FileOutcome, SimulatedView, Simulation};
use nytta_app::format::{kronor, number, years};
use nytta_app::{Decimal, Lang, Model};

/// A share of the draws as a whole percentage ("87 %", never "0 %" or "100 %" unless it is).
pub use nytta_app::batch::share;

fn payback_or(v: Option<Decimal>, lang: Lang) -> String {
    match (v, lang) {
        (Some(y), _) => years(y, lang),
        (None, Lang::Sv) => "inte inom kalkylperioden".into(),
        (None, Lang::En) => "not within the analysis period".into(),
    }
}

fn view_text(v: &SimulatedView, lang: Lang) -> String {
    let kr = |d| kronor(d, lang);
    let positive = share(v.probability_positive, lang);
    let never = share(v.never_pays_back, lang);
    let (p10, p50, p90) = (
        payback_or(v.payback_p10, lang),
        payback_or(v.payback_p50, lang),
        payback_or(v.payback_p90, lang),
    );
    match lang {
        Lang::Sv => format!(
            "Nuvärdet är positivt i {positive} av utfallen. Medelvärde {}; hälften av utfallen under {} (P50), \
             10 % under {} (P10) och 10 % över {} (P90). Återbetalningstid: P10 {p10}, P50 {p50}, P90 {p90}; \
             {never} av utfallen betalar inte tillbaka inom kalkylperioden.",
            kr(v.npv_mean),
            kr(v.npv_p50),
            kr(v.npv_p10),
            kr(v.npv_p90),
        ),
        Lang::En => format!(
            "The NPV is positive in {positive} of outcomes. Mean {}; half of the outcomes below {} (P50), \
             10% below {} (P10) and 10% above {} (P90). Payback: P10 {p10}, P50 {p50}, P90 {p90}; \
             {never} of outcomes do not pay back within the analysis period.",
            kr(v.npv_mean),
            kr(v.npv_p50),
            kr(v.npv_p10),
            kr(v.npv_p90),
        ),
    }
}

/// The simulation in a few sentences: what was drawn, each view's spread and the inputs
/// that drive the economic NPV most.
pub fn simulation_text(model: &Model, sim: &Simulation, lang: Lang) -> String {
    let sv = lang == Lang::Sv;
    let draws = number(Decimal::from(sim.draws), 0, lang);
    let mut out = String::new();
    out.push_str(if sv {
        "\nSimulering (Monte Carlo)\n"
    } else {
        "\nSimulation (Monte Carlo)\n"
    });
    out.push_str(&if sv {
        format!(
            "{draws} utfall, frö {}; {} faktorer varieras inom sina intervall, oberoende av varandra. Beloppen är uppskattningar.\n",
            sim.seed,
            sim.inputs.len()
        )
    } else {
        format!(
            "{draws} outcomes, seed {}; {} inputs varied within their ranges, independently of each other. The amounts are estimates.\n",
            sim.seed,
            sim.inputs.len()
        )
    });
    for (name_sv, name_en, v) in [
        ("Samhällsekonomisk vy", "Socio-economic view", &sim.economic),
        ("Budgetvy", "Budget view", &sim.budget),
    ] {
        let name = if sv { name_sv } else { name_en };
        out.push_str(&format!("{name}: {}\n", after_colon(&view_text(v, lang))));
    }
    let name_of = |id: &str| {
        model
            .doc
            .valuation
            .inputs
            .iter()
            .find(|x| x.id == id)
            .map_or(id.to_string(), |x| x.name.clone())
    };
    let drivers: Vec<String> = sim
        .economic
        .drivers
        .iter()
        .filter_map(|d| Some((d, d.rank_correlation?)))
        .take(3)
        .map(|(d, rho)| format!("{} ({})", name_of(&d.input), number(rho, 2, lang)))
        .collect();
    if !drivers.is_empty() {
        out.push_str(&if sv {
            format!(
                "Störst påverkan på det ekonomiska nuvärdet (rangkorrelation): {}\n",
                drivers.join(", ")
            )
        } else {
            format!(
                "Largest influence on the socio-economic NPV (rank correlation): {}\n",
                drivers.join(", ")
            )
        });
    }
    out
}

/// A batch as a table: one row per document that could be evaluated (file, title, NPV and
/// payback in both views, and with a simulation the share of outcomes with a positive
/// economic NPV), then how many could not be.
pub fn batch_table(outcomes: &[FileOutcome], lang: Lang) -> String {
    let sv = lang == Lang::Sv;
    let simulated = outcomes
        .iter()
        .any(|o| o.result.as_ref().is_ok_and(|e| e.simulation.is_some()));
    let mut head: Vec<&str> = if sv {
        vec![
            "Fil",
            "Titel",
            "NPV ekonomisk",
            "NPV budget",
            "Återbetalning ek.",
            "Återbetalning budget",
        ]
    } else {
        vec![
            "File",
            "Title",
            "NPV economic",
            "NPV budget",
            "Payback econ.",
            "Payback budget",
        ]
    };
    if simulated {
        head.push(if sv {
            "Positivt NPV ek."
        } else {
            "Positive NPV econ."
        });
    }
    let short = |v: Option<Decimal>| match v {
        Some(y) => years(y, lang),
        None if sv => "ej inom perioden".to_string(),
        None => "not within period".to_string(),
    };
    let mut rows = vec![head.iter().map(|s| s.to_string()).collect::<Vec<_>>()];
    let mut failed = 0;
    for o in outcomes {
        let Ok(e) = &o.result else {
            failed += 1;
            continue;
        };
        let ev = &e.evaluation;
        let file = o.file.file_name().map_or_else(
            || o.file.display().to_string(),
            |n| n.to_string_lossy().into(),
        );
        let mut row = vec![
            file,
            e.model.doc.initiative.title.clone(),
            kronor(ev.economic.npv, lang),
            kronor(ev.budget.npv, lang),
            short(ev.economic.payback_years),
            short(ev.budget.payback_years),
        ];
        if simulated {
            row.push(e.simulation.as_ref().map_or("–".into(), |s| {
                share(s.economic.probability_positive, lang)
            }));
        }
        rows.push(row);
    }
    let cols = rows[0].len();
    let width: Vec<usize> = (0..cols)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for (i, r) in rows.iter().enumerate() {
        let cells: Vec<String> = r
            .iter()
            .enumerate()
            .map(|(c, cell)| {
                let pad = " ".repeat(width[c] - cell.chars().count());
                // File and title left-aligned, figures right-aligned.
                if c < 2 {
                    format!("{cell}{pad}")
                } else {
                    format!("{pad}{cell}")
                }
            })
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
        if i == 0 {
            out.push_str(&"-".repeat(width.iter().sum::<usize>() + 2 * (cols - 1)));
            out.push('\n');
        }
    }
    let total = number(Decimal::from(outcomes.len()), 0, lang);
    if failed > 0 {
        let failed = number(Decimal::from(failed), 0, lang);
        out.push_str(&if sv {
            format!("{failed} av {total} dokument kunde inte beräknas (se felen ovan).\n")
        } else {
            format!(
                "{failed} of {total} documents could not be evaluated (see the errors above).\n"
            )
        });
    }
    out
}

/// A sentence that stands alone, continued after a label and a colon: its first letter in
/// lower case ("Samhällsekonomisk vy: nuvärdet är positivt …").
fn after_colon(sentence: &str) -> String {
    let mut chars = sentence.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}
