#!/usr/bin/env bash
# make forms: print the referral form (报送单) and the written reply (书面告知书) of real
# cases in a fresh casebook, as HTML and Markdown, into forms-out/, and render each HTML
# page in headless Chromium to an A4-sized PNG (and a PDF) to check the layout.
#
# Chromium is Debian's `chromium` package; CJK text needs a CJK font (fonts-noto-cjk).
# Without Chromium the forms are still written and the screenshots are skipped.
set -euo pipefail

BIN=${1:-target/release/dispute}
OUT=${2:-forms-out}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
DIR=$(mktemp -d "${TMPDIR:-/tmp}/dispute-forms.XXXXXX")
trap 'rm -rf "$DIR"' EXIT
export DISPUTE_CASEBOOK="$DIR/casebook"
export DISPUTE_NOW="2026-11-27T17:30:00+08:00"
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1

# Every operator signs with their own key (DESIGN §9), which also decrypts the payer's
# details their department may read (DESIGN §11): the notice to an individual needs it.
KEYS="$DIR/keys"
key() { [ -f "$KEYS/$1" ] || "$BIN" keygen -o "$KEYS/$1" --comment "$1" >/dev/null 2>&1; echo "$KEYS/$1"; }
# `q --as WHO …` runs as WHO with WHO's key.
q() {
  local k=admin
  [ "${1:-}" = --as ] && k=$2
  DISPUTE_KEY=$(key "$k") "$BIN" "$@" 2>/dev/null
}
q init "$DISPUTE_CASEBOOK" --county 芮城县 --admin admin --name 刘建国 --email liujianguo@rc.example.cn --dept tax
q --as admin admin set backdate-window 8760h
add() { q --as admin operator add "$@" --public-key "$(key "$1").pub"; }
add zhangwei --name 张伟 --email zhangwei@rc.example.cn --dept tax      --role receiver --role handler --phone 0359-3022101
add wangfang --name 王芳 --email wangfang@rc.example.cn --dept approval --role receiver --phone 0359-3022180
add lina     --name 李娜 --email lina@rc.example.cn     --dept hrss     --role receiver --role handler --phone 0359-3022205
add liuyang  --name 刘洋 --email liuyang@rc.example.cn  --dept medical  --role handler
add zhaolei  --name 赵磊 --email zhaolei@rc.example.cn  --dept gov      --role dispatcher

# A referral through the 12345 hotline (individual payer), then handled and replied.
REF=$(q --as lina register --payer-kind individual --payer-name 孙秀英 --phone 13700001111 --district 永乐镇 \
  --channel phone --at 2026-11-16T14:00:00+08:00 --title 跨省转移接续后待遇核定争议 --insurance pension \
  --summary "缴费人从外省转回后，对养老保险关系转移接续后的缴费年限认定和待遇核定有异议，涉及多个部门职责。")
q --as lina escalate "$REF" --to hotline --at 2026-11-16T16:00:00+08:00 \
  --reason "事项涉及转移接续、缴费记录和待遇核定，职责不清，请县政府办按 12345 机制转交承办部门办理。"
q --as zhaolei assign "$REF" --dept hrss --hotline-ticket 12345-20261117-0032 --at 2026-11-17T09:00:00+08:00
q --as lina opinion "$REF" --at 2026-11-20T11:00:00+08:00 \
  --text "经核实，外省转入的缴费年限已全部认定，待遇核定无误；已向缴费人和 12345 热线办反馈。"
q --as lina reply "$REF" --at 2026-11-23T10:00:00+08:00 \
  --text "您反映的事项已转县人社局办理。经核实，您在外省的缴费年限 12 年已全部转入并认定，养老保险待遇按规定核定，核定结果无误。
如需查询缴费明细，可持身份证到县政务服务中心人社窗口办理。"

# A general matter of an employer, replied on 2026-11-18.
GEN=$(q --as wangfang register --payer-kind employer --payer-name 芮城县恒达建材有限公司 --payer-id 91350100M000100Y43 \
  --contact 王小明 --phone 13812340000 --district 风陵渡镇 --channel visit --at 2026-11-10T09:30:00+08:00 \
  --title 2026年度缴费基数核定争议 --insurance pension,medical \
  --summary "企业称 2026 年度职工缴费基数按全口径工资核定偏高，要求复核养老保险和医疗保险缴费基数。")
q --as wangfang classify "$GEN" --track general --category 3 --at 2026-11-10T11:00:00+08:00
q --as wangfang assign "$GEN" --dept hrss --dept medical --at 2026-11-10T11:10:00+08:00
q --as lina opinion "$GEN" --at 2026-11-13T16:00:00+08:00 --text "养老保险基数核定无误。"
q --as liuyang opinion "$GEN" --at 2026-11-17T10:30:00+08:00 --text "医疗保险基数核定无误。"
q --as wangfang reply "$GEN" --at 2026-11-18T15:00:00+08:00 \
  --text "综合县人社局、县医保局意见：贵单位 2026 年度职工工资总额包含年终奖金，按规定计入缴费基数，养老保险和医疗保险缴费基数核定符合规定。
如对个别职工的缴费基数有异议，可提供工资凭证向县人社局、县医保局申请更正。"

for kind in referral:"$REF" notice:"$REF" notice:"$GEN"; do
  k=${kind%%:*} id=${kind#*:}
  for fmt in html md; do
    # printed by the receiver of each case, whose key decrypts an individual's name
    case "$id" in HRSS-*) who=lina ;; *) who=wangfang ;; esac
    q --as "$who" form "$k" "$id" --format "$fmt" -o "$OUT/$k-$id.$fmt"
  done
done

CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM" ]; then
  echo "未找到 $CHROMIUM，跳过截图（Debian：apt-get install -y chromium fonts-noto-cjk）" >&2
  exit 0
fi
fc-list :lang=zh 2>/dev/null | grep -q . ||
  echo "警告：没有中文字体，截图中的汉字会显示为方框（apt-get install -y fonts-noto-cjk）" >&2
for html in "$OUT"/*.html; do
  png=${html%.html}.png pdf=${html%.html}.pdf
  profile=$(mktemp -d "${TMPDIR:-/tmp}/dispute-chromium.XXXXXX")
  flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-quic --no-first-run
    --disable-background-networking --disable-component-update --disable-sync
    --user-data-dir="$profile" --hide-scrollbars)
  "$CHROMIUM" "${flags[@]}" --window-size=794,1123 --screenshot="$png" "file://$html" >/dev/null 2>&1
  "$CHROMIUM" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$pdf" "file://$html" >/dev/null 2>&1
  rm -rf "$profile"
  [ -s "$png" ] || { echo "截图失败：$png" >&2; exit 1; }
  echo "已截图 $png"
done
