# The workflow (crates/dispute-core/src/workflow.rs): refusals, fields, what a reply lacks.
# The two "data" messages (wf-data-*) are written into case files and always taken in Chinese.
wf-action-on-case = { $action }（{ $id }）
wf-list-sep = 、
## Who may act
wf-rule-opinion-handler-only = 只有承办人（handler）可以提交书面意见
wf-rule-opinion-own-dept = 承办人只能提交本部门的书面意见
wf-rule-leader-only = 只有领导小组组长（leader）可以审批重大疑难事项
wf-rule-dispatch-gov = 报送事项只能由县政府办的转办人（dispatcher）转交承办部门
wf-rule-referral-assign-gov = 报送事项的承办部门由县政府办的转办人（dispatcher）指派
wf-rule-consult = 会商由受理部门的受理人或领导小组办公室（office）组织
wf-rule-receiver-only = 只有受理部门（{ $dept }）的受理人（receiver）可以办理本案
wf-rule-register-receiver = 只有受理人（receiver）可以受理登记
## Fields named in refusals
wf-field-track = 事项类型
wf-field-redirect-dept = 告知部门
wf-field-depts = 联办部门
wf-field-due = 办理期限
wf-field-ticket = 12345工单号
wf-field-receiver-phone = 受理人电话
wf-field-discipline-dept = 移交部门
wf-field-attendees = 参会部门
wf-field-remedy = 救济途径
## Refusals
wf-classify-no-referral = 报送办理请用 dispute escalate --to hotline
wf-redirect-not-self = 不能告知缴费人到受理部门自己办理
wf-assign-none = 至少指定一个部门
wf-due-before-assign = { $due } 早于指派日期 { $day }
wf-dispatch-needs-ticket = 转交承办部门须填写 --hotline-ticket
wf-ticket-only-dispatch = 只有转交报送事项时才填写工单号
wf-own-no-assign = 本部门办理的事项不指派联办部门；需要联办请先用 dispute classify 编号 --track general 改为一般事项
wf-assign-self = 受理部门不需要指派给自己
wf-already-assigned = { $dept }已经指派过
wf-not-assigned = { $dept }目前没有被指派
wf-opinion-not-assigned = { $dept }没有被指派办理本案，不能提交书面意见
wf-already-major = 已经是重大疑难事项
wf-already-escalated = 已经上报过领导小组并由组长作出决定
wf-major-no-referral = 重大疑难事项由领导小组专案办理，不报送转办
wf-already-referred = 已经报送过县政府办
wf-referral-needs-phone = 报送单须填写受理人电话：用 --receiver-phone，或在操作员信息中登记电话
wf-discipline-never-assigned = { $dept }从未被指派办理本案，不能以拒不办理为由移交
wf-major-consult-needs-approval = 重大事项会商须经领导小组组长同意（本案不是经批准的重大疑难事项）
wf-consult-no-attendees = 至少列出一个参会部门
wf-objected-needs-remedy = 缴费人有异议时须用 --remedy 记录其选择的救济途径
wf-accepted-no-remedy = 缴费人无异议时不填写救济途径
wf-reply-missing = 缺少{ $items }
## What a reply still lacks
wf-missing-opinion = { $dept }的书面意见
wf-missing-assignment = 联办部门（尚未用 dispute assign 指派）
wf-missing-approval = 领导小组组长的同意
wf-missing-minutes = 重大事项会商的会议纪要
wf-missing-dispatch = 县政府办转交的承办部门
wf-missing-result = 承办部门{ $dept }的办理结果
wf-missing-classify = 分类
## Written into case files
wf-data-major-reason = 受理部门分类为重大疑难事项，报请组长同意
wf-data-referral-unassigned = 转为报送办理，由县政府办转交承办部门
