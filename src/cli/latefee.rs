//! `dispute latefee`: the late fee of 社会保险法 Art. 86, for category-6 disputes.

use dispute_i18n::t;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::calendar::{local_date, parse_date};
use crate::error::{Error, Result};
use crate::latefee::{self, LateFee};

use super::App;
use super::args::JsonArg;

/// The late fee on unpaid contributions (0.05% a day, both end days counted); needs no
/// casebook.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Amount owed in yuan, at most two decimals
    #[arg(long, value_name = "YUAN", allow_hyphen_values = true)]
    pub amount: String,
    /// First day in arrears (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub from: String,
    /// Day of payment (YYYY-MM-DD); default today
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    #[command(flatten)]
    pub output: JsonArg,
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
            t!("cmd-field-payment-day"),
            t!(
                "cmd-latefee-to-before-from",
                to = to.to_string(),
                from = from.to_string()
            ),
        ));
    }
    let fee = latefee::compute(amount, from, to);
    if args.output.json {
        return app.ui.json(&Out {
            fee: &fee,
            law: latefee::law(),
        });
    }
    let mut text = t!(
        "cmd-latefee-result",
        amount = yuan(fee.amount),
        from = fee.from.to_string(),
        to = fee.to.to_string(),
        days = fee.days,
        law = latefee::law(),
        fee = yuan(fee.fee)
    );
    text.push('\n');
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
