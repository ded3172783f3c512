# Commit subjects (crates/dispute-core/src/protocol.rs). The audit trail: commits are always
# written in Chinese; the English is for rendering a summary to an English reader.
commit-list-sep = {", "}
commit-init = { $county } social insurance fee dispute casebook
commit-import = Import ledger { $file }: { $rows ->
        [one] { $rows } case
       *[other] { $rows } cases
    }
commit-register-what = received by { $channel }, { $district }
commit-register = { $payer } ({ $kind }): { $what }
commit-category = dispute category { $n } ({ $name })
commit-classify-major = Major or difficult matter, { $category }, submitted to the leader for approval
commit-classify = { $track }, { $category }
commit-redirect = Outside the receiving department's remit; payer told to go to { $dept }
commit-assign = Written opinions requested from { $depts }, due { $due }
commit-dispatch = Dispatched by the county government office to { $depts } (12345 ticket { $ticket })
commit-unassign = Assignment of { $dept } withdrawn
commit-opinion = Written opinion of { $dept }
commit-opinion-updated = Written opinion of { $dept } (updated)
commit-escalate-leading-group = Reported to the leading group; leader asked to approve handling as a major or difficult matter
commit-escalate-hotline = Responsibility unclear; referral form sent to the county government office for dispatch
commit-escalate-discipline = { $dept } refused to handle the case without good reason; lead passed to the county discipline commission
commit-approve = Leader approves: handled as a major special case, every member department gives a written opinion
commit-reject = Leader does not approve a special case; handled as a general matter
commit-consult = { $kind } ({ $n ->
        [one] { $n } department
       *[other] { $n } departments
    } attending), minutes taken
commit-reply = Overall handling opinion given to the payer in writing
commit-archive = Case archived: { $outcome }
commit-archive-remedy = Case archived: { $outcome }, { $remedy }
