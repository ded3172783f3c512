//! Payer data encrypted at rest (DESIGN §11): department keys, sealing and opening a
//! case's payer data, and the checks `verify` can make without any key.
//!
//! The pattern is SOPS's with age (the `age` crate; no cryptography is written here):
//!
//! - Each department has an X25519 key pair ([`DeptKey`] in `casebook.toml`). Its private
//!   half is stored age-encrypted to the SSH keys (ssh-ed25519) of the department's active
//!   operators: an operator's own key opens their department's key.
//! - A case's confidential payer fields (name, ID code, contact, phone) are stored
//!   age-encrypted to the current keys of its **recipients** — the receiving department,
//!   each department assigned, `gov` once referred, the leading-group office and the
//!   leader's department ([`crate::privacy::recipient_depts`]) — beside their masks; the
//!   recipients and the keys used are listed in the file ([`Sealed`]).
//! - When an action changes the recipients (an assignment), the acting operator opens the
//!   data and seals it again to the new set in the same commit.
//! - When a department's operators change, its key is re-wrapped to them, or replaced
//!   (rotated) when someone leaves, so cases sealed from then on are closed to them
//!   ([`sync_dept_keys`]).
//!
//! What `verify` can check without keys: a case file holds ciphertext and masks only, its
//! recipients are the departments its state calls for, each with a key of that department,
//! the ciphertext holds one X25519 stanza per recipient, and each department key is wrapped
//! exactly to its department's active operators (the tags of age's ssh-ed25519 stanzas
//! name the SSH keys).

use std::io::{Read, Write};

use age::armor::{ArmoredReader, ArmoredWriter, Format};
use age::secrecy::ExposeSecret;
use base64::Engine;
use sha2::Digest;
use ssh_key::PublicKey;

use crate::case::{Case, Counterparty, Payer, Sealed, SealedFor, Time};
use crate::casebook::{Casebook, DeptKey};
use crate::error::{Error, Result};
use crate::identity::{self, current_key, fingerprint};
use dispute_i18n::t;

/// The confidential fields of a payer, as encrypted (JSON).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct PayerSecret {
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    id_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    contact: Option<String>,
    phone: String,
}

impl PayerSecret {
    fn of(payer: &Payer) -> PayerSecret {
        PayerSecret {
            name: payer.name.clone(),
            id_code: payer.id_code.clone(),
            contact: payer.contact.clone(),
            phone: payer.phone.clone(),
        }
    }
}

/// The confidential fields of the other party of an employee-employer dispute, as
/// encrypted (JSON): sealed beside the payer's, to the same recipients.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CounterpartySecret {
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    phone: Option<String>,
}

impl CounterpartySecret {
    fn of(other: &Counterparty) -> CounterpartySecret {
        CounterpartySecret {
            name: other.name.clone(),
            phone: other.phone.clone(),
        }
    }
}

fn internal(e: impl std::fmt::Display) -> Error {
    Error::Internal(t!("secret-crypto-failed", reason = e.to_string()))
}

/// Encrypt to age recipients, ASCII-armored.
fn encrypt(recipients: &[Box<dyn age::Recipient + Send>], plaintext: &[u8]) -> Result<String> {
    let encryptor = age::Encryptor::with_recipients(
        recipients.iter().map(|r| r.as_ref() as &dyn age::Recipient),
    )
    .map_err(internal)?;
    let mut out = vec![];
    let armor = ArmoredWriter::wrap_output(&mut out, Format::AsciiArmor).map_err(internal)?;
    let mut writer = encryptor.wrap_output(armor).map_err(internal)?;
    writer.write_all(plaintext).map_err(internal)?;
    writer
        .finish()
        .and_then(|armor| armor.finish())
        .map_err(internal)?;
    String::from_utf8(out).map_err(internal)
}

/// Decrypt armored age data with one identity; None when it is not for that identity or
/// does not decrypt.
fn decrypt(armored: &str, identity: &dyn age::Identity) -> Option<Vec<u8>> {
    let decryptor = age::Decryptor::new_buffered(ArmoredReader::new(armored.as_bytes())).ok()?;
    let mut reader = decryptor.decrypt(std::iter::once(identity)).ok()?;
    let mut out = vec![];
    reader.read_to_end(&mut out).ok()?;
    Some(out)
}

/// An operator's SSH private key, as age uses it to open department keys wrapped to it.
pub struct Opener {
    identity: age::ssh::Identity,
    /// The fingerprint of its public key.
    pub fingerprint: String,
}

impl Opener {
    /// From a private key already unlocked (a key file; an ssh-agent cannot decrypt).
    pub fn new(key: &ssh_key::PrivateKey) -> Result<Opener> {
        let pem = key.to_openssh(ssh_key::LineEnding::LF).map_err(internal)?;
        let identity = age::ssh::Identity::from_buffer(pem.as_bytes(), None).map_err(internal)?;
        Ok(Opener {
            identity,
            fingerprint: fingerprint(key.public_key()),
        })
    }
}

/// The SSH public keys a department's key must be wrapped to: the current keys of the
/// department's active operators, by fingerprint.
pub fn members(book: &Casebook, dept: &str) -> Vec<(String, PublicKey)> {
    let mut out: Vec<(String, PublicKey)> = book
        .operators
        .iter()
        .filter(|o| o.active && o.dept == dept)
        .filter_map(|o| current_key(o))
        .filter_map(|k| identity::parse_public_key(&k.key).ok())
        .map(|k| (fingerprint(&k), k))
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out.dedup_by(|a, b| a.0 == b.0);
    out
}

/// The current key of a department: the last one not retired.
pub fn dept_key<'a>(book: &'a Casebook, dept: &str) -> Option<&'a DeptKey> {
    book.department(dept)?
        .keys
        .iter()
        .rev()
        .find(|k| k.retired.is_none())
}

/// Every SSH key ever registered in the casebook, by fingerprint (retired ones too: a
/// department key wrapped to a retired key is re-wrapped to it as it was).
fn registered_key(book: &Casebook, fp: &str) -> Option<PublicKey> {
    book.operators
        .iter()
        .flat_map(|o| &o.keys)
        .filter_map(|k| identity::parse_public_key(&k.key).ok())
        .find(|k| fingerprint(k) == fp)
}

/// Encrypt a department's private key to SSH keys: (armored secret, sorted fingerprints).
fn wrap(
    secret: &age::x25519::Identity,
    to: &[(String, PublicKey)],
) -> Result<(String, Vec<String>)> {
    let mut recipients: Vec<Box<dyn age::Recipient + Send>> = vec![];
    for (_, key) in to {
        let r: age::ssh::Recipient = identity::key_text(key)
            .parse()
            .map_err(|e: age::ssh::ParseRecipientKeyError| internal(format!("{e:?}")))?;
        recipients.push(Box::new(r));
    }
    let text = secret.to_string();
    let armored = encrypt(&recipients, text.expose_secret().as_bytes())?;
    let mut fps: Vec<String> = to.iter().map(|(fp, _)| fp.clone()).collect();
    fps.sort();
    fps.dedup();
    Ok((armored, fps))
}

/// A new department key, wrapped to `to`.
pub fn new_dept_key(to: &[(String, PublicKey)], now: Time) -> Result<DeptKey> {
    let secret = age::x25519::Identity::generate();
    let (wrapped, wrapped_to) = wrap(&secret, to)?;
    Ok(DeptKey {
        recipient: secret.to_public().to_string(),
        secret: wrapped,
        wrapped_to,
        created: now,
        retired: None,
    })
}

/// The private half of a department key, if `opener`'s key is among those it is wrapped to.
fn unlock(key: &DeptKey, opener: &Opener) -> Option<age::x25519::Identity> {
    if !key.wrapped_to.contains(&opener.fingerprint) {
        return None;
    }
    let plain = decrypt(&key.secret, &opener.identity)?;
    let text = String::from_utf8(plain).ok()?;
    let identity: age::x25519::Identity = text.trim().parse().ok()?;
    // The key must be the one it claims to be.
    (identity.to_public().to_string() == key.recipient).then_some(identity)
}

/// What [`sync_dept_keys`] did to one department's key, for the admin to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyChange {
    /// A first key, for the department's first operator(s) with a key.
    Created { dept: String },
    /// The key opened to newly added operators (by operator ID).
    Rewrapped { dept: String, added: Vec<String> },
    /// A new key: those removed (by operator ID, or fingerprints of retired SSH keys) can
    /// no longer open cases sealed from now on.
    Rotated { dept: String, removed: Vec<String> },
    /// A new key because the admin could not open the old one to add operators: the new
    /// operators read cases sealed from now on; older cases open to them once an operator
    /// who can read them acts on them.
    RotatedUnopened { dept: String, added: Vec<String> },
    /// No active operator with a key is left: the key is retired, and cases are not sealed
    /// to the department until one is added.
    Retired { dept: String },
}

/// The operator whose key (current or retired) has this fingerprint, else the fingerprint.
fn who(book: &Casebook, fp: &str) -> String {
    book.operators
        .iter()
        .find(|o| {
            o.keys.iter().any(|k| {
                identity::parse_public_key(&k.key)
                    .map(|pk| fingerprint(&pk) == fp)
                    .unwrap_or(false)
            })
        })
        .map(|o| o.id.clone())
        .unwrap_or_else(|| fp.to_string())
}

/// Bring every department's key in line with its operators, after an admin changed them:
/// a department's current key must be wrapped to exactly the SSH keys of its active
/// operators. A department gets its first key with its first operator who has a key. New
/// operators are added by re-wrapping the key, which needs the acting admin's `opener` to
/// open it (the admin's own department); when it cannot, the key is replaced and the admin
/// is told. When someone leaves (disabled, moved, a key replaced), the key is replaced so
/// cases sealed from then on are closed to them.
pub fn sync_dept_keys(
    book: &mut Casebook,
    opener: Option<&Opener>,
    now: Time,
) -> Result<Vec<KeyChange>> {
    let mut changes = vec![];
    let codes: Vec<String> = book.departments.iter().map(|d| d.code.clone()).collect();
    for code in codes {
        let members = members(book, &code);
        let fps: Vec<String> = members.iter().map(|(fp, _)| fp.clone()).collect();
        let snapshot = book.clone();
        let dept = book
            .departments
            .iter_mut()
            .find(|d| d.code == code)
            .expect("listed above");
        let current = dept.keys.iter().rposition(|k| k.retired.is_none());
        let Some(i) = current else {
            if !members.is_empty() {
                dept.keys.push(new_dept_key(&members, now)?);
                changes.push(KeyChange::Created { dept: code });
            }
            continue;
        };
        if members.is_empty() {
            dept.keys[i].retired = Some(now);
            changes.push(KeyChange::Retired { dept: code });
            continue;
        }
        let wrapped = dept.keys[i].wrapped_to.clone();
        if wrapped == fps {
            continue;
        }
        let removed: Vec<String> = wrapped
            .iter()
            .filter(|f| !fps.contains(f))
            .cloned()
            .collect();
        let added: Vec<String> = fps
            .iter()
            .filter(|f| !wrapped.contains(f))
            .cloned()
            .collect();
        let name = |fps: &[String]| fps.iter().map(|f| who(&snapshot, f)).collect::<Vec<_>>();
        let current_secret = opener.and_then(|o| unlock(&dept.keys[i], o));
        match (&current_secret, removed.is_empty()) {
            (Some(secret), true) => {
                let (armored, to) = wrap(secret, &members)?;
                dept.keys[i].secret = armored;
                dept.keys[i].wrapped_to = to;
                changes.push(KeyChange::Rewrapped {
                    dept: code.clone(),
                    added: name(&added),
                });
            }
            (_, false) => {
                dept.keys[i].retired = Some(now);
                dept.keys.push(new_dept_key(&members, now)?);
                changes.push(KeyChange::Rotated {
                    dept: code.clone(),
                    removed: name(&removed),
                });
            }
            (None, true) => {
                dept.keys[i].retired = Some(now);
                dept.keys.push(new_dept_key(&members, now)?);
                changes.push(KeyChange::RotatedUnopened {
                    dept: code.clone(),
                    added: name(&added),
                });
            }
        }
        // Older keys the admin can open are opened to the newcomers too (a new operator, an
        // operator's new SSH key), so they can read the department's earlier cases.
        if added.is_empty() {
            continue;
        }
        let newcomers: Vec<(String, PublicKey)> = members
            .iter()
            .filter(|(f, _)| added.contains(f))
            .cloned()
            .collect();
        let older = if removed.is_empty() && current_secret.is_some() {
            i
        } else {
            i + 1
        };
        for k in 0..older {
            let old = &dept.keys[k];
            let Some(secret) = opener.and_then(|o| unlock(old, o)) else {
                continue;
            };
            let mut to: Vec<(String, PublicKey)> = old
                .wrapped_to
                .iter()
                .filter_map(|f| registered_key(&snapshot, f).map(|k| (f.clone(), k)))
                .collect();
            to.extend(newcomers.iter().cloned());
            let (armored, fps) = wrap(&secret, &to)?;
            dept.keys[k].secret = armored;
            dept.keys[k].wrapped_to = fps;
        }
    }
    Ok(changes)
}

/// The recipients a case's payer data must be sealed to now: each recipient department
/// with its current key, and the recipient departments that have no key yet (no operator
/// with a key), which are skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub recipients: Vec<SealedFor>,
    pub without_key: Vec<String>,
}

pub fn target(case: &Case, book: &Casebook) -> Target {
    let mut recipients = vec![];
    let mut without_key = vec![];
    for dept in crate::privacy::recipient_depts(case, book) {
        match dept_key(book, &dept) {
            Some(k) => recipients.push(SealedFor {
                dept,
                key: k.recipient.clone(),
            }),
            None => without_key.push(dept),
        }
    }
    Target {
        recipients,
        without_key,
    }
}

/// `plaintext` encrypted to the department keys of `recipients`, listed with them.
fn seal_data(plaintext: &[u8], recipients: &[SealedFor]) -> Result<Sealed> {
    let mut keys: Vec<Box<dyn age::Recipient + Send>> = vec![];
    for r in recipients {
        let key: age::x25519::Recipient = r.key.parse().map_err(|e: &str| internal(e))?;
        keys.push(Box::new(key));
    }
    if keys.is_empty() {
        return Err(internal("no recipient"));
    }
    Ok(Sealed {
        recipients: recipients.to_vec(),
        data: encrypt(&keys, plaintext)?,
    })
}

/// The payer with its confidential fields sealed to `recipients` and only masks left in
/// the clear. `plain` holds the clear values.
pub fn seal(plain: &Payer, recipients: &[SealedFor]) -> Result<Payer> {
    let json = serde_json::to_vec(&PayerSecret::of(plain)).map_err(internal)?;
    let mut sealed = Payer {
        sealed: None,
        ..plain.clone()
    }
    .masked();
    sealed.sealed = Some(seal_data(&json, recipients)?);
    Ok(sealed)
}

/// The other party with its confidential fields (its phone, an individual's name) sealed
/// to `recipients` and only masks left in the clear. `plain` holds the clear values.
pub fn seal_counterparty(plain: &Counterparty, recipients: &[SealedFor]) -> Result<Counterparty> {
    let json = serde_json::to_vec(&CounterpartySecret::of(plain)).map_err(internal)?;
    let mut sealed = Counterparty {
        sealed: None,
        ..plain.clone()
    }
    .masked();
    sealed.sealed = Some(seal_data(&json, recipients)?);
    Ok(sealed)
}

/// Both parties of a case in the clear, as an operator who can open them sees them.
#[derive(Debug, Clone, PartialEq)]
pub struct Parties {
    pub payer: Payer,
    pub counterparty: Option<Counterparty>,
}

/// Seal the confidential data of both parties of `case` to `recipients`, from their clear
/// values in `clear` (the case's own fields when they are in the clear).
pub fn seal_parties(case: &mut Case, clear: &Parties, recipients: &[SealedFor]) -> Result<()> {
    case.payer = seal(&clear.payer, recipients)?;
    case.counterparty = clear
        .counterparty
        .as_ref()
        .map(|c| seal_counterparty(c, recipients))
        .transpose()?;
    Ok(())
}

/// Why an operator cannot open a case's payer data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Closed {
    /// The operator's department is not among the recipients.
    NotRecipient {
        dept: String,
        recipients: Vec<String>,
    },
    /// The department's key the case was sealed to is not wrapped to this operator's key.
    KeyNotYours { dept: String },
    /// The data does not decrypt (damaged or altered).
    Damaged,
}

impl Closed {
    /// The reason, in words (names departments by their short names).
    pub fn describe(&self, book: &Casebook) -> String {
        match self {
            Closed::NotRecipient { dept, recipients } => {
                let names: Vec<&str> = recipients.iter().map(|d| book.dept_short(d)).collect();
                t!(
                    "secret-closed-not-recipient",
                    dept = book.dept_short(dept),
                    recipients = names.join(&t!("secret-list-sep"))
                )
            }
            Closed::KeyNotYours { dept } => {
                t!("secret-closed-key-not-yours", dept = book.dept_short(dept))
            }
            Closed::Damaged => t!("secret-closed-damaged"),
        }
    }
}

/// Sealed data opened with `opener`'s key through the key of its department `dept`.
fn open_data(
    sealed: &Sealed,
    book: &Casebook,
    opener: &Opener,
    dept: &str,
) -> std::result::Result<Vec<u8>, Closed> {
    let Some(entry) = sealed.recipients.iter().find(|r| r.dept == dept) else {
        return Err(Closed::NotRecipient {
            dept: dept.to_string(),
            recipients: sealed.recipients.iter().map(|r| r.dept.clone()).collect(),
        });
    };
    let key = book
        .department(dept)
        .and_then(|d| d.keys.iter().find(|k| k.recipient == entry.key))
        .ok_or(Closed::KeyNotYours {
            dept: dept.to_string(),
        })?;
    let identity = unlock(key, opener).ok_or(Closed::KeyNotYours {
        dept: dept.to_string(),
    })?;
    decrypt(&sealed.data, &identity).ok_or(Closed::Damaged)
}

/// The payer of a case in the clear, opened with `opener`'s key through the key of its
/// department `dept`. An unsealed payer is returned as it is.
pub fn open(
    case: &Case,
    book: &Casebook,
    opener: &Opener,
    dept: &str,
) -> std::result::Result<Payer, Closed> {
    let Some(sealed) = &case.payer.sealed else {
        return Ok(case.payer.clone());
    };
    let plain = open_data(sealed, book, opener, dept)?;
    let secret: PayerSecret = serde_json::from_slice(&plain).map_err(|_| Closed::Damaged)?;
    Ok(Payer {
        kind: case.payer.kind,
        name: secret.name,
        id_code: secret.id_code,
        contact: secret.contact,
        phone: secret.phone,
        sealed: case.payer.sealed.clone(),
    })
}

/// The other party of a case in the clear (None: there is none), opened as [`open`]
/// opens the payer. An unsealed one is returned as it is.
pub fn open_counterparty(
    case: &Case,
    book: &Casebook,
    opener: &Opener,
    dept: &str,
) -> std::result::Result<Option<Counterparty>, Closed> {
    let Some(other) = &case.counterparty else {
        return Ok(None);
    };
    let Some(sealed) = &other.sealed else {
        return Ok(Some(other.clone()));
    };
    let plain = open_data(sealed, book, opener, dept)?;
    let secret: CounterpartySecret = serde_json::from_slice(&plain).map_err(|_| Closed::Damaged)?;
    Ok(Some(Counterparty {
        kind: other.kind,
        name: secret.name,
        phone: secret.phone,
        sealed: other.sealed.clone(),
    }))
}

/// Both parties of a case in the clear, opened as [`open`] opens the payer.
pub fn open_parties(
    case: &Case,
    book: &Casebook,
    opener: &Opener,
    dept: &str,
) -> std::result::Result<Parties, Closed> {
    Ok(Parties {
        payer: open(case, book, opener, dept)?,
        counterparty: open_counterparty(case, book, opener, dept)?,
    })
}

/// What must happen to a case's sealed payer data after an action, as the casebook
/// stands: nothing, or sealing it again to `target`. `required` says the action itself
/// changed who may read it (a department assigned or withdrawn): then the actor must be
/// able to open the data, or the action is refused. Otherwise the data is sealed again to
/// the current keys when the actor can open it (a department that got its first key, a
/// rotated key), and left as it is when not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reseal {
    Keep,
    To { target: Target, required: bool },
}

pub fn reseal_plan(before: &Case, after: &Case, book: &Casebook) -> Reseal {
    let Some(sealed) = &after.payer.sealed else {
        return Reseal::Keep;
    };
    let target = target(after, book);
    if sealed.recipients == target.recipients {
        return Reseal::Keep;
    }
    let had: Vec<&str> = sealed.recipients.iter().map(|r| r.dept.as_str()).collect();
    let was_required = crate::privacy::recipient_depts(before, book);
    let now_required = crate::privacy::recipient_depts(after, book);
    let newly_open = target
        .recipients
        .iter()
        .any(|r| !had.contains(&r.dept.as_str()) && !was_required.contains(&r.dept));
    let must_close = had.iter().any(|d| !now_required.iter().any(|r| r == d));
    Reseal::To {
        target,
        required: newly_open || must_close,
    }
}

/// What sealing again after an action came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resealed {
    /// Nothing to do: the data is sealed to the recipients the case calls for.
    Unchanged,
    /// Opened and sealed again to `target` (its `without_key` departments have no key yet).
    Sealed(Target),
    /// Could not be opened; `fallback`'s seal, made to exactly the recipients wanted, taken.
    Adopted,
    /// Only keys changed and the data could not be opened (the reason): the old seal stays,
    /// and a later action renews it.
    KeptOld(String),
}

/// Seal a case's confidential data (both parties) again after an action, as its recipients
/// and their keys now stand (DESIGN §11): the one rule for `App::act` and for sync's replay.
/// `before` is the case before the action; `open` opens the data in the clear with the
/// actor's own key, or says why it cannot; `fallback` is a copy of the case after the same
/// action sealed elsewhere (sync's local commit), used when the data cannot be opened. An
/// action that changes who may read the data and cannot seal it is refused.
pub fn reseal_after(
    book: &Casebook,
    before: &Case,
    after: &mut Case,
    open: impl FnOnce(&Case) -> std::result::Result<Parties, String>,
    fallback: Option<&Case>,
) -> Result<Resealed> {
    let Reseal::To { target, required } = reseal_plan(before, after, book) else {
        return Ok(Resealed::Unchanged);
    };
    match open(after) {
        Ok(clear) => {
            seal_parties(after, &clear, &target.recipients)?;
            Ok(Resealed::Sealed(target))
        }
        Err(_)
            if fallback.is_some_and(|f| {
                f.payer
                    .sealed
                    .as_ref()
                    .is_some_and(|s| s.recipients == target.recipients)
            }) =>
        {
            let fallback = fallback.expect("checked above");
            after.payer = fallback.payer.clone();
            after.counterparty = fallback.counterparty.clone();
            Ok(Resealed::Adopted)
        }
        Err(reason) if required => Err(Error::CannotReseal {
            id: after.id.clone(),
            reason,
        }),
        Err(reason) => Ok(Resealed::KeptOld(reason)),
    }
}

// ---------------------------------------------------------------------------------------
// What `verify` checks without keys.

/// The stanzas of an armored age file's header: (type, arguments) of each `-> ` line,
/// without the random `…-grease` stanzas age adds to keep parsers honest.
pub fn stanzas(armored: &str) -> Option<Vec<(String, Vec<String>)>> {
    if !armored
        .trim_start()
        .starts_with("-----BEGIN AGE ENCRYPTED FILE-----")
    {
        return None;
    }
    let mut bytes = vec![];
    ArmoredReader::new(armored.as_bytes())
        .read_to_end(&mut bytes)
        .ok()?;
    let mut lines = bytes.split(|b| *b == b'\n');
    if lines.next()? != b"age-encryption.org/v1" {
        return None;
    }
    let mut out = vec![];
    for line in lines {
        if line.starts_with(b"---") {
            return Some(out);
        }
        if let Some(stanza) = line.strip_prefix(b"-> ") {
            let text = std::str::from_utf8(stanza).ok()?;
            let mut parts = text.split(' ').map(str::to_string);
            let kind = parts.next()?;
            if !kind.ends_with("-grease") {
                out.push((kind, parts.collect()));
            }
        }
    }
    None
}

/// The tag age writes in an ssh-ed25519 stanza for a key: the first four bytes of the
/// SHA-256 of its SSH wire encoding, base64 without padding.
pub fn ssh_tag(key: &PublicKey) -> Option<String> {
    let wire = key.to_bytes().ok()?;
    let digest = sha2::Sha256::digest(&wire);
    Some(base64::engine::general_purpose::STANDARD_NO_PAD.encode(&digest[..4]))
}

/// A department key's secret is encrypted to exactly the SSH keys of `wrapped_to`: one
/// ssh-ed25519 stanza per key, with that key's tag.
pub fn wrapped_as_listed(book: &Casebook, key: &DeptKey) -> bool {
    let Some(stanzas) = stanzas(&key.secret) else {
        return false;
    };
    let mut tags: Vec<String> = stanzas
        .iter()
        .filter(|(kind, _)| kind == "ssh-ed25519")
        .filter_map(|(_, args)| args.first().cloned())
        .collect();
    if tags.len() != stanzas.len() {
        return false;
    }
    let mut expected: Vec<String> = key
        .wrapped_to
        .iter()
        .filter_map(|fp| registered_key(book, fp))
        .filter_map(|k| ssh_tag(&k))
        .collect();
    if expected.len() != key.wrapped_to.len() {
        return false;
    }
    tags.sort();
    expected.sort();
    tags == expected && key.recipient.parse::<age::x25519::Recipient>().is_ok()
}

/// What `verify` finds wrong with a case file's payer data as an action left it, under the
/// casebook the action acted in (`old`: the file before, None for a new case).
///
/// In a casebook whose payer data is encrypted, the file holds masks and ciphertext only.
/// Sealed data names only recipient departments, each with one of its keys, and holds one
/// X25519 stanza per recipient. Data sealed (again) by this action is sealed to exactly
/// the current keys of the recipients the case calls for; data left as it was must still
/// include every department the action made a recipient (an assignment opens the case to
/// its department in the same commit).
pub fn check_sealed(book: &Casebook, old: Option<&Case>, new: &Case) -> Result<(), String> {
    let names = |depts: &mut dyn Iterator<Item = &String>| {
        depts
            .map(|d| book.dept_short(d).to_string())
            .collect::<Vec<_>>()
            .join(&t!("secret-list-sep"))
    };
    let Some(sealed) = &new.payer.sealed else {
        if book.privacy.payers_encrypted {
            return Err(t!("secret-audit-in-clear"));
        }
        if old.is_some_and(|o| o.payer.sealed.is_some()) {
            return Err(t!("secret-audit-unsealed"));
        }
        if new
            .counterparty
            .as_ref()
            .is_some_and(|c| c.sealed.is_some())
        {
            return Err(t!("rules-audit-counterparty-sealing"));
        }
        return Ok(());
    };
    if !new.payer.is_masked() {
        return Err(t!("secret-audit-not-masked"));
    }
    if !sealed_as_listed(sealed) {
        return Err(t!("secret-audit-stanzas"));
    }
    // The other party's data is sealed with the payer's, to the same recipients.
    if let Some(other) = &new.counterparty {
        let same = other
            .sealed
            .as_ref()
            .is_some_and(|c| c.recipients == sealed.recipients && sealed_as_listed(c));
        if !same || !other.is_masked() {
            return Err(t!("rules-audit-counterparty-sealing"));
        }
    }
    let required = crate::privacy::recipient_depts(new, book);
    for r in &sealed.recipients {
        let known = book
            .department(&r.dept)
            .is_some_and(|d| d.keys.iter().any(|k| k.recipient == r.key));
        if !known {
            return Err(t!("secret-audit-unknown-key", dept = r.dept.as_str()));
        }
        if !required.contains(&r.dept) {
            return Err(t!(
                "secret-audit-not-recipient",
                dept = book.dept_short(&r.dept)
            ));
        }
    }
    let target = target(new, book);
    let resealed = old.is_none_or(|o| o.payer.sealed.as_ref() != Some(sealed));
    if resealed {
        if sealed.recipients != target.recipients {
            return Err(t!(
                "secret-audit-not-target",
                expected = names(&mut target.recipients.iter().map(|r| &r.dept))
            ));
        }
    } else if let Some(old) = old {
        let was = crate::privacy::recipient_depts(old, book);
        let missing: Vec<&String> = target
            .recipients
            .iter()
            .map(|r| &r.dept)
            .filter(|d| !was.contains(d))
            .filter(|d| !sealed.recipients.iter().any(|s| &s.dept == *d))
            .collect();
        if !missing.is_empty() {
            return Err(t!(
                "secret-audit-not-opened",
                depts = names(&mut missing.into_iter())
            ));
        }
    }
    Ok(())
}

/// Sealed payer data holds one X25519 stanza per listed recipient and nothing else.
pub fn sealed_as_listed(sealed: &Sealed) -> bool {
    let Some(stanzas) = stanzas(&sealed.data) else {
        return false;
    };
    let x25519 = stanzas.iter().filter(|(kind, _)| kind == "X25519").count();
    let distinct = {
        let mut r = sealed.recipients.clone();
        r.sort();
        r.dedup();
        r.len()
    };
    x25519 == stanzas.len() && x25519 == sealed.recipients.len() && distinct == x25519
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::casebook::{Operator, OperatorKey, Role};
    use ssh_key::PrivateKey;
    use ssh_key::private::Ed25519Keypair;

    fn key(seed: u8) -> PrivateKey {
        PrivateKey::from(Ed25519Keypair::from_seed(&[seed; 32]))
    }

    fn at() -> Time {
        "2026-11-01T09:00:00+08:00".parse().unwrap()
    }

    fn op(id: &str, dept: &str, seed: u8) -> Operator {
        Operator {
            id: id.into(),
            name: id.into(),
            email: format!("{id}@x.cn"),
            dept: dept.into(),
            roles: vec![Role::Receiver, Role::Handler],
            active: true,
            phone: None,
            keys: vec![OperatorKey {
                key: identity::key_text(key(seed).public_key()),
                added: at(),
                retired: None,
            }],
        }
    }

    fn book() -> Casebook {
        let mut admin = op("admin", "tax", 1);
        admin.roles = vec![Role::Admin, Role::Receiver];
        let mut b = Casebook::new("芮城县", admin);
        b.operators.push(op("tax2", "tax", 2));
        b.operators.push(op("hr", "hrss", 3));
        sync_dept_keys(&mut b, None, at()).unwrap();
        b
    }

    fn case_with(payer: Payer, b: &Casebook) -> Case {
        let cal = b.calendar();
        let actor = b.operator("admin").unwrap();
        let ctx = crate::workflow::Ctx {
            book: b,
            cal: &cal,
            actor,
            at: at(),
            now: at(),
        };
        let new = crate::workflow::NewCase {
            payer,
            counterparty: None,
            title: None,
            summary: "x".into(),
            district: "y".into(),
            channel: crate::case::Channel::Visit,
            category: None,
            insurance: vec![],
        };
        let id = crate::case::CaseId::parse("TAX-2026-0001").unwrap();
        crate::workflow::register(&id, new, &ctx).unwrap()
    }

    fn opener(seed: u8) -> Opener {
        Opener::new(&key(seed)).unwrap()
    }

    /// The case after `cmd` by the admin (a tax receiver).
    fn acted(b: &Casebook, case: &Case, cmd: crate::workflow::Command) -> Case {
        let cal = b.calendar();
        let ctx = crate::workflow::Ctx {
            book: b,
            cal: &cal,
            actor: b.operator("admin").unwrap(),
            at: at(),
            now: at(),
        };
        crate::workflow::apply(case, &cmd, &ctx).unwrap()
    }

    #[test]
    fn sealing_again_opens_to_a_new_department_or_refuses() {
        use crate::workflow::Command;
        let b = book();
        let plain = Payer {
            kind: crate::case::PayerKind::Individual,
            name: "孙秀英".into(),
            id_code: None,
            contact: None,
            phone: "13700001111".into(),
            sealed: None,
        };
        let mut case = case_with(plain.clone(), &b);
        case.payer = seal(&plain, &target(&case, &b).recipients).unwrap();
        let no_key = |_: &Case| -> std::result::Result<Parties, String> { Err("no key".into()) };
        // an action that leaves the readers as they are: nothing to do, nothing opened
        let classified = acted(
            &b,
            &case,
            Command::Classify {
                track: crate::case::Track::General,
                category: Some(3),
                insurance: vec![],
                note: None,
            },
        );
        let mut same = classified.clone();
        assert_eq!(
            reseal_after(&b, &case, &mut same, no_key, None).unwrap(),
            Resealed::Unchanged
        );
        // assigned to hrss: sealed again by a tax operator, and hrss can open it
        let assigned = acted(
            &b,
            &classified,
            Command::Assign {
                depts: vec!["hrss".into()],
                due: None,
                hotline_ticket: None,
            },
        );
        let mut after = assigned.clone();
        let by_tax2 = |c: &Case| open_parties(c, &b, &opener(2), "tax").map_err(|e| e.describe(&b));
        let done = reseal_after(&b, &classified, &mut after, by_tax2, None).unwrap();
        assert!(
            matches!(&done, Resealed::Sealed(t) if t.recipients.iter().any(|r| r.dept == "hrss")),
            "{done:?}"
        );
        assert_eq!(open(&after, &b, &opener(3), "hrss").unwrap().name, "孙秀英");
        // the same action by someone who cannot open the data is refused
        let mut refused = assigned.clone();
        assert!(matches!(
            reseal_after(&b, &classified, &mut refused, no_key, None),
            Err(Error::CannotReseal { .. })
        ));
        // unless a copy sealed to exactly those recipients is at hand (sync's local commit)
        let mut adopted = assigned.clone();
        assert_eq!(
            reseal_after(&b, &classified, &mut adopted, no_key, Some(&after)).unwrap(),
            Resealed::Adopted
        );
        assert_eq!(adopted.payer, after.payer);
        // a copy sealed to other recipients is not taken
        let mut stale = assigned.clone();
        assert!(reseal_after(&b, &classified, &mut stale, no_key, Some(&case)).is_err());
    }

    #[test]
    fn department_keys_are_wrapped_to_their_operators_only() {
        let b = book();
        let tax = dept_key(&b, "tax").unwrap();
        assert_eq!(tax.wrapped_to.len(), 2);
        assert!(unlock(tax, &opener(1)).is_some());
        assert!(unlock(tax, &opener(2)).is_some());
        assert!(unlock(tax, &opener(3)).is_none());
        assert!(wrapped_as_listed(&b, tax));
        assert!(dept_key(&b, "justice").is_none());
        // the stanza tags verify can read name exactly the listed keys
        let mut forged = tax.clone();
        forged.wrapped_to.pop();
        assert!(!wrapped_as_listed(&b, &forged));
    }

    #[test]
    fn a_sealed_payer_opens_for_recipients_only() {
        let b = book();
        let plain = Payer {
            kind: crate::case::PayerKind::Individual,
            name: "孙秀英".into(),
            id_code: Some("11010519491231002X".into()),
            contact: Some("赵小红".into()),
            phone: "13700001111".into(),
            sealed: None,
        };
        let recipients = vec![SealedFor {
            dept: "tax".into(),
            key: dept_key(&b, "tax").unwrap().recipient.clone(),
        }];
        let sealed = seal(&plain, &recipients).unwrap();
        assert_eq!(sealed.name, "孙**");
        assert_eq!(sealed.phone, "137****1111");
        assert!(sealed.is_masked());
        assert!(sealed_as_listed(sealed.sealed.as_ref().unwrap()));
        let text = toml::to_string(&sealed).unwrap();
        for secret in ["孙秀英", "13700001111", "11010519491231002X", "赵小红"] {
            assert!(!text.contains(secret), "{secret} in {text}");
        }
        let case = case_with(sealed, &b);
        let opened = open(&case, &b, &opener(2), "tax").unwrap();
        assert_eq!(opened.name, "孙秀英");
        assert_eq!(opened.phone, "13700001111");
        assert!(matches!(
            open(&case, &b, &opener(3), "hrss"),
            Err(Closed::NotRecipient { .. })
        ));
        // an hrss operator claiming tax's entry cannot unwrap tax's key
        assert!(matches!(
            open(&case, &b, &opener(3), "tax"),
            Err(Closed::KeyNotYours { .. })
        ));
    }

    #[test]
    fn disabling_rotates_adding_rewraps() {
        let mut b = book();
        let first = dept_key(&b, "tax").unwrap().recipient.clone();
        // a new tax operator, added by an admin of tax: the same key, opened to them
        b.operators.push(op("tax3", "tax", 4));
        let changes = sync_dept_keys(&mut b, Some(&opener(1)), at()).unwrap();
        assert_eq!(
            changes,
            vec![KeyChange::Rewrapped {
                dept: "tax".into(),
                added: vec!["tax3".into()]
            }]
        );
        assert_eq!(dept_key(&b, "tax").unwrap().recipient, first);
        assert!(unlock(dept_key(&b, "tax").unwrap(), &opener(4)).is_some());
        // a new hrss operator added by the tax admin, who cannot open hrss's key: rotated
        b.operators.push(op("hr2", "hrss", 5));
        let changes = sync_dept_keys(&mut b, Some(&opener(1)), at()).unwrap();
        assert!(
            matches!(&changes[..], [KeyChange::RotatedUnopened { dept, .. }] if dept == "hrss")
        );
        assert!(unlock(dept_key(&b, "hrss").unwrap(), &opener(5)).is_some());
        // tax2 disabled: a new key that tax2 cannot open
        b.operators
            .iter_mut()
            .find(|o| o.id == "tax2")
            .unwrap()
            .active = false;
        let changes = sync_dept_keys(&mut b, Some(&opener(1)), at()).unwrap();
        assert!(
            matches!(&changes[..], [KeyChange::Rotated { removed, .. }] if removed == &["tax2"])
        );
        let now = dept_key(&b, "tax").unwrap();
        assert_ne!(now.recipient, first);
        assert!(unlock(now, &opener(2)).is_none());
        assert!(unlock(now, &opener(1)).is_some());
        for d in &b.departments {
            for k in &d.keys {
                assert!(wrapped_as_listed(&b, k), "{}", d.code);
            }
        }
    }

    #[test]
    fn verify_accepts_keys_that_follow_the_operators_only() {
        use crate::casebook_change::{dept_keys_follow, is_legal};
        use crate::protocol::BookAction;
        let before = book();
        let mut added = before.clone();
        added.operators.push(op("tax3", "tax", 4));
        let unsynced = added.clone();
        sync_dept_keys(&mut added, Some(&opener(1)), at()).unwrap();
        assert_eq!(dept_keys_follow(&before, &added), Ok(()));
        assert!(is_legal(&before, &added, BookAction::OperatorAdd));
        // the newcomer without the key re-wrapped
        assert!(dept_keys_follow(&before, &unsynced).is_err());
        assert!(!is_legal(&before, &unsynced, BookAction::OperatorAdd));
        // a key that lists the operators but is not wrapped to them
        let mut forged = added.clone();
        let tax = forged
            .departments
            .iter_mut()
            .find(|d| d.code == "tax")
            .unwrap();
        let only_admin = members(&before, "tax")
            .into_iter()
            .filter(|(fp, _)| *fp == opener(1).fingerprint)
            .collect::<Vec<_>>();
        let mut k = new_dept_key(&only_admin, at()).unwrap();
        k.wrapped_to = tax.keys[0].wrapped_to.clone();
        tax.keys[0].retired = Some(at());
        tax.keys.push(k);
        assert!(dept_keys_follow(&before, &forged).is_err());
        // a key removed, or its public half swapped
        let mut removed = added.clone();
        removed
            .departments
            .iter_mut()
            .find(|d| d.code == "hrss")
            .unwrap()
            .keys
            .clear();
        assert!(dept_keys_follow(&before, &removed).is_err());
        let mut swapped = added.clone();
        swapped.departments[0].keys[0].recipient =
            new_dept_key(&only_admin, at()).unwrap().recipient;
        assert!(dept_keys_follow(&before, &swapped).is_err());
        // settings changes may not touch keys at all
        let mut setting = before.clone();
        setting.deadlines.opinion = 7;
        setting.departments[0].keys[0].retired = Some(at());
        assert!(!is_legal(&before, &setting, BookAction::Setting));
    }

    /// The other party of an employee-employer dispute (issue 13) is sealed with the payer,
    /// to the same recipients; verify finds it in the clear or sealed to others.
    #[test]
    fn the_other_party_is_sealed_with_the_payer_and_verify_checks_it() {
        use crate::case::PayerKind;
        let b = book();
        let mut case = case_with(
            Payer {
                kind: PayerKind::Employer,
                name: "芮城县永乐机械有限公司".into(),
                id_code: None,
                contact: None,
                phone: "03593028899".into(),
                sealed: None,
            },
            &b,
        );
        case.counterparty = Some(Counterparty {
            kind: PayerKind::Individual,
            name: "王建军".into(),
            phone: Some("13935906677".into()),
            sealed: None,
        });
        let clear = Parties {
            payer: case.payer.clone(),
            counterparty: case.counterparty.clone(),
        };
        let t = target(&case, &b);
        seal_parties(&mut case, &clear, &t.recipients).unwrap();
        let other = case.counterparty.clone().unwrap();
        assert_eq!(other.name, "王**");
        assert_eq!(other.phone.as_deref(), Some("139****6677"));
        assert_eq!(
            other.sealed.as_ref().map(|s| &s.recipients),
            case.payer.sealed.as_ref().map(|s| &s.recipients)
        );
        let text = case.to_toml();
        for secret in ["王建军", "13935906677", "03593028899"] {
            assert!(!text.contains(secret), "{secret} in {text}");
        }
        assert_eq!(check_sealed(&b, None, &case), Ok(()));
        let opened = open_parties(&case, &b, &opener(2), "tax").unwrap();
        assert_eq!(opened, {
            let mut c = clear.clone();
            c.payer.sealed = case.payer.sealed.clone();
            c.counterparty.as_mut().unwrap().sealed = other.sealed.clone();
            c
        });
        assert!(matches!(
            open_counterparty(&case, &b, &opener(3), "hrss"),
            Err(Closed::NotRecipient { .. })
        ));

        // In the clear beside a sealed payer, or sealed to other departments: found.
        let mut in_clear = case.clone();
        in_clear.counterparty = clear.counterparty.clone();
        assert!(check_sealed(&b, None, &in_clear).is_err());
        let mut elsewhere = case.clone();
        let hrss = vec![SealedFor {
            dept: "hrss".into(),
            key: dept_key(&b, "hrss").unwrap().recipient.clone(),
        }];
        elsewhere.counterparty =
            Some(seal_counterparty(clear.counterparty.as_ref().unwrap(), &hrss).unwrap());
        assert!(check_sealed(&b, None, &elsewhere).is_err());
        // A payer in the clear (a casebook not encrypted) takes no sealed other party.
        let mut open_book = b.clone();
        open_book.privacy.payers_encrypted = false;
        let mut unsealed = in_clear.clone();
        unsealed.payer = clear.payer.clone();
        assert_eq!(check_sealed(&open_book, None, &unsealed), Ok(()));
        unsealed.counterparty = elsewhere.counterparty.clone();
        assert!(check_sealed(&open_book, None, &unsealed).is_err());
    }

    #[test]
    fn stanza_tags_are_ages() {
        let pk = key(7).public_key().clone();
        let secret = age::x25519::Identity::generate();
        let (armored, _) = wrap(&secret, &[(fingerprint(&pk), pk.clone())]).unwrap();
        let st = stanzas(&armored).unwrap();
        assert_eq!(st.len(), 1);
        assert_eq!(st[0].0, "ssh-ed25519");
        assert_eq!(st[0].1[0], ssh_tag(&pk).unwrap());
    }
}
