//! Issue 13: `dispute report`, the assessment report for the leading group. Every bar, dot
//! and key figure carries its number (`data-value`); they must be the numbers of
//! `dispute stats --json` for the same period. And the page renders in a browser.

use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::harness::*;

/// A casebook with something of everything, from September to November 2026: opinions in
/// time and late, a discipline referral, a leader's decision late and one pending, a
/// referral closed by the competent department, online public opinion.
fn build_fixture() -> Env {
    let env = Env::new();
    env.act(
        "admin",
        &[
            "operator",
            "add",
            "chenwx",
            "--name",
            "陈网信",
            "--email",
            "chenwx@rc.example.cn",
            "--dept",
            "cac",
            "--role",
            "handler",
        ],
    );
    let reg = |who: &str, at: &str| env.register(who, at);
    // A: September, general; hrss in time, medical late; replied and archived.
    let a = reg("zhangsan", "2026-09-07T09:00:00+08:00");
    for (who, args) in [
        (
            "zhangsan",
            vec![
                "classify",
                &a,
                "--track",
                "general",
                "--category",
                "3",
                "--at",
                "2026-09-07T10:00:00+08:00",
            ],
        ),
        (
            "zhangsan",
            vec![
                "assign",
                &a,
                "--dept",
                "hrss,medical",
                "--at",
                "2026-09-07T11:00:00+08:00",
            ],
        ),
        (
            "lisi",
            vec![
                "opinion",
                &a,
                "--text",
                "人社意见",
                "--at",
                "2026-09-10T10:00:00+08:00",
            ],
        ),
        (
            "zhaoliu",
            vec![
                "opinion",
                &a,
                "--text",
                "医保意见",
                "--at",
                "2026-09-21T10:00:00+08:00",
            ],
        ),
        (
            "zhangsan",
            vec![
                "reply",
                &a,
                "--text",
                "处理意见",
                "--at",
                "2026-09-22T10:00:00+08:00",
            ],
        ),
        (
            "zhangsan",
            vec![
                "archive",
                &a,
                "--outcome",
                "accepted",
                "--at",
                "2026-09-23T10:00:00+08:00",
            ],
        ),
    ] {
        env.act(who, &args);
    }
    // B: October, reported to the leading group, decided five working days late.
    let b = reg("zhangsan", "2026-10-12T09:00:00+08:00");
    env.act(
        "zhangsan",
        &[
            "escalate",
            &b,
            "--to",
            "leading-group",
            "--reason",
            "多部门口径不一",
            "--at",
            "2026-10-12T10:00:00+08:00",
        ],
    );
    env.act(
        "zhengyi",
        &[
            "approve",
            &b,
            "--note",
            "同意",
            "--at",
            "2026-10-22T10:00:00+08:00",
        ],
    );
    env.act(
        "lisi",
        &[
            "opinion",
            &b,
            "--text",
            "人社意见",
            "--at",
            "2026-10-23T10:00:00+08:00",
        ],
    );
    // F: October, a referral closed by the competent department.
    let f = reg("zhangsan", "2026-10-19T09:00:00+08:00");
    for (who, args) in [
        (
            "zhangsan",
            vec![
                "escalate",
                &f,
                "--to",
                "hotline",
                "--reason",
                "职责不清",
                "--at",
                "2026-10-19T10:00:00+08:00",
            ],
        ),
        (
            "zhoujiu",
            vec![
                "assign",
                &f,
                "--dept",
                "hrss",
                "--hotline-ticket",
                "RC-1",
                "--at",
                "2026-10-20T10:00:00+08:00",
            ],
        ),
        (
            "lisi",
            vec![
                "reply",
                &f,
                "--text",
                "直接答复",
                "--at",
                "2026-10-22T10:00:00+08:00",
            ],
        ),
        (
            "lisi",
            vec![
                "feedback",
                &f,
                "--text",
                "已答复并反馈",
                "--at",
                "2026-10-23T10:00:00+08:00",
            ],
        ),
        (
            "zhangsan",
            vec![
                "archive",
                &f,
                "--outcome",
                "accepted",
                "--at",
                "2026-10-26T10:00:00+08:00",
            ],
        ),
    ] {
        env.act(who, &args);
    }
    // C: November, finance never answers and is referred to the discipline commission.
    let c = reg("zhangsan", "2026-11-02T09:00:00+08:00");
    for (who, args) in [
        (
            "zhangsan",
            vec![
                "classify",
                &c,
                "--track",
                "general",
                "--category",
                "7",
                "--at",
                "2026-11-02T10:00:00+08:00",
            ],
        ),
        (
            "zhangsan",
            vec![
                "assign",
                &c,
                "--dept",
                "finance",
                "--at",
                "2026-11-02T11:00:00+08:00",
            ],
        ),
        (
            "zhangsan",
            vec![
                "escalate",
                &c,
                "--to",
                "discipline",
                "--dept",
                "finance",
                "--reason",
                "拒不办理",
                "--at",
                "2026-11-20T10:00:00+08:00",
            ],
        ),
    ] {
        env.act(who, &args);
    }
    // D: November, reported by hrss; the leader has not decided.
    let d = reg("chener", "2026-11-03T09:00:00+08:00");
    env.act(
        "chener",
        &[
            "escalate",
            &d,
            "--to",
            "leading-group",
            "--reason",
            "金额较大",
            "--at",
            "2026-11-03T10:00:00+08:00",
        ],
    );
    // E: November, the workroom's own matter, replied; online public opinion about it.
    let e = reg("wangfang", "2026-11-04T09:00:00+08:00");
    for (who, args) in [
        (
            "wangfang",
            vec![
                "classify",
                &e,
                "--track",
                "own",
                "--category",
                "6",
                "--at",
                "2026-11-04T10:00:00+08:00",
            ],
        ),
        (
            "chenwx",
            vec![
                "opinion-watch",
                &e,
                "--source",
                "论坛",
                "--summary",
                "网帖",
                "--at",
                "2026-11-05T09:00:00+08:00",
            ],
        ),
        (
            "wangfang",
            vec![
                "reply",
                &e,
                "--text",
                "处理意见",
                "--at",
                "2026-11-05T10:00:00+08:00",
            ],
        ),
        (
            "wangfang",
            vec![
                "correct",
                &e,
                "--field",
                "title",
                "--value",
                "网帖所涉事项",
                "--reason",
                "漏填标题",
            ],
        ),
    ] {
        env.act(who, &args);
    }
    env
}

fn fixture() -> Env {
    static BASE: OnceLock<Template> = OnceLock::new();
    BASE.get_or_init(|| build_fixture().template()).env()
}

/// Every element carrying `data-value`, as its attributes.
fn data_elements(html: &str) -> Vec<HashMap<String, String>> {
    let mut out = vec![];
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let tail = &rest[start..];
        let end = tail.find('>').expect("tags close");
        let tag = &tail[..end];
        if tag.contains("data-value=") {
            let mut attrs = HashMap::new();
            let mut t = tag;
            while let Some(eq) = t.find("=\"") {
                let name = t[..eq].rsplit([' ', '<']).next().unwrap_or("").to_string();
                let after = &t[eq + 2..];
                let close = after.find('"').expect("quoted");
                attrs.insert(name, after[..close].to_string());
                t = &after[close + 1..];
            }
            out.push(attrs);
        }
        rest = &tail[end..];
    }
    out
}

/// A JSON number or null as the page writes it: the number, or "".
fn as_data(v: &Value) -> Option<f64> {
    v.as_f64()
}

fn parse(s: &str) -> Option<f64> {
    (!s.is_empty()).then(|| s.parse().expect("a number"))
}

fn stats(env: &Env, extra: &[&str]) -> Value {
    let mut args = vec!["stats", "--json"];
    args.extend_from_slice(extra);
    serde_json::from_str(&env.ok(&args)).expect("json")
}

/// Check every number of a report against `stats --json` of the same period and, for the
/// months, of each month.
fn assert_report_agrees(env: &Env, html: &str, period: &[&str]) -> usize {
    let s = stats(env, period);
    let year = period[1];
    let depts: HashMap<String, &Value> = s["departments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["dept"].as_str().unwrap().to_string(), d))
        .collect();
    let mut checked = 0;
    let mut month_stats: HashMap<String, Value> = HashMap::new();
    for el in data_elements(html) {
        let value = parse(&el["data-value"]);
        let want = if let Some(key) = el.get("data-key") {
            match key.as_str() {
                "open" => Some(
                    s["by_status"]
                        .as_object()
                        .unwrap()
                        .iter()
                        .filter(|(k, _)| *k != "archived" && *k != "redirected")
                        .map(|(_, v)| v.as_f64().unwrap())
                        .sum(),
                ),
                path => as_data(
                    &s.pointer(&format!("/{}", path.replace('.', "/")))
                        .cloned()
                        .unwrap(),
                ),
            }
        } else if let Some(dept) = el.get("data-dept") {
            match el["data-metric"].as_str() {
                // Late recording is its own list in stats (departments with actions only).
                "recorded_late" => Some(
                    s["recording"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .find(|r| r["dept"] == dept.as_str())
                        .map_or(0.0, |r| r["recorded_late"].as_f64().unwrap()),
                ),
                metric => as_data(&depts[dept][metric]),
            }
        } else if let Some(month) = el.get("data-month") {
            let m = month_stats.entry(month.clone()).or_insert_with(|| {
                stats(
                    env,
                    &["--year", year, "--month", month, "--as-of", "2026-11-27"],
                )
            });
            match el["data-metric"].as_str() {
                "cases" => as_data(&m["cases"]),
                "replied" => as_data(&m["reply"]["count"]),
                "late" => Some(
                    m["groups"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|g| g["late"].as_f64().unwrap())
                        .sum(),
                ),
                "approval_median_days" => as_data(&m["approval"]["median_days"]),
                other => panic!("unknown metric {other}"),
            }
        } else {
            panic!("a value without its key: {el:?}");
        };
        assert_eq!(value, want, "{el:?}");
        checked += 1;
    }
    checked
}

#[test]
fn the_reports_numbers_agree_with_stats_json() {
    let env = fixture();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("考评.html");
    env.ok(&[
        "report",
        "--year",
        "2026",
        "--as-of",
        "2026-11-27",
        "-o",
        path.to_str().unwrap(),
    ]);
    env.assert_clean();
    let html = std::fs::read_to_string(&path).unwrap();
    let checked = assert_report_agrees(&env, &html, &["--year", "2026", "--as-of", "2026-11-27"]);
    // 8 key figures; on-time rates of 9 departments, their median and worst delays (18),
    // overdue items now of 9 departments and the leading group (10), discipline referrals
    // and public-opinion incidents (18); 11 months × 3 lines, and the one month with a
    // leader's decision; the table's four figures of their own (opinions from a paper
    // ledger, corrections, voided registrations, late recording) for the 10.
    assert_eq!(checked, 8 + 9 + 18 + 10 + 18 + 11 * 3 + 1 + 10 * 4);

    // The figures the fixture was built to show.
    let s = stats(&env, &["--year", "2026", "--as-of", "2026-11-27"]);
    assert_eq!(s["approval"]["decided"], 1);
    assert_eq!(s["approval"]["late"], 1);
    assert_eq!(s["approval"]["pending"], 1);
    assert_eq!(s["opinion_incidents"], 1);
    assert_eq!(s["discipline_referrals"], 1);
    let values: Vec<(String, String, String)> = data_elements(&html)
        .into_iter()
        .filter_map(|e| {
            Some((
                e.get("data-chart")?.clone(),
                e.get("data-dept").or(e.get("data-month"))?.clone(),
                format!("{}={}", e.get("data-metric")?, e["data-value"]),
            ))
        })
        .collect();
    for want in [
        ("on-time-rate", "medical", "on_time_rate=0"),
        ("on-time-rate", "hrss", "on_time_rate=1"),
        ("overdue-now", "leading-group", "late_obligations=1"),
        ("overdue-now", "finance", "late_obligations=2"),
        ("accountability", "finance", "discipline=1"),
        ("accountability", "approval", "opinion_incidents=1"),
        ("by-month", "10", "cases=2"),
        ("by-month", "11", "cases=3"),
        ("approval-days", "10", "approval_median_days=8"),
        ("table", "approval", "corrections=1"),
        ("table", "tax", "corrections=0"),
        ("table", "tax", "voided=0"),
    ] {
        let want = (want.0.to_string(), want.1.to_string(), want.2.to_string());
        assert!(values.contains(&want), "{want:?} not in {values:#?}");
    }
    // The fixture's actions are dated weeks before they were committed: recorded late.
    let recorded_late: f64 = data_elements(&html)
        .iter()
        .filter(|e| e.get("data-metric").is_some_and(|m| m == "recorded_late"))
        .map(|e| e["data-value"].parse::<f64>().unwrap())
        .sum();
    assert!(recorded_late > 0.0, "{recorded_late}");
    // Self-contained: nothing fetched.
    for outside in [
        "http://",
        "https://",
        "<script src",
        "<link",
        "@import",
        "url(",
    ] {
        assert!(!html.contains(outside), "{outside}");
    }
    assert!(html.contains("<svg") && html.contains("@page { size: A4"));

    // One month: the same agreement, with stats --month.
    let month = env.ok(&[
        "report",
        "--year",
        "2026",
        "--month",
        "11",
        "--as-of",
        "2026-11-27",
    ]);
    let n = assert_report_agrees(
        &env,
        &month,
        &["--year", "2026", "--month", "11", "--as-of", "2026-11-27"],
    );
    assert!(n > 50, "{n}");
    assert!(month.contains("2026年11月"));

    // In English: the same numbers.
    let en = env.ok(&[
        "--lang",
        "en",
        "report",
        "--year",
        "2026",
        "--as-of",
        "2026-11-27",
    ]);
    assert!(en.contains("<html lang=\"en\">") && en.contains("performance review"));
    assert_eq!(data_elements(&en), data_elements(&html));

    // Refusals: no year; a month that is not one; an unknown date.
    env.fails_plain(2, &["report"]);
    env.fails_plain(2, &["report", "--year", "2026", "--month", "13"]);
    env.fails(4, &["report", "--year", "2026", "--as-of", "2026-11-31"]);
}

const CHROMIUM: &str = "/usr/bin/chromium";

/// Render a page with headless Chromium to a PNG of `width` × `height` CSS pixels.
fn screenshot(html: &Path, png: &Path, width: u32, height: u32) {
    let profile = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--window-size={width},{height}"))
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--screenshot={}", png.display()))
        .arg(format!("file://{}", html.display()))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("chromium starts");
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            assert!(status.success(), "chromium exited with {status}");
            return;
        }
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish within two minutes");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The pixels of an 8-bit RGB or RGBA PNG, as (r, g, b).
fn pixels(png: &[u8]) -> (u32, u32, Vec<[u8; 3]>) {
    use std::io::Read;
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    let (mut pos, mut idat) = (8, vec![]);
    let (mut width, mut height, mut bpp) = (0, 0, 0);
    while pos + 8 <= png.len() {
        let len = be(&png[pos..]) as usize;
        let kind = &png[pos + 4..pos + 8];
        let data = &png[pos + 8..pos + 8 + len];
        match kind {
            b"IHDR" => {
                width = be(&data[0..]);
                height = be(&data[4..]);
                assert_eq!(data[8], 8, "8-bit");
                bpp = match data[9] {
                    2 => 3,
                    6 => 4,
                    other => panic!("colour type {other}"),
                };
                assert_eq!(data[12], 0, "not interlaced");
            }
            b"IDAT" => idat.extend_from_slice(data),
            _ => {}
        }
        pos += 12 + len;
    }
    let mut raw = vec![];
    flate2::read::ZlibDecoder::new(&idat[..])
        .read_to_end(&mut raw)
        .expect("inflate");
    let stride = width as usize * bpp;
    let mut prev = vec![0u8; stride];
    let mut out = Vec::with_capacity((width * height) as usize);
    for row in raw.chunks(stride + 1).take(height as usize) {
        let (filter, line) = (row[0], &row[1..]);
        let mut cur = vec![0u8; stride];
        for i in 0..stride {
            let a = if i >= bpp { cur[i - bpp] as i32 } else { 0 };
            let b = prev[i] as i32;
            let c = if i >= bpp { prev[i - bpp] as i32 } else { 0 };
            let x = line[i] as i32;
            cur[i] = match filter {
                0 => x,
                1 => x + a,
                2 => x + b,
                3 => x + (a + b) / 2,
                4 => {
                    let p = a + b - c;
                    let (pa, pb, pc) = ((p - a).abs(), (p - b).abs(), (p - c).abs());
                    x + if pa <= pb && pa <= pc {
                        a
                    } else if pb <= pc {
                        b
                    } else {
                        c
                    }
                }
                other => panic!("filter {other}"),
            } as u8;
        }
        for px in cur.chunks(bpp) {
            out.push([px[0], px[1], px[2]]);
        }
        prev = cur;
    }
    (width, height, out)
}

#[test]
fn the_report_renders_in_headless_chromium_and_is_not_blank() {
    if !Path::new(CHROMIUM).exists() {
        eprintln!(
            "note: {CHROMIUM} not found; skipping the browser check of the report \
             (apt-get install -y chromium fonts-noto-cjk to run it)"
        );
        return;
    }
    let env = fixture();
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("report.html");
    env.ok(&["report", "--year", "2026", "-o", html.to_str().unwrap()]);
    for (width, height) in [(1000, 1400), (390, 1400)] {
        let png = dir.path().join(format!("report-{width}.png"));
        screenshot(&html, &png, width, height);
        let (w, h, px) = pixels(&std::fs::read(&png).expect("screenshot written"));
        assert_eq!((w, h), (width, height));
        let inked = px.iter().filter(|p| p.iter().any(|c| *c < 200)).count();
        let share = inked as f64 / px.len() as f64;
        // Text, bars and lines: a good part of the page is ink, not white.
        assert!(
            share > 0.03,
            "{width}px: only {:.2}% of the page is drawn",
            share * 100.0
        );
        // The bars are drawn: the green of the on-time chart and the orange of the overdue one.
        let near = |p: &[u8; 3], c: [u8; 3]| p.iter().zip(c).all(|(a, b)| a.abs_diff(b) < 24);
        let green = px.iter().filter(|p| near(p, [0x2e, 0x7d, 0x32])).count();
        let orange = px.iter().filter(|p| near(p, [0xef, 0x6c, 0x00])).count();
        assert!(
            green > 500 && orange > 200,
            "{width}px: green {green}, orange {orange}"
        );
    }
    // A blank page is not mistaken for a report.
    let blank = dir.path().join("blank.html");
    std::fs::write(&blank, "<!DOCTYPE html><html><body></body></html>").unwrap();
    let png = dir.path().join("blank.png");
    screenshot(&blank, &png, 390, 1400);
    let (_, _, px) = pixels(&std::fs::read(&png).unwrap());
    assert!(
        px.iter().all(|p| p.iter().all(|c| *c >= 200)),
        "the blank page is blank"
    );
}
