//! `dispute register`: acceptance registration (受理登记) on first contact.

use dispute_i18n::t;

use crate::case::{Action, CaseId, Channel, Counterparty, Insurance, Payer, PayerKind};
use crate::error::{Error, Result};
use crate::validate;
use crate::workflow::{self, NewCase};

use super::App;
use super::args::AtArg;

/// Register a dispute on first contact; prints the new case ID as the only line on stdout.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Kind of payer
    #[arg(long, value_parser = super::args::code::<PayerKind>())]
    pub payer_kind: PayerKind,
    /// Payer's name (employer or person)
    #[arg(long)]
    pub payer_name: String,
    /// Unified social credit code or resident ID number (18 characters)
    #[arg(long)]
    pub payer_id: Option<String>,
    /// Contact person
    #[arg(long)]
    pub contact: Option<String>,
    /// Phone (mobile or landline)
    #[arg(long)]
    pub phone: String,
    /// Township or subdistrict of the matter
    #[arg(long)]
    pub district: String,
    /// The matter raised
    #[arg(long)]
    pub summary: String,
    /// Short title (goes into commit messages; no personal details)
    #[arg(long)]
    pub title: Option<String>,
    /// How the payer got in touch
    #[arg(long, value_parser = super::args::code::<Channel>(), default_value_t = Channel::Visit)]
    pub channel: Channel,
    #[command(flatten)]
    pub at: AtArg,
    /// Dispute category 1–10 (may wait for classification)
    #[arg(long)]
    pub category: Option<u8>,
    /// Insurance schemes, comma-separated
    #[arg(long, value_parser = super::args::code::<Insurance>(), value_delimiter = ',')]
    pub insurance: Vec<Insurance>,
    /// The other party of a dispute between an employee and the employer (its name)
    #[arg(long, value_name = "NAME")]
    pub counterparty: Option<String>,
    /// The other party's phone
    #[arg(long, value_name = "PHONE", requires = "counterparty")]
    pub counterparty_phone: Option<String>,
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
                .map(|c| validate::name(&t!("cmd-field-contact"), c))
                .transpose()?,
            phone: validate::phone(&args.phone)?,
            sealed: None,
        },
        // The other party is of the other kind: the employer of an employee, or the
        // employee of an employer.
        counterparty: args
            .counterparty
            .as_deref()
            .map(|name| -> Result<Counterparty> {
                Ok(Counterparty {
                    kind: match args.payer_kind {
                        PayerKind::Individual => PayerKind::Employer,
                        PayerKind::Employer => PayerKind::Individual,
                    },
                    name: validate::payer_name(name)?,
                    phone: args
                        .counterparty_phone
                        .as_deref()
                        .map(validate::phone)
                        .transpose()?,
                    sealed: None,
                })
            })
            .transpose()?,
        title: args.title.as_deref().map(validate::title).transpose()?,
        summary: validate::text(&t!("cmd-field-summary"), &args.summary)?,
        district: validate::district(&args.district)?,
        channel: args.channel,
        category: args.category.map(validate::category).transpose()?,
        insurance,
    };
    let at = app.at(args.at.as_deref())?;
    let now = app.now()?;

    let store = app.store()?;
    crate::store::timings::mark("open repository");
    let (writer, notices) = store.begin()?;
    app.ui.notices(notices);
    let book = store.casebook()?;
    crate::store::timings::mark("casebook.toml read and checked");
    let actor = app.signing_actor(&store, &book)?;
    app.check_backdate(&book, &at)?;
    crate::store::timings::mark("identity and key");
    let year = crate::calendar::local_date(&at).format("%Y").to_string();
    let year: i32 = year.parse().map_err(|_| Error::BadTime(at.to_rfc3339()))?;
    let seq = store.next_seq(&actor.op.dept, year)?;
    let id = CaseId::new(&actor.op.dept, year, seq);
    crate::store::timings::mark("next sequence number");
    let cal = book.calendar();
    let ctx = workflow::Ctx {
        book: &book,
        cal: &cal,
        actor: &actor.op,
        at,
        now,
    };
    let mut case = workflow::register(&id, new, &ctx)?;
    app.seal_all(&book, std::slice::from_mut(&mut case))?;
    let done = app.commit_case(&store, writer, &book, &actor, &case, &case, Action::Register);
    // Committed but not finished: the ID is still the one line on stdout, so a script
    // does not register the same matter again.
    if let Err(e @ Error::Committed { .. }) = done {
        app.ui.line(&case.id)?;
        return Err(e);
    }
    done?;
    // With autosync, the central casebook may have taken the number meanwhile.
    let renumbered = app.autosync();
    let id = renumbered
        .iter()
        .find(|(old, _)| *old == case.id)
        .map_or(case.id.as_str(), |(_, new)| new.as_str());
    app.ui.line(id)
}
