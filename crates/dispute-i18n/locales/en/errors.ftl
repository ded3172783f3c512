# Error messages (dispute_core::error::Error) and the hint line under each.
# $action of err-not-permitted, err-wrong-state and err-not-ready is a verb phrase (clerk-verb-*) or a
# short phrase naming what was attempted; $field of err-invalid is a field name.
err-no-casebook = no casebook found: neither { $dir } nor any directory above it holds casebook.toml
err-case-not-found = case { $id } not found
err-operator-not-found = operator { $id } not found
err-no-identity = cannot tell which operator you are
err-unknown-actor = operator { $id } is not on this casebook's list of operators
err-actor-disabled = operator { $id } has been deactivated
err-not-permitted = not permitted: { $action } — { $rule }
err-wrong-state = case { $id } is "{ $status }": cannot { $action } in this status
err-not-ready = case { $id }: cannot { $action } yet: { $reason }
err-already-initialised = { $dir } is already a casebook; nothing was changed
err-hand-edits = there are uncommitted manual changes: { $files }
err-list-separator = {", "}
err-audit-failed = verification found { $n ->
    [one] one problem
   *[other] { $n } problems
}
err-already-imported = this file was already imported in commit { $commit }; it is not imported again
err-import-rows = the import file has { $n ->
    [one] one error
   *[other] { $n } errors
}; no case was imported
err-invalid = invalid { $field }: { $reason }
err-bad-case-id = case ID "{ $id }" is not in the right format
err-unknown-dept = there is no department with the code "{ $code }"
err-unknown-role = there is no role "{ $role }"
err-bad-time = time "{ $time }" is not recognised
err-future-time = time { $time } is in the future
err-time-before-previous = time { $at } is earlier than the case's last recorded time { $previous }
err-casebook-invalid = casebook.toml is invalid: { $reason }
err-case-file-invalid = case file { $path } is invalid: { $reason }
err-file-read = cannot read file { $path }: { $reason }
err-locked = another command is writing to the casebook (waited { $ms } ms)
err-head-moved = the branch was moved by another operation while committing; nothing was written
err-git = git operation failed: { $detail }
err-io = file operation failed: { $detail }
err-internal = internal error: { $detail }

hint-no-casebook = name the casebook with -C DIR, or create one first with dispute init
hint-case-not-found = run dispute list to see the case IDs
hint-operator-not-found = run dispute operator list to see the operators
hint-no-identity = choose the operator with --as OPERATOR-ID (or the environment variable DISPUTE_OPERATOR) and your private key with --key FILE (or DISPUTE_KEY); or set git's user.email to your registered email
hint-unknown-actor = run dispute operator list to see the operator IDs, then choose one with --as OPERATOR-ID (or DISPUTE_OPERATOR); an administrator registers new operators with dispute operator add
hint-actor-disabled = a deactivated operator can no longer act; ask an active operator to do it
hint-not-permitted = ask an operator with the right role and department to do it (dispute operator list shows the roles)
hint-wrong-state = run dispute show { $id } to see the case's current status and its records
hint-not-ready = run dispute show { $id } to see which records are missing
hint-already-initialised = an existing casebook does not need to be initialised again
hint-already-imported = run git show { $commit } to see that import
hint-import-rows = correct the rows and columns listed above and import again; dispute import --template shows the columns with an example
hint-audit-failed = go through the commits listed above one by one (git show COMMIT) and have an administrator look into them
hint-hand-edits = look at them with git diff, then commit them (git commit) or discard them (git checkout -- FILE)
hint-invalid = correct it and run the command again; dispute SUBCOMMAND --help explains each option
hint-bad-case-id = a case ID looks like TAX-2026-0001 (department code-year-sequence number)
hint-unknown-dept = department codes: tax hrss medical justice finance approval petition cac gov (all the members of this casebook: dispute admin dept list)
hint-unknown-role = roles: receiver handler office leader dispatcher admin
hint-bad-time = write times in RFC 3339, e.g. 2026-11-20T09:30:00+08:00
hint-future-time = --at records when the thing actually happened and cannot be later than now
hint-time-before-previous = run dispute show to see the case's timeline; --at cannot be earlier than the last record
hint-casebook-invalid = correct casebook.toml and commit it; the format is described in schemas/casebook.schema.json
hint-case-file-invalid = run git log -p to see the changes to that file and correct it; the format is described in schemas/case.schema.json
hint-file-read = check the file's path, permissions and encoding (text must be UTF-8; imported ledgers may also be GB18030)
hint-locked = try again shortly; if no other command is really running, check .git/dispute.lock
hint-head-moved = run the command again
hint-internal = this is a problem in the program or its environment; please send the full output to the maintainers
err-no-key = no private key of operator { $id } was found; cannot sign
hint-no-key = give the private key with --key FILE or DISPUTE_KEY, add it to ssh-agent, or keep it at ~/.ssh/id_ed25519; without a key, make one with dispute keygen and ask an administrator to register it with dispute operator key
err-key-mismatch = the private key in use ({ $fingerprint }) is not the registered key of operator { $id }
hint-key-mismatch = --as can only pick an operator whose private key you hold; give your own key with --key, or ask an administrator to register a new key with dispute operator key
err-no-registered-key = operator { $id } has no registered public key and cannot sign
hint-no-registered-key = make a key with dispute keygen and ask an administrator to register it: dispute operator key OPERATOR-ID --public-key FILE
err-unknown-key = the private key in use ({ $fingerprint }) belongs to no active operator
hint-unknown-key = use --as OPERATOR-ID with --key and your own private key; dispute signers lists the registered keys
err-backdate-too-far = the action time { $at } is more than { $hours } hours before the commit time; it cannot be recorded this late
hint-backdate-too-far = --at may only record recent actions; an administrator can change the window with dispute admin set backdate-window
