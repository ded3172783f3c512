# The model of dispute-core: input checks (val-), casebook.toml (book-), case files (case-),
# schema checks (schema-), payer confidentiality (privacy-), the late fee (fee-).

## validate.rs: field names and reasons of Error::Invalid
val-field-title = title
val-field-payer-name = payer name
val-field-district = district
val-field-phone = phone number
val-field-id-code = ID number
val-field-operator-id = operator ID
val-field-email = email
val-field-category = dispute category
val-control-char = contains a control or invisible character U+{ $code } (such as a bidi control, a zero-width character or a line separator); remove it and enter the text again
val-empty = must not be empty
val-too-long = is { $len } bytes long, over the limit of { $max } bytes
val-numbers-in-git-log = goes into the git commit message, so it must not contain a phone number, ID number or other payer details
val-phone-not-mobile = is not a valid mobile number
val-phone-invalid = is not a valid mobile or landline number (e.g. 13800000000, 0359-3012345)
val-id-code-length = must be an 18-character unified social credit code or resident ID number
val-id-code-check = the check character does not match; please check the number
val-operator-id-format = "{ $value }" must be 1–32 lower-case letters, digits, ".", "_" or "-", starting with a letter
val-email-invalid = "{ $value }" is not a valid email address
val-category-range = { $n } is not between 1 and 10

## casebook.rs: the defaults written by init, and the checks of casebook.toml
book-leader-title = Deputy county head in charge
book-dept-tax-name = { $county } Tax Bureau, State Taxation Administration
book-dept-tax-short = County Tax Bureau
book-dept-hrss-name = { $county } Human Resources and Social Security Bureau
book-dept-hrss-short = County HR & Social Security Bureau
book-dept-medical-name = { $county } Medical Insurance Bureau
book-dept-medical-short = County Medical Insurance Bureau
book-dept-justice-name = { $county } Justice Bureau
book-dept-justice-short = County Justice Bureau
book-dept-finance-name = { $county } Finance Bureau
book-dept-finance-short = County Finance Bureau
book-dept-approval-name = { $county } Administrative Approval Services Bureau
book-dept-approval-short = County Administrative Approval Bureau
book-dept-petition-name = { $county } Letters and Visits Bureau
book-dept-petition-short = County Letters and Visits Bureau
book-dept-cac-name = Cyberspace Affairs Office of the { $county } Party Committee
book-dept-cac-short = County Cyberspace Affairs Office
book-dept-gov-name = General Office of the { $county } People's Government
book-dept-gov-short = County Government Office
book-format-unsupported = unsupported format version { $format } (this program supports { $supported })
book-dept-duplicate = department code { $code } appears more than once
book-group-unknown-dept = the leading group names a department that does not exist: { $code }
book-calendar-wrong-year = the calendar of { $year } holds a date outside that year: { $entry }
book-calendar-bad-date = the calendar of { $year } holds an invalid date: { $entry }
book-operator-duplicate = operator ID { $id } appears more than once
book-operator-unknown-dept = the department { $dept } of operator { $id } does not exist
# An operator in logs and tables: name and department.
book-operator-label = { $name } ({ $dept })

## case.rs, schema.rs
case-id-mismatch = the ID { $id } in the file does not match the file's location
schema-case-mismatch = does not conform to case.schema.json: { $reason }
schema-casebook-mismatch = does not conform to casebook.schema.json: { $reason }

## privacy.rs
privacy-reveal-action = viewing the payer details of case { $id }
privacy-reveal-rule = only operators of the receiving department and of the assigned (competent) departments may see the payer's unmasked details

## latefee.rs
fee-law = Article 86 of the Social Insurance Law of the People's Republic of China
fee-field-amount = amount in arrears
fee-not-amount-example = "{ $value }" is not an amount (e.g. 12345.67)
fee-too-many-decimals = "{ $value }" may have at most two decimal places (down to the fen)
fee-not-amount = "{ $value }" is not an amount
fee-not-positive = "{ $value }" must be greater than zero
fee-too-large = "{ $value }" is too large to calculate
