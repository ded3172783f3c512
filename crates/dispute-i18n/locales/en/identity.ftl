# Keys and signatures (DESIGN §9).
id-field-public-key = public key
id-not-a-public-key = not an OpenSSH public key (expected ssh-ed25519 AAAA… or a .pub file)
id-not-ed25519 = only Ed25519 keys are accepted; this one is { $algorithm }
id-sign-failed = signing failed: { $reason }
id-bad-unreadable = the signature cannot be read (not an SSH signature)
id-bad-namespace = the signature is for "{ $namespace }", not for git commits
id-bad-other-key = the signing key ({ $fingerprint }) is not the operator's registered key
id-bad-invalid = the signature does not match the commit (changed after signing)
key-agent-failed = ssh-agent could not sign: { $reason }
key-not-a-key-file = not an OpenSSH private key file
key-passphrase-prompt = Passphrase for the private key { $path }:
key-needs-passphrase = the private key is protected by a passphrase, which must be typed on a terminal
key-wrong-passphrase = wrong passphrase; the private key cannot be opened
