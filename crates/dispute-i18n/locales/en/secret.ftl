# Payer data encrypted at rest, safe output, size limits (issue 11).

## Input checks and output
secret-name-angle-brackets = must not contain < or >
secret-field-file-name = file name
secret-parse-problem = line { $line }: { $message }
secret-case-too-large = the file has { $kib } KiB, over the limit of { $max } KiB for a case file; not read
secret-casebook-too-large = casebook.toml has { $kib } KiB, over the limit of { $max } KiB; not read
secret-too-many-operators = it lists { $n } operators, over the limit of { $max }; not read

## Encryption
secret-crypto-failed = encryption or decryption failed: { $reason }
secret-list-sep = {", "}
secret-closed-not-recipient = this case's payer details are open to { $recipients } only; { $dept } is not among them
secret-closed-key-not-yours = this case is sealed with the department key of { $dept }, which is not opened to your key
secret-closed-damaged = the encrypted data is damaged or was altered and cannot be decrypted
secret-closed-agent = your private key is in ssh-agent, which can sign but cannot decrypt
secret-closed-no-key = no private key of yours was found
secret-err-cannot-open = cannot decrypt the payer details of case { $id }: { $reason }
secret-hint-cannot-open = payer details are open only to operators of the case's receiving department, assigned departments, the leading-group office and the leader's department, decrypting with their own private key file (--key or DISPUTE_KEY; ssh-agent cannot decrypt)
secret-err-cannot-reseal = this action changes who may read the payer details of case { $id }, which must be encrypted again in the same commit, but you cannot decrypt them: { $reason }
secret-hint-cannot-reseal = act with your own private key file (--key or DISPUTE_KEY), or ask an operator of your department who can decrypt the case
secret-warn-no-dept-key = { $depts } has no active operator with a registered key yet, so this case's payer details are not open to it; once the administrator adds one, the next action on the case encrypts them for it
secret-warn-kept-old-seal = the payer details of case { $id } stay encrypted with the former department keys ({ $reason }); the next action by an operator who can decrypt them encrypts them with the current keys
secret-seal-action = encrypt the payer details
secret-seal-no-recipient = no recipient department has a department key (the receiving department needs an active operator with a registered key)
secret-reveal-rule = only operators of the case's receiving department, assigned (competent) departments, the leading-group office and the leader's department may see the payer's unmasked details

## Department keys
secret-key-created = created the department key for payer details of { $dept }
secret-key-rewrapped = the department key of { $dept } is now open to { $operators }
secret-key-rotated = the department key of { $dept } was replaced: cases encrypted from now on are closed to { $operators } (earlier cases keep the former key until they are acted on again)
secret-key-rotated-unopened = you cannot open the department key of { $dept } (only its own operators can, with their private key file), so a new key was made: { $operators } can read cases encrypted from now on; earlier cases open to them once an operator of the department who can decrypt them acts on them
secret-key-retired = { $dept } has no active operator with a registered key left, so its department key is retired; cases are not encrypted for it until an operator is added

## Verification
secret-audit-dept-keys = { $action } changed department keys in a way the rules do not allow: { $reason }
secret-audit-keys-removed = a department key of { $dept } was removed, or more than one was added at once
secret-audit-key-rewritten = an existing department key of { $dept } was rewritten (it may only be retired, or opened to more operators)
secret-audit-key-born-retired = a new department key of { $dept } is already retired
secret-audit-two-current-keys = { $dept } has more than one current department key
secret-audit-key-not-as-listed = a department key of { $dept } is not encrypted to the operator keys it lists
secret-audit-key-not-for-operators = the current department key of { $dept } is not open to exactly the keys of the department's active operators
secret-audit-in-clear = this casebook encrypts payer details, but the commit wrote them into the case file in the clear
secret-audit-unsealed = the payer details were encrypted and the commit put them in the clear
secret-audit-not-masked = once encrypted, the case file may hold the payer's phone, ID number, contact and an individual's name only masked
secret-audit-stanzas = the encrypted payer details do not match the number of listed recipients, or are not valid age ciphertext
secret-audit-unknown-key = the payer details are encrypted to a key that is not one of { $dept }
secret-audit-not-recipient = the payer details are open to { $dept }, which is not a recipient of the case
secret-audit-not-target = the payer details were encrypted again, and should have been for: { $expected }
secret-audit-not-opened = the action made { $depts } a recipient but did not encrypt the payer details for it in the same commit
secret-audit-encrypt-touches = admin-encrypt-payers may only encrypt existing cases' payer details, not add or delete { $path }
secret-audit-encrypt-changes = admin-encrypt-payers changed { $path } in more ways than replacing the payer details in the clear with masks and ciphertext
secret-audit-head-in-clear = at HEAD, this case's payer details are still in the clear; run dispute admin encrypt-payers

## Upgrading
secret-already-encrypted = this casebook's payer details are already encrypted; nothing to do
secret-encrypt-summary = encrypt payer details ({ $n } cases)
secret-encrypt-done = encrypted the payer details of { $n } cases; every case from now on is kept encrypted. Note: earlier commits still hold them in the clear, see the README section "What a stolen clone reveals"

## Moving to a new casebook
secret-export-toml-needs-reveal = the TOML export carries your department's cases into a new casebook and needs --reveal (the payer details are written decrypted; keep the file safe)
secret-export-toml-left-out = { $n } cases hold records that import cannot replay and were left out: { $cases }
secret-export-toml-written = exported { $n } cases received by { $dept } (with the payer details decrypted); a receiver of the department imports them into the new casebook with dispute import; delete this file afterwards
secret-export-toml-case = { $id } ({ $action })
