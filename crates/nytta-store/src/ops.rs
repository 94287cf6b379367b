//! What a user does with initiatives, each one transaction: create, save, decide, start a
//! new version, duplicate, delete and undo, import and export.

use nytta_core::document::{Document, Stage, ValuationStatus};
use nytta_core::read::read_document;
use nytta_core::settings::ScoreSettings;
use nytta_core::{DocError, DocErrors};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::clock::year_of;
use crate::error::{Result, StoreError};
use crate::initiatives::{self, InitiativeSummary};
use crate::settings::{self, ServerSettings, Settings};
use crate::store::Store;
use crate::valuation::check_doc;
use crate::versions::{self, VersionInfo};
use crate::write::{import_in, insert_doc, prepare, saved, SavedInfo};

/// One initiative with its versions and the current version's document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StoredInitiative {
    /// Initiative id.
    pub id: i64,
    /// One of the bundled examples.
    pub example: bool,
    /// Deleted (and restorable with undo).
    pub deleted: bool,
    /// The current version (the newest).
    pub current_version_id: i64,
    /// Every version, oldest first.
    pub versions: Vec<VersionInfo>,
    /// The current version's document, as canonical JSON text.
    pub document_json: String,
    /// Edits that did not pass the check yet, kept so nothing typed is lost: the editor
    /// shows this text instead of `document_json` (which stays the last valid document).
    pub working_copy: Option<String>,
    /// When the working copy was kept.
    pub working_copy_at: Option<String>,
}

/// What marking a version decided records: when, by whom and under which label.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Decision {
    /// ISO date of the decision (`YYYY-MM-DD`), stored as `valuation.date`.
    pub date: String,
    /// Who decided (*beslutsinstans*, e.g. "Omsorgsnämnden"), stored as
    /// `valuation.decided_by`.
    pub decided_by: String,
    /// The version's label (e.g. "Beslutsunderlag"), stored as `valuation.label`.
    pub label: String,
    /// Whether the initiative's stage becomes `decided` (beslutad).
    pub set_stage: bool,
}

impl Decision {
    /// Every problem with the decision's fields, named by the document path they go to.
    fn problems(&self) -> Vec<DocError> {
        let mut out = Vec::new();
        if !nytta_core::date::is_iso_date(self.date.trim()) {
            out.push(DocError::invalid(
                "valuation.date",
                "beslutsdatum ska vara ett datum ÅÅÅÅ-MM-DD",
                "the decision date must be a date YYYY-MM-DD",
            ));
        }
        if self.decided_by.trim().is_empty() {
            out.push(DocError::invalid(
                "valuation.decided_by",
                "ange vem som fattade beslutet (beslutsinstans)",
                "say who took the decision (deciding body)",
            ));
        }
        if self.label.trim().is_empty() {
            out.push(DocError::invalid(
                "valuation.label",
                "versionen behöver en benämning, t.ex. Beslutsunderlag",
                "the version needs a label, e.g. Business case",
            ));
        }
        out
    }
}

fn current(conn: &Connection, id: i64) -> Result<(i64, VersionInfo, Document)> {
    let row = initiatives::live_row(conn, id)?;
    let (info, text) = versions::get(conn, row.current_version_id)?;
    Ok((row.current_version_id, info, read_document(&text)?))
}

/// Refuses to go on from the current version while edits with problems wait beside it.
fn no_working_copy(conn: &Connection, id: i64, doc: &Document) -> Result<()> {
    match initiatives::working_copy(conn, id)? {
        Some(_) => Err(StoreError::WorkingCopy {
            id,
            title: doc.initiative.title.clone(),
        }),
        None => Ok(()),
    }
}

fn recorded(info: &VersionInfo) -> Result<ScoreSettings> {
    serde_json::from_str(&info.settings)
        .map_err(|e| StoreError::Sqlite(format!("version {}: {e}", info.id)))
}

impl Store {
    /// The live initiatives in portfolio order.
    pub fn list(&self) -> Result<Vec<InitiativeSummary>> {
        initiatives::list(&self.conn, false)
    }

    /// The deleted initiatives (restorable with [`Store::undelete`]).
    pub fn list_deleted(&self) -> Result<Vec<InitiativeSummary>> {
        initiatives::list(&self.conn, true)
    }

    /// One initiative, deleted or not, with its versions and current document.
    pub fn get(&self, id: i64) -> Result<StoredInitiative> {
        let row = initiatives::row(&self.conn, id)?;
        let (_, document_json) = versions::get(&self.conn, row.current_version_id)?;
        let (working_copy, working_copy_at) = initiatives::working_copy(&self.conn, id)?.unzip();
        Ok(StoredInitiative {
            id,
            example: row.example,
            deleted: row.deleted_at.is_some(),
            current_version_id: row.current_version_id,
            versions: versions::list(&self.conn, id)?,
            document_json,
            working_copy,
            working_copy_at,
        })
    }

    /// Any version and its document (an old version shows the figures it was saved with).
    pub fn version(&self, version_id: i64) -> Result<(VersionInfo, String)> {
        versions::get(&self.conn, version_id)
    }

    /// Every setting.
    pub fn settings(&self) -> Result<Settings> {
        settings::load(&self.conn)
    }

    /// Saves every setting. Versions already saved keep the settings they recorded.
    pub fn save_settings(&mut self, s: &Settings, now: &str) -> Result<()> {
        self.write(now, |tx| settings::save(tx, s, now))
    }

    /// The group server's settings, if saved.
    pub fn server_settings(&self) -> Result<Option<ServerSettings>> {
        settings::load_server(&self.conn)
    }

    /// Saves the group server's settings.
    pub fn save_server_settings(&mut self, s: &ServerSettings, now: &str) -> Result<()> {
        self.write(now, |tx| settings::save_server(tx, s, now))
    }

    /// Creates an initiative with an empty draft valuation from the default settings.
    pub fn create(&mut self, title: &str, department: &str, now: &str) -> Result<SavedInfo> {
        self.write(now, |tx| {
            let s = settings::load(tx)?;
            let roles: Vec<_> = s
                .roles
                .iter()
                .map(|r| json!({ "id": r.id, "name": r.name, "hourly_cost": r.hourly_cost }))
                .collect();
            let p = &s.parameters;
            let doc = json!({
                "nytta": 1,
                "initiative": { "title": title, "department": department },
                "valuation": {
                    "parameters": {
                        "start_year": year_of(now).unwrap_or(2025),
                        "years": p.years,
                        "discount_rate": p.discount_rate,
                        "hours_per_fte": p.hours_per_fte,
                        "optimism_bias": p.optimism_bias
                    },
                    "roles": roles
                }
            });
            import_in(tx, &doc.to_string(), false, &s.scores, now)
        })
    }

    /// Saves a document as the initiative's current version. A draft is overwritten (and
    /// frozen if the document says `decided`). A decided version refuses any change to its
    /// valuation ([`StoreError::DecidedLocked`]); only what happens after a decision — the
    /// initiative's stage, tags and texts and the follow-ups — may still be saved into it.
    pub fn save(&mut self, id: i64, text: &str, now: &str) -> Result<SavedInfo> {
        let doc = read_document(text)?;
        self.write(now, |tx| {
            let (vid, info, old) = current(tx, id)?;
            if info.status == ValuationStatus::Decided {
                if doc.valuation != old.valuation {
                    return Err(StoreError::DecidedLocked { id });
                }
                let c = check_doc(doc, &recorded(&info)?)?;
                versions::update_after_decision(tx, vid, &c.text, now)?;
                initiatives::write_summary(tx, id, vid, &c.summary, now)?;
                initiatives::set_working_copy(tx, id, None, now)?;
                return saved(tx, id, vid, &c);
            }
            let c = prepare(doc, &settings::load(tx)?.scores)?;
            versions::update(tx, vid, &c, now)?;
            initiatives::write_summary(tx, id, vid, &c.summary, now)?;
            initiatives::set_working_copy(tx, id, None, now)?;
            saved(tx, id, vid, &c)
        })
    }

    /// Keeps an edit that does not pass the check yet as the initiative's working copy
    /// (a draft may be invalid while it is being typed; only deciding requires validity).
    /// The current version is not touched; the next valid [`Store::save`] drops the copy.
    pub fn keep_working_copy(&mut self, id: i64, text: &str, now: &str) -> Result<()> {
        self.write(now, |tx| {
            initiatives::live_row(tx, id)?;
            initiatives::set_working_copy(tx, id, Some(text), now)
        })
    }

    /// Drops the working copy: the user chose to go back to the last valid document.
    pub fn discard_working_copy(&mut self, id: i64, now: &str) -> Result<()> {
        self.write(now, |tx| {
            initiatives::live_row(tx, id)?;
            initiatives::set_working_copy(tx, id, None, now)
        })
    }

    /// Marks the current draft as decided, freezing it with the settings it was computed
    /// with, and records the decision's date, deciding body and label in the document (the
    /// stage becomes `decided` when the decision says so). Empty or malformed decision
    /// fields are refused with the path they would be stored at.
    pub fn decide(&mut self, id: i64, decision: &Decision, now: &str) -> Result<SavedInfo> {
        let problems = decision.problems();
        if !problems.is_empty() {
            return Err(StoreError::Invalid(DocErrors(problems)));
        }
        self.write(now, |tx| {
            let (vid, info, mut doc) = current(tx, id)?;
            if info.status == ValuationStatus::Decided {
                return Err(StoreError::DecidedLocked { id });
            }
            no_working_copy(tx, id, &doc)?;
            doc.valuation.status = ValuationStatus::Decided;
            doc.valuation.date = Some(decision.date.trim().to_string());
            doc.valuation.decided_by = decision.decided_by.trim().to_string();
            doc.valuation.label = decision.label.trim().to_string();
            if decision.set_stage {
                doc.initiative.stage = Stage::Decided;
            }
            let c = prepare(doc, &settings::load(tx)?.scores)?;
            versions::update(tx, vid, &c, now)?;
            initiatives::write_summary(tx, id, vid, &c.summary, now)?;
            saved(tx, id, vid, &c)
        })
    }

    /// Starts a new draft version from the current one (decided or not).
    pub fn new_version(&mut self, id: i64, now: &str) -> Result<SavedInfo> {
        self.write(now, |tx| {
            let (vid, _, mut doc) = current(tx, id)?;
            no_working_copy(tx, id, &doc)?;
            doc.valuation.status = ValuationStatus::Draft;
            let c = prepare(doc, &settings::load(tx)?.scores)?;
            let new_id = versions::insert(tx, id, Some(vid), &c, now)?;
            initiatives::write_summary(tx, id, new_id, &c.summary, now)?;
            saved(tx, id, new_id, &c)
        })
    }

    /// Copies an initiative's current version into a new initiative (a draft, not an example).
    pub fn duplicate(&mut self, id: i64, now: &str) -> Result<SavedInfo> {
        self.write(now, |tx| {
            let (_, _, mut doc) = current(tx, id)?;
            doc.valuation.status = ValuationStatus::Draft;
            doc.initiative.title = format!("{} (kopia)", doc.initiative.title);
            insert_doc(tx, doc, false, &settings::load(tx)?.scores, now)
        })
    }

    /// Deletes an initiative; [`Store::undelete`] brings it back.
    pub fn delete(&mut self, id: i64, now: &str) -> Result<()> {
        self.write(now, |tx| {
            initiatives::live_row(tx, id)?;
            initiatives::set_deleted(tx, id, Some(now))
        })
    }

    /// Undoes a deletion.
    pub fn undelete(&mut self, id: i64, now: &str) -> Result<()> {
        self.write(now, |tx| {
            initiatives::row(tx, id)?;
            initiatives::set_deleted(tx, id, None)
        })
    }

    /// Imports a document as a new initiative: checked completely first, then written in
    /// one transaction, or not at all.
    pub fn import_text(&mut self, text: &str, now: &str) -> Result<SavedInfo> {
        let doc = read_document(text)?;
        self.write(now, |tx| {
            insert_doc(tx, doc, false, &settings::load(tx)?.scores, now)
        })
    }

    /// Imports a document as a new version of an existing initiative, based on its current
    /// version (which is kept unchanged among the older versions). Checked completely
    /// first, then written in one transaction, or not at all.
    pub fn import_as_version(&mut self, id: i64, text: &str, now: &str) -> Result<SavedInfo> {
        let doc = read_document(text)?;
        self.write(now, |tx| {
            let row = initiatives::live_row(tx, id)?;
            let (_, _, current_doc) = current(tx, id)?;
            no_working_copy(tx, id, &current_doc)?;
            let c = prepare(doc, &settings::load(tx)?.scores)?;
            let vid = versions::insert(tx, id, Some(row.current_version_id), &c, now)?;
            initiatives::write_summary(tx, id, vid, &c.summary, now)?;
            saved(tx, id, vid, &c)
        })
    }

    /// The current version's document, exactly as stored (re-imports to identical data).
    pub fn export(&self, id: i64) -> Result<String> {
        let row = initiatives::live_row(&self.conn, id)?;
        Ok(versions::get(&self.conn, row.current_version_id)?.1)
    }
}
