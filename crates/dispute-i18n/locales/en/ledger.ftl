# The ledger of `dispute export`: column headings and the words in its cells; the groups
# of `dispute stats`.
ledger-col-id = Case ID
ledger-col-received-at = Received at
ledger-col-channel = Channel
ledger-col-payer = Payer
ledger-col-payer-kind = Payer type
ledger-col-contact = Contact person
ledger-col-phone = Phone
ledger-col-id-code = ID number
ledger-col-district = District
ledger-col-category = Dispute category
ledger-col-insurance = Insurance
ledger-col-track = Track
ledger-col-receiving-dept = Receiving department
ledger-col-first-receiver = First receiver
ledger-col-departments = Departments asked
ledger-col-status = Status
ledger-col-classify-due = Classification due
ledger-col-classified-at = Classified
ledger-col-dispatch-due = Dispatch due
ledger-col-dispatched-at = Dispatched
ledger-col-opinions = Written opinions: due/given
ledger-col-reply-due = Reply due
ledger-col-replied-at = Replied
ledger-col-archive-due = Archiving due
ledger-col-archived-at = Archived
ledger-col-overdue = Overdue
ledger-col-late = Overdue items
ledger-col-result = Result
ledger-col-remedy = Remedy
ledger-col-discipline = Referred to the discipline commission
ledger-col-imported = Imported (paper ledger)
ledger-imported-cell = Imported by { $by } on { $at }
# The worksheet of the Excel workbook.
ledger-sheet-name = Ledger
# Between the items of a list in a cell (departments, insurances), and between longer
# items (opinions, late obligations).
ledger-list-separator = {", "}
ledger-item-separator = {"; "}
ledger-yes = Yes
ledger-no = No
ledger-dept-withdrawn = { $dept } (withdrawn)
ledger-opinion-withdrawn = withdrawn
ledger-opinion-late = { $date } (late)
ledger-opinion-unanswered = not given
ledger-opinion-pending = pending
ledger-late-item = { $dept }: { $what } { $days } working { $days ->
        [one] day
       *[other] days
    } overdue
ledger-result-redirected = Told to apply to { $dept }
ledger-unclassified = Unclassified
