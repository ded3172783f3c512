//! `dispute consult`: a consultation meeting and its minutes.

use std::path::PathBuf;

use crate::case::ConsultKind;
use crate::error::{Error, Result};
use crate::workflow::Command;

use super::App;

/// 记录会商及会议纪要：一般事项会商（general）或重大事项会商（major，须为经组长同意的重大疑难事项）
///
/// 由受理部门的受理人或领导小组办公室（office）记录。
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("body").required(true).args(["minutes", "minutes_file"])))]
pub struct Args {
    /// 案件编号
    pub id: String,
    /// 会商类型
    #[arg(long, value_parser = super::args::code::<ConsultKind>())]
    pub kind: ConsultKind,
    /// 参会部门代码，可重复或逗号分隔
    #[arg(
        long = "attendee",
        value_name = "CODE",
        required = true,
        value_delimiter = ','
    )]
    pub attendees: Vec<String>,
    /// 会议纪要全文
    #[arg(long)]
    pub minutes: Option<String>,
    /// 从文件读取会议纪要（UTF-8；- 为标准输入）
    #[arg(long, value_name = "PATH")]
    pub minutes_file: Option<PathBuf>,
    /// 会商时间（RFC 3339），默认现在
    #[arg(long)]
    pub at: Option<String>,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let minutes = super::read_text("会议纪要", args.minutes, args.minutes_file)?;
    app.act(&args.id, args.at.as_deref(), |book, _| {
        let mut attendees = vec![];
        for a in &args.attendees {
            let code = book.dept_code(a)?;
            if attendees.contains(&code) {
                return Err(Error::invalid("参会部门", format!("{code} 重复")));
            }
            attendees.push(code);
        }
        Ok(Command::Consult {
            kind: args.kind,
            attendees,
            minutes,
        })
    })
    .map(|_| ())
}
