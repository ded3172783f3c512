# 同步：中心案卷库、dispute sync、clone、status、server init 与 pre-receive 钩子（DESIGN §10）

## 命令帮助

cli-sync-about = 与中心案卷库同步：取回他人的办理，把本机尚未推送的操作按原样在中心案卷库最新状态上重放（原操作员重新签名），再推送；编号被占用的本机案件自动改号
cli-sync-rejected = 列出同步时因中心案卷库已不允许而保留下来的本机操作及原因
cli-sync-json = 以 JSON 输出
cli-clone-about = 取得中心案卷库的工作副本（已设置 origin，可直接 dispute sync）
cli-clone-url = 中心案卷库的位置（路径、file://、git://、ssh:// 或 https://）
cli-clone-dir = 要建立的目录（不存在或为空）
cli-status-about = 本机与中心案卷库的差别：待推送的本机操作、尚未取回的他人操作、未同步的案件、被拒的操作
cli-status-fetch = 先从中心案卷库取回
cli-status-json = 以 JSON 输出
cli-server-about = 中心案卷库（各办公室同步的对象）
cli-server-init-about = 建立中心案卷库：一个裸仓库，其 pre-receive 钩子只接受经核验、已签名的线性历史的快进更新
cli-server-init-path = 要建立的裸仓库目录（不存在或为空）
cli-server-init-from = 发布这个案卷库的全部历史（默认只放入当前案卷库的第一个提交，其余历史用 dispute sync 推送，由钩子逐一核验）
cli-hook-about = 中心案卷库的钩子（由 git 调用，不由人直接运行）
cli-hook-pre-receive-about = 检查 git 即将接受的更新（标准输入每行为“旧 新 引用”）

## 错误与提示

sync-list-sep = 、
sync-err-no-remote = 本案卷库没有设置中心案卷库（没有名为 origin 的远程仓库）
sync-hint-no-remote = 用 dispute clone 地址 目录 从中心案卷库取得案卷库，或用 git remote add origin 地址 设置中心案卷库
sync-err-unreachable = 无法连接中心案卷库 { $url }：{ $detail }
sync-hint-unreachable = 检查网络和地址后再运行 dispute sync；在此之前各项办理照常在本机进行
sync-err-unrelated = 中心案卷库 { $url } 与本案卷库不是同一个案卷库（没有共同的历史）
sync-hint-unrelated = 用 git remote set-url origin 地址 改为本案卷库的中心案卷库，或用 dispute clone 重新取得
sync-err-remote-empty = 中心案卷库 { $url } 还没有案卷库历史
sync-hint-remote-empty = 由管理员用 dispute server init 建立中心案卷库
sync-err-keys-missing = 以下操作员的本机操作需要重新签名，但本机找不到其私钥：{ $ids }；什么都没有推送
sync-hint-keys-missing = 由这些操作员本人在本机运行 dispute sync，或用 --key、DISPUTE_KEY、ssh-agent 提供他们的私钥
sync-err-push-refused = 中心案卷库拒绝了推送：{ $detail }
sync-hint-push-refused = 中心案卷库只接受经核验的操作；用 dispute verify 检查本机历史
sync-err-races = 连续 { $n } 次推送时中心案卷库都已被其他办公室更新
sync-hint-races = 稍后再运行 dispute sync
sync-err-rejected = { $n } 项本机操作在中心案卷库上已不合法，未推送（其余已推送）：{ $what }
sync-hint-rejected = 用 dispute sync --rejected 查看原因和当时填写的内容；需要时按中心案卷库的现状重新办理
sync-err-hook-refused = 中心案卷库拒绝了这次推送：
    { $reasons }
sync-hint-hook-refused = 中心案卷库只接受经核验、已签名的线性历史的快进更新；请用 dispute sync 同步，不要用 git push 直接推送
sync-err-target-exists = 目录 { $path } 已存在且不是空的
sync-hint-target-exists = 换一个目录，或先清空它
sync-err-not-publishable = 这个案卷库的历史不能作为中心案卷库的起点：{ $reason }
sync-hint-not-publishable = 先用 dispute verify 找出并处理问题
sync-not-publishable-more = { $first }（另有 { $n } 处问题）
sync-err-not-a-casebook = { $url } 不是案卷库（没有 casebook.toml）
sync-hint-not-a-casebook = 检查中心案卷库的地址
sync-err-git-missing = 这种地址需要 git 程序，但找不到 git
sync-hint-git-missing = 安装 git 后再试

## 重放：不能在中心案卷库上重放的原因

sync-reject-operator-unknown = 中心案卷库上没有操作员 { $id }
sync-reject-operator-disabled = 操作员 { $id } 在中心案卷库上已停用
sync-reject-operator-active = 操作员 { $id } 在中心案卷库上已是启用状态
sync-reject-operator-exists = 中心案卷库上已有操作员 { $id }
sync-reject-email-taken = 中心案卷库上已有操作员使用邮箱 { $email }
sync-reject-key-taken = 这把公钥已登记给中心案卷库上的操作员 { $id }
sync-reject-lacks-role = 操作员 { $id } 在中心案卷库上没有 { $role } 角色
sync-reject-no-registered-key = 操作员 { $id } 在中心案卷库上没有登记公钥
sync-reject-no-event = 提交里的案件没有这次操作的记录
sync-reject-no-inputs = 无法从案件文件读出这次操作填写的内容
sync-reject-id-taken = 编号 { $id } 在中心案卷库上已被占用
sync-reject-case-missing = 中心案卷库上没有案件 { $id }
sync-reject-other-action = 在中心案卷库的现状下，这次“{ $action }”会成为“{ $now }”
sync-reject-already = 中心案卷库上已经是这样，无需再改
sync-reject-book-not-legal = 在中心案卷库的现状下，这不再是该管理操作的合法改动
sync-reject-not-replayable = 这次管理操作的改动无法识别
sync-reject-not-an-action = 这不是本工具的一次办理操作（没有 trailer，或改动了不止一件案件）
sync-reject-foreign-files = 这个提交改动了案件文件和 casebook.toml 以外的文件
sync-reject-registration-rejected = 案件 { $id } 的登记未能同步，其后的操作无处可放
sync-reject-imported = 这份台账已经导入过中心案卷库
sync-reject-import-dept = 导入的案件 { $id } 不是操作员所在部门 { $dept } 受理的
sync-reject-import-case = 导入的案件 { $id }：{ $reason }
sync-reject-key-changed = 本机的密钥已不是操作员 { $id } 在中心案卷库登记的当前密钥
sync-central-no-casebook = 中心案卷库没有 casebook.toml

## 钩子与核验

sync-check-merge = 提交 { $commit } 是合并提交（中心案卷库只接受线性历史）
sync-check-empty = 提交 { $commit } 没有任何改动
sync-check-foreign-file = 提交 { $commit } 改动了 { $path }（只能改动案件文件和 casebook.toml）
sync-check-id-taken = 提交 { $commit } 登记的案件编号 { $id } 已被占用
sync-check-finding = 提交 { $commit }{ $case }：{ $rule }
sync-hook-other-ref = 不接受对 { $refname } 的更新（中心案卷库只有分支 { $branch }）
sync-hook-delete = 不允许删除分支 { $branch }
sync-hook-not-ff = 对 { $branch } 的更新不是快进（改写历史或强制推送）

## 输出

sync-renumbered-line = { $old } → { $new }
sync-renumbered-note = 本机登记的 { $n } 件案件的临时编号已被中心案卷库占用，已改号（见上，旧编号 → 新编号）
sync-merges-skipped = 本机历史中的 { $n } 个合并提交不记录办理操作，已略过
sync-rejected-one = 未推送“{ $subject }”：{ $reason }
sync-rejected-name = { $action } { $case }（{ $operator }）
sync-done = 已同步：推送本机操作 { $pushed } 项，取回其他办公室的操作 { $received } 项；本机与中心案卷库一致（{ $head }）
sync-retried = 推送时中心案卷库已被更新，已重新取回并重放 { $n } 次
sync-rejected-total = 共 { $n } 项被拒的本机操作
sync-col-reason = 原因
sync-cloned = 已把中心案卷库 { $url } 取到 { $dir }（{ $county }）
sync-cloned-next = 下一步：在 { $dir } 中照常办理，办理后运行 dispute sync 与中心案卷库同步
sync-server-created = 已建立中心案卷库 { $path }；pre-receive 钩子运行 { $program }，只接受经核验、已签名的线性历史的快进更新
sync-server-first-only = 中心案卷库现在只有第一个提交；在 { $dir } 运行 dispute sync 推送其余历史（钩子逐一核验）
sync-server-next = 各办公室用 dispute clone { $url } 目录 取得案卷库
sync-list-provisional = { $id }（未同步）
sync-list-provisional-total = 其中 { $n } 件未同步：编号为临时编号，同步时如已被占用会改号
sync-show-provisional = 【未同步】{ $id } 只在本机登记，尚未推送到中心案卷库；编号为临时编号，同步时如已被占用会改号
sync-show-renumbered = 本机登记时编号为 { $old } 的案件已在同步时改为 { $new }；{ $old } 现在是中心案卷库上的另一件案件
sync-status-no-remote = 本案卷库没有中心案卷库（未设置 origin），所有办理只在本机
sync-status-remote = 中心案卷库：{ $url }（分支 { $branch }）
sync-status-waiting = 待推送的本机操作：{ $n } 项
sync-status-behind = 中心案卷库上尚未取回的操作：{ $n } 项（{ $when }）
sync-status-fetched-now = 刚刚取回
sync-status-fetched-minutes = { $n } 分钟前取回；dispute status --fetch 重新取回
sync-status-fetched-hours = { $n } 小时前取回；dispute status --fetch 重新取回
sync-status-fetched-days = { $n } 天前取回；dispute status --fetch 重新取回
sync-status-fetched-never = 从未取回；dispute status --fetch 取回
sync-status-provisional = 未同步的案件 { $n } 件（临时编号）：{ $ids }
sync-status-rejected = 同步时保留的被拒操作：{ $n } 项（dispute sync --rejected 查看）
sync-status-interrupted = 上一次同步被中断；下一次 dispute sync 会完成它
sync-autosync-no-remote = 已开启自动同步，但本案卷库没有中心案卷库（origin），未同步
sync-autosync-failed = 自动同步未成功（本次办理已保存在本机）：{ $reason }
sync-autosync-renumbered = 自动同步：编号 { $old } 已被中心案卷库占用，改为 { $new }
sync-autosync-done = 已自动同步：推送 { $pushed } 项，取回 { $received } 项
sync-admin-bad-switch = “{ $value }”不是 on 或 off
