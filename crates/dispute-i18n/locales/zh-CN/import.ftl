# Batch import of a ledger (台账). The column headings are a file format: a CSV with the
# headings of any language imports, so keep them distinct from one another.
import-col-id = 编号
import-col-received-at = 受理时间
import-col-channel = 受理渠道
import-col-payer-kind = 缴费人类型
import-col-payer-name = 缴费人名称
import-col-payer-id = 证件号码
import-col-contact = 联系人
import-col-phone = 联系电话
import-col-district = 辖区
import-col-title = 标题
import-col-summary = 反映事项
import-col-category = 争议类别
import-col-insurance = 险种
import-col-track = 事项类型
import-col-classified-at = 分类时间
import-col-redirect-to = 告知部门
import-col-assign = 联办部门
import-col-assigned-at = 指派时间
import-col-replied-at = 回复时间
import-col-reply = 回复内容
import-col-archived-at = 归档时间
import-col-outcome = 缴费人意见
import-col-remedy = 救济途径
import-col-note = 备注
# One pair of columns per department: 书面意见(hrss), 意见时间(hrss).
import-col-opinion-text = 书面意见
import-col-opinion-time = 意见时间
import-col-opinion-text-of = 书面意见({ $dept })
import-col-opinion-time-of = 意见时间({ $dept })
# Other words a cell may hold for a code, besides the code and its label; separated by |.
import-alias-redirect = 告知另行办理|告知
import-alias-outcome-accepted = 无异议|接受
import-alias-outcome-objected = 有异议|不接受
import-alias-remedy-mediation = 调解
import-alias-remedy-reconsideration = 行政复议|复议
import-alias-remedy-arbitration = 仲裁|劳动仲裁
import-alias-remedy-litigation = 行政诉讼|诉讼
# The sample row of the template (it must import).
import-sample-channel = 来访
import-sample-payer-kind = 用人单位
import-sample-payer-name = 芮城县示例建材有限公司
import-sample-contact = 王小明
import-sample-district = 古魏镇
import-sample-title = 2025年度缴费基数核定争议
import-sample-summary = 企业对2025年度职工缴费基数核定有异议，要求复核。
import-sample-insurance = 养老保险、医疗保险
import-sample-track = 一般事项
import-sample-assign = hrss、medical
import-sample-reply = 综合县人社局、县医保局意见，缴费基数核定符合规定。
import-sample-outcome = 无异议
import-sample-note = 纸质台账补录
import-sample-opinion-hrss = 经复核，养老保险缴费基数核定无误。
import-sample-opinion-medical = 医疗保险缴费基数与养老保险一致。
# Where a row error is, when it is not one column.
import-where-file = 文件
import-where-header = 表头
import-where-row = 整行
import-what-file = 导入文件
# The note of a case imported as redirected without a note (written into the case file:
# always Chinese).
import-redirect-note = 告知缴费人到主管部门办理
# Row errors.
import-err-encoding = 文件既不是 UTF-8 也不是 GB18030 编码的文本
import-err-duplicate-column = 列“{ $heading }”重复
import-err-same-column = 列“{ $heading }”与列“{ $other }”是同一列
import-err-unknown-column = 不认识的列“{ $heading }”（用 dispute import --template 查看列名）
import-err-unparsable = 无法解析：{ $reason }
import-err-duplicate-row = 与第 { $first } 行的缴费人和受理时间相同，疑似重复
import-err-id-other-dept = 编号 { $id } 不属于导入人所在部门（{ $dept }）
import-err-id-repeated = 编号 { $id } 在文件中重复
import-err-id-exists = 编号 { $id } 已存在于案卷库（同一台账不能重复导入）
import-err-id-year = 编号年份 { $id_year } 与受理时间的年份 { $year } 不符
import-err-same-case = 与已有案件 { $existing } 的缴费人和受理时间相同，疑似重复导入
import-err-required = 必填
import-err-unknown = 不认识“{ $value }”
import-err-unknown-payer-kind = 不认识“{ $value }”（用人单位或个人）
import-err-not-category = “{ $value }”不是 1–10 的数字
import-err-unknown-insurance = 不认识险种“{ $value }”
import-err-unknown-track = 不认识“{ $value }”（本部门办理、一般事项或告知另行办理）
import-err-unknown-outcome = 不认识“{ $value }”（无异议或有异议）
import-err-unknown-remedy = 不认识“{ $value }”（调解、行政复议、仲裁、行政诉讼）
import-err-no-dept = 没有部门“{ $value }”
import-err-no-handler = { $dept }没有在用的承办人（handler），无法记录其书面意见；请先登记操作员
import-err-track-needed = 有分类之后的记录时须填写事项类型
import-err-reply-pair = 回复时间和回复内容须同时填写
import-err-outcome-needed = 已归档的案件须填写缴费人意见（无异议或有异议）
import-err-archive-needed = 填写了缴费人意见或救济途径，但没有归档时间
import-err-redirect-to-needed = 告知另行办理须填写告知部门
import-err-category-needed = 分类时须填写争议类别
import-err-after-creation = “{ $action }”发生在 { $at }，晚于本案卷库建立（{ $created }）：建库以后的办理须由经办人本人用 dispute 办理并签名，导入只能补录建库前的纸质台账或登记新案件
