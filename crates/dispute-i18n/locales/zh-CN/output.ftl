# Everything src/output.rs prints: status lines, error lines, tables, the case sheet of `show`.

## Lines on stderr
out-notice = 注意：{ $text }
out-warning = 警告：{ $text }
out-committed = 已提交 { $commit }  { $subject }
out-error = 错误：{ $message }
out-hint = 提示：{ $hint }
out-cannot-write = 无法写入：{ $reason }
out-written = 已写入 { $path }
out-list-total = 共 { $n } 件
out-overdue-total = 截至 { $date }，超期事项共 { $n } 项
out-findings-total = 核验了 { $checked } 个改动案卷的提交，发现 { $found } 处问题

## Joining labels in one cell or line
out-list-separator = 、

## Table headings
out-col-id = 编号
out-col-name = 姓名
out-col-dept = 部门
out-col-roles = 角色
out-col-email = 邮箱
out-col-status = 状态
out-col-category = 类别
out-col-payer = 缴费人
out-col-district = 辖区
out-col-received-at = 受理时间
out-col-next-due = 下一时限
out-col-done-at = 办理时间
out-col-operator = 操作员
out-col-action = 动作
out-col-summary = 说明
out-col-commit = 提交
out-col-committed-at = 提交时间
out-col-pending-item = 待办事项
out-col-responsible-dept = 责任部门
out-col-responsible-person = 责任人
out-col-due = 期限
out-col-days-late = 超期工作日
out-col-case = 案件
out-col-problem = 问题
out-col-row = 行
out-col-column = 列
out-col-reason = 原因

## Cells
out-operator-active = 在用
out-operator-inactive = 已停用
out-due-late = { $due }（超期{ $days }个工作日）
out-dept-handler = { $dept }承办人
out-log-foreign-author = { $name } <{ $email }>（非 dispute 提交）

## The case sheet of `show`
out-sheet-title = 案件 { $id }　{ $status }
out-sheet-case-title = 标题：{ $title }
out-sheet-field-separator = {"　"}
out-sheet-sec-registration = 【受理登记】
out-sheet-received-by = 受理部门：{ $dept }　首问责任人：{ $receiver }
out-sheet-received-at = 受理时间：{ $time }　渠道：{ $channel }　辖区：{ $district }
out-sheet-payer = 缴费人：{ $name }（{ $kind }）　电话：{ $phone }
out-sheet-payer-contact = 联系人：{ $contact }
out-sheet-payer-id = 证件号码：{ $id }
out-sheet-matter = 反映事项：
out-sheet-sec-classification = 【分类】
out-sheet-classification = 事项类型：{ $track }　争议类别：{ $category }
out-sheet-unclassified = 未分类
out-sheet-insurance = 险种：{ $insurance }
out-sheet-sec-deadlines = 【办理时限（本县设定）】
out-sheet-deadline = { $label }：{ $due }{ $state }
out-sheet-overdue-days = （已超期 { $days } 个工作日）
out-sheet-done = （已完成）
out-sheet-sec-assignments = 【联办（承办）部门】
out-sheet-assignment = { $dept }　期限 { $due }　{ $state }
out-sheet-assignment-withdrawn = 已撤回（{ $time }：{ $reason }）
out-sheet-opinion-submitted = 已提交 { $time }
out-sheet-opinion-submitted-late = 已提交 { $time }（逾期）
out-sheet-opinion-missing = 未提交{ $late }
out-sheet-sec-opinion = 【书面意见：{ $dept }】
out-sheet-who-when = { $who }　{ $time }
out-sheet-when-who = { $time }　{ $who }
out-sheet-sec-leading-group = 【上报领导小组】
out-sheet-escalated = { $time }　{ $who }上报：{ $reason }
out-sheet-decided = { $time }　{ $who }：{ $decision }。{ $note }
out-sheet-approval-pending = 待组长审批
out-sheet-sec-consultation = 【会商：{ $kind }】
out-sheet-consultation = { $time }　记录人 { $who }　参会：{ $attendees }
out-sheet-minutes = 会议纪要：
out-sheet-sec-referral = 【报送单】
out-sheet-referred = 报送：{ $time }　{ $who }
out-sheet-referral-receiver = 受理人：{ $name }　电话：{ $phone }　受理时间：{ $time }
out-sheet-referral-summary = 反映内容摘要：
out-sheet-referral-opinion = 报送意见：{ $opinion }
out-sheet-referral-feedback-due = 反馈受理部门日期：{ $date }
out-sheet-referral-dispatched = 已转办：{ $time }　12345工单 { $ticket }
out-sheet-referral-pending = 待县政府办转办
out-sheet-sec-redirect = 【告知另行办理】
out-sheet-redirected = { $time }　{ $who }：告知缴费人到{ $dept }办理。{ $note }
out-sheet-sec-discipline = 【移交纪委监委】
out-sheet-discipline = { $time }　{ $who }：{ $dept }拒不办理。{ $reason }
out-sheet-sec-reply = 【书面回复（总处理意见）】
out-sheet-sec-archive = 【归档】
out-sheet-archive-remedy = ，{ $remedy }
out-sheet-archived = { $time }　{ $who }：{ $outcome }{ $remedy }
out-sheet-sec-timeline = 【时间线】
out-sheet-event-dept = （{ $dept }）
out-sheet-event = { $time }　{ $action }{ $about }　{ $who }
out-sheet-imported = 补录：本案历史由 { $by } 于 { $at } 从纸质台账导入，其中的办理记录不是各经办人本人签名
