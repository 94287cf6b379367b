//! The municipality's evidence as the desktop app shows it: the calibration table with the
//! confidence hint for every benefit category in both languages (fetched once, shown beside
//! each benefit's confidence), and the lesson search with its filters as plain fields.

use nytta_core::calibration::{Calibration, Lesson, LessonQuery};
use nytta_core::document::Category;
use serde::Serialize;

use crate::ctx::Ctx;
use crate::evidence;
use crate::{AppError, Lang};

/// The hint for one benefit category, e.g. "Omfördelningsnyttor realiserades i snitt till
/// 117 %, n = 6".
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ConfidenceHint {
    /// The benefit category.
    pub category: Category,
    /// The hint in Swedish.
    pub sv: String,
    /// The hint in English.
    pub en: String,
}

/// The calibration table and the hints drawn from it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Evidence {
    /// Realised ÷ expected by category and by stakeholder, with counts.
    pub table: Calibration,
    /// One hint per benefit category that has followed-up lines; none for the others.
    pub hints: Vec<ConfidenceHint>,
}

const CATEGORIES: [Category; 4] = [
    Category::Financial,
    Category::Reallocation,
    Category::Quality,
    Category::Environment,
];

/// The calibration table over the whole store, with its confidence hints.
pub fn evidence(ctx: &Ctx) -> Result<Evidence, AppError> {
    let table = evidence::calibration(ctx)?;
    let hints = CATEGORIES
        .into_iter()
        .filter_map(|category| {
            Some(ConfidenceHint {
                category,
                sv: evidence::confidence_hint(&table, category, Lang::Sv)?,
                en: evidence::confidence_hint(&table, category, Lang::En)?,
            })
        })
        .collect();
    Ok(Evidence { table, hints })
}

/// Lessons learned across the store, newest first. Blank filters match everything; `text`
/// is words that must all occur in the lesson or its initiative's title.
pub fn search_lessons(
    ctx: &Ctx,
    text: &str,
    tag: Option<&str>,
    department: Option<&str>,
    category: Option<Category>,
) -> Result<Vec<Lesson>, AppError> {
    let given = |s: Option<&str>| s.map(str::trim).filter(|s| !s.is_empty()).map(String::from);
    let query = LessonQuery {
        text: text.trim().to_string(),
        tag: given(tag),
        department: given(department),
        category,
    };
    evidence::lessons(ctx, &query)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::path::Path;

    use nytta_core::calibration::CalibrationRow;
    use nytta_core::document::Side;
    use rust_decimal::Decimal;

    use super::*;
    use crate::portfolio;

    fn ctx(dir: &Path) -> Ctx {
        Ctx::open_with_clock(
            &dir.join("nytta.db"),
            Box::new(|| "2025-03-01T09:30:00Z".into()),
        )
        .unwrap()
    }

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn the_hint_names_the_category_the_average_and_the_count() {
        let row = CalibrationRow {
            side: Side::Benefit,
            category: Some(Category::Reallocation),
            stakeholder: None,
            lines: 6,
            initiatives: 3,
            expected: d("100000"),
            realised: d("117000"),
            rate: Some(d("1.17")),
        };
        let table = Calibration {
            by_category: vec![row],
            by_stakeholder: vec![],
        };
        let sv = evidence::confidence_hint(&table, Category::Reallocation, Lang::Sv).unwrap();
        assert_eq!(
            sv.replace('\u{a0}', " "),
            "Omfördelningsnyttor realiserades i snitt till 117 %, n = 6"
        );
        let en = evidence::confidence_hint(&table, Category::Reallocation, Lang::En).unwrap();
        assert!(
            en.starts_with("Reallocation benefits were realised at 117"),
            "{en}"
        );
        assert_eq!(
            evidence::confidence_hint(&table, Category::Financial, Lang::Sv),
            None,
            "no followed-up financial lines: no hint"
        );
    }

    #[test]
    fn hints_exist_exactly_for_the_benefit_categories_in_the_table() {
        let dir = tempfile::tempdir().unwrap();
        let ctx = ctx(dir.path());
        let ev = evidence(&ctx).unwrap();
        let mut with_rows: Vec<Category> = ev
            .table
            .by_category
            .iter()
            .filter(|r| r.side == Side::Benefit && r.rate.is_some())
            .filter_map(|r| r.category)
            .collect();
        with_rows.sort();
        let hinted: Vec<Category> = ev.hints.iter().map(|h| h.category).collect();
        assert!(!hinted.is_empty(), "two examples have follow-ups");
        assert_eq!(hinted, with_rows);
    }

    #[test]
    fn an_empty_store_has_no_hints() {
        let dir = tempfile::tempdir().unwrap();
        let ctx = ctx(dir.path());
        for s in portfolio::list(&ctx).unwrap() {
            portfolio::delete(&ctx, s.id).unwrap();
        }
        let ev = evidence(&ctx).unwrap();
        assert!(ev.table.by_category.is_empty());
        assert!(ev.hints.is_empty());
    }

    #[test]
    fn lessons_are_found_by_words_department_and_category_with_blank_filters_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let ctx = ctx(dir.path());
        // The examples with follow-ups: medication robots and digital signing, 4 lessons each.
        let all = search_lessons(&ctx, " ", Some(""), Some("  "), None).unwrap();
        assert_eq!(all.len(), 8);
        assert!(
            all.windows(2).all(|w| w[0].date >= w[1].date),
            "newest first"
        );
        let welfare = search_lessons(&ctx, "", None, Some("arbete och välfärd"), None).unwrap();
        assert_eq!(welfare.len(), 4);
        assert!(welfare
            .iter()
            .all(|l| l.initiative == "Läkemedelsrobotar i boendestödet"));
        // Each lesson carries its initiative's id, so the Lärdomar view can open it.
        let robots = portfolio::list(&ctx)
            .unwrap()
            .into_iter()
            .find(|s| s.summary.title == "Läkemedelsrobotar i boendestödet")
            .unwrap();
        assert!(welfare.iter().all(|l| l.initiative_id == Some(robots.id)));
        // Words match case-insensitively inside longer words; one lesson says "budgetbesparing".
        let budget = search_lessons(&ctx, "BUDGET frigjord", None, None, None).unwrap();
        assert_eq!(budget.len(), 1);
        assert!(budget[0]
            .text
            .starts_with("Frigjord tid blir inte en budgetbesparing"));
        let tagged = search_lessons(&ctx, "", Some("HSL"), None, Some(Category::Quality)).unwrap();
        assert_eq!(tagged.len(), 4, "digital signing carries the tag HSL");
    }
}
