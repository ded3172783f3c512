# Keys and signatures (DESIGN §9).
id-field-public-key = public key
id-not-a-public-key = not an OpenSSH public key (expected ssh-ed25519 AAAA… or a .pub file)
id-not-ed25519 = only Ed25519 keys are accepted; this one is { $algorithm }
id-sign-failed = signing failed: { $reason }
id-bad-unreadable = the signature cannot be read (not an SSH signature)
id-bad-namespace = the signature is for "{ $namespace }", not for git commits
id-bad-other-key = the signing key ({ $fingerprint }) is not the operator's registered key
id-bad-invalid = the signature does not match the commit (changed after signing)
