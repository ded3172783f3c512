# Printable documents of `dispute form`: the referral form (报送单, the regulation's
# attachment) and the written notice to the payer (书面告知书). Legal documents of the
# county: the Chinese wording is fixed. Lines of a multi-line message are lines on paper.

# Dates and times on the documents.
form-month-name = { $month }月
form-date = { $year }年{ $month }月{ $day }日
form-month-day = { $month }月{ $day }日
form-clock = { $hour }时{ $minute }分
form-date-time = { $date } { $clock }
form-number = 编号：{ $id }
# Markdown: the heading of the two-column table, and the indent of a paragraph.
form-md-item = 项目
form-md-content = 内容
form-md-indent = {"　　"}

# The referral form.
form-referral-title = { $county }社会保险费征缴争议事项处理报送单
form-referral-heading =
    { $county }社会保险费征缴争议事项处理
    报　送　单
form-referral-page-title = 报送单 { $id }
form-referral-th-summary =
    反映内容
    摘要
form-referral-th-receiver =
    受理人
    信息
form-referral-th-name = 姓名
form-referral-th-phone = 电话
form-referral-th-received =
    受理
    时间
form-referral-th-opinion = 报送意见
form-referral-seal = 单位签章：{ $dept }
form-referral-phone = 电话：{ $phone }
form-referral-email = 邮箱：{ $email }
form-referral-md-summary = 反映内容摘要
form-referral-md-receiver-name = 受理人姓名
form-referral-md-receiver-phone = 受理人电话
form-referral-md-received = 受理时间
form-referral-md-opinion = 报送意见
form-referral-md-seal = 单位签章
form-referral-md-seal-value = { $dept }　{ $date }
form-referral-md-contact = 电话：{ $phone }　　邮箱：{ $email }
form-referral-note = 备注：以上反映内容，现予以报送，请按规定程序处理，办理过程中严格保密，不得泄露缴费人信息。办理结果直接反馈缴费人，并于{ $date }将办理情况反馈受理部门。
form-referral-action = 打印报送单
form-referral-not-referred = 本案没有报送县政府办转办（dispute escalate --to hotline），没有报送单

# The written notice.
form-notice-title = { $county }社会保险费征缴争议事项书面告知书
form-notice-heading =
    { $county }社会保险费征缴争议事项
    书面告知书
form-notice-page-title = 书面告知书 { $id }
form-notice-to = { $payer }：
form-notice-you-individual = 您
form-notice-you-employer = 贵单位
form-notice-opening = { $you }于{ $date }反映的“{ $about }”事项（案件编号：{ $id }），{ $dept }已受理。经依法办理，现将处理意见书面告知如下：
form-notice-routes-intro = 如对上述处理意见有异议，可以依法选择以下途径维护自身合法权益：
# Mediation (四（四） of the regulation lists it first); it has no statutory period.
form-route-mediation = 申请调解：可以向{ $county }社会保险费征缴争议处理工作室或者依法设立的调解组织申请调解。
# Administrative reconsideration: 行政复议法（2023年修订）第二十条.
form-route-reconsideration = 申请行政复议：自知道或者应当知道该行政行为之日起六十日内，向有管辖权的行政复议机关提出行政复议申请（《中华人民共和国行政复议法》第二十条第一款）。
# Administrative litigation: 行政诉讼法 第四十六条, and 第四十五条 after reconsideration.
form-route-litigation = 提起行政诉讼：直接向人民法院提起诉讼的，应当自知道或者应当知道作出行政行为之日起六个月内提出（《中华人民共和国行政诉讼法》第四十六条第一款）；已申请行政复议的，对复议决定不服，可以在收到复议决定书之日起十五日内向人民法院提起诉讼，复议机关逾期不作决定的，可以在复议期满之日起十五日内向人民法院提起诉讼（同法第四十五条）。
# Labour arbitration: 劳动争议调解仲裁法 第二十七条; only between a worker and the employer.
form-route-arbitration = 申请劳动人事争议仲裁：劳动者与用人单位之间因社会保险发生的劳动争议，可以向劳动人事争议仲裁委员会申请仲裁；仲裁时效期间为一年，从当事人知道或者应当知道其权利被侵害之日起计算（《中华人民共和国劳动争议调解仲裁法》第二十七条第一款）。
form-route-deadline = 以{ $from }知道该行政行为计，期限至{ $last }。
form-route-deadline-extended = 以{ $from }知道该行政行为计，期限至{ $real }（{ $last }为休息日，依法顺延）。
form-route-deadline-litigation = 以{ $from }知道该行政行为计，直接起诉的期限至{ $last }。
form-route-deadline-litigation-extended = 以{ $from }知道该行政行为计，直接起诉的期限至{ $real }（{ $last }为休息日，依法顺延）。
# A route and its deadline; numbered in the HTML page.
form-route = { $text }{ $deadline }
form-route-numbered = { $n ->
        [1] 一
        [2] 二
        [3] 三
        [4] 四
        [5] 五
        [6] 六
        [7] 七
        [8] 八
        [9] 九
        [10] 十
       *[other] { $n }
    }、{ $route }
# How the last days are counted (民事诉讼法 第八十五条, applied by 行政复议法 第八十八条 and
# 行政诉讼法 第一百零一条).
form-notice-period-rule = 注：期间开始之日不计算在期间内；期间届满的最后一日为法定休假日的，以休假日后的第一日为期间届满的日期。
form-notice-closing = 特此告知。
form-notice-copies = （本告知书一式两份，一份交缴费人，一份存档）
form-notice-action = 打印书面告知书
form-notice-redirected = 本案已告知缴费人另行办理，没有总处理意见，不出具书面告知书
form-notice-not-replied = 还没有书面回复缴费人：缺少总处理意见（先用 dispute reply 录入）
