// The catalogs are compiled into the crate: one `include_str!` per `.ftl` file, per
// language, listed in `$OUT_DIR/catalogs.rs`. Rebuild when they change.
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
        writeln!(out, "const {konst}: &[&str] = &[").expect("write");
        for f in files {
            println!("cargo:rerun-if-changed={}", f.display());
            writeln!(out, "    include_str!({:?}),", f.display().to_string()).expect("write");
        }
        writeln!(out, "];").expect("write");
    }
    let dest =
        std::path::Path::new(&std::env::var("OUT_DIR").expect("out dir")).join("catalogs.rs");
    std::fs::write(dest, out).expect("catalogs.rs");
}
