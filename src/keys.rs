//! The acting operator's private key: where it is found, how it is unlocked, how it signs.
//!
//! Looked for in this order (DESIGN §9): `--key PATH`, `DISPUTE_KEY`, an ssh-agent at
//! `SSH_AUTH_SOCK` holding a registered key, `~/.ssh/id_ed25519`. A key file protected by a
//! passphrase is unlocked with a prompt on the terminal. Signing itself is `ssh-key`'s
//! (through `dispute_core::identity`), or the agent's.

use std::path::{Path, PathBuf};

use dispute_core::error::{Error, Result};
use dispute_core::identity;
use dispute_i18n::t;
use ssh_key::{PrivateKey, PublicKey};

/// A private key able to sign commits.
pub enum SigningKey {
    /// Read from a file.
    File(Box<PrivateKey>),
    /// Held by an ssh-agent; the private half never leaves it.
    Agent { socket: PathBuf, public: PublicKey },
}

impl SigningKey {
    pub fn public(&self) -> PublicKey {
        match self {
            SigningKey::File(k) => k.public_key().clone(),
            SigningKey::Agent { public, .. } => public.clone(),
        }
    }

    /// The key as able to decrypt department keys wrapped to it, or why not: an ssh-agent
    /// only signs, it cannot decrypt (age needs the key itself).
    pub fn opener(&self) -> std::result::Result<crate::seal::Opener, String> {
        match self {
            SigningKey::File(k) => crate::seal::Opener::new(k).map_err(|e| e.to_string()),
            SigningKey::Agent { .. } => Err(t!("secret-closed-agent")),
        }
    }
}

impl dispute_store::Signer for SigningKey {
    fn sign(&self, payload: &[u8]) -> Result<String> {
        match self {
            SigningKey::File(key) => identity::sign(key, payload),
            SigningKey::Agent { socket, public } => {
                let data = identity::signed_data(payload)?;
                let mut client = ssh_agent_client_rs::Client::connect(socket)
                    .map_err(|e| Error::Internal(t!("key-agent-failed", reason = e.to_string())))?;
                let sig = client
                    .sign(public, &data)
                    .map_err(|e| Error::Internal(t!("key-agent-failed", reason = e.to_string())))?;
                identity::from_raw(public, sig)
            }
        }
    }
}

/// Where to look for a key, from the command line and the environment.
pub struct KeySources {
    /// `--key`, else `DISPUTE_KEY`.
    pub explicit: Option<PathBuf>,
    pub agent: Option<PathBuf>,
    pub home: Option<PathBuf>,
}

impl KeySources {
    pub fn from_env(explicit: Option<PathBuf>) -> KeySources {
        let nonempty = |v: &str| std::env::var_os(v).filter(|s| !s.is_empty());
        KeySources {
            explicit: explicit.or_else(|| nonempty("DISPUTE_KEY").map(PathBuf::from)),
            agent: nonempty("SSH_AUTH_SOCK").map(PathBuf::from),
            home: nonempty("HOME").map(PathBuf::from),
        }
    }

    /// The key to sign with: an explicit file is taken as it is (the caller checks whose it
    /// is); otherwise the agent's key that `wanted` accepts, else `~/.ssh/id_ed25519`.
    /// None when no key is to be found.
    pub fn find(&self, wanted: &dyn Fn(&PublicKey) -> bool) -> Result<Option<SigningKey>> {
        if let Some(path) = &self.explicit {
            return load_file(path).map(Some);
        }
        if let Some(socket) = &self.agent
            && let Ok(mut client) = ssh_agent_client_rs::Client::connect(socket)
            && let Ok(identities) = client.list_all_identities()
            && let Some(public) = identities
                .into_iter()
                .filter_map(|i| match i {
                    ssh_agent_client_rs::Identity::PublicKey(k) => Some(k.into_owned()),
                    ssh_agent_client_rs::Identity::Certificate(_) => None,
                })
                .find(|k| wanted(k))
        {
            return Ok(Some(SigningKey::Agent {
                socket: socket.clone(),
                public,
            }));
        }
        if let Some(home) = &self.home {
            let path = home.join(".ssh").join("id_ed25519");
            if path.is_file() {
                return load_file(&path).map(Some);
            }
        }
        Ok(None)
    }
}

/// Read an OpenSSH private key file, asking for its passphrase on the terminal if it has one.
pub fn load_file(path: &Path) -> Result<SigningKey> {
    let shown = path.display().to_string();
    let fail = |reason: String| Error::FileRead {
        path: shown.clone(),
        reason,
    };
    let meta = std::fs::metadata(path).map_err(|e| fail(e.to_string()))?;
    if !meta.is_file() || meta.len() > 64 * 1024 {
        return Err(fail(t!("key-not-a-key-file")));
    }
    let text = std::fs::read_to_string(path).map_err(|e| fail(e.to_string()))?;
    let key = PrivateKey::from_openssh(text.trim()).map_err(|_| fail(t!("key-not-a-key-file")))?;
    let key = if key.is_encrypted() {
        let prompt = t!("key-passphrase-prompt", path = shown.as_str());
        let pass = rpassword::prompt_password(format!("{prompt} "))
            .map_err(|_| fail(t!("key-needs-passphrase")))?;
        key.decrypt(pass.as_bytes())
            .map_err(|_| fail(t!("key-wrong-passphrase")))?
    } else {
        key
    };
    if key.algorithm() != ssh_key::Algorithm::Ed25519 {
        return Err(fail(t!(
            "id-not-ed25519",
            algorithm = key.algorithm().as_str()
        )));
    }
    Ok(SigningKey::File(Box::new(key)))
}

/// A new Ed25519 key pair in OpenSSH format, encrypted with `passphrase` if given:
/// (private key file text, public key line).
pub fn generate(comment: &str, passphrase: Option<&str>) -> Result<(String, String)> {
    use ssh_key::rand_core::OsRng;
    let mut key = PrivateKey::random(&mut OsRng, ssh_key::Algorithm::Ed25519)
        .map_err(|e| Error::Internal(e.to_string()))?;
    key.set_comment(comment);
    let public = key
        .public_key()
        .to_openssh()
        .map_err(|e| Error::Internal(e.to_string()))?;
    let key = match passphrase {
        Some(p) if !p.is_empty() => key
            .encrypt(&mut OsRng, p.as_bytes())
            .map_err(|e| Error::Internal(e.to_string()))?,
        _ => key,
    };
    let private = key
        .to_openssh(ssh_key::LineEnding::LF)
        .map_err(|e| Error::Internal(e.to_string()))?;
    Ok((private.to_string(), format!("{public}\n")))
}

/// A public key given on the command line: the `ssh-ed25519 AAAA…` text itself, or the
/// path of a `.pub` file.
pub fn read_public_key(arg: &str) -> Result<PublicKey> {
    let text = if arg.trim_start().starts_with("ssh-") {
        arg.to_string()
    } else {
        let path = Path::new(arg);
        let fail = |reason: String| Error::FileRead {
            path: arg.to_string(),
            reason,
        };
        let meta = std::fs::metadata(path).map_err(|e| fail(e.to_string()))?;
        if !meta.is_file() || meta.len() > 16 * 1024 {
            return Err(fail(t!("id-not-a-public-key")));
        }
        std::fs::read_to_string(path).map_err(|e| fail(e.to_string()))?
    };
    identity::parse_public_key(&text)
}

/// The private keys sync signs with: several operators' local actions may be replayed at
/// once, so every key at hand is looked at (`--key` or `DISPUTE_KEY`, the ssh-agent,
/// `~/.ssh/id_ed25519`), and only those registered to an operator are kept. A key file
/// protected by a passphrase is only unlocked when it is one of them.
pub struct Keyring {
    sources: KeySources,
    keys: Vec<(String, SigningKey)>,
}

impl Keyring {
    pub fn new(sources: KeySources) -> Keyring {
        Keyring {
            sources,
            keys: vec![],
        }
    }

    fn keep(&mut self, key: SigningKey) {
        let text = identity::key_text(&key.public());
        if !self.keys.iter().any(|(k, _)| *k == text) {
            self.keys.push((text, key));
        }
    }
}

impl dispute_store::Keyring for Keyring {
    fn load(&mut self, wanted: &[String]) -> Result<()> {
        let wanted_key = |k: &PublicKey| wanted.contains(&identity::key_text(k));
        if let Some(path) = self.sources.explicit.clone()
            && let Some(key) = load_file_if(&path, &wanted_key)?
        {
            self.keep(key);
        }
        if let Some(socket) = self.sources.agent.clone()
            && let Ok(mut client) = ssh_agent_client_rs::Client::connect(&socket)
            && let Ok(identities) = client.list_all_identities()
        {
            for identity in identities {
                if let ssh_agent_client_rs::Identity::PublicKey(k) = identity {
                    let public = k.into_owned();
                    if wanted_key(&public) {
                        self.keep(SigningKey::Agent {
                            socket: socket.clone(),
                            public,
                        });
                    }
                }
            }
        }
        if let Some(home) = self.sources.home.clone() {
            let path = home.join(".ssh").join("id_ed25519");
            if path.is_file()
                && let Some(key) = load_file_if(&path, &wanted_key)?
            {
                self.keep(key);
            }
        }
        Ok(())
    }

    fn opener(&self, key: &str) -> Option<crate::seal::Opener> {
        self.keys
            .iter()
            .find(|(k, _)| k == key)
            .and_then(|(_, s)| s.opener().ok())
    }

    fn signer(&self, key: &str) -> Option<&dyn dispute_store::Signer> {
        self.keys
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, s)| s as &dyn dispute_store::Signer)
    }
}

/// The key in `path` if `wanted` accepts its public half; a passphrase is asked for only
/// then.
fn load_file_if(path: &Path, wanted: &dyn Fn(&PublicKey) -> bool) -> Result<Option<SigningKey>> {
    let public = std::fs::read_to_string(path)
        .ok()
        .and_then(|text| PrivateKey::from_openssh(text.trim()).ok())
        .map(|k| k.public_key().clone());
    match public {
        Some(p) if wanted(&p) => load_file(path).map(Some),
        Some(_) => Ok(None),
        // Not readable as a key: say so as `load_file` does.
        None => load_file(path).map(|_| None),
    }
}
