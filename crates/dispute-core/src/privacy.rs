//! Payer confidentiality (DESIGN §2.7, §8, §11): masking, the detector of phone and ID
//! numbers in free text, and who may see the unmasked data.
//!
//! Phone, ID code and contact name — and an individual payer's name — are masked in every
//! output unless the operator asks to reveal them and is one of the case's recipients
//! (receiving department, assigned departments, the leading-group office and the leader's
//! department; see `seal`). Free text (summary, opinions, replies…) is scanned for what
//! looks like a phone or ID number, which is masked too. Inputs that end up in commit
//! messages (titles, ticket numbers, file names) are refused when the detector finds one.
//!
//! The detector first reads digits the way a person would: ASCII, full-width and circled
//! digits and Chinese numerals (小写 and 大写, 〇/零/两/幺) count as digits, and runs of
//! digits separated by a few spaces or punctuation marks (`137 0000 1111`, `137_0000_1111`,
//! `0359-3012345`) are read together.

use crate::case::{Case, Counterparty, Payer, PayerKind, Track};
use crate::casebook::{Casebook, Operator};
use crate::error::{Error, Result};

/// `13812340000` → `138****0000`; short numbers keep only their last two characters.
pub fn mask_phone(s: &str) -> String {
    mask_middle(s, 3, 4)
}

/// `11010519491231002X` → `110***********002X`.
pub fn mask_id_code(s: &str) -> String {
    mask_middle(s, 3, 4)
}

/// `王小明` → `王**`.
pub fn mask_name(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => std::iter::once(first).chain(chars.map(|_| '*')).collect(),
        None => String::new(),
    }
}

fn mask_middle(s: &str, head: usize, tail: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= head + tail {
        let keep = chars.len().min(2);
        return "*".repeat(chars.len() - keep)
            + &chars[chars.len() - keep..].iter().collect::<String>();
    }
    let mut out: String = chars[..head].iter().collect();
    out.push_str(&"*".repeat(chars.len() - head - tail));
    out.extend(&chars[chars.len() - tail..]);
    out
}

impl Payer {
    /// The payer with its confidential fields masked: phone, ID code, contact, and the name
    /// of an individual. Masking a mask changes nothing.
    pub fn masked(&self) -> Payer {
        Payer {
            kind: self.kind,
            name: self.display_name(),
            id_code: self.id_code.as_deref().map(mask_id_code),
            contact: self.contact.as_deref().map(mask_name),
            phone: mask_phone(&self.phone),
            sealed: self.sealed.clone(),
        }
    }

    /// The name as lists, commit messages and masked views show it: an employer's name as
    /// it is, an individual's masked (`孙**`).
    pub fn display_name(&self) -> String {
        self.kind.shown_name(&self.name)
    }

    /// Whether the confidential fields hold masks only (as in a sealed case file).
    pub fn is_masked(&self) -> bool {
        *self == self.masked()
    }
}

impl PayerKind {
    /// A party's name as shown: an employer's as it is, an individual's masked.
    fn shown_name(self, name: &str) -> String {
        match self {
            PayerKind::Employer => name.to_string(),
            PayerKind::Individual => mask_name(name),
        }
    }
}

impl Counterparty {
    /// The other party with its confidential fields masked, as the payer's are: the phone,
    /// and the name of an individual (an employee). Masking a mask changes nothing.
    pub fn masked(&self) -> Counterparty {
        Counterparty {
            kind: self.kind,
            name: self.display_name(),
            phone: self.phone.as_deref().map(mask_phone),
            sealed: self.sealed.clone(),
        }
    }

    /// The name as lists and masked views show it, as the payer's.
    pub fn display_name(&self) -> String {
        self.kind.shown_name(&self.name)
    }

    /// Whether the confidential fields hold masks only (as in a sealed case file).
    pub fn is_masked(&self) -> bool {
        *self == self.masked()
    }
}

/// How strictly [`find_numbers`] reads: `Display` finds phones, ID numbers and long
/// numbers to mask on screen; `Strict` also refuses any run of seven or more digits that is
/// not a date, for text that goes into commit messages, where nothing can be taken back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strictness {
    Display,
    Strict,
}

/// The value of a character read as a digit: ASCII, full-width and circled digits, and
/// Chinese numerals in their lower and financial forms (〇 零 一 壹 幺 二 贰 两 三 叁 …).
fn digit_of(c: char) -> Option<u8> {
    let d = match c {
        '0'..='9' => c as u32 - '0' as u32,
        '\u{FF10}'..='\u{FF19}' => c as u32 - 0xFF10,
        '\u{2460}'..='\u{2468}' => c as u32 - 0x2460 + 1,
        '\u{24EA}' => 0,
        // 〇 零
        '\u{3007}' | '\u{96F6}' => 0,
        // 一 壹 幺
        '\u{4E00}' | '\u{58F9}' | '\u{5E7A}' => 1,
        // 二 贰 貳 两 兩
        '\u{4E8C}' | '\u{8D30}' | '\u{8CB3}' | '\u{4E24}' | '\u{5169}' => 2,
        // 三 叁 參
        '\u{4E09}' | '\u{53C1}' | '\u{53C3}' => 3,
        // 四 肆
        '\u{56DB}' | '\u{8086}' => 4,
        // 五 伍
        '\u{4E94}' | '\u{4F0D}' => 5,
        // 六 陆 陸
        '\u{516D}' | '\u{9646}' | '\u{9678}' => 6,
        // 七 柒
        '\u{4E03}' | '\u{67D2}' => 7,
        // 八 捌
        '\u{516B}' | '\u{634C}' => 8,
        // 九 玖
        '\u{4E5D}' | '\u{7396}' => 9,
        _ => return None,
    };
    Some(d as u8)
}

/// The check character of an ID number (`X`), in ASCII or full width.
fn is_check_x(c: char) -> bool {
    matches!(c, 'X' | 'x' | '\u{FF38}' | '\u{FF58}')
}

/// Between two runs of digits, what a person writing a number puts: spaces and
/// punctuation, not letters or ideographs.
fn is_separator(c: char) -> bool {
    !c.is_alphanumeric() && digit_of(c).is_none() && !c.is_control() || c == '\t'
}

/// At most this many separator characters between two parts of one number.
const MAX_GAP: usize = 3;

/// A maximal run of digit characters: where it lies (char indices, end exclusive) and its
/// digits (a trailing `X` kept as the check character of an ID number).
#[derive(Debug, Clone)]
struct Run {
    start: usize,
    end: usize,
    digits: String,
}

fn runs(chars: &[char]) -> Vec<Run> {
    let mut out = vec![];
    let mut i = 0;
    while i < chars.len() {
        if digit_of(chars[i]).is_none() {
            i += 1;
            continue;
        }
        let start = i;
        let mut digits = String::new();
        while i < chars.len()
            && let Some(d) = digit_of(chars[i])
        {
            digits.push(char::from(b'0' + d));
            i += 1;
        }
        if i < chars.len() && is_check_x(chars[i]) {
            digits.push('X');
            i += 1;
        }
        out.push(Run {
            start,
            end: i,
            digits,
        });
    }
    out
}

/// Whether a number read from text (its `parts`, the runs of digits it was pieced
/// together from; a final `X` allowed) is a phone or ID number. One unbroken run may also
/// be a long number (a bank card, an old 15-digit ID); numbers pieced together across
/// separators must have a phone or ID shape, so a ticket number such as
/// `12345-20261117-0032` or a time such as `01:00:00+08:00` is not one.
fn is_personal_number(parts: &[&str]) -> bool {
    let n = parts.concat();
    let whole = parts.len() == 1;
    // A landline pieced together is an area code and a number: 0359-3012345.
    let landline_parts = match parts {
        [area, number, ..] => {
            area.starts_with('0')
                && (3..=4).contains(&area.len())
                && (7..=8).contains(&number.len())
        }
        _ => false,
    };
    let b = n.as_bytes();
    let all_digits = |s: &[u8]| !s.is_empty() && s.iter().all(u8::is_ascii_digit);
    let mobile = |s: &[u8]| s.len() == 11 && s[0] == b'1' && (b'3'..=b'9').contains(&s[1]);
    if b.is_empty() || b[..b.len() - 1].contains(&b'X') {
        return false;
    }
    // Resident ID numbers: 17 digits and the check character.
    if b.len() == 18 && all_digits(&b[..17]) {
        return true;
    }
    if !all_digits(b) {
        return false;
    }
    mobile(b)
        || (b.len() == 13 && b.starts_with(b"86") && mobile(&b[2..]))
        || (b[0] == b'0' && (10..=12).contains(&b.len()) && (whole || landline_parts))
        || (whole && b.len() >= 15)
}

/// A run of `YYYYMMDD` between 1900 and 2099: a date, not a phone.
fn is_date(n: &str) -> bool {
    n.len() == 8
        && (n.starts_with("19") || n.starts_with("20"))
        && chrono::NaiveDate::parse_from_str(n, "%Y%m%d").is_ok()
}

/// An 18-character unified social credit code with its check character, as one token.
fn credit_codes(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = vec![];
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_alphanumeric() {
            i += 1;
        }
        if i - start == 18 {
            let token: String = chars[start..i].iter().collect();
            if crate::validate::is_credit_code(&token.to_ascii_uppercase()) {
                out.push((start, i));
            }
        }
    }
    out
}

/// Where the text holds a phone or ID number: spans of char indices (end exclusive).
/// Digits split by up to three separators (`137 0000 1111`, `0359-3012345`) are read as
/// one number; every consecutive part of such a group is tried, so a date or case number
/// next to a phone number does not hide it.
pub fn find_numbers(text: &str, strictness: Strictness) -> Vec<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let runs = runs(&chars);
    let mut spans = credit_codes(&chars);
    let mut group_start = 0;
    for i in 0..runs.len() {
        let last_of_group = i + 1 == runs.len() || {
            let gap = &chars[runs[i].end..runs[i + 1].start];
            !(1..=MAX_GAP).contains(&gap.len())
                || !gap.iter().all(|c| is_separator(*c))
                || runs[i].digits.ends_with('X')
        };
        if !last_of_group {
            continue;
        }
        let group = &runs[group_start..=i];
        for a in 0..group.len() {
            let mut parts: Vec<&str> = vec![];
            for b in a..group.len() {
                parts.push(&group[b].digits);
                if parts.iter().map(|p| p.len()).sum::<usize>() > 24 {
                    break;
                }
                if is_personal_number(&parts) {
                    spans.push((group[a].start, group[b].end));
                }
            }
            let single = &group[a].digits;
            let long = match strictness {
                Strictness::Display => false,
                Strictness::Strict => single.len() >= 7 && !is_date(single),
            };
            if long {
                spans.push((group[a].start, group[a].end));
            }
        }
        group_start = i + 1;
    }
    spans.sort();
    spans.dedup();
    spans
}

/// Whether text holds what looks like a phone or ID number (strictly: any run of seven or
/// more digits that is not a date counts).
pub fn holds_personal_number(text: &str, strictness: Strictness) -> bool {
    !find_numbers(text, strictness).is_empty()
}

/// Free text with every phone or ID number it holds masked: the first three and the last
/// four digits stay, the rest become `*` (separators stay where they are).
pub fn mask_free_text(text: &str) -> String {
    let spans = find_numbers(text, Strictness::Display);
    if spans.is_empty() {
        return text.to_string();
    }
    let mut chars: Vec<char> = text.chars().collect();
    for (start, end) in spans {
        let positions: Vec<usize> = (start..end)
            .filter(|&i| digit_of(chars[i]).is_some() || is_check_x(chars[i]))
            .collect();
        let n = positions.len();
        for (k, &i) in positions.iter().enumerate() {
            if k >= 3 && k + 4 < n {
                chars[i] = '*';
            }
        }
    }
    chars.into_iter().collect()
}

/// The departments whose operators may see a case's payer data: the receiving department,
/// every department assigned to it, `gov` once it is referred to the hotline, the
/// leading-group office and the departments of the leader(s), as the casebook stands. On a
/// general matter of rules edition 2 also the workroom (the approval bureau), which
/// coordinates, mediates, replies to and archives it, and the petition bureau, which may
/// pass a lead on it to a department (both then seal the data to the department they bring
/// in, so they must be able to open it).
pub fn recipient_depts(case: &Case, book: &Casebook) -> Vec<String> {
    let mut depts = vec![case.receiving_dept.clone()];
    depts.extend(case.active_assignments().map(|a| a.dept.clone()));
    if case.referral.is_some() {
        depts.push("gov".to_string());
    }
    if case.rules_at_least(2) && case.track == Some(Track::General) {
        depts.push(crate::casebook::WORKROOM_DEPT.to_string());
        depts.push(crate::casebook::PETITION_DEPT.to_string());
    }
    depts.push(book.leading_group.office_dept.clone());
    depts.extend(
        book.operators
            .iter()
            .filter(|o| o.active && o.has(crate::casebook::Role::Leader))
            .map(|o| o.dept.clone()),
    );
    depts.retain(|d| book.department(d).is_some());
    depts.sort();
    depts.dedup();
    depts
}

/// May this operator see the payer's unmasked data on this case? The rule, for a case
/// whose payer data is not encrypted (a casebook before `encrypt-payers`); sealed data
/// opens only with a recipient department's key (`seal::open`).
pub fn check_reveal(case: &Case, book: &Casebook, op: &Operator) -> Result<()> {
    if recipient_depts(case, book).contains(&op.dept) {
        Ok(())
    } else {
        Err(Error::not_permitted(
            dispute_i18n::t!("privacy-reveal-action", id = case.id),
            dispute_i18n::t!("secret-reveal-rule"),
        ))
    }
}

/// The case as it may be shown: payer data masked and phone or ID numbers in free text
/// masked, unless `reveal`.
pub fn for_display(case: &Case, reveal: bool) -> Case {
    let mut shown = case.clone();
    if reveal {
        return shown;
    }
    shown.payer = case.payer.masked();
    shown.counterparty = case.counterparty.as_ref().map(Counterparty::masked);
    let m = |s: &mut String| *s = mask_free_text(s);
    let mo = |s: &mut Option<String>| {
        if let Some(s) = s {
            *s = mask_free_text(s);
        }
    };
    mo(&mut shown.title);
    m(&mut shown.summary);
    for a in &mut shown.assignments {
        mo(&mut a.removed_reason);
    }
    for o in &mut shown.opinions {
        m(&mut o.text);
    }
    if let Some(a) = &mut shown.approval {
        m(&mut a.reason);
        mo(&mut a.note);
    }
    for e in &mut shown.exemptions {
        m(&mut e.reason);
    }
    for c in &mut shown.consultations {
        m(&mut c.minutes);
    }
    for d in &mut shown.mediations {
        m(&mut d.result);
    }
    if let Some(r) = &mut shown.referral {
        m(&mut r.summary);
        m(&mut r.opinion);
        mo(&mut r.hotline_ticket);
        if let Some(f) = &mut r.feedback {
            m(&mut f.text);
        }
    }
    if let Some(r) = &mut shown.redirect {
        m(&mut r.note);
    }
    for d in &mut shown.discipline {
        m(&mut d.reason);
    }
    for l in &mut shown.leads {
        m(&mut l.note);
    }
    for o in &mut shown.public_opinion {
        m(&mut o.source);
        m(&mut o.summary);
        if let Some(r) = &mut o.response {
            m(&mut r.text);
        }
    }
    if let Some(r) = &mut shown.reply {
        m(&mut r.text);
    }
    if let Some(a) = &mut shown.archive {
        mo(&mut a.note);
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks() {
        assert_eq!(mask_phone("13812340000"), "138****0000");
        assert_eq!(mask_phone("0359-3012345"), "035*****2345");
        assert_eq!(mask_id_code("11010519491231002X"), "110***********002X");
        assert_eq!(mask_name("王小明"), "王**");
        assert_eq!(mask_phone("123"), "*23");
        assert_eq!(mask_name(""), "");
    }

    #[test]
    fn masks_are_stable() {
        for s in ["13812340000", "0359-3012345", "11010519491231002X", "123"] {
            let once = mask_phone(s);
            assert_eq!(mask_phone(&once), once);
        }
        assert_eq!(mask_name(&mask_name("孙秀英")), "孙**");
    }

    fn strict(s: &str) -> bool {
        holds_personal_number(s, Strictness::Strict)
    }

    fn shown(s: &str) -> bool {
        holds_personal_number(s, Strictness::Display)
    }

    #[test]
    fn numbers_are_found_however_written() {
        for s in [
            "孙秀英-11010519491231002X-13700001111",
            "电话137_0000_1111",
            "电话 137 0000 1111",
            "电话137-0000-1111",
            "电话（137）0000.1111",
            "\u{FF11}\u{FF13}\u{FF17}\u{FF10}\u{FF10}\u{FF10}\u{FF10}\u{FF11}\u{FF11}\u{FF11}\u{FF11}",
            // 一三七零零零零一一一一
            "\u{4E00}\u{4E09}\u{4E03}\u{96F6}\u{96F6}\u{96F6}\u{96F6}\u{4E00}\u{4E00}\u{4E00}\u{4E00}",
            // 壹叁柒〇〇〇〇幺幺幺幺
            "\u{58F9}\u{53C1}\u{67D2}\u{3007}\u{3007}\u{3007}\u{3007}\u{5E7A}\u{5E7A}\u{5E7A}\u{5E7A}",
            "身份证 110105 19491231 002x",
            "座机0359-3012345",
            "+86 137 0000 1111",
            "信用代码91350100M000100Y43",
            "TAX-2026-0001 13700001111",
        ] {
            assert!(strict(s), "strict misses {s:?}");
            assert!(shown(s), "display misses {s:?}");
        }
    }

    #[test]
    fn dates_ticket_and_case_numbers_are_not_personal() {
        for s in [
            "2026年度缴费基数核定争议",
            "2025年3月10日来访",
            "12345-20261117-0032",
            "RC12345-20261103-0007",
            "TAX-2026-0001",
            "欠费 12,345.67 元",
            "2026-11-20 来访",
            "2026-11-02T01:00:00+08:00",
            "2026-11-02 13:00:00",
        ] {
            assert!(!shown(s), "display flags {s:?}");
        }
        assert!(!strict("12345-20261117-0032"));
        assert!(!strict("2025年3月10日来访"));
        // A run of seven digits is refused where it would enter history, not masked.
        assert!(strict("编号3012345"));
        assert!(!shown("编号3012345"));
    }

    #[test]
    fn free_text_is_masked_in_place() {
        assert_eq!(
            mask_free_text("请回电 13700001111，谢谢"),
            "请回电 137****1111，谢谢"
        );
        assert_eq!(mask_free_text("电话137_0000_1111"), "电话137_****_1111");
        assert_eq!(
            mask_free_text("身份证11010519491231002X。"),
            "身份证110***********002X。"
        );
        let chinese = "\u{4E00}\u{4E09}\u{4E03}\u{96F6}\u{96F6}\u{96F6}\u{96F6}\u{4E00}\u{4E00}\u{4E00}\u{4E00}";
        assert!(mask_free_text(chinese).contains("****"));
        assert_eq!(mask_free_text("无号码的文字"), "无号码的文字");
        assert_eq!(mask_free_text("2026-11-20"), "2026-11-20");
    }

    #[test]
    fn individual_names_are_masked_employers_not() {
        let p = Payer {
            kind: PayerKind::Individual,
            name: "孙秀英".into(),
            id_code: Some("11010519491231002X".into()),
            contact: None,
            phone: "13700001111".into(),
            sealed: None,
        };
        assert_eq!(p.display_name(), "孙**");
        assert!(!p.is_masked());
        assert!(p.masked().is_masked());
        let e = Payer {
            kind: PayerKind::Employer,
            name: "芮城县恒达建材有限公司".into(),
            ..p
        };
        assert_eq!(e.display_name(), "芮城县恒达建材有限公司");
    }
}
