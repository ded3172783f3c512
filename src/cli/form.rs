//! `dispute form`: print the referral form (报送单) or the written reply (书面告知书) of a
//! case, as an A4 HTML page or as Markdown.

use std::path::PathBuf;

use crate::case::CaseId;
use crate::error::Result;
use crate::forms;

use super::App;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    /// 报送单（附件格式）：反映内容摘要、受理人信息、报送意见、单位签章、保密备注；须已报送县政府办
    Referral,
    /// 书面告知书：总处理意见及行政复议、行政诉讼、劳动仲裁的途径和期限；须已书面回复
    Notice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Markdown，便于粘贴
    Md,
    /// 自带样式的 HTML 页面，可直接用浏览器按 A4 打印
    Html,
}

/// 打印文书：报送单（referral）或书面告知书（notice）
///
/// 报送单不含缴费人电话和证件号码。书面告知书的救济期限按回复日期计算：行政复议六十日、行政诉讼六个月；缴费人为个人时另列劳动人事争议仲裁一年；期限最后一日为休息日的顺延至下一个工作日。
///
/// 默认输出到标准输出；-o 写入文件。未指定 --format 时，-o 文件名以 .md 结尾则为 Markdown，否则为 HTML。
#[derive(Debug, clap::Args)]
pub struct Args {
    /// 文书种类
    #[arg(value_enum)]
    pub kind: Kind,
    /// 案件编号
    pub id: String,
    /// 输出格式（默认 html）
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// 写入文件（- 为标准输出）
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    pub output: Option<PathBuf>,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let id = CaseId::parse(&args.id)?;
    let format = args.format.unwrap_or_else(|| {
        let md = args
            .output
            .as_deref()
            .and_then(|p| p.extension())
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
        if md { Format::Md } else { Format::Html }
    });
    let store = app.store()?;
    let book = store.casebook()?;
    let case = store.case(&id)?;
    let text = match (args.kind, format) {
        (Kind::Referral, Format::Html) => forms::referral_html(&case, &book)?,
        (Kind::Referral, Format::Md) => forms::referral_md(&case, &book)?,
        (Kind::Notice, Format::Html) => forms::notice_html(&case, &book)?,
        (Kind::Notice, Format::Md) => forms::notice_md(&case, &book)?,
    };
    app.ui.emit(text.as_bytes(), args.output.as_deref())
}
