//! The committed third-party list (`src/third_party.json`, shown in "Om Nytta") is what the
//! lock files say: the crates `cargo tree` finds linked into nytta-desktop and nytta-cli
//! (normal dependencies, no proc-macros, every target platform) and the npm packages of
//! `ui/package-lock.json` that are not development-only, each with its declared licence. Run
//! with `NYTTA_UPDATE_LICENCES=1` to rewrite the file after a dependency changes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use nytta_app::about::{ThirdParty, ThirdPartySource};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn crates() -> BTreeSet<ThirdParty> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let out = Command::new(cargo)
        .current_dir(root())
        .args([
            "tree",
            "--locked",
            "-p",
            "nytta-desktop",
            "-p",
            "nytta-cli",
            "-e",
            "normal,no-proc-macro",
            "--target",
            "all",
            "--prefix",
            "none",
            "--format",
            "{p}\t{l}",
        ])
        .output()
        .expect("cargo tree");
    assert!(
        out.status.success(),
        "cargo tree: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|line| {
            // `name v1.2.3 (/path/if/local)<TAB>licence` with ` (*)` after a repeat.
            let (package, licence) = line.trim_end_matches(" (*)").split_once('\t')?;
            let mut words = package.split(' ');
            let name = words.next()?.to_string();
            let version = words.next()?.trim_start_matches('v').to_string();
            let local = words.next().is_some_and(|w| w.starts_with('('));
            (!local).then(|| ThirdParty {
                source: ThirdPartySource::Crate,
                name,
                version,
                licence: licence.to_string(),
            })
        })
        .collect()
}

fn npm() -> BTreeSet<ThirdParty> {
    let lock: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("ui/package-lock.json")).unwrap(),
    )
    .unwrap();
    lock["packages"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(path, p)| !path.is_empty() && p["dev"] != true && p["link"] != true)
        .map(|(path, p)| ThirdParty {
            source: ThirdPartySource::Npm,
            name: path.rsplit("node_modules/").next().unwrap().to_string(),
            version: p["version"].as_str().unwrap_or_default().to_string(),
            licence: p["license"].as_str().unwrap_or_default().to_string(),
        })
        .collect()
}

#[test]
fn the_committed_third_party_list_is_what_the_lock_files_say() {
    let list: Vec<ThirdParty> = crates().into_iter().chain(npm()).collect();
    let text = serde_json::to_string_pretty(&list).unwrap() + "\n";
    let committed_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/third_party.json");
    if std::env::var_os("NYTTA_UPDATE_LICENCES").is_some() {
        std::fs::write(&committed_path, &text).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&committed_path).unwrap_or_default();
    assert!(
        committed == text,
        "crates/nytta-app/src/third_party.json is stale: run \
         `NYTTA_UPDATE_LICENCES=1 cargo test -p nytta-app --test third_party`"
    );
    let unlicensed: Vec<_> = list.iter().filter(|t| t.licence.is_empty()).collect();
    assert!(
        unlicensed.is_empty(),
        "components without a declared licence: {unlicensed:?}"
    );
}
