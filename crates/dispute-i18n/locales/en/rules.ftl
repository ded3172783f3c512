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
rules-missing-member-opinion = the written opinion of { $dept } (or the leader's exemption: dispute exempt)
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
