# The assessment report of `dispute report` (绩效考评, 五（四）): one HTML page for the
# leading group, inline SVG charts.
report-none = —
report-days = { $n } working days
report-list-sep = {"; "}
report-month-tick = { $month ->
        [1] Jan
        [2] Feb
        [3] Mar
        [4] Apr
        [5] May
        [6] Jun
        [7] Jul
        [8] Aug
        [9] Sep
        [10] Oct
        [11] Nov
       *[12] Dec
    }
report-period-year = { $year }
report-period-month = { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year }
report-title = { $county } social insurance contribution disputes: performance review, { $period }
report-subtitle = As of { $date }: { $n } cases received in the period. Delays are counted in working days against the time limits (this county's settings).
report-tile-cases = Cases received
report-tile-open = Not closed
report-tile-overdue = Overdue items now
report-tile-reply-on-time = Replies in time
report-tile-discipline = Referred to discipline
report-tile-opinion = Public-opinion incidents
report-tile-approval = Leader's decision, median working days
report-tile-approval-late = Leader's decisions late
report-chart-on-time = Opinions given on time, by department
report-chart-on-time-note = On time ÷ (on time + late + still overdue); on a referral, the competent department's report back counts.
report-chart-delays = Time taken and worst delay
report-chart-delays-note = In working days. Time taken: median from assignment to opinion; worst delay: the most days an opinion came late or is still outstanding.
report-series-median = Median time
report-series-worst = Worst delay
report-chart-overdue = Overdue items now (as of { $date })
report-chart-overdue-note = Items a department still owes at least one working day past their time limit, as dispute overdue lists them; the leader's decisions on their own line.
report-chart-accountability = Discipline referrals and public opinion
report-chart-accountability-note = Discipline: cases on which the department was referred to the discipline commission. Public opinion: incidents the cyberspace office recorded on cases the department received (五（四）: 引发舆情).
report-series-discipline = Referred to discipline
report-series-opinion = Public opinion
report-chart-months = { $year } month by month
report-chart-months-note = Cases received each month, of them replied to, and of them with an overdue item (by month of receipt).
report-series-received = Received
report-series-replied = Replied
report-series-late = With overdue items
report-chart-approval = Leader's decision time, { $year }
report-chart-approval-note = By month of receipt, median working days from the report to the leading group to the leader's decision; the time limit (this county's setting) is { $limit } working days.
report-series-approval = Median decision time (working days)
report-table-title = Departments in detail
report-col-dept = Department
report-col-received = Received
report-col-requested = Opinions asked
report-col-on-time = On time
report-col-late = Late
report-col-overdue = Still overdue
report-col-rate = On-time rate
report-col-median = Median time
report-col-worst = Worst delay
report-col-late-now = Overdue items now
report-col-discipline = Discipline
report-col-opinion = Public opinion
report-col-imported = Opinions from a paper ledger (not timed)
report-col-corrections = Corrections (work errors)
report-col-voided = Registrations voided (work errors)
report-col-recorded-late = Recorded over a working day late
report-late-by-kind = Overdue items now by step:{" "}
report-approval-line = Leader's decisions: { $decided } decided ({ $on_time } on time, { $late } late), { $pending } waiting; median from report to decision { $median }, longest { $max }. A late decision counts against the leading group, not the receiving department.
report-footer = Made by dispute report from the casebook; the figures are those of dispute stats --json; as of { $date }.
report-stats-summary-month = As of { $date }: { $n ->
        [one] 1 case
       *[other] { $n } cases
    } received in { $year }-{ $month }
cli-stats-month = Only cases received in this month (1–12, with --year)
cli-report-about = The performance review (regulation section 5.4) for the leading group: one HTML page (inline SVG charts, no network, printable on A4, readable in a narrow window) with each department's on-time rate, median and worst delays, overdue items now, discipline referrals, public-opinion incidents and the leader's decision times; its table also lists opinions entered from a paper ledger (not timed), work errors (corrections, registrations voided) and actions recorded over a working day after they happened.
cli-report-year = The year under review (by date of receipt)
cli-report-month = Only cases received in this month (1–12)
cli-report-as-of = Judge lateness on this day (YYYY-MM-DD); default today
cli-report-output = Write to this file (- for stdout)
