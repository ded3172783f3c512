//! `dispute categories`: the ten dispute categories of the regulation with their numbers,
//! as `--category` takes them.

use dispute_i18n::{t, word};

use crate::error::Result;
use crate::text;

use super::App;
use super::args::JsonArg;

/// List the ten dispute categories with their numbers
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub output: JsonArg,
}

/// One category as `--json` prints it.
#[derive(serde::Serialize)]
struct Category {
    number: u8,
    name: &'static str,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let all: Vec<Category> = text::CATEGORY_NUMBERS
        .map(|n| Category {
            number: n,
            name: text::category(n),
        })
        .collect();
    if args.output.json {
        return app.ui.json(&all);
    }
    let mut table = crate::output::new_table(&[
        word("clerk-col-category-number"),
        word("clerk-col-category-name"),
    ]);
    for c in &all {
        table.add_row(vec![c.number.to_string(), c.name.to_string()]);
    }
    app.ui.table(table)?;
    app.ui.status(&t!("clerk-categories-source"));
    Ok(())
}
