//! Labels for every code the files hold, from the catalog of `dispute-i18n`: statuses,
//! tracks, channels, actions, roles, the ten dispute categories, and the few fixed words
//! (the confidentiality note, the absent-value mark) that several modules print.

use crate::case::{
    Action, Channel, ConsultKind, Decision, Insurance, Outcome, PayerKind, Remedy, Status, Track,
};
use crate::casebook::Role;
use dispute_i18n::Lang;

/// A code's label on screen, from the catalog (`label-<type>-<value>`).
pub trait Label {
    /// The catalog key of this value's label.
    fn label_key(&self) -> &'static str;

    /// The label in the chosen language.
    fn label(&self) -> &'static str {
        dispute_i18n::word(self.label_key())
    }

    /// The label in a given language (commit messages are always Chinese).
    fn label_in(&self, lang: Lang) -> String {
        dispute_i18n::tr_in(lang, self.label_key(), None)
    }
}

/// An enum with ASCII codes for files and the command line (see `case::code_enum!`).
pub trait Coded: Sized + Copy + 'static {
    fn all() -> &'static [Self];
    fn code(&self) -> &'static str;
}

impl Label for Status {
    fn label_key(&self) -> &'static str {
        match self {
            Status::Registered => "label-status-registered",
            Status::Handling => "label-status-handling",
            Status::AwaitingApproval => "label-status-awaiting-approval",
            Status::Referred => "label-status-referred",
            Status::Replied => "label-status-replied",
            Status::Archived => "label-status-archived",
            Status::Redirected => "label-status-redirected",
            Status::Voided => "clerk-status-voided",
        }
    }
}

impl Label for crate::case::CaseField {
    fn label_key(&self) -> &'static str {
        use crate::case::CaseField::*;
        match self {
            PayerKind => "clerk-field-payer-kind",
            PayerName => "clerk-field-payer-name",
            PayerId => "clerk-field-payer-id",
            Contact => "clerk-field-contact",
            Phone => "clerk-field-phone",
            Summary => "clerk-field-summary",
            Title => "clerk-field-title",
            District => "clerk-field-district",
            Channel => "clerk-field-channel",
            Category => "clerk-field-category",
        }
    }
}

impl Label for Track {
    fn label_key(&self) -> &'static str {
        match self {
            Track::Own => "label-track-own",
            Track::General => "label-track-general",
            Track::Major => "label-track-major",
            Track::Referral => "label-track-referral",
        }
    }
}

impl Label for Channel {
    fn label_key(&self) -> &'static str {
        match self {
            Channel::Visit => "label-channel-visit",
            Channel::Phone => "label-channel-phone",
            Channel::Letter => "label-channel-letter",
            Channel::Online => "label-channel-online",
            Channel::Hotline => "label-channel-hotline",
        }
    }
}

impl Label for PayerKind {
    fn label_key(&self) -> &'static str {
        match self {
            PayerKind::Employer => "label-payer-kind-employer",
            PayerKind::Individual => "label-payer-kind-individual",
        }
    }
}

impl Label for Insurance {
    fn label_key(&self) -> &'static str {
        match self {
            Insurance::Pension => "label-insurance-pension",
            Insurance::WorkInjury => "label-insurance-work-injury",
            Insurance::Unemployment => "label-insurance-unemployment",
            Insurance::Medical => "label-insurance-medical",
        }
    }
}

impl Label for Outcome {
    fn label_key(&self) -> &'static str {
        match self {
            Outcome::Accepted => "label-outcome-accepted",
            Outcome::Objected => "label-outcome-objected",
        }
    }
}

impl Label for Remedy {
    fn label_key(&self) -> &'static str {
        match self {
            Remedy::Mediation => "label-remedy-mediation",
            Remedy::Reconsideration => "label-remedy-reconsideration",
            Remedy::Arbitration => "label-remedy-arbitration",
            Remedy::Litigation => "label-remedy-litigation",
        }
    }
}

impl Label for ConsultKind {
    fn label_key(&self) -> &'static str {
        match self {
            ConsultKind::General => "label-consult-kind-general",
            ConsultKind::Major => "label-consult-kind-major",
        }
    }
}

impl Label for Decision {
    fn label_key(&self) -> &'static str {
        match self {
            Decision::Approved => "label-decision-approved",
            Decision::Rejected => "label-decision-rejected",
        }
    }
}

impl Label for Action {
    fn label_key(&self) -> &'static str {
        self.spec().label_key
    }
}

impl Label for Role {
    fn label_key(&self) -> &'static str {
        match self {
            Role::Receiver => "label-role-receiver",
            Role::Handler => "label-role-handler",
            Role::Office => "label-role-office",
            Role::Leader => "label-role-leader",
            Role::Dispatcher => "label-role-dispatcher",
            Role::Admin => "label-role-admin",
        }
    }
}

/// The name of dispute category `n` (section 三（三） of the regulation, numbered 1–10).
pub fn category(n: u8) -> &'static str {
    match n {
        1..=10 => dispute_i18n::word(CATEGORY_KEYS[n as usize - 1]),
        _ => dispute_i18n::word("category-unknown"),
    }
}

/// The name of dispute category `n` in a given language (commit messages are always Chinese).
pub fn category_in(n: u8, lang: Lang) -> String {
    match n {
        1..=10 => dispute_i18n::tr_in(lang, CATEGORY_KEYS[n as usize - 1], None),
        _ => dispute_i18n::tr_in(lang, "category-unknown", None),
    }
}

/// The dispute categories' numbers.
pub const CATEGORY_NUMBERS: std::ops::RangeInclusive<u8> = 1..=10;

const CATEGORY_KEYS: [&str; 10] = [
    "category-1",
    "category-2",
    "category-3",
    "category-4",
    "category-5",
    "category-6",
    "category-7",
    "category-8",
    "category-9",
    "category-10",
];

/// Bodies outside the member list that the tool names.
pub fn outside_dept_name(code: &str) -> Option<&'static str> {
    match code {
        "discipline" => Some(dispute_i18n::word("dept-discipline")),
        "hotline" => Some(dispute_i18n::word("dept-hotline")),
        crate::casebook::LEADING_GROUP => Some(dispute_i18n::word("dept-leading-group")),
        _ => None,
    }
}

/// The confidentiality note of the referral form.
pub fn confidential() -> &'static str {
    dispute_i18n::word("confidential-note")
}

/// Placeholder for an absent value in tables.
pub const NONE: &str = "—";

pub fn obligation_label(k: crate::workflow::ObligationKind) -> &'static str {
    use crate::workflow::ObligationKind;
    dispute_i18n::word(match k {
        ObligationKind::Classify => "obligation-classify",
        ObligationKind::Opinion => "obligation-opinion",
        ObligationKind::Dispatch => "obligation-dispatch",
        ObligationKind::Approval => "obligation-approval",
        ObligationKind::Feedback => "obligation-feedback",
        ObligationKind::Reply => "obligation-reply",
        ObligationKind::Archive => "obligation-archive",
    })
}
