# Keys and signatures (DESIGN §9).
id-field-public-key = 公钥
id-not-a-public-key = 不是 OpenSSH 公钥（应形如 ssh-ed25519 AAAA…，或 .pub 文件）
id-not-ed25519 = 只接受 Ed25519 密钥，这是 { $algorithm }
id-sign-failed = 签名失败：{ $reason }
id-bad-unreadable = 签名无法读取（不是 SSH 签名）
id-bad-namespace = 签名的用途是“{ $namespace }”，不是 git 提交
id-bad-other-key = 签名所用的密钥（{ $fingerprint }）不是该操作员登记的密钥
id-bad-invalid = 签名与提交内容不符（提交在签名后被改动）
key-agent-failed = ssh-agent 签名失败：{ $reason }
key-not-a-key-file = 不是 OpenSSH 私钥文件
key-passphrase-prompt = 私钥 { $path } 的口令：
key-needs-passphrase = 私钥有口令保护，需要在终端输入口令
key-wrong-passphrase = 口令不对，无法打开私钥
