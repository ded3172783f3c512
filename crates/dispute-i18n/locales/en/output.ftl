# Everything src/output.rs prints: status lines, error lines, tables, the case sheet of `show`.

## Lines on stderr
out-notice = note: { $text }
out-warning = warning: { $text }
out-committed = Committed { $commit }  { $subject }
out-error = error: { $message }
out-hint = hint: { $hint }
out-cannot-write = cannot write: { $reason }
out-written = Written to { $path }
out-list-total = { $n ->
    [one] 1 case
   *[other] { $n } cases
}
out-overdue-total = As of { $date }: { $n ->
    [one] 1 overdue item
   *[other] { $n } overdue items
}
out-findings-total = Checked { $checked ->
    [one] 1 commit
   *[other] { $checked } commits
} that change case files; found { $found ->
    [one] 1 problem
   *[other] { $found } problems
}

## Joining labels in one cell or line
out-list-separator = {", "}

## Table headings
out-col-id = ID
out-col-name = Name
out-col-dept = Department
out-col-roles = Roles
out-col-email = Email
out-col-status = Status
out-col-category = Category
out-col-payer = Payer
out-col-district = District
out-col-received-at = Received
out-col-next-due = Next deadline
out-col-done-at = Done at
out-col-operator = Operator
out-col-action = Action
out-col-summary = Summary
out-col-commit = Commit
out-col-committed-at = Committed at
out-col-pending-item = Pending item
out-col-responsible-dept = Responsible department
out-col-responsible-person = Responsible person
out-col-due = Due
out-col-days-late = Working days late
out-col-case = Case
out-col-problem = Problem
out-col-row = Row
out-col-column = Column
out-col-reason = Reason

## Cells
out-operator-active = Active
out-operator-inactive = Deactivated
out-due-late = { $due } ({ $days ->
    [one] 1 working day
   *[other] { $days } working days
} late)
out-dept-handler = { $dept } handler
out-log-foreign-author = { $name } <{ $email }> (not a dispute commit)

## The case sheet of `show`
out-sheet-title = Case { $id }: { $status }
out-sheet-case-title = Title: { $title }
out-sheet-field-separator = {"; "}
out-sheet-sec-registration = {"["}Registration]
out-sheet-received-by = Receiving department: { $dept }; first-contact officer: { $receiver }
out-sheet-received-at = Received: { $time }; channel: { $channel }; district: { $district }
out-sheet-payer = Payer: { $name } ({ $kind }); phone: { $phone }
out-sheet-payer-contact = contact person: { $contact }
out-sheet-payer-id = ID number: { $id }
out-sheet-matter = Matter raised:
out-sheet-sec-classification = {"["}Classification]
out-sheet-classification = Track: { $track }; dispute category: { $category }
out-sheet-unclassified = Unclassified
out-sheet-insurance = Insurance: { $insurance }
out-sheet-sec-deadlines = {"["}Time limits (this county's settings)]
out-sheet-deadline = { $label }: { $due }{ $state }
out-sheet-overdue-days = {" "}({ $days ->
    [one] 1 working day
   *[other] { $days } working days
} overdue)
out-sheet-done = {" "}(done)
out-sheet-sec-assignments = {"["}Joint (handling) departments]
out-sheet-assignment = { $dept }; due { $due }; { $state }
out-sheet-assignment-withdrawn = withdrawn ({ $time }: { $reason })
out-sheet-opinion-submitted = submitted { $time }
out-sheet-opinion-submitted-late = submitted { $time } (late)
out-sheet-opinion-missing = not submitted{ $late }
out-sheet-sec-opinion = {"["}Written opinion: { $dept }]
out-sheet-who-when = { $who }, { $time }
out-sheet-when-who = { $time }, { $who }
out-sheet-sec-leading-group = {"["}Reported to the leading group]
out-sheet-escalated = { $time }, { $who } reported: { $reason }
out-sheet-decided = { $time }, { $who }: { $decision }. { $note }
out-sheet-approval-pending = Awaiting the leader's approval
out-sheet-sec-consultation = {"["}Consultation: { $kind }]
out-sheet-consultation = { $time }; recorded by { $who }; attending: { $attendees }
out-sheet-minutes = Minutes:
out-sheet-sec-referral = {"["}Referral form]
out-sheet-referred = Referred: { $time }, { $who }
out-sheet-referral-receiver = Received by: { $name }; phone: { $phone }; received: { $time }
out-sheet-referral-summary = Summary of the matter:
out-sheet-referral-opinion = Referral opinion: { $opinion }
out-sheet-referral-feedback-due = Feedback to the receiving department by: { $date }
out-sheet-referral-dispatched = Dispatched: { $time }; 12345 ticket { $ticket }
out-sheet-referral-pending = Awaiting dispatch by the county government office
out-sheet-sec-redirect = {"["}Redirected elsewhere]
out-sheet-redirected = { $time }, { $who }: payer told to apply to { $dept }. { $note }
out-sheet-sec-discipline = {"["}Referred to the discipline commission]
out-sheet-discipline = { $time }, { $who }: { $dept } refused to act. { $reason }
out-sheet-sec-reply = {"["}Written reply (overall handling opinion)]
out-sheet-sec-archive = {"["}Archive]
out-sheet-archive-remedy = , { $remedy }
out-sheet-archived = { $time }, { $who }: { $outcome }{ $remedy }
out-sheet-sec-timeline = {"["}Timeline]
out-sheet-event-dept = {" "}({ $dept })
out-sheet-event = { $time }  { $action }{ $about }  { $who }
out-sheet-imported = Imported: this history was entered by { $by } on { $at } from a paper ledger; its records are not signed by the operators they name
