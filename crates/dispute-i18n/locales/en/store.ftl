# The git store: recovery notices and storage errors.
list-separator = {", "}
store-stale-lock = cleared the writer lock left by process { $pid } (that process is no longer running)
store-no-such-commit = no commit { $rev }
store-bad-commit-time = invalid commit time
store-not-a-regular-file = not a regular file
store-not-utf8 = not UTF-8 text
store-parser-thread-died = a parsing thread stopped unexpectedly
store-not-in-head = { $path } is not in HEAD
store-path-not-a-file = { $path } (not a regular file)
store-path-not-a-dir = { $path } (not a directory)
store-detached-head = HEAD does not point at a branch (detached); run git switch main first
store-thread-died = a worker thread stopped unexpectedly
store-split-index-broken = is a split git index whose shared part (.git/sharedindex.*) is missing or does not match it; rm .git/index && git reset -q rebuilds the index from HEAD
