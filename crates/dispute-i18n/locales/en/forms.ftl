# Printable documents of `dispute form`: the referral form (the regulation's attachment)
# and the written notice to the payer. Lines of a multi-line message are lines on paper.

# Dates and times on the documents.
form-month-name = { $month ->
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
    }
form-date = { $day } { $month_name } { $year }
form-month-day = { $day } { $month_name }
form-clock = { $hour }:{ $minute }
form-date-time = { $date }, { $clock }
form-number = No. { $id }
# Markdown: the heading of the two-column table, and the indent of a paragraph.
form-md-item = Item
form-md-content = Content
form-md-indent = {""}

# The referral form.
form-referral-title = { $county } Social Insurance Contribution Dispute Referral Form
form-referral-heading =
    { $county } Social Insurance Contribution Dispute
    Referral Form
form-referral-page-title = Referral form { $id }
form-referral-th-summary =
    Summary of
    the matter
form-referral-th-receiver =
    Receiving
    officer
form-referral-th-name = Name
form-referral-th-phone = Phone
form-referral-th-received =
    Received
    at
form-referral-th-opinion = Referral opinion
form-referral-seal = Seal of the department: { $dept }
form-referral-phone = Phone: { $phone }
form-referral-email = Email: { $email }
form-referral-md-summary = Summary of the matter
form-referral-md-receiver-name = Receiving officer's name
form-referral-md-receiver-phone = Receiving officer's phone
form-referral-md-received = Received at
form-referral-md-opinion = Referral opinion
form-referral-md-seal = Seal of the department
form-referral-md-seal-value = { $dept }, { $date }
form-referral-md-contact = Phone: { $phone } · Email: { $email }
form-referral-note = Note: The matter above is hereby referred. Please handle it by the prescribed procedure and keep it strictly confidential throughout; do not disclose the payer's information. Give the result directly to the payer, and report how the matter was handled to the receiving department by { $date }.
form-referral-action = print the referral form
form-referral-not-referred = This case was not referred to the county government office for dispatch (dispute escalate --to hotline), so it has no referral form

# The written notice.
form-notice-title = { $county } Social Insurance Contribution Dispute Written Notice
form-notice-heading =
    { $county } Social Insurance Contribution Dispute
    Written Notice
form-notice-page-title = Written notice { $id }
form-notice-to = To { $payer }:
form-notice-you-individual = you
form-notice-you-employer = your organisation
form-notice-opening = On { $date }, { $you } raised the matter “{ $about }” (case ID { $id }), which { $dept } accepted. Having handled it according to law, we hereby give you our decision in writing:
form-notice-routes-intro = If you disagree with the decision above, you may protect your lawful rights and interests in any of the following ways:
# Mediation (四（四） of the regulation lists it first); it has no statutory period.
form-route-mediation = Mediation: you may apply for mediation to the { $county } social insurance contribution dispute workroom or to a mediation organisation established by law.
# Administrative reconsideration: Administrative Reconsideration Law (2023 revision), Article 20.
form-route-reconsideration = Administrative reconsideration: within sixty days of the day you knew or should have known of the administrative act, you may apply to the competent administrative reconsideration body (Article 20, paragraph 1 of the Administrative Reconsideration Law of the People's Republic of China).
# Administrative litigation: Administrative Litigation Law, Article 46, and Article 45 after reconsideration.
form-route-litigation = Administrative litigation: a lawsuit brought directly before the people's court must be filed within six months of the day you knew or should have known of the administrative act (Article 46, paragraph 1 of the Administrative Litigation Law of the People's Republic of China); if you applied for administrative reconsideration and disagree with its decision, you may sue within fifteen days of receiving the decision, and if the reconsideration body does not decide in time, within fifteen days after its time limit expires (Article 45 of the same law).
# Labour arbitration: Labour Dispute Mediation and Arbitration Law, Article 27; only between a worker and the employer.
form-route-arbitration = Labour and personnel dispute arbitration: a labour dispute over social insurance between an employee and the employer may be taken to the labour and personnel dispute arbitration commission; the limitation period is one year, counted from the day the party knew or should have known that its rights had been infringed (Article 27, paragraph 1 of the Law of the People's Republic of China on Labour Dispute Mediation and Arbitration).
form-route-deadline = Counting from { $from }, when the act was known, the period ends on { $last }.
form-route-deadline-extended = Counting from { $from }, when the act was known, the period ends on { $real } ({ $last } is a day off, so the period is extended as the law provides).
form-route-deadline-litigation = Counting from { $from }, when the act was known, a direct lawsuit must be filed by { $last }.
form-route-deadline-litigation-extended = Counting from { $from }, when the act was known, a direct lawsuit must be filed by { $real } ({ $last } is a day off, so the period is extended as the law provides).
# A route and its deadline; numbered in the HTML page.
form-route = { $text } { $deadline }
form-route-numbered = { $n }. { $route }
# How the last days are counted (Civil Procedure Law, Article 85, applied by the
# Administrative Reconsideration Law, Article 88, and the Administrative Litigation Law, Article 101).
form-notice-period-rule = Note: the day on which a period begins is not counted in the period; where the last day of a period is a statutory holiday, the period ends on the first day after the holiday.
form-notice-closing = Notice is hereby given.
form-notice-copies = (This notice is made in duplicate: one copy for the payer, one for the file.)
form-notice-action = print the written notice
form-notice-redirected = The payer was told to apply elsewhere: there is no decision, so no written notice is issued
form-notice-not-replied = The payer has not had a written reply yet: the decision is missing (enter it first with dispute reply)
