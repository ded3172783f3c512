//! `dispute register`: acceptance registration (受理登记) on first contact.

use crate::case::{Action, CaseId, Channel, Insurance, Payer, PayerKind};
use crate::error::{Error, Result};
use crate::validate;
use crate::workflow::{self, NewCase};

use super::App;

/// 受理登记：登记缴费人基本情况、来访时间、联系方式、事项所在辖区、反映主要事项
///
/// 只有受理人（receiver）可以登记；登记人记为首问责任人。案件编号按登记人所在部门和受理年份自动分配（如 TAX-2026-0001），是标准输出上唯一的一行，便于脚本使用。
#[derive(Debug, clap::Args)]
pub struct Args {
    /// 缴费人类型
    #[arg(long, value_parser = super::args::code::<PayerKind>())]
    pub payer_kind: PayerKind,
    /// 缴费人名称（单位名称或个人姓名）
    #[arg(long)]
    pub payer_name: String,
    /// 统一社会信用代码或居民身份证号码（18 位，核对校验位）
    #[arg(long)]
    pub payer_id: Option<String>,
    /// 联系人
    #[arg(long)]
    pub contact: Option<String>,
    /// 联系电话（手机或固定电话）
    #[arg(long)]
    pub phone: String,
    /// 事项所在辖区（乡镇、街道）
    #[arg(long)]
    pub district: String,
    /// 反映的主要事项
    #[arg(long)]
    pub summary: String,
    /// 简短标题（出现在提交说明中，勿含个人信息）
    #[arg(long)]
    pub title: Option<String>,
    /// 受理渠道
    #[arg(long, value_parser = super::args::code::<Channel>(), default_value_t = Channel::Visit)]
    pub channel: Channel,
    /// 缴费人实际来访（来电）的时间，RFC 3339；默认现在，不能晚于现在
    #[arg(long)]
    pub at: Option<String>,
    /// 争议类别 1–10（也可在分类时确定）
    #[arg(long)]
    pub category: Option<u8>,
    /// 涉及险种，逗号分隔：pension,work_injury,unemployment,medical
    #[arg(long, value_parser = super::args::code::<Insurance>(), value_delimiter = ',')]
    pub insurance: Vec<Insurance>,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let mut insurance = args.insurance.clone();
    insurance.sort();
    insurance.dedup();
    let new = NewCase {
        payer: Payer {
            kind: args.payer_kind,
            name: validate::payer_name(&args.payer_name)?,
            id_code: args
                .payer_id
                .as_deref()
                .map(validate::id_code)
                .transpose()?,
            contact: args
                .contact
                .as_deref()
                .map(|c| validate::line("联系人", c))
                .transpose()?,
            phone: validate::phone(&args.phone)?,
        },
        title: args.title.as_deref().map(validate::title).transpose()?,
        summary: validate::text("反映事项", &args.summary)?,
        district: validate::district(&args.district)?,
        channel: args.channel,
        category: args.category.map(validate::category).transpose()?,
        insurance,
    };
    let at = app.at(args.at.as_deref())?;
    let now = app.now()?;

    let store = app.store()?;
    let (writer, notices) = store.begin()?;
    app.ui.notices(notices);
    let book = store.casebook()?;
    let actor = app.actor(&store, &book)?;
    let year = crate::calendar::local_date(&at).format("%Y").to_string();
    let year: i32 = year.parse().map_err(|_| Error::BadTime(at.to_rfc3339()))?;
    let seq = store.next_seq(&actor.dept, year)?;
    let id = CaseId::new(&actor.dept, year, seq);
    let cal = book.calendar();
    let ctx = workflow::Ctx {
        book: &book,
        cal: &cal,
        actor: &actor,
        at,
        now,
    };
    let case = workflow::register(&id, new, &ctx)?;
    app.commit_case(writer, &book, &actor, &case, &case, Action::Register)?;
    app.ui.line(&case.id)
}
