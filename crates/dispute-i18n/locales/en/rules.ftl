# The rules of the regulation as written (issue 13): the workroom of the approval bureau,
# every member on a major matter, the leader's own time limit, the 12345 loop, petitions,
# online public opinion, policy consultations, both parties of a dispute.

## The rules edition of a casebook
rules-book-edition-unsupported = handling rules edition { $rules } is not supported (this tool supports 1 to { $supported })

## Labels
label-action-mediate = Mediation
label-action-exempt = Leader exempts a member from its opinion
obligation-approval = Leader's decision
dept-leading-group = Leading group (leader)

## Who may act
rules-rule-receiver-or-workroom = only a receiver of the receiving department ({ $dept }), or the dispute workroom (a receiver of the approval bureau, on general matters), may do this

## Classification
rules-reclassify-own-only = a case under handling can only be changed from "own remit" to "general matter" (this case is: { $track })
rules-commit-reclassify-general = own-remit matter turned into a general matter, handled jointly under the receiving department

## Mediation
rules-mediate-general-only = mediation is for general matters and matters of the department's own remit; major matters go to the leading group's consultation, referrals to the competent department
rules-commit-mediate = mediation by { $dept }, result recorded

## Major matters: every member unit's written opinion, or the leader's exemption
rules-missing-member-opinions = the written opinions of the member units ({ $depts }; or the leader's exemption: dispute exempt)
rules-field-exempt-dept = department exempted
rules-exempt-major-only = only a major matter the leader approved needs every member unit's opinion, so only there can a member be exempted
rules-exempt-not-member = { $dept } is not a member of this special case
rules-exempt-has-opinion = { $dept } has already given its written opinion; no exemption is needed
rules-exempt-already = { $dept } is already exempted
rules-commit-exempt = leader exempts { $dept } from its written opinion
rules-field-mediation-result = mediation result
rules-admin-bad-edition = the rules edition must be a whole number from 1 to { $supported }, not "{ $value }"
rules-admin-no-downgrade = the rules edition can only go up (it is { $from }, not { $to }): past actions are verified under the edition they were taken under

## Command-line help
cli-mediate-about = Record a mediation and its result. General matters are mediated by the dispute workroom (a receiver of the approval bureau) or the receiving department; matters of the department's own remit by the receiving department.
cli-mediate-id = The case ID
cli-mediate-result = The result of the mediation
cli-mediate-file = Read the result from a file (UTF-8; - for stdin)
cli-mediate-at = When it actually happened (RFC 3339); default now
cli-exempt-about = The leader exempts a member unit from its written opinion (a major matter needs every member unit's opinion before the reply). Only the leader of the leading group (leader) may do this.
cli-exempt-id = The case ID
cli-exempt-dept = The member unit exempted (department code)
cli-exempt-reason = Why it need not give an opinion
cli-exempt-at = When the leader decided (RFC 3339); default now

## stats: the leader's own line
rules-stats-approval = Leader's decisions: { $decided } decided ({ $on_time } on time, { $late } late), { $pending } waiting; working days from report to decision: median { $median }, longest { $max }

## show: the case sheet
rules-sheet-exemption = { $time }, { $who }: { $dept } exempted from its written opinion. { $reason }
rules-sheet-sec-mediation = {"["}Mediation]
rules-sheet-mediation = { $time }, { $who } ({ $dept }), result of the mediation:

## The 12345 loop (四（六）): the competent department replies to the payer directly and
## reports back to the receiving department by the date on the referral form
label-action-feedback = Competent department reports back
obligation-feedback = Report back to the receiving department
rules-rule-referral-reply = on a referral the competent department gov dispatched it to (a receiver or handler) replies to the payer directly
rules-rule-feedback = only the competent department of a referral (a receiver or handler) reports back to the receiving department
rules-dispatch-due-on-form = the competent department's time limit is the feedback date on the referral form ({ $date }); the dispatch sets no other
rules-referral-no-opinion = a referral is handled by the competent department: it replies to the payer with dispute reply and reports back to the receiving department with dispute feedback
rules-archive-needs-feedback = the competent department has not reported back to the receiving department yet (dispute feedback)
rules-field-feedback = report back
rules-feedback-referral-only = only a matter referred through the county office is reported back by a competent department
rules-feedback-already = the competent department has already reported back
rules-commit-feedback = { $dept } reports back to the receiving department
rules-commit-reply-by = { $dept } writes to the payer
cli-feedback-about = The competent department of a referral reports back to the receiving department on how it handled the matter (the referral form: "reply to the payer directly and report back to the receiving department by …"). The reply to the payer is dispute reply.
cli-feedback-id = The case ID
cli-feedback-text = How the matter was handled
cli-feedback-file = Read it from a file (UTF-8; - for stdin)
cli-feedback-at = When it actually happened (RFC 3339); default now
rules-sheet-feedback = Reported back: { $time }, { $who } ({ $dept })

## The petition bureau's leads (三（二）8)
label-action-lead = Petition bureau passes a lead
rules-rule-petition = only a receiver or handler of the petition bureau may pass a lead
rules-lead-own = a matter of the receiving department's own remit takes no other department: the receiving department first makes it general with dispute classify ID --track general
rules-lead-referral = a referral goes to its competent department through the county office; no lead is passed on it
rules-field-lead-dept = department given the lead
rules-lead-self = a lead goes to the competent department, not to the petition bureau itself
rules-commit-lead = the petition bureau passes a lead to { $dept }; the case stays open
rules-sheet-sec-lead = {"["}Petition lead]
rules-sheet-lead = { $time }, { $who }: to { $dept }. { $note }
cli-lead-about = The petition bureau passes a lead on a dispute to the competent department (regulation section 3.2.8): that department is assigned to give its written opinion, and the case stays open. Only a receiver or handler of the petition bureau may do this.
cli-lead-id = The case ID
cli-lead-to = The competent department (department code)
cli-lead-note = What the lead is
cli-lead-at = When it actually happened (RFC 3339); default now

## Online public opinion (三（二）9)
label-action-opinion-watch = Cyberspace office flags public opinion
label-action-opinion-response = Cyberspace office records the response
rules-rule-cac = only a receiver or handler of the cyberspace office may record online public opinion and its response
rules-field-incident = public-opinion incident
rules-incident-unknown = this case has no incident number { $n } (it has { $count })
rules-incident-none-open = this case has no public-opinion incident waiting for a response (record one first with dispute opinion-watch ID --source … --summary …)
rules-incident-answered = incident { $n } already has its response
rules-commit-opinion-watch = the cyberspace office flags online public opinion about the case
rules-commit-opinion-response = the cyberspace office records the response to public opinion
rules-sheet-sec-opinion = {"["}Online public opinion { $n }]
rules-sheet-opinion = { $time }, { $who }; source: { $source }
rules-sheet-opinion-response = Response: { $time }, { $who }
rules-sheet-opinion-open = Response: not recorded yet
cli-opinion-watch-about = The cyberspace office records online public opinion about the case (regulation section 3.2.9), or with --response its response. Only a receiver or handler of the cyberspace office may do this.
cli-opinion-watch-id = The case ID
cli-opinion-watch-source = Where it was seen (platform, site, forum)
cli-opinion-watch-summary = What is said (no payer's personal details)
cli-opinion-watch-response = Record the response (instead of a new incident)
cli-opinion-watch-incident = Which incident the response answers (default: the latest without one)
cli-opinion-watch-at = When it actually happened (RFC 3339); default now
rules-opinion-watch-needs = an incident needs --source and --summary; a response is recorded with --response
rules-opinion-watch-either = --response records a response and does not go with --source or --summary

## Policy consultations of the leading group (四（二）)
policy-id-mismatch = the ID { $id } in the file does not match where the file is
policy-field-id = consultation ID
policy-bad-id = "{ $id }" is not a consultation ID (like PC-2026-0001)
policy-action = recording a policy consultation of the leading group
policy-rule-office = only the leading-group office (office) may record a policy consultation
policy-commit = leading group consults on a policy-wide question ({ $depts } departments, { $cases } cases concerned); minutes recorded
policy-audit-changed = the consultation record { $path } may only be created, never changed or deleted
policy-audit-trailer = the commit's Policy trailer does not match the record's ID { $id }
policy-audit-who-when = who recorded consultation { $id }, or when, does not match the commit
policy-audit-one-file = a policy-consult commit creates exactly one record under policy/
policy-case-missing = the casebook has no case { $id }
policy-field-topic = topic
policy-field-minutes = minutes
policy-untracked = { $path } exists but is not committed (a hand-made file?): deal with it first
policy-list-empty = no policy consultations recorded yet
policy-col-id = ID
policy-col-at = Held
policy-col-topic = Topic
policy-col-attendees = Attending
policy-col-cases = Cases
cli-policy-consult-about = The leading-group office records a consultation on a policy-wide or recurring question (regulation section 4.2): not tied to one case, it is a file of its own under policy/ with the minutes and the cases it concerns. Prints the new ID as the only line on stdout.
cli-policy-consult-topic = The question (no payer's personal details)
cli-policy-consult-attendee = Attending departments (comma-separated or repeated)
cli-policy-consult-minutes = Full text of the minutes
cli-policy-consult-file = Read the minutes from a file (UTF-8; - for stdin)
cli-policy-consult-cases = A case it concerns (comma-separated or repeated)
cli-policy-consult-at = When it was held (RFC 3339); default now
cli-policy-about = Policy consultations of the leading group
cli-policy-list-about = List the policy consultations
cli-policy-list-json = Print JSON
cli-policy-list-year = Only this year's consultations

## stats: public opinion
rules-stats-opinion = Online public opinion: { $incidents } incidents ({ $answered } with a response); petition leads passed: { $leads }
rules-field-case = case concerned
rules-stats-col-max-days-late = Longest delay (working days)
rules-stats-col-opinion-incidents = Public opinion

## Both parties (四（四）: 向争议双方进行反馈)
rules-field-counterparty = other party
rules-counterparty-same-kind = the other party of an employment dispute is of the other kind: an employee's is the employer, an employer's is the employee
rules-party-payer = payer
rules-party-counterparty = other party
rules-sheet-counterparty = Other party: { $name } ({ $kind }) { $phone }
rules-sheet-informed = Informed: { $parties }
rules-sheet-act-date = Administrative act known on: { $date }
rules-audit-counterparty-sealing = the other party's data must be sealed with the payer's: only the masked phone and individual name in the clear, the ciphertext open to the same recipient departments as the payer's
cli-register-counterparty = The other party of a dispute between an employee and the employer (its name): the written reply goes to both parties, one notice each
cli-register-counterparty-phone = The other party's phone

## The leader's decision on a rejection
rules-field-handled-as = how the leader decides it is handled
rules-handled-as-only-reject = --handle-as says how a matter is handled when the leader declines (--reject), and --reject needs it
rules-handled-as-own-or-general = declining a special case, the leader decides on a general matter (general) or the receiving department's own remit (own)
rules-handled-as-referral = a referral stays with its competent department; no other way of handling is decided
rules-data-own-unassigned = the leader decided it is the receiving department's own remit
rules-commit-reject-as = leader declines a special case; handled as: { $track }
rules-sheet-handled-as = The leader decided it is handled as: { $track }
cli-approve-handle-as = With --reject: how the leader decides the matter is handled instead
cli-approve-handle-as-general = A general matter, handled jointly under the receiving department
cli-approve-handle-as-own = The receiving department's own remit

## The reply: the date of the administrative act
rules-field-act-date = date the administrative act was known
rules-act-date-future = { $date } is after the reply
cli-reply-act-date = The day the payer knew of the administrative act the dispute is about (YYYY-MM-DD): the written notice then computes the last days for reconsideration and litigation; without it, it states the rules only

## The written notice: each party, periods as rules
rules-notice-opening-counterparty = On { $date }, { $payer } raised the matter “{ $about }”, which concerns { $you } (case ID { $id }) and which { $dept } accepted. Having handled it according to law, we hereby give you our decision in writing:
rules-notice-copies-two = (This notice is made in triplicate: one copy for each party to the dispute, one for the file.)
rules-notice-periods-rule = The periods for reconsideration and litigation run from the day the administrative act was known or should have been known, not from the receipt of this notice.
rules-notice-periods-rule-arbitration = The periods for reconsideration and litigation run from the day the administrative act was known or should have been known, and the arbitration period from the day the infringement of rights was known or should have been known; none of them runs from the receipt of this notice.
rules-notice-act-date = The payer knew of the administrative act on { $date }, as verified; the periods for reconsideration and litigation above are counted from that day.
rules-notice-act-date-arbitration = The payer knew of the administrative act on { $date }, as verified; the periods for reconsideration and litigation above are counted from that day. The arbitration period runs from the day the infringement of rights was known or should have been known.
rules-notice-no-counterparty = no other party is registered for this case (dispute register --counterparty): there is only the payer's notice
cli-form-party = Print only this party's notice: payer or counterparty; default one for each party
cli-form-party-payer = The payer
cli-form-party-counterparty = The other party of an employment dispute
rules-form-party-notice-only = --party applies to the written notice (notice) only

## The actions as verbs, for refusals: clerk-verb-<code>
clerk-verb-mediate = mediate
clerk-verb-exempt = exempt a member unit from its written opinion
clerk-verb-feedback = report back to the receiving department
clerk-verb-lead = pass a lead
clerk-verb-opinion-watch = record online public opinion
clerk-verb-opinion-response = record the response to public opinion
