#!/usr/bin/env bash
# The cost of `dispute sync` (issue 10): N local actions of one office replayed onto a
# central casebook of C cases that another office has moved on meanwhile (fetch, replay
# with new signatures, guarded push through the verifying pre-receive hook, working tree).
#
#   scripts/sync-bench.sh [BIN]          # BIN defaults to target/release/dispute
#
# Prints one line per (cases, actions) pair; the cost should follow the number of local
# actions and stay flat as the casebook grows. The casebooks are built with `dispute
# import` (one signed commit of C cases) in a temporary directory that is removed.
set -euo pipefail

BIN=${1:-target/release/dispute}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
DIR=$(mktemp -d "${TMPDIR:-/tmp}/dispute-sync-bench.XXXXXX")
trap 'rm -rf "$DIR"' EXIT
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 HOME="$DIR"
export DISPUTE_NOW="2026-11-27T17:30:00+08:00"

KEYS="$DIR/keys"
key() { [ -f "$KEYS/$1" ] || "$BIN" keygen -o "$KEYS/$1" --comment "$1" >/dev/null 2>&1; echo "$KEYS/$1"; }
ms() { date +%s%3N; }

# A casebook of $1 cases at $2, published as a central casebook at $3.
build() {
  local cases=$1 dir=$2 central=$3
  DISPUTE_KEY=$(key admin) "$BIN" init "$dir" --county 芮城县 --admin admin --name 管理员 \
    --email admin@rc.example.cn --dept tax >/dev/null 2>&1
  DISPUTE_KEY=$(key admin) "$BIN" -C "$dir" --as admin admin set backdate-window 876000h 2>/dev/null
  for who in r1 r2; do
    DISPUTE_KEY=$(key admin) "$BIN" -C "$dir" --as admin operator add "$who" --name "$who" \
      --email "$who@rc.example.cn" --dept tax --role receiver --public-key "$(key "$who").pub" 2>/dev/null
  done
  local ledger="$DIR/ledger-$cases.csv"
  "$BIN" import --template | head -1 > "$ledger"
  awk -v n="$cases" 'BEGIN { for (i = 1; i <= n; i++)
    printf ",2026-%02d-%02d 09:30,来访,用人单位,芮城县第%d号缴费单位,,王小明,13800000000,古魏镇,缴费基数争议%d,企业对缴费基数核定有异议。,3,养老保险,本部门办理,2026-%02d-%02d 11:00,,,,,,,,,,,,,\n", \
      1 + i % 10, 1 + i % 28, i, i, 1 + i % 10, 1 + i % 28 }' >> "$ledger"
  DISPUTE_KEY=$(key r1) "$BIN" -C "$dir" --as r1 import "$ledger" >/dev/null 2>&1
  "$BIN" server init "$central" --from "$dir" >/dev/null 2>&1
}

# Time one sync of $3 local actions (half registrations, half classifications) onto the
# central casebook $1 (of $2 cases), after another office pushed one registration.
measure() {
  local central=$1 cases=$2 actions=$3 tag=$4
  local a="$DIR/a-$tag" b="$DIR/b-$tag"
  "$BIN" clone "$central" "$a" 2>/dev/null
  "$BIN" clone "$central" "$b" 2>/dev/null
  DISPUTE_KEY=$(key r2) "$BIN" -C "$b" --as r2 register --payer-kind employer --payer-name 另一办公室 \
    --phone 13800000000 --district 古魏镇 --summary 事项 --at 2026-11-26T09:00:00+08:00 >/dev/null 2>&1
  DISPUTE_KEY=$(key r2) "$BIN" -C "$b" --as r2 sync >/dev/null 2>&1
  local n=0
  while [ "$n" -lt "$actions" ]; do
    local id
    id=$(DISPUTE_KEY=$(key r1) "$BIN" -C "$a" --as r1 register --payer-kind employer \
      --payer-name "本办公室单位$n" --phone 13800000000 --district 古魏镇 --summary 事项 \
      --at 2026-11-26T10:00:00+08:00 2>/dev/null)
    n=$((n + 1))
    if [ "$n" -lt "$actions" ]; then
      DISPUTE_KEY=$(key r1) "$BIN" -C "$a" --as r1 classify "$id" --track own --category 3 \
        --at 2026-11-26T11:00:00+08:00 2>/dev/null
      n=$((n + 1))
    fi
  done
  local start end
  start=$(ms)
  DISPUTE_KEY=$(key r1) "$BIN" -C "$a" --as r1 sync >/dev/null 2>"$DIR/sync.err" ||
    { cat "$DIR/sync.err" >&2; exit 1; }
  end=$(ms)
  [ "$(git -C "$a" rev-parse HEAD)" = "$(git --git-dir="$central" rev-parse HEAD)" ] ||
    { echo "sync did not reach the central casebook" >&2; exit 1; }
  printf '%8d cases  %4d local actions  sync %6d ms\n' "$cases" "$actions" $((end - start))
}

echo "dispute sync: local actions replayed onto a central casebook another office moved on"
for cases in 1000 10000; do
  build "$cases" "$DIR/src-$cases" "$DIR/central-$cases.git"
  for actions in 10 100; do
    measure "$DIR/central-$cases.git" "$cases" "$actions" "$cases-$actions"
  done
done
