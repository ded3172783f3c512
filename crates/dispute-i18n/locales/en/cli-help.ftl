# Help texts of the command line (clap): `cli-<path>-about`, `cli-<path>-long` (the whole
# --help text), `cli-<path>-<argument>`, and `cli-<path>-<argument>-<value>` for the values
# of a choice. See src/cli/locale.rs.

# dispute
cli-about = Casebook tool for the joint handling of social insurance fee disputes
cli-long =
    Casebook tool for the joint handling of social insurance fee disputes

    Each dispute is one TOML file in the casebook (a git repository); each action taken is one commit authored by the operator, so the git history is the record of handling. Create a casebook with `dispute init`, then register cases with `register`.

# init
cli-init-about = Create a casebook: a git repository, casebook.toml (the nine member departments, the leading group, default time limits, public holidays 2024–2026) and cases/
cli-init-long =
    Create a casebook: a git repository, casebook.toml (the nine member departments, the leading group, default time limits, public holidays 2024–2026) and cases/

    The first operator is the admin and authors the initial commit. A directory that already holds a casebook is refused and left untouched.
cli-init-dir = Casebook directory (default: the current directory; created if missing)
cli-init-county = Name of the county
cli-init-admin = The admin's operator ID (lowercase letters, digits, . _ -)
cli-init-name = The admin's name
cli-init-email = The admin's email (author of git commits)
cli-init-dept = The admin's department code (tax hrss medical justice finance approval petition cac gov)

# operator
cli-operator-about = Manage operators and their keys (add, list, disable, enable, edit, key); changes are for the admin only, one signed commit each

# operator add
cli-operator-add-about = Add an operator
cli-operator-add-id = Operator ID (lowercase letters, digits, . _ -, starting with a letter)
cli-operator-add-name = Name
cli-operator-add-email = Email (author of git commits)
cli-operator-add-dept = Department code
cli-operator-add-roles = Role, repeatable: receiver, handler, office (leading group office), leader, dispatcher, admin
cli-operator-add-phone = Office phone (printed as the receiver's phone on referral forms)

# operator list
cli-operator-list-about = List the operators
cli-operator-list-json = Print JSON

# operator disable
cli-operator-disable-about = Disable an operator (kept on record, can no longer act)
cli-operator-disable-id = Operator ID

# register
cli-register-about = Register a case: the payer, time of contact, contact details, township of the matter and the matter raised
cli-register-long =
    Register a case: the payer, time of contact, contact details, township of the matter and the matter raised

    Only a receiver can register; the registering operator is the first-contact officer. The case ID is assigned from the operator's department and the year of receipt (e.g. TAX-2026-0001) and is the only line printed on standard output, for scripts.
cli-register-payer-kind = Kind of payer
cli-register-payer-name = Payer's name (employer or individual)
cli-register-payer-id = Unified social credit code or resident ID card number (18 characters, check digit verified)
cli-register-contact = Contact person
cli-register-phone = Phone (mobile or landline)
cli-register-district = Township or subdistrict of the matter
cli-register-summary = The matter raised
cli-register-title = Short title (goes into commit messages; no personal details)
cli-register-channel = How the case was received
cli-register-at = When the payer actually came in (or called), RFC 3339; default now, not later than now
cli-register-category = Dispute category (may also be set at classification): { -dispute-categories }
cli-register-insurance = Insurance schemes involved, comma-separated: pension,work_injury,unemployment,medical

# classify
cli-classify-about = Classify a case: own department (own), general matter (general, several departments), major matter (major, needs the leader's approval); or --redirect to send the payer to another department (closes the case)
cli-classify-long =
    Classify a case: own department (own), general matter (general, several departments), major matter (major, needs the leader's approval); or --redirect to send the payer to another department (closes the case)

    Only a receiver of the receiving department can classify, and only a case that is registered.
cli-classify-id = Case ID
cli-classify-track = Track (to refer a matter to the county office, use dispute escalate --to hotline)
cli-classify-category = Dispute category (default: the one given at registration): { -dispute-categories }
cli-classify-insurance = Insurance schemes involved, comma-separated (default: those registered)
cli-classify-redirect = Outside the receiving department's remit: code of the department the payer is sent to
cli-classify-note = Note (what the payer is told; for a major matter, why it is reported)
cli-classify-at = When it was actually done (RFC 3339); default now

# assign
cli-assign-about = Assign departments for written opinions (with due dates); for a referred case the county office's dispatcher hands it to the competent department with --hotline-ticket; or --remove withdraws an assignment
cli-assign-long =
    Assign departments for written opinions (with due dates); for a referred case the county office's dispatcher hands it to the competent department with --hotline-ticket; or --remove withdraws an assignment

    The default due date follows the time limits in casebook.toml (general matter 5 working days, major matter 10, referred case 5), counted from the day of assignment.
cli-assign-id = Case ID
cli-assign-dept = Department code to assign, repeatable
cli-assign-due = Due date (YYYY-MM-DD); default from the time limits (this county's settings)
cli-assign-hotline-ticket = 12345 hotline ticket number (required when the county office hands on a referred case)
cli-assign-remove = Withdraw the assignment of this department
cli-assign-reason = Why the assignment is withdrawn
cli-assign-at = When it was actually done (RFC 3339); default now

# opinion
cli-opinion-about = Submit your department's written opinion (handler; the department must be assigned). Submitting again replaces it; the old text stays in the git history. For a referred case, the competent department submits its result with this command.
cli-opinion-id = Case ID
cli-opinion-dept = Department code (default: the operator's department; only your own)
cli-opinion-text = Full text of the opinion
cli-opinion-file = Read the opinion from a file (UTF-8; - for standard input)
cli-opinion-at = When it was actually issued (RFC 3339); default now

# escalate
cli-escalate-about = Escalate or refer: to the leading group (leading-group), to the county office via the 12345 hotline (hotline), to the discipline commission (discipline)
cli-escalate-long =
    Escalate or refer: to the leading group (leading-group), to the county office via the 12345 hotline (hotline), to the discipline commission (discipline)

    Done by a receiver of the receiving department. The receiver's phone on the referral form is --receiver-phone, or the phone in the operator's record.
cli-escalate-id = Case ID
cli-escalate-to = Where to escalate or refer
cli-escalate-to-leading-group = Report to the leading group (asking the leader to handle it as a major matter)
cli-escalate-to-hotline = Unclear responsibility: fill in a referral form for the county office to dispatch via the 12345 hotline
cli-escalate-to-discipline = A department refuses to act without good reason: refer the matter to the county discipline commission
cli-escalate-reason = Reason (for a referral: the opinion on the referral form)
cli-escalate-dept = Code of the department refusing to act (required with --to discipline)
cli-escalate-summary = Summary of the matter on the referral form (default: the matter as registered)
cli-escalate-receiver-phone = The receiver's phone on the referral form
cli-escalate-at = When it was actually done (RFC 3339); default now

# approve
cli-approve-about = Leader's decision: approve handling as a major matter, with every member department giving a written opinion within the major-matter time limit (the leader may exempt a member with dispute exempt); --reject declines, with --handle-as saying how the matter is handled instead. Only the leader of the leading group can decide.
cli-approve-id = Case ID
cli-approve-reject = Decline a special case (say how it is handled with --handle-as)
cli-approve-note = The leader's comments
cli-approve-at = When it was actually decided (RFC 3339); default now

# consult
cli-consult-about = Record a consultation meeting and its minutes: general consultation (general) or major consultation (major, only for a major matter approved by the leader)
cli-consult-long =
    Record a consultation meeting and its minutes: general consultation (general) or major consultation (major, only for a major matter approved by the leader)

    Recorded by a receiver of the receiving department or by the leading group office (office).
cli-consult-id = Case ID
cli-consult-kind = Kind of consultation
cli-consult-attendees = Attending department codes, repeatable or comma-separated
cli-consult-minutes = Full text of the minutes
cli-consult-minutes-file = Read the minutes from a file (UTF-8; - for standard input)
cli-consult-at = When the meeting took place (RFC 3339); default now

# reply
cli-reply-about = Written reply to the payer (the overall handling opinion). A general matter needs the written opinions of all assigned departments, a major matter the minutes of a major consultation approved by the leader, a referred case the competent department's result; if anything is missing, the reply is refused with a list of what is missing.
cli-reply-id = Case ID
cli-reply-text = Full text of the reply
cli-reply-file = Read the reply from a file (UTF-8; - for standard input)
cli-reply-at = When the reply was actually given (RFC 3339); default now

# archive
cli-archive-about = Archive a case (it must have been replied to): the payer accepts (accepted), or objects (objected, recording the remedy chosen)
cli-archive-id = Case ID
cli-archive-outcome = The payer's response to the outcome
cli-archive-remedy = The remedy the payer chose when objecting
cli-archive-note = Note
cli-archive-at = When it was actually archived (RFC 3339); default now

# show
cli-show-about = Show a case: registration, classification, time limits (overdue marked), assigned departments, written opinions, consultation minutes, referral form, reply, timeline
cli-show-long =
    Show a case: registration, classification, time limits (overdue marked), assigned departments, written opinions, consultation minutes, referral form, reply, timeline

    The payer's phone, ID number and contact person are masked by default; --reveal shows them, for operators of the receiving department and the assigned (competent) departments only.
cli-show-id = Case ID
cli-show-json = Print JSON
cli-show-reveal = Show the payer's details unmasked (receiving or assigned department's operators only)

# list
cli-list-about = List cases (by ID): ID, status, dispute category, payer, township, time received, next due date
cli-list-long =
    List cases (by ID): ID, status, dispute category, payer, township, time received, next due date

    Case files that cannot be read are named, and the other cases are listed as usual (the exit code is then 4).
cli-list-status = Only cases in this status
cli-list-dept = Only cases this department received or was assigned
cli-list-track = Only cases on this track
cli-list-category = Only cases of this dispute category: { -dispute-categories }
cli-list-year = Only cases received in this year
cli-list-overdue = Only cases with something overdue
cli-list-json = Print JSON

# log
cli-log-about = Show a case's handling record (from the git history): commit time, operator and department, action, note, commit
cli-log-id = Case ID
cli-log-json = Print JSON

# overdue
cli-overdue-about = List everything overdue (classification, written opinions, dispatch, reply, archiving): responsible department, responsible person, working days overdue, most overdue first
cli-overdue-as-of = Count as of this day (YYYY-MM-DD); default today
cli-overdue-dept = Only what this department has to do
cli-overdue-json = Print JSON

# verify
cli-verify-about = Verify the casebook's history: check every commit's trailers, that its author was an operator on record with the right role at the time, that the change is a valid result of the action (by replaying the workflow), that no case file was deleted or renamed, and that no case ID was reused
cli-verify-long =
    Verify the casebook's history: check every commit's trailers, that its author was an operator on record with the right role at the time, that the change is a valid result of the action (by replaying the workflow), that no case file was deleted or renamed, and that no case ID was reused

    Exit code 0 when the history is clean; otherwise every problem is listed (commit, case, operator, rule broken) and the exit code is 1.
cli-verify-since = Only verify the history after this commit (default: from the first commit)
cli-verify-json = Print JSON

# import
cli-import-about = Import a ledger (such as last year's paper ledger typed into a spreadsheet): CSV (UTF-8, with or without BOM, or Excel's default GB18030) or TOML
cli-import-long =
    Import a ledger (such as last year's paper ledger typed into a spreadsheet): CSV (UTF-8, with or without BOM, or Excel's default GB18030) or TOML

    One case per row, optionally with the steps already done (classification, assignments, written opinions, reply, archiving) and their times; every row is replayed through the workflow and must give a case the workflow could produce. All rows are checked first: if any has an error, every error is listed with its row number, column and reason, the exit code is 4 and nothing is imported; if all are correct, they are imported in one commit authored by the importing operator. The same file cannot be imported twice. The importing operator must be a receiver; case IDs are assigned from their department (or given in the ID column).
cli-import-file = Ledger file (.csv or .toml)
cli-import-dry-run = Check only, do not import
cli-import-template = Print a CSV template (Chinese column names and one example row, with a BOM for Excel)

# export
cli-export-about = Export the case ledger: one row per case, by ID
cli-export-long =
    Export the case ledger: one row per case, by ID

    Columns: ID, time received, channel, payer, kind of payer, contact person, phone, ID number, township, title, matter raised, dispute category, insurance schemes, track, department the payer was sent to, receiving department, first-contact officer, assigned departments, time assigned, status, due and done times of classification/dispatch/written opinions/reply/archiving, the reply, overdue or not (as of --as-of, counted as in dispute overdue), overdue items, result, payer's response, remedy, referral to the discipline commission, note; then two columns for each department that gave a written opinion: Written opinion (dept), Opinion time (dept).

    The ledger reads on its own and imports again: a file written with dispute export --reveal -o ledger.csv imports into another casebook with dispute import (own, general and redirected cases; the import replays the workflow and does not read the derived columns such as due dates).

    Formats: csv (UTF-8 with BOM, opens directly in Excel), xlsx (Excel workbook: bold frozen header row, dates as Excel dates), json (English keys, values as the codes in the case files). Without --format the extension of -o decides, else csv. xlsx is a binary file and must be written with -o (or standard output redirected to a file).

    The payer's contact person, phone and ID number are masked by default; --reveal shows them only for cases your department received or was assigned (as competent department); other cases stay masked, with a warning.
cli-export-format = Export format (default: by the extension of -o, else csv)
cli-export-format-csv = CSV (UTF-8 with BOM)
cli-export-format-xlsx = Excel workbook
cli-export-format-json = JSON array
cli-export-json = Same as --format json
cli-export-year = Only cases received in this year
cli-export-status = Only cases in this status
cli-export-as-of = Judge lateness as of this day (YYYY-MM-DD); default today
cli-export-reveal = Show the payer's details unmasked (only cases your department received or was assigned)
cli-export-output = Write to this file (default: standard output; - is standard output too)

# form
cli-form-about = Print a document: the referral form (referral) or the written notice (notice)
cli-form-long =
    Print a document: the referral form (referral) or the written notice (notice)

    The referral form leaves out the payer's phone and ID number. The remedy deadlines on the written notice are counted from the date of the reply: administrative reconsideration 60 days, administrative litigation six months; for an individual payer, labour dispute arbitration one year as well; a deadline falling on a rest day moves to the next working day.

    Printed to standard output by default; -o writes a file. Without --format, an -o file name ending in .md gives Markdown, anything else HTML.
cli-form-kind = Which document
cli-form-kind-referral = Referral form (the official attachment format): summary of the matter, receiver, referral opinion, official seal, confidentiality note; the case must have been referred to the county office
cli-form-kind-notice = Written notice: the overall handling opinion and the ways and deadlines of administrative reconsideration, administrative litigation and labour arbitration; the case must have been replied to
cli-form-id = Case ID
cli-form-format = Output format (default html)
cli-form-format-md = Markdown, easy to paste
cli-form-format-html = A self-contained HTML page, ready to print on A4 from a browser
cli-form-output = Write to this file (- for standard output)

# stats
cli-stats-about = Performance review: case status, timeliness of each department's written opinions, overdue items, time to reply and to archive, outcomes, referrals to the discipline commission
cli-stats-long =
    Performance review: case status, timeliness of each department's written opinions, overdue items, time to reply and to archive, outcomes, referrals to the discipline commission

    Per department: opinions requested (not counting assignments withdrawn before an opinion was given), given on time, given late (at least one working day after the due date), still overdue (not given, case open, at least one working day past the due date; the same count as the department's written opinions in dispute overdue), pending, case closed without an opinion, on-time rate (on time ÷ (on time + late + still overdue)), median working days from assignment to opinion, all of the department's overdue items, and cases referred to the discipline commission. An opinion counts from when it was first given.

    --as-of only sets the day on which "still overdue" is judged; it does not go back to the state of the cases on that day. --by groups the cases by receiving department, dispute category, month received or track, listing cases, open, replied, archived, and with something overdue.

    Opinions, replies and archives entered from a paper ledger (imported) are listed apart and count in neither on time, late, the on-time rate nor the medians. Work errors: the corrections the department's operators made to cases (dispute correct), and the cases it registered by mistake and voided (dispute void).

    The last table lists, from the git history, each department's actions that happened in the period, and how many of them were recorded (committed) more than one working day after they happened.
cli-stats-year = Only cases received in this year
cli-stats-by = Group by
cli-stats-as-of = Judge lateness as of this day (YYYY-MM-DD); default today
cli-stats-json = Print JSON

# latefee
cli-latefee-about = Compute the late fee on social insurance contributions (Social Insurance Law, Article 86: 0.05% a day from the day payment was due)
cli-latefee-long =
    Compute the late fee on social insurance contributions (Social Insurance Law, Article 86: 0.05% a day from the day payment was due)

    Days are calendar days, both ends included: --from is the first day in arrears (the day after the statutory payment deadline), --to the day actually paid (default today). Amounts are computed in exact decimals and the result is rounded to the fen. No casebook is needed.
cli-latefee-amount = Amount of contributions owed (yuan, at most two decimals, e.g. 12345.67)
cli-latefee-from = First day in arrears (YYYY-MM-DD)
cli-latefee-to = Day paid (YYYY-MM-DD); default today
cli-latefee-json = Print JSON

# completions
cli-completions-about = Print a shell completion script (bash, zsh, fish, powershell, elvish)
cli-completions-long =
    Print a shell completion script (bash, zsh, fish, powershell, elvish)

    The script goes to standard output; its descriptions are in the current language. For example, bash: add source <(dispute completions bash) to ~/.bashrc; zsh: dispute completions zsh > ~/.zfunc/_dispute; fish: dispute completions fish > ~/.config/fish/completions/dispute.fish.
cli-completions-shell = The shell

# man
cli-man-about = Write manual pages: dispute.1 and one page per subcommand (such as dispute-register.1, dispute-operator-add.1)
cli-man-long =
    Write manual pages: dispute.1 and one page per subcommand (such as dispute-register.1, dispute-operator-add.1)

    The pages are in the current language. Read one with man -l DIR/dispute.1; install them by copying into a man1 directory on the man path (such as /usr/local/share/man/man1).
cli-man-output = Write into this directory (created if missing)
cli-global-key = Private key file to sign with (default: DISPUTE_KEY, a registered key in ssh-agent, ~/.ssh/id_ed25519)
cli-init-admin-key = The administrator's public key (a .pub file or the ssh-ed25519 text); default: the public half of the signing key
cli-operator-add-public-key = The operator's public key (a .pub file or the ssh-ed25519 text); without one the operator cannot act in a casebook that requires signing
cli-operator-enable-about = Enable a disabled operator again
cli-operator-enable-id = Operator ID
cli-operator-enable-public-key = Register a new public key at the same time (a .pub file or the ssh-ed25519 text)
cli-operator-edit-about = Change an operator's name, phone, department or roles
cli-operator-edit-id = Operator ID
cli-operator-edit-name = New name
cli-operator-edit-phone = New office phone
cli-operator-edit-dept = New department code
cli-operator-edit-roles = New roles (replacing the old ones), repeatable
cli-operator-key-about = Register a new public key for an operator (the old one stops being valid; past signatures still verify)
cli-operator-key-id = Operator ID
cli-operator-key-public-key = The new public key (a .pub file or the ssh-ed25519 text)
cli-admin-about = Casebook settings (admin only, one signed commit each): signing, the backdating window, deadlines, the county and the leading group, public holidays, member departments; encrypting payer details
cli-admin-require-signing-about = Require every commit from this one on to be signed by its operator's key (for older casebooks; new ones require it from init)
cli-admin-set-about = Change a setting: backdate-window (e.g. 72h); autosync (on or off: sync after every write); rules (the edition of the handling rules; only upwards); a time limit (this county's setting, in working days): deadline.classify, deadline.opinion, deadline.opinion_major, deadline.reply, deadline.reply_major, deadline.dispatch, deadline.referral_handling, deadline.archive, deadline.approval (the leader's decision); county (the county's name); leading-group.leader-title, leading-group.office-dept (the department hosting the office), leading-group.deputy-depts (comma-separated)
cli-admin-set-name = The setting's name
cli-admin-set-value = The new value
cli-keygen-about = Make an Ed25519 SSH key pair (OpenSSH format) for signing, on a computer without ssh-keygen
cli-keygen-output = Where to write the private key (the public key goes to the same name with .pub); default ~/.ssh/id_ed25519
cli-keygen-comment = A comment in the public key, e.g. your email
cli-keygen-passphrase = Protect the private key with a passphrase (typed on the terminal)
cli-signers-about = Write git's allowed_signers file: every operator's registered keys with their validity periods, for git verify-commit and git log --show-signature
cli-signers-output = Write to this file (default: standard output)
cli-admin-encrypt-payers-about = Encrypt the payer phone, ID number, contact and an individual's name of every existing case (only masks stay in the clear), and of every case from now on; one signed commit. Earlier commits still hold them in the clear
cli-export-format-toml = Import file (TOML) of the cases your department received, to carry them into a new casebook; needs --reveal
