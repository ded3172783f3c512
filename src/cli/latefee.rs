//! `dispute latefee`: the late fee of 社会保险法 Art. 86, for category-6 disputes.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::calendar::{local_date, parse_date};
use crate::error::{Error, Result};
use crate::latefee::{self, LateFee};

use super::App;

/// 计算社会保险费滞纳金（《社会保险法》第八十六条：自欠缴之日起，按日加收万分之五）
///
/// 天数按日历日计算，含起止两日：--from 为欠缴之日（法定缴费期限届满的次日），--to 为实际缴纳之日（默认今天）。金额用精确十进制计算，结果四舍五入到分。不需要案卷库。
#[derive(Debug, clap::Args)]
pub struct Args {
    /// 欠缴的社会保险费金额（元，最多两位小数，如 12345.67）
    #[arg(long, value_name = "YUAN", allow_hyphen_values = true)]
    pub amount: String,
    /// 欠缴之日（YYYY-MM-DD）
    #[arg(long, value_name = "DATE")]
    pub from: String,
    /// 缴纳之日（YYYY-MM-DD），默认今天
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// 以 JSON 输出
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct Out<'a> {
    #[serde(flatten)]
    fee: &'a LateFee,
    law: &'static str,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let amount = latefee::parse_yuan(&args.amount)?;
    let from = parse_date(&args.from)?;
    let to = match &args.to {
        Some(d) => parse_date(d)?,
        None => local_date(&app.now()?),
    };
    if to < from {
        return Err(Error::invalid(
            "缴纳之日",
            format!("{to} 早于欠缴之日 {from}"),
        ));
    }
    let fee = latefee::compute(amount, from, to);
    if args.json {
        return app.ui.json(&Out {
            fee: &fee,
            law: latefee::law(),
        });
    }
    let text = format!(
        "欠缴金额：{} 元\n滞纳期间：{} 至 {}，共 {} 天（含起止两日）\n日滞纳金率：万分之五（{}）\n滞纳金：{} 元 × 0.05% × {} 天 = {} 元\n",
        yuan(fee.amount),
        fee.from,
        fee.to,
        fee.days,
        latefee::law(),
        yuan(fee.amount),
        fee.days,
        yuan(fee.fee)
    );
    app.ui.block(&text)
}

/// `12345.6` → `12,345.60`.
fn yuan(d: Decimal) -> String {
    let s = format!("{:.2}", d);
    let (int, frac) = s.split_once('.').unwrap_or((&s, "00"));
    let (sign, digits) = int.strip_prefix('-').map(|d| ("-", d)).unwrap_or(("", int));
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{sign}{grouped}.{frac}")
}
