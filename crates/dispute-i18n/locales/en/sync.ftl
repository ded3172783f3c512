# Sync: the central casebook, dispute sync, clone, status, server init and the pre-receive hook (DESIGN §10)

## Command help

cli-sync-about = Sync with the central casebook: take the others' work, replay this clone's unpushed actions as they were on the central casebook's latest state (signed again by their operators), then push; local cases whose number was taken are renumbered
cli-sync-rejected = List the local actions sync kept because the central casebook no longer allows them, with the reasons
cli-sync-json = Print JSON
cli-clone-about = Get a working copy of the central casebook (origin set, ready for dispute sync)
cli-clone-url = Where the central casebook is (a path, file://, git://, ssh:// or https://)
cli-clone-dir = The directory to create (missing or empty)
cli-status-about = How this clone differs from the central casebook: local actions waiting to be pushed, others' actions not yet taken, unsynced cases, rejected actions
cli-status-fetch = Fetch from the central casebook first
cli-status-json = Print JSON
cli-server-about = The central casebook that offices sync with
cli-server-init-about = Create the central casebook: a bare repository whose pre-receive hook accepts only fast-forwards of verified, signed, linear history
cli-server-init-path = The bare repository to create (missing or empty)
cli-server-init-from = Publish this casebook's whole history (default: only the first commit of the casebook at hand; push the rest with dispute sync, each commit checked by the hook)
cli-hook-about = Hooks of the central casebook (run by git, not by people)
cli-hook-pre-receive-about = Check the updates git is about to accept ("old new ref" lines on stdin)

## Errors and hints

sync-list-sep = {", "}
sync-err-no-remote = this casebook has no central casebook (no remote named origin)
sync-hint-no-remote = get the casebook from the central one with dispute clone URL DIR, or set it with git remote add origin URL
sync-err-unreachable = cannot reach the central casebook { $url }: { $detail }
sync-hint-unreachable = check the network and the address, then run dispute sync again; meanwhile every action works in this clone as usual
sync-err-unrelated = the central casebook { $url } is not this casebook (no history in common)
sync-hint-unrelated = point origin at this casebook's central one with git remote set-url origin URL, or get it afresh with dispute clone
sync-err-remote-empty = the central casebook { $url } has no history yet
sync-hint-remote-empty = an admin creates the central casebook with dispute server init
sync-err-keys-missing = local actions of these operators must be signed again, but their private keys are not on this machine: { $ids }; nothing was pushed
sync-hint-keys-missing = have those operators run dispute sync here themselves, or provide their keys with --key, DISPUTE_KEY or an ssh-agent
sync-err-push-refused = the central casebook refused the push: { $detail }
sync-hint-push-refused = the central casebook takes only verified actions; check this clone's history with dispute verify
sync-err-races = the central casebook had been updated by another office at each of { $n } pushes
sync-hint-races = run dispute sync again in a moment
sync-err-rejected = { $n } local actions are no longer legal on the central casebook and were not pushed (everything else was): { $what }
sync-hint-rejected = see why, and what was entered, with dispute sync --rejected; act again on the central casebook's current state where needed
sync-err-hook-refused = the central casebook refused this push:
    { $reasons }
sync-hint-hook-refused = the central casebook accepts only fast-forwards of verified, signed, linear history; sync with dispute sync instead of pushing with git push
sync-err-target-exists = the directory { $path } exists and is not empty
sync-hint-target-exists = choose another directory, or empty it first
sync-err-not-publishable = this casebook's history cannot start a central casebook: { $reason }
sync-hint-not-publishable = find and settle the problems with dispute verify first
sync-not-publishable-more = { $first } (and { $n } more problems)
sync-err-not-a-casebook = { $url } is not a casebook (no casebook.toml)
sync-hint-not-a-casebook = check the central casebook's address
sync-err-git-missing = this kind of address needs the git program, which is not installed
sync-hint-git-missing = install git and try again

## Replay: why an action cannot be replayed on the central casebook

sync-reject-operator-unknown = the central casebook has no operator { $id }
sync-reject-operator-disabled = operator { $id } is disabled on the central casebook
sync-reject-operator-active = operator { $id } is already enabled on the central casebook
sync-reject-operator-exists = the central casebook already has an operator { $id }
sync-reject-email-taken = an operator of the central casebook already uses the email { $email }
sync-reject-key-taken = this public key is registered to { $id } on the central casebook
sync-reject-lacks-role = operator { $id } does not have the { $role } role on the central casebook
sync-reject-no-registered-key = operator { $id } has no registered public key on the central casebook
sync-reject-no-event = the case in the commit holds no record of this action
sync-reject-no-inputs = what was entered for this action cannot be read back from the case file
sync-reject-id-taken = the number { $id } is taken on the central casebook
sync-reject-case-missing = the central casebook has no case { $id }
sync-reject-other-action = on the central casebook's current state this "{ $action }" would be a "{ $now }"
sync-reject-already = the central casebook is already so; nothing to change
sync-reject-book-not-legal = on the central casebook's current state this is no longer a legal change of that admin action
sync-reject-not-replayable = the change of this admin action cannot be recognised
sync-reject-not-an-action = this is not an action of this tool (no trailers, or more than one case changed)
sync-reject-foreign-files = this commit changes files other than case files and casebook.toml
sync-reject-registration-rejected = the registration of case { $id } could not be synced, so its later actions have no case to go to
sync-reject-imported = this ledger has already been imported into the central casebook
sync-reject-import-dept = the imported case { $id } was not received by the operator's department { $dept }
sync-reject-import-case = imported case { $id }: { $reason }
sync-reject-key-changed = the key on this machine is no longer operator { $id }'s current key on the central casebook
sync-central-no-casebook = the central casebook has no casebook.toml

## The hook and its checks

sync-check-merge = commit { $commit } is a merge (the central casebook takes only linear history)
sync-check-empty = commit { $commit } changes nothing
sync-check-foreign-file = commit { $commit } changes { $path } (only case files and casebook.toml may change)
sync-check-id-taken = commit { $commit } registers the case number { $id }, which is taken
sync-check-finding = commit { $commit }{ $case }: { $rule }
sync-hook-other-ref = updates of { $refname } are not accepted (the central casebook has only the branch { $branch })
sync-hook-delete = the branch { $branch } may not be deleted
sync-hook-not-ff = the update of { $branch } is not a fast-forward (rewritten history or a force-push)

## Output

sync-renumbered-line = { $old } → { $new }
sync-renumbered-note = the provisional numbers of { $n } cases registered here were taken on the central casebook and have been changed (above, old → new)
sync-merges-skipped = { $n } merge commits of the local history record no action and were left out
sync-rejected-one = not pushed "{ $subject }": { $reason }
sync-rejected-name = { $action } { $case } ({ $operator })
sync-done = synced: pushed { $pushed } local actions, took { $received } actions of other offices; this clone equals the central casebook ({ $head })
sync-retried = the central casebook was updated during the push; fetched and replayed again { $n } times
sync-rejected-total = { $n } rejected local actions in all
sync-col-reason = Reason
sync-cloned = cloned the central casebook { $url } into { $dir } ({ $county })
sync-cloned-next = next: work in { $dir } as usual and run dispute sync after acting to sync with the central casebook
sync-server-created = created the central casebook { $path }; its pre-receive hook runs { $program } and accepts only fast-forwards of verified, signed, linear history
sync-server-first-only = the central casebook holds only the first commit; run dispute sync in { $dir } to push the rest (each commit checked by the hook)
sync-server-next = offices get the casebook with dispute clone { $url } DIR
sync-list-provisional = { $id } (unsynced)
sync-list-provisional-total = { $n } of them unsynced: their numbers are provisional and change at sync if taken
sync-show-provisional = [unsynced] { $id } is registered only in this clone and not yet on the central casebook; its number is provisional and changes at sync if taken
sync-show-renumbered = the case this clone registered as { $old } became { $new } at a sync; { $old } is now another case of the central casebook
sync-status-no-remote = this casebook has no central casebook (origin not set); all work stays in this clone
sync-status-remote = central casebook: { $url } (branch { $branch })
sync-status-waiting = local actions waiting to be pushed: { $n }
sync-status-behind = actions on the central casebook not yet taken: { $n } ({ $when })
sync-status-fetched-now = fetched just now
sync-status-fetched-minutes = fetched { $n } minutes ago; dispute status --fetch fetches again
sync-status-fetched-hours = fetched { $n } hours ago; dispute status --fetch fetches again
sync-status-fetched-days = fetched { $n } days ago; dispute status --fetch fetches again
sync-status-fetched-never = never fetched; dispute status --fetch fetches
sync-status-provisional = unsynced cases (provisional numbers), { $n }: { $ids }
sync-status-rejected = rejected actions kept by sync: { $n } (see them with dispute sync --rejected)
sync-status-interrupted = the last sync was interrupted; the next dispute sync finishes it
sync-autosync-no-remote = autosync is on, but this casebook has no central casebook (origin); not synced
sync-autosync-failed = autosync did not succeed (this action is saved in this clone): { $reason }
sync-autosync-renumbered = autosync: the number { $old } was taken on the central casebook; it is now { $new }
sync-autosync-done = autosynced: pushed { $pushed }, took { $received }
sync-admin-bad-switch = "{ $value }" is not on or off
