# Messages of the subcommands (src/cli): status lines, warnings, refusals, and the names of
# the fields a refusal is about.

## Field names in refusals ("字段：原因")
cmd-field-approval-note = 审批意见
cmd-field-assigned-depts = 联办部门
cmd-field-attendees = 参会部门
cmd-field-category = 争议类别
cmd-field-contact = 联系人
cmd-field-county = 县名
cmd-field-dept = 部门
cmd-field-email = 邮箱
cmd-field-export-format = 导出格式
cmd-field-hotline-ticket = 12345工单号
cmd-field-minutes = 会议纪要
cmd-field-name = 姓名
cmd-field-note = 备注
cmd-field-note-classify = 说明
cmd-field-operator-id = 操作员编号
cmd-field-opinion = 书面意见
cmd-field-payment-day = 缴纳之日
cmd-field-reason = 理由
cmd-field-referral-form = 报送单
cmd-field-referral-summary = 反映内容摘要
cmd-field-reply = 回复
cmd-field-summary = 反映事项
cmd-field-withdraw-reason = 撤回理由

## Shared
cmd-duplicate = { $value } 重复
cmd-text-and-file = --text 和 --file 只能用一个
cmd-text-or-file = 须用 --text 或 --file 提供
cmd-not-a-regular-file = 不是普通文件
cmd-text-too-large = 超过 { $bytes } 字节的上限
cmd-not-utf8 = 不是 UTF-8 文本
cmd-bad-case-files = 共 { $count } 个案件文件无法读取，已跳过

## init
cmd-init-done = 已在 { $dir } 建立案卷库，管理员 { $name }（{ $id }）

## operator
# Goes into the commit message (always Chinese).
cmd-operator-add-summary = { $id } { $name }（{ $dept }；{ $roles }）
cmd-operator-disable-self = 管理员不能停用自己
cmd-operator-already-disabled = { $id } 已经停用
cmd-operator-action = 管理操作员
cmd-operator-admin-only = 只有管理员（admin）可以新增或停用操作员

## classify
cmd-category-required = 须用 --category 指定

## escalate
cmd-escalate-dept-only-discipline = 只有 --to discipline 需要 --dept
cmd-escalate-form-only-hotline = --summary 和 --receiver-phone 只用于 --to hotline
cmd-escalate-discipline-needs-dept = --to discipline 须用 --dept 指明拒不办理的部门

## export
cmd-export-xlsx-terminal = xlsx 是二进制文件，不能输出到终端；请用 -o 文件名.xlsx 写入文件
cmd-export-kept-masked = { $count } 件案件不是本部门受理或联办（承办）的，其缴费人信息仍已遮盖
cmd-export-written = 台账共 { $count } 件案件
cmd-export-extension-mismatch = 文件 { $path } 的扩展名与导出格式 { $format } 不一致，按 { $format } 写入
cmd-export-sheet-name = 台账

## import
cmd-import-too-large = 超过 { $mib } MiB 的上限
cmd-import-no-cases = 文件中没有案件
cmd-import-action = 导入台账
cmd-import-receiver-only = 只有受理人（receiver）可以导入案件，案件记为其所在部门受理
cmd-import-dry-run-ok = 检查通过：{ $count } 行可以导入（--dry-run，未写入）

## latefee
cmd-latefee-to-before-from = { $to } 早于欠缴之日 { $from }
cmd-latefee-result =
    欠缴金额：{ $amount } 元
    滞纳期间：{ $from } 至 { $to }，共 { $days } 天（含起止两日）
    日滞纳金率：万分之五（{ $law }）
    滞纳金：{ $amount } 元 × 0.05% × { $days } 天 = { $fee } 元

## man
cmd-man-manual = dispute 使用手册
cmd-man-written = 已在 { $dir } 写入 { $count } 个手册页
cmd-man-section-name = 名称
cmd-man-section-synopsis = 概要
cmd-man-section-description = 描述
cmd-man-section-extra = 附注
cmd-man-section-version = 版本
cmd-man-section-authors = 作者
cmd-field-role = 角色
cmd-operator-already-active = { $id } 没有停用
cmd-operator-edit-own-admin = 管理员不能取消自己的管理员角色
cmd-operator-edit-nothing = 没有要改动的内容（{ $id } 已是这样）
cmd-key-taken = 这把公钥已登记给 { $id }，每把密钥只能登记一次
cmd-field-setting = 设置
cmd-field-output = 输出文件
cmd-field-passphrase = 口令
cmd-admin-signing-already = 本案卷库已经要求签名
cmd-admin-signing-summary = 自本次提交起，每次提交都须由操作员的密钥签名
cmd-admin-set-summary = 设置 { $name } = { $value }
cmd-admin-bad-hours = “{ $value }”不是时长（如 72h 或 3d，最长 100 年）
cmd-admin-bad-days = “{ $value }”不是 0–365 之间的工作日数
cmd-admin-unchanged = { $name } 已经是 { $value }
cmd-admin-unknown-setting = 没有设置“{ $name }”；可设置：{ $known }
cmd-keygen-no-home = 没有 HOME 目录，请用 -o 指定私钥文件
cmd-keygen-exists = { $path } 已存在，不会覆盖
cmd-keygen-passphrase = 新私钥的口令：
cmd-keygen-passphrase-again = 再输入一次：
cmd-keygen-passphrase-differs = 两次输入的口令不同
cmd-keygen-done = 已生成私钥 { $path } 和公钥 { $public }；请把公钥交给管理员登记（dispute operator key 或 operator add --public-key），私钥留在本人手中
cmd-operator-change-summary = { $id } { $name }：{ $what }
