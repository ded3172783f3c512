//! `dispute import`: bring a ledger (CSV or TOML) into the casebook in one commit.

use std::path::PathBuf;

use sha2::{Digest, Sha256};

use crate::casebook::Role;
use crate::error::{Error, Result};
use crate::import::{self, Context};
use crate::protocol::Message;

use super::App;

/// 批量导入台账（如去年的纸质台账录入的电子表格）：CSV（UTF-8，可带 BOM；或 Excel 默认的 GB18030）或 TOML
///
/// 每行一件案件，可带已办的环节（分类、联办、书面意见、回复、归档）及其时间；每行都按办理流程重演，结果必须是流程能够产生的案件。先检查全部行：有任何错误就列出每个错误的行号、列名和原因，退出码 4，不导入任何案件；全部正确则以导入人为作者一次提交。同一文件不能重复导入。导入人须为受理人，案件编号按导入人所在部门分配（也可在“编号”列写明）。
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["file", "template"])))]
pub struct Args {
    /// 台账文件（.csv 或 .toml）
    pub file: Option<PathBuf>,
    /// 只检查，不导入
    #[arg(long)]
    pub dry_run: bool,
    /// 输出 CSV 模板（中文列名和一行示例，带 BOM 便于 Excel 打开）
    #[arg(long, conflicts_with_all = ["file", "dry_run"])]
    pub template: bool,
}

/// A ledger larger than this is refused before it is read (about 100,000 rows).
const MAX_FILE: u64 = 256 * 1024 * 1024;

pub fn run(app: &mut App, args: Args) -> Result<()> {
    if args.template {
        let mut text = String::from("\u{FEFF}");
        text.push_str(&import::template());
        return app.ui.block(&text);
    }
    let path = args.file.expect("clap requires a file or --template");
    let shown = path.display().to_string();
    let read_error = |reason: String| Error::FileRead {
        path: shown.clone(),
        reason,
    };
    let meta = std::fs::metadata(&path).map_err(|e| read_error(e.to_string()))?;
    if !meta.is_file() {
        return Err(read_error("不是普通文件".into()));
    }
    if meta.len() > MAX_FILE {
        return Err(read_error(format!("超过 {} MiB 的上限", MAX_FILE >> 20)));
    }
    let bytes = std::fs::read(&path).map_err(|e| read_error(e.to_string()))?;
    let digest = Sha256::digest(&bytes);
    let sha: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    let text = import::decode(&bytes).map_err(read_error)?;
    let is_toml = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
    let rows = if is_toml {
        import::parse_toml(&text).map_err(|e| report(app, vec![e]))?
    } else {
        import::parse_csv(&text).map_err(|e| report(app, e))?
    };
    if rows.is_empty() {
        return Err(import::refuse("文件中没有案件"));
    }

    let now = app.now()?;
    let store = app.store()?;
    let writer = if args.dry_run {
        None
    } else {
        let (w, notices) = store.begin()?;
        app.ui.notices(notices);
        Some(w)
    };
    let book = store.casebook()?;
    let actor = app.actor(&store, &book)?;
    if !actor.has(Role::Receiver) {
        return Err(Error::not_permitted(
            "导入台账",
            "只有受理人（receiver）可以导入案件，案件记为其所在部门受理",
        ));
    }
    if let Some(commit) = store.find_trailer("Import-SHA256", &sha)? {
        return Err(Error::AlreadyImported(commit));
    }
    let cal = book.calendar();
    let exists = |id: &crate::case::CaseId| store.case_exists(id).unwrap_or(true);
    let next_seq = |year: i32| store.next_seq(&actor.dept, year).unwrap_or(1);
    let (existing, _) = store.summaries(None)?;
    let known: std::collections::HashMap<(String, i64), String> = existing
        .into_iter()
        .map(|c| ((c.payer, c.received_at.timestamp()), c.id))
        .collect();
    let same_case = |payer: &str, at: crate::case::Time| {
        known.get(&(payer.to_string(), at.timestamp())).cloned()
    };
    let cx = Context {
        book: &book,
        cal: &cal,
        importer: &actor,
        now,
        exists: &exists,
        next_seq: &next_seq,
        same_case: &same_case,
    };
    let cases = import::build(&rows, &cx).map_err(|e| report(app, e))?;

    let Some(mut writer) = writer else {
        app.ui.status(&format!(
            "检查通过：{} 行可以导入（--dry-run，未写入）",
            cases.len()
        ));
        return Ok(());
    };
    for case in &cases {
        writer.put_case(case)?;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let message = Message::import(&actor, &name, cases.len(), &sha);
    let commit = writer.commit(&message, &actor)?;
    app.ui.done(&message.subject, commit);
    let ids: Vec<&str> = cases.iter().map(|c| c.id.as_str()).collect();
    app.ui.block(&ids.join("\n"))
}

/// Print every bad row, and the error that ends the command (exit 4).
fn report(app: &mut App, errors: Vec<import::RowError>) -> Error {
    let n = errors.len();
    app.ui.row_errors(&errors);
    Error::ImportRows(n)
}
