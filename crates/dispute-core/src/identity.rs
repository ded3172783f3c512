//! Who acted: operators' Ed25519 SSH keys, git's SSH commit signatures (SSHSIG, namespace
//! `git`, SHA-512, as `git commit -S` with `gpg.format=ssh` writes them), and the
//! `allowed_signers` file that lets plain `git verify-commit` check a casebook's history.
//!
//! Pure: keys and signatures in, text out. Finding a private key (files, ssh-agent,
//! passphrase prompts) is the binary's business; reading signatures out of commits is the
//! store's. The cryptography is the RustCrypto `ssh-key` crate's.

use ssh_key::{HashAlg, LineEnding, PrivateKey, PublicKey, SshSig};

use crate::case::Time;
use crate::casebook::{Casebook, Operator, OperatorKey};
use crate::error::{Error, Result};
use dispute_i18n::t;

/// The signature namespace git uses for commits.
pub const NAMESPACE: &str = "git";

/// The header of a signed commit that holds the signature.
pub const SIGNATURE_HEADER: &str = "gpgsig";

/// A public key as the casebook stores it: `ssh-ed25519 AAAA…`, no comment.
pub fn key_text(key: &PublicKey) -> String {
    let mut key = key.clone();
    key.set_comment("");
    key.to_openssh()
        .map(|s| s.trim().to_string())
        .unwrap_or_default()
}

/// Read a public key: the text of a `.pub` file or `ssh-ed25519 AAAA… [comment]`. Only
/// Ed25519 keys are accepted (DESIGN §9).
pub fn parse_public_key(text: &str) -> Result<PublicKey> {
    let text = text.trim();
    let key = PublicKey::from_openssh(text)
        .map_err(|_| Error::invalid(t!("id-field-public-key"), t!("id-not-a-public-key")))?;
    if key.algorithm() != ssh_key::Algorithm::Ed25519 {
        return Err(Error::invalid(
            t!("id-field-public-key"),
            t!("id-not-ed25519", algorithm = key.algorithm().as_str()),
        ));
    }
    Ok(key)
}

/// The SHA-256 fingerprint as `ssh-keygen -l` shows it.
pub fn fingerprint(key: &PublicKey) -> String {
    key.fingerprint(HashAlg::Sha256).to_string()
}

/// Sign a commit payload with a private key: the armored SSHSIG for the `gpgsig` header.
pub fn sign(key: &PrivateKey, payload: &[u8]) -> Result<String> {
    let sig = key
        .sign(NAMESPACE, HashAlg::Sha512, payload)
        .map_err(|e| Error::Internal(t!("id-sign-failed", reason = e.to_string())))?;
    armor(&sig)
}

/// The bytes a key (or an ssh-agent) must sign for an SSHSIG over `payload`.
pub fn signed_data(payload: &[u8]) -> Result<Vec<u8>> {
    SshSig::signed_data(NAMESPACE, HashAlg::Sha512, payload)
        .map_err(|e| Error::Internal(e.to_string()))
}

/// An SSHSIG from a raw signature made elsewhere (an ssh-agent) over [`signed_data`].
pub fn from_raw(key: &PublicKey, signature: ssh_key::Signature) -> Result<String> {
    let sig = SshSig::new(
        key.key_data().clone(),
        NAMESPACE,
        HashAlg::Sha512,
        signature,
    )
    .map_err(|e| Error::Internal(e.to_string()))?;
    armor(&sig)
}

fn armor(sig: &SshSig) -> Result<String> {
    sig.to_pem(LineEnding::LF)
        .map_err(|e| Error::Internal(e.to_string()))
}

/// Why a signature does not prove what it should.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadSignature {
    /// Not an SSH signature at all (a GPG signature, garbage).
    Unreadable,
    /// A namespace other than `git`.
    Namespace(String),
    /// Made by another key than the one expected.
    OtherKey(String),
    /// The key matches but the signature does not cover this payload.
    Invalid,
}

impl BadSignature {
    pub fn describe(&self) -> String {
        match self {
            BadSignature::Unreadable => t!("id-bad-unreadable"),
            BadSignature::Namespace(ns) => t!("id-bad-namespace", namespace = ns.as_str()),
            BadSignature::OtherKey(fp) => t!("id-bad-other-key", fingerprint = fp.as_str()),
            BadSignature::Invalid => t!("id-bad-invalid"),
        }
    }
}

/// The public key that made an armored signature, if it can be read.
pub fn signer_of(armored: &str) -> Option<PublicKey> {
    let sig = SshSig::from_pem(armored.as_bytes()).ok()?;
    Some(PublicKey::new(sig.public_key().clone(), ""))
}

/// Check that `armored` is a valid `git`-namespace SSHSIG over `payload` by `expected`.
pub fn verify(armored: &str, payload: &[u8], expected: &PublicKey) -> Result<(), BadSignature> {
    let sig = SshSig::from_pem(armored.trim().as_bytes()).map_err(|_| BadSignature::Unreadable)?;
    if sig.namespace() != NAMESPACE {
        return Err(BadSignature::Namespace(sig.namespace().to_string()));
    }
    if sig.public_key() != expected.key_data() {
        let by = PublicKey::new(sig.public_key().clone(), "");
        return Err(BadSignature::OtherKey(fingerprint(&by)));
    }
    expected
        .verify(NAMESPACE, payload, &sig)
        .map_err(|_| BadSignature::Invalid)
}

/// The key an operator signs with now, if any.
pub fn current_key(op: &Operator) -> Option<&OperatorKey> {
    op.keys.iter().rev().find(|k| k.retired.is_none())
}

/// The operator whose current key is `key`.
pub fn operator_with_key<'a>(book: &'a Casebook, key: &PublicKey) -> Option<&'a Operator> {
    let text = key_text(key);
    book.operators
        .iter()
        .find(|op| current_key(op).is_some_and(|k| k.key == text))
}

/// `YYYYMMDDHHMMSSZ`, the UTC time form of `allowed_signers`.
fn signers_time(t: &Time) -> String {
    t.with_timezone(&chrono::Utc)
        .format("%Y%m%d%H%M%SZ")
        .to_string()
}

/// git's `allowed_signers` file for every key ever registered in the casebook: each
/// operator's email, `namespaces="git"`, and the key's validity period (`valid-after` when
/// registered, `valid-before` when rotated or the operator disabled).
pub fn allowed_signers(book: &Casebook) -> String {
    let mut out = String::new();
    for op in &book.operators {
        for k in &op.keys {
            let mut options = format!(
                "namespaces=\"{NAMESPACE}\",valid-after=\"{}\"",
                signers_time(&k.added)
            );
            if let Some(until) = &k.retired {
                options.push_str(&format!(",valid-before=\"{}\"", signers_time(until)));
            }
            out.push_str(&format!("{} {options} {}\n", op.email, k.key));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ssh_key::private::Ed25519Keypair;

    fn key(seed: u8) -> PrivateKey {
        PrivateKey::from(Ed25519Keypair::from_seed(&[seed; 32]))
    }

    #[test]
    fn a_signature_verifies_with_its_key_only() {
        let payload = b"tree 0000\nauthor a <a@b> 1 +0800\n\nmessage\n";
        let armored = sign(&key(1), payload).unwrap();
        assert!(armored.starts_with("-----BEGIN SSH SIGNATURE-----"));
        let mine = key(1).public_key().clone();
        let other = key(2).public_key().clone();
        assert_eq!(verify(&armored, payload, &mine), Ok(()));
        assert!(matches!(
            verify(&armored, payload, &other),
            Err(BadSignature::OtherKey(_))
        ));
        assert_eq!(
            verify(&armored, b"tampered", &mine),
            Err(BadSignature::Invalid)
        );
        assert_eq!(
            verify("-----BEGIN PGP SIGNATURE-----", payload, &mine),
            Err(BadSignature::Unreadable)
        );
        assert_eq!(
            signer_of(&armored).map(|k| key_text(&k)),
            Some(key_text(&mine))
        );
    }

    #[test]
    fn another_namespace_is_refused() {
        let sig = key(3)
            .sign("file", HashAlg::Sha512, b"x")
            .unwrap()
            .to_pem(LineEnding::LF)
            .unwrap();
        assert_eq!(
            verify(&sig, b"x", key(3).public_key()),
            Err(BadSignature::Namespace("file".into()))
        );
    }

    #[test]
    fn public_keys_parse_without_their_comment_and_only_ed25519() {
        let text = format!("{} someone@example.cn", key_text(key(4).public_key()));
        let parsed = parse_public_key(&text).unwrap();
        assert_eq!(key_text(&parsed), key_text(key(4).public_key()));
        assert!(!key_text(&parsed).contains("someone"));
        assert!(parse_public_key("ssh-ed25519 not-base64").is_err());
        assert!(parse_public_key("").is_err());
    }
}
