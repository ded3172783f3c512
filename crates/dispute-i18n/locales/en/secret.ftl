# Payer data encrypted at rest, safe output, size limits (issue 11).

## Input checks and output
secret-name-angle-brackets = must not contain < or >
secret-field-file-name = file name
secret-parse-problem = line { $line }: { $message }
secret-case-too-large = the file has { $kib } KiB, over the limit of { $max } KiB for a case file; not read
secret-casebook-too-large = casebook.toml has { $kib } KiB, over the limit of { $max } KiB; not read
secret-too-many-operators = it lists { $n } operators, over the limit of { $max }; not read
