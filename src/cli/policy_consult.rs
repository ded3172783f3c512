//! `dispute policy-consult`: the leading-group office records a consultation on a
//! policy-wide or recurring question (regulation 四（二）: 涉及多部门的政策性、普遍性、倾向性
//! 问题应通过领导小组会商处理). Not tied to one case: a file of its own under `policy/`,
//! committed with its own protocol action. Prints the new ID as the only line on stdout.

use std::path::PathBuf;

use dispute_i18n::t;

use crate::case::CaseId;
use crate::error::{Error, Result};
use crate::policy::{self, NewPolicyConsultation, PolicyId};
use crate::protocol::Message;
use crate::validate;

use super::App;
use super::args::AtArg;

/// Record a policy consultation of the leading group.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("body").required(true).args(["minutes", "file"])))]
pub struct Args {
    /// The question (no payer's personal details)
    #[arg(long)]
    pub topic: String,
    /// Attending departments (comma-separated or repeated)
    #[arg(long, value_delimiter = ',', required = true)]
    pub attendee: Vec<String>,
    /// Full text of the minutes
    #[arg(long)]
    pub minutes: Option<String>,
    /// Read the minutes from a file (UTF-8; - for stdin)
    #[arg(long, value_name = "PATH")]
    pub file: Option<PathBuf>,
    /// A case it concerns (comma-separated or repeated)
    #[arg(long = "case", value_name = "ID", value_delimiter = ',')]
    pub cases: Vec<String>,
    #[command(flatten)]
    pub at: AtArg,
}

pub fn run(app: &mut App, args: Args) -> Result<()> {
    let topic = validate::line(&t!("policy-field-topic"), &args.topic)?;
    let minutes = super::read_text(&t!("policy-field-minutes"), args.minutes, args.file)?;
    let at = app.at(args.at.as_deref())?;
    let now = app.now()?;

    let store = app.store()?;
    let (mut writer, notices) = store.begin()?;
    app.ui.notices(notices);
    let book = store.casebook()?;
    let actor = app.signing_actor(&store, &book)?;
    policy::check_permission(&actor.op)?;
    app.check_backdate(&book, &at)?;
    for c in &args.cases {
        let id = CaseId::parse(c.trim())?;
        if !store.case_exists(&id)? {
            return Err(Error::invalid(
                t!("rules-field-case"),
                t!("policy-case-missing", id = id.to_string()),
            ));
        }
    }
    let year = crate::calendar::local_date(&at)
        .format("%Y")
        .to_string()
        .parse::<i32>()
        .map_err(|_| Error::BadTime(at.to_rfc3339()))?;
    let seq = store.next_policy_seq(year)?;
    let new = NewPolicyConsultation {
        topic,
        attendees: args.attendee,
        minutes,
        cases: args.cases,
    };
    let consultation = policy::record(new, seq, &book, &actor.op, at, now)?;
    let path = PolicyId::parse(&consultation.id)?.path();
    if store.untracked_file_at(&path)? {
        return Err(Error::HandEdits(vec![t!("policy-untracked", path = path)]));
    }
    writer.put_policy(&consultation)?;
    let message = Message::policy_consult(&actor.op, &consultation);
    let commit = writer.commit(&message, &actor.op, actor.signer())?;
    app.ui.done(&message.subject, commit);
    app.ui.line(&consultation.id)
}
