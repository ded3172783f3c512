#!/usr/bin/env bash
# make demo: a scripted walk through real cases in a fresh casebook.
#
# A county's offices set up a casebook, register disputes at different departments, and
# take one case down each path of the regulation: a department's own matter, a general
# matter handled jointly and mediated by the workroom, a major matter with every member's
# opinion, the leader's approval and a consultation, a referral through the 12345 hotline
# closed by the competent department, a redirect, a refusal reported to the discipline
# commission, an employee-employer dispute with a notice for each party, a petition lead
# and online public opinion, a policy consultation of the leading group, and a report the
# leader has not decided yet. The administrator adds a year of public holidays by command,
# a clerk corrects a registration and voids a mistaken one. It ends with the ledger, the
# overdue list, the assessment report (HTML, and a PNG screenshot when Chromium is
# installed), the git history and `dispute verify` over all of it, shows that no party's
# phone, ID number, contact or individual name is in the repository in the clear (they are
# encrypted to the departments handling each case, DESIGN §11), and syncs two offices
# through a central casebook.
#
# Usage: demo.sh [BIN] [OUT]: OUT (default demo-out) receives the assessment report.
#
# The clock is fixed (DISPUTE_NOW) so the output, including what is overdue, is the same
# on every run; commit timestamps are the real time.
set -euo pipefail

BIN=${1:-target/release/dispute}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
OUT=${2:-demo-out}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
DIR=$(mktemp -d "${TMPDIR:-/tmp}/dispute-demo.XXXXXX")
export DISPUTE_CASEBOOK="$DIR/casebook"
export DISPUTE_NOW="2026-11-27T17:30:00+08:00"
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
run() { printf '$ dispute %s\n' "$*"; "$BIN" "$@"; }
# Every operator signs with their own Ed25519 key (DESIGN §9); in an office each key lives
# on its owner's computer. Here they sit side by side in $DIR/keys.
KEYS="$DIR/keys"
key() { [ -f "$KEYS/$1" ] || "$BIN" keygen -o "$KEYS/$1" --comment "$1" >/dev/null 2>&1; echo "$KEYS/$1"; }

say "建库：芮城县社会保险费征缴争议案卷库（管理员在县税务局，用自己的密钥签名）"
run keygen -o "$KEYS/admin" --comment liujianguo@rc.example.cn
DISPUTE_KEY=$(key admin) run init "$DISPUTE_CASEBOOK" --county 芮城县 --admin admin --name 刘建国 --email liujianguo@rc.example.cn --dept tax
# The demo records last month's work: allow backdating up to a year (default 72 hours).
DISPUTE_KEY=$(key admin) run --as admin admin set backdate-window 8760h

say "登记操作员"
add() { DISPUTE_KEY=$(key admin) "$BIN" --as admin operator add "$@" --public-key "$(key "$1").pub" 2>/dev/null; }
add zhangwei  --name 张伟 --email zhangwei@rc.example.cn  --dept tax      --role receiver --role handler --phone 0359-3022101
add wangfang  --name 王芳 --email wangfang@rc.example.cn  --dept approval --role receiver --phone 0359-3022180
add lina      --name 李娜 --email lina@rc.example.cn      --dept hrss     --role receiver --role handler --phone 0359-3022205
add liuyang   --name 刘洋 --email liuyang@rc.example.cn   --dept medical  --role handler
add chenjing  --name 陈静 --email chenjing@rc.example.cn  --dept finance  --role handler
add yangmin   --name 杨敏 --email yangmin@rc.example.cn   --dept justice  --role handler
add zhaolei   --name 赵磊 --email zhaolei@rc.example.cn   --dept gov      --role dispatcher --role handler
add huangli   --name 黄丽 --email huangli@rc.example.cn   --dept tax      --role office
add sunqiang  --name 孙强 --email sunqiang@rc.example.cn  --dept gov      --role leader
for d in approval petition cac; do
  add "h_$d" --name "${d}承办人" --email "h_$d@rc.example.cn" --dept "$d" --role handler
done
run operator list

say "节假日安排：不手工编辑 casebook.toml，由管理员用命令补充（一个签名提交，dispute verify 会核验）"
run admin calendar list
# 2027 年的安排要等国务院办公厅公布（写这个演示时还没有公布），公布后照下面的格式补充
# 2027 年即可。这里用一个虚构的年份 2099 演示命令，日期不是真实的节假日安排。
echo "（示例：2099 是虚构的年份，只演示命令用法；2027 年以国务院办公厅的通知为准）"
DISPUTE_KEY=$(key admin) run --as admin admin calendar add 2099 \
  --off 2099-01-01..2099-01-03 --off 2099-01-21..2099-01-27 --workday 2099-01-18 --workday 2099-01-31

as() { local who=$1; shift; printf '$ dispute --as %s %s\n' "$who" "$*"; DISPUTE_KEY=$(key "$who") "$BIN" --as "$who" "$@"; }
reg() { local who=$1; shift; DISPUTE_KEY=$(key "$who") "$BIN" --as "$who" register "$@"; }

say "1. 本部门办理：个人对滞纳金加收有异议（县税务局受理）"
OWN=$(reg zhangwei --payer-kind individual --payer-name 赵建华 --payer-id 11010519491231002X \
  --phone 13935901234 --district 古魏镇 --channel visit --at 2026-11-02T09:20:00+08:00 \
  --title 灵活就业人员滞纳金加收异议 --insurance pension \
  --summary "灵活就业人员称 2026 年 3 月因银行扣款失败未能按时缴费，对加收的滞纳金有异议，要求减免。")
echo "登记为 $OWN"
as zhangwei classify "$OWN" --track own --category 6 --at 2026-11-02T10:00:00+08:00
as zhangwei reply "$OWN" --at 2026-11-06T15:00:00+08:00 \
  --text "经核查，扣款失败系缴费人账户余额不足所致，依照《社会保险法》第八十六条，滞纳金自欠缴之日起按日加收万分之五，不予减免。已向缴费人说明计算方法。"
as zhangwei archive "$OWN" --outcome accepted --at 2026-11-09T09:00:00+08:00

say "2. 一般事项：企业对缴费基数核定有异议，县人社局、县医保局联办（政务服务中心工作室受理）"
GEN=$(reg wangfang --payer-kind employer --payer-name 芮城县恒达建材有限公司 --payer-id 91350100M000100Y43 \
  --contact 王小明 --phone 13812340000 --district 风陵渡镇 --channel visit --at 2026-11-10T09:30:00+08:00 \
  --title 2026年度缴费基数核定争议 --insurance pension,medical \
  --summary "企业称 2026 年度职工缴费基数按全口径工资核定偏高，要求复核养老保险和医疗保险缴费基数。")
echo "登记为 $GEN"
as wangfang classify "$GEN" --track general --category 3 --at 2026-11-10T11:00:00+08:00
as wangfang assign "$GEN" --dept hrss --dept medical --at 2026-11-10T11:10:00+08:00
as wangfang mediate "$GEN" --at 2026-11-12T15:00:00+08:00 \
  --result "工作室组织企业与县人社局、县医保局当面核对工资凭证，企业同意按复核结果执行，对个别职工基数保留意见。"
as lina opinion "$GEN" --at 2026-11-13T16:00:00+08:00 \
  --text "经复核，该企业申报的工资总额包含年终奖金，按规定计入缴费基数，养老保险基数核定无误。"
as liuyang opinion "$GEN" --at 2026-11-17T10:30:00+08:00 \
  --text "医疗保险缴费基数与养老保险一致，核定无误；企业可就个别职工基数提供工资凭证申请更正。"
as wangfang reply "$GEN" --at 2026-11-18T15:00:00+08:00 --act-date 2026-10-30 \
  --text "综合县人社局、县医保局意见：贵单位 2026 年度缴费基数核定符合规定；如对个别职工基数有异议，可提供工资凭证申请更正。"
as wangfang archive "$GEN" --outcome objected --remedy reconsideration --at 2026-11-20T09:00:00+08:00 \
  --note "企业表示将申请行政复议，已告知复议期限。"

say "3. 重大疑难事项：破产企业欠费追缴，经组长同意专案办理并会商（县税务局受理）"
MAJ=$(reg zhangwei --payer-kind employer --payer-name 芮城县永兴纺织有限公司 \
  --contact 陈立 --phone 03593025566 --district 大王镇 --channel letter --at 2026-10-19T10:00:00+08:00 \
  --title 破产重整企业历史欠费追缴争议 --insurance pension,work_injury,unemployment,medical \
  --summary "企业进入破产重整程序，对 2019 年至 2023 年欠缴的社会保险费及滞纳金的追缴顺序和金额有争议，涉及职工 320 人。")
echo "登记为 $MAJ"
as zhangwei classify "$MAJ" --track major --category 9 --at 2026-10-19T15:00:00+08:00 \
  --note "涉及职工人数多、跨年度欠费和破产程序，属重大疑难事项，报请组长同意专案办理。"
as sunqiang approve "$MAJ" --note "同意成立专案，各成员单位十个工作日内提出书面意见。" --at 2026-10-20T09:00:00+08:00
for pair in lina:hrss liuyang:medical chenjing:finance yangmin:justice zhangwei:tax zhaolei:gov \
            h_approval:approval h_petition:petition h_cac:cac; do
  op=${pair%%:*} dept=${pair##*:}
  DISPUTE_KEY=$(key "$op") "$BIN" --as "$op" opinion "$MAJ" --dept "$dept" --at 2026-10-28T16:00:00+08:00 \
    --text "本部门依职权提出意见：欠费本金作为社会保险债权在破产程序中申报，滞纳金按破产法规定处理。" 2>/dev/null
done
echo "（九个成员单位已提交书面意见）"
as huangli consult "$MAJ" --kind major --attendee tax,hrss,medical,justice,finance,approval,petition,cac,gov \
  --at 2026-11-03T09:30:00+08:00 \
  --minutes "会议议定：一、欠缴社会保险费本金由县税务局向管理人申报债权；二、职工个人权益记录由县人社局、县医保局先行核实补记；三、县司法局对破产程序中的法律适用进行把关。"
as zhangwei reply "$MAJ" --at 2026-11-06T10:00:00+08:00 \
  --text "根据专案会商纪要，欠缴本金已向管理人申报债权，职工个人权益记录先行核实补记，滞纳金依破产程序处理。"

say "4. 报送办理：职责不清，填写报送单交县政府办按 12345 机制转办；承办部门直接答复缴费人，并按报送单的日期反馈受理部门（政务服务中心工作室受理）"
REF=$(reg wangfang --payer-kind individual --payer-name 孙秀英 --phone 13700001111 --district 永乐镇 \
  --channel phone --at 2026-11-16T14:00:00+08:00 --title 跨省转移接续后待遇核定争议 --insurance pension \
  --summary "缴费人从外省转回后，对养老保险关系转移接续后的缴费年限认定和待遇核定有异议，涉及多个部门职责。")
echo "登记为 $REF"
as wangfang escalate "$REF" --to hotline --at 2026-11-16T16:00:00+08:00 \
  --reason "事项涉及转移接续、缴费记录和待遇核定，职责不清，请县政府办转办。"
as zhaolei assign "$REF" --dept hrss --hotline-ticket 12345-20261117-0032 --at 2026-11-17T09:00:00+08:00
as lina reply "$REF" --at 2026-11-20T10:00:00+08:00 \
  --text "经核实，您从外省转入的缴费年限已全部认定，养老保险待遇核定无误。"
as lina feedback "$REF" --at 2026-11-20T11:00:00+08:00 \
  --text "已核实缴费年限并直接答复缴费人，同时反馈 12345 热线办。"
as wangfang archive "$REF" --outcome accepted --at 2026-11-24T09:00:00+08:00

say "5. 告知另行办理：不属受理部门职责范围（政务服务中心工作室受理）"
RED=$(reg wangfang --payer-kind individual --payer-name 周志强 --phone 13633334444 --district 阳城镇 \
  --at 2026-11-23T10:00:00+08:00 --title 工伤认定咨询 \
  --summary "咨询工伤认定的申请材料和办理时限。")
as wangfang classify "$RED" --redirect hrss --note "工伤认定属县人社局职责，已告知缴费人到县人社局工伤保险股办理。" --at 2026-11-23T10:20:00+08:00

say "6. 移交纪委监委：联办部门无正当理由拒不办理（县税务局受理）"
DIS=$(reg zhangwei --payer-kind employer --payer-name 芮城县宏远物流有限公司 --phone 13512345678 \
  --district 西陌镇 --at 2026-11-02T09:00:00+08:00 --title 退费争议 --insurance unemployment \
  --summary "企业申请退还多缴的失业保险费，对退费流程和金额有争议。")
as zhangwei classify "$DIS" --track general --category 7 --at 2026-11-02T11:00:00+08:00
as zhangwei assign "$DIS" --dept finance --dept hrss --at 2026-11-02T11:30:00+08:00
as lina opinion "$DIS" --at 2026-11-05T10:00:00+08:00 --text "退费复核通过，应退金额 12,360.00 元。"
as zhangwei escalate "$DIS" --to discipline --dept finance --at 2026-11-20T10:00:00+08:00 \
  --reason "县财政局逾期八个工作日未出具书面意见，经两次催办仍拒不办理，无正当理由。"

say "7. 劳动关系争议：职工反映单位未足额缴费，告知书争议双方各一份（县人社局受理）"
EMP=$(reg lina --payer-kind individual --payer-name 王建军 --phone 13935906677 --district 古魏镇 \
  --counterparty 芮城县永乐机械有限公司 --counterparty-phone 03593028899 \
  --at 2026-11-09T10:00:00+08:00 --title 职工养老保险缴费基数争议 --insurance pension \
  --summary "职工称单位按最低基数为其缴纳养老保险费，与实际工资不符，要求补缴。")
echo "登记为 $EMP"
as lina classify "$EMP" --track own --category 3 --at 2026-11-09T11:00:00+08:00
as lina reply "$EMP" --at 2026-11-19T10:00:00+08:00 --act-date 2026-11-19 \
  --text "经核查单位工资发放记录，2025 年 7 月至 2026 年 6 月缴费基数低于实际工资，已责令单位按实际工资申报并补缴差额。"

say "8. 信访线索与网络舆情：县信访局移交线索，县委网信办记录舆情及应对；工作室回复县税务局受理的一般事项"
PET=$(reg zhangwei --payer-kind employer --payer-name 芮城县鸿运商贸有限公司 --phone 13834561234 \
  --district 大王镇 --at 2026-11-11T09:00:00+08:00 --title 欠费追缴与滞纳金争议 --insurance pension,medical \
  --summary "企业对欠费追缴金额和滞纳金起算日有异议，并在本地论坛发帖。")
as zhangwei classify "$PET" --track general --category 9 --at 2026-11-11T10:00:00+08:00
as h_petition lead "$PET" --to hrss --at 2026-11-12T09:00:00+08:00 \
  --note "企业法定代表人到县信访局反映，涉及养老保险欠费核定，线索移交县人社局。"
as h_cac opinion-watch "$PET" --at 2026-11-13T09:00:00+08:00 --source "本地论坛“芮城在线”" \
  --summary "网帖称税务部门多收滞纳金，跟帖三十余条。"
as h_cac opinion-watch "$PET" --at 2026-11-16T09:00:00+08:00 \
  --response "已协调县税务局在论坛发布滞纳金计算说明，跟帖平息。"
as lina opinion "$PET" --at 2026-11-20T10:00:00+08:00 --text "欠费核定数额无误，滞纳金自欠缴之日起计算。"
as wangfang reply "$PET" --at 2026-11-24T10:00:00+08:00 \
  --text "综合县人社局意见：欠费核定无误，滞纳金依照《社会保险法》第八十六条自欠缴之日起计算。"

say "9. 上报领导小组、组长尚未决定的事项（组长审批有自己的时限，超时计入领导小组）"
LGP=$(reg zhangwei --payer-kind employer --payer-name 芮城县华美纺织有限公司 --phone 13734567890 \
  --district 永乐镇 --at 2026-11-17T09:00:00+08:00 --title 工伤保险费率浮动争议 --insurance work_injury \
  --summary "企业对工伤保险费率上浮有异议，涉及县人社局费率核定和县税务局征收。")
as zhangwei escalate "$LGP" --to leading-group --at 2026-11-17T15:00:00+08:00 \
  --reason "涉及费率浮动政策口径，部门意见不一，请组长同意按重大疑难事项办理。"

say "10. 刚登记、尚未分类的案件"
NEW=$(reg lina --payer-kind employer --payer-name 芮城县百信超市 --phone 13811112222 --district 陌南镇 \
  --at 2026-11-25T09:00:00+08:00 --title 职工参保登记信息传递错误 --category 2 \
  --summary "职工参保登记信息传递到税务部门后缴费人员名单不一致。")
echo "登记为 $NEW"

say "11. 登记有误：更正登记信息，误登记的作废（原值和理由都留在记录里）"
SLIP=$(reg lina --payer-kind employer --payer-name 芮城县众诚运输有限公司 --phone 13822223333 --district 永乐镇 \
  --at 2026-11-26T09:00:00+08:00 --title 工伤保险费率争议 --category 4 --summary "企业")
echo "登记为 $SLIP（反映事项只录了两个字就提交了）"
as lina correct "$SLIP" --field summary --at 2026-11-26T09:10:00+08:00 \
  --value "企业对 2026 年度工伤保险浮动费率的核定有异议，认为未考虑本年度无工伤事故的情况。" \
  --reason "登记时误按回车，反映事项不完整"
DUP=$(reg lina --payer-kind employer --payer-name 芮城县百信超市 --phone 13811112222 --district 陌南镇 \
  --at 2026-11-26T09:30:00+08:00 --category 2 \
  --summary "职工参保登记信息传递到税务部门后缴费人员名单不一致。")
echo "登记为 $DUP（与 $NEW 是同一事项，重复登记）"
as lina void "$DUP" --reason "与 $NEW 为同一事项，重复登记" --at 2026-11-26T09:40:00+08:00
run show "$SLIP"
run show "$DUP" | head -3
echo "（$DUP 编号保留、显示为已作废，不再出现在列表、超期和统计中）"

say "12. 导入去年的纸质台账（县税务局录入的电子表格，Excel 默认 GB18030 编码也可以）"
LEDGER="$DIR/2025年台账.csv"
cat > "$LEDGER" <<'CSV'
编号,受理时间,受理渠道,缴费人类型,缴费人名称,联系人,联系电话,辖区,标题,反映事项,争议类别,险种,事项类型,分类时间,联办部门,指派时间,书面意见(hrss),意见时间(hrss),书面意见(finance),意见时间(finance),回复时间,回复内容,归档时间,缴费人意见,救济途径,备注
,2025-04-08 09:10,来访,用人单位,芮城县鑫源食品有限公司,刘海,13700000101,风陵渡镇,2024年度欠费追缴争议,企业对2024年度欠缴社会保险费的追缴金额有异议。,9,养老保险,本部门办理,2025-04-08 10:00,,,,,,,2025-04-15 16:00,经核对征缴明细，欠费金额无误，已告知分期补缴办法。,2025-04-18 09:00,无异议,,纸质台账补录
,2025-06-12 14:30,来电,个人,张秀兰,,13700000102,东垆乡,灵活就业人员退费争议,个人申请退还重复缴纳的养老保险费，对退费金额有异议。,7,养老保险,一般事项,2025-06-12 16:00,hrss、finance,2025-06-12 16:10,经复核，重复缴费月数为3个月。,2025-06-16 10:00,退费资金已列入当月退付计划。,2025-06-17 15:00,2025-06-20 10:00,经县人社局复核、县财政局协助，应退还重复缴纳的养老保险费3个月，已办理退费。,2025-06-25 09:00,有异议,行政复议,缴费人对退费利息有异议，已告知复议途径
,2025-11-03 10:00,来访,用人单位,芮城县金穗农业合作社,,13700000103,南卫乡,社保登记信息传递争议,合作社称职工参保登记信息未传递到税务部门，无法申报缴费。,2,,本部门办理,2025-11-03 11:00,,,,,,,,,,,,
CSV
as zhangwei import "$LEDGER"

say "13. 领导小组办公室就政策性、普遍性问题会商（不属于某一件案件，单独成文）"
PC=$(DISPUTE_KEY=$(key huangli) "$BIN" --as huangli policy-consult --topic "企业缴费基数按全口径工资核定的执行口径" \
  --attendee tax,hrss,medical,justice --case "$GEN" --case "$EMP" --at 2026-11-25T15:00:00+08:00 \
  --minutes "会议议定：一、缴费基数按全口径工资核定，年终奖金计入；二、县人社局、县医保局、县税务局统一窗口解释口径；三、县司法局对告知书中的救济途径把关。")
echo "会商记录 $PC"
run policy list

say "打印报送单和书面告知书"
mkdir -p "$DIR/forms"
as wangfang form referral "$REF" -o "$DIR/forms/报送单-$REF.html"
as wangfang form notice "$GEN" -o "$DIR/forms/告知书-$GEN.html"
"$BIN" form notice "$GEN" --format md | head -20
as lina form notice "$EMP" -o "$DIR/forms/告知书-$EMP.html"
echo "（$EMP 是职工与用人单位之间的争议：告知书争议双方各一份，并列明劳动人事争议仲裁）"

say "滞纳金计算（争议类别 6）"
run latefee --amount 8650.00 --from 2026-03-16 --to 2026-04-30

say "缴费人信息加密保存：案件文件里只有遮盖值和密文"
CASEFILE=$(cd "$DISPUTE_CASEBOOK" && git ls-files "cases/*/$OWN.toml")
sed -n '/^\[payer\]/,/^-----BEGIN/p' "$DISPUTE_CASEBOOK/$CASEFILE"
echo "…"
sed -n '/^\[\[payer.sealed.recipients\]\]/,$p' "$DISPUTE_CASEBOOK/$CASEFILE" | sed -n '1,7p'
say "受理部门的操作员用自己的私钥解密查看"
as zhangwei show "$OWN" --reveal | sed -n '/【受理登记】/,/反映事项/p'
say "无关部门的操作员拿到文件和自己的私钥也打不开"
as yangmin show "$OWN" --reveal || echo "（县司法局不是本案的接收部门，拒绝）"
say "操作员离岗：停用后其部门密钥更换，此后的案件不再向其开放"
as admin operator disable huangli
say "整个 git 仓库（每个提交、每个版本）里找不到缴费人和争议另一方的电话、证件号码、联系人和个人姓名"
printf '$ git cat-file --batch-all-objects --batch | grep -c -e 13935901234 -e 11010519491231002X -e 王小明 -e 孙秀英 -e 03593028899 …\n'
FOUND=$(git -C "$DISPUTE_CASEBOOK" cat-file --batch-all-objects --batch | grep -a -c \
  -e 13935901234 -e 11010519491231002X -e 13812340000 -e 91350100M000100Y43 -e 03593025566 \
  -e 13700001111 -e 13633334444 -e 13512345678 -e 13811112222 -e 1370000010 \
  -e 13935906677 -e 03593028899 -e 13834561234 -e 13734567890 -e 13822223333 \
  -e 赵建华 -e 孙秀英 -e 周志强 -e 张秀兰 -e 王小明 -e 陈立 -e 刘海 -e 王建军 || true)
echo "$FOUND"

say "案件列表"
run list
say "一件案件的全貌（电话、证件号码已遮盖）"
run show "$GEN"
say "这件案件的办理记录（来自 git 历史）"
run log "$GEN"
say "超期事项（截至 2026-11-27）"
run overdue
say "绩效考评统计"
run stats
say "绩效考评报告（给领导小组：一页 HTML，内嵌 SVG 图表，数字与 dispute stats --json 一致）"
run report --year 2026 -o "$OUT/考评-2026.html"
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ -x "$CHROMIUM" ]; then
  profile=$(mktemp -d "${TMPDIR:-/tmp}/dispute-chromium.XXXXXX")
  "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
    --user-data-dir="$profile" --window-size=1000,2000 --screenshot="$OUT/考评-2026.png" \
    "file://$OUT/考评-2026.html" >/dev/null 2>&1 || echo "Chromium 截图失败" >&2
  rm -rf "$profile"
  [ -f "$OUT/考评-2026.png" ] && echo "截图：$OUT/考评-2026.png"
else
  echo "未找到 $CHROMIUM，跳过截图（Debian：apt-get install -y chromium fonts-noto-cjk）"
fi
echo "报告：$OUT/考评-2026.html"

say "台账导出（电子表格）"
run export --format xlsx -o "$DIR/台账.xlsx"
say "git 历史就是办理记录"
git -C "$DISPUTE_CASEBOOK" log --format='%h %an %s'
say "核验历史"
run verify
say "不用本工具，用 git 自己核验每个提交的签名（allowed_signers 由 dispute signers 生成）"
run signers -o "$DIR/allowed_signers"
if command -v ssh-keygen >/dev/null; then
  printf '$ git -c gpg.ssh.allowedSignersFile=allowed_signers log --format="%%h %%G? %%an %%s"\n'
  git -C "$DISPUTE_CASEBOOK" -c gpg.ssh.allowedSignersFile="$DIR/allowed_signers" \
    log -8 --format='%h %G? %an %s'
  echo "（G = 签名有效且属于登记的操作员）"
  git -C "$DISPUTE_CASEBOOK" -c gpg.ssh.allowedSignersFile="$DIR/allowed_signers" verify-commit HEAD
else
  echo "（这台电脑没有 ssh-keygen，跳过 git 的签名核验）"
fi
say "案卷库在 $DISPUTE_CASEBOOK"

say "14. 两个办公室通过中心案卷库同步（县服务器上的裸仓库，pre-receive 钩子只收经核验的签名历史）"
# A second receiver at the tax bureau, working at the service centre's window.
add zhouxin --name 周鑫 --email zhouxin@rc.example.cn --dept tax --role receiver --phone 0359-3022102
CENTRAL="$DIR/central.git"
run server init "$CENTRAL" --from "$DISPUTE_CASEBOOK"
OFFICE1="$DIR/县税务局"
OFFICE2="$DIR/政务服务中心窗口"
run clone "$CENTRAL" "$OFFICE1"
run clone "$CENTRAL" "$OFFICE2"
at() { local dir=$1 who=$2; shift 2; printf '$ dispute -C %s --as %s %s\n' "$(basename "$dir")" "$who" "$*"; DISPUTE_KEY=$(key "$who") "$BIN" -C "$dir" --as "$who" "$@"; }
echo "两处同时离线登记，各自拿到同一个临时编号："
T1=$(DISPUTE_KEY=$(key zhangwei) "$BIN" -C "$OFFICE1" --as zhangwei register --payer-kind employer \
  --payer-name 芮城县永盛机械厂 --phone 13800001111 --district 古魏镇 --at 2026-11-26T09:00:00+08:00 \
  --title 工伤保险费率争议 --summary "企业对工伤保险行业基准费率的档次认定有异议。")
T2=$(DISPUTE_KEY=$(key zhouxin) "$BIN" -C "$OFFICE2" --as zhouxin register --payer-kind individual \
  --payer-name 刘桂芳 --phone 13900002222 --district 永乐镇 --at 2026-11-26T09:30:00+08:00 \
  --title 灵活就业缴费基数争议 --summary "灵活就业人员对本年度缴费基数下限有异议。")
echo "县税务局：$T1    政务服务中心窗口：$T2"
at "$OFFICE2" zhouxin classify "$T2" --track own --category 3 --at 2026-11-26T10:00:00+08:00
at "$OFFICE2" zhouxin list --status handling
at "$OFFICE2" zhouxin status
at "$OFFICE1" zhangwei sync
at "$OFFICE2" zhouxin sync
at "$OFFICE1" zhangwei sync
echo "两处和中心案卷库的历史完全一致："
git -C "$OFFICE1" log -4 --format='%h %an %s'
echo "中心：$(git --git-dir="$CENTRAL" rev-parse --short HEAD)  县税务局：$(git -C "$OFFICE1" rev-parse --short HEAD)  窗口：$(git -C "$OFFICE2" rev-parse --short HEAD)"
say "绕过本工具、用 git 直接推送手改的案件，被中心案卷库拒绝"
CASEFILE=$(cd "$OFFICE2" && git ls-files cases | grep -F "$T1" | head -1)
sed -i 's/工伤保险行业基准费率的档次认定有异议/（手工改动）/' "$OFFICE2/$CASEFILE"
git -C "$OFFICE2" -c user.name=某人 -c user.email=someone@rc.example.cn commit -qam "手工改动"
printf '$ git push origin main\n'
git -C "$OFFICE2" push origin main 2>&1 | sed -n '/remote:/p' | head -6 || true
git -C "$OFFICE2" reset -q --hard origin/main
echo "中心案卷库的 HEAD 仍是 $(git --git-dir="$CENTRAL" rev-parse --short HEAD)"
