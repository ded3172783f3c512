//! The JSON Schemas of the two file kinds, embedded from `schemas/`, and validation against
//! them. Every file the tool writes is checked before it is committed; files read from HEAD
//! are checked before an action builds on them.

use std::sync::OnceLock;

use jsonschema::Validator;
use serde_json::Value;

use crate::case::Case;
use crate::error::{Error, Result};

pub const CASE_SCHEMA: &str = include_str!("../../../schemas/case.schema.json");
pub const CASEBOOK_SCHEMA: &str = include_str!("../../../schemas/casebook.schema.json");

fn compile(text: &str) -> Validator {
    let schema: Value = serde_json::from_str(text).expect("embedded schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("embedded schema compiles")
}

fn case_validator() -> &'static Validator {
    static V: OnceLock<Validator> = OnceLock::new();
    V.get_or_init(|| compile(CASE_SCHEMA))
}

/// Compile the case schema now, so that the first check does not wait for it: a write
/// calls this on a thread of its own when it begins, and the compiling (a few
/// milliseconds) overlaps reading the casebook and applying the action.
pub fn prepare_case_schema() {
    let _ = case_validator();
}

fn casebook_validator() -> &'static Validator {
    static V: OnceLock<Validator> = OnceLock::new();
    V.get_or_init(|| compile(CASEBOOK_SCHEMA))
}

/// The first violation, as "path: message", or None if valid. The offending value is
/// never quoted (it may be a payer's phone or ID number): the message names the rule.
fn first_error(v: &Validator, instance: &Value) -> Option<String> {
    v.iter_errors(instance).next().map(|e| {
        let at = e.instance_path().to_string();
        let message = crate::case::short_problem(&e.masked_with("…").to_string());
        if at.is_empty() {
            message
        } else {
            format!("{at}: {message}")
        }
    })
}

/// Check a case file's content (as TOML-shaped JSON) against the case schema.
pub fn check_case_value(value: &Value, path: &str) -> Result<()> {
    match first_error(case_validator(), value) {
        None => Ok(()),
        Some(reason) => Err(Error::CaseFileInvalid {
            path: path.to_string(),
            reason: dispute_i18n::t!("schema-case-mismatch", reason = reason),
        }),
    }
}

pub fn check_case(case: &Case, path: &str) -> Result<()> {
    let value = serde_json::to_value(case).map_err(|e| Error::Internal(e.to_string()))?;
    check_case_value(&value, path)
}

/// A digest of the casebook schema: a text found valid under one digest need not be
/// checked again while the schema is the same.
pub fn casebook_schema_digest() -> String {
    use sha2::Digest;
    sha2::Sha256::digest(CASEBOOK_SCHEMA.as_bytes())
        .iter()
        .take(12)
        .map(|b| format!("{b:02x}"))
        .collect()
}

pub fn check_casebook(value: &toml::Value) -> Result<()> {
    let value = serde_json::to_value(value).map_err(|e| Error::Internal(e.to_string()))?;
    match first_error(casebook_validator(), &value) {
        None => Ok(()),
        Some(reason) => Err(Error::CasebookInvalid(dispute_i18n::t!(
            "schema-casebook-mismatch",
            reason = reason
        ))),
    }
}
