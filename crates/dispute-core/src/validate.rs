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

/// Characters that reorder or hide text on screen (bidi controls, zero-width marks).
fn is_deceptive(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        | '\u{061C}' | '\u{FEFF}')
}

fn check_chars(field: &str, s: &str, multiline: bool) -> Result<()> {
    for c in s.chars() {
        let allowed_control = multiline && (c == '\n' || c == '\t');
        if (c.is_control() && !allowed_control) || is_deceptive(c) {
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

/// A title, which is printed in git commit messages: a one-line field that may not hold
/// what looks like a phone or ID number (a run of seven or more digits).
pub fn title(s: &str) -> Result<String> {
    let field = word("val-field-title");
    let s = line(field, s)?;
    no_numbers_for_git_log(field, &s)?;
    Ok(s)
}

/// The payer's name (it is named in the commit message of the registration).
pub fn payer_name(s: &str) -> Result<String> {
    let field = word("val-field-payer-name");
    let s = line(field, s)?;
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

/// Fields that go into git commit messages (title, payer name, district) may not hold what
/// looks like a phone or ID number: seven or more digits, even broken up by spaces, hyphens,
/// dots or brackets (139 3590 1234, 139-3590-1234).
pub fn no_numbers_for_git_log(field: &str, s: &str) -> Result<()> {
    let mut run = 0;
    for c in s.chars() {
        if c.is_ascii_digit() || ('０'..='９').contains(&c) {
            run += 1;
        } else if !matches!(
            c,
            ' ' | '　' | '-' | '－' | '.' | '(' | ')' | '（' | '）' | '/'
        ) {
            run = 0;
        }
        if run >= 7 {
            return Err(Error::invalid(field, t!("val-numbers-in-git-log")));
        }
    }
    Ok(())
}

/// A Chinese phone number: mobile `1[3-9]` + 9 digits, or a landline with area code
/// (`0359-1234567`, hyphen optional), optionally `-` extension.
pub fn phone(s: &str) -> Result<String> {
    let s = s.trim();
    let bad = |key: &str| Err(Error::invalid(word("val-field-phone"), t!(key, value = s)));
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
    fn titles_keep_numbers_out_of_git_log() {
        assert!(title("2026年度缴费基数核定争议").is_ok());
        assert!(title("联系电话13800000000").is_err());
        assert!(title("身份证１１０１０５１９４９").is_err());
        assert!(title("电话139 3590 1234").is_err());
        assert!(title("电话139-3590-1234").is_err());
        assert!(title("2025年3月10日来访").is_ok());
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
