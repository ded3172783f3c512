//! Payer confidentiality (DESIGN §2.7, §8): masking and who may see the unmasked data.
//!
//! Phone, ID code and contact name are masked in every output unless the operator asks to
//! reveal them and belongs to the receiving department or a department assigned to the case.

use crate::case::{Case, Payer};
use crate::casebook::Operator;
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
    /// The payer with its confidential fields masked.
    pub fn masked(&self) -> Payer {
        Payer {
            kind: self.kind,
            name: self.name.clone(),
            id_code: self.id_code.as_deref().map(mask_id_code),
            contact: self.contact.as_deref().map(mask_name),
            phone: mask_phone(&self.phone),
        }
    }
}

/// May this operator see the payer's unmasked data on this case?
pub fn check_reveal(case: &Case, op: &Operator) -> Result<()> {
    let involved =
        op.dept == case.receiving_dept || case.assignments.iter().any(|a| a.dept == op.dept);
    if involved {
        Ok(())
    } else {
        Err(Error::not_permitted(
            dispute_i18n::t!("privacy-reveal-action", id = case.id),
            dispute_i18n::t!("privacy-reveal-rule"),
        ))
    }
}

/// The case as it may be shown: masked unless `reveal`.
pub fn for_display(case: &Case, reveal: bool) -> Case {
    let mut shown = case.clone();
    if !reveal {
        shown.payer = case.payer.masked();
        if let Some(c) = &mut shown.counterparty {
            c.phone = c.phone.as_deref().map(mask_phone);
        }
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
}
