# Issue 12 (a clerk's first month): the calendar, departments and settings as commands,
# corrections and voiding, writes that happen whole or say what happened, and the rough edges.

## The calendar
clerk-calendar-year-missing = casebook.toml 中没有 { $year } 年的法定节假日安排，该年的期限暂按周一至周五计算；国务院办公厅公布后，请管理员用 dispute admin calendar add { $year } --off 日期或起..止 --workday 调休上班日 补充
clerk-calendar-next-missing = 还没有 { $year } 年的法定节假日安排；国务院办公厅公布后用 dispute admin calendar add { $year } --off … --workday … 补充
clerk-field-calendar-year = 年份
clerk-field-calendar-off = 放假日期（--off）
clerk-field-calendar-workday = 调休上班日期（--workday）
clerk-field-calendar-file = 节假日安排文件
clerk-calendar-bad-year = { $year } 不是 2000–2100 之间的年份
clerk-calendar-no-off = 至少要有一个 --off 放假日期（单日如 2027-01-01，或起止如 2027-02-06..2027-02-14）
clerk-calendar-bad-entry = “{ $entry }”不是日期（2027-01-01）或日期范围（2027-02-06..2027-02-14）
clerk-calendar-other-year = “{ $entry }”不在 { $year } 年内
clerk-calendar-overlap = { $a } 与 { $b } 重叠
clerk-calendar-workday-range = 调休上班日要逐日列出，不能用范围“{ $entry }”
clerk-calendar-workday-weekday = { $date } 不是周六或周日，本来就上班，不必列为调休上班日
clerk-calendar-both = { $date } 同时列为放假和调休上班
clerk-calendar-file-year = 文件写的是 { $file } 年，命令写的是 { $year } 年
clerk-calendar-exists = 日历中已有 { $year } 年的法定节假日安排
clerk-calendar-exists-hint = 用 dispute admin calendar list 查看；若国务院办公厅发布了更正，加 --replace 整年替换：dispute admin calendar add { $year } --replace --off …
clerk-calendar-same = { $year } 年的安排与日历中已有的完全相同，无需替换
clerk-calendar-nothing-to-replace = 日历中还没有 { $year } 年，不需要 --replace
clerk-calendar-add-summary = 补充 { $year } 年法定节假日安排（放假 { $off } 段，调休上班 { $workdays } 天）
clerk-calendar-replace-summary = 替换 { $year } 年法定节假日安排（放假 { $off } 段，调休上班 { $workdays } 天）
clerk-col-year = 年份
clerk-col-days-off = 放假
clerk-col-workdays = 调休上班

## Departments and settings
clerk-field-county = 县名
clerk-field-leader-title = 组长职务
clerk-field-dept-code = 部门代码
clerk-field-dept-name = 部门全称
clerk-field-dept-short = 部门简称
clerk-dept-bad-code = “{ $code }”不能作部门代码：只能是 1–16 个小写英文字母（它是案件编号的前缀）
clerk-dept-reserved = “{ $code }”是本工具保留的代码（县纪委监委、12345 热线办不是成员单位）
clerk-dept-exists = 部门代码 { $code } 已经是成员单位“{ $name }”
clerk-dept-exists-hint = 用 dispute admin dept list 查看成员单位；改名用 dispute admin dept edit { $code } --name … --short …
clerk-dept-add-summary = 增加成员单位 { $code } { $name }
clerk-dept-edit-nothing = 要用 --name 或 --short 给出新名称
clerk-dept-edit-unchanged = { $code } 的名称没有变化
clerk-dept-edit-summary = 修改成员单位 { $code } 的名称：{ $name }（{ $short }）
clerk-col-code = 代码
clerk-col-dept-name = 全称
clerk-col-dept-short = 简称
clerk-col-leading-group = 领导小组中
clerk-group-office = 领导小组办公室所在单位
clerk-group-deputy = 副组长单位
clerk-group-member = 成员单位

## Operators
clerk-operator-exists = 操作员编号 { $id } 已被使用
clerk-operator-email-taken = 邮箱 { $email } 已登记给操作员 { $id }
clerk-operator-taken-hint = 换一个编号或邮箱；用 dispute operator list 查看已登记的操作员
clerk-operator-taken-disabled-hint = { $id } 已停用；如是同一人回来工作，用 dispute operator enable { $id } 重新启用，不要重复登记

## Help of the admin commands
cli-admin-calendar-about = 法定节假日安排（按国务院办公厅通知）：补充一年、列出已有年份
cli-admin-calendar-add-about = 补充一年的法定节假日安排（更正已有年份加 --replace）；例：dispute admin calendar add 2027 --off 2027-01-01 --off 2027-02-06..2027-02-14 --workday 2027-02-20
cli-admin-calendar-add-year = 年份，如 2027
cli-admin-calendar-add-off = 放假日期：单日（2027-01-01）或起..止（2027-02-06..2027-02-14），可重复
cli-admin-calendar-add-workday = 调休上班的周六或周日（2027-02-20），可重复
cli-admin-calendar-add-file = 从 TOML 文件读取：off = ["2027-01-01", "2027-02-06..2027-02-14"]，workday = ["2027-02-20"]
cli-admin-calendar-add-replace = 整年替换日历中已有的这一年（通知更正时用）
cli-admin-calendar-list-about = 列出日历中已有的年份及其放假、调休上班日期
cli-admin-calendar-list-json = 输出 JSON
cli-admin-dept-about = 成员单位：增加、改名、列出（部门代码不能改，它是案件编号的前缀）
cli-admin-dept-add-about = 增加一个成员单位（重大疑难事项专案办理时也会指派它）
cli-admin-dept-add-code = 部门代码：小写英文字母，如 housing
cli-admin-dept-add-name = 全称，如 芮城县住房和城乡建设局
cli-admin-dept-add-short = 简称（表格中用），如 县住建局
cli-admin-dept-edit-about = 修改成员单位的全称或简称（代码不变）
cli-admin-dept-edit-code = 部门代码
cli-admin-dept-edit-name = 新全称
cli-admin-dept-edit-short = 新简称
cli-admin-dept-list-about = 列出成员单位及其代码
cli-admin-dept-list-json = 输出 JSON

## Identity
clerk-err-unknown-git-email = 没有指定操作员，而 git 的 user.email（{ $email }）不是本案卷库任何操作员的邮箱
clerk-hint-unknown-git-email = 用 --as 操作员编号（或环境变量 DISPUTE_OPERATOR）选择操作员，用 --key 私钥文件（或 DISPUTE_KEY）指定本人的私钥；或在本案卷库中 git config user.email 登记的邮箱；dispute operator list 列出操作员
clerk-key-taken-hint = 每位操作员用自己的密钥：用 dispute keygen 生成一把新的，再登记它的公钥

## Corrections and voiding
clerk-status-voided = 已作废
clerk-action-correct = 更正登记信息
clerk-action-void = 作废
clerk-commit-correct = 更正{ $field }
clerk-commit-void = 作废（误登记）
clerk-field-payer-kind = 缴费人类型
clerk-field-payer-name = 缴费人名称
clerk-field-payer-id = 证件号码
clerk-field-contact = 联系人
clerk-field-phone = 联系电话
clerk-field-summary = 反映事项
clerk-field-title = 标题
clerk-field-district = 所在辖区
clerk-field-channel = 受理渠道
clerk-field-category = 争议类别
clerk-correct-unchanged = { $field }已经是“{ $value }”，无需更正
clerk-correct-unchanged-hint = 用 dispute show { $id } 查看现有的登记信息
clerk-correct-required = 这一项不能清空，请用 --value 给出正确内容
clerk-correct-bad-category = “{ $value }”不是 1–10 的争议类别编号（dispute categories 列出十类）
clerk-correct-bad-code = “{ $value }”不是可用的值：{ $codes }
clerk-void-work-done = 已有办理记录（{ $action }），只能作废刚登记或刚分类的案件；请按流程办结，登记有误的事项用 dispute correct 更正
clerk-field-reason = 理由
cli-correct-about = 更正登记信息（受理部门办理；原值留在历史中，dispute show 列出每次更正）
cli-correct-id = 案件编号（如 TAX-2026-0001）
cli-correct-field = 要更正的项目
cli-correct-value = 正确的内容（标题、联系人、证件号码可用空值 "" 清空）
cli-correct-reason = 更正理由（记入案件）
cli-correct-at = 实际更正时间（RFC 3339），默认现在
cli-void-about = 作废误登记的案件（只限已登记或刚分类、尚未办理的案件；编号保留，不再出现在列表和统计中）
cli-void-id = 案件编号（如 TAX-2026-0001）
cli-void-reason = 作废理由（记入案件）
cli-void-at = 实际作废时间（RFC 3339），默认现在

## The case sheet (show)
clerk-sheet-decided-note = { $time }　{ $who }：{ $note }
clerk-sheet-done-late = （已完成，逾期 { $days } 个工作日）
clerk-sheet-sec-void = 【作废】
clerk-sheet-voided = { $time }　{ $who }作废本案：{ $reason }
clerk-sheet-sec-corrections = 【更正记录】
clerk-sheet-correction = { $time }　{ $who }更正{ $field }：{ $change }
clerk-sheet-correction-change = 原为“{ $old }”，改为“{ $new }”
clerk-sheet-correction-hidden = 保密项，原值不在此显示（见 git 历史）
clerk-sheet-correction-reason = 理由：{ $reason }
clerk-sheet-empty = （空）

## Writes that happen whole or say what happened
clerk-precheck-symlink = 是符号链接，不能写入
clerk-precheck-not-a-dir = 不是目录，挡住了要写入的路径
clerk-precheck-not-a-file = 不是普通文件
clerk-precheck-read-only = 没有写权限（目录只读）
clerk-precheck-full = 磁盘已满
clerk-err-worktree-blocked = 工作区的 { $path } { $reason }，本次未写入任何内容
clerk-hint-worktree-blocked = 先排除这个问题（删除或改正该路径、恢复写权限、腾出磁盘空间；用 git status 查看），再重新运行同一命令
clerk-err-committed = 已提交 { $what }（提交 { $commit }），但之后更新工作区时出错：{ $problem }
clerk-hint-committed = 这一步已记入案卷库，不要重做（不要重新登记）；排除问题后运行任一 dispute 命令会补齐工作区，dispute show / dispute log 可查看 { $what }
clerk-recovered-worktree = 上一次写入（{ $subject }）已提交但未更新工作区，现已按 HEAD 补齐：{ $paths }
clerk-recovered-overtaken = 上一次写入（{ $subject }，提交 { $commit }）已提交但未更新工作区，之后分支又被其他提交改动（现在 HEAD 为 { $head }），未自动改动工作区；请用 dispute verify 检查历史，用 git status 查看工作区
clerk-recovered-nothing = 上一次写入（提交 { $commit }）在移动分支前中断，没有进入案卷库，案卷库未被改动

## Rough edges
clerk-classify-needs-category = 没有争议类别：登记时没有给出，请用 --category 指定（1–10，dispute categories 列出十类）
clerk-classify-needs-track = 请用 --track own|general|major 分类，或用 --redirect 部门 --note … 告知另行办理
-dispute-categories = 1 { category-1 }；2 { category-2 }；3 { category-3 }；4 { category-4 }；5 { category-5 }；6 { category-6 }；7 { category-7 }；8 { category-8 }；9 { category-9 }；10 { category-10 }（dispute categories 列出）
clerk-col-category-number = 编号
clerk-col-category-name = 争议类别
clerk-categories-source = 依据：县社会保险费征缴争议联合处置机制 三（三）
cli-categories-about = 列出十类争议事项及其编号（--category 用编号）
cli-categories-json = 输出 JSON

# Each action as a verb phrase, for refusals: 无权{verb}, 不能{verb}, 还不能{verb}.
clerk-verb-register = 受理登记
clerk-verb-classify = 分类
clerk-verb-redirect = 告知缴费人另行办理
clerk-verb-assign = 指派联办部门
clerk-verb-unassign = 撤回指派
clerk-verb-dispatch = 转交承办部门
clerk-verb-opinion = 提交书面意见
clerk-verb-escalate-leading-group = 上报领导小组
clerk-verb-escalate-hotline = 报送县政府办
clerk-verb-escalate-discipline = 移交纪委监委
clerk-verb-approve = 同意按专案办理
clerk-verb-reject = 不同意按专案办理
clerk-verb-consult = 组织会商
clerk-verb-reply = 书面回复缴费人
clerk-verb-archive = 将案卷归档
clerk-verb-correct = 更正登记信息
clerk-verb-void = 作废本案

# What a case waits for next (the hint when an action comes out of order).
clerk-next-registered = 请先用 dispute classify { $id } --track own|general|major 分类（不属本机制的用 --redirect 部门 --note … 告知另行办理）
clerk-next-handling = 本案在办理中，书面回复前还缺：{ $missing }；dispute show { $id } 查看详情
clerk-next-reply = 本案在办理中，记录已齐，下一步书面回复：dispute reply { $id } --file 回复.txt
clerk-next-awaiting-approval = 本案等待领导小组组长审批：dispute approve { $id } --note …（不同意加 --reject），由组长办理
clerk-next-referred = 本案等待县政府办转办：dispute assign { $id } --dept 承办部门 --hotline-ticket 工单号，由县政府办转办人办理
clerk-next-replied = 本案已书面回复，下一步归档：dispute archive { $id } --outcome accepted（有异议：--outcome objected --remedy …）
clerk-next-archived = 本案已归档，办理已结束；dispute show { $id } 查看全部记录
clerk-next-redirected = 本案已告知缴费人另行办理，已结束；dispute show { $id } 查看
clerk-next-voided = 本案已作废，不再办理；dispute show { $id } 查看作废理由
clerk-err-bad-date = 日期“{ $date }”无法识别
clerk-hint-bad-date = 日期写作 YYYY-MM-DD（如 2026-03-16），也可写作 2026/3/16；不需要时刻
clerk-import-not-replayed = 导入不能重演这一步（县政府办转办、移交纪委监委），请在导入后用相应命令办理，或清空这一列
clerk-import-voided = 这件案件已作废，不导入；删去这一行后重新导入
clerk-field-field = 更正的字段
clerk-correct-sealed-field = 本案卷库的缴费人名称（个人）、证件号码、联系人和电话已加密保存，暂不能用 dispute correct 更正（更正后的值须重新加密给本案各部门，尚未实现）；请在 dispute show 中核对，必要时作废后重新登记
