//! Importing many documents in one transaction (`nytta db import FOLDER`): every document
//! that passes its check is written, each as a new initiative or a new version of one, and
//! the store commits once. The documents are checked and computed in parallel before the
//! transaction, so it only writes. A document that fails leaves nothing behind (its writes
//! are rolled back to a savepoint) and does not stop the others.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use nytta_core::read::read_document;
use nytta_core::settings::ScoreSettings;
use rusqlite::Connection;

use crate::error::{Result, StoreError};
use crate::initiatives;
use crate::settings;
use crate::store::Store;
use crate::valuation::Checked;
use crate::versions;
use crate::write::{prepare, saved, SavedInfo};

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

/// Every entry's text read and checked for storing with `fallback` settings, on every core.
fn prepare_all(entries: &[Entry], fallback: &ScoreSettings) -> Vec<Result<Checked>> {
    let one = |e: &Entry| {
        read_document(&e.text)
            .map_err(StoreError::from)
            .and_then(|d| prepare(d, fallback))
    };
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(entries.len());
    if workers <= 1 {
        return entries.iter().map(one).collect();
    }
    let next = AtomicUsize::new(0);
    let slots: Mutex<Vec<Option<Result<Checked>>>> =
        Mutex::new((0..entries.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(entry) = entries.get(i) else { break };
                let r = one(entry);
                if let Ok(mut slots) = slots.lock() {
                    slots[i] = Some(r);
                }
            });
        }
    });
    let slots = slots.into_inner().unwrap_or_default();
    // A slot left empty (a worker that died) is checked again here.
    slots
        .into_iter()
        .zip(entries)
        .map(|(slot, e)| slot.unwrap_or_else(|| one(e)))
        .collect()
}

fn as_new(conn: &Connection, c: &Checked, now: &str) -> Result<SavedInfo> {
    let id = initiatives::insert(conn, false, &c.summary, now)?;
    let vid = versions::insert(conn, id, None, c, now)?;
    initiatives::write_summary(conn, id, vid, &c.summary, now)?;
    saved(conn, id, vid, c)
}

fn as_version(conn: &Connection, id: i64, c: &Checked, now: &str) -> Result<SavedInfo> {
    let row = initiatives::live_row(conn, id)?;
    if initiatives::working_copy(conn, id)?.is_some() {
        let (_, current) = versions::get(conn, row.current_version_id)?;
        let title = read_document(&current)
            .map(|d| d.initiative.title)
            .unwrap_or_default();
        return Err(StoreError::WorkingCopy { id, title });
    }
    let vid = versions::insert(conn, id, Some(row.current_version_id), c, now)?;
    initiatives::write_summary(conn, id, vid, &c.summary, now)?;
    saved(conn, id, vid, c)
}

impl Store {
    /// Writes every entry in one transaction and reports each entry's outcome, in order.
    /// An entry that fails (its document does not pass the check, the initiative it should
    /// extend is gone or waits with a working copy, or the entry it refers to failed) is
    /// rolled back on its own; the others are committed together.
    pub fn import_many(&mut self, entries: &[Entry], now: &str) -> Result<Vec<Result<SavedInfo>>> {
        let fallback = settings::load(&self.conn)?.scores;
        let mut prepared = prepare_all(entries, &fallback);
        self.write(now, |tx| {
            // The settings changed since the documents were prepared (another program
            // saved them in between): prepare again with the settings the write sees.
            let current = settings::load(tx)?.scores;
            if current != fallback {
                prepared = entries
                    .iter()
                    .map(|e| {
                        read_document(&e.text)
                            .map_err(StoreError::from)
                            .and_then(|d| prepare(d, &current))
                    })
                    .collect();
            }
            let mut out: Vec<Result<SavedInfo>> = Vec::with_capacity(entries.len());
            for (entry, checked) in entries.iter().zip(prepared.drain(..)) {
                tx.execute_batch("SAVEPOINT import_entry")?;
                let result = checked.and_then(|c| match entry.target {
                    Target::New => as_new(tx, &c, now),
                    Target::VersionOf(id) => as_version(tx, id, &c, now),
                    Target::VersionOfEntry(k) => {
                        match out.get(k).and_then(|r| r.as_ref().ok()).map(|s| s.id) {
                            Some(id) => as_version(tx, id, &c, now),
                            // The entry it extends was not written.
                            None => Err(StoreError::NotFound {
                                what: "initiative",
                                id: format!("#{}", k + 1),
                            }),
                        }
                    }
                });
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
