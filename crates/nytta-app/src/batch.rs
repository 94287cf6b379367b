//! Several documents at once (`nytta evaluate A B FOLDER …`), and the Monte Carlo simulation
//! of one: files and folders expanded to documents, each read, checked, evaluated and, when
//! asked, simulated, in parallel across the machine's cores, the results in the order the
//! files were named.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use nytta_core::simulation;
pub use nytta_core::simulation::{share, Driver, SimulatedView, Simulation, VariedInput};
use nytta_core::{DocErrors, Evaluation, Lang, Model};
use serde::Serialize;
use serde_json::Value;

use crate::ctx::Ctx;
use crate::dto::ErrorDto;
use crate::portfolio::{ImportOutcome, OnDuplicate};
use crate::AppError;
use nytta_store::import_many::{Entry, Target};

/// One document of a batch, evaluated.
#[derive(Clone, Debug)]
pub struct Evaluated {
    /// The checked document.
    pub model: Model,
    /// Every figure.
    pub evaluation: Evaluation,
    /// The simulation, when asked for.
    pub simulation: Option<Simulation>,
}

/// What became of one file.
#[derive(Clone, Debug)]
pub struct FileOutcome {
    /// The file, as named or found in a named folder.
    pub file: PathBuf,
    /// Its figures, or why there are none.
    pub result: Result<Evaluated, AppError>,
}

/// The files a list of paths names: a file as it is, a folder as its `*.json` files in
/// name order (not its subfolders).
pub fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>, AppError> {
    let mut out = Vec::new();
    for path in paths {
        if !path.is_dir() {
            out.push(path.clone());
            continue;
        }
        let io = |e: std::io::Error| AppError::Io {
            path: path.display().to_string(),
            detail: e.to_string(),
        };
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(io)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        out.extend(files);
    }
    Ok(out)
}

/// The simulation of a checked document: `draws` when given (checked as the document's
/// own would be, named `--simulate`), else the document's draws or the default; the
/// document's seed or the default.
pub fn simulate(model: &Model, draws: Option<i64>) -> Result<Simulation, AppError> {
    let (planned, seed) = simulation::plan(model);
    let draws = match draws {
        Some(d) => simulation::check_draws(d, "--simulate").map_err(one)?,
        None => planned,
    };
    simulation::simulate(model, draws, seed).map_err(one)
}

/// Checks a number of draws given on the command line (`--simulate DRAWS`), as the
/// document's own draws are checked.
pub fn check_draws(draws: i64) -> Result<(), AppError> {
    simulation::check_draws(draws, "--simulate")
        .map(|_| ())
        .map_err(one)
}

fn one(e: nytta_core::DocError) -> AppError {
    AppError::from(DocErrors(vec![e]))
}

/// Reads, checks, evaluates and (when `simulate` is `Some`) simulates one file;
/// `simulate` carries the draws asked for, `Some(None)` the document's own.
pub fn evaluate_file(file: &Path, lang: Lang, simulate: Option<Option<i64>>) -> FileOutcome {
    let result = std::fs::read_to_string(file)
        .map_err(|e| AppError::Io {
            path: file.display().to_string(),
            detail: e.to_string(),
        })
        .and_then(|text| crate::evaluate_text(&text, lang))
        .and_then(|(model, evaluation)| {
            let simulation = match simulate {
                Some(draws) => Some(self::simulate(&model, draws)?),
                None => None,
            };
            Ok(Evaluated {
                model,
                evaluation,
                simulation,
            })
        });
    FileOutcome {
        file: file.to_path_buf(),
        result,
    }
}

/// `f` over every item on every core (scoped threads taking the next item in turn), the
/// results in the items' order.
pub fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len());
    if workers <= 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let slots: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(item) = items.get(i) else { break };
                let r = f(item);
                if let Ok(mut slots) = slots.lock() {
                    slots[i] = Some(r);
                }
            });
        }
    });
    slots
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .flatten()
        .collect()
}

/// Every file evaluated in parallel, in the order given.
pub fn evaluate_files(
    files: &[PathBuf],
    lang: Lang,
    simulate: Option<Option<i64>>,
) -> Vec<FileOutcome> {
    parallel_map(files, |f| evaluate_file(f, lang, simulate))
}

/// An evaluation's JSON: its own keys, then `simulation` when there is one.
#[derive(Serialize)]
struct EvaluationJson<'a> {
    #[serde(flatten)]
    evaluation: &'a Evaluation,
    #[serde(skip_serializing_if = "Option::is_none")]
    simulation: Option<&'a Simulation>,
}

/// One line of a batch's JSON, written straight to text: no tree of values is built for the
/// hundreds of figures of every file.
#[derive(Serialize)]
struct EvaluationLine<'a> {
    file: String,
    evaluation: EvaluationJson<'a>,
}

/// The evaluation as a JSON value, with the key `simulation` when there is one
/// (docs/format.md §`nytta evaluate --json`).
pub fn evaluation_value(evaluation: &Evaluation, simulation: Option<&Simulation>) -> Value {
    serde_json::to_value(EvaluationJson {
        evaluation,
        simulation,
    })
    .unwrap_or(Value::Null)
}

/// One file's outcome as one line of JSON: `{"file": …, "evaluation": {…}}`, or
/// `{"file": …, "error": {code, message_sv, message_en, path?, problems?}}`.
pub fn json_line(outcome: &FileOutcome) -> String {
    let file = outcome.file.display().to_string();
    match &outcome.result {
        Ok(e) => {
            let line = EvaluationLine {
                file,
                evaluation: EvaluationJson {
                    evaluation: &e.evaluation,
                    simulation: e.simulation.as_ref(),
                },
            };
            serde_json::to_string(&line).unwrap_or_else(|_| {
                serde_json::json!({ "file": line.file, "evaluation": Value::Null }).to_string()
            })
        }
        Err(err) => serde_json::json!({ "file": file, "error": ErrorDto::from(err) }).to_string(),
    }
}

/// Where one checked file of a folder import goes, before anything is written.
enum Plan {
    /// Written as this entry of the batch.
    Write(usize),
    /// Already in the store as this initiative.
    Refused(i64, String, String),
    /// The same initiative as the earlier file at this position (refused once it is known).
    RefusedAsEntry(usize, String, String),
}

/// Imports every `*.json` file of a folder in one transaction, in file-name order, and
/// reports each file's outcome. Every file is checked first (in parallel); a file that is
/// refused does not stop the others. A file whose initiative (same title and department, as
/// [`crate::portfolio::find_same`]) is already in the store — or was named by an earlier
/// file of the folder — is handled as `on_duplicate` says.
pub fn import_dir(
    ctx: &Ctx,
    dir: &Path,
    on_duplicate: OnDuplicate,
) -> Result<Vec<ImportOutcome>, AppError> {
    let files = expand(&[dir.to_path_buf()])?;
    let checked = parallel_map(&files, |file| -> Result<_, AppError> {
        let text = std::fs::read_to_string(file).map_err(|e| AppError::Io {
            path: file.display().to_string(),
            detail: e.to_string(),
        })?;
        let model = crate::check_text(&text)?;
        let i = &model.doc.initiative;
        Ok((text, i.title.clone(), i.department.clone()))
    });
    let key = |title: &str, department: &str| {
        (
            title.trim().to_lowercase(),
            department.trim().to_lowercase(),
        )
    };
    let mut existing = std::collections::HashMap::new();
    for s in crate::portfolio::list(ctx)? {
        let k = key(&s.summary.title, &s.summary.department);
        let id = existing.entry(k).or_insert(s.id);
        *id = (*id).min(s.id);
    }
    let mut seen = std::collections::HashMap::new();
    let mut entries = Vec::new();
    let plans: Vec<Result<Plan, AppError>> = checked
        .into_iter()
        .map(|c| {
            let (text, title, department) = c?;
            let k = key(&title, &department);
            let target = match (on_duplicate, existing.get(&k), seen.get(&k)) {
                (OnDuplicate::Copy, ..) => Target::New,
                (OnDuplicate::Refuse, Some(&id), _) => {
                    return Ok(Plan::Refused(id, title, department))
                }
                (OnDuplicate::Refuse, None, Some(&k)) => {
                    return Ok(Plan::RefusedAsEntry(k, title, department))
                }
                (OnDuplicate::NewVersion, Some(&id), _) => Target::VersionOf(id),
                (OnDuplicate::NewVersion, None, Some(&k)) => Target::VersionOfEntry(k),
                (_, None, None) => Target::New,
            };
            seen.entry(k).or_insert(entries.len());
            entries.push(Entry { text, target });
            Ok(Plan::Write(entries.len() - 1))
        })
        .collect();
    let written: Vec<Result<i64, AppError>> = ctx
        .store()
        .import_many(&entries, &ctx.now())?
        .into_iter()
        .map(|r| r.map(|s| s.id).map_err(AppError::from))
        .collect();
    let missing = || {
        AppError::from(nytta_store::StoreError::Sqlite(
            "import entry missing".into(),
        ))
    };
    Ok(files
        .iter()
        .zip(plans)
        .map(|(file, plan)| {
            let result: Result<i64, AppError> = plan.and_then(|plan| match plan {
                Plan::Write(k) => written.get(k).cloned().unwrap_or_else(|| Err(missing())),
                Plan::Refused(id, title, department) => Err(AppError::AlreadyInStore {
                    id,
                    title,
                    department,
                }),
                // The file it repeats was written: refused as in the store. That file was
                // not written: refused for that file's reason.
                Plan::RefusedAsEntry(k, title, department) => match written.get(k) {
                    Some(Ok(id)) => Err(AppError::AlreadyInStore {
                        id: *id,
                        title,
                        department,
                    }),
                    Some(Err(e)) => Err(e.clone()),
                    None => Err(missing()),
                },
            });
            let (id, err) = match result {
                Ok(id) => (Some(id), None),
                Err(e) => (None, Some(e)),
            };
            ImportOutcome {
                file: file.display().to_string(),
                id,
                code: err.as_ref().map(|e| e.code().to_string()),
                errors_sv: err.as_ref().map(|e| e.lines(Lang::Sv)).unwrap_or_default(),
                errors_en: err.as_ref().map(|e| e.lines(Lang::En)).unwrap_or_default(),
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::portfolio::{export, get, list};

    fn ctx(dir: &Path) -> Ctx {
        Ctx::open_with_clock(
            &dir.join("nytta.db"),
            Box::new(|| "2025-03-01T09:00:00Z".into()),
        )
        .unwrap()
    }

    /// A store's first sample as a document titled `title`.
    fn document(c: &Ctx, title: &str) -> String {
        let mut doc: Value =
            serde_json::from_str(&export(c, list(c).unwrap()[0].id).unwrap()).unwrap();
        doc["initiative"]["title"] = Value::String(title.into());
        doc.to_string()
    }

    /// A folder import wrote each file in its own transaction (450 files, 450 commits and
    /// fsyncs).
    #[test]
    fn a_folder_is_imported_in_one_transaction() {
        let dir = tempfile::tempdir().unwrap();
        let c = ctx(dir.path());
        let folder = dir.path().join("in");
        std::fs::create_dir(&folder).unwrap();
        for k in 0..5 {
            std::fs::write(
                folder.join(format!("{k}.nytta.json")),
                document(&c, &format!("Import {k}")),
            )
            .unwrap();
        }
        std::fs::write(folder.join("9-bad.nytta.json"), "{\"nytta\": 1}").unwrap();
        let before_changes = c.store().changes().unwrap();
        let before = list(&c).unwrap().len();
        let out = import_dir(&c, &folder, OnDuplicate::Refuse).unwrap();
        assert_eq!(out.len(), 6);
        assert!(out[..5].iter().all(|o| o.id.is_some()), "{out:?}");
        assert_eq!(out[5].code.as_deref(), Some("missing_field"));
        assert!(
            out[5].errors_sv[0].contains("saknas"),
            "{:?}",
            out[5].errors_sv
        );
        assert!(
            out[5].errors_en[0].contains("missing"),
            "{:?}",
            out[5].errors_en
        );
        assert_eq!(list(&c).unwrap().len(), before + 5);
        assert_eq!(
            c.store().changes().unwrap(),
            before_changes + 1,
            "one write transaction"
        );
    }

    #[test]
    fn the_same_initiative_twice_in_a_folder_is_handled_as_asked() {
        let dir = tempfile::tempdir().unwrap();
        let c = ctx(dir.path());
        let folder = dir.path().join("in");
        std::fs::create_dir(&folder).unwrap();
        let text = document(&c, "Dubblett");
        std::fs::write(folder.join("a.nytta.json"), &text).unwrap();
        std::fs::write(folder.join("b.nytta.json"), &text).unwrap();

        // Refused: the second names the initiative the first became.
        let out = import_dir(&c, &folder, OnDuplicate::Refuse).unwrap();
        let first = out[0].id.unwrap();
        assert_eq!(out[1].code.as_deref(), Some("already_in_store"));
        assert!(
            out[1].errors_en[0].contains("Dubblett"),
            "{:?}",
            out[1].errors_en
        );

        // As new versions: both files become versions of the one already there.
        let out = import_dir(&c, &folder, OnDuplicate::NewVersion).unwrap();
        assert_eq!(out[0].id, Some(first));
        assert_eq!(out[1].id, Some(first));
        assert_eq!(get(&c, first).unwrap().versions.len(), 3);

        // In a new store, the second file becomes a version of the first file's initiative.
        let other = tempfile::tempdir().unwrap();
        let c2 = ctx(other.path());
        let out = import_dir(&c2, &folder, OnDuplicate::NewVersion).unwrap();
        assert_eq!(out[0].id, out[1].id);
        assert_eq!(get(&c2, out[0].id.unwrap()).unwrap().versions.len(), 2);
    }

    /// A batch line is written straight to text; it is the text the tree of JSON values it
    /// was built as gave, key for key and digit for digit, with and without a simulation.
    #[test]
    fn a_json_line_is_the_text_the_tree_of_values_gave() {
        let dir = tempfile::tempdir().unwrap();
        let samples = [
            include_str!("../../../samples/lakemedelsrobotar.nytta.json"),
            include_str!("../../../samples/digital-signering.nytta.json"),
            include_str!("../../../samples/digitala-examinationer.nytta.json"),
            include_str!("../../../samples/digitala-medicinskap.nytta.json"),
        ];
        for (k, text) in samples.iter().enumerate() {
            let file = dir.path().join(format!("{k}.nytta.json"));
            std::fs::write(&file, text).unwrap();
            for simulate in [None, Some(Some(200))] {
                let outcome = evaluate_file(&file, Lang::Sv, simulate);
                let e = outcome.result.as_ref().unwrap();
                let mut tree = serde_json::to_value(&e.evaluation).unwrap();
                if let (Some(sim), Value::Object(map)) = (&e.simulation, &mut tree) {
                    map.insert("simulation".into(), serde_json::to_value(sim).unwrap());
                }
                let want = serde_json::json!({
                    "file": file.display().to_string(),
                    "evaluation": tree,
                });
                assert_eq!(json_line(&outcome), want.to_string(), "sample {k}");
                assert_eq!(
                    evaluation_value(&e.evaluation, e.simulation.as_ref()),
                    want["evaluation"]
                );
            }
        }
    }

    #[test]
    fn files_and_folders_are_evaluated_in_the_order_named() {
        let dir = tempfile::tempdir().unwrap();
        let c = ctx(dir.path());
        let folder = dir.path().join("in");
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(folder.join("b.nytta.json"), document(&c, "B")).unwrap();
        std::fs::write(folder.join("a.nytta.json"), document(&c, "A")).unwrap();
        std::fs::write(folder.join("notes.txt"), "inte ett dokument").unwrap();
        let single = dir.path().join("z.nytta.json");
        std::fs::write(&single, "inte json").unwrap();
        let files = expand(&[single.clone(), folder.clone()]).unwrap();
        assert_eq!(
            files,
            vec![
                single,
                folder.join("a.nytta.json"),
                folder.join("b.nytta.json")
            ]
        );
        let out = evaluate_files(&files, Lang::Sv, Some(Some(200)));
        assert_eq!(out[0].result.as_ref().unwrap_err().code(), "json_syntax");
        let a = out[1].result.as_ref().unwrap();
        assert_eq!(a.model.doc.initiative.title, "A");
        assert_eq!(a.simulation.as_ref().unwrap().draws, 200);
        let line: Value = serde_json::from_str(&json_line(&out[1])).unwrap();
        assert_eq!(line["evaluation"]["simulation"]["draws"], 200);
        assert!(line["evaluation"]["economic"]["npv"].is_string());
        let line: Value = serde_json::from_str(&json_line(&out[0])).unwrap();
        assert_eq!(line["error"]["code"], "json_syntax");
        // Draws asked for on the command line are checked as the document's are.
        let refused = evaluate_file(&files[1], Lang::Sv, Some(Some(0)));
        let e = refused.result.unwrap_err();
        assert_eq!(
            e.lines(Lang::Sv),
            ["--simulate: antalet dragningar ska vara 1–100 000, inte 0"]
        );
        assert_eq!(
            e.lines(Lang::En),
            ["--simulate: the number of draws must be 1–100,000, not 0"]
        );
    }

    #[test]
    fn parallel_map_keeps_the_order() {
        let items: Vec<u64> = (0..1000).collect();
        let out = parallel_map(&items, |x| x * x);
        assert_eq!(out, items.iter().map(|x| x * x).collect::<Vec<_>>());
        assert!(parallel_map(&Vec::<u64>::new(), |x| *x).is_empty());
    }

    #[test]
    fn a_folder_import_reports_every_file() {
        let dir = tempfile::tempdir().unwrap();
        let c = ctx(dir.path());
        let folder = dir.path().join("in");
        std::fs::create_dir(&folder).unwrap();
        let good = export(&c, list(&c).unwrap()[0].id).unwrap();
        std::fs::write(folder.join("a.nytta.json"), &good).unwrap();
        std::fs::write(folder.join("b.nytta.json"), "inte json").unwrap();
        std::fs::write(folder.join("c.txt"), "ignored").unwrap();
        let out = import_dir(&c, &folder, OnDuplicate::Copy).unwrap();
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].id, Some(5));
        assert_eq!(out[1].id, None);
        assert_eq!(out[1].code.as_deref(), Some("json_syntax"));
        assert_eq!(list(&c).unwrap().len(), 5);
        let again = import_dir(&c, &folder, OnDuplicate::Refuse).unwrap();
        assert_eq!(again[0].code.as_deref(), Some("already_in_store"));
        assert_eq!(list(&c).unwrap().len(), 5, "a refused file adds nothing");
    }
}
