// The catalogs are compiled into the crate, split into their entries: for each language a
// table, sorted by message key, of the Fluent source a message needs (the message itself
// and every message and term it refers to, transitively), in `$OUT_DIR/catalogs.rs`.
// A run parses only the messages it shows, each the first time it is shown, instead of
// the whole catalog (some 250 KB of source) on every start.
//
// An entry starts on a line that begins with a letter (a message) or `-` (a term); the
// lines after it that are indented, blank, or close a placeable (`}`) belong to it; a
// comment line (`#`) ends it. The split is checked here: every reference must name an
// entry of the same language, and every key must be defined once.
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

fn main() {
    println!("cargo:rerun-if-changed=locales");
    let root = std::path::Path::new(&std::env::var("CARGO_MANIFEST_DIR").expect("manifest dir"))
        .join("locales");
    let mut out = String::new();
    for (konst, tag) in [("ZH_CN", "zh-CN"), ("EN", "en")] {
        let dir = root.join(tag);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("locale directory")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        files.sort();
        let mut entries: BTreeMap<String, String> = BTreeMap::new();
        for f in files {
            println!("cargo:rerun-if-changed={}", f.display());
            let text = std::fs::read_to_string(&f).expect("catalog file");
            for (id, source) in split(&text) {
                if entries.insert(id.clone(), source).is_some() {
                    panic!("{}: {id} is defined twice in {tag}", f.display());
                }
            }
        }
        writeln!(out, "static {konst}: &[(&str, &str)] = &[").expect("write");
        for id in entries.keys().filter(|id| !id.starts_with('-')) {
            let mut needed = BTreeSet::new();
            collect(&entries, id, &mut needed, tag);
            let source: String = needed.iter().map(|n| entries[n].as_str()).collect();
            writeln!(out, "    ({id:?}, {source:?}),").expect("write");
        }
        writeln!(out, "];").expect("write");
    }
    let dest =
        std::path::Path::new(&std::env::var("OUT_DIR").expect("out dir")).join("catalogs.rs");
    std::fs::write(dest, out).expect("catalogs.rs");
}

/// The entries of one file: (id, source ending in a newline).
fn split(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = vec![];
    let mut open = false;
    for line in text.lines() {
        let first = line.chars().next();
        let starts = first.is_some_and(|c| c.is_ascii_alphabetic() || c == '-');
        if starts {
            let id = line.split('=').next().unwrap_or("").trim().to_string();
            out.push((id, String::new()));
            open = true;
        } else if first == Some('#') {
            open = false;
            continue;
        }
        if open && let Some((_, source)) = out.last_mut() {
            source.push_str(line);
            source.push('\n');
        }
    }
    out
}

/// `id` and everything it refers to, transitively.
fn collect(entries: &BTreeMap<String, String>, id: &str, needed: &mut BTreeSet<String>, tag: &str) {
    if !needed.insert(id.to_string()) {
        return;
    }
    let source = entries
        .get(id)
        .unwrap_or_else(|| panic!("{tag}: a message refers to {id}, which is not defined"));
    for reference in references(source) {
        collect(entries, &reference, needed, tag);
    }
}

/// The messages and terms a source refers to: `{ name }`, `{ -term }` (variables start
/// with `$`, functions are upper case, literals are quoted or numbers).
fn references(source: &str) -> Vec<String> {
    let mut out = vec![];
    let mut rest = source;
    while let Some(at) = rest.find('{') {
        rest = &rest[at + 1..];
        let inner = rest.trim_start();
        let id: String = inner
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        if id.starts_with(|c: char| c.is_ascii_lowercase() || c == '-') {
            out.push(id);
        }
    }
    out
}
