//! Issue 5: `dispute latefee`, the late fee of 社会保险法 Art. 86.

use crate::harness::*;

#[test]
fn late_fee_shows_the_days_and_the_exact_amount() {
    // No casebook needed: an empty directory.
    let env = Env::empty();
    // 10,000.00 × 0.05% × 30 days (03-16 … 04-14 inclusive) = 150.00
    let out = env.ok(&[
        "latefee",
        "--amount",
        "10000",
        "--from",
        "2026-03-16",
        "--to",
        "2026-04-14",
    ]);
    assert!(out.contains("共 30 天"), "{out}");
    assert!(out.contains("= 150.00 元"), "{out}");
    let json: serde_json::Value = serde_json::from_str(&env.ok(&[
        "latefee",
        "--amount",
        "12,345.67",
        "--from",
        "2026-01-01",
        "--to",
        "2026-01-07",
        "--json",
    ]))
    .unwrap();
    // 12,345.67 × 0.0005 × 7 = 43.209845 → 43.21, as a decimal string (never a float).
    assert_eq!(json["fee"], "43.21");
    assert_eq!(json["days"], 7);
    assert_eq!(json["rate_per_day"], "0.0005");
}

#[test]
fn late_fee_defaults_to_today() {
    let env = Env::empty(); // DISPUTE_NOW is 2026-11-27
    let out = env.ok(&["latefee", "--amount", "100", "--from", "2026-11-25"]);
    assert!(out.contains("2026-11-25 至 2026-11-27，共 3 天"), "{out}");
}

#[test]
fn late_fee_refuses_bad_amounts_and_dates() {
    let env = Env::empty();
    for args in [
        ["--amount", "-5", "--from", "2026-01-01"],
        ["--amount", "0", "--from", "2026-01-01"],
        ["--amount", "1.234", "--from", "2026-01-01"],
        ["--amount", "1e5", "--from", "2026-01-01"],
        ["--amount", "100", "--from", "2026-02-30"],
    ] {
        let mut full = vec!["latefee"];
        full.extend(args);
        env.fails(4, &full);
    }
    env.fails(
        4,
        &[
            "latefee",
            "--amount",
            "100",
            "--from",
            "2026-03-01",
            "--to",
            "2026-02-01",
        ],
    );
}
