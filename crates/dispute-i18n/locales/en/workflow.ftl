# The workflow (crates/dispute-core/src/workflow.rs): refusals, fields, what a reply lacks.
# The two "data" messages (wf-data-*) are written into case files and always taken in Chinese.
wf-action-on-case = { $action } ({ $id })
wf-list-sep = {", "}
## Who may act
wf-rule-opinion-handler-only = only a handler may submit a written opinion
wf-rule-opinion-own-dept = a handler may only submit the written opinion of their own department
wf-rule-leader-only = only the leader of the leading group may decide on major or difficult matters
wf-rule-dispatch-gov = a referred matter is dispatched to the competent department only by a dispatcher of the county government office
wf-rule-referral-assign-gov = the competent departments of a referred matter are assigned by a dispatcher of the county government office
wf-rule-consult = a consultation is organised by a receiver of the receiving department or by the leading-group office (office)
wf-rule-receiver-only = only a receiver of the receiving department ({ $dept }) may handle this case
wf-rule-register-receiver = only a receiver may register a case
## Fields named in refusals
wf-field-track = Track
wf-field-redirect-dept = Department to refer the payer to
wf-field-depts = Joint departments
wf-field-due = Time limit
wf-field-ticket = 12345 hotline ticket number
wf-field-receiver-phone = Receiver's phone
wf-field-discipline-dept = Department referred
wf-field-attendees = Attending departments
wf-field-remedy = Remedy
## Refusals
wf-classify-no-referral = for a referral use dispute escalate --to hotline
wf-redirect-not-self = the payer cannot be referred to the receiving department itself
wf-assign-none = name at least one department
wf-due-before-assign = { $due } is before the assignment date { $day }
wf-dispatch-needs-ticket = dispatching to the competent department needs --hotline-ticket
wf-ticket-only-dispatch = a ticket number is given only when dispatching a referred matter
wf-own-no-assign = a matter handled by the receiving department alone has no joint departments; to involve other departments, first make it a general matter with dispute classify ID --track general
wf-assign-self = the receiving department need not be assigned to itself
wf-already-assigned = { $dept } is already assigned
wf-not-assigned = { $dept } is not currently assigned
wf-opinion-not-assigned = { $dept } is not assigned to this case and cannot submit a written opinion
wf-already-major = it is already a major or difficult matter
wf-already-escalated = it has already been reported to the leading group and the leader has decided
wf-major-no-referral = a major or difficult matter is handled by the leading group as a special case and is not referred
wf-already-referred = it has already been referred to the county government office
wf-referral-needs-phone = the referral form needs the receiver's phone: use --receiver-phone, or record a phone in the operator's details
wf-discipline-never-assigned = { $dept } was never assigned to this case, so it cannot be reported for refusing to handle it
wf-major-consult-needs-approval = a major consultation needs the leader's approval (this case is not an approved major or difficult matter)
wf-consult-no-attendees = list at least one attending department
wf-objected-needs-remedy = when the payer objects, record the remedy they chose with --remedy
wf-accepted-no-remedy = no remedy is recorded when the payer accepts
wf-reply-missing = missing { $items }
## What a reply still lacks
wf-missing-opinion = the written opinion of { $dept }
wf-missing-assignment = joint departments (none assigned yet with dispute assign)
wf-missing-approval = the leader's approval
wf-missing-minutes = the minutes of a major consultation
wf-missing-dispatch = the competent department, dispatched by the county government office
wf-missing-result = the result of the competent department { $dept }
wf-missing-classify = classification
## Written into case files
wf-data-major-reason = Classified by the receiving department as a major or difficult matter; submitted to the leader for approval
wf-data-referral-unassigned = Turned into a referral; the county government office dispatches the competent department
