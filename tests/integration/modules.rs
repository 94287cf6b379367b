//! Each crate reads top-down: no two modules of a crate depend on each other, directly or
//! through others. The modules' dependencies are read from the source (`crate::…` and
//! `super::…` paths outside comments) and the graph must be acyclic at every level: between
//! a crate's top-level modules, and between the submodules of each directory module. A
//! submodule using its parent (`super::Problems`) is part of the parent, not a dependency.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module's path inside its crate (`["formula", "parser"]`; the crate root is empty).
type ModPath = Vec<String>;

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every crate's source folder, by crate folder name.
fn crate_sources() -> Vec<(String, PathBuf)> {
    let mut crates: Vec<(String, PathBuf)> = std::fs::read_dir(workspace().join("crates"))
        .expect("crates/ is readable")
        .filter_map(|e| {
            let e = e.ok()?;
            let src = e.path().join("src");
            src.is_dir()
                .then(|| (e.file_name().to_string_lossy().into_owned(), src))
        })
        .collect();
    crates.push(("src-tauri".to_owned(), workspace().join("src-tauri/src")));
    crates.sort();
    crates
}

/// The `.rs` files under `dir` with their module paths; binaries under `src/bin` and the
/// crate roots (`lib.rs`, `main.rs`) are left out.
fn module_files(src: &Path, dir: &Path, prefix: &[String], out: &mut Vec<(ModPath, PathBuf)>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("source folder is readable")
        .filter_map(|e| Some(e.ok()?.path()))
        .collect();
    entries.sort();
    for path in entries {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        if path.is_dir() {
            if dir == src && name == "bin" {
                continue;
            }
            let mut sub = prefix.to_vec();
            sub.push(name);
            module_files(src, &path, &sub, out);
        } else if let Some(stem) = name.strip_suffix(".rs") {
            let root = dir == src && (stem == "lib" || stem == "main");
            if root {
                continue;
            }
            let mut module = prefix.to_vec();
            if stem != "mod" {
                module.push(stem.to_owned());
            }
            out.push((module, path));
        }
    }
}

/// The source without comments (line, doc and block comments).
fn code_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut block = 0usize;
    while let Some(c) = chars.next() {
        if block > 0 {
            if c == '*' && chars.peek() == Some(&'/') {
                chars.next();
                block -= 1;
            } else if c == '/' && chars.peek() == Some(&'*') {
                chars.next();
                block += 1;
            }
            continue;
        }
        if c == '/' && chars.peek() == Some(&'/') {
            for c in chars.by_ref() {
                if c == '\n' {
                    out.push('\n');
                    break;
                }
            }
        } else if c == '/' && chars.peek() == Some(&'*') {
            chars.next();
            block += 1;
        } else {
            out.push(c);
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The paths written after `crate::` or `super::` (a `{…}` group expanded), each as its
/// segments: `crate::{a::B, c}` gives `["crate","a","B"]` and `["crate","c"]`.
fn referenced_paths(code: &str) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    let bytes: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        let starts_word = i == 0 || !is_ident(bytes[i - 1]) && bytes[i - 1] != ':';
        let rest: String = bytes[i..bytes.len().min(i + 7)].iter().collect();
        let head = if rest.starts_with("crate::") {
            Some("crate")
        } else if rest.starts_with("super::") {
            Some("super")
        } else {
            None
        };
        match head {
            Some(head) if starts_word => {
                let (found, end) = path_tail(&bytes, i + head.len() + 2);
                for tail in found {
                    let mut path = vec![head.to_owned()];
                    path.extend(tail);
                    paths.push(path);
                }
                i = end;
            }
            _ => i += 1,
        }
    }
    paths
}

/// Reads `a::b::{c, d::e}` from `start`: every path it names and where it ends.
fn path_tail(chars: &[char], start: usize) -> (Vec<Vec<String>>, usize) {
    let mut segments = Vec::new();
    let mut i = start;
    loop {
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        if i < chars.len() && chars[i] == '{' {
            let mut found = Vec::new();
            i += 1;
            loop {
                while i < chars.len() && (chars[i].is_whitespace() || chars[i] == ',') {
                    i += 1;
                }
                if i >= chars.len() || chars[i] == '}' {
                    break;
                }
                let (inner, end) = path_tail(chars, i);
                for tail in inner {
                    let mut path = segments.clone();
                    path.extend(tail);
                    found.push(path);
                }
                i = end.max(i + 1);
            }
            return (found, i + 1);
        }
        let from = i;
        while i < chars.len() && is_ident(chars[i]) {
            i += 1;
        }
        if i == from {
            return (vec![segments], i);
        }
        segments.push(chars[from..i].iter().collect());
        if chars.get(i) == Some(&':') && chars.get(i + 1) == Some(&':') {
            i += 2;
        } else {
            // `a as b` and the like end the path.
            while i < chars.len() && !matches!(chars[i], ',' | '}' | ';' | '\n') {
                if chars[i] == '(' || chars[i] == '<' {
                    break;
                }
                i += 1;
            }
            return (vec![segments], i);
        }
    }
}

/// The module a path refers to: the longest prefix that is a module. An item of the crate
/// root is followed through the root's `pub use`; `None` for the root's own items.
fn resolve(
    file_module: &[String],
    path: &[String],
    modules: &BTreeSet<ModPath>,
    root_exports: &BTreeMap<String, ModPath>,
) -> Option<ModPath> {
    let mut rest = path.get(1..).unwrap_or_default();
    let mut base: ModPath = match path.first().map(String::as_str) {
        Some("crate") => Vec::new(),
        Some("super") => {
            // In `a/b.rs` (module a::b) `super` is `a`; in `a/mod.rs` (module a) the root.
            let mut base = file_module.to_vec();
            base.pop();
            while rest.first().map(String::as_str) == Some("super") {
                base.pop();
                rest = &rest[1..];
            }
            base
        }
        _ => return None,
    };
    for segment in rest {
        base.push(segment.clone());
        if !modules.contains(&base) {
            base.pop();
            break;
        }
    }
    if base.is_empty() {
        return rest
            .first()
            .and_then(|name| root_exports.get(name))
            .cloned();
    }
    Some(base)
}

/// The names the crate root re-exports (`pub use engine::{evaluate, Evaluation}`), with the
/// module each comes from.
fn root_exports(src: &Path, modules: &BTreeSet<ModPath>) -> BTreeMap<String, ModPath> {
    let mut exports = BTreeMap::new();
    for root in ["lib.rs", "main.rs"] {
        let Ok(text) = std::fs::read_to_string(src.join(root)) else {
            continue;
        };
        let code: Vec<char> = code_only(&text).chars().collect();
        let marker: Vec<char> = "pub use ".chars().collect();
        let mut i = 0;
        while i + marker.len() <= code.len() {
            if code[i..i + marker.len()] == marker[..] {
                let (paths, end) = path_tail(&code, i + marker.len());
                for path in paths {
                    let mut module = Vec::new();
                    for segment in path.iter().skip_while(|s| *s == "crate") {
                        module.push(segment.clone());
                        if !modules.contains(&module) {
                            module.pop();
                            break;
                        }
                    }
                    if let (Some(name), false) = (path.last(), module.is_empty()) {
                        exports.insert(name.clone(), module);
                    }
                }
                i = end;
            } else {
                i += 1;
            }
        }
    }
    exports
}

/// Where a file's inline test module begins: `#[cfg(test)]`, any further attributes, then
/// `mod tests {`.
fn test_module_start(code: &str) -> Option<usize> {
    code.match_indices("#[cfg(test)]")
        .map(|(at, _)| at)
        .find(|&at| {
            let mut rest = code[at + "#[cfg(test)]".len()..].trim_start();
            while rest.starts_with("#[") {
                rest = rest
                    .split_once(']')
                    .map_or("", |(_, after)| after)
                    .trim_start();
            }
            rest.starts_with("mod tests {")
        })
}

/// Every dependency edge between sibling modules, by parent: for a file in `a::b` using
/// `a::c::d`, the edge `b → c` under `a`.
fn sibling_edges(src: &Path) -> BTreeMap<ModPath, BTreeMap<String, BTreeSet<String>>> {
    let mut files = Vec::new();
    module_files(src, src, &[], &mut files);
    let modules: BTreeSet<ModPath> = files.iter().map(|(m, _)| m.clone()).collect();
    let exports = root_exports(src, &modules);
    let mut edges: BTreeMap<ModPath, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for (module, path) in &files {
        let text = std::fs::read_to_string(path).expect("source file is readable");
        let code = code_only(&text);
        // A file's test module (`#[cfg(test)] mod tests`) belongs to that file's module; its
        // `super` is the file's module itself.
        let (code, test_code) = match test_module_start(&code) {
            Some(at) => (&code[..at], &code[at..]),
            None => (&code[..], ""),
        };
        for (part, in_tests) in [(code, false), (test_code, true)] {
            for reference in referenced_paths(part) {
                if in_tests && reference.first().map(String::as_str) == Some("super") {
                    continue;
                }
                let Some(target) = resolve(module, &reference, &modules, &exports) else {
                    continue;
                };
                let common = module
                    .iter()
                    .zip(&target)
                    .take_while(|(a, b)| a == b)
                    .count();
                if common == module.len() || common == target.len() {
                    continue;
                }
                edges
                    .entry(module[..common].to_vec())
                    .or_default()
                    .entry(module[common].clone())
                    .or_default()
                    .insert(target[common].clone());
            }
        }
    }
    edges
}

/// The groups of modules that depend on each other in a cycle, each with its edges inside
/// the group (`engine → score`); empty when the graph is acyclic.
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    let reach = |from: &str| {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.to_owned()];
        while let Some(node) = todo.pop() {
            for next in graph.get(&node).into_iter().flatten() {
                if seen.insert(next.clone()) {
                    todo.push(next.clone());
                }
            }
        }
        seen
    };
    let reachable: BTreeMap<&String, BTreeSet<String>> =
        graph.keys().map(|n| (n, reach(n))).collect();
    let mut done = BTreeSet::new();
    let mut groups = Vec::new();
    for (node, from_node) in &reachable {
        if done.contains(*node) || !from_node.contains(*node) {
            continue;
        }
        let group: BTreeSet<&String> = from_node
            .iter()
            .filter(|other| reachable.get(other).is_some_and(|r| r.contains(*node)))
            .collect();
        let mut edges = Vec::new();
        for from in &group {
            done.insert((*from).clone());
            for to in graph.get(*from).into_iter().flatten() {
                if group.contains(to) {
                    edges.push(format!("{from} → {to}"));
                }
            }
        }
        groups.push(edges);
    }
    groups
}

#[test]
fn no_module_cycles_in_any_crate() {
    let mut found = Vec::new();
    for (name, src) in crate_sources() {
        for (parent, graph) in sibling_edges(&src) {
            for group in cycles(&graph) {
                let place = if parent.is_empty() {
                    name.clone()
                } else {
                    format!("{name}::{}", parent.join("::"))
                };
                found.push(format!("{place}: {}", group.join(", ")));
            }
        }
    }
    assert!(
        found.is_empty(),
        "modules depend on each other in a cycle:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_cycle_check_sees_what_it_should() {
    assert_eq!(
        test_module_start("fn f() {}\n#[cfg(test)]\n#[allow(x)]\nmod tests {\n}"),
        Some(10)
    );
    assert_eq!(test_module_start("#[cfg(test)]\nmod tests;"), None);
    let code = code_only(
        "use crate::{a::B, c as d};\n// use crate::hidden;\nfn f() { crate::e::g(); super::h::I; }",
    );
    assert_eq!(
        referenced_paths(&code),
        vec![
            vec!["crate", "a", "B"],
            vec!["crate", "c"],
            vec!["crate", "e", "g"],
            vec!["super", "h", "I"],
        ]
    );
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("engine", vec!["score", "case"]),
        ("score", vec!["case"]),
        ("case", vec![]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.into_iter().map(str::to_owned).collect()))
    .collect();
    assert!(cycles(&graph).is_empty());
    let mut cyclic = graph.clone();
    cyclic.get_mut("case").unwrap().insert("engine".to_owned());
    assert_eq!(
        cycles(&cyclic),
        vec![vec![
            "case → engine",
            "engine → case",
            "engine → score",
            "score → case"
        ]]
    );
}
