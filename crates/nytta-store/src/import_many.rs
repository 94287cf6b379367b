//! Importing many documents in one transaction (`nytta db import FOLDER`): every document
//! that passes its check is written, each as a new initiative or a new version of one, and
//! the store commits once. A document that fails leaves nothing behind (its writes are
//! rolled back to a savepoint) and does not stop the others.

use nytta_core::read::read_document;
use rusqlite::Connection;

use crate::error::{Result, StoreError};
use crate::initiatives;
use crate::settings;
use crate::store::Store;
use crate::versions;
use crate::write::{insert_doc, prepare, saved, SavedInfo};

/// Where one document of a batch goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// A new initiative.
    New,
    /// A new version of the initiative with this id, already in the store.
    VersionOf(i64),
    /// A new version of the initiative that an earlier document of the same batch (by
    /// position) was written as.
    VersionOfEntry(usize),
}

/// One document of a batch: its text and where it goes.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The document's text.
    pub text: String,
    /// Where it goes.
    pub target: Target,
}

fn as_version(
    conn: &Connection,
    id: i64,
    text: &str,
    fallback: &nytta_core::settings::ScoreSettings,
    now: &str,
) -> Result<SavedInfo> {
    let row = initiatives::live_row(conn, id)?;
    if initiatives::working_copy(conn, id)?.is_some() {
        let (_, current) = versions::get(conn, row.current_version_id)?;
        let title = read_document(&current)
            .map(|d| d.initiative.title)
            .unwrap_or_default();
        return Err(StoreError::WorkingCopy { id, title });
    }
    let c = prepare(read_document(text)?, fallback)?;
    let vid = versions::insert(conn, id, Some(row.current_version_id), &c, now)?;
    initiatives::write_summary(conn, id, vid, &c.summary, now)?;
    saved(conn, id, vid, &c)
}

impl Store {
    /// Writes every entry in one transaction and reports each entry's outcome, in order.
    /// An entry that fails (its document does not pass the check, the initiative it should
    /// extend is gone or waits with a working copy, or the entry it refers to failed) is
    /// rolled back on its own; the others are committed together.
    pub fn import_many(&mut self, entries: &[Entry], now: &str) -> Result<Vec<Result<SavedInfo>>> {
        self.write(now, |tx| {
            let fallback = settings::load(tx)?.scores;
            let mut out: Vec<Result<SavedInfo>> = Vec::with_capacity(entries.len());
            for entry in entries {
                tx.execute_batch("SAVEPOINT import_entry")?;
                let result = match entry.target {
                    Target::New => read_document(&entry.text)
                        .map_err(StoreError::from)
                        .and_then(|doc| insert_doc(tx, doc, false, &fallback, now)),
                    Target::VersionOf(id) => as_version(tx, id, &entry.text, &fallback, now),
                    Target::VersionOfEntry(k) => {
                        match out.get(k).and_then(|r| r.as_ref().ok()).map(|s| s.id) {
                            Some(id) => as_version(tx, id, &entry.text, &fallback, now),
                            // The entry it extends was not written.
                            None => Err(StoreError::NotFound {
                                what: "initiative",
                                id: format!("#{}", k + 1),
                            }),
                        }
                    }
                };
                if result.is_ok() {
                    tx.execute_batch("RELEASE import_entry")?;
                } else {
                    tx.execute_batch("ROLLBACK TO import_entry; RELEASE import_entry")?;
                }
                out.push(result);
            }
            Ok(out)
        })
    }
}
