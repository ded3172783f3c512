//! `dispute opinion-watch`: the cyberspace office (县委网信办) records online public opinion
//! about a case (regulation 三（二）9: 互联网信息内容监测，协助职能部门做好舆情应对), and with
//! `--response` how it was answered.

use dispute_i18n::t;

use crate::error::{Error, Result};
use crate::validate;
use crate::workflow::Command;

use super::App;
use super::args::{AtArg, CaseArg};

/// Record online public opinion about a case, or its response.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub case: CaseArg,
    /// Where it was seen (platform, site, forum)
    #[arg(long)]
    pub source: Option<String>,
    /// What is said (no payer's personal details)
    #[arg(long)]
    pub summary: Option<String>,
    /// Record the response instead of a new incident
    #[arg(long, value_name = "TEXT")]
    pub response: Option<String>,
    /// Which incident the response answers (default: the latest without one)
    #[arg(long, value_name = "N", requires = "response")]
    pub incident: Option<usize>,
    #[command(flatten)]
    pub at: AtArg,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let field = t!("rules-field-incident");
    let cmd = match (&args.response, &args.source, &args.summary) {
        (Some(text), None, None) => Command::OpinionResponse {
            incident: args.incident,
            text: validate::text(&field, text)?,
        },
        (Some(_), _, _) => return Err(Error::invalid(field, t!("rules-opinion-watch-either"))),
        (None, Some(source), Some(summary)) => Command::OpinionWatch {
            source: validate::line(&field, source)?,
            summary: validate::text(&field, summary)?,
        },
        (None, _, _) => return Err(Error::invalid(field, t!("rules-opinion-watch-needs"))),
    };
    app.act(&args.case.id, args.at.as_deref(), |_, _| Ok(cmd))
        .map(|_| ())
}
