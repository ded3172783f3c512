//! `dispute policy list`: the policy consultations of the leading group.

use dispute_i18n::word;

use crate::error::Result;
use crate::output::{new_table, short_time};

use super::App;

/// Policy consultations of the leading group
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// List the policy consultations
    List(ListArgs),
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Only this year's consultations
    #[arg(long)]
    pub year: Option<i32>,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

pub fn run(app: &mut App, cmd: Command) -> Result<()> {
    let Command::List(args) = cmd;
    let store = app.store()?;
    let book = store.casebook()?;
    let (mut all, bad) = store.policies()?;
    if let Some(y) = args.year {
        all.retain(|p| p.id.starts_with(&format!("PC-{y}-")));
    }
    if args.json {
        app.ui.json(&all)?;
    } else if all.is_empty() {
        app.ui.status(word("policy-list-empty"));
    } else {
        let mut t = new_table(&[
            word("policy-col-id"),
            word("policy-col-at"),
            word("policy-col-topic"),
            word("policy-col-attendees"),
            word("policy-col-cases"),
        ]);
        let sep = word("out-list-separator");
        for p in &all {
            let depts: Vec<&str> = p.attendees.iter().map(|d| book.dept_short(d)).collect();
            t.add_row(vec![
                p.id.clone(),
                short_time(&p.at),
                p.topic.clone(),
                depts.join(sep),
                p.cases.join(sep),
            ]);
        }
        app.ui.table(t)?;
    }
    super::list::report_bad(app, bad)
}
