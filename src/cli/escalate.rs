//! `dispute escalate`: to the leading group, to the 12345 hotline (referral form), or a
//! refusing department to the discipline commission.

use crate::error::{Error, Result};
use crate::validate;
use crate::workflow::Command;

use super::App;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Target {
    /// 上报领导小组（报请组长同意按重大疑难事项专案办理）
    LeadingGroup,
    /// 职责不清：填写报送单，交县政府办按 12345 机制转办
    Hotline,
    /// 部门无正当理由拒不办理：将线索移交县纪委监委
    Discipline,
}

/// 上报或移交：领导小组（leading-group）、县政府办 12345 转办（hotline）、纪委监委（discipline）
///
/// 由受理部门的受理人办理。报送单的受理人电话取 --receiver-phone，或操作员信息中的电话。
#[derive(Debug, clap::Args)]
pub struct Args {
    /// 案件编号
    pub id: String,
    /// 上报或移交给谁
    #[arg(long, value_enum)]
    pub to: Target,
    /// 理由（报送时为报送意见）
    #[arg(long)]
    pub reason: String,
    /// 拒不办理的部门代码（--to discipline 时必填）
    #[arg(long, value_name = "CODE")]
    pub dept: Option<String>,
    /// 报送单的反映内容摘要（默认用登记时的反映事项）
    #[arg(long)]
    pub summary: Option<String>,
    /// 报送单上受理人的电话
    #[arg(long)]
    pub receiver_phone: Option<String>,
    /// 实际办理时间（RFC 3339），默认现在
    #[arg(long)]
    pub at: Option<String>,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let reason = validate::text("理由", &args.reason)?;
    let summary = args
        .summary
        .as_deref()
        .map(|s| validate::text("反映内容摘要", s))
        .transpose()?;
    let phone = args
        .receiver_phone
        .as_deref()
        .map(validate::phone)
        .transpose()?;
    if args.to != Target::Discipline && args.dept.is_some() {
        return Err(Error::invalid("部门", "只有 --to discipline 需要 --dept"));
    }
    if args.to != Target::Hotline && (summary.is_some() || phone.is_some()) {
        return Err(Error::invalid(
            "报送单",
            "--summary 和 --receiver-phone 只用于 --to hotline",
        ));
    }
    app.act(&args.id, args.at.as_deref(), |book, _| match args.to {
        Target::LeadingGroup => Ok(Command::EscalateLeadingGroup { reason }),
        Target::Hotline => Ok(Command::EscalateHotline {
            opinion: reason,
            summary,
            receiver_phone: phone,
        }),
        Target::Discipline => {
            let dept = args.dept.as_deref().ok_or_else(|| {
                Error::invalid("部门", "--to discipline 须用 --dept 指明拒不办理的部门")
            })?;
            Ok(Command::EscalateDiscipline {
                dept: book.dept_code(dept)?,
                reason,
            })
        }
    })
    .map(|_| ())
}
