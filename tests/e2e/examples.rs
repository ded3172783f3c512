//! The example case files under `cases/` of the tool's repository: every one validates
//! against `schemas/case.schema.json`, parses with the library at its own path, and loads
//! in a real casebook. Together they cover every status and every track.
//!
//! The files are made by the real binary: `cargo test --test e2e regenerate_example_cases
//! -- --ignored` rebuilds them in a temporary casebook (fictional payers in 芮城县) and
//! copies them into `cases/`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use dispute::case::Case;

use crate::harness::*;

fn repo_cases() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("cases")
}

/// Every `.toml` below `dir`, as (path relative to the parent of `dir`, full path), sorted.
fn case_files(dir: &Path) -> Vec<(String, PathBuf)> {
    let base = dir.parent().expect("parent");
    let mut out = vec![];
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries {
            let p = entry.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "toml") {
                let rel = p
                    .strip_prefix(base)
                    .expect("below base")
                    .to_string_lossy()
                    .into_owned();
                out.push((rel, p));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn example_case_files_validate_and_parse() {
    let files = case_files(&repo_cases());
    assert!(
        files.len() >= 10,
        "cases/ should hold the example files, found {}",
        files.len()
    );
    let mut statuses = BTreeSet::new();
    let mut tracks = BTreeSet::new();
    let mut handling_tracks = BTreeSet::new();
    for (rel, path) in &files {
        assert_valid_case_file(path);
        let text = std::fs::read_to_string(path).expect("read");
        let case = Case::from_toml(&text, rel)
            .unwrap_or_else(|e| panic!("{rel} does not parse with the library: {e}"));
        assert_eq!(case_path(&case.id), *rel, "file name and ID agree");
        statuses.insert(case.status.code());
        if let Some(t) = case.track {
            tracks.insert(t.code());
            if case.status.code() == "handling" {
                handling_tracks.insert(t.code());
            }
        }
        // The examples show the file as the tool writes it: the payer's details encrypted,
        // only their masks in the clear (and they are fictional: 13800000000-style numbers).
        assert!(case.payer.sealed.is_some(), "{rel}: payer not sealed");
        assert!(case.payer.is_masked(), "{rel}: payer not masked");
        assert!(
            case.payer.phone.starts_with("138****"),
            "{rel}: use 13800000000-style numbers, not {}",
            case.payer.phone
        );
        // Only the standard test operators act in the examples.
        for e in &case.events {
            assert!(
                OPERATORS.iter().any(|o| o.0 == e.by),
                "{rel}: unknown operator {}",
                e.by
            );
        }
    }
    for s in [
        "registered",
        "handling",
        "awaiting_approval",
        "referred",
        "replied",
        "archived",
        "redirected",
    ] {
        assert!(
            statuses.contains(s),
            "no example with status {s}: {statuses:?}"
        );
    }
    for t in ["own", "general", "major", "referral"] {
        assert!(tracks.contains(t), "no example on track {t}: {tracks:?}");
        assert!(
            handling_tracks.contains(t),
            "no handling example on track {t}: {handling_tracks:?}"
        );
    }
}

#[test]
fn example_case_files_load_in_a_casebook() {
    let env = Env::new();
    let files = case_files(&repo_cases());
    for (rel, path) in &files {
        let target = env.path(rel);
        std::fs::create_dir_all(target.parent().expect("parent")).expect("mkdir");
        std::fs::copy(path, &target).expect("copy");
    }
    env.git_commit_all("import the example cases");
    let ids = env.list_ids(&[]);
    assert_eq!(ids.len(), files.len(), "every example lists: {ids:?}");
    for id in &ids {
        env.ok(&["show", id]);
        env.ok(&["show", id, "--json"]);
    }
    env.ok(&["overdue", "--as-of", "2026-11-27"]);
}

/// Build the example cases with the real binary and copy them into the repository's
/// `cases/`. Run by hand; the validation tests above check the result.
#[test]
#[ignore = "writes cases/ in the repository; run with --ignored to regenerate the examples"]
fn regenerate_example_cases() {
    let env = build_examples();
    let target = repo_cases();
    for (_, path) in case_files(&target) {
        std::fs::remove_file(path).expect("remove old example");
    }
    for (rel, path) in case_files(&env.path("cases")) {
        let dest = target.parent().expect("repo").join(&rel);
        std::fs::create_dir_all(dest.parent().expect("parent")).expect("mkdir");
        std::fs::copy(path, dest).expect("copy");
    }
    // drop emptied shard directories
    let mut dirs = vec![];
    let mut stack = vec![target.clone()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read dir") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                dirs.push(p.clone());
                stack.push(p);
            }
        }
    }
    dirs.sort_by_key(|d| std::cmp::Reverse(d.components().count()));
    for d in dirs {
        let _ = std::fs::remove_dir(d); // only succeeds when empty
    }
}

/// Run `who`'s command and expect success.
/// One case per status and per track, with realistic (fictional) content.
fn build_examples() -> Env {
    let env = Env::new();

    // TAX-2026-0001 已登记: a contribution-base question received the day before "now".
    let id = env.register_with(
        "zhangsan",
        &[
            ("--payer-name", "芮城县古魏镇鑫磊商贸有限公司"),
            ("--payer-id", "91140830MA0K2L3D91"),
            ("--contact", "刘建平"),
            ("--phone", "13800000001"),
            ("--district", "古魏镇"),
            ("--title", "2026 年度缴费基数申报异议"),
            (
                "--summary",
                "单位认为 2026 年度社会保险缴费基数应按本县上年度职工平均工资的 60% 申报，\
                 税务部门按全口径工资核定，要求说明依据并重新核定。",
            ),
            ("--category", "3"),
            ("--insurance", "pension,unemployment"),
            ("--at", "2026-11-26T15:20:00+08:00"),
        ],
    );
    assert_eq!(id, "TAX-2026-0001");

    // TAX-2026-0002 办理中（本部门办理）: a late fee handled by the tax bureau itself.
    let id = env.register_with("zhangsan",
        &[
            ("--payer-kind", "individual"),
            ("--payer-name", "杨秀兰"),
            ("--payer-id", "140830197803120415"),
            ("--phone", "13800000002"),
            ("--district", "风陵渡镇"),
            ("--channel", "phone"),
            (
                "--summary",
                "灵活就业人员，2026 年 6 月因银行扣款失败逾期缴费，被加收滞纳金，认为非本人原因，要求减免。",
            ),
            ("--at", "2026-11-19T10:05:00+08:00"),
        ],
    );
    env.act(
        "zhangsan",
        &[
            "classify",
            &id,
            "--track",
            "own",
            "--category",
            "6",
            "--insurance",
            "pension",
            "--at",
            "2026-11-19T16:00:00+08:00",
        ],
    );

    // TAX-2026-0003 办理中（一般事项）: hrss has answered, medical has not yet.
    let id = env.register_with(
        "zhangsan",
        &[
            ("--payer-name", "芮城县大王镇福源养殖专业合作社"),
            ("--payer-id", "93140830MA0K8D2N5X"),
            ("--contact", "王福生"),
            ("--phone", "13800000003"),
            ("--district", "大王镇"),
            (
                "--summary",
                "县人社局、县医保局核定的 2025 年度补缴金额与合作社实际用工人数不符，\
                 请求重新核定工伤保险和医疗保险应缴金额。",
            ),
            ("--at", "2026-11-16T09:40:00+08:00"),
        ],
    );
    env.act(
        "zhangsan",
        &[
            "classify",
            &id,
            "--track",
            "general",
            "--category",
            "5",
            "--insurance",
            "work_injury,medical",
            "--at",
            "2026-11-16T15:30:00+08:00",
        ],
    );
    env.act(
        "zhangsan",
        &[
            "assign",
            &id,
            "--dept",
            "hrss,medical",
            "--at",
            "2026-11-17T09:00:00+08:00",
        ],
    );
    env.act("lisi",
        &[
            "opinion",
            &id,
            "--text",
            "经核查劳动用工备案，合作社 2025 年实际参保人数为 12 人，工伤保险补缴金额按 12 人重新核定为 3,456 元。",
            "--at",
            "2026-11-20T11:00:00+08:00",
        ],
    );

    // TAX-2026-0004 待组长审批（重大疑难事项）
    let id = env.register_with(
        "zhangsan",
        &[
            ("--payer-name", "芮城县永乐镇宏远矿业有限公司"),
            ("--payer-id", "91140830MA0H7R5C4H"),
            ("--contact", "赵志强"),
            ("--phone", "13800000004"),
            ("--district", "永乐镇"),
            (
                "--summary",
                "企业对 2019—2024 年欠缴社会保险费的追缴金额及滞纳金有异议，涉及 230 余名职工，\
                 人社、医保、税务三方口径不一。",
            ),
            ("--insurance", "pension,work_injury,unemployment,medical"),
            ("--at", "2026-11-24T09:15:00+08:00"),
        ],
    );
    env.act(
        "zhangsan",
        &[
            "classify",
            &id,
            "--track",
            "major",
            "--category",
            "9",
            "--note",
            "涉及职工人数多、欠费年限长，三部门口径不一，报请组长同意按专案办理",
            "--at",
            "2026-11-25T10:00:00+08:00",
        ],
    );

    // TAX-2026-0005 办理中（重大疑难事项，已批准，待会商）
    let id = env.register_with(
        "zhangsan",
        &[
            ("--payer-name", "芮城县阳城镇华晋新材料有限公司"),
            ("--payer-id", "91140830MA0J1N8P8Q"),
            ("--contact", "孙丽娟"),
            ("--phone", "13800000005"),
            ("--district", "阳城镇"),
            (
                "--summary",
                "企业改制后原职工社会保险关系未转移，改制前欠缴金额由谁承担存在争议。",
            ),
            ("--insurance", "pension,medical"),
            ("--at", "2026-11-09T14:30:00+08:00"),
        ],
    );
    env.act(
        "zhangsan",
        &[
            "classify",
            &id,
            "--track",
            "major",
            "--category",
            "4",
            "--note",
            "涉及企业改制遗留问题，报请组长同意按重大疑难事项专案办理",
            "--at",
            "2026-11-10T09:00:00+08:00",
        ],
    );
    env.act(
        "zhengyi",
        &[
            "approve",
            &id,
            "--note",
            "同意按重大疑难事项专案办理，各成员单位 10 个工作日内出具书面意见",
            "--at",
            "2026-11-11T10:30:00+08:00",
        ],
    );
    env.act(
        "lisi",
        &[
            "opinion",
            &id,
            "--text",
            "改制前欠缴的养老保险费应由改制后的承继单位承担，职工个人权益记录予以保留。",
            "--at",
            "2026-11-18T16:00:00+08:00",
        ],
    );
    env.act(
        "zhaoliu",
        &[
            "opinion",
            &id,
            "--text",
            "医疗保险欠费按改制协议约定的承担主体追缴，职工待遇不受影响。",
            "--at",
            "2026-11-19T10:00:00+08:00",
        ],
    );
    env.act(
        "sunba",
        &[
            "opinion",
            &id,
            "--text",
            "改制协议关于债务承担的约定合法有效，可作为确定缴费主体的依据。",
            "--at",
            "2026-11-20T09:30:00+08:00",
        ],
    );

    // TAX-2026-0006 已报送待转办
    let id = env.register_with("zhangsan",
        &[
            ("--payer-kind", "individual"),
            ("--payer-name", "王建军"),
            ("--payer-id", "140830198507162025"),
            ("--phone", "13800000006"),
            ("--district", "西陌镇"),
            (
                "--summary",
                "外省返乡人员，养老保险关系转入本县后缴费年限合并不全，多个部门均称不属本部门办理。",
            ),
            ("--insurance", "pension"),
            ("--at", "2026-11-26T10:00:00+08:00"),
        ],
    );
    env.act(
        "zhangsan",
        &[
            "escalate",
            &id,
            "--to",
            "hotline",
            "--reason",
            "关系转移与年限合并职责不清，报请县政府办按 12345 机制转交承办部门",
            "--at",
            "2026-11-26T16:00:00+08:00",
        ],
    );

    // TAX-2026-0007 办理中（报送办理，已转交县医保局）
    let id = env.register_with(
        "zhangsan",
        &[
            ("--payer-kind", "individual"),
            ("--payer-name", "张桂芳"),
            ("--payer-id", "140830199201051538"),
            ("--phone", "13800000007"),
            ("--district", "陌南镇"),
            ("--channel", "hotline"),
            (
                "--summary",
                "生育医疗费用报销被告知缴费中断，本人认为单位已按时代扣，要求核实缴费记录并报销。",
            ),
            ("--insurance", "medical"),
            ("--at", "2026-11-23T09:20:00+08:00"),
        ],
    );
    env.act(
        "zhangsan",
        &[
            "escalate",
            &id,
            "--to",
            "hotline",
            "--reason",
            "涉及缴费记录与待遇报销，职责不清，报送县政府办转办",
            "--at",
            "2026-11-23T11:00:00+08:00",
        ],
    );
    env.act(
        "zhoujiu",
        &[
            "assign",
            &id,
            "--dept",
            "medical",
            "--hotline-ticket",
            "RC12345-20261124-0031",
            "--at",
            "2026-11-24T09:10:00+08:00",
        ],
    );

    // TAX-2026-0008 已回复（一般事项）
    let id = env.register_with("zhangsan",
        &[
            ("--payer-name", "芮城县东垆乡鑫源果业有限公司"),
            ("--payer-id", "91140830MA0GX4T66Q"),
            ("--contact", "周永红"),
            ("--phone", "13800000008"),
            ("--district", "东垆乡"),
            (
                "--summary",
                "单位 2025 年重复缴纳失业保险费 8,640 元，申请退费半年未到账，要求说明退费流程和进度。",
            ),
            ("--insurance", "unemployment"),
            ("--at", "2026-11-02T10:30:00+08:00"),
        ],
    );
    env.act(
        "zhangsan",
        &[
            "classify",
            &id,
            "--track",
            "general",
            "--category",
            "7",
            "--at",
            "2026-11-02T15:00:00+08:00",
        ],
    );
    env.act(
        "zhangsan",
        &[
            "assign",
            &id,
            "--dept",
            "hrss",
            "--dept",
            "finance",
            "--at",
            "2026-11-03T09:00:00+08:00",
        ],
    );
    env.act(
        "lisi",
        &[
            "opinion",
            &id,
            "--text",
            "经复核，重复缴纳金额属实，已于 11 月 5 日出具退费审核意见。",
            "--at",
            "2026-11-05T15:00:00+08:00",
        ],
    );
    env.act(
        "qianqi",
        &[
            "opinion",
            &id,
            "--text",
            "退费资金已列入本月国库退库计划，预计 11 月 20 日前到账。",
            "--at",
            "2026-11-09T10:00:00+08:00",
        ],
    );
    env.act("zhangsan",
        &[
            "reply",
            &id,
            "--text",
            "经县人社局复核、县财政局安排退库，您单位重复缴纳的失业保险费 8,640 元将于 11 月 20 日前退回原缴费账户。\n如对处理结果有异议，可自收到本回复之日起 60 日内申请行政复议，或 6 个月内提起行政诉讼。",
            "--at",
            "2026-11-12T10:00:00+08:00",
        ],
    );

    // TAX-2026-0009 已归档（本部门办理，无异议）
    let id = env.register_with(
        "zhangsan",
        &[
            ("--payer-kind", "individual"),
            ("--payer-name", "李文华"),
            ("--payer-id", "140830196909220866"),
            ("--phone", "13800000009"),
            ("--district", "南卫乡"),
            (
                "--summary",
                "城乡居民养老保险缴费档次登记信息与本人选择不一致。",
            ),
            ("--insurance", "pension"),
            ("--at", "2026-10-19T09:00:00+08:00"),
        ],
    );
    env.act(
        "zhangsan",
        &[
            "classify",
            &id,
            "--track",
            "own",
            "--category",
            "2",
            "--at",
            "2026-10-19T14:00:00+08:00",
        ],
    );
    env.act(
        "zhangsan",
        &[
            "reply",
            &id,
            "--text",
            "经核对，登记信息传递有误，已按您选择的缴费档次更正，多缴部分下年度抵缴。",
            "--at",
            "2026-10-23T10:00:00+08:00",
        ],
    );
    env.act(
        "zhangsan",
        &[
            "archive",
            &id,
            "--outcome",
            "accepted",
            "--at",
            "2026-10-26T09:30:00+08:00",
        ],
    );

    // TAX-2026-0010 已归档（重大疑难事项，会商纪要）
    let id = env.register_with(
        "zhangsan",
        &[
            ("--payer-name", "芮城县风陵渡通达物流有限公司"),
            ("--payer-id", "91140830MA0L5Q2W9H"),
            ("--contact", "陈志刚"),
            ("--phone", "13800000010"),
            ("--district", "风陵渡镇"),
            (
                "--summary",
                "企业对驾驶员劳动关系认定及工伤保险费率核定有异议，涉及 60 余名外包驾驶员。",
            ),
            ("--insurance", "work_injury"),
            ("--at", "2026-09-14T09:00:00+08:00"),
        ],
    );
    env.act(
        "zhangsan",
        &[
            "classify",
            &id,
            "--track",
            "major",
            "--category",
            "5",
            "--at",
            "2026-09-14T16:00:00+08:00",
        ],
    );
    env.act(
        "zhengyi",
        &[
            "approve",
            &id,
            "--note",
            "同意专案办理",
            "--at",
            "2026-09-15T10:00:00+08:00",
        ],
    );
    env.act("lisi",
        &[
            "opinion",
            &id,
            "--text",
            "外包驾驶员与企业之间存在事实劳动关系的，应纳入工伤保险参保范围；费率按道路运输业二类行业基准费率核定。",
            "--at",
            "2026-09-24T10:00:00+08:00",
        ],
    );
    env.act(
        "sunba",
        &[
            "opinion",
            &id,
            "--text",
            "劳动关系认定应以实际用工事实为准，外包合同不影响认定。",
            "--at",
            "2026-09-24T15:00:00+08:00",
        ],
    );
    // Every member unit gives its written opinion, or the leader exempts it.
    for (who, text) in [
        (
            "zhaoliu",
            "外包驾驶员的医疗保险参保不在本次争议范围内，无不同意见。",
        ),
        ("qianqi", "本事项不涉及财政资金退付，无不同意见。"),
        ("wushi", "工伤保险费按核定费率征收，欠费部分依法追缴。"),
    ] {
        env.act(
            who,
            &[
                "opinion",
                &id,
                "--text",
                text,
                "--at",
                "2026-09-25T10:00:00+08:00",
            ],
        );
    }
    for dept in ["approval", "petition", "cac", "gov"] {
        env.act(
            "zhengyi",
            &[
                "exempt",
                &id,
                "--dept",
                dept,
                "--reason",
                "本事项不涉及本部门职责",
                "--at",
                "2026-09-28T09:00:00+08:00",
            ],
        );
    }
    env.act("wushi",
        &[
            "consult",
            &id,
            "--kind",
            "major",
            "--attendee",
            "tax,hrss,medical,justice,approval",
            "--minutes",
            "重大事项会商纪要\n一、外包驾驶员中存在事实劳动关系的 43 人纳入工伤保险参保范围；\n二、工伤保险费率按二类行业基准费率核定；\n三、由县税务局书面告知企业，并告知复议、诉讼途径和期限。",
            "--at",
            "2026-10-09T15:00:00+08:00",
        ],
    );
    env.act("zhangsan",
        &[
            "reply",
            &id,
            "--text",
            "根据领导小组会商意见，书面告知如下：43 名驾驶员纳入工伤保险参保范围，费率按二类行业基准费率核定。\n如有异议，可自收到本回复之日起 60 日内申请行政复议，或 6 个月内提起行政诉讼。",
            "--at",
            "2026-10-13T10:00:00+08:00",
        ],
    );
    env.act(
        "zhangsan",
        &[
            "archive",
            &id,
            "--outcome",
            "accepted",
            "--note",
            "企业已于 10 月 16 日办理参保登记",
            "--at",
            "2026-10-19T10:00:00+08:00",
        ],
    );

    // HRSS-2026-0001 已告知另行办理
    let id = env.register_with(
        "chener",
        &[
            ("--payer-kind", "individual"),
            ("--payer-name", "郭晓燕"),
            ("--phone", "13800000011"),
            ("--district", "学张乡"),
            ("--summary", "咨询异地就医备案和住院费用报销比例。"),
            ("--at", "2026-11-18T10:10:00+08:00"),
        ],
    );
    assert_eq!(id, "HRSS-2026-0001");
    env.act(
        "chener",
        &[
            "classify",
            &id,
            "--redirect",
            "medical",
            "--note",
            "属医疗保障待遇咨询，不属征缴争议，已告知到县医保局服务大厅办理异地就医备案",
            "--at",
            "2026-11-18T10:30:00+08:00",
        ],
    );

    // HRSS-2026-0002 已归档（报送办理，承办部门县税务局）
    let id = env.register_with(
        "chener",
        &[
            ("--payer-kind", "individual"),
            ("--payer-name", "马俊峰"),
            ("--phone", "13800000012"),
            ("--district", "永乐镇"),
            (
                "--summary",
                "个人缴费记录显示 2025 年 3 月至 5 月缺失，银行流水显示已扣款。",
            ),
            ("--insurance", "pension"),
            ("--at", "2026-10-12T09:00:00+08:00"),
        ],
    );
    env.act(
        "chener",
        &[
            "escalate",
            &id,
            "--to",
            "hotline",
            "--reason",
            "扣款成功但未入账，涉及银行、税务、人社，职责不清",
            "--at",
            "2026-10-12T11:00:00+08:00",
        ],
    );
    env.act(
        "zhoujiu",
        &[
            "assign",
            &id,
            "--dept",
            "tax",
            "--hotline-ticket",
            "RC12345-20261013-0012",
            "--at",
            "2026-10-13T09:00:00+08:00",
        ],
    );
    // The competent department replies to the payer directly and reports back (四（六）).
    env.act(
        "wushi",
        &[
            "reply",
            &id,
            "--text",
            "经县税务局核查，您 2025 年 3 月至 5 月的缴费已补录入账，缴费记录已恢复完整。",
            "--at",
            "2026-10-16T10:00:00+08:00",
        ],
    );
    env.act(
        "wushi",
        &[
            "feedback",
            &id,
            "--text",
            "经与代扣银行核对，3 至 5 月扣款因账户信息变更未划入国库，已补录入账，缴费记录已恢复，已答复缴费人并反馈 12345 热线办。",
            "--at",
            "2026-10-16T11:00:00+08:00",
        ],
    );
    env.act(
        "chener",
        &[
            "archive",
            &id,
            "--outcome",
            "accepted",
            "--at",
            "2026-10-21T09:00:00+08:00",
        ],
    );

    // APPROVAL-2026-0001 已归档（一般事项，财政局拒不办理移交纪委监委，缴费人申请复议）
    let id = env.register_with("wangfang",
        &[
            ("--payer-name", "芮城县古魏镇天和建筑劳务有限公司"),
            ("--payer-id", "91140830MA0M9B1E7T"),
            ("--contact", "冯海涛"),
            ("--phone", "13800000013"),
            ("--district", "古魏镇"),
            (
                "--summary",
                "企业对欠费追缴决定及加收滞纳金有异议，称政府工程款拖欠导致欠费，要求财政部门说明拨付情况。",
            ),
            ("--insurance", "pension,work_injury"),
            ("--at", "2026-09-21T09:30:00+08:00"),
        ],
    );
    assert_eq!(id, "APPROVAL-2026-0001");
    env.act(
        "wangfang",
        &[
            "classify",
            &id,
            "--track",
            "general",
            "--category",
            "9",
            "--at",
            "2026-09-21T15:00:00+08:00",
        ],
    );
    env.act(
        "wangfang",
        &[
            "assign",
            &id,
            "--dept",
            "tax,hrss,finance",
            "--at",
            "2026-09-22T09:00:00+08:00",
        ],
    );
    env.act(
        "wushi",
        &[
            "opinion",
            &id,
            "--text",
            "欠费追缴决定事实清楚，滞纳金按社会保险法第八十六条自欠缴之日起按日加收万分之五。",
            "--at",
            "2026-09-24T10:00:00+08:00",
        ],
    );
    env.act(
        "lisi",
        &[
            "opinion",
            &id,
            "--text",
            "企业参保人数及缴费基数核定无误。",
            "--at",
            "2026-09-28T10:00:00+08:00",
        ],
    );
    env.act(
        "wangfang",
        &[
            "escalate",
            &id,
            "--to",
            "discipline",
            "--dept",
            "finance",
            "--reason",
            "县财政局逾期未出具书面意见，两次书面催办后仍无正当理由拒不办理",
            "--at",
            "2026-10-12T10:00:00+08:00",
        ],
    );
    env.act(
        "qianqi",
        &[
            "opinion",
            &id,
            "--text",
            "相关工程款已于 2026 年 8 月拨付完毕，不存在拖欠。",
            "--at",
            "2026-10-14T16:00:00+08:00",
        ],
    );
    env.act("wangfang",
        &[
            "reply",
            &id,
            "--text",
            "综合县税务局、县人社局、县财政局书面意见，欠费追缴决定及滞纳金计算维持不变。\n如有异议，可自收到本回复之日起 60 日内申请行政复议，或 6 个月内提起行政诉讼。",
            "--at",
            "2026-10-16T10:00:00+08:00",
        ],
    );
    env.act(
        "wangfang",
        &[
            "archive",
            &id,
            "--outcome",
            "objected",
            "--remedy",
            "reconsideration",
            "--note",
            "企业表示将向县人民政府申请行政复议",
            "--at",
            "2026-10-20T10:00:00+08:00",
        ],
    );

    env.assert_clean();
    assert_all_cases_valid(&env);
    env
}

#[test]
fn examples_build_with_the_binary() {
    // The generator itself keeps working (and every file it writes validates), so the
    // examples can always be regenerated from the current binary.
    let env = build_examples();
    let built: Vec<String> = case_files(&env.path("cases"))
        .into_iter()
        .map(|(r, _)| r)
        .collect();
    let shipped: Vec<String> = case_files(&repo_cases())
        .into_iter()
        .map(|(r, _)| r)
        .collect();
    assert_eq!(
        built, shipped,
        "cases/ holds exactly the generated examples"
    );
}
