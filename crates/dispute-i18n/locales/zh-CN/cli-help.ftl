# Help texts of the command line (clap): `cli-<path>-about`, `cli-<path>-long` (the whole
# --help text), `cli-<path>-<argument>`, and `cli-<path>-<argument>-<value>` for the values
# of a choice. See src/cli/locale.rs.

# dispute
cli-about = 社会保险费征缴争议联合处置案卷工具
cli-long =
    社会保险费征缴争议联合处置案卷工具

    每件争议是案卷库（git 仓库）中的一个 TOML 文件；每个办理动作是一次以操作员为作者的提交，git 历史就是办理记录。先用 `dispute init` 建库，再 `register` 受理登记。

# init
cli-init-about = 新建案卷库：git 仓库、casebook.toml（九个成员单位、领导小组、默认时限、2024–2026 法定节假日）、cases/
cli-init-long =
    新建案卷库：git 仓库、casebook.toml（九个成员单位、领导小组、默认时限、2024–2026 法定节假日）、cases/

    第一位操作员是管理员，初始化提交以其为作者。目录里已有案卷库时拒绝，不做任何改动。
cli-init-dir = 案卷库目录（默认当前目录；不存在则创建）
cli-init-county = 县名，如 芮城县
cli-init-admin = 管理员的操作员编号（小写字母、数字、. _ -）
cli-init-name = 管理员姓名
cli-init-email = 管理员邮箱（git 提交作者）
cli-init-dept = 管理员所在部门代码（tax hrss medical justice finance approval petition cac gov）

# operator
cli-operator-about = 管理操作员及其密钥（新增、列出、停用、启用、修改、登记公钥）；变更只能由管理员办理，每次变更一次签名提交

# operator add
cli-operator-add-about = 新增操作员
cli-operator-add-id = 操作员编号（小写字母、数字、. _ -，以字母开头）
cli-operator-add-name = 姓名
cli-operator-add-email = 邮箱（git 提交作者）
cli-operator-add-dept = 所在部门代码
cli-operator-add-roles = 角色，可重复：receiver 受理人、handler 承办人、office 领导小组办公室、leader 组长、dispatcher 转办人、admin 管理员
cli-operator-add-phone = 办公电话（填入报送单的受理人电话）

# operator list
cli-operator-list-about = 列出操作员
cli-operator-list-json = 以 JSON 输出

# operator disable
cli-operator-disable-about = 停用操作员（保留记录，不能再办理）
cli-operator-disable-id = 操作员编号

# register
cli-register-about = 受理登记：登记缴费人基本情况、来访时间、联系方式、事项所在辖区、反映主要事项
cli-register-long =
    受理登记：登记缴费人基本情况、来访时间、联系方式、事项所在辖区、反映主要事项

    只有受理人（receiver）可以登记；登记人记为首问责任人。案件编号按登记人所在部门和受理年份自动分配（如 TAX-2026-0001），是标准输出上唯一的一行，便于脚本使用。
cli-register-payer-kind = 缴费人类型
cli-register-payer-name = 缴费人名称（单位名称或个人姓名）
cli-register-payer-id = 统一社会信用代码或居民身份证号码（18 位，核对校验位）
cli-register-contact = 联系人
cli-register-phone = 联系电话（手机或固定电话）
cli-register-district = 事项所在辖区（乡镇、街道）
cli-register-summary = 反映的主要事项
cli-register-title = 简短标题（出现在提交说明中，勿含个人信息）
cli-register-channel = 受理渠道
cli-register-at = 缴费人实际来访（来电）的时间，RFC 3339；默认现在，不能晚于现在
cli-register-category = 争议类别（也可在分类时确定）：{ -dispute-categories }
cli-register-insurance = 涉及险种，逗号分隔：pension,work_injury,unemployment,medical

# classify
cli-classify-about = 分类流转：本部门办理（own）、一般事项（general，多部门联办）、重大疑难事项（major，报请组长同意）；或用 --redirect 告知缴费人到其他部门办理（本案结案）
cli-classify-long =
    分类流转：本部门办理（own）、一般事项（general，多部门联办）、重大疑难事项（major，报请组长同意）；或用 --redirect 告知缴费人到其他部门办理（本案结案）

    只能由受理部门的受理人对“已登记”的案件办理。
cli-classify-id = 案件编号
cli-classify-track = 事项类型（报送县政府办用 dispute escalate --to hotline）
cli-classify-category = 争议类别（不填则沿用登记时的类别）：{ -dispute-categories }
cli-classify-insurance = 涉及险种，逗号分隔（不填则保留登记时的险种）
cli-classify-redirect = 不属于受理部门职责范围：告知缴费人前往的职能部门代码
cli-classify-note = 说明（告知缴费人的内容；重大疑难事项的上报理由）
cli-classify-at = 实际办理时间（RFC 3339），默认现在

# assign
cli-assign-about = 指派联办部门（书面意见及期限）；报送事项由县政府办转办人用 --hotline-ticket 转交承办部门；或用 --remove 撤回指派
cli-assign-long =
    指派联办部门（书面意见及期限）；报送事项由县政府办转办人用 --hotline-ticket 转交承办部门；或用 --remove 撤回指派

    默认期限按 casebook.toml 的时限（一般事项 5 个工作日、重大事项 10 个、报送承办 5 个）从办理日起算。
cli-assign-id = 案件编号
cli-assign-dept = 指派的部门代码，可重复
cli-assign-due = 办理期限（YYYY-MM-DD），默认按办理时限（本县设定）计算
cli-assign-hotline-ticket = 12345 工单号（县政府办转交报送事项时必填）
cli-assign-remove = 撤回对该部门的指派
cli-assign-reason = 撤回理由
cli-assign-at = 实际办理时间（RFC 3339），默认现在

# opinion
cli-opinion-about = 提交本部门的书面意见（承办人 handler；部门须已被指派）。再次提交会替换，旧文本保留在 git 历史中。报送事项中，承办部门用本命令提交办理结果。
cli-opinion-id = 案件编号
cli-opinion-dept = 部门代码（默认为操作员所在部门；只能是本部门）
cli-opinion-text = 意见全文
cli-opinion-file = 从文件读取意见全文（UTF-8；- 为标准输入）
cli-opinion-at = 实际出具时间（RFC 3339），默认现在

# escalate
cli-escalate-about = 上报或移交：领导小组（leading-group）、县政府办 12345 转办（hotline）、纪委监委（discipline）
cli-escalate-long =
    上报或移交：领导小组（leading-group）、县政府办 12345 转办（hotline）、纪委监委（discipline）

    由受理部门的受理人办理。报送单的受理人电话取 --receiver-phone，或操作员信息中的电话。
cli-escalate-id = 案件编号
cli-escalate-to = 上报或移交给谁
cli-escalate-to-leading-group = 上报领导小组（报请组长同意按重大疑难事项专案办理）
cli-escalate-to-hotline = 职责不清：填写报送单，交县政府办按 12345 机制转办
cli-escalate-to-discipline = 部门无正当理由拒不办理：将线索移交县纪委监委
cli-escalate-reason = 理由（报送时为报送意见）
cli-escalate-dept = 拒不办理的部门代码（--to discipline 时必填）
cli-escalate-summary = 报送单的反映内容摘要（默认用登记时的反映事项）
cli-escalate-receiver-phone = 报送单上受理人的电话
cli-escalate-at = 实际办理时间（RFC 3339），默认现在

# approve
cli-approve-about = 组长审批：同意则按重大疑难事项专案办理，全部成员单位按重大事项时限出具书面意见（组长可用 dispute exempt 同意个别成员单位免予出具）；--reject 不同意专案办理，并用 --handle-as 写明决定的办理方式。只有领导小组组长（leader）可以办理。
cli-approve-id = 案件编号
cli-approve-reject = 不同意专案办理（用 --handle-as 写明如何办理）
cli-approve-note = 审批意见
cli-approve-at = 实际审批时间（RFC 3339），默认现在

# consult
cli-consult-about = 记录会商及会议纪要：一般事项会商（general）或重大事项会商（major，须为经组长同意的重大疑难事项）
cli-consult-long =
    记录会商及会议纪要：一般事项会商（general）或重大事项会商（major，须为经组长同意的重大疑难事项）

    由受理部门的受理人或领导小组办公室（office）记录。
cli-consult-id = 案件编号
cli-consult-kind = 会商类型
cli-consult-attendees = 参会部门代码，可重复或逗号分隔
cli-consult-minutes = 会议纪要全文
cli-consult-minutes-file = 从文件读取会议纪要（UTF-8；- 为标准输入）
cli-consult-at = 会商时间（RFC 3339），默认现在

# reply
cli-reply-about = 书面回复缴费人（总处理意见）。一般事项须有全部联办部门的书面意见，重大疑难事项须有经组长同意的重大事项会商纪要，报送事项须有承办部门的办理结果；缺少时拒绝并列出所缺内容。
cli-reply-id = 案件编号
cli-reply-text = 回复全文
cli-reply-file = 从文件读取回复全文（UTF-8；- 为标准输入）
cli-reply-at = 实际回复时间（RFC 3339），默认现在

# archive
cli-archive-about = 案卷归档（须已书面回复）：缴费人无异议（accepted），或有异议（objected，须记录其选择的救济途径）
cli-archive-id = 案件编号
cli-archive-outcome = 缴费人对处理结果的态度
cli-archive-remedy = 有异议时缴费人选择的救济途径
cli-archive-note = 备注
cli-archive-at = 实际归档时间（RFC 3339），默认现在

# show
cli-show-about = 查看一件案件：登记信息、分类、时限（标出超期）、联办部门、书面意见、会商纪要、报送单、回复、时间线
cli-show-long =
    查看一件案件：登记信息、分类、时限（标出超期）、联办部门、书面意见、会商纪要、报送单、回复、时间线

    缴费人电话、证件号码、联系人默认遮盖；--reveal 显示原文，仅限受理部门和联办（承办）部门的操作员。
cli-show-id = 案件编号
cli-show-json = 以 JSON 输出
cli-show-reveal = 显示未遮盖的缴费人信息（须为受理部门或联办部门的操作员）

# list
cli-list-about = 列出案件（按编号排序）：编号、状态、争议类别、缴费人、辖区、受理时间、下一时限
cli-list-long =
    列出案件（按编号排序）：编号、状态、争议类别、缴费人、辖区、受理时间、下一时限

    无法读取的案件文件会被点名报告，其余案件照常列出（此时退出码为 4）。
cli-list-status = 只列此状态
cli-list-dept = 只列此部门受理或被指派的案件
cli-list-track = 只列此事项类型
cli-list-category = 只列此争议类别：{ -dispute-categories }
cli-list-year = 只列此年度受理的案件
cli-list-overdue = 只列有超期事项的案件
cli-list-json = 以 JSON 输出

# log
cli-log-about = 查看一件案件的办理记录（来自 git 历史）：提交时间、操作员及部门、动作、说明、提交号
cli-log-id = 案件编号
cli-log-json = 以 JSON 输出

# overdue
cli-overdue-about = 列出所有超期未办的事项（分类、书面意见、转办、回复、归档）：责任部门、责任人、超期工作日，超期最久的在前
cli-overdue-as-of = 以此日期计算（YYYY-MM-DD），默认今天
cli-overdue-dept = 只列此部门应办的事项
cli-overdue-json = 以 JSON 输出

# verify
cli-verify-about = 核验案卷库历史：逐个提交检查 trailer、作者是否为当时在册且有相应角色的操作员、改动是否为该动作的合法结果（重新运行办理流程比对）、是否删除或改名案件文件、编号是否重复使用
cli-verify-long =
    核验案卷库历史：逐个提交检查 trailer、作者是否为当时在册且有相应角色的操作员、改动是否为该动作的合法结果（重新运行办理流程比对）、是否删除或改名案件文件、编号是否重复使用

    历史干净时退出码 0；有问题时逐条列出（提交、案件、操作员、违反的规则），退出码 1。
cli-verify-since = 只核验此提交之后的历史（默认从第一个提交开始）
cli-verify-json = 以 JSON 输出

# import
cli-import-about = 批量导入台账（如去年的纸质台账录入的电子表格）：CSV（UTF-8，可带 BOM；或 Excel 默认的 GB18030）或 TOML
cli-import-long =
    批量导入台账（如去年的纸质台账录入的电子表格）：CSV（UTF-8，可带 BOM；或 Excel 默认的 GB18030）或 TOML

    每行一件案件，可带已办的环节（分类、联办、书面意见、回复、归档）及其时间；每行都按办理流程重演，结果必须是流程能够产生的案件。先检查全部行：有任何错误就列出每个错误的行号、列名和原因，退出码 4，不导入任何案件；全部正确则以导入人为作者一次提交。同一文件不能重复导入。导入人须为受理人，案件编号按导入人所在部门分配（也可在“编号”列写明）。
cli-import-file = 台账文件（.csv 或 .toml）
cli-import-dry-run = 只检查，不导入
cli-import-template = 输出 CSV 模板（中文列名和一行示例，带 BOM 便于 Excel 打开）

# export
cli-export-about = 导出案件台账：每件案件一行，按编号排序
cli-export-long =
    导出案件台账：每件案件一行，按编号排序

    列：编号、受理时间、受理渠道、缴费人、缴费人类型、联系人、联系电话、证件号码、辖区、标题、反映事项、争议类别、险种、事项类型、告知部门、受理部门、首问责任人、联办部门、指派时间、状态、分类/转办/书面意见/回复/归档的时限与完成时间、回复内容、是否超期（截至 --as-of，与 dispute overdue 同一口径）、超期事项、处理结果、缴费人意见、救济途径、纪委移交、备注，然后每个出具过书面意见的部门两列：书面意见(部门)、意见时间(部门)。

    台账可以单独阅读，也可以再导入：dispute export --reveal -o 台账.csv 导出的文件能用 dispute import 导入另一个案卷库（本部门办理、一般事项、告知另行办理的案件；导入按办理流程重演，时限等推算列不读取）。

    格式：csv（UTF-8 带 BOM，Excel 可直接打开）、xlsx（Excel 工作簿：表头加粗并冻结，日期为 Excel 日期）、json（英文键名，取值为案卷文件中的代码）。不写 --format 时按 -o 的扩展名判断，否则为 csv。xlsx 是二进制文件，须用 -o 写入文件（或把标准输出重定向到文件）。

    缴费人联系人、电话、证件号码默认遮盖；--reveal 只对本部门受理或联办（承办）的案件显示原文，其余案件仍遮盖并给出警告。
cli-export-format = 导出格式（默认按 -o 的扩展名，否则 csv）
cli-export-format-csv = CSV（UTF-8 带 BOM）
cli-export-format-xlsx = Excel 工作簿
cli-export-format-json = JSON 数组
cli-export-json = 同 --format json
cli-export-year = 只导出此年度受理的案件
cli-export-status = 只导出此状态的案件
cli-export-as-of = 以此日期判断是否超期（YYYY-MM-DD），默认今天
cli-export-reveal = 显示未遮盖的缴费人信息（仅限本部门受理或联办的案件）
cli-export-output = 写入此文件（默认标准输出；- 也表示标准输出）

# form
cli-form-about = 打印文书：报送单（referral）或书面告知书（notice）
cli-form-long =
    打印文书：报送单（referral）或书面告知书（notice）

    报送单不含缴费人电话和证件号码。书面告知书的救济期限按回复日期计算：行政复议六十日、行政诉讼六个月；缴费人为个人时另列劳动人事争议仲裁一年；期限最后一日为休息日的顺延至下一个工作日。

    默认输出到标准输出；-o 写入文件。未指定 --format 时，-o 文件名以 .md 结尾则为 Markdown，否则为 HTML。
cli-form-kind = 文书种类
cli-form-kind-referral = 报送单（附件格式）：反映内容摘要、受理人信息、报送意见、单位签章、保密备注；须已报送县政府办
cli-form-kind-notice = 书面告知书：总处理意见及行政复议、行政诉讼、劳动仲裁的途径和期限；须已书面回复
cli-form-id = 案件编号
cli-form-format = 输出格式（默认 html）
cli-form-format-md = Markdown，便于粘贴
cli-form-format-html = 自带样式的 HTML 页面，可直接用浏览器按 A4 打印
cli-form-output = 写入文件（- 为标准输出）

# stats
cli-stats-about = 统计考评：案件状态、各部门书面意见时效、超期事项、回复与归档用时、处理结果、移交纪委
cli-stats-long =
    统计考评：案件状态、各部门书面意见时效、超期事项、回复与归档用时、处理结果、移交纪委

    各部门：请求意见数（不含出具前已撤回的指派）、按时出具、逾期出具（晚于期限至少一个工作日）、仍超期（未出具、案件办理中、超过期限至少一个工作日，与 dispute overdue 中该部门的书面意见条数一致）、待出具、未出具即结案、按时率（按时 ÷（按时 + 逾期 + 仍超期））、指派到出具的工作日中位数、该部门全部超期事项、被移交纪委监委的案件数。意见以首次出具的时间为准。

    --as-of 只决定以哪一天判断“仍超期”，不回溯案件当时的状态。--by 按受理部门、争议类别、受理月份或事项类型分组列出案件数、未结、已书面回复、已归档、有超期事项的案件数。

    从纸质台账导入（补录）的书面意见、回复和归档单列为“补录”，不计入按时、逾期、按时率和用时中位数。工作差错：该部门经办人对案件所作的更正（dispute correct）次数，以及该部门误登记后作废（dispute void）的案件数。

    最后一张表按 git 提交记录列出各部门在此期间（按办理时间）的办理操作数，以及晚于办理时间一个工作日以上才录入（提交）的操作数。
cli-stats-year = 只统计此年度受理的案件
cli-stats-by = 分组方式
cli-stats-as-of = 以此日期判断超期（YYYY-MM-DD），默认今天
cli-stats-json = 以 JSON 输出

# latefee
cli-latefee-about = 计算社会保险费滞纳金（《社会保险法》第八十六条：自欠缴之日起，按日加收万分之五）
cli-latefee-long =
    计算社会保险费滞纳金（《社会保险法》第八十六条：自欠缴之日起，按日加收万分之五）

    天数按日历日计算，含起止两日：--from 为欠缴之日（法定缴费期限届满的次日），--to 为实际缴纳之日（默认今天）。金额用精确十进制计算，结果四舍五入到分。不需要案卷库。
cli-latefee-amount = 欠缴的社会保险费金额（元，最多两位小数，如 12345.67）
cli-latefee-from = 欠缴之日（YYYY-MM-DD）
cli-latefee-to = 缴纳之日（YYYY-MM-DD），默认今天
cli-latefee-json = 以 JSON 输出

# completions
cli-completions-about = 输出命令行补全脚本（bash、zsh、fish、powershell、elvish）
cli-completions-long =
    输出命令行补全脚本（bash、zsh、fish、powershell、elvish）

    脚本写到标准输出，其中的说明文字使用当前界面语言。例如 bash：在 ~/.bashrc 中加入 source <(dispute completions bash)；zsh：dispute completions zsh > ~/.zfunc/_dispute；fish：dispute completions fish > ~/.config/fish/completions/dispute.fish。
cli-completions-shell = 目标 shell

# man
cli-man-about = 生成手册页：dispute.1 及每个子命令一页（如 dispute-register.1、dispute-operator-add.1）
cli-man-long =
    生成手册页：dispute.1 及每个子命令一页（如 dispute-register.1、dispute-operator-add.1）

    手册页使用当前界面语言。查看：man -l 目录/dispute.1；安装：复制到 man 路径下的 man1 目录（如 /usr/local/share/man/man1）。
cli-man-output = 写入此目录（不存在则创建）
cli-global-key = 签名用的私钥文件（默认：环境变量 DISPUTE_KEY、ssh-agent 中已登记的密钥、~/.ssh/id_ed25519）
cli-init-admin-key = 管理员的公钥（.pub 文件或 ssh-ed25519 开头的文本）；默认取签名所用私钥的公钥
cli-operator-add-public-key = 该操作员的公钥（.pub 文件或 ssh-ed25519 开头的文本）；没有公钥的操作员在要求签名的案卷库中不能办理
cli-operator-enable-about = 重新启用已停用的操作员
cli-operator-enable-id = 操作员编号
cli-operator-enable-public-key = 同时登记新的公钥（.pub 文件或 ssh-ed25519 开头的文本）
cli-operator-edit-about = 修改操作员的姓名、电话、部门或角色
cli-operator-edit-id = 操作员编号
cli-operator-edit-name = 新姓名
cli-operator-edit-phone = 新办公电话
cli-operator-edit-dept = 新部门代码
cli-operator-edit-roles = 新角色（替换原有角色），可重复
cli-operator-key-about = 为操作员登记新公钥（原公钥从此失效，历史签名仍可核验）
cli-operator-key-id = 操作员编号
cli-operator-key-public-key = 新公钥（.pub 文件或 ssh-ed25519 开头的文本）
cli-admin-about = 案卷库设置（只能由管理员办理，每次一个签名提交）：要求签名、补录时限、办理时限、县名和领导小组、法定节假日、成员单位；加密缴费人信息
cli-admin-require-signing-about = 自本次提交起要求每次提交都由操作员的密钥签名（旧案卷库升级用；新案卷库从建库起即要求）
cli-admin-set-about = 修改设置：backdate-window（补录时限，如 72h）；autosync（每次办理后自动同步，on 或 off）；rules（办理规则版本，只能升级）；办理时限（本县设定，工作日）deadline.classify、deadline.opinion、deadline.opinion_major、deadline.reply、deadline.reply_major、deadline.dispatch、deadline.referral_handling、deadline.archive、deadline.approval（组长审批）；county（县名）；leading-group.leader-title（组长职务）、leading-group.office-dept（办公室所在部门）、leading-group.deputy-depts（副组长单位，逗号分隔）
cli-admin-set-name = 设置名
cli-admin-set-value = 新值
cli-keygen-about = 生成签名用的 Ed25519 SSH 密钥对（OpenSSH 格式），供没有 ssh-keygen 的电脑使用
cli-keygen-output = 私钥写到哪里（公钥写到同名 .pub 文件）；默认 ~/.ssh/id_ed25519
cli-keygen-comment = 公钥中的注释，如本人邮箱
cli-keygen-passphrase = 用口令保护私钥（在终端输入）
cli-signers-about = 写出 git 的 allowed_signers 文件：每位操作员登记过的公钥及其有效期，供 git verify-commit 和 git log --show-signature 核验签名
cli-signers-output = 写到此文件（默认标准输出）
cli-admin-encrypt-payers-about = 把已有案件的缴费人电话、证件号码、联系人及个人姓名改为加密保存（只留遮盖值），此后的案件都加密保存；一次签名提交。此前的提交中仍有明文
cli-export-format-toml = 导入文件（TOML）：本部门受理的案件，用于迁入新案卷库；须 --reveal
