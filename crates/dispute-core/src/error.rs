//! The one error type of the crate.
//!
//! Every failure a user can meet is a variant here, with its Chinese message (the `#[error]`
//! text), a hint saying what to do, and a kind that decides the process exit code of
//! DESIGN §5. The workflow, the store and the commands all return this type, so a refusal
//! found deep in the pure workflow reaches the screen unchanged.

use std::path::PathBuf;

/// What kind of failure, which decides the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Refused by the workflow or by permissions (exit 1).
    Refused,
    /// Something named does not exist (exit 3).
    NotFound,
    /// Invalid input or data (exit 4).
    Invalid,
    /// Lock held or a concurrent change (exit 5).
    Conflict,
    /// A bug or an environment failure (exit 70).
    Internal,
}

impl Kind {
    pub fn exit_code(self) -> u8 {
        match self {
            Kind::Refused => 1,
            Kind::NotFound => 3,
            Kind::Invalid => 4,
            Kind::Conflict => 5,
            Kind::Internal => 70,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    // ---- not found ----
    #[error("没有找到案卷库：{} 及其上级目录中都没有 casebook.toml", .0.display())]
    NoCasebook(PathBuf),
    #[error("没有案件 {0}")]
    CaseNotFound(String),
    #[error("没有操作员 {0}")]
    OperatorNotFound(String),

    // ---- refused ----
    #[error("无法确定操作员身份")]
    NoIdentity,
    #[error("操作员 {0} 不在本案卷库的操作员名单中")]
    UnknownActor(String),
    #[error("操作员 {0} 已停用")]
    ActorDisabled(String),
    #[error("无权{action}：{rule}")]
    NotPermitted { action: String, rule: String },
    #[error("案件 {id} 当前状态为“{status}”，不能{action}")]
    WrongState {
        id: String,
        status: String,
        action: String,
    },
    #[error("案件 {id} 还不能{action}：{reason}")]
    NotReady {
        id: String,
        action: String,
        reason: String,
    },
    #[error("{0} 已经是案卷库，未做任何改动")]
    AlreadyInitialised(PathBuf),
    #[error("有未提交的手工改动：{}", .0.join("、"))]
    HandEdits(Vec<String>),
    #[error("核验发现 {0} 处问题")]
    AuditFailed(usize),
    #[error("这个文件已在提交 {0} 中导入过，不再重复导入")]
    AlreadyImported(String),
    #[error("导入文件有 {0} 处错误，未导入任何案件")]
    ImportRows(usize),

    // ---- invalid ----
    #[error("{field}无效：{reason}")]
    Invalid { field: String, reason: String },
    #[error("案件编号“{0}”格式不对")]
    BadCaseId(String),
    #[error("没有部门代码“{0}”")]
    UnknownDept(String),
    #[error("没有角色“{0}”")]
    UnknownRole(String),
    #[error("时间“{0}”无法识别")]
    BadTime(String),
    #[error("时间 {0} 晚于现在")]
    FutureTime(String),
    #[error("时间 {at} 早于本案上一次记录的时间 {previous}")]
    TimeBeforePrevious { at: String, previous: String },
    #[error("casebook.toml 有误：{0}")]
    CasebookInvalid(String),
    #[error("案件文件 {path} 有误：{reason}")]
    CaseFileInvalid { path: String, reason: String },
    #[error("无法读取文件 {path}：{reason}")]
    FileRead { path: String, reason: String },

    // ---- conflict ----
    #[error("案卷库正被另一个命令写入（已等待 {0} 毫秒）")]
    Locked(u64),
    #[error("提交时发现分支已被其他操作移动，本次未写入")]
    HeadMoved,

    // ---- internal ----
    #[error("git 操作失败：{0}")]
    Git(String),
    #[error("文件操作失败：{0}")]
    Io(#[from] std::io::Error),
    #[error("内部错误：{0}")]
    Internal(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn kind(&self) -> Kind {
        use Error::*;
        match self {
            NoCasebook(_) | CaseNotFound(_) | OperatorNotFound(_) => Kind::NotFound,
            NoIdentity
            | UnknownActor(_)
            | ActorDisabled(_)
            | NotPermitted { .. }
            | WrongState { .. }
            | NotReady { .. }
            | AlreadyInitialised(_)
            | HandEdits(_)
            | AuditFailed(_)
            | AlreadyImported(_) => Kind::Refused,
            ImportRows(_)
            | Invalid { .. }
            | BadCaseId(_)
            | UnknownDept(_)
            | UnknownRole(_)
            | BadTime(_)
            | FutureTime(_)
            | TimeBeforePrevious { .. }
            | CasebookInvalid(_)
            | CaseFileInvalid { .. }
            | FileRead { .. } => Kind::Invalid,
            Locked(_) | HeadMoved => Kind::Conflict,
            Git(_) | Io(_) | Internal(_) => Kind::Internal,
        }
    }

    /// The line that tells the user what to do next.
    pub fn hint(&self) -> Option<String> {
        use Error::*;
        let h = match self {
            NoCasebook(_) => "用 -C 目录 指定案卷库，或先运行 dispute init 创建".into(),
            CaseNotFound(_) => "用 dispute list 查看已有的案件编号".into(),
            OperatorNotFound(_) => "用 dispute operator list 查看操作员".into(),
            NoIdentity => "用 --as 操作员编号、环境变量 DISPUTE_OPERATOR，或把 git 的 user.email 设为登记的邮箱".into(),
            UnknownActor(_) => "用 dispute operator list 查看操作员；新操作员由管理员用 dispute operator add 登记".into(),
            ActorDisabled(_) => "停用的操作员不能再办理；请由在职的操作员办理".into(),
            NotPermitted { .. } => "请由有相应角色和部门的操作员办理（dispute operator list 可查看角色）".into(),
            WrongState { id, .. } => format!("用 dispute show {id} 查看案件当前状态和已有记录"),
            NotReady { id, .. } => format!("用 dispute show {id} 查看缺少的记录"),
            AlreadyInitialised(_) => "已有的案卷库不需要再次初始化".into(),
            AlreadyImported(c) => format!("用 git show {c} 查看那次导入"),
            ImportRows(_) => "按上面列出的行号和列名改正后重新导入；dispute import --template 有列名和示例".into(),
            AuditFailed(_) => "逐条查看上面列出的提交（git show 提交号），由管理员核实处理".into(),
            HandEdits(_) => "先用 git diff 查看，再提交（git commit）或撤销（git checkout -- 文件）这些改动".into(),
            Invalid { .. } => "改正后重新运行；dispute 子命令 --help 有各参数的说明".into(),
            BadCaseId(_) => "案件编号形如 TAX-2026-0001（部门代码-年份-序号）".into(),
            UnknownDept(_) => "部门代码：tax hrss medical justice finance approval petition cac gov".into(),
            UnknownRole(_) => "角色：receiver handler office leader dispatcher admin".into(),
            BadTime(_) => "时间用 RFC 3339 格式，如 2026-11-20T09:30:00+08:00".into(),
            FutureTime(_) => "--at 记录事情实际发生的时间，不能晚于现在".into(),
            TimeBeforePrevious { .. } => "用 dispute show 查看案件时间线，--at 不能早于最后一条记录".into(),
            CasebookInvalid(_) => "修正 casebook.toml 后提交；格式见 schemas/casebook.schema.json".into(),
            CaseFileInvalid { .. } => "用 git log -p 查看该文件的改动并修正；格式见 schemas/case.schema.json".into(),
            FileRead { .. } => "检查文件路径、权限和编码（文本须为 UTF-8；导入的台账也可为 GB18030）".into(),
            Locked(_) => "稍后重试；若确无其他命令在运行，请检查 .git/dispute.lock".into(),
            HeadMoved => "重新运行该命令".into(),
            Git(_) | Io(_) | Internal(_) => "这是程序或环境的问题，请把完整输出报告给维护人员".into(),
        };
        Some(h)
    }

    pub fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Error {
        Error::Invalid {
            field: field.into(),
            reason: reason.into(),
        }
    }

    pub fn not_permitted(action: impl Into<String>, rule: impl Into<String>) -> Error {
        Error::NotPermitted {
            action: action.into(),
            rule: rule.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_follow_the_design() {
        assert_eq!(Error::CaseNotFound("X".into()).kind().exit_code(), 3);
        assert_eq!(Error::NoIdentity.kind().exit_code(), 1);
        assert_eq!(Error::BadCaseId("x".into()).kind().exit_code(), 4);
        assert_eq!(Error::Locked(10).kind().exit_code(), 5);
        assert_eq!(Error::Internal("x".into()).kind().exit_code(), 70);
    }
}
