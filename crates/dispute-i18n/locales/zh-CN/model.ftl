# The model of dispute-core: input checks (val-), casebook.toml (book-), case files (case-),
# schema checks (schema-), payer confidentiality (privacy-), the late fee (fee-).

## validate.rs: field names and reasons of Error::Invalid
val-field-title = 标题
val-field-payer-name = 缴费人名称
val-field-district = 辖区
val-field-phone = 电话
val-field-id-code = 证件号码
val-field-operator-id = 操作员编号
val-field-email = 邮箱
val-field-category = 争议类别
val-control-char = 含有控制字符或不可见字符 U+{ $code }（如双向控制、零宽字符、换行分隔符），请删去后重新输入
val-empty = 不能为空
val-too-long = 长度 { $len } 字节，超过上限 { $max } 字节
val-numbers-in-git-log = 会写入 git 提交说明，不能含电话号码、证件号码等缴费人信息
val-phone-not-mobile = 不是有效的手机号码
val-phone-invalid = 不是有效的手机或固定电话号码（如 13800000000、0359-3012345）
val-id-code-length = 应为 18 位统一社会信用代码或居民身份证号码
val-id-code-check = 校验位不符，请核对证件号码
val-operator-id-format = “{ $value }”应为 1–32 位小写字母、数字、. _ -，以字母开头
val-email-invalid = “{ $value }”不是有效的邮箱地址
val-category-range = { $n } 不在 1–10 之间

## casebook.rs: the defaults written by init, and the checks of casebook.toml
book-leader-title = 分管副县长
book-dept-tax-name = 国家税务总局{ $county }税务局
book-dept-tax-short = 县税务局
book-dept-hrss-name = { $county }人力资源和社会保障局
book-dept-hrss-short = 县人社局
book-dept-medical-name = { $county }医疗保障局
book-dept-medical-short = 县医保局
book-dept-justice-name = { $county }司法局
book-dept-justice-short = 县司法局
book-dept-finance-name = { $county }财政局
book-dept-finance-short = 县财政局
book-dept-approval-name = { $county }行政审批服务管理局
book-dept-approval-short = 县行政审批局
book-dept-petition-name = { $county }信访局
book-dept-petition-short = 县信访局
book-dept-cac-name = 中共{ $county }委网络安全和信息化委员会办公室
book-dept-cac-short = 县委网信办
book-dept-gov-name = { $county }人民政府办公室
book-dept-gov-short = 县政府办
book-format-unsupported = 不支持的格式版本 { $format }（本程序支持 { $supported }）
book-dept-duplicate = 部门代码 { $code } 重复
book-group-unknown-dept = 领导小组引用了不存在的部门 { $code }
book-calendar-wrong-year = { $year } 年的日历中有不属于该年的日期 { $entry }
book-calendar-bad-date = { $year } 年的日历中有无效的日期 { $entry }
book-operator-duplicate = 操作员编号 { $id } 重复
book-operator-unknown-dept = 操作员 { $id } 的部门 { $dept } 不存在
# An operator in logs and tables: name and department.
book-operator-label = { $name }（{ $dept }）

## case.rs, schema.rs
case-id-mismatch = 文件中的编号 { $id } 与文件位置不符
schema-case-mismatch = 不符合 case.schema.json：{ $reason }
schema-casebook-mismatch = 不符合 casebook.schema.json：{ $reason }

## privacy.rs
privacy-reveal-action = 查看案件 { $id } 的缴费人信息
privacy-reveal-rule = 只有受理部门和联办（承办）部门的操作员可以查看未遮盖的缴费人信息

## latefee.rs
fee-law = 《中华人民共和国社会保险法》第八十六条
fee-field-amount = 欠缴金额
fee-not-amount-example = “{ $value }”不是金额（如 12345.67）
fee-too-many-decimals = “{ $value }”最多两位小数（到分）
fee-not-amount = “{ $value }”不是金额
fee-not-positive = “{ $value }”须大于零
fee-too-large = “{ $value }”超出可计算的范围
