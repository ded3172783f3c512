//! Opening a casebook (found from a directory upward) and creating one with its first commit.

use crate::prelude::*;
use crate::write::Signer;

impl Store {
    /// The casebook at `dir` or the nearest parent holding `casebook.toml`.
    pub fn discover(start: &Path) -> Result<Store> {
        let start = fs::canonicalize(start).map_err(|_| Error::NoCasebook(start.to_path_buf()))?;
        let mut dir = start.as_path();
        loop {
            if dir.join(CASEBOOK_FILE).is_file() {
                return Store::open(dir);
            }
            match dir.parent() {
                Some(p) => dir = p,
                None => return Err(Error::NoCasebook(start.clone())),
            }
        }
    }

    pub fn open(dir: &Path) -> Result<Store> {
        // git itself does not re-hash every object it reads; `verify` checks the history.
        git2::opts::strict_hash_verification(false);
        // Nor look up every object a new tree or commit names: a write names only the
        // objects it has just written and those of HEAD's trees.
        git2::opts::strict_object_creation(false);
        let repo = Repository::open(dir).map_err(|_| Error::NoCasebook(dir.to_path_buf()))?;
        let root = repo
            .workdir()
            .ok_or_else(|| Error::NoCasebook(dir.to_path_buf()))?
            .to_path_buf();
        if fs::canonicalize(&root).ok() != fs::canonicalize(dir).ok() {
            // casebook.toml must sit at the top of its repository.
            return Err(Error::NoCasebook(dir.to_path_buf()));
        }
        Ok(Store { repo, root })
    }

    /// Create the repository if needed and make the first casebook commit.
    pub fn init(
        dir: &Path,
        book: &Casebook,
        message: &Message,
        author: &Operator,
        signer: Option<&dyn Signer>,
    ) -> Result<Store> {
        fs::create_dir_all(dir)?;
        if dir.join(CASEBOOK_FILE).exists() {
            return Err(Error::AlreadyInitialised(dir.to_path_buf()));
        }
        let repo = match Repository::open(dir) {
            Ok(r)
                if r.workdir().and_then(|w| fs::canonicalize(w).ok())
                    == fs::canonicalize(dir).ok() =>
            {
                r
            }
            _ => {
                let mut opts = git2::RepositoryInitOptions::new();
                opts.initial_head("main");
                Repository::init_opts(dir, &opts).git()?
            }
        };
        let store = Store {
            root: repo.workdir().expect("non-bare").to_path_buf(),
            repo,
        };
        let (mut writer, _fresh) = store.begin()?;
        writer.put_casebook(book)?;
        writer.put(format!("{CASES_DIR}/.gitkeep"), String::new())?;
        writer.put(".gitattributes".to_string(), GITATTRIBUTES.to_string())?;
        writer.commit(message, author, signer)?;
        Ok(store)
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// git's `user.email` for this repository, if set.
    pub fn git_user_email(&self) -> Option<String> {
        self.repo.config().ok()?.get_string("user.email").ok()
    }
}

pub(crate) const GITATTRIBUTES: &str =
    "# dispute casebook: case files are text with LF line endings\n*.toml text eol=lf\n";
