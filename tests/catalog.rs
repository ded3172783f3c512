//! Every word a user reads lives in the Fluent catalogs of `crates/dispute-i18n`: no Chinese
//! string literal may stand in the code outside tests (doc and line comments are fine).

use std::path::Path;

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303f | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xff00..=0xffef)
}

/// Lines of `text` (up to its `#[cfg(test)]` module) with a CJK character inside a string
/// literal.
fn offending_lines(text: &str) -> Vec<(usize, String)> {
    let mut out = vec![];
    for (n, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("#[cfg(test)]") {
            break;
        }
        let code = line.trim_start();
        if code.starts_with("//") {
            continue;
        }
        let mut in_string = false;
        let mut prev = ' ';
        for c in line.chars() {
            if c == '"' && prev != '\\' {
                in_string = !in_string;
            } else if in_string && is_cjk(c) {
                out.push((n + 1, line.trim().to_string()));
                break;
            } else if !in_string && c == '/' && prev == '/' {
                break;
            }
            prev = c;
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if path.is_dir() {
            if name != "tests" && name != "target" {
                walk(&path, out);
            }
        } else if name.ends_with(".rs") && name != "tests.rs" {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            for (n, line) in offending_lines(&text) {
                out.push(format!("{}:{n}: {line}", path.display()));
            }
        }
    }
}

#[test]
fn the_detector_finds_a_literal_and_passes_comments() {
    let found =
        offending_lines("let a = \"已登记\";\n// \"注释\"\n/// 说明\nlet b = \"ok\"; // 中文\n");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, 1);
    assert!(offending_lines("#[cfg(test)]\nlet a = \"测试\";").is_empty());
}

#[test]
fn no_chinese_string_literal_outside_the_catalogs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = vec![];
    walk(&root.join("src"), &mut found);
    walk(&root.join("crates"), &mut found);
    assert!(
        found.is_empty(),
        "{} lines hold Chinese string literals; move them into crates/dispute-i18n/locales:\n{}",
        found.len(),
        found.join("\n")
    );
}
