# 缴费人信息加密保存、输出安全、大小限制（issue 11）。

## 输入检查与输出
secret-name-angle-brackets = 不能含 < 或 >
secret-field-file-name = 文件名
secret-parse-problem = 第 { $line } 行：{ $message }
secret-case-too-large = 文件有 { $kib } KiB，超过案件文件的上限 { $max } KiB，未读取
secret-casebook-too-large = casebook.toml 有 { $kib } KiB，超过上限 { $max } KiB，未读取
secret-too-many-operators = 有 { $n } 名操作员，超过上限 { $max } 名，未读取
