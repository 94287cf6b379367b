//! The municipality's own evidence: across every followed-up initiative, how much of what
//! was expected was realised, by category and by stakeholder; and the lessons learned,
//! searchable by text, tag, department and category.
//!
//! Pure functions over evaluated documents; the caller decides which documents to include.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::document::{Category, Side, Stakeholder};
use crate::engine::Evaluation;
use crate::model::Model;
use crate::ser;

/// One row of the calibration table.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CalibrationRow {
    /// Benefit or cost.
    pub side: Side,
    /// The category, for a by-category row.
    pub category: Option<Category>,
    /// The stakeholder, for a by-stakeholder row.
    pub stakeholder: Option<Stakeholder>,
    /// Number of followed-up lines behind the row.
    pub lines: usize,
    /// Number of initiatives behind the row.
    pub initiatives: usize,
    /// Sum of expected values in the follow-up years.
    #[serde(serialize_with = "ser::money")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub expected: Decimal,
    /// Sum of realised values in the follow-up years.
    #[serde(serialize_with = "ser::money")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub realised: Decimal,
    /// Realised ÷ expected; `None` when nothing was expected.
    #[serde(serialize_with = "ser::ratio_opt")]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub rate: Option<Decimal>,
}

/// The calibration table.
#[derive(Clone, Debug, PartialEq, Serialize, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Calibration {
    /// Rows by side and category.
    pub by_category: Vec<CalibrationRow>,
    /// Rows by side and stakeholder (lines without a stakeholder are left out).
    pub by_stakeholder: Vec<CalibrationRow>,
}

impl Calibration {
    /// The historical rate for benefit lines of `category`, if any were followed up.
    pub fn benefit_rate(&self, category: Category) -> Option<&CalibrationRow> {
        self.by_category
            .iter()
            .find(|r| r.side == Side::Benefit && r.category == Some(category))
    }
}

#[derive(Default)]
struct Acc {
    lines: usize,
    initiatives: std::collections::BTreeSet<usize>,
    expected: Decimal,
    realised: Decimal,
}

fn side_order(s: Side) -> u8 {
    match s {
        Side::Benefit => 0,
        Side::Cost => 1,
    }
}

/// Builds the table from evaluated documents. Each line counts once per year compared (a
/// one-off cost seen by two follow-ups of one initiative counts once); a line with nothing
/// expected in that year is left out.
pub fn calibrate(items: &[(&Model, &Evaluation)]) -> Calibration {
    let mut by_cat: BTreeMap<(u8, Category), Acc> = BTreeMap::new();
    let mut by_holder: BTreeMap<(u8, Stakeholder), Acc> = BTreeMap::new();
    let mut sides: BTreeMap<u8, Side> = BTreeMap::new();
    let mut seen: std::collections::BTreeSet<(usize, &str, u32)> = Default::default();
    for (k, (model, ev)) in items.iter().enumerate() {
        for f in &ev.follow_ups {
            for c in &f.lines {
                if c.expected.is_zero() || !seen.insert((k, c.id.as_str(), c.year)) {
                    continue;
                }
                let Some(line) = model.lines.iter().find(|l| l.id == c.id) else {
                    continue;
                };
                let s = side_order(line.side);
                sides.insert(s, line.side);
                let add = |acc: &mut Acc| {
                    acc.lines += 1;
                    acc.initiatives.insert(k);
                    acc.expected += c.expected;
                    acc.realised += c.realised;
                };
                add(by_cat.entry((s, line.category)).or_default());
                if let Some(h) = line.stakeholder {
                    add(by_holder.entry((s, h)).or_default());
                }
            }
        }
    }
    let row = |side: Side, category, stakeholder, a: &Acc| CalibrationRow {
        side,
        category,
        stakeholder,
        lines: a.lines,
        initiatives: a.initiatives.len(),
        expected: a.expected,
        realised: a.realised,
        rate: if a.expected.is_zero() {
            None
        } else {
            a.realised.checked_div(a.expected)
        },
    };
    Calibration {
        by_category: by_cat
            .iter()
            .map(|((s, c), a)| row(sides[s], Some(*c), None, a))
            .collect(),
        by_stakeholder: by_holder
            .iter()
            .map(|((s, h), a)| row(sides[s], None, Some(*h), a))
            .collect(),
    }
}

/// A lesson learned, with what it can be found by.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Lesson {
    /// The lesson.
    pub text: String,
    /// The initiative's title.
    pub initiative: String,
    /// The initiative's id in the store, so the lesson can open it; `None` for a lesson read
    /// from a document file.
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub initiative_id: Option<i64>,
    /// Its department.
    pub department: String,
    /// Its tags.
    pub tags: Vec<String>,
    /// Categories of the initiative's money and text lines.
    pub categories: Vec<Category>,
    /// Date of the follow-up that recorded it.
    pub date: String,
}

/// What to look for among lessons; empty fields match everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LessonQuery {
    /// Words that must all occur in the lesson or the initiative's title (case-insensitive).
    pub text: String,
    /// A tag the initiative must carry.
    pub tag: Option<String>,
    /// The department.
    pub department: Option<String>,
    /// A category among the initiative's lines.
    pub category: Option<Category>,
}

/// Every lesson of a document.
pub fn lessons(model: &Model) -> Vec<Lesson> {
    let i = &model.doc.initiative;
    let mut categories: Vec<Category> = model.lines.iter().map(|l| l.category).collect();
    categories.sort();
    categories.dedup();
    model
        .doc
        .follow_ups
        .iter()
        .flat_map(|f| {
            f.lessons.iter().map(|text| Lesson {
                text: text.clone(),
                initiative: i.title.clone(),
                initiative_id: None,
                department: i.department.clone(),
                tags: i.tags.clone(),
                categories: categories.clone(),
                date: f.date.clone(),
            })
        })
        .collect()
}

/// Whether a lesson matches a query.
pub fn matches(lesson: &Lesson, q: &LessonQuery) -> bool {
    let haystack = format!("{} {}", lesson.text, lesson.initiative).to_lowercase();
    let words_ok = q
        .text
        .split_whitespace()
        .all(|w| haystack.contains(&w.to_lowercase()));
    let tag_ok = q.tag.as_ref().is_none_or(|t| {
        lesson
            .tags
            .iter()
            .any(|x| x.to_lowercase() == t.to_lowercase())
    });
    let dept_ok = q
        .department
        .as_ref()
        .is_none_or(|d| lesson.department.to_lowercase() == d.to_lowercase());
    let cat_ok = q.category.is_none_or(|c| lesson.categories.contains(&c));
    words_ok && tag_ok && dept_ok && cat_ok
}
