# Issue 12 (a clerk's first month): the calendar, departments and settings as commands,
# corrections and voiding, writes that happen whole or say what happened, and the rough edges.

## The calendar
clerk-calendar-year-missing = casebook.toml has no public holidays for { $year }; due dates in that year are counted Monday to Friday for now. Once the State Council publishes them, an admin adds them with dispute admin calendar add { $year } --off DATE or FROM..TO --workday WORKED-WEEKEND-DAY
clerk-calendar-next-missing = the public holidays of { $year } are not in the calendar yet; once the State Council publishes them, add them with dispute admin calendar add { $year } --off … --workday …
clerk-field-calendar-year = year
clerk-field-calendar-off = day off (--off)
clerk-field-calendar-workday = worked weekend day (--workday)
clerk-field-calendar-file = holiday notice file
clerk-calendar-bad-year = { $year } is not a year between 2000 and 2100
clerk-calendar-no-off = give at least one --off day (a date such as 2027-01-01, or a range such as 2027-02-06..2027-02-14)
clerk-calendar-bad-entry = "{ $entry }" is neither a date (2027-01-01) nor a range of dates (2027-02-06..2027-02-14)
clerk-calendar-other-year = "{ $entry }" is not in { $year }
clerk-calendar-overlap = { $a } overlaps { $b }
clerk-calendar-workday-range = list worked weekend days one by one, not as the range "{ $entry }"
clerk-calendar-workday-weekday = { $date } is not a Saturday or Sunday: it is a working day anyway
clerk-calendar-both = { $date } is listed both as a day off and as a worked day
clerk-calendar-file-year = the file says { $file }, the command says { $year }
clerk-calendar-exists = the calendar already holds the public holidays of { $year }
clerk-calendar-exists-hint = see them with dispute admin calendar list; if the State Council corrected its notice, replace the whole year with --replace: dispute admin calendar add { $year } --replace --off …
clerk-calendar-same = the holidays given for { $year } are those already in the calendar; nothing to replace
clerk-calendar-nothing-to-replace = the calendar has no { $year } yet: --replace is not needed
clerk-calendar-add-summary = public holidays of { $year } added ({ $off } periods off, { $workdays } weekend days worked)
clerk-calendar-replace-summary = public holidays of { $year } replaced ({ $off } periods off, { $workdays } weekend days worked)
clerk-col-year = Year
clerk-col-days-off = Days off
clerk-col-workdays = Weekend days worked

## Departments and settings
clerk-field-county = county name
clerk-field-leader-title = leader's title
clerk-field-dept-code = department code
clerk-field-dept-name = department's full name
clerk-field-dept-short = department's short name
clerk-dept-bad-code = "{ $code }" cannot be a department code: use 1 to 16 lowercase ASCII letters (it becomes the prefix of case IDs)
clerk-dept-reserved = "{ $code }" is reserved by the tool (the discipline commission and the 12345 hotline office are not members)
clerk-dept-exists = department code { $code } is already the member "{ $name }"
clerk-dept-exists-hint = see the members with dispute admin dept list; rename one with dispute admin dept edit { $code } --name … --short …
clerk-dept-add-summary = member department { $code } { $name } added
clerk-dept-edit-nothing = give the new name with --name or --short
clerk-dept-edit-unchanged = the names of { $code } are unchanged
clerk-dept-edit-summary = member department { $code } renamed: { $name } ({ $short })
clerk-col-code = Code
clerk-col-dept-name = Full name
clerk-col-dept-short = Short name
clerk-col-leading-group = In the leading group
clerk-group-office = hosts the leading-group office
clerk-group-deputy = deputy leader's department
clerk-group-member = member

## Operators
clerk-operator-exists = operator ID { $id } is already taken
clerk-operator-email-taken = the email { $email } is registered to operator { $id }
clerk-operator-taken-hint = choose another ID or email; dispute operator list shows the operators
clerk-operator-taken-disabled-hint = { $id } is disabled; if the same person is back at work, enable them again with dispute operator enable { $id } rather than registering them twice

## Help of the admin commands
cli-admin-calendar-about = Public holidays as the State Council's notices set them: add a year, list the years
cli-admin-calendar-add-about = Add one year of public holidays (--replace corrects a year already there); e.g. dispute admin calendar add 2027 --off 2027-01-01 --off 2027-02-06..2027-02-14 --workday 2027-02-20
cli-admin-calendar-add-year = The year, e.g. 2027
cli-admin-calendar-add-off = A day off (2027-01-01) or a range FROM..TO (2027-02-06..2027-02-14), repeatable
cli-admin-calendar-add-workday = A Saturday or Sunday that is worked (2027-02-20), repeatable
cli-admin-calendar-add-file = Read them from a TOML file: off = ["2027-01-01", "2027-02-06..2027-02-14"], workday = ["2027-02-20"]
cli-admin-calendar-add-replace = Replace the whole year already in the calendar (when a notice is corrected)
cli-admin-calendar-list-about = List the years in the calendar with their days off and worked weekend days
cli-admin-calendar-list-json = Print JSON
cli-admin-dept-about = Member departments: add, rename, list (a code never changes: it is the prefix of case IDs)
cli-admin-dept-add-about = Add a member department (major cases assign it too)
cli-admin-dept-add-code = Department code: lowercase letters, e.g. housing
cli-admin-dept-add-name = Full name, e.g. Ruicheng County Housing and Urban-Rural Development Bureau
cli-admin-dept-add-short = Short name for tables
cli-admin-dept-edit-about = Change a member department's full or short name (the code stays)
cli-admin-dept-edit-code = Department code
cli-admin-dept-edit-name = New full name
cli-admin-dept-edit-short = New short name
cli-admin-dept-list-about = List the member departments with their codes
cli-admin-dept-list-json = Print JSON

## Identity
clerk-err-unknown-git-email = no operator was chosen, and git's user.email ({ $email }) is not the email of any operator of this casebook
clerk-hint-unknown-git-email = choose the operator with --as OPERATOR-ID (or DISPUTE_OPERATOR) and your private key with --key FILE (or DISPUTE_KEY); or run git config user.email REGISTERED-EMAIL in this casebook; dispute operator list shows the operators
clerk-key-taken-hint = every operator signs with a key of their own: make a new one with dispute keygen and register its public key

## Corrections and voiding
clerk-status-voided = Voided
clerk-action-correct = Registration corrected
clerk-action-void = Voided
clerk-commit-correct = { $field } corrected
clerk-commit-void = voided (registered by mistake)
clerk-field-payer-kind = Payer type
clerk-field-payer-name = Payer name
clerk-field-payer-id = ID number
clerk-field-contact = Contact person
clerk-field-phone = Phone
clerk-field-summary = Matter raised
clerk-field-title = Title
clerk-field-district = District
clerk-field-channel = Channel
clerk-field-category = Dispute category
clerk-correct-unchanged = "{ $field }" is already "{ $value }": nothing to correct
clerk-correct-unchanged-hint = dispute show { $id } shows the registration as it stands
clerk-correct-required = this cannot be left empty; give the right value with --value
clerk-correct-bad-category = "{ $value }" is not a dispute category number 1–10 (dispute categories lists them)
clerk-correct-bad-code = "{ $value }" is not one of: { $codes }
clerk-void-work-done = the case has been worked on ({ $action }): only a case just registered or classified can be voided; handle it to the end, and correct wrong registration facts with dispute correct
clerk-field-reason = reason
cli-correct-about = Correct a fact of the registration (receiving department; the old value stays in history and dispute show lists every correction)
cli-correct-id = The case ID (TAX-2026-0001)
cli-correct-field = What to correct
cli-correct-value = The right value (an empty "" clears the title, contact or ID number)
cli-correct-reason = Why (kept in the case)
cli-correct-at = When it was corrected (RFC 3339); default now
cli-void-about = Void a case registered by mistake (only while registered or just classified; it keeps its number and leaves every list and statistic)
cli-void-id = The case ID (TAX-2026-0001)
cli-void-reason = Why (kept in the case)
cli-void-at = When it was voided (RFC 3339); default now

## The case sheet (show)
clerk-sheet-decided-note = { $time }, { $who }: { $note }
clerk-sheet-done-late = {" "}(done, { $days } working days late)
clerk-sheet-sec-void = [Voided]
clerk-sheet-voided = { $time }, { $who } voided the case: { $reason }
clerk-sheet-sec-corrections = [Corrections]
clerk-sheet-correction = { $time }, { $who } corrected "{ $field }": { $change }
clerk-sheet-correction-change = was "{ $old }", now "{ $new }"
clerk-sheet-correction-hidden = a confidential detail; the old value is not shown here (see git history)
clerk-sheet-correction-reason = Reason: { $reason }
clerk-sheet-empty = (empty)

## Writes that happen whole or say what happened
clerk-precheck-symlink = is a symbolic link and cannot be written through
clerk-precheck-not-a-dir = is not a directory and stands in the way of the file to write
clerk-precheck-not-a-file = is not a regular file
clerk-precheck-read-only = cannot be written (read-only)
clerk-precheck-full = is on a full disk
clerk-err-worktree-blocked = { $path } in the working tree { $reason }; nothing was written
clerk-hint-worktree-blocked = fix that first (remove or repair the path, restore write permission, free disk space; git status shows the working tree), then run the same command again
clerk-err-committed = { $what } is committed ({ $commit }), but updating the working tree afterwards failed: { $problem }
clerk-hint-committed = the step is on record in the casebook: do not do it again (do not register again); once the problem is fixed, any dispute command brings the working tree in line; dispute show / dispute log show { $what }
clerk-recovered-worktree = the last write ({ $subject }) was committed but the working tree was not updated; brought in line with HEAD: { $paths }
clerk-recovered-overtaken = the last write ({ $subject }, commit { $commit }) was committed but the working tree was not updated, and the branch has moved on since (HEAD is now { $head }); the working tree was left alone: check the history with dispute verify and the working tree with git status
clerk-recovered-nothing = the last write (commit { $commit }) was interrupted before the branch moved: it never entered the casebook, which is unchanged

## Rough edges
clerk-classify-needs-category = it has no dispute category: none was given at registration; give one with --category (1–10; dispute categories lists the ten)
clerk-classify-needs-track = classify with --track own|general|major, or redirect the payer with --redirect DEPT --note …
-dispute-categories = 1 { category-1 }; 2 { category-2 }; 3 { category-3 }; 4 { category-4 }; 5 { category-5 }; 6 { category-6 }; 7 { category-7 }; 8 { category-8 }; 9 { category-9 }; 10 { category-10 } (dispute categories lists them)
clerk-col-category-number = No.
clerk-col-category-name = Dispute category
clerk-categories-source = as numbered in section 3(3) of the county's joint handling mechanism
cli-categories-about = List the ten dispute categories with their numbers (--category takes the number)
cli-categories-json = Print JSON

# Each action as a verb phrase, for refusals: not permitted to …, cannot … .
clerk-verb-register = register a case
clerk-verb-classify = classify the case
clerk-verb-redirect = send the payer to another department
clerk-verb-assign = assign departments
clerk-verb-unassign = withdraw an assignment
clerk-verb-dispatch = hand the case to the competent department
clerk-verb-opinion = give a written opinion
clerk-verb-escalate-leading-group = report the case to the leading group
clerk-verb-escalate-hotline = refer the case to the county government office
clerk-verb-escalate-discipline = hand a lead to the discipline commission
clerk-verb-approve = approve handling as a major case
clerk-verb-reject = decline handling as a major case
clerk-verb-consult = hold a consultation
clerk-verb-reply = reply to the payer in writing
clerk-verb-archive = archive the case
clerk-verb-correct = correct the registration
clerk-verb-void = void the case

# What a case waits for next (the hint when an action comes out of order).
clerk-next-registered = classify it first: dispute classify { $id } --track own|general|major (or --redirect DEPT --note … if it is outside the mechanism)
clerk-next-handling = the case is being handled; before the written reply it still needs: { $missing }; dispute show { $id } has the details
clerk-next-reply = the case is being handled and its records are complete; next comes the written reply: dispute reply { $id } --file REPLY.txt
clerk-next-awaiting-approval = the case waits for the leader's decision: dispute approve { $id } --note … (--reject to decline), by the leader
clerk-next-referred = the case waits for the county government office: dispute assign { $id } --dept DEPT --hotline-ticket TICKET, by its dispatcher
clerk-next-replied = the payer has the written reply; next comes archiving: dispute archive { $id } --outcome accepted (or --outcome objected --remedy …)
clerk-next-archived = the case is archived and closed; dispute show { $id } shows all its records
clerk-next-redirected = the payer was sent to another department and the case is closed; dispute show { $id } shows it
clerk-next-voided = the case is voided and takes no more actions; dispute show { $id } shows why
clerk-err-bad-date = date "{ $date }" is not recognised
clerk-hint-bad-date = write dates as YYYY-MM-DD (e.g. 2026-03-16) or 2026/3/16, without a time of day
clerk-import-not-replayed = an import cannot replay this step (a dispatch by the county office, a lead to the discipline commission): take it with its command after the import, or leave the column empty
clerk-import-voided = this case was voided and is not imported; remove the row and import again
clerk-field-field = field to correct
clerk-correct-sealed-field = this casebook keeps the payer's name (individuals), ID number, contact and phone encrypted, and dispute correct cannot change them yet (the new value would have to be sealed to the case's departments again, which is not built); check them with dispute show and, if need be, void the case and register it again
