//! The portfolio report for the municipal leadership (*portföljrapport*) as a PDF: the
//! overview's funnel (chart and table) and department table, the priority bases, the demand
//! per year (chart and table), the priority list of the initiatives awaiting decision with
//! the bubble chart the app shows in *Prioritering*, similar needs across departments and
//! the hygiene list; every figure from the same use cases as the app and the CLI, written
//! with `nytta_core::format`, every chart drawn by `nytta_report::charts` from those figures.

use std::collections::BTreeMap;
use std::path::Path;

use nytta_core::format::{kronor, number, percent};
use nytta_report::charts::{self, Bubble, DemandYear, FunnelStage, FunnelStep};
use nytta_report::{DocChart, DocSection, DocTable, ReportOptions, TableDoc};
use rust_decimal::Decimal;

use crate::ctx::Ctx;
use crate::overview::{self, basis_name, stage_name, step_name, Overview};
use crate::priorities::{self, Priorities, PriorityFilter};
use crate::similar::{self, SimilarNeeds};
use crate::{AppError, Lang};

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |first| first.to_uppercase().chain(c).collect())
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap_or_default()
}

fn table(widths: &[f32], numeric: &[bool], header: &[&str], rows: Vec<Vec<String>>) -> DocTable {
    DocTable {
        widths: widths.to_vec(),
        numeric: numeric.to_vec(),
        header: header.iter().map(|h| (*h).to_string()).collect(),
        rows,
    }
}

/// The funnel chart's steps and stages: the overview's counts and shares, named in `lang`.
pub fn funnel_series(o: &Overview, lang: Lang) -> Vec<FunnelStep> {
    o.steps
        .iter()
        .map(|step| FunnelStep {
            name: step_name(lang, &step.step).to_string(),
            count: step.count.count as u64,
            share: dec(&step.count.share),
            stages: step
                .stages
                .iter()
                .map(|st| FunnelStage {
                    name: capitalised(&stage_name(lang, &st.stage)),
                    count: st.count.count as u64,
                    share: dec(&st.count.share),
                })
                .collect(),
        })
        .collect()
}

/// The demand chart's years: the overview's demand per year.
pub fn demand_series(o: &Overview) -> Vec<DemandYear> {
    o.demand
        .iter()
        .map(|y| DemandYear {
            year: y.year,
            one_off: dec(&y.one_off),
            recurring: dec(&y.recurring),
            benefits_economic: dec(&y.benefits_economic),
            benefits_budget: dec(&y.benefits_budget),
        })
        .collect()
}

fn bubble_alt(bubbles: &[Bubble], lang: Lang) -> String {
    let n = bubbles.len();
    let departments = charts::departments(bubbles).len();
    if lang == Lang::Sv {
        format!(
            "Bubbeldiagram över de {n} initiativ för beslut som har bedömd genomförbarhet: potentiell effekt uppåt mot genomförbarhet åt höger (båda 1, 3 eller 5), bubblans yta efter samhällsekonomiskt nuvärde och färgen efter förvaltning ({departments} förvaltningar)."
        )
    } else {
        format!(
            "Bubble chart of the {n} initiatives awaiting decision with a feasibility score: potential effect up against feasibility across (both 1, 3 or 5), the bubble's area by socio-economic NPV and its colour by department ({departments} departments)."
        )
    }
}

/// The report's charts: the funnel, the demand per year and the bubble chart of those
/// awaiting decision.
fn report_charts(o: &Overview, p: &Priorities, lang: Lang) -> Result<[DocChart; 3], AppError> {
    let sv = lang == Lang::Sv;
    let funnel = funnel_series(o, lang);
    let demand = demand_series(o);
    let bubbles = crate::priorities::bubbles_of(p);
    let err = crate::report::report_error;
    Ok([
        DocChart {
            svg: charts::funnel_svg(&funnel, lang).map_err(err)?,
            alt: charts::funnel_alt(&funnel, lang),
            caption: if sv {
                "Figur: utvecklingsprocessen, antal initiativ per status grupperade i processens fyra steg, med andel av portföljen."
            } else {
                "Figure: the development process, initiatives per stage grouped by the process's four steps, with the share of the portfolio."
            }
            .into(),
        },
        DocChart {
            svg: charts::demand_svg(&demand, lang).map_err(err)?,
            alt: charts::demand_alt(&demand, lang),
            caption: if sv {
                "Figur: engångskostnader och löpande kostnader (staplade, samhällsekonomiskt med optimismpåslag) mot nyttor samhällsekonomiskt och i budgeten, för beslutade och pågående initiativ."
            } else {
                "Figure: one-off and recurring costs (stacked, socio-economic view with optimism bias) against the benefits, socio-economic and in the budget, of the decided and ongoing initiatives."
            }
            .into(),
        },
        DocChart {
            svg: charts::bubble_svg(&bubbles, lang).map_err(err)?,
            alt: bubble_alt(&bubbles, lang),
            caption: if sv {
                "Figur: potentiell effekt mot genomförbarhet, samma diagram som i Prioritering. Initiativ utan bedömd genomförbarhet saknas; initiativ med samma nivåer sprids runt sin punkt."
            } else {
                "Figure: potential effect against feasibility, the same chart as in Prioritisation. Initiatives without a feasibility score are left out; initiatives at the same levels are spread around their point."
            }
            .into(),
        },
    ])
}

/// The report's sections from the overview, the priority list, similar needs and the
/// initiatives' titles (`titles`: id → title and department).
pub fn document(
    o: &Overview,
    p: &Priorities,
    s: &SimilarNeeds,
    titles: &BTreeMap<i64, (String, String)>,
    lang: Lang,
) -> Result<TableDoc, AppError> {
    let [funnel_chart, demand_chart, bubble_chart] = report_charts(o, p, lang)?;
    let sv = lang == Lang::Sv;
    let l = |a: &'static str, b: &'static str| if sv { a } else { b };
    let pct = |v: &str| percent(dec(v), 1, lang);
    let kr = |v: &str| kronor(dec(v), lang);
    let mut sections = Vec::new();

    let mut funnel = Vec::new();
    for step in &o.steps {
        funnel.push(vec![
            step_name(lang, &step.step).to_string(),
            String::new(),
            step.count.count.to_string(),
            pct(&step.count.share),
        ]);
        for st in &step.stages {
            funnel.push(vec![
                String::new(),
                stage_name(lang, &st.stage),
                st.count.count.to_string(),
                pct(&st.count.share),
            ]);
        }
    }
    sections.push(DocSection {
        heading: l("Utvecklingsprocessen", "Development process").into(),
        paragraphs: vec![if sv {
            format!(
                "{} initiativ per steg och status i processens ordning, med andel av hela portföljen.",
                o.total.count
            )
        } else {
            format!(
                "{} initiatives per step and stage in the process's order, with the share of the whole portfolio.",
                o.total.count
            )
        }],
        charts: vec![funnel_chart],
        table: Some(table(
            &[0.38, 0.32, 0.14, 0.16],
            &[false, false, true, true],
            &[
                l("Steg", "Step"),
                l("Status", "Stage"),
                l("Antal", "Count"),
                l("Andel", "Share"),
            ],
            funnel,
        )),
        note: None,
    });

    sections.push(DocSection {
        heading: l("Förvaltningar och bolag", "Departments and companies").into(),
        paragraphs: Vec::new(),
        charts: Vec::new(),
        table: Some(table(
            &[0.24, 0.07, 0.09, 0.17, 0.17, 0.17, 0.09],
            &[false, true, true, true, true, true, true],
            &[
                l("Förvaltning/bolag", "Department/company"),
                l("Antal", "Count"),
                l("Andel", "Share"),
                l("Nuvärde samhällsekon.", "NPV, economic"),
                l("Nuvärde, budget", "NPV, budget"),
                l("Engångskostn.", "One-off costs"),
                l("Årsarb.", "FTE"),
            ],
            o.departments
                .iter()
                .map(|d| {
                    vec![
                        d.department.clone(),
                        d.count.count.to_string(),
                        pct(&d.count.share),
                        kr(&d.npv_economic.value),
                        kr(&d.npv_budget.value),
                        kr(&d.one_off_costs.value),
                        number(dec(&d.fte.value), 1, lang),
                    ]
                })
                .collect(),
        )),
        note: Some(
            l(
                "Nuvärde: alla utom avslagna. Engångskostnader och frigjord tid i årsarbetare: beslutade och pågående.",
                "NPV: all but rejected. One-off costs and freed time in FTE: decided and ongoing.",
            )
            .into(),
        ),
    });

    sections.push(DocSection {
        heading: l("Prioriteringsgrund", "Priority basis").into(),
        paragraphs: Vec::new(),
        charts: Vec::new(),
        table: Some(table(
            &[0.46, 0.14, 0.16, 0.24],
            &[false, true, true, true],
            &[
                l("Grund", "Basis"),
                l("Antal", "Count"),
                l("Andel", "Share"),
                l("Nuvärde samhällsekon.", "NPV, economic"),
            ],
            o.bases
                .iter()
                .map(|b| {
                    vec![
                        basis_name(lang, b.basis.as_deref()),
                        b.count.count.to_string(),
                        pct(&b.count.share),
                        kr(&b.npv_economic.value),
                    ]
                })
                .collect(),
        )),
        note: None,
    });

    sections.push(DocSection {
        heading: l("Efterfrågan per år", "Demand per year").into(),
        paragraphs: vec![if sv {
            format!(
                "Vad de {} beslutade och pågående initiativen (beslutad, planering, genomförs) kostar och ger varje kalenderår.",
                o.active.count
            )
        } else {
            format!(
                "What the {} decided and ongoing initiatives (decided, planning, being carried out) cost and return each calendar year.",
                o.active.count
            )
        }],
        charts: vec![demand_chart],
        table: Some(table(
            &[0.12, 0.22, 0.22, 0.22, 0.22],
            &[true, true, true, true, true],
            &[
                l("År", "Year"),
                l("Engångskostn.", "One-off costs"),
                l("Löpande kostn.", "Recurring costs"),
                l("Nyttor samhällsekon.", "Benefits, economic"),
                l("Nyttor, budget", "Benefits, budget"),
            ],
            o.demand
                .iter()
                .map(|y| {
                    vec![
                        y.year.to_string(),
                        kr(&y.one_off),
                        kr(&y.recurring),
                        kr(&y.benefits_economic),
                        kr(&y.benefits_budget),
                    ]
                })
                .collect(),
        )),
        note: None,
    });

    sections.push(DocSection {
        heading: l("Prioriteringsordning: för beslut", "Priority order: awaiting decision").into(),
        paragraphs: vec![l(
            "Prioriteringsgrund (gällande rätt, samhällsviktig verksamhet, inre effektivitet), sedan prioritetspoäng, sedan samhällsekonomiskt nuvärde.",
            "Priority basis (required by law, critical societal function, internal efficiency), then priority score, then economic NPV.",
        )
        .into()],
        charts: vec![bubble_chart],
        table: Some(table(
            &[0.05, 0.28, 0.25, 0.09, 0.16, 0.17],
            &[true, false, false, true, true, true],
            &[
                "#",
                l("Initiativ", "Initiative"),
                l("Förvaltning", "Department"),
                l("Poäng", "Score"),
                l("Nuvärde samhällsekon.", "NPV, economic"),
                l("Engångskostn.", "One-off costs"),
            ],
            p.ranked
                .iter()
                .map(|r| {
                    vec![
                        r.rank.to_string(),
                        r.title.clone(),
                        r.department.clone(),
                        r.priority
                            .as_deref()
                            .map_or("–".into(), |v| number(dec(v), 1, lang)),
                        kr(&r.npv_economic),
                        kr(&r.one_off_costs),
                    ]
                })
                .collect(),
        )),
        note: None,
    });

    sections.push(DocSection {
        heading: l(
            "Liknande behov i olika förvaltningar",
            "Similar needs across departments",
        )
        .into(),
        paragraphs: vec![if sv {
            format!(
                "{} grupper vid tröskeln {}.",
                s.groups.len(),
                number(dec(&s.threshold), 2, lang)
            )
        } else {
            format!(
                "{} groups at the threshold {}.",
                s.groups.len(),
                number(dec(&s.threshold), 2, lang)
            )
        }],
        charts: Vec::new(),
        table: Some(table(
            &[0.06, 0.54, 0.4],
            &[true, false, false],
            &[
                "#",
                l("Initiativ (förvaltning)", "Initiatives (department)"),
                l("Gemensamma ord", "Shared words"),
            ],
            s.groups
                .iter()
                .enumerate()
                .map(|(i, g)| {
                    vec![
                        (i + 1).to_string(),
                        g.members
                            .iter()
                            .map(|m| format!("{} ({})", m.title, m.department))
                            .collect::<Vec<_>>()
                            .join("; "),
                        g.shared.join(", "),
                    ]
                })
                .collect(),
        )),
        note: None,
    });

    let h = &o.hygiene;
    let months = o.stale_months.to_string();
    let mut hygiene = Vec::new();
    for (what, ids) in [
        (
            l("Utan värdering", "Without a valuation").to_string(),
            &h.not_valued,
        ),
        (
            if sv {
                format!("Värdering äldre än {months} månader")
            } else {
                format!("Valuation older than {months} months")
            },
            &h.stale,
        ),
        (
            l(
                "Uppföljningsdatum passerat utan uppföljning",
                "Past the follow-up date without a follow-up",
            )
            .to_string(),
            &h.follow_up_overdue,
        ),
        (
            l(
                "Fullständig värdering krävs men förenklad",
                "Full valuation required but simplified",
            )
            .to_string(),
            &h.full_required_simplified,
        ),
    ] {
        for id in ids {
            let (title, dept) = titles.get(id).cloned().unwrap_or_default();
            hygiene.push(vec![what.clone(), title, dept]);
        }
    }
    sections.push(DocSection {
        heading: l("Hygien", "Hygiene").into(),
        paragraphs: vec![if sv {
            format!("Per {}.", o.today)
        } else {
            format!("As of {}.", o.today)
        }],
        charts: Vec::new(),
        table: Some(table(
            &[0.3, 0.44, 0.26],
            &[false, false, false],
            &[
                l("Brist", "Issue"),
                l("Initiativ", "Initiative"),
                l("Förvaltning", "Department"),
            ],
            hygiene,
        )),
        note: None,
    });

    Ok(TableDoc {
        title: l("Portföljrapport", "Portfolio report").into(),
        subtitle: if sv {
            format!(
                "Kommunledningen · {} · {} initiativ",
                o.today, o.total.count
            )
        } else {
            format!(
                "Municipal leadership · {} · {} initiatives",
                o.today, o.total.count
            )
        },
        sections,
    })
}

/// The store's portfolio report as of `opts.printed`, as PDF bytes.
pub fn pdf(ctx: &Ctx, opts: &ReportOptions) -> Result<Vec<u8>, AppError> {
    let o = overview::overview(ctx, &opts.printed)?;
    let p = priorities::priorities(ctx, &PriorityFilter::default())?;
    let s = similar::similar_needs(ctx, None)?;
    let titles: BTreeMap<i64, (String, String)> = ctx
        .store()
        .portfolio()?
        .into_iter()
        .map(|r| {
            let s = r.summary.summary;
            (r.summary.id, (s.title, s.department))
        })
        .collect();
    let doc = document(&o, &p, &s, &titles, opts.lang)?;
    nytta_report::tables_pdf(&doc, opts).map_err(crate::report::report_error)
}

/// The store's portfolio report as a PDF file at `path` (written whole or not at all).
pub fn pdf_to(ctx: &Ctx, path: &Path, opts: &ReportOptions) -> Result<(), AppError> {
    let bytes = pdf(ctx, opts)?;
    crate::report_files::write_atomically(path, &bytes)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use crate::overview::tests::{d, ov};

    use super::*;

    #[test]
    fn the_portfolio_reports_charts_are_drawn_from_the_overviews_figures() {
        let o = ov();
        // The funnel: the pinned steps and stages above, by name, count and share.
        let funnel = funnel_series(&o, Lang::Sv);
        let steps: Vec<_> = funnel
            .iter()
            .map(|s| (s.name.as_str(), s.count, s.share, s.stages.len()))
            .collect();
        assert_eq!(
            steps,
            [
                ("Utforska och besluta", 3, d("0.6"), 5),
                ("Starta och genomföra", 2, d("0.4"), 3),
                ("Implementera och vidmakthålla", 0, d("0"), 0),
                ("Följa upp och utvärdera", 0, d("0"), 2),
            ]
        );
        let first: Vec<_> = funnel[0]
            .stages
            .iter()
            .map(|s| (s.name.as_str(), s.count, s.share))
            .collect();
        assert_eq!(
            first,
            [
                ("Idé", 1, d("0.2")),
                ("Utvecklingsfas", 0, d("0")),
                ("Värderad", 1, d("0.2")),
                ("För beslut", 0, d("0")),
                ("Avslagen", 1, d("0.2")),
            ]
        );
        let svg = nytta_report::charts::funnel_svg(&funnel, Lang::Sv).unwrap();
        assert!(
            svg.contains("\n3 (60,0 %)\n") && svg.contains("\n1 (20,0 %)\n"),
            "{svg}"
        );
        // The demand: 2024 one-off 300; 2025 one-off 1 000, recurring 50, benefits 400 / 100;
        // 2026 recurring 20, benefits 300 / 300 — the pinned demand above.
        let demand: Vec<_> = demand_series(&o)
            .iter()
            .map(|y| {
                (
                    y.year,
                    y.one_off,
                    y.recurring,
                    y.benefits_economic,
                    y.benefits_budget,
                )
            })
            .collect();
        assert_eq!(
            demand,
            [
                (2024, d("300"), d("0"), d("0"), d("0")),
                (2025, d("1000"), d("50"), d("400"), d("100")),
                (2026, d("0"), d("20"), d("300"), d("300")),
            ]
        );
        assert_eq!(
            nytta_report::charts::demand_alt(&demand_series(&o), Lang::Sv),
            "Staplat stapeldiagram över beslutade och pågående initiativs engångs- och löpande kostnader per år 2024–2026 (sammanlagt 1 370 kr, mest 1 050 kr år 2025) mot deras nyttor samhällsekonomiskt (sammanlagt 700 kr) och i budgeten som linjer."
        );
    }
}
