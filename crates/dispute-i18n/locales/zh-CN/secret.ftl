# 缴费人信息加密保存、输出安全、大小限制（issue 11）。

## 输入检查与输出
secret-name-angle-brackets = 不能含 < 或 >
secret-field-file-name = 文件名
secret-parse-problem = 第 { $line } 行：{ $message }
secret-case-too-large = 文件有 { $kib } KiB，超过案件文件的上限 { $max } KiB，未读取
secret-casebook-too-large = casebook.toml 有 { $kib } KiB，超过上限 { $max } KiB，未读取
secret-too-many-operators = 有 { $n } 名操作员，超过上限 { $max } 名，未读取

## 加密
secret-crypto-failed = 加密或解密失败：{ $reason }
secret-list-sep = 、
secret-closed-not-recipient = 本案的缴费人信息只向{ $recipients }开放，{ $dept }不在其中
secret-closed-key-not-yours = 本案按{ $dept }的部门密钥加密，而该部门密钥没有向你的密钥开放
secret-closed-damaged = 密文已损坏或被改动，无法解密
secret-closed-agent = 你的私钥在 ssh-agent 中，ssh-agent 只能签名、不能解密
secret-closed-no-key = 没有找到你的私钥
secret-err-cannot-open = 不能解密案件 { $id } 的缴费人信息：{ $reason }
secret-hint-cannot-open = 缴费人信息只向本案的受理部门、指派部门、领导小组办公室和组长所在部门的操作员开放，须用本人的私钥文件解密（--key 或 DISPUTE_KEY；ssh-agent 不能解密）
secret-err-cannot-reseal = 本次操作改变了案件 { $id } 的缴费人信息的接收部门，须在同一提交中重新加密，但你不能解密：{ $reason }
secret-hint-cannot-reseal = 请用本人的私钥文件办理（--key 或 DISPUTE_KEY），或请本部门能解密本案的操作员办理
secret-warn-no-dept-key = { $depts }还没有登记了密钥的在职操作员，本案的缴费人信息暂不向其开放；管理员为其添加操作员后，再办理本案时会向其加密
secret-warn-kept-old-seal = 案件 { $id } 的缴费人信息仍按原来的部门密钥加密（{ $reason }）；能解密的操作员再办理本案时会按现行密钥重新加密
secret-seal-action = 加密缴费人信息
secret-seal-no-recipient = 没有任何接收部门有部门密钥（受理部门须有登记了密钥的在职操作员）
secret-reveal-rule = 只有本案的受理部门、指派（承办）部门、领导小组办公室和组长所在部门的操作员可以查看未遮盖的缴费人信息

## 部门密钥
secret-key-created = 已为{ $dept }生成缴费人信息的部门密钥
secret-key-rewrapped = { $dept }的部门密钥已向 { $operators } 开放
secret-key-rotated = { $dept }的部门密钥已更换：此后加密的案件不再向 { $operators } 开放（此前的案件仍按原密钥加密，直到再次办理）
secret-key-rotated-unopened = 你不能打开{ $dept }的部门密钥（只有该部门的操作员用本人的私钥文件才能打开），已为其生成新密钥：{ $operators } 能读此后加密的案件，此前的案件要等本部门能解密的操作员再办理时才向其开放
secret-key-retired = { $dept }已没有登记了密钥的在职操作员，其部门密钥停用；此后的案件不向该部门加密，直到为其添加操作员

## 核验
secret-audit-dept-keys = { $action } 对部门密钥的改动不合规：{ $reason }
secret-audit-keys-removed = { $dept } 的部门密钥被删除，或一次新增了不止一把
secret-audit-key-rewritten = { $dept } 已有的部门密钥被改写（只能停用，或向更多操作员开放）
secret-audit-key-born-retired = { $dept } 新增的部门密钥已被停用
secret-audit-two-current-keys = { $dept } 同时有不止一把在用的部门密钥
secret-audit-key-not-as-listed = { $dept } 的部门密钥没有按所列的操作员密钥加密
secret-audit-key-not-for-operators = { $dept } 在用的部门密钥没有恰好向该部门在职操作员的密钥开放
secret-audit-in-clear = 本案卷库已加密缴费人信息，此提交却把缴费人信息明文写入案件文件
secret-audit-unsealed = 缴费人信息原已加密，此提交却改为明文
secret-audit-not-masked = 加密后案件文件中的缴费人电话、证件号码、联系人或个人姓名应只留遮盖后的样子
secret-audit-stanzas = 加密的缴费人信息与所列接收部门的数目不符，或不是有效的 age 密文
secret-audit-unknown-key = 缴费人信息按一把不属于 { $dept } 的密钥加密
secret-audit-not-recipient = 缴费人信息向{ $dept }开放，而该部门不是本案的接收部门
secret-audit-not-target = 本次重新加密的接收部门应为：{ $expected }
secret-audit-not-opened = 本次操作使{ $depts }成为接收部门，却没有在同一提交中向其加密
secret-audit-encrypt-touches = admin-encrypt-payers 只能加密已有案件的缴费人信息，不能新增或删除 { $path }
secret-audit-encrypt-changes = admin-encrypt-payers 对 { $path } 的改动不只是把明文缴费人信息换成遮盖值和密文
secret-audit-head-in-clear = 当前版本（HEAD）中此案件的缴费人信息仍是明文；请运行 dispute admin encrypt-payers

## 升级
secret-already-encrypted = 本案卷库的缴费人信息已经加密，无需再办
secret-encrypt-summary = 加密缴费人信息（{ $n } 件案件）
secret-encrypt-done = 已加密 { $n } 件案件的缴费人信息，此后的案件都加密保存。注意：此前的提交中仍有明文，见 README“被盗的克隆会泄露什么”

## 迁移到新案卷库
secret-export-toml-needs-reveal = 导出 TOML 用于把本部门的案件迁入新案卷库，须加 --reveal（缴费人信息解密后写入导出文件，请妥善保管该文件）
secret-export-toml-left-out = 有 { $n } 件案件含导入无法重演的记录，未导出：{ $cases }
secret-export-toml-written = 已导出{ $dept }受理的 { $n } 件案件（含解密的缴费人信息）；在新案卷库中由本部门受理人 dispute import 导入，用后删除此文件
secret-export-toml-case = { $id }（{ $action }）
