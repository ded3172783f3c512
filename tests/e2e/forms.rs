//! Issue 5: `dispute form referral|notice` — the referral form (报送单) field for field, the
//! written reply (书面告知书) with the legal routes and their computed deadlines, the
//! refusals, `-o FILE`, escaping, and a render of the HTML in headless Chromium.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::harness::*;

const PAYER_PHONE: &str = "13812340000";
const PAYER_ID: &str = "11010519491231002X";

/// An individual's case at `tax`, received 2026-11-02 09:30, escalated to the hotline by
/// 张三 at 14:00 (dispatch due 11-03, feedback due 11-10).
fn referred(env: &Env, summary: &str) -> String {
    let id = env.register_with(
        "zhangsan",
        &[
            ("--at", "2026-11-02T09:30:00+08:00"),
            ("--payer-kind", "individual"),
            ("--payer-name", "赵红梅"),
            ("--payer-id", PAYER_ID),
            ("--phone", PAYER_PHONE),
            ("--district", "西陌镇"),
            ("--summary", "灵活就业人员养老保险视同缴费年限认定不清"),
        ],
    );
    env.as_ok(
        "zhangsan",
        &[
            "escalate",
            &id,
            "--to",
            "hotline",
            "--summary",
            summary,
            "--reason",
            "职责不清，建议由县人社局承办",
            "--at",
            "2026-11-02T14:00:00+08:00",
        ],
    );
    id
}

/// A case of the department's own, received 2026-11-02 and replied 2026-11-18 15:00; the
/// payer knew of the administrative act on the day of the reply.
fn replied(env: &Env, kind: &str, name: &str) -> String {
    let id = env.register_with(
        "zhangsan",
        &[
            ("--at", "2026-11-02T09:30:00+08:00"),
            ("--payer-kind", kind),
            ("--payer-name", name),
            ("--phone", PAYER_PHONE),
            ("--title", "滞纳金加收异议"),
            ("--summary", "对 2026 年 8 月加收的滞纳金有异议"),
        ],
    );
    env.as_ok(
        "zhangsan",
        &[
            "classify",
            &id,
            "--track",
            "own",
            "--category",
            "6",
            "--at",
            "2026-11-02T15:00:00+08:00",
        ],
    );
    env.as_ok(
        "zhangsan",
        &[
            "reply",
            &id,
            "--text",
            "经核查，滞纳金按日万分之五加收，计算无误。\n已向缴费人说明计算方法。",
            "--act-date",
            "2026-11-18",
            "--at",
            "2026-11-18T15:00:00+08:00",
        ],
    );
    id
}

fn assert_has(doc: &str, parts: &[&str]) {
    for p in parts {
        assert!(doc.contains(p), "{p:?} missing from:\n{doc}");
    }
}

fn assert_lacks(doc: &str, parts: &[&str]) {
    for p in parts {
        assert!(!doc.contains(p), "{p:?} must not appear in:\n{doc}");
    }
}

/// A read command: prints the document, commits nothing.
fn form(env: &Env, args: &[&str]) -> String {
    let head = env.head();
    // a notice to an individual is addressed by name, which only a recipient of the case
    // can decrypt: the forms are printed by the receiver
    let mut full = vec!["--as", "zhangsan", "form"];
    full.extend_from_slice(args);
    let out = env.ok(&full);
    assert_eq!(env.head(), head, "form must not commit");
    out
}

#[test]
fn referral_form_holds_every_field_of_the_attachment() {
    let env = Env::new();
    let id = referred(&env, "缴费人反映视同缴费年限认定不清，不知由哪个部门负责");

    let html = form(&env, &["referral", &id]);
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert_has(
        &html,
        &[
            "<meta charset=\"utf-8\">",
            "@page { size: A4; margin: 2cm; }",
            "Noto Serif CJK SC",
            "芮城县社会保险费征缴争议事项处理<br>报　送　单",
            &id,
            "反映内容<br>摘要",
            "缴费人反映视同缴费年限认定不清，不知由哪个部门负责",
            "受理人<br>信息",
            "姓名",
            "张三",
            "电话",
            "0359-3012345",
            "受理<br>时间",
            "2026年11月2日<br>09时30分",
            "报送意见",
            "职责不清，建议由县人社局承办",
            "单位签章：国家税务总局芮城县税务局<br>2026年11月2日",
            "备注：以上反映内容，现予以报送，请按规定程序处理，办理过程中严格保密，不得泄露缴费人信息。办理结果直接反馈缴费人，并于11月10日将办理情况反馈受理部门。",
            "电话：0359-3012345",
            "邮箱：zhangsan@rc.example.cn",
        ],
    );
    // No external resources: nothing fetched when printed.
    assert_lacks(&html, &["http://", "https://", "<link", "<script", "src="]);

    let md = form(&env, &["referral", &id, "--format", "md"]);
    assert_has(
        &md,
        &[
            "# 芮城县社会保险费征缴争议事项处理报送单",
            &format!("编号：{id}"),
            "| 反映内容摘要 | 缴费人反映视同缴费年限认定不清，不知由哪个部门负责 |",
            "| 受理人姓名 | 张三 |",
            "| 受理人电话 | 0359-3012345 |",
            "| 受理时间 | 2026年11月2日 09时30分 |",
            "| 报送意见 | 职责不清，建议由县人社局承办 |",
            "| 单位签章 | 国家税务总局芮城县税务局　2026年11月2日 |",
            "并于11月10日将办理情况反馈受理部门。",
            "电话：0359-3012345　　邮箱：zhangsan@rc.example.cn",
        ],
    );

    // Confidentiality: the payer's phone and ID code appear on neither, masked or not.
    for doc in [&html, &md] {
        assert_lacks(doc, &[PAYER_PHONE, PAYER_ID, "138****0000", "110***"]);
    }

    // The form stays printable after dispatch, with the same fields.
    env.as_ok(
        "zhoujiu",
        &[
            "assign",
            &id,
            "--dept",
            "hrss",
            "--hotline-ticket",
            "RC12345-20261103-0007",
            "--at",
            "2026-11-03T09:30:00+08:00",
        ],
    );
    let again = form(&env, &["referral", &id, "--format", "md"]);
    assert_eq!(again, md);
}

#[test]
fn referral_form_cells_escape_table_pipes_and_keep_lines() {
    let env = Env::new();
    let id = referred(&env, "第一行 | 含竖线\n第二行");
    let md = form(&env, &["referral", &id, "--format", "md"]);
    assert_has(&md, &["| 反映内容摘要 | 第一行 \\| 含竖线<br>第二行 |"]);
    let html = form(&env, &["referral", &id]);
    assert_has(&html, &["<p>第一行 | 含竖线</p><p>第二行</p>"]);
}

#[test]
fn forms_escape_markup_in_case_text() {
    let env = Env::new();
    let id = referred(&env, r#"<script>alert("x")</script> & 'y' <b>粗</b>"#);
    let html = form(&env, &["referral", &id]);
    assert_has(
        &html,
        &[
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39; &lt;b&gt;粗&lt;/b&gt;",
        ],
    );
    assert_lacks(&html, &["<script", "<b>"]);
    let md = form(&env, &["referral", &id, "--format", "md"]);
    assert_has(
        &md,
        &[r#"\<script\>alert("x")\</script\> & 'y' \<b\>粗\</b\>"#],
    );
    // Every `<` is backslash-escaped: no raw HTML reaches a Markdown renderer.
    assert!(!md.replace("\\<", "").contains('<'), "{md}");
}

#[test]
fn notice_for_an_individual_states_the_routes_and_counts_from_the_act() {
    let env = Env::new();
    let id = replied(&env, "individual", "赵建华");

    // The act known on Wednesday 2026-11-18, the day itself not counted:
    //   reconsideration: 60 days → 2027-01-17, a Sunday → Monday 2027-01-18;
    //   litigation: 6 months → 2027-05-18 (Tuesday).
    // No employment relationship in dispute (no other party): no arbitration.
    let html = form(&env, &["notice", &id]);
    let md = form(&env, &["notice", &id, "--format", "md"]);
    for doc in [&html, &md] {
        assert_has(
            doc,
            &[
                "芮城县社会保险费征缴争议事项",
                "书面告知书",
                "赵建华：",
                &id,
                "您于2026年11月2日反映的“滞纳金加收异议”事项",
                "经核查，滞纳金按日万分之五加收，计算无误。",
                "已向缴费人说明计算方法。",
                "如对上述处理意见有异议",
                "申请调解：可以向芮城县社会保险费征缴争议处理工作室",
                "申请行政复议：自知道或者应当知道该行政行为之日起六十日内",
                "《中华人民共和国行政复议法》第二十条第一款",
                "以2026年11月18日知道该行政行为计，期限至2027年1月18日（2027年1月17日为休息日，依法顺延）。",
                "提起行政诉讼：直接向人民法院提起诉讼的，应当自知道或者应当知道作出行政行为之日起六个月内提出",
                "《中华人民共和国行政诉讼法》第四十六条第一款",
                "在收到复议决定书之日起十五日内",
                "复议机关逾期不作决定的，可以在复议期满之日起十五日内",
                "（同法第四十五条）",
                "直接起诉的期限至2027年5月18日。",
                "缴费人于2026年11月18日知道该行政行为",
                "国家税务总局芮城县税务局",
                "2026年11月18日",
                "（本告知书一式两份，一份交缴费人，一份存档）",
            ],
        );
        assert_lacks(
            doc,
            &[
                PAYER_PHONE,
                "138****0000",
                "仲裁",
                "收到本告知书之日起",
                "收到本告知书计",
            ],
        );
    }
    // Numbered in order in both formats.
    let pos = |doc: &str, s: &str| doc.find(s).unwrap_or_else(|| panic!("{s}"));
    assert!(pos(&html, "一、申请调解") < pos(&html, "二、申请行政复议"));
    assert!(pos(&html, "二、申请行政复议") < pos(&html, "三、提起行政诉讼"));
    assert_has(&md, &["1. 申请调解", "2. 申请行政复议", "3. 提起行政诉讼"]);
    // The issuing department and the date close the letter, after the routes.
    assert!(pos(&html, "第四十五条") < pos(&html, "国家税务总局芮城县税务局"));

    // Still printable once archived, unchanged.
    env.as_ok(
        "zhangsan",
        &[
            "archive",
            &id,
            "--outcome",
            "accepted",
            "--at",
            "2026-11-19T09:00:00+08:00",
        ],
    );
    assert_eq!(form(&env, &["notice", &id, "--format", "md"]), md);
}

#[test]
fn notice_for_an_employer_has_no_arbitration() {
    let env = Env::new();
    let id = replied(&env, "employer", "芮城县风陵渡物流有限公司");
    for fmt in ["html", "md"] {
        let doc = form(&env, &["notice", &id, "--format", fmt]);
        assert_has(
            &doc,
            &[
                "芮城县风陵渡物流有限公司：",
                "贵单位于2026年11月2日反映的",
                "第二十条",
                "期限至2027年1月18日",
                "第四十六条",
                "直接起诉的期限至2027年5月18日",
            ],
        );
        assert_lacks(&doc, &["仲裁", "第二十七条", "四、", "4. "]);
    }
}

#[test]
fn forms_are_refused_until_their_record_exists() {
    let env = Env::new();
    // Registered only: no referral, no reply.
    let id = env.register("zhangsan", "2026-11-02T09:30:00+08:00");
    let err = env.fails(1, &["form", "referral", &id]);
    assert_has(&err, &[&id, "报送单", "escalate --to hotline"]);
    let err = env.fails(1, &["form", "notice", &id, "--format", "md"]);
    assert_has(&err, &[&id, "书面告知书", "总处理意见", "dispute reply"]);

    // Referred but not replied: the referral form yes, the notice no.
    let referred = referred(&env, "职责不清的事项");
    form(&env, &["referral", &referred]);
    env.fails(1, &["form", "notice", &referred]);

    // Replied on the own track: the notice yes, the referral form no.
    let own = replied(&env, "individual", "赵建华");
    form(&env, &["notice", &own]);
    env.fails(1, &["form", "referral", &own]);

    // A refused form writes no file.
    let out = env.path("refused.html");
    env.fails(1, &["form", "referral", &id, "-o", out.to_str().unwrap()]);
    assert!(!out.exists());

    // Usage and lookup errors keep their exit codes.
    env.fails_plain(2, &["form", "letter", &id]);
    env.fails_plain(2, &["form", "notice", &own, "--format", "pdf"]);
    env.fails(3, &["form", "notice", "TAX-2026-0099"]);
    env.fails(4, &["form", "notice", "tax-2026-1"]);
    env.assert_clean();
}

#[test]
fn output_goes_to_the_named_file() {
    let env = Env::new();
    let id = replied(&env, "individual", "赵建华");
    let dir = tempfile::tempdir().unwrap();

    let html = dir.path().join("告知书.html");
    let out = env.run(&[
        "--as",
        "zhangsan",
        "form",
        "notice",
        &id,
        "-o",
        html.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    assert!(out.stdout.is_empty(), "nothing on stdout with -o");
    assert!(String::from_utf8_lossy(&out.stderr).contains("已写入"));
    let written = std::fs::read_to_string(&html).unwrap();
    assert!(written.starts_with("<!DOCTYPE html>"));
    assert_eq!(written, form(&env, &["notice", &id]));

    // Without --format, a .md file name means Markdown; --format wins over the name.
    let md = dir.path().join("notice.md");
    env.as_ok(
        "zhangsan",
        &["form", "notice", &id, "--output", md.to_str().unwrap()],
    );
    let written = std::fs::read_to_string(&md).unwrap();
    assert!(written.starts_with("# 芮城县"), "{written}");
    assert_eq!(written, form(&env, &["notice", &id, "--format", "md"]));
    let forced = dir.path().join("forced.md");
    env.as_ok(
        "zhangsan",
        &[
            "form",
            "notice",
            &id,
            "--format",
            "html",
            "-o",
            forced.to_str().unwrap(),
        ],
    );
    assert!(
        std::fs::read_to_string(&forced)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );

    // Nothing written inside the casebook, nothing committed.
    env.assert_clean();
}

const CHROMIUM: &str = "/usr/bin/chromium";

/// Render a page with headless Chromium to an A4-sized PNG (794×1123 CSS pixels). Gives up
/// after two minutes.
fn screenshot(html: &Path, png: &Path) -> std::process::ExitStatus {
    let profile = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--window-size=794,1123",
        ])
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
            return status;
        }
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish within two minutes");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn referral_form_renders_in_headless_chromium() {
    if !Path::new(CHROMIUM).exists() {
        eprintln!(
            "note: {CHROMIUM} not found; skipping the browser check of the referral form \
             (apt-get install -y chromium fonts-noto-cjk to run it)"
        );
        return;
    }
    let env = Env::new();
    let id = referred(&env, "缴费人反映视同缴费年限认定不清，不知由哪个部门负责");
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("referral.html");
    let png = dir.path().join("referral.png");
    env.ok(&["form", "referral", &id, "-o", html.to_str().unwrap()]);
    let status = screenshot(&html, &png);
    assert!(status.success(), "chromium exited with {status}");
    let bytes = std::fs::read(&png).expect("screenshot written");
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    // A blank page compresses to well under 10 KB; a rendered form with its table and
    // text is several times that.
    assert!(
        bytes.len() > 10_000,
        "screenshot is only {} bytes: nothing rendered?",
        bytes.len()
    );
    // Width and height from the IHDR chunk: the A4 window.
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    assert_eq!((be(&bytes[16..20]), be(&bytes[20..24])), (794, 1123));
}

#[test]
fn forms_in_english_carry_the_same_facts_and_articles() {
    let env = Env::new();
    let id = replied(&env, "individual", "赵建华");
    let html = form(&env, &["--lang", "en", "notice", &id]);
    let md = form(&env, &["--lang", "en", "notice", &id, "--format", "md"]);
    for doc in [&html, &md] {
        assert_has(
            doc,
            &[
                "Written Notice",
                "To 赵建华:",
                &id,
                "On 2 November 2026, you raised the matter “滞纳金加收异议”",
                "Article 20, paragraph 1 of the Administrative Reconsideration Law",
                "the period ends on 18 January 2027 (17 January 2027 is a day off",
                "Article 46, paragraph 1 of the Administrative Litigation Law",
                "Article 45 of the same law",
                "a direct lawsuit must be filed by 18 May 2027.",
                "18 November 2026",
            ],
        );
        assert_lacks(doc, &["申请行政复议", "特此告知", "年11月", "arbitration"]);
    }
    assert_has(&html, &["<html lang=\"en\">", "1. Mediation"]);
    assert_has(
        &md,
        &[
            "2. Administrative reconsideration",
            "3. Administrative litigation",
        ],
    );

    let referral_id = referred(&env, "反映事项摘要");
    let html = form(&env, &["--lang", "en", "referral", &referral_id]);
    assert_has(
        &html,
        &[
            "Social Insurance Contribution Dispute<br>Referral Form",
            "Summary of<br>the matter",
            "2 November 2026<br>09:30",
            "by 10 November.",
        ],
    );
    // The Chinese forms are unchanged by the English ones.
    assert_has(
        &form(&env, &["referral", &referral_id]),
        &[
            "<html lang=\"zh-CN\">",
            "报　送　单",
            "并于11月10日将办理情况反馈受理部门。",
        ],
    );
}
