//! `dispute classify`: classification (分类流转), or redirecting the payer elsewhere.

use crate::case::{Insurance, Track};
use crate::error::{Error, Result};
use crate::validate;
use crate::workflow::Command;

use super::App;

/// 分类流转：本部门办理（own）、一般事项（general，多部门联办）、重大疑难事项（major，报请组长同意）；或用 --redirect 告知缴费人到其他部门办理（本案结案）
///
/// 只能由受理部门的受理人对“已登记”的案件办理。
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("how").required(true).args(["track", "redirect"])))]
pub struct Args {
    /// 案件编号
    pub id: String,
    /// 事项类型
    #[arg(long, value_parser = super::args::code::<Track>(), requires = "category")]
    pub track: Option<Track>,
    /// 争议类别 1–10
    #[arg(long)]
    pub category: Option<u8>,
    /// 涉及险种，逗号分隔（不填则保留登记时的险种）
    #[arg(long, value_parser = super::args::code::<Insurance>(), value_delimiter = ',')]
    pub insurance: Vec<Insurance>,
    /// 不属于联合处置范围：告知缴费人前往的部门代码
    #[arg(long, value_name = "DEPT", conflicts_with_all = ["track", "category", "insurance"], requires = "note")]
    pub redirect: Option<String>,
    /// 说明（告知缴费人的内容；重大疑难事项的上报理由）
    #[arg(long)]
    pub note: Option<String>,
    /// 实际办理时间（RFC 3339），默认现在
    #[arg(long)]
    pub at: Option<String>,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let note = args
        .note
        .as_deref()
        .map(|n| validate::text("说明", n))
        .transpose()?;
    let category = args.category.map(validate::category).transpose()?;
    let mut insurance = args.insurance.clone();
    insurance.sort();
    insurance.dedup();
    app.act(&args.id, args.at.as_deref(), |book, _| {
        if let Some(dept) = &args.redirect {
            return Ok(Command::Redirect {
                dept: book.dept_code(dept)?,
                note: note.clone().unwrap_or_default(),
            });
        }
        let track = args.track.expect("clap requires --track or --redirect");
        let category =
            category.ok_or_else(|| Error::invalid("争议类别", "须用 --category 指定"))?;
        Ok(Command::Classify {
            track,
            category,
            insurance: insurance.clone(),
            note: note.clone(),
        })
    })
    .map(|_| ())
}
