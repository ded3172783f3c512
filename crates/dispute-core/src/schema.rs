//! The JSON Schemas of the two file kinds, embedded from `schemas/`, and validation against
//! them. Every file the tool writes is checked before it is committed; files read from HEAD
//! are checked before an action builds on them.

use serde_json::Value;

use crate::case::Case;
use crate::error::{Error, Result};

pub const CASE_SCHEMA: &str = include_str!("../../../schemas/case.schema.json");
pub const CASEBOOK_SCHEMA: &str = include_str!("../../../schemas/casebook.schema.json");

// The validators are generated from the schema files when the crate is compiled, so no run
// compiles a schema (that took a few milliseconds of every write). The tests check that
// they judge as the schema compiled at run time does.

/// `schemas/case.schema.json`.
#[jsonschema::validator(path = "../../schemas/case.schema.json", validate_formats = true)]
struct CaseSchema;

/// `schemas/casebook.schema.json`.
#[jsonschema::validator(path = "../../schemas/casebook.schema.json", validate_formats = true)]
struct CasebookSchema;

/// `schemas/policy.schema.json`.
#[jsonschema::validator(path = "../../schemas/policy.schema.json", validate_formats = true)]
pub(crate) struct PolicySchema;

/// The first violation, as "path: message", or None if valid. The offending value is
/// never quoted (it may be a payer's phone or ID number): the message names the rule.
fn first_error<'a>(
    iter_errors: fn(&'a Value) -> jsonschema::ErrorIterator<'a>,
    instance: &'a Value,
) -> Option<String> {
    iter_errors(instance).next().map(|e| {
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
    match first_error(CaseSchema::iter_errors, value) {
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
    match first_error(CasebookSchema::iter_errors, &value) {
        None => Ok(()),
        Some(reason) => Err(Error::CasebookInvalid(dispute_i18n::t!(
            "schema-casebook-mismatch",
            reason = reason
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The schema compiled at run time, as the validators were built before.
    fn runtime(text: &str) -> jsonschema::Validator {
        let schema: Value = serde_json::from_str(text).unwrap();
        jsonschema::options()
            .should_validate_formats(true)
            .build(&schema)
            .unwrap()
    }

    /// Every variant of `value` with one thing wrong: each string replaced by one that
    /// fits no format, pattern or list, each number by a negative one and by a string,
    /// each key removed, an unknown key added to each table.
    fn mutations(value: &Value) -> Vec<Value> {
        let mut out = vec![];
        match value {
            Value::String(_) => out.push(Value::String("?".into())),
            Value::Number(_) => {
                out.push(serde_json::json!(-1));
                out.push(serde_json::json!("1"));
            }
            Value::Object(map) => {
                let mut extra = map.clone();
                extra.insert("no_such_field".into(), Value::Bool(true));
                out.push(Value::Object(extra));
                for (k, v) in map {
                    let mut without = map.clone();
                    without.remove(k);
                    out.push(Value::Object(without));
                    for m in mutations(v) {
                        let mut changed = map.clone();
                        changed.insert(k.clone(), m);
                        out.push(Value::Object(changed));
                    }
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    for m in mutations(v) {
                        let mut changed = items.clone();
                        changed[i] = m;
                        out.push(Value::Array(changed));
                    }
                }
            }
            _ => {}
        }
        out
    }

    /// The generated validator and the run-time one find the same instances valid, and
    /// the same places wrong.
    fn agree(
        iter_errors: for<'a> fn(&'a Value) -> jsonschema::ErrorIterator<'a>,
        runtime: &jsonschema::Validator,
        value: &Value,
    ) -> usize {
        let places = |errors: jsonschema::ErrorIterator<'_>| {
            let mut p: Vec<String> = errors.map(|e| e.instance_path().to_string()).collect();
            p.sort();
            p.dedup();
            p
        };
        let mut rejected = 0;
        for m in std::iter::once(value.clone()).chain(mutations(value)) {
            let generated = places(iter_errors(&m));
            assert_eq!(
                generated,
                places(runtime.iter_errors(&m)),
                "the validators disagree on {m:#}"
            );
            rejected += usize::from(!generated.is_empty());
        }
        rejected
    }

    #[test]
    fn generated_validators_judge_as_the_schemas_compiled_at_run_time() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../cases");
        let mut files = vec![];
        let mut stack = vec![dir];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "toml") {
                    files.push(p);
                }
            }
        }
        assert!(files.len() >= 10, "the example cases: {files:?}");
        let case = runtime(CASE_SCHEMA);
        let mut rejected = 0;
        for f in &files {
            let text = std::fs::read_to_string(f).unwrap();
            let value: toml::Value = toml::from_str(&text).unwrap();
            let value = serde_json::to_value(value).unwrap();
            assert!(CaseSchema::is_valid(&value), "{}", f.display());
            rejected += agree(CaseSchema::iter_errors, &case, &value);
        }
        // The mutations reach the schema's rules, not only its shape.
        assert!(rejected > 1000, "only {rejected} mutations were refused");

        let admin = crate::casebook::Operator {
            id: "admin".into(),
            name: "管理员".into(),
            email: "admin@rc.example.cn".into(),
            dept: "tax".into(),
            roles: vec![crate::casebook::Role::Admin],
            active: true,
            phone: None,
            keys: vec![],
        };
        let book = crate::casebook::Casebook::new("芮城县", admin);
        let value = serde_json::to_value(toml::Value::try_from(&book).unwrap()).unwrap();
        assert!(CasebookSchema::is_valid(&value));
        assert!(
            agree(
                CasebookSchema::iter_errors,
                &runtime(CASEBOOK_SCHEMA),
                &value
            ) > 10
        );
    }
}
