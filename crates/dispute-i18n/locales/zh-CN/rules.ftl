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
rules-missing-member-opinions = 成员单位的书面意见（{ $depts }；也可由组长同意免予出具：dispute exempt）
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

## The petition bureau's leads (三（二）8)
label-action-lead = 信访局移交线索
rules-rule-petition = 只有县信访局的受理人或承办人可以移交线索
rules-lead-own = 本部门办理的事项不指派其他部门：请受理部门先用 dispute classify 编号 --track general 改为一般事项
rules-lead-referral = 报送事项由县政府办转交承办部门，不另移交线索
rules-field-lead-dept = 接收线索的部门
rules-lead-self = 线索应移交相关职能部门，不能移交给本部门
rules-commit-lead = 县信访局将线索移交{ $dept }，案件继续办理
rules-sheet-sec-lead = 【信访线索】
rules-sheet-lead = { $time }　{ $who }：移交{ $dept }。{ $note }
cli-lead-about = 县信访局将争议事项的问题线索移交相关职能部门（三（二）8）：该部门被指派办理、出具书面意见，案件继续办理。只能由县信访局的受理人或承办人办理。
cli-lead-id = 案件编号
cli-lead-to = 接收线索的职能部门（部门代码）
cli-lead-note = 线索内容
cli-lead-at = 实际移交时间（RFC 3339），默认现在

## Online public opinion (三（二）9)
label-action-opinion-watch = 网信办监测舆情
label-action-opinion-response = 网信办记录舆情应对
rules-rule-cac = 只有县委网信办的受理人或承办人可以记录网络舆情及其应对
rules-field-incident = 舆情
rules-incident-unknown = 本案没有第 { $n } 条舆情（共 { $count } 条）
rules-incident-none-open = 本案没有待应对的舆情（先用 dispute opinion-watch 编号 --source … --summary … 记录）
rules-incident-answered = 第 { $n } 条舆情已记录应对
rules-commit-opinion-watch = 县委网信办监测到涉及本案的网络舆情
rules-commit-opinion-response = 县委网信办记录舆情应对
rules-sheet-sec-opinion = 【网络舆情 { $n }】
rules-sheet-opinion = { $time }　{ $who }　来源：{ $source }
rules-sheet-opinion-response = 应对：{ $time }　{ $who }
rules-sheet-opinion-open = 应对：尚未记录
cli-opinion-watch-about = 县委网信办记录涉及本案的网络舆情（三（二）9），或用 --response 记录舆情应对。只能由县委网信办的受理人或承办人办理。
cli-opinion-watch-id = 案件编号
cli-opinion-watch-source = 舆情来源（平台、网站、栏目）
cli-opinion-watch-summary = 舆情摘要（不写缴费人个人信息）
cli-opinion-watch-response = 记录舆情应对（而不是新的舆情）
cli-opinion-watch-incident = 应对第几条舆情（默认：最近一条尚未应对的）
cli-opinion-watch-at = 实际时间（RFC 3339），默认现在
rules-opinion-watch-needs = 记录舆情须写 --source 和 --summary；记录应对用 --response
rules-opinion-watch-either = --response 记录应对，不与 --source、--summary 同用

## Policy consultations of the leading group (四（二）)
policy-id-mismatch = 文件中的编号 { $id } 与文件位置不符
policy-field-id = 会商编号
policy-bad-id = “{ $id }”不是会商编号（格式 PC-2026-0001）
policy-action = 记录领导小组政策性问题会商
policy-rule-office = 只有领导小组办公室（office）可以记录政策性问题会商
policy-commit = 领导小组会商政策性、普遍性问题（{ $depts }个部门参加，涉及{ $cases }件案件），形成会议纪要
policy-audit-changed = 会商记录 { $path } 只能新建，不能修改或删除
policy-audit-trailer = 提交的 Policy 与会商记录的编号 { $id } 不符
policy-audit-who-when = 会商记录 { $id } 的记录人或时间与提交不符
policy-audit-one-file = policy-consult 提交只能新建一个 policy/ 下的会商记录
policy-case-missing = 案卷库里没有案件 { $id }
policy-field-topic = 议题
policy-field-minutes = 会议纪要
policy-untracked = { $path } 已存在但未提交（手工文件？）：请先处理
policy-list-empty = 还没有政策性问题会商记录
policy-col-id = 编号
policy-col-at = 会商时间
policy-col-topic = 议题
policy-col-attendees = 参会部门
policy-col-cases = 涉及案件
cli-policy-consult-about = 领导小组办公室记录一次政策性、普遍性、倾向性问题会商（四（二））：不属于某一件案件，单独成文（policy/ 下），列出会议纪要和涉及的案件。标准输出只打印新的会商编号。
cli-policy-consult-topic = 议题（不写缴费人个人信息）
cli-policy-consult-attendee = 参会部门代码（逗号分隔或多次填写）
cli-policy-consult-minutes = 会议纪要全文
cli-policy-consult-file = 从文件读取会议纪要（UTF-8；- 为标准输入）
cli-policy-consult-cases = 涉及的案件编号（逗号分隔或多次填写）
cli-policy-consult-at = 实际会商时间（RFC 3339），默认现在
cli-policy-about = 领导小组政策性问题会商记录
cli-policy-list-about = 列出政策性问题会商记录
cli-policy-list-json = 以 JSON 输出
cli-policy-list-year = 只列出此年度的会商

## stats: public opinion
rules-stats-opinion = 网络舆情：{ $incidents } 起（已记录应对 { $answered } 起）；信访局移交线索 { $leads } 条
rules-field-case = 涉及案件
rules-stats-col-max-days-late = 最长超期（工作日）
rules-stats-col-opinion-incidents = 舆情

## Both parties (四（四）: 向争议双方进行反馈)
rules-field-counterparty = 争议另一方
rules-counterparty-same-kind = 劳动关系争议的另一方须与缴费人不同：个人的另一方是用人单位，用人单位的另一方是职工
rules-party-payer = 缴费人
rules-party-counterparty = 争议另一方
rules-sheet-counterparty = 争议另一方：{ $name }（{ $kind }）{ $phone }
rules-sheet-informed = 已告知：{ $parties }
rules-sheet-act-date = 行政行为知悉日：{ $date }
rules-audit-counterparty-sealing = 争议另一方的信息应与缴费人信息一起加密：只留遮盖后的电话和个人姓名，密文向与缴费人信息相同的接收部门开放
cli-register-counterparty = 劳动关系争议（职工与用人单位之间）的另一方名称：书面回复告知争议双方，告知书每方一份
cli-register-counterparty-phone = 争议另一方的电话

## The leader's decision on a rejection
rules-field-handled-as = 组长决定的办理方式
rules-handled-as-only-reject = 只有不同意专案办理（--reject）时才用 --handle-as 写明如何办理；--reject 必须写明
rules-handled-as-own-or-general = 组长不同意专案办理时，决定按一般事项（general）或由受理部门按本部门职责（own）办理
rules-handled-as-referral = 报送事项仍由承办部门办理，不另定办理方式
rules-data-own-unassigned = 组长决定由受理部门按本部门职责办理
rules-commit-reject-as = 组长不同意专案办理，改为{ $track }
rules-sheet-handled-as = 组长决定：改为{ $track }
cli-approve-handle-as = 与 --reject 同用：组长决定的办理方式
cli-approve-handle-as-general = 一般事项，由受理部门牵头联办
cli-approve-handle-as-own = 由受理部门按本部门职责办理

## The reply: the date of the administrative act
rules-field-act-date = 行政行为知悉日
rules-act-date-future = { $date } 晚于回复日期
cli-reply-act-date = 缴费人知道所争议的行政行为的日期（YYYY-MM-DD）：书面告知书据此计算行政复议、行政诉讼期限的最后一日；不填则只写明期限规则

## The written notice: each party, periods as rules
rules-notice-opening-counterparty = { $payer }于{ $date }反映的“{ $about }”事项涉及{ $you }（案件编号：{ $id }），{ $dept }已受理。经依法办理，现将处理意见书面告知如下：
rules-notice-copies-two = （本告知书一式三份，争议双方各一份，一份存档）
rules-notice-periods-rule = 上述行政复议、行政诉讼期限自知道或者应当知道该行政行为之日起计算，不以收到本告知书之日起算。
rules-notice-periods-rule-arbitration = 上述行政复议、行政诉讼期限自知道或者应当知道该行政行为之日起计算，仲裁时效自知道或者应当知道权利被侵害之日起计算，均不以收到本告知书之日起算。
rules-notice-act-date = 经核实，缴费人于{ $date }知道该行政行为，上述行政复议、行政诉讼期限据此计算。
rules-notice-act-date-arbitration = 经核实，缴费人于{ $date }知道该行政行为，上述行政复议、行政诉讼期限据此计算；仲裁时效自知道或者应当知道权利被侵害之日起计算。
rules-notice-no-counterparty = 本案没有登记争议另一方（dispute register --counterparty），只有缴费人一份告知书
cli-form-party = 只打印这一方的告知书：payer（缴费人）或 counterparty（争议另一方）；默认争议双方各一份
cli-form-party-payer = 缴费人
cli-form-party-counterparty = 劳动关系争议的另一方
rules-form-party-notice-only = --party 只用于书面告知书（notice）

## The actions as verbs, for refusals (“无权调解”, “不能反馈办理情况”): clerk-verb-<code>
clerk-verb-mediate = 调解
clerk-verb-exempt = 同意免予出具书面意见
clerk-verb-feedback = 反馈办理情况
clerk-verb-lead = 移交线索
clerk-verb-opinion-watch = 记录网络舆情
clerk-verb-opinion-response = 记录舆情应对
