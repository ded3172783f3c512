# Messages of the subcommands (src/cli): status lines, warnings, refusals, and the names of
# the fields a refusal is about.

## Field names in refusals ("field: reason")
cmd-field-approval-note = Leader's comments
cmd-field-assigned-depts = Assigned departments
cmd-field-attendees = Attending departments
cmd-field-category = Dispute category
cmd-field-contact = Contact person
cmd-field-county = County name
cmd-field-dept = Department
cmd-field-email = Email
cmd-field-export-format = Export format
cmd-field-hotline-ticket = 12345 hotline ticket number
cmd-field-minutes = Minutes
cmd-field-name = Name
cmd-field-note = Note
cmd-field-note-classify = Note
cmd-field-operator-id = Operator ID
cmd-field-opinion = Written opinion
cmd-field-payment-day = Day paid
cmd-field-reason = Reason
cmd-field-referral-form = Referral form
cmd-field-referral-summary = Summary of the matter
cmd-field-reply = Reply
cmd-field-summary = Matter raised
cmd-field-withdraw-reason = Reason for withdrawal

## Shared
cmd-duplicate = { $value } is given twice
cmd-text-and-file = use either --text or --file, not both
cmd-text-or-file = give it with --text or --file
cmd-not-a-regular-file = not a regular file
cmd-text-too-large = larger than the limit of { $bytes } bytes
cmd-not-utf8 = not UTF-8 text
cmd-bad-case-files = { $count ->
    [one] 1 case file could not be read and was skipped
   *[other] { $count } case files could not be read and were skipped
}

## init
cmd-init-done = Casebook created in { $dir }, admin { $name } ({ $id })

## operator
# Goes into the commit message (always Chinese); kept for the key set.
cmd-operator-add-summary = { $id } { $name } ({ $dept }; { $roles })
cmd-operator-disable-self = an admin cannot disable themselves
cmd-operator-already-disabled = { $id } is already disabled
cmd-operator-action = manage operators
cmd-operator-admin-only = only an admin can add or disable operators

## classify
cmd-category-required = give it with --category

## escalate
cmd-escalate-dept-only-discipline = --dept is only for --to discipline
cmd-escalate-form-only-hotline = --summary and --receiver-phone are only for --to hotline
cmd-escalate-discipline-needs-dept = --to discipline needs --dept to name the department refusing to act

## export
cmd-export-xlsx-terminal = xlsx is a binary file and cannot go to a terminal; write it to a file with -o NAME.xlsx
cmd-export-kept-masked = { $count ->
    [one] 1 case was not received or assigned to your department; its payer details are still masked
   *[other] { $count } cases were not received or assigned to your department; their payer details are still masked
}
cmd-export-written = { $count ->
    [one] Ledger: 1 case
   *[other] Ledger: { $count } cases
}
cmd-export-extension-mismatch = the extension of { $path } does not match the export format { $format }; writing { $format }
cmd-export-sheet-name = Ledger

## import
cmd-import-too-large = larger than the limit of { $mib } MiB
cmd-import-no-cases = the file holds no cases
cmd-import-action = import a ledger
cmd-import-receiver-only = only a receiver can import cases; they are recorded as received by the receiver's department
cmd-import-dry-run-ok = { $count ->
    [one] Check passed: 1 row can be imported (--dry-run, nothing written)
   *[other] Check passed: { $count } rows can be imported (--dry-run, nothing written)
}

## latefee
cmd-latefee-to-before-from = { $to } is before the first day in arrears, { $from }
cmd-latefee-result =
    Amount owed: { $amount } yuan
    Period in arrears: { $from } to { $to }, { $days ->
        [one] 1 day
       *[other] { $days } days
    } (both days included)
    Daily rate: 0.05% ({ $law })
    Late fee: { $amount } yuan × 0.05% × { $days } = { $fee } yuan

## man
cmd-man-manual = dispute manual
cmd-man-written = { $count ->
    [one] Wrote 1 manual page to { $dir }
   *[other] Wrote { $count } manual pages to { $dir }
}
cmd-man-section-name = NAME
cmd-man-section-synopsis = SYNOPSIS
cmd-man-section-description = DESCRIPTION
cmd-man-section-extra = EXTRA
cmd-man-section-version = VERSION
cmd-man-section-authors = AUTHORS
cmd-field-role = role
cmd-operator-already-active = { $id } is not disabled
cmd-operator-edit-own-admin = an administrator cannot remove their own administrator role
cmd-operator-edit-nothing = nothing to change ({ $id } is already so)
cmd-key-taken = this public key is already registered to { $id }; a key can be registered only once
cmd-field-setting = setting
cmd-field-output = output file
cmd-field-passphrase = passphrase
cmd-admin-signing-already = this casebook already requires signing
cmd-admin-signing-summary = from this commit on every commit must be signed by its operator's key
cmd-admin-set-summary = set { $name } = { $value }
cmd-admin-bad-hours = "{ $value }" is not a duration (e.g. 72h or 3d, at most 100 years)
cmd-admin-bad-days = "{ $value }" is not a number of working days from 0 to 365
cmd-admin-unchanged = { $name } is already { $value }
cmd-admin-unknown-setting = no setting "{ $name }"; known: { $known }
cmd-keygen-no-home = no HOME directory; give the private key file with -o
cmd-keygen-exists = { $path } exists and will not be overwritten
cmd-keygen-passphrase = Passphrase for the new key:
cmd-keygen-passphrase-again = Again:
cmd-keygen-passphrase-differs = the two passphrases differ
cmd-keygen-done = wrote the private key { $path } and the public key { $public }; give the public key to an administrator to register (dispute operator key or operator add --public-key) and keep the private key to yourself
cmd-operator-change-summary = { $id } { $name }: { $what }
