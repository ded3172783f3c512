# The git store: recovery notices and storage errors.
list-separator = 、
store-stale-lock = 已清除进程 { $pid } 遗留的写锁（该进程已不在运行）
store-no-such-commit = 找不到提交 { $rev }
store-bad-commit-time = 提交时间无效
store-not-a-regular-file = 不是普通文件
store-not-utf8 = 不是 UTF-8 文本
store-parser-thread-died = 解析线程异常退出
store-not-in-head = { $path } 不在 HEAD 中
store-path-not-a-file = { $path }（不是普通文件）
store-path-not-a-dir = { $path }（不是目录）
store-detached-head = HEAD 不指向分支（分离状态），请先 git switch main
store-thread-died = 工作线程异常退出
store-split-index-broken = 是拆分的 git 索引，但它的共享部分（.git/sharedindex.*）缺失或与之不符；可运行 rm .git/index && git reset -q 从 HEAD 重建索引
