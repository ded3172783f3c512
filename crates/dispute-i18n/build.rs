// The catalogs are compiled into the crate by `static_loader!`; rebuild when they change.
fn main() {
    println!("cargo:rerun-if-changed=locales");
    for lang in std::fs::read_dir("locales").into_iter().flatten().flatten() {
        println!("cargo:rerun-if-changed={}", lang.path().display());
        for file in std::fs::read_dir(lang.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            println!("cargo:rerun-if-changed={}", file.path().display());
        }
    }
}
