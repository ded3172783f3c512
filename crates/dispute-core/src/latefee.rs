//! The late fee on social insurance arrears (社会保险法 Art. 86): 0.05% of the arrears per
//! day from the day of arrears. Money is exact decimal (never floating point), rounded to
//! the fen half away from zero at the end only.

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use dispute_i18n::t;

use crate::error::{Error, Result};

/// The article of law the fee rests on, in the chosen language.
pub fn law() -> &'static str {
    dispute_i18n::word("fee-law")
}

/// 万分之五 per day.
pub fn daily_rate() -> Decimal {
    Decimal::new(5, 4)
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LateFee {
    pub amount: Decimal,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Calendar days from `from` to `to`, both included.
    pub days: i64,
    pub rate_per_day: Decimal,
    pub fee: Decimal,
}

/// An amount in yuan as typed: digits with at most two decimals, positive, below a trillion.
pub fn parse_yuan(s: &str) -> Result<Decimal> {
    let t = s.trim().replace([',', '，'], "");
    let bad =
        |key: &str| Error::invalid(dispute_i18n::word("fee-field-amount"), t!(key, value = s));
    let ok_chars = !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || c == '.');
    if !ok_chars || t.matches('.').count() > 1 || t.starts_with('.') || t.ends_with('.') {
        return Err(bad("fee-not-amount-example"));
    }
    if t.split_once('.').is_some_and(|(_, f)| f.len() > 2) {
        return Err(bad("fee-too-many-decimals"));
    }
    let d: Decimal = t.parse().map_err(|_| bad("fee-not-amount"))?;
    if d <= Decimal::ZERO {
        return Err(bad("fee-not-positive"));
    }
    if d >= Decimal::new(1_000_000_000_000, 0) {
        return Err(bad("fee-too-large"));
    }
    Ok(d)
}

/// The late fee from `from` (the first day of arrears) to `to` (the day paid), inclusive.
pub fn compute(amount: Decimal, from: NaiveDate, to: NaiveDate) -> LateFee {
    let days = (to - from).num_days() + 1;
    let fee = (amount * daily_rate() * Decimal::from(days))
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    LateFee {
        amount,
        from,
        to,
        days,
        rate_per_day: daily_rate(),
        fee,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn ten_thousand_yuan_for_thirty_days() {
        // 10,000 × 0.0005 × 30 = 150.00
        let f = compute(
            parse_yuan("10000").unwrap(),
            d("2026-03-16"),
            d("2026-04-14"),
        );
        assert_eq!(f.days, 30);
        assert_eq!(f.fee.to_string(), "150.00");
    }

    #[test]
    fn exact_decimals_round_half_away_from_zero_at_the_end() {
        // 12,345.67 × 0.0005 × 7 = 43.209845 → 43.21; 0.01 × 0.0005 × 1 = 0.000005 → 0.00
        let f = compute(
            parse_yuan("12,345.67").unwrap(),
            d("2026-01-01"),
            d("2026-01-07"),
        );
        assert_eq!(f.fee.to_string(), "43.21");
        let f = compute(
            parse_yuan("0.01").unwrap(),
            d("2026-01-01"),
            d("2026-01-01"),
        );
        assert_eq!((f.days, f.fee.to_string()), (1, "0.00".to_string()));
        // 1 × 0.0005 × 1000 = 0.5 exactly, no float drift.
        let f = compute(parse_yuan("1").unwrap(), d("2024-01-01"), d("2026-09-26"));
        assert_eq!((f.days, f.fee.to_string()), (1000, "0.50".to_string()));
    }

    #[test]
    fn amounts_are_checked() {
        for bad in ["", "-5", "0", "1.234", "abc", "1e5", "1.2.3", ".5", "5."] {
            assert!(parse_yuan(bad).is_err(), "{bad}");
        }
        assert_eq!(parse_yuan(" 1，000.5 ").unwrap().to_string(), "1000.5");
    }
}
