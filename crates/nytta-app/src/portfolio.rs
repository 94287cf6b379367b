//! The portfolio's use cases over the local store: open it, list, read, create, save,
//! decide, version, duplicate, delete and undo, import and export, settings and backups.
//!
//! Each is a plain function `fn(&Ctx, …) -> Result<T, AppError>` with a serialisable `T`, so
//! the CLI and the desktop shell only forward. [`Ctx`] (crate::ctx) carries the store and
//! the clock; tests give it a fixed clock.

use std::path::Path;

use nytta_store::{
    BackupInfo, CheckReport, Decision, InitiativeSummary, SavedInfo, Settings, Store,
    StoredInitiative, VersionInfo,
};
use serde::{Deserialize, Serialize};

use crate::ctx::Ctx;
use crate::error::Problem;
use crate::AppError;

/// The live initiatives in portfolio order (priority basis, priority score, NPV).
pub fn list(ctx: &Ctx) -> Result<Vec<InitiativeSummary>, AppError> {
    Ok(ctx.store().list()?)
}

/// One row of the portfolio list: the summary and whether there is a valuation behind its
/// figures. Without one (no benefit or cost valued in money) the effect and resource need
/// levels, NPV and payback are the empty valuation's, not an assessment: the list shows them
/// as not valued.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PortfolioLine {
    /// The summary, as listed.
    #[serde(flatten)]
    pub summary: InitiativeSummary,
    /// Whether at least one benefit or cost is valued in money.
    pub valued: bool,
}

/// The live initiatives in portfolio order, each with whether it has a valuation.
pub fn lines(ctx: &Ctx) -> Result<Vec<PortfolioLine>, AppError> {
    Ok(ctx
        .store()
        .portfolio()?
        .into_iter()
        .map(|r| PortfolioLine {
            summary: r.summary,
            valued: r.figures.valued,
        })
        .collect())
}

/// The departments to suggest where one is named (the new initiative dialog, the Behov tab):
/// the configured list in its order, then every other department the live initiatives name,
/// alphabetically (Swedish order: å, ä, ö after z); blank names and repeats left out.
pub fn departments(ctx: &Ctx) -> Result<Vec<String>, AppError> {
    let configured = ctx.store().settings()?.departments;
    let mut out: Vec<String> = Vec::new();
    for d in configured {
        let d = d.trim();
        if !d.is_empty() && !out.iter().any(|x| x == d) {
            out.push(d.to_string());
        }
    }
    let mut others: Vec<String> = Vec::new();
    for s in ctx.store().list()? {
        let d = s.summary.department.trim();
        if !d.is_empty() && !out.iter().chain(&others).any(|x| x == d) {
            others.push(d.to_string());
        }
    }
    others.sort_by_cached_key(|d| swedish_key(d));
    out.extend(others);
    Ok(out)
}

/// A sort key that puts å, ä and ö after z, in that order, as Swedish does.
fn swedish_key(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .map(|c| match c {
            'å' => '{',
            'ä' => '|',
            'ö' => '}',
            c => c,
        })
        .collect()
}

/// What the portfolio list's search looks through for one initiative.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SearchText {
    /// Initiative id.
    pub id: i64,
    /// Title, department, tags, description and the needs analysis (problem, goals, target
    /// groups, alternatives), lower-cased, one line each.
    pub text: String,
}

/// The search text of every live initiative, in portfolio order.
pub fn search_texts(ctx: &Ctx) -> Result<Vec<SearchText>, AppError> {
    Ok(ctx
        .store()
        .portfolio()?
        .into_iter()
        .map(|r| {
            let s = &r.summary.summary;
            let text = [
                s.title.as_str(),
                s.department.as_str(),
                &s.tags.join(" "),
                &r.figures.description,
                &r.figures.needs,
            ]
            .join("\n")
            .to_lowercase();
            SearchText {
                id: r.summary.id,
                text,
            }
        })
        .collect())
}

/// The deleted initiatives, for undo.
pub fn list_deleted(ctx: &Ctx) -> Result<Vec<InitiativeSummary>, AppError> {
    Ok(ctx.store().list_deleted()?)
}

/// One initiative with its versions and the current document.
pub fn get(ctx: &Ctx, id: i64) -> Result<StoredInitiative, AppError> {
    Ok(ctx.store().get(id)?)
}

/// A version and its document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct VersionDocument {
    /// The version.
    pub info: VersionInfo,
    /// Its document as stored.
    pub document_json: String,
}

/// Any version of any initiative, e.g. the decided one after newer drafts.
pub fn get_version(ctx: &Ctx, version_id: i64) -> Result<VersionDocument, AppError> {
    let (info, document_json) = ctx.store().version(version_id)?;
    Ok(VersionDocument {
        info,
        document_json,
    })
}

/// Creates an initiative with an empty draft valuation; returns its id.
pub fn create(ctx: &Ctx, title: &str, department: &str) -> Result<i64, AppError> {
    Ok(ctx.store().create(title, department, &ctx.now())?.id)
}

/// What became of an edit: stored as the current version, or kept as the working copy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DraftSaved {
    /// The version written, when the document passed the check.
    pub saved: Option<SavedInfo>,
    /// Why it was kept as the working copy instead (empty when saved).
    pub problems: Vec<Problem>,
}

/// Saves an edit of the current version. A document that passes the check becomes the
/// current version (and drops any working copy); one that does not is kept whole as the
/// initiative's working copy, so nothing typed is lost, and its problems are returned.
/// Refused with `decided_locked` when the version is decided and the valuation differs; the
/// stage, texts and follow-ups of a decided version may still be saved.
pub fn save_draft(ctx: &Ctx, id: i64, document_json: &str) -> Result<DraftSaved, AppError> {
    let now = ctx.now();
    let mut store = ctx.store();
    let checked =
        crate::check_text(document_json).and_then(|_| Ok(store.save(id, document_json, &now)?));
    match checked {
        Ok(info) => Ok(DraftSaved {
            saved: Some(info),
            problems: Vec::new(),
        }),
        Err(AppError::InvalidDocument(problems)) => {
            store.keep_working_copy(id, document_json, &now)?;
            Ok(DraftSaved {
                saved: None,
                problems,
            })
        }
        Err(e) => Err(e),
    }
}

/// Drops an initiative's working copy, going back to its last valid document.
pub fn discard_working_copy(ctx: &Ctx, id: i64) -> Result<(), AppError> {
    Ok(ctx.store().discard_working_copy(id, &ctx.now())?)
}

/// Marks the current version decided (frozen), recording the decision's date, deciding
/// body and label in the document and, when asked, moving the stage to `decided`.
pub fn decide(ctx: &Ctx, id: i64, decision: &Decision) -> Result<SavedInfo, AppError> {
    Ok(ctx.store().decide(id, decision, &ctx.now())?)
}

/// Starts a new draft version from the current one.
pub fn new_version(ctx: &Ctx, id: i64) -> Result<SavedInfo, AppError> {
    Ok(ctx.store().new_version(id, &ctx.now())?)
}

/// Copies an initiative into a new one.
pub fn duplicate(ctx: &Ctx, id: i64) -> Result<SavedInfo, AppError> {
    Ok(ctx.store().duplicate(id, &ctx.now())?)
}

/// Deletes an initiative (undo with [`undelete`]).
pub fn delete(ctx: &Ctx, id: i64) -> Result<(), AppError> {
    Ok(ctx.store().delete(id, &ctx.now())?)
}

/// Brings a deleted initiative back.
pub fn undelete(ctx: &Ctx, id: i64) -> Result<(), AppError> {
    Ok(ctx.store().undelete(id, &ctx.now())?)
}

/// What an import does with a document that is already in the store.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum OnDuplicate {
    /// Refuse with `already_in_store`, naming the initiative, so the caller can ask.
    #[default]
    Refuse,
    /// Import it as a new initiative beside the existing one.
    Copy,
    /// Import it as a new version of the existing initiative (a new initiative when there
    /// is none).
    NewVersion,
}

/// The live initiative a document is the same initiative as, if any. The format has no
/// identity of its own for an initiative, so "the same" is the same title and department,
/// compared without surrounding spaces and without regard to case; with several, the oldest.
pub fn find_same(
    ctx: &Ctx,
    title: &str,
    department: &str,
) -> Result<Option<InitiativeSummary>, AppError> {
    let key = |s: &str| s.trim().to_lowercase();
    let (title, department) = (key(title), key(department));
    Ok(list(ctx)?
        .into_iter()
        .filter(|s| key(&s.summary.title) == title && key(&s.summary.department) == department)
        .min_by_key(|s| s.id))
}

/// Imports a document: checked completely, then written in one transaction or not at all.
/// A document already in the store (see [`find_same`]) is never silently imported twice:
/// `on_duplicate` says whether it is refused, imported as a copy or as a new version.
pub fn import_text(
    ctx: &Ctx,
    text: &str,
    on_duplicate: OnDuplicate,
) -> Result<SavedInfo, AppError> {
    let model = crate::check_text(text)?;
    let initiative = &model.doc.initiative;
    let same = match on_duplicate {
        OnDuplicate::Copy => None,
        _ => find_same(ctx, &initiative.title, &initiative.department)?,
    };
    match (same, on_duplicate) {
        (Some(s), OnDuplicate::Refuse) => Err(AppError::AlreadyInStore {
            id: s.id,
            title: s.summary.title,
            department: s.summary.department,
        }),
        (Some(s), _) => Ok(ctx.store().import_as_version(s.id, text, &ctx.now())?),
        (None, _) => Ok(ctx.store().import_text(text, &ctx.now())?),
    }
}

/// What became of one file of a folder import.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportOutcome {
    /// The file.
    pub file: String,
    /// The new initiative, when imported.
    pub id: Option<i64>,
    /// The error code, when refused.
    pub code: Option<String>,
    /// Why it was refused, in Swedish.
    pub errors_sv: Vec<String>,
    /// Why it was refused, in English.
    pub errors_en: Vec<String>,
}

/// The current version's document (re-imports to identical data).
pub fn export(ctx: &Ctx, id: i64) -> Result<String, AppError> {
    Ok(ctx.store().export(id)?)
}

/// One written file of [`export_all`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportedFile {
    /// The initiative.
    pub id: i64,
    /// The file written.
    pub file: String,
}

/// Writes every live initiative as `<title>-<id>.nytta.json` into `dir`.
pub fn export_all(ctx: &Ctx, dir: &Path) -> Result<Vec<ExportedFile>, AppError> {
    let io = |p: &Path, e: std::io::Error| AppError::Io {
        path: p.display().to_string(),
        detail: e.to_string(),
    };
    std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
    let mut out = Vec::new();
    for s in list(ctx)? {
        let text = export(ctx, s.id)?;
        let file = dir.join(crate::files::file_name(
            &format!("{} {}", s.summary.title, s.id),
            "nytta.json",
            "",
        ));
        std::fs::write(&file, text).map_err(|e| io(&file, e))?;
        out.push(ExportedFile {
            id: s.id,
            file: file.display().to_string(),
        });
    }
    Ok(out)
}

/// Every setting.
pub fn get_settings(ctx: &Ctx) -> Result<Settings, AppError> {
    Ok(ctx.store().settings()?)
}

/// Saves every setting; saved versions keep the settings they recorded.
pub fn save_settings(ctx: &Ctx, settings: &Settings) -> Result<(), AppError> {
    Ok(ctx.store().save_settings(settings, &ctx.now())?)
}

/// The verified backups, newest first.
pub fn list_backups(ctx: &Ctx) -> Result<Vec<BackupInfo>, AppError> {
    Ok(ctx.store().list_backups()?)
}

/// Makes a verified backup now.
pub fn create_backup(ctx: &Ctx) -> Result<BackupInfo, AppError> {
    Ok(ctx.store().create_backup(&ctx.now())?)
}

/// Restores a backup into the open store, keeping a copy of the current content first;
/// returns the path of that copy.
pub fn restore_backup(ctx: &Ctx, backup: &Path) -> Result<String, AppError> {
    Ok(ctx.store().restore_backup(backup, &ctx.now())?)
}

/// Checks the open store's file thoroughly (full integrity check).
pub fn check(ctx: &Ctx) -> Result<CheckReport, AppError> {
    let path = ctx.path();
    Ok(Store::check(&path)?)
}

/// Checks a store file without opening it for use (nothing is created, moved or changed).
pub fn check_path(path: &Path) -> Result<CheckReport, AppError> {
    Ok(Store::check(path)?)
}

/// Restores a backup into the store at `db` even when that file is damaged or missing;
/// returns the copy of the previous content, if there was a healthy one.
pub fn restore_to_path(db: &Path, backup: &Path) -> Result<Option<String>, AppError> {
    Ok(Store::restore_to_path(
        db,
        backup,
        &crate::ctx::system_now(),
    )?)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use nytta_core::document::ValuationStatus;
    use nytta_core::Lang;

    fn ctx(dir: &Path) -> Ctx {
        Ctx::open_with_clock(
            &dir.join("nytta.db"),
            Box::new(|| "2025-03-01T09:00:00Z".into()),
        )
        .unwrap()
    }

    #[test]
    fn a_new_initiative_is_listed_as_not_valued_and_the_examples_as_valued() {
        let dir = tempfile::tempdir().unwrap();
        let c = ctx(dir.path());
        let id = create(&c, "Ny", "Kultur och fritid").unwrap();
        let rows = lines(&c).unwrap();
        assert_eq!(rows.len(), 5, "the four examples and the new one");
        let valued: Vec<(i64, bool)> = rows.iter().map(|r| (r.summary.id, r.valued)).collect();
        assert!(
            valued.iter().all(|&(i, v)| v == (i != id)),
            "only the new one has no line valued in money: {valued:?}"
        );
        let json = serde_json::to_value(&rows[0]).unwrap();
        assert!(
            json["valued"].is_boolean() && json["title"].is_string(),
            "the summary is flattened beside `valued`: {json}"
        );
    }

    #[test]
    fn departments_suggested_are_the_configured_then_the_others_in_the_store() {
        let dir = tempfile::tempdir().unwrap();
        let c = ctx(dir.path());
        let mut settings = get_settings(&c).unwrap();
        settings.departments = vec![
            "Omsorgsförvaltningen".into(),
            " ".into(),
            "Kultur och fritid".into(),
        ];
        save_settings(&c, &settings).unwrap();
        create(&c, "Ett", "Överförmyndaren").unwrap();
        create(&c, "Två", "Ändringsnämnden").unwrap();
        create(&c, "Tre", "Åldersnämnden").unwrap();
        create(&c, "Fyra", " Kultur och fritid ").unwrap();
        create(&c, "Fem", "").unwrap();
        // The examples name Omsorgsförvaltningen (configured) and Arbete och välfärd.
        assert_eq!(
            departments(&c).unwrap(),
            [
                "Omsorgsförvaltningen",
                "Kultur och fritid",
                "Arbete och välfärd",
                "Åldersnämnden",
                "Ändringsnämnden",
                "Överförmyndaren",
            ]
        );
    }

    #[test]
    fn store_errors_reach_callers_with_stable_codes() {
        let dir = tempfile::tempdir().unwrap();
        let c = ctx(dir.path());
        let decided = list(&c)
            .unwrap()
            .into_iter()
            .find(|s| s.status == ValuationStatus::Decided)
            .unwrap();
        let mut doc: serde_json::Value =
            serde_json::from_str(&export(&c, decided.id).unwrap()).unwrap();
        doc["valuation"]["parameters"]["years"] = serde_json::json!(10);
        let err = save_draft(&c, decided.id, &doc.to_string()).unwrap_err();
        assert_eq!(err.code(), "decided_locked");
        assert!(err.lines(Lang::Sv)[0].contains("är beslutad"));
        assert_eq!(get(&c, 999).unwrap_err().code(), "not_found");
        assert_eq!(
            import_text(&c, "{}", OnDuplicate::Refuse)
                .unwrap_err()
                .code(),
            "missing_field"
        );
    }

    /// A negative hourly cost on one role made every save fail, so a description typed in
    /// Behov meanwhile was lost on leaving. Now the whole edit is kept as the working copy.
    #[test]
    fn an_invalid_edit_is_kept_whole_as_the_working_copy_and_a_valid_one_replaces_it() {
        let dir = tempfile::tempdir().unwrap();
        let c = ctx(dir.path());
        let id = list(&c)
            .unwrap()
            .into_iter()
            .find(|s| s.status == ValuationStatus::Draft)
            .unwrap()
            .id;
        let valid = export(&c, id).unwrap();
        let mut doc: serde_json::Value = serde_json::from_str(&valid).unwrap();
        doc["initiative"]["description"] = serde_json::json!("Nattlig tillsyn med kamera");
        doc["valuation"]["roles"][0]["hourly_cost"] = serde_json::json!("-5");
        let typed = doc.to_string();

        let out = save_draft(&c, id, &typed).unwrap();
        assert_eq!(out.saved, None, "an invalid document is not a version");
        assert!(
            out.problems[0]
                .path
                .as_deref()
                .is_some_and(|p| p.starts_with("valuation.roles[0]")),
            "{:?}",
            out.problems
        );
        drop(c);

        // After a restart the typed text is there; the version is still the valid one.
        let c = ctx(dir.path());
        let stored = get(&c, id).unwrap();
        assert_eq!(stored.working_copy.as_deref(), Some(typed.as_str()));
        assert_eq!(
            stored.working_copy_at.as_deref(),
            Some("2025-03-01T09:00:00Z")
        );
        assert_eq!(stored.document_json, valid);
        assert_eq!(export(&c, id).unwrap(), valid, "exports stay valid");
        let listed = list(&c).unwrap().into_iter().find(|s| s.id == id).unwrap();
        assert!(listed.has_working_copy);

        // Going on from the version would leave the edits behind: refused, with the title.
        let title = doc["initiative"]["title"].as_str().unwrap().to_string();
        let imported = import_text(&c, &valid, OnDuplicate::NewVersion).unwrap_err();
        assert_eq!(imported.code(), "working_copy_invalid");
        for err in [
            decide(
                &c,
                id,
                &Decision {
                    date: "2025-03-01".into(),
                    decided_by: "Nämnden".into(),
                    label: "Beslutsunderlag".into(),
                    set_stage: true,
                },
            )
            .unwrap_err(),
            new_version(&c, id).unwrap_err(),
        ] {
            assert_eq!(err.code(), "working_copy_invalid");
            assert!(
                err.lines(Lang::Sv)[0].contains(&title),
                "{:?}",
                err.lines(Lang::Sv)
            );
            assert!(err.lines(Lang::En)[0].contains("working copy"));
        }

        // Fixed: the valid document becomes the version and the working copy is gone.
        doc["valuation"]["roles"][0]["hourly_cost"] = serde_json::json!("450");
        let out = save_draft(&c, id, &doc.to_string()).unwrap();
        assert!(out.saved.is_some() && out.problems.is_empty());
        let stored = get(&c, id).unwrap();
        assert_eq!(stored.working_copy, None);
        assert!(stored.document_json.contains("Nattlig tillsyn med kamera"));
        assert!(
            !list(&c)
                .unwrap()
                .into_iter()
                .find(|s| s.id == id)
                .unwrap()
                .has_working_copy
        );
    }

    #[test]
    fn a_working_copy_can_be_discarded_back_to_the_last_valid_document() {
        let dir = tempfile::tempdir().unwrap();
        let c = ctx(dir.path());
        let id = list(&c).unwrap()[0].id;
        let valid = export(&c, id).unwrap();
        save_draft(&c, id, "{\"nytta\": 1}").unwrap();
        assert!(get(&c, id).unwrap().working_copy.is_some());
        discard_working_copy(&c, id).unwrap();
        let stored = get(&c, id).unwrap();
        assert_eq!(stored.working_copy, None);
        assert_eq!(stored.document_json, valid);
    }

    #[test]
    fn creating_with_a_blank_title_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let c = ctx(dir.path());
        let before = list(&c).unwrap().len();
        for title in ["", "   "] {
            let err = create(&c, title, "Omsorg").unwrap_err();
            assert_eq!(err.code(), "invalid_value", "{title:?}");
            assert!(err.lines(Lang::Sv)[0].starts_with("initiative.title: "));
            assert!(err.lines(Lang::Sv)[0].contains("behöver en titel"));
            assert!(err.lines(Lang::En)[0].contains("needs a title"));
        }
        assert_eq!(list(&c).unwrap().len(), before, "nothing was created");
    }

    /// Importing a document that was already in the store made a silent duplicate.
    #[test]
    fn importing_a_document_already_in_the_store_asks_instead_of_duplicating() {
        let dir = tempfile::tempdir().unwrap();
        let c = ctx(dir.path());
        let before = list(&c).unwrap();
        let original = before
            .iter()
            .find(|s| s.status == ValuationStatus::Decided)
            .unwrap();
        let text = export(&c, original.id).unwrap();

        let err = import_text(&c, &text, OnDuplicate::Refuse).unwrap_err();
        assert_eq!(err.code(), "already_in_store");
        assert_eq!(
            err,
            AppError::AlreadyInStore {
                id: original.id,
                title: original.summary.title.clone(),
                department: original.summary.department.clone(),
            }
        );
        let sv = err.lines(Lang::Sv).join("\n");
        assert!(
            sv.contains(&format!("\"{}\"", original.summary.title)),
            "{sv}"
        );
        assert_eq!(list(&c).unwrap().len(), before.len(), "nothing was written");

        // Same initiative written with other case and spaces around it.
        let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
        let title = original.summary.title.to_uppercase();
        doc["initiative"]["title"] = serde_json::json!(format!("  {title} "));
        let err = import_text(&c, &doc.to_string(), OnDuplicate::Refuse).unwrap_err();
        assert_eq!(err.code(), "already_in_store");

        let copy = import_text(&c, &text, OnDuplicate::Copy).unwrap();
        assert_ne!(copy.id, original.id);
        assert_eq!(copy.version_number, 1);
        assert_eq!(list(&c).unwrap().len(), before.len() + 1);

        // With two, a new version goes to the oldest, which gains a version and keeps its
        // old ones; no initiative is added.
        let versions_before = get(&c, original.id).unwrap().versions.len();
        let v = import_text(&c, &text, OnDuplicate::NewVersion).unwrap();
        assert_eq!(v.id, original.id);
        let stored = get(&c, original.id).unwrap();
        assert_eq!(stored.versions.len(), versions_before + 1);
        assert_eq!(stored.current_version_id, v.version_id);
        assert_eq!(
            v.version_number,
            i64::try_from(versions_before).unwrap() + 1
        );
        assert_eq!(list(&c).unwrap().len(), before.len() + 1);

        // Another department is another initiative.
        doc["initiative"]["title"] = serde_json::json!(original.summary.title);
        doc["initiative"]["department"] = serde_json::json!("Annan förvaltning");
        let other = import_text(&c, &doc.to_string(), OnDuplicate::Refuse).unwrap();
        assert_ne!(other.id, original.id);
    }

    #[test]
    fn a_deleted_initiative_is_not_in_the_store_for_an_import() {
        let dir = tempfile::tempdir().unwrap();
        let c = ctx(dir.path());
        let first = list(&c).unwrap()[0].clone();
        let text = export(&c, first.id).unwrap();
        delete(&c, first.id).unwrap();
        let back = import_text(&c, &text, OnDuplicate::Refuse).unwrap();
        assert_ne!(back.id, first.id);
        let dto =
            crate::dto::ErrorDto::from(&import_text(&c, &text, OnDuplicate::Refuse).unwrap_err());
        assert_eq!(dto.code, "already_in_store");
        assert_eq!(dto.existing.map(|e| e.id), Some(back.id));
    }
}
