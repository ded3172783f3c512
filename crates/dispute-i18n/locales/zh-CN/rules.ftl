# The rules of the regulation as written (issue 13): the workroom of the approval bureau,
# every member on a major matter, the leader's own time limit, the 12345 loop, petitions,
# online public opinion, policy consultations, both parties of a dispute.

## The rules edition of a casebook
rules-book-edition-unsupported = 办理规则版本 { $rules } 不受支持（本工具支持 1 至 { $supported }）

## Labels
label-action-mediate = 调解
label-action-exempt = 组长同意免予出具书面意见
obligation-approval = 组长审批
dept-leading-group = 领导小组（组长）

## Who may act
rules-rule-receiver-or-workroom = 只有受理部门（{ $dept }）的受理人，或争议处理工作室（县行政审批服务管理局的受理人，限一般事项）可以办理

## Classification
rules-reclassify-own-only = 办理中的事项只能由“本部门办理”改为“一般事项”（本案为{ $track }）
rules-commit-reclassify-general = 本部门办理改为一般事项，由受理部门牵头联办

## Mediation
rules-mediate-general-only = 调解用于一般事项和本部门办理的事项；重大疑难事项由领导小组会商，报送事项由承办部门办理
rules-commit-mediate = { $dept }组织调解，记录调解结果

## Major matters: every member unit's written opinion, or the leader's exemption
rules-missing-member-opinion = { $dept }的书面意见（或组长同意免予出具：dispute exempt）
rules-field-exempt-dept = 免予出具意见的部门
rules-exempt-major-only = 只有经组长同意专案办理的重大疑难事项才需要全体成员单位的书面意见，才能免予出具
rules-exempt-not-member = { $dept } 不是本专案的成员单位
rules-exempt-has-opinion = { $dept } 已经出具书面意见，无需免予出具
rules-exempt-already = { $dept } 已经免予出具书面意见
rules-commit-exempt = 组长同意{ $dept }免予出具书面意见
rules-field-mediation-result = 调解结果
rules-admin-bad-edition = 办理规则版本须为 1 至 { $supported } 的整数，不是“{ $value }”
rules-admin-no-downgrade = 办理规则版本只能升级（现为 { $from }，不能改为 { $to }）：以往的办理记录按当时的版本核验

## Command-line help
cli-mediate-about = 记录一次调解及其结果。一般事项由争议处理工作室（县行政审批服务管理局的受理人）或受理部门调解；本部门办理的事项由受理部门调解。
cli-mediate-id = 案件编号
cli-mediate-result = 调解结果
cli-mediate-file = 从文件读取调解结果（UTF-8；- 为标准输入）
cli-mediate-at = 实际调解时间（RFC 3339），默认现在
cli-exempt-about = 组长同意某成员单位免予出具书面意见（重大疑难事项须全体成员单位的书面意见，否则不能回复）。只有领导小组组长（leader）可以办理。
cli-exempt-id = 案件编号
cli-exempt-dept = 免予出具意见的成员单位（部门代码）
cli-exempt-reason = 免予出具的理由
cli-exempt-at = 实际审批时间（RFC 3339），默认现在

## stats: the leader's own line
rules-stats-approval = 组长审批：已决定 { $decided } 件（按时 { $on_time }，超时 { $late }），待审批 { $pending } 件；从上报到决定的工作日中位数 { $median }，最长 { $max }

## show: the case sheet
rules-sheet-exemption = { $time }　{ $who }：同意{ $dept }免予出具书面意见。{ $reason }
rules-sheet-sec-mediation = 【调解】
rules-sheet-mediation = { $time }　{ $who }（{ $dept }）调解结果：

## The 12345 loop (四（六）): the competent department replies to the payer directly and
## reports back to the receiving department by the date on the referral form
label-action-feedback = 承办部门反馈受理部门
obligation-feedback = 反馈受理部门
rules-rule-referral-reply = 报送事项由县政府办转交的承办部门（受理人或承办人）直接答复缴费人
rules-rule-feedback = 只有报送事项的承办部门（受理人或承办人）可以将办理情况反馈受理部门
rules-dispatch-due-on-form = 承办部门的办理期限是报送单上的反馈日期（{ $date }），转办时不另定期限
rules-referral-no-opinion = 报送事项由承办部门办理：用 dispute reply 直接答复缴费人，用 dispute feedback 将办理情况反馈受理部门
rules-archive-needs-feedback = 承办部门还没有将办理情况反馈受理部门（dispute feedback）
rules-field-feedback = 办理情况反馈
rules-feedback-referral-only = 只有报送县政府办转办的事项才由承办部门反馈受理部门
rules-feedback-already = 承办部门已经反馈过办理情况
rules-commit-feedback = { $dept }将办理情况反馈受理部门
rules-commit-reply-by = { $dept }将处理意见书面告知缴费人
cli-feedback-about = 报送事项的承办部门将办理情况反馈受理部门（报送单：“办理结果直接反馈缴费人，并于某月某日将办理情况反馈受理部门”）。答复缴费人用 dispute reply。
cli-feedback-id = 案件编号
cli-feedback-text = 办理情况
cli-feedback-file = 从文件读取办理情况（UTF-8；- 为标准输入）
cli-feedback-at = 实际反馈时间（RFC 3339），默认现在
rules-sheet-feedback = 办理情况反馈：{ $time }　{ $who }（{ $dept }）
