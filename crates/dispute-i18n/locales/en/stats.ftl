# `dispute stats`: the tables of the accountability review.
stats-summary-all = As of { $date }: { $n ->
    [one] 1 case
   *[other] { $n } cases
} in all
stats-summary-year = As of { $date }: { $n ->
    [one] 1 case
   *[other] { $n } cases
} registered in { $year }
stats-col-status = Status
stats-col-cases = Cases
stats-total = Total
stats-col-dept = Department
stats-col-corrections = Corrections (work errors)
stats-col-voided = Voided registrations (work errors)
stats-col-imported = Imported (not timed)
stats-col-actions = Actions
stats-col-recorded-late = Recorded over a working day late
stats-col-received = Cases received
stats-col-requested = Opinions requested
stats-col-on-time = On time
stats-col-late = Late
stats-col-overdue = Still overdue
stats-col-pending = Pending
stats-col-unanswered = Closed without opinion
stats-col-on-time-rate = On-time rate
stats-col-median-days-to-opinion = Median working days to opinion
stats-col-late-obligations = Overdue items
stats-col-discipline = Referred to discipline commission
stats-col-by-category = Dispute category
stats-col-by-month = Month received
stats-col-by-track = Track
stats-col-by-dept = Receiving department
stats-col-group-cases = Cases
stats-col-group-open = Open
stats-col-group-replied = Replied in writing
stats-col-group-archived = Archived
stats-col-group-late = With overdue items
stats-col-late-item = Overdue item
stats-col-late-count = Count
stats-col-step = Step
stats-col-step-on-time = On time
stats-col-step-late = Late
stats-col-median-days-since-registration = Median working days since registration
stats-col-outcome = Outcome
stats-of-which = {"  "}of which: { $remedy }
stats-discipline = Referred to the county discipline commission: { $cases ->
    [one] 1 case
   *[other] { $cases } cases
}, { $referrals ->
    [one] 1 referral
   *[other] { $referrals } referrals
} in all
