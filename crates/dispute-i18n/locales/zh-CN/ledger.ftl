# The ledger (台账) of `dispute export`: column headings and the words in its cells; the
# groups of `dispute stats`.
ledger-col-id = 编号
ledger-col-received-at = 受理时间
ledger-col-channel = 受理渠道
ledger-col-payer = 缴费人
ledger-col-payer-kind = 缴费人类型
ledger-col-contact = 联系人
ledger-col-phone = 联系电话
ledger-col-id-code = 证件号码
ledger-col-district = 辖区
ledger-col-category = 争议类别
ledger-col-insurance = 险种
ledger-col-track = 事项类型
ledger-col-receiving-dept = 受理部门
ledger-col-first-receiver = 首问责任人
ledger-col-departments = 联办部门
ledger-col-status = 状态
ledger-col-classify-due = 分类时限
ledger-col-classified-at = 分类完成
ledger-col-dispatch-due = 转办时限
ledger-col-dispatched-at = 转办完成
ledger-col-opinions = 书面意见时限与完成
ledger-col-reply-due = 回复时限
ledger-col-replied-at = 回复完成
ledger-col-archive-due = 归档时限
ledger-col-archived-at = 归档完成
ledger-col-overdue = 是否超期
ledger-col-late = 超期事项
ledger-col-result = 处理结果
ledger-col-remedy = 救济途径
ledger-col-discipline = 纪委移交
ledger-col-imported = 补录
ledger-imported-cell = { $by } 于 { $at } 从纸质台账导入
# The worksheet of the Excel workbook.
ledger-sheet-name = 台账
# Between the items of a list in a cell (departments, insurances), and between longer
# items (opinions, late obligations).
ledger-list-separator = 、
ledger-item-separator = ；
ledger-yes = 是
ledger-no = 否
ledger-dept-withdrawn = { $dept }（已撤回）
ledger-opinion-withdrawn = 已撤回
ledger-opinion-late = { $date }（逾期）
ledger-opinion-unanswered = 未出具
ledger-opinion-pending = 待出具
ledger-late-item = { $dept }{ $what }超期{ $days }个工作日
ledger-result-redirected = 告知到{ $dept }办理
ledger-unclassified = 未分类
