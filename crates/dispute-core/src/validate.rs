//! Checks of what users type: text fields, phones, ID codes, operator IDs, emails.
//!
//! Each check returns the cleaned value or `Error::Invalid` naming the field and the reason,
//! so a command can check all its input before it touches the casebook.

use dispute_i18n::{t, word};

use crate::error::{Error, Result};

/// No text field may exceed this (bytes of UTF-8).
pub const MAX_TEXT: usize = 64 * 1024;
/// Short fields: names, districts, titles.
pub const MAX_SHORT: usize = 200;

/// Characters that hide, reorder or fake text on screen, besides the control characters:
/// bidi controls, zero-width characters and joiners, line and paragraph separators, soft
/// hyphens, tag characters, variation selectors, invisible fillers (U+3164 …) and the other
/// format characters of Unicode (category Cf). They are refused in input and stripped from
/// everything printed (`output::clean`), so a file or commit holding one cannot change what
/// a reader sees.
pub fn is_hidden(c: char) -> bool {
    matches!(c,
        '\u{00AD}'
        | '\u{034F}'
        | '\u{0600}'..='\u{0605}'
        | '\u{061C}'
        | '\u{06DD}'
        | '\u{070F}'
        | '\u{0890}'..='\u{0891}'
        | '\u{08E2}'
        | '\u{115F}'..='\u{1160}'
        | '\u{17B4}'..='\u{17B5}'
        | '\u{180B}'..='\u{180F}'
        | '\u{200B}'..='\u{200F}'
        | '\u{2028}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}'
        | '\u{2800}'
        | '\u{3164}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FEFF}'
        | '\u{FFA0}'
        | '\u{FFF9}'..='\u{FFFB}'
        | '\u{FFFE}'..='\u{FFFF}'
        | '\u{110BD}'
        | '\u{110CD}'
        | '\u{13430}'..='\u{1343F}'
        | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0000}'..='\u{E007F}'
        | '\u{E0100}'..='\u{E01EF}')
}

/// A character that may not stand in a field: a control character (newline and tab only
/// in multi-line text) or a hidden one ([`is_hidden`]).
pub fn is_refused_char(c: char, multiline: bool) -> bool {
    let u = c as u32;
    if u < 0x80 {
        let allowed_control = multiline && (c == '\n' || c == '\t');
        return (u < 0x20 || u == 0x7f) && !allowed_control;
    }
    // Every character printed passes here: the blocks of a casebook's text (CJK from
    // U+3400 to the compatibility forms, and the tables' box drawing) hold no control or
    // hidden character, so they are let through at once.
    if (0x3400..0xFE00).contains(&u) || (0x2500..0x2800).contains(&u) {
        return false;
    }
    c.is_control() || is_hidden(c)
}

fn check_chars(field: &str, s: &str, multiline: bool) -> Result<()> {
    for c in s.chars() {
        if is_refused_char(c, multiline) {
            return Err(Error::invalid(
                field,
                t!("val-control-char", code = format!("{:04X}", c as u32)),
            ));
        }
    }
    Ok(())
}

/// A long text (summary, opinion, minutes, reply): trimmed, non-empty, at most 64 KiB,
/// newlines and tabs allowed, `\r\n` folded to `\n`.
pub fn text(field: &str, s: &str) -> Result<String> {
    let s = s.replace("\r\n", "\n");
    let s = s.trim();
    if s.is_empty() {
        return Err(Error::invalid(field, t!("val-empty")));
    }
    if s.len() > MAX_TEXT {
        return Err(Error::invalid(
            field,
            t!("val-too-long", len = s.len(), max = MAX_TEXT),
        ));
    }
    check_chars(field, s, true)?;
    Ok(s.to_string())
}

/// A one-line field (name, district, title): trimmed, non-empty, at most 200 bytes.
pub fn line(field: &str, s: &str) -> Result<String> {
    let s = s.trim();
    if s.is_empty() {
        return Err(Error::invalid(field, t!("val-empty")));
    }
    if s.len() > MAX_SHORT {
        return Err(Error::invalid(
            field,
            t!("val-too-long", len = s.len(), max = MAX_SHORT),
        ));
    }
    check_chars(field, s, false)?;
    Ok(s.to_string())
}

/// A name (of a person, an employer, a county): a one-line field without `<` or `>`, which
/// git refuses in an author's name and which could pass for markup in a form.
pub fn name(field: &str, s: &str) -> Result<String> {
    let s = line(field, s)?;
    if s.contains(['<', '>']) {
        return Err(Error::invalid(field, t!("secret-name-angle-brackets")));
    }
    Ok(s)
}

/// A title, which is printed in git commit messages: a one-line field that may not hold
/// what looks like a phone or ID number.
pub fn title(s: &str) -> Result<String> {
    let field = word("val-field-title");
    let s = line(field, s)?;
    no_numbers_for_git_log(field, &s)?;
    Ok(s)
}

/// The payer's name (an employer's name is named in the commit message of the
/// registration; an individual's only by its mask).
pub fn payer_name(s: &str) -> Result<String> {
    let field = word("val-field-payer-name");
    let s = name(field, s)?;
    no_numbers_for_git_log(field, &s)?;
    Ok(s)
}

/// The district of the matter (named in the commit message when there is no title).
pub fn district(s: &str) -> Result<String> {
    let field = word("val-field-district");
    let s = line(field, s)?;
    no_numbers_for_git_log(field, &s)?;
    Ok(s)
}

/// A 12345 hotline ticket number (named in the commit message of the dispatch).
pub fn ticket(field: &str, s: &str) -> Result<String> {
    let s = line(field, s)?;
    no_numbers_for_git_log(field, &s)?;
    Ok(s)
}

/// Fields that go into git commit messages (title, payer name, district, ticket number,
/// the name of an imported file) may not hold what looks like a phone or ID number, however
/// written: full-width digits and Chinese numerals count as digits, and spaces, hyphens,
/// underscores, dots or brackets between digits do not break a number (139 3590 1234,
/// 139_3590_1234, 一三九三五九〇一二三四). Any run of seven or more digits that is not a
/// date is refused too. History cannot be cleaned afterwards, so the check is strict.
pub fn no_numbers_for_git_log(field: &str, s: &str) -> Result<()> {
    if crate::privacy::holds_personal_number(s, crate::privacy::Strictness::Strict) {
        return Err(Error::invalid(field, t!("val-numbers-in-git-log")));
    }
    Ok(())
}

/// A Chinese phone number: mobile `1[3-9]` + 9 digits, or a landline with area code
/// (`0359-1234567`, hyphen optional), optionally `-` extension.
pub fn phone(s: &str) -> Result<String> {
    let s = s.trim();
    // The number itself is never echoed: an error line may end up in a screenshot or a log.
    let bad = |key: &str| Err(Error::invalid(word("val-field-phone"), t!(key)));
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if s.len() == 11 && digits(s) && s.starts_with('1') {
        if !matches!(s.as_bytes()[1], b'3'..=b'9') {
            return bad("val-phone-not-mobile");
        }
        return Ok(s.to_string());
    }
    if s.starts_with('0') {
        let parts: Vec<&str> = s.split('-').collect();
        let ok = match parts.as_slice() {
            [whole] => digits(whole) && (10..=12).contains(&whole.len()),
            [area, num] => {
                digits(area)
                    && (3..=4).contains(&area.len())
                    && digits(num)
                    && (7..=8).contains(&num.len())
            }
            [area, num, ext] => {
                digits(area)
                    && (3..=4).contains(&area.len())
                    && digits(num)
                    && (7..=8).contains(&num.len())
                    && digits(ext)
                    && ext.len() <= 6
            }
            _ => false,
        };
        if ok {
            return Ok(s.to_string());
        }
    }
    bad("val-phone-invalid")
}

/// A payer's ID code: an 18-character unified social credit code (GB 32100-2015) or a
/// resident ID number (GB 11643-1999, 18 characters), with its check character.
pub fn id_code(s: &str) -> Result<String> {
    let s = s.trim().to_ascii_uppercase();
    let bad = |key: &str| Err(Error::invalid(word("val-field-id-code"), t!(key)));
    if s.len() != 18 || !s.is_ascii() {
        return bad("val-id-code-length");
    }
    let b = s.as_bytes();
    if b[..17].iter().all(u8::is_ascii_digit) && resident_check(&b[..17]) == b[17] {
        return Ok(s);
    }
    if credit_code_check(b) {
        return Ok(s);
    }
    bad("val-id-code-check")
}

fn resident_check(first17: &[u8]) -> u8 {
    const W: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = first17
        .iter()
        .zip(W)
        .map(|(d, w)| (d - b'0') as u32 * w)
        .sum();
    b"10X98765432"[(sum % 11) as usize]
}

/// Whether `s` is a unified social credit code (GB 32100-2015) with its check character.
pub fn is_credit_code(s: &str) -> bool {
    s.len() == 18 && credit_code_check(s.as_bytes())
}

fn credit_code_check(b: &[u8]) -> bool {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
    const W: [usize; 17] = [
        1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
    ];
    let value = |c: u8| ALPHABET.iter().position(|&a| a == c);
    let mut sum = 0;
    for (c, w) in b[..17].iter().zip(W) {
        match value(*c) {
            Some(v) => sum += v * w,
            None => return false,
        }
    }
    let check = (31 - sum % 31) % 31;
    value(b[17]) == Some(check)
}

/// An operator ID: 1–32 characters of lower-case ASCII letters, digits, `.`, `_`, `-`,
/// starting with a letter.
pub fn operator_id(s: &str) -> Result<String> {
    let ok = (1..=32).contains(&s.len())
        && s.as_bytes()[0].is_ascii_lowercase()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b));
    if ok {
        Ok(s.to_string())
    } else {
        Err(Error::invalid(
            word("val-field-operator-id"),
            t!("val-operator-id-format", value = s),
        ))
    }
}

pub fn email(s: &str) -> Result<String> {
    let s = s.trim();
    let ok = match s.split_once('@') {
        Some((user, host)) => {
            !user.is_empty()
                && host.contains('.')
                && !host.starts_with('.')
                && !host.ends_with('.')
                && !s.contains(char::is_whitespace)
                && !s.contains(['<', '>'])
                && s.is_ascii()
        }
        None => false,
    };
    if ok {
        Ok(s.to_string())
    } else {
        Err(Error::invalid(
            word("val-field-email"),
            t!("val-email-invalid", value = s),
        ))
    }
}

/// A dispute category, 1–10.
pub fn category(n: u8) -> Result<u8> {
    if (1..=10).contains(&n) {
        Ok(n)
    } else {
        Err(Error::invalid(
            word("val-field-category"),
            t!("val-category-range", n = n),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_check_of_characters_agrees_with_the_rule_for_every_character() {
        let rule = |c: char, multiline: bool| {
            let allowed_control = multiline && (c == '\n' || c == '\t');
            (c.is_control() && !allowed_control) || is_hidden(c)
        };
        let mut refused = 0;
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            for multiline in [false, true] {
                assert_eq!(is_refused_char(c, multiline), rule(c, multiline), "{c:?}");
            }
            refused += usize::from(rule(c, false));
        }
        // C0, DEL, C1 and the hidden ones: the rule refuses something.
        assert!(refused > 65, "{refused}");
    }

    #[test]
    fn phones() {
        assert!(phone("13800000000").is_ok());
        assert!(phone("0359-3012345").is_ok());
        assert!(phone("03593012345").is_ok());
        assert!(phone("0359-3012345-801").is_ok());
        for bad in [
            "12800000000",
            "1380000000",
            "138000000000",
            "abc",
            "",
            "+8613800000000",
            "0359--3012345",
        ] {
            assert!(phone(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn id_codes_need_their_check_character() {
        // GB 11643 example number.
        assert!(id_code("11010519491231002X").is_ok());
        assert!(id_code("110105194912310021").is_err());
        // A credit code with a valid MOD 31 check character.
        assert!(id_code("91350100M000100Y43").is_ok());
        assert!(id_code("91350100M000100Y44").is_err());
        assert!(id_code("short").is_err());
    }

    #[test]
    fn text_refuses_controls_and_bidi_but_keeps_newlines() {
        assert_eq!(text("摘要", "  a\r\nb  ").unwrap(), "a\nb");
        assert!(text("摘要", "a\u{202E}b").is_err());
        assert!(text("摘要", "a\u{0007}b").is_err());
        assert!(text("摘要", "   ").is_err());
        assert!(text("摘要", &"x".repeat(MAX_TEXT + 1)).is_err());
        assert!(line("名称", "a\nb").is_err());
    }

    #[test]
    fn invisible_and_format_characters_are_refused_with_the_field_named() {
        for c in [
            '\u{2028}',
            '\u{2029}',
            '\u{2060}',
            '\u{00AD}',
            '\u{3164}',
            '\u{E0041}',
            '\u{E007F}',
            '\u{200B}',
            '\u{200D}',
            '\u{202E}',
            '\u{2066}',
            '\u{FEFF}',
            '\u{001B}',
            '\u{0085}',
            '\u{FE0F}',
            '\u{115F}',
        ] {
            let err = line("姓名", &format!("张{c}三")).unwrap_err().to_string();
            assert!(err.starts_with("姓名"), "{c:?}: {err}");
            assert!(text("摘要", &format!("a{c}b")).is_err(), "{c:?}");
        }
        assert!(text("摘要", "第一行\n第二行\t缩进").is_ok());
    }

    #[test]
    fn names_refuse_angle_brackets() {
        assert!(name("姓名", "<script>alert(1)</script>").is_err());
        assert!(name("姓名", "张三").is_ok());
        assert!(payer_name("芮城县<b>公司").is_err());
    }

    #[test]
    fn ticket_numbers_keep_phones_out_of_git_log() {
        assert!(ticket("工单号", "12345-20261117-0032").is_ok());
        assert!(ticket("工单号", "孙秀英-11010519491231002X-13700001111").is_err());
        assert!(ticket("工单号", "137_0000_1111").is_err());
    }

    #[test]
    fn phone_errors_do_not_echo_the_number() {
        let err = phone("12800001111").unwrap_err().to_string();
        assert!(!err.contains("12800001111"), "{err}");
        let err = phone("99999999999").unwrap_err().to_string();
        assert!(!err.contains("99999999999"), "{err}");
    }

    #[test]
    fn titles_keep_numbers_out_of_git_log() {
        assert!(title("2026年度缴费基数核定争议").is_ok());
        assert!(title("联系电话13800000000").is_err());
        assert!(title("身份证１１０１０５１９４９").is_err());
        assert!(title("电话139 3590 1234").is_err());
        assert!(title("电话139-3590-1234").is_err());
        assert!(title("2025年3月10日来访").is_ok());
        assert!(title("电话137_0000_1111").is_err());
        // 一三七零零零零一一一一
        assert!(title("电话\u{4E00}\u{4E09}\u{4E03}\u{96F6}\u{96F6}\u{96F6}\u{96F6}\u{4E00}\u{4E00}\u{4E00}\u{4E00}").is_err());
    }

    #[test]
    fn operator_ids_and_emails() {
        assert!(operator_id("zhang.san-1").is_ok());
        for bad in ["", "Zhang", "1abc", "a b", "../x", &"a".repeat(33)] {
            assert!(operator_id(bad).is_err(), "{bad}");
        }
        assert!(email("a@b.cn").is_ok());
        assert!(email("a@b").is_err());
        assert!(email("a b@c.cn").is_err());
    }
}
