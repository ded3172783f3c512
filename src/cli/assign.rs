//! `dispute assign`: ask departments for their written opinions (联办), dispatch a referred
//! case to its competent department (县政府办), or withdraw an assignment.

use dispute_i18n::t;

use crate::error::{Error, Result};
use crate::validate;
use crate::workflow::Command;

use super::App;
use super::args::{AtArg, CaseArg};

/// Ask departments for written opinions, dispatch a referred case (--hotline-ticket), or
/// withdraw an assignment (--remove).
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["dept", "remove"])))]
pub struct Args {
    #[command(flatten)]
    pub case: CaseArg,
    /// Department code to assign; repeatable
    #[arg(long = "dept", value_name = "CODE")]
    pub dept: Vec<String>,
    /// Due date (YYYY-MM-DD); default from the casebook's time limits
    #[arg(long, value_name = "DATE")]
    pub due: Option<String>,
    /// 12345 hotline ticket number (required when dispatching a referred case)
    #[arg(long, value_name = "NO")]
    pub hotline_ticket: Option<String>,
    /// Withdraw the assignment of this department
    #[arg(long, value_name = "CODE", conflicts_with_all = ["dept", "due", "hotline_ticket"], requires = "reason")]
    pub remove: Option<String>,
    /// Why the assignment is withdrawn
    #[arg(long)]
    pub reason: Option<String>,
    #[command(flatten)]
    pub at: AtArg,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let due = args
        .due
        .as_deref()
        .map(crate::calendar::parse_date)
        .transpose()?;
    let ticket = args
        .hotline_ticket
        .as_deref()
        .map(|t| validate::ticket(&t!("cmd-field-hotline-ticket"), t))
        .transpose()?;
    let reason = args
        .reason
        .as_deref()
        .map(|r| validate::text(&t!("cmd-field-withdraw-reason"), r))
        .transpose()?;
    app.act(&args.case.id, args.at.as_deref(), |book, _| {
        if let Some(dept) = &args.remove {
            return Ok(Command::Unassign {
                dept: book.dept_code(dept)?,
                reason: reason.clone().unwrap_or_default(),
            });
        }
        let mut depts = vec![];
        for d in &args.dept {
            for part in d.split(',') {
                let code = book.dept_code(part)?;
                if depts.contains(&code) {
                    return Err(Error::invalid(
                        t!("cmd-field-assigned-depts"),
                        t!("cmd-duplicate", value = code),
                    ));
                }
                depts.push(code);
            }
        }
        Ok(Command::Assign {
            depts,
            due,
            hotline_ticket: ticket.clone(),
        })
    })
    .map(|_| ())
}
