# Batch import of a ledger. The column headings are a file format: a CSV with the
# headings of any language imports, so keep them distinct from one another (and from the
# Chinese ones).
import-col-id = Case ID
import-col-received-at = Received at
import-col-channel = Channel
import-col-payer-kind = Payer type
import-col-payer-name = Payer name
import-col-payer-id = ID number
import-col-contact = Contact person
import-col-phone = Phone
import-col-district = District
import-col-title = Title
import-col-summary = Matter raised
import-col-category = Dispute category
import-col-insurance = Insurance
import-col-track = Track
import-col-classified-at = Classified at
import-col-redirect-to = Redirected to
import-col-assign = Departments asked
import-col-assigned-at = Assigned at
import-col-replied-at = Replied at
import-col-reply = Reply
import-col-archived-at = Archived at
import-col-outcome = Payer's response
import-col-remedy = Remedy
import-col-note = Note
# One pair of columns per department: Written opinion (hrss), Opinion time (hrss).
import-col-opinion-text = Written opinion
import-col-opinion-time = Opinion time
import-col-opinion-text-of = Written opinion ({ $dept })
import-col-opinion-time-of = Opinion time ({ $dept })
# Other words a cell may hold for a code, besides the code and its label; separated by |.
import-alias-redirect = Redirect|Redirected|Apply elsewhere
import-alias-outcome-accepted = Accepted|Accepts|No objection
import-alias-outcome-objected = Objected|Objects|Objection
import-alias-remedy-mediation = Mediation
import-alias-remedy-reconsideration = Reconsideration|Administrative reconsideration
import-alias-remedy-arbitration = Arbitration|Labour arbitration
import-alias-remedy-litigation = Litigation|Lawsuit|Administrative litigation
# The sample row of the template (it must import).
import-sample-channel = Visit
import-sample-payer-kind = Employer
import-sample-payer-name = Ruicheng Example Building Materials Co., Ltd.
import-sample-contact = Wang Xiaoming
import-sample-district = Guwei Town
import-sample-title = Dispute over the 2025 contribution base
import-sample-summary = The company disputes the contribution base assessed for its employees for 2025 and asks for a review.
import-sample-insurance = Pension insurance, Medical insurance
import-sample-track = General matter
import-sample-assign = hrss, medical
import-sample-reply = Having considered the opinions of the county HR and social security bureau and the county medical insurance bureau: the contribution base was assessed according to the rules.
import-sample-outcome = No objection
import-sample-note = Entered from the paper ledger
import-sample-opinion-hrss = On review, the pension insurance contribution base was assessed correctly.
import-sample-opinion-medical = The medical insurance contribution base is the same as the pension insurance one.
# Where a row error is, when it is not one column.
import-where-file = File
import-where-header = Header
import-where-row = Whole row
import-what-file = Import file
# The note of a case imported as redirected without a note (written into the case file:
# always Chinese).
import-redirect-note = The payer was told to apply to the competent department
# Row errors.
import-err-encoding = The file is neither UTF-8 nor GB18030 text
import-err-duplicate-column = Column “{ $heading }” appears twice
import-err-same-column = Column “{ $heading }” is the same column as “{ $other }”
import-err-unknown-column = Unknown column “{ $heading }” (see the column names with dispute import --template)
import-err-unparsable = Cannot be read: { $reason }
import-err-duplicate-row = Same payer and time of receipt as row { $first }: probably a duplicate
import-err-id-other-dept = Case ID { $id } does not belong to the importer's department ({ $dept })
import-err-id-repeated = Case ID { $id } appears more than once in the file
import-err-id-exists = Case ID { $id } is already in the casebook (a ledger cannot be imported twice)
import-err-id-year = The year in the case ID ({ $id_year }) does not match the year of receipt ({ $year })
import-err-same-case = Same payer and time of receipt as the existing case { $existing }: probably imported before
import-err-required = Required
import-err-unknown = Unknown value “{ $value }”
import-err-unknown-payer-kind = Unknown value “{ $value }” (Employer or Individual)
import-err-not-category = “{ $value }” is not a number from 1 to 10
import-err-unknown-insurance = Unknown insurance “{ $value }”
import-err-unknown-track = Unknown value “{ $value }” (Own department, General matter or Redirect)
import-err-unknown-outcome = Unknown value “{ $value }” (No objection or Objection)
import-err-unknown-remedy = Unknown value “{ $value }” (Mediation, Reconsideration, Arbitration, Litigation)
import-err-no-dept = No department “{ $value }”
import-err-no-handler = { $dept } has no active handler, so its written opinion cannot be recorded; register an operator first
import-err-track-needed = Track is required when the row records steps after classification
import-err-reply-pair = Replied at and Reply must be filled in together
import-err-outcome-needed = An archived case needs the payer's response (No objection or Objection)
import-err-archive-needed = The payer's response or a remedy is filled in, but no time of archiving
import-err-redirect-to-needed = A redirected case needs Redirected to
import-err-category-needed = Dispute category is required for classification
import-err-after-creation = "{ $action }" happened at { $at }, after this casebook was created ({ $created }): later actions must be taken and signed in dispute by the operators themselves; an import may only bring in the paper ledger from before, or register new cases
