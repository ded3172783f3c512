# Commit subjects (crates/dispute-core/src/protocol.rs). The audit trail: commits are always
# written in Chinese; the English is for rendering a summary to an English reader.
commit-list-sep = 、
commit-init = { $county }社会保险费征缴争议案卷库
commit-import = 导入台账 { $file }，共 { $rows } 件
commit-register-what = { $channel }受理，{ $district }
commit-register = { $payer }（{ $kind }）：{ $what }
commit-category = 争议类别{ $n }（{ $name }）
commit-classify-major = 重大疑难事项，{ $category }，报请领导小组组长同意
commit-classify = { $track }，{ $category }
commit-redirect = 不属受理部门职责范围，告知缴费人到{ $dept }办理
commit-assign = 请{ $depts }出具书面意见，期限 { $due }
commit-dispatch = 县政府办转交{ $depts }办理（12345工单 { $ticket }）
commit-unassign = 撤回对{ $dept }的指派
commit-opinion = { $dept }书面意见
commit-opinion-updated = { $dept }书面意见（更新）
commit-escalate-leading-group = 上报领导小组，报请组长同意按重大疑难事项办理
commit-escalate-hotline = 职责不清，填写报送单报送县政府办转办
commit-escalate-discipline = { $dept }无正当理由拒不办理，线索移交县纪委监委
commit-approve = 组长同意，按重大疑难事项专案办理，全体成员单位出具书面意见
commit-reject = 组长不同意专案办理，按一般事项办理
commit-consult = { $kind }（{ $n }个部门参加），形成会议纪要
commit-reply = 将总处理意见书面告知缴费人
commit-archive = 案卷归档：{ $outcome }
commit-archive-remedy = 案卷归档：{ $outcome }，{ $remedy }
