//! Chinese labels for every code the files hold. Error messages live with their variants
//! in `error`; everything else a user reads on screen is named here, so another locale is
//! a change to these two modules only.

use crate::case::{
    Action, Channel, ConsultKind, Decision, Insurance, Outcome, PayerKind, Remedy, Status, Track,
};
use crate::casebook::Role;

/// A code's label on screen.
pub trait Label {
    fn label(&self) -> &'static str;
}

/// An enum with ASCII codes for files and the command line (see `case::code_enum!`).
pub trait Coded: Sized + Copy + 'static {
    fn all() -> &'static [Self];
    fn code(&self) -> &'static str;
}

impl Label for Status {
    fn label(&self) -> &'static str {
        match self {
            Status::Registered => "已登记",
            Status::Handling => "办理中",
            Status::AwaitingApproval => "待组长审批",
            Status::Referred => "已报送待转办",
            Status::Replied => "已回复",
            Status::Archived => "已归档",
            Status::Redirected => "已告知另行办理",
        }
    }
}

impl Label for Track {
    fn label(&self) -> &'static str {
        match self {
            Track::Own => "本部门办理",
            Track::General => "一般事项",
            Track::Major => "重大疑难事项",
            Track::Referral => "报送办理",
        }
    }
}

impl Label for Channel {
    fn label(&self) -> &'static str {
        match self {
            Channel::Visit => "来访",
            Channel::Phone => "来电",
            Channel::Letter => "来信",
            Channel::Online => "网上",
            Channel::Hotline => "12345热线",
        }
    }
}

impl Label for PayerKind {
    fn label(&self) -> &'static str {
        match self {
            PayerKind::Employer => "用人单位",
            PayerKind::Individual => "个人",
        }
    }
}

impl Label for Insurance {
    fn label(&self) -> &'static str {
        match self {
            Insurance::Pension => "养老保险",
            Insurance::WorkInjury => "工伤保险",
            Insurance::Unemployment => "失业保险",
            Insurance::Medical => "医疗保险（含生育）",
        }
    }
}

impl Label for Outcome {
    fn label(&self) -> &'static str {
        match self {
            Outcome::Accepted => "缴费人无异议",
            Outcome::Objected => "缴费人有异议",
        }
    }
}

impl Label for Remedy {
    fn label(&self) -> &'static str {
        match self {
            Remedy::Mediation => "申请调解",
            Remedy::Reconsideration => "申请行政复议",
            Remedy::Arbitration => "申请仲裁",
            Remedy::Litigation => "提起行政诉讼",
        }
    }
}

impl Label for ConsultKind {
    fn label(&self) -> &'static str {
        match self {
            ConsultKind::General => "一般事项会商",
            ConsultKind::Major => "重大事项会商",
        }
    }
}

impl Label for Decision {
    fn label(&self) -> &'static str {
        match self {
            Decision::Approved => "同意按重大疑难事项专案办理",
            Decision::Rejected => "不同意，按一般事项办理",
        }
    }
}

impl Label for Action {
    fn label(&self) -> &'static str {
        match self {
            Action::Register => "受理登记",
            Action::Classify => "分类流转",
            Action::Redirect => "告知另行办理",
            Action::Assign => "指派联办部门",
            Action::Unassign => "撤回指派",
            Action::Dispatch => "转交承办部门",
            Action::Opinion => "书面意见",
            Action::EscalateLeadingGroup => "上报领导小组",
            Action::EscalateHotline => "报送县政府办",
            Action::EscalateDiscipline => "移交纪委监委",
            Action::Approve => "组长同意专案办理",
            Action::Reject => "组长不同意专案办理",
            Action::Consult => "会商",
            Action::Reply => "书面回复缴费人",
            Action::Archive => "案卷归档",
        }
    }
}

impl Label for Role {
    fn label(&self) -> &'static str {
        match self {
            Role::Receiver => "受理人",
            Role::Handler => "承办人",
            Role::Office => "领导小组办公室",
            Role::Leader => "领导小组组长",
            Role::Dispatcher => "转办人",
            Role::Admin => "管理员",
        }
    }
}

/// Dispute categories of section 三（三） of the regulation, numbered 1–10.
pub const CATEGORIES: [&str; 10] = [
    "社会保险登记和关系转移",
    "社会保险登记信息传递",
    "缴费基数申报",
    "缴费金额",
    "人社、医保核定的特殊缴费应征金额",
    "滞纳金加收",
    "退（抵）费模式、流程、金额",
    "待遇核定和支付",
    "征缴、缴费检查、欠费追缴",
    "其他争议事项",
];

pub fn category(n: u8) -> &'static str {
    CATEGORIES
        .get((n as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("未知类别")
}

/// Bodies outside the member list that the tool names.
pub fn outside_dept_name(code: &str) -> Option<&'static str> {
    match code {
        "discipline" => Some("县纪委监委"),
        "hotline" => Some("县12345热线办"),
        _ => None,
    }
}

/// The confidentiality note of the referral form.
pub const CONFIDENTIAL: &str = "严格保密，不得泄露缴费人信息";

/// Placeholder for an absent value in tables.
pub const NONE: &str = "—";

pub fn obligation_label(k: crate::workflow::ObligationKind) -> &'static str {
    match k {
        crate::workflow::ObligationKind::Classify => "分类流转",
        crate::workflow::ObligationKind::Opinion => "书面意见",
        crate::workflow::ObligationKind::Dispatch => "转交承办部门",
        crate::workflow::ObligationKind::Reply => "书面回复缴费人",
        crate::workflow::ObligationKind::Archive => "案卷归档",
    }
}
