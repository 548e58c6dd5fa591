<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>A supervisor signs off reviews and must be someone other than their reviewer. At least 8 characters for the password.</source>
        <translation>审核人负责签批，且不能是该文档的审查人本人。密码至少 8 个字符。</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation>显示名称：</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Choose at least one role.</source>
        <translation>请至少选择一个角色。</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Repeat password:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>AttributeDialog</name>
    <message>
        <source>Disclosure attribute</source>
        <translation>公开属性认定</translation>
    </message>
    <message>
        <source>Proactive disclosure</source>
        <translation>主动公开</translation>
    </message>
    <message>
        <source>Disclosure on request</source>
        <translation>依申请公开</translation>
    </message>
    <message>
        <source>Not disclosed</source>
        <translation>不予公开</translation>
    </message>
    <message>
        <source>Released after redaction</source>
        <translation>删减后公开</translation>
    </message>
    <message>
        <source>Use suggestion</source>
        <translation>采用建议</translation>
    </message>
    <message>
        <source>Suggested from the findings: %1 (%2)</source>
        <translation>根据审查发现建议：%1（%2）</translation>
    </message>
    <message>
        <source>Attribute:</source>
        <translation>公开属性：</translation>
    </message>
    <message>
        <source>Legal basis:</source>
        <translation>法律依据：</translation>
    </message>
    <message>
        <source>Rationale:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <source>Drafting unit:</source>
        <translation>拟稿单位：</translation>
    </message>
    <message>
        <source>Determined by:</source>
        <translation>认定人：</translation>
    </message>
    <message>
        <source>Wording judgment:</source>
        <translation>表述审查：</translation>
    </message>
    <message>
        <source>Timing judgment:</source>
        <translation>公开时机：</translation>
    </message>
    <message>
        <source>Channel and scope:</source>
        <translation>公开方式与范围：</translation>
    </message>
    <message>
        <source>Wording: %1</source>
        <translation>表述：%1</translation>
    </message>
    <message>
        <source>Timing: %1</source>
        <translation>时机：%1</translation>
    </message>
    <message>
        <source>Channel: %1</source>
        <translation>方式与范围：%1</translation>
    </message>
</context>
<context>
    <name>AttributePanel</name>
    <message>
        <source>Returned for rework: %1</source>
        <translation>已退回修改：%1</translation>
    </message>
    <message>
        <source>Not recorded yet</source>
        <translation>尚未认定</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Attribute:</source>
        <translation>公开属性：</translation>
    </message>
    <message>
        <source>Legal basis:</source>
        <translation>法律依据：</translation>
    </message>
    <message>
        <source>Rationale:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <source>Determined by:</source>
        <translation>认定人：</translation>
    </message>
    <message>
        <source>Attribute…</source>
        <translation>公开属性…</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Sign off…</source>
        <translation>审核签发…</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>Document imported</source>
        <translation>文档已导入</translation>
    </message>
    <message>
        <source>Document kind changed</source>
        <translation>修改文种</translation>
    </message>
    <message>
        <source>Decision recorded</source>
        <translation>记录审查决定</translation>
    </message>
    <message>
        <source>Decision undone</source>
        <translation>撤销审查决定</translation>
    </message>
    <message>
        <source>Decision redone</source>
        <translation>重做审查决定</translation>
    </message>
    <message>
        <source>Manual finding added</source>
        <translation>手动标注</translation>
    </message>
    <message>
        <source>Finding removed</source>
        <translation>移除发现</translation>
    </message>
    <message>
        <source>Finding restored</source>
        <translation>恢复发现</translation>
    </message>
    <message>
        <source>Attribute recorded</source>
        <translation>认定公开属性</translation>
    </message>
    <message>
        <source>Review started</source>
        <translation>开始审查</translation>
    </message>
    <message>
        <source>Submitted for sign-off</source>
        <translation>提交审核</translation>
    </message>
    <message>
        <source>Approved and signed</source>
        <translation>批准并签名</translation>
    </message>
    <message>
        <source>Returned for rework</source>
        <translation>退回修改</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Verified export</source>
        <translation>核验后导出</translation>
    </message>
    <message>
        <source>User created</source>
        <translation>创建用户</translation>
    </message>
    <message>
        <source>Checked out</source>
        <translation>签出文档</translation>
    </message>
    <message>
        <source>Checkout taken over</source>
        <translation>接管签出</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>签入文档</translation>
    </message>
    <message>
        <source>Workspace migrated</source>
        <translation>工作区已迁移</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>采纳</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>span edited</source>
        <translation>调整范围</translation>
    </message>
    <message>
        <source>reason: %1</source>
        <translation>理由：%1</translation>
    </message>
    <message>
        <source>comment: %1</source>
        <translation>意见：%1</translation>
    </message>
    <message>
        <source>%1 findings</source>
        <translation>%1 个发现项</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <source>exported despite markings: %1</source>
        <translation>含密级标志仍导出，理由：%1</translation>
    </message>
</context>
<context>
    <name>AuditPanel</name>
    <message>
        <source>signed</source>
        <translation>已签名</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>核验审计链</translation>
    </message>
</context>
<context>
    <name>BatchQueueDialog</name>
    <message>
        <source>Batch queue</source>
        <translation>批量队列</translation>
    </message>
    <message>
        <source>Batch:</source>
        <translation>批次：</translation>
    </message>
    <message>
        <source>Open (Enter)</source>
        <translation>打开（Enter）</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Markings</source>
        <translation>密级标志</translation>
    </message>
    <message>
        <source>To act on</source>
        <translation>需处理</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Open in the app</source>
        <translation>在应用中审查</translation>
    </message>
    <message>
        <source>Safe to publish: nothing detected to act on</source>
        <translation>可发布：未检出需处理的内容</translation>
    </message>
    <message>
        <source>Refused file: get a readable copy</source>
        <translation>无法处理的文件：请取得可读的副本</translation>
    </message>
    <message>
        <source>Not processed yet</source>
        <translation>尚未处理</translation>
    </message>
    <message>
        <source>Blocks release: 密级 marking, secrecy statement or blocked term</source>
        <translation>阻断发布：密级标志、保密声明或单位阻断词</translation>
    </message>
    <message>
        <source>Checksummed identifiers</source>
        <translation>含校验位的证件号码等</translation>
    </message>
    <message>
        <source>Names and addresses</source>
        <translation>姓名、地址</translation>
    </message>
    <message>
        <source>Other content to decide</source>
        <translation>其他需处理的内容</translation>
    </message>
    <message>
        <source>Nothing detected to act on</source>
        <translation>未检出需处理的内容</translation>
    </message>
    <message>
        <source>Refused or failed</source>
        <translation>无法处理</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>已排队</translation>
    </message>
    <message>
        <source>running</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>No batch in this workspace yet: run `reviewer batch`.</source>
        <translation>工作区中还没有批次：请运行 reviewer batch。</translation>
    </message>
    <message>
        <source>%1 of %2 done · %3 documents/s · about %4 left · %5 failed</source>
        <translation>已完成 %1 / %2 · 每秒 %3 份 · 约剩 %4 · 失败 %5</translation>
    </message>
    <message>
        <source>All %1 documents done · %2 failed or unreadable</source>
        <translation>全部 %1 份已完成 · 失败或无法读取 %2 份</translation>
    </message>
    <message>
        <source>This document has no result to review: %1</source>
        <translation>该文档没有可审查的结果：%1</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>正在打开 %1</translation>
    </message>
</context>
<context>
    <name>BatchQueueLauncher</name>
    <message>
        <source>&amp;Batch queue…</source>
        <translation>批量队列(&amp;B)…</translation>
    </message>
    <message>
        <source>Next document in the batch queue</source>
        <translation>批量队列中的下一份文档</translation>
    </message>
    <message>
        <source>Previous document in the batch queue</source>
        <translation>批量队列中的上一份文档</translation>
    </message>
</context>
<context>
    <name>Bulk</name>
    <message>
        <source>Accept %1 selected</source>
        <translation>采纳所选 %1 条</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>采纳</translation>
    </message>
    <message>
        <source>Reject %1 selected…</source>
        <translation>驳回所选 %1 条…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>驳回…</translation>
    </message>
    <message>
        <source>Accept with</source>
        <translation>采纳并指定处理方式</translation>
    </message>
    <message>
        <source>Every “%1” (%2)</source>
        <translation>所有“%1”（%2 处）</translation>
    </message>
    <message>
        <source>Accept every occurrence</source>
        <translation>全部采纳</translation>
    </message>
    <message>
        <source>Reject every occurrence…</source>
        <translation>全部驳回…</translation>
    </message>
    <message>
        <source>Select them</source>
        <translation>在表格中选中</translation>
    </message>
    <message>
        <source>All undecided “%1” (%2)</source>
        <translation>所有待定的“%1”（%2 条）</translation>
    </message>
    <message>
        <source>Accept them</source>
        <translation>全部采纳</translation>
    </message>
    <message>
        <source>Reject them…</source>
        <translation>全部驳回…</translation>
    </message>
    <message>
        <source>All undecided on page %1 (%2)</source>
        <translation>第 %1 页所有待定项（%2 条）</translation>
    </message>
    <message>
        <source>Edit span…</source>
        <translation>调整范围…</translation>
    </message>
    <message>
        <source>Accept all</source>
        <translation>全部采纳</translation>
    </message>
    <message>
        <source>Reject all…</source>
        <translation>全部驳回…</translation>
    </message>
    <message>
        <source>Accept as</source>
        <translation>按方式采纳</translation>
    </message>
    <message>
        <source>This document has no pages: choose another scope.</source>
        <translation>本文档没有分页，请选择其他范围。</translation>
    </message>
    <message>
        <source>Nothing in this scope.</source>
        <translation>此范围内没有审查发现。</translation>
    </message>
    <message>
        <source>%1 findings in scope. Each click is one step: Ctrl+Z undoes it.</source>
        <translation>范围内共 %1 条。每次点击为一步操作，可用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Whole document</source>
        <translation>整个文档</translation>
    </message>
    <message>
        <source>Page of the current finding</source>
        <translation>当前发现所在页</translation>
    </message>
    <message>
        <source>Selected rows</source>
        <translation>表格中选中的行</translation>
    </message>
    <message>
        <source>Scope:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Undecided only</source>
        <translation>仅待定项</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <source>possible name (candidate)</source>
        <translation>可能的姓名（低分候选）</translation>
    </message>
    <message>
        <source>Score %1.</source>
        <translation>置信度 %1。</translation>
    </message>
    <message>
        <source>follows the decision on the same value</source>
        <translation>随同值发现项的决定处理</translation>
    </message>
    <message>
        <source>reason: %1</source>
        <translation>理由：%1</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <source>Nothing: the text stays as printed.</source>
        <translation>不处理：文字保留原样。</translation>
    </message>
    <message>
        <source>%1 if accepted (the profile&apos;s operator)</source>
        <translation>采纳后将%1（策略规定的处理方式）</translation>
    </message>
    <message>
        <source>legal basis %1</source>
        <translation>法律依据 %1</translation>
    </message>
    <message>
        <source>being recomputed…</source>
        <translation>正在重新计算…</translation>
    </message>
    <message>
        <source>Changes anyway: %1. The same text goes elsewhere and this place cannot be told apart.</source>
        <translation>仍会被替换为：%1。同一文字在别处被删除，此处无法与之区分。</translation>
    </message>
    <message>
        <source>Stays as printed.</source>
        <translation>保留原样。</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>文字：</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>位置：</translation>
    </message>
    <message>
        <source>Found:</source>
        <translation>识别：</translation>
    </message>
    <message>
        <source>Checked:</source>
        <translation>校验：</translation>
    </message>
    <message>
        <source>Context:</source>
        <translation>上下文：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>身份：</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>决定：</translation>
    </message>
    <message>
        <source>Applies:</source>
        <translation>将执行：</translation>
    </message>
    <message>
        <source>In the copy:</source>
        <translation>导出后：</translation>
    </message>
    <message>
        <source>Select a finding to see why it was reported and what the copy will hold.</source>
        <translation>选中一条审查发现，即可查看识别依据以及导出副本中的结果。</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>公开属性</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审查人</translation>
    </message>
    <message>
        <source>Personal</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <source>Restricted</source>
        <translation>限制内容</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Undecided</source>
        <translation>待决定</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>An unexpected error occurred (%1). Please report it to the administrator.</source>
        <translation>发生意外错误（%1），请报告系统管理员。</translation>
    </message>
    <message>
        <source>Cannot continue</source>
        <translation>无法继续</translation>
    </message>
</context>
<context>
    <name>Explanation</name>
    <message>
        <source>Completed to the same name found elsewhere in the document.</source>
        <translation>已按文中其他位置的同名补全。</translation>
    </message>
    <message>
        <source>Marked by the reviewer.</source>
        <translation>审查人员手动标注。</translation>
    </message>
    <message>
        <source>Another occurrence of a value that is removed elsewhere: the copy replaces every occurrence of a removed value.</source>
        <translation>与被删除内容相同的另一处文字：导出副本会替换被删除内容的每一处出现。</translation>
    </message>
    <message>
        <source>Possible name: a low-score candidate. The copy changes it only if you accept it.</source>
        <translation>可能的姓名：低分候选。只有您采纳后，导出件才会处理它。</translation>
    </message>
    <message>
        <source>Found by the language model (%1).</source>
        <translation>由语言模型（%1）识别。</translation>
    </message>
    <message>
        <source>Matched the pattern “%1”.</source>
        <translation>按“%1”格式匹配。</translation>
    </message>
    <message>
        <source>Matched the pattern of a %1.</source>
        <translation>按%1的格式匹配。</translation>
    </message>
    <message>
        <source>Its check digit or format was verified.</source>
        <translation>校验位或格式校验通过。</translation>
    </message>
    <message>
        <source>Its check failed (perhaps a typing error): reported with a lower score.</source>
        <translation>校验未通过（可能是录入错误），以较低置信度报告。</translation>
    </message>
    <message>
        <source>Found by the restricted-content rules (%1).</source>
        <translation>由限制公开内容规则识别（%1）。</translation>
    </message>
    <message>
        <source>The word “%1” nearby raised the score from %2 to %3.</source>
        <translation>附近的“%1”使置信度由 %2 升至 %3。</translation>
    </message>
    <message>
        <source>The word “%1” nearby supports it.</source>
        <translation>附近的“%1”印证了这一识别。</translation>
    </message>
    <message>
        <source>in the document head</source>
        <translation>位于版头</translation>
    </message>
    <message>
        <source>in a page header or footer</source>
        <translation>位于页眉或页脚</translation>
    </message>
    <message>
        <source>in the body text</source>
        <translation>位于正文</translation>
    </message>
    <message>
        <source>in a comment, note or property</source>
        <translation>位于批注、注释或文档属性</translation>
    </message>
    <message>
        <source>placed as %1 prescribes</source>
        <translation>位置符合 %1</translation>
    </message>
    <message>
        <source>classification level “%1”</source>
        <translation>密级“%1”</translation>
    </message>
    <message>
        <source>period “%1”</source>
        <translation>保密期限“%1”</translation>
    </message>
    <message>
        <source>proactive disclosure</source>
        <translation>主动公开</translation>
    </message>
    <message>
        <source>disclosure on request</source>
        <translation>依申请公开</translation>
    </message>
    <message>
        <source>not disclosed</source>
        <translation>不予公开</translation>
    </message>
    <message>
        <source>released after redaction</source>
        <translation>删减后公开</translation>
    </message>
    <message>
        <source>printed disclosure attribute “%1” (%2)</source>
        <translation>印制的公开属性“%1”（%2）</translation>
    </message>
    <message>
        <source>belongs to %1</source>
        <translation>属于%1</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>De-identified copy (verified before it is written)</source>
        <translation>去标识化副本（写出前独立核验）</translation>
    </message>
    <message>
        <source>The original file is never changed. A copy is written only after an independent check finds none of the removed values left in any part of it. That check covers the removed values: what detection did not find is not covered.</source>
        <translation>原文件不会被改动。只有经独立复核、确认去除的值在副本任何部分都不再出现后，才会写出副本。复核只针对被去除的值：检测未识别的内容不在复核范围内。</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>Review log:</source>
        <translation>审查记录：</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>导出文件夹</translation>
    </message>
</context>
<context>
    <name>ExportNotes</name>
    <message>
        <source>%1 values replaced in the text.</source>
        <translation>正文中替换了 %1 处内容。</translation>
    </message>
    <message>
        <source>%1 values replaced in the page&apos;s text, comments, attributes and scripts.</source>
        <translation>网页的文字、注释、属性和脚本中共替换了 %1 处内容。</translation>
    </message>
    <message>
        <source>%1 values replaced (written as %2).</source>
        <translation>替换了 %1 处内容（以 %2 编码写出）。</translation>
    </message>
    <message>
        <source>The %1 file was converted to docx by %2: the copy is a docx, the original is unchanged.</source>
        <translation>%1 文件已由 %2 转换为 docx：副本为 docx 格式，原文件未作改动。</translation>
    </message>
    <message>
        <source>%1 characters removed from the pages&apos; content (pages %2).</source>
        <translation>已从页面内容中删除 %1 个字符（第 %2 页）。</translation>
    </message>
    <message>
        <source>%1 values replaced in the metadata, bookmarks and links.</source>
        <translation>元数据、书签和链接中替换了 %1 处内容。</translation>
    </message>
    <message>
        <source>Tracked changes accepted: %1 insertions kept, %2 deletions dropped.</source>
        <translation>已接受修订：保留 %1 处插入，删除 %2 处删除内容。</translation>
    </message>
    <message>
        <source>%1 comments removed.</source>
        <translation>已删除 %1 条批注。</translation>
    </message>
    <message>
        <source>%1 preview pictures of embedded objects blanked (they showed removed values; Word redraws them when the object is opened).</source>
        <translation>已清空 %1 个嵌入对象的预览图（其中显示了被删除的内容；打开对象时 Word 会重新生成）。</translation>
    </message>
    <message>
        <source>Metadata (EXIF/GPS position, XMP, comments) removed from %1 pictures.</source>
        <translation>已清除 %1 张图片的元数据（EXIF/GPS 位置、XMP、注释）。</translation>
    </message>
    <message>
        <source>%1 imported HTML/RTF/text chunks turned into plain paragraphs: check the layout.</source>
        <translation>%1 个导入的 HTML/RTF/文本块已转为普通段落，请检查版式。</translation>
    </message>
    <message>
        <source>Parts removed from the file: %1.</source>
        <translation>已从文件中删除的部件：%1。</translation>
    </message>
    <message>
        <source>%1 author or contact entries of the page&apos;s &lt;meta&gt; emptied.</source>
        <translation>已清空网页 &lt;meta&gt; 中 %1 项作者或联系方式。</translation>
    </message>
    <message>
        <source>%1 pictures in the web archive lost their metadata.</source>
        <translation>网页存档中 %1 张图片的元数据已清除。</translation>
    </message>
    <message>
        <source>Linked files (pictures, the page&apos;s _files folder) are not part of the copy: check them before publishing them with it.</source>
        <translation>链接的文件（图片、网页的 _files 文件夹）不在副本中：随副本一起发布前请逐一检查。</translation>
    </message>
    <message>
        <source>%1 characters removed from the text, %2 opaque boxes drawn where they were.</source>
        <translation>已从文字中删除 %1 个字符，并在原处绘制 %2 个不透明遮盖框。</translation>
    </message>
    <message>
        <source>%1 attachments removed (they held removed values, or content that cannot be checked).</source>
        <translation>已删除 %1 个附件（含有被删除的内容，或内容无法检查）。</translation>
    </message>
    <message>
        <source>%1 custom tags (structured fields such as an invoice&apos;s buyer) removed: they held removed values.</source>
        <translation>已删除 %1 个自定义标签（如发票购买方等结构化字段）：其中含有被删除的内容。</translation>
    </message>
    <message>
        <source>Document information removed: %1.</source>
        <translation>已删除文档信息：%1。</translation>
    </message>
    <message>
        <source>%1 electronic signatures and seals removed: the copy no longer matches what was signed; sign the published copy again if it needs a seal.</source>
        <translation>已移除 %1 个电子签章：去标识化后签章失效，如需盖章请对发布件重新签章。</translation>
    </message>
    <message>
        <source>Pages %1 re-rendered as images (their text layer is gone).</source>
        <translation>第 %1 页已重新渲染为图像（文字层已不存在）。</translation>
    </message>
    <message>
        <source>Pages %1: redactions lie on images (scans); the boxes follow the OCR text layer, check those pages visually.</source>
        <translation>第 %1 页：删除内容位于图像（扫描件）上，遮盖框按 OCR 文字层放置，请目视检查这些页面。</translation>
    </message>
    <message>
        <source>%1 annotations removed.</source>
        <translation>已删除 %1 个注释。</translation>
    </message>
    <message>
        <source>%1 replacement characters that %2 cannot hold were written as *.</source>
        <translation>%1 个 %2 编码无法表示的替换字符已写为 *。</translation>
    </message>
    <message>
        <source>%1 cells and %2 shared strings de-identified, %3 other replacements.</source>
        <translation>已去标识化 %1 个单元格和 %2 个共享字符串，另有 %3 处替换。</translation>
    </message>
    <message>
        <source>%1 cell values de-identified.</source>
        <translation>已去标识化 %1 个单元格值。</translation>
    </message>
    <message>
        <source>%1 formulas that computed from removed values were replaced by their values.</source>
        <translation>%1 个引用已删除内容的公式已替换为其计算结果。</translation>
    </message>
    <message>
        <source>%1 comment parts removed (notes and threaded comments).</source>
        <translation>已删除 %1 个批注部件（批注和对话式批注）。</translation>
    </message>
    <message>
        <source>Hidden sheets removed: %1.</source>
        <translation>已删除隐藏工作表：%1。</translation>
    </message>
    <message>
        <source>Hidden sheets kept and de-identified like the others: %1.</source>
        <translation>隐藏工作表已保留，并与其他工作表一样去标识化：%1。</translation>
    </message>
    <message>
        <source>%1 pivot caches: their source records removed; the pivot tables refresh from the de-identified sheet when opened (%2 unused item lists emptied).</source>
        <translation>%1 个数据透视表缓存：源记录已删除，打开时数据透视表从去标识化后的工作表刷新（已清空 %2 个未使用的项目列表）。</translation>
    </message>
    <message>
        <source>%1 external links: the values cached from the linked workbooks removed.</source>
        <translation>%1 个外部链接：已删除从所链接工作簿缓存的值。</translation>
    </message>
    <message>
        <source>Macros (VBA) removed: the copy is an ordinary xlsx workbook.</source>
        <translation>已删除宏（VBA）：副本为普通 xlsx 工作簿。</translation>
    </message>
    <message>
        <source>Converted from Excel 97-2003 (.xls) to xlsx: values, sheets, merged cells, column widths, hidden rows, columns and sheets, headers and footers are carried over; cell formatting (fonts, fills, borders, number formats other than dates), comments, formulas (their values are kept), charts, pictures, pivot tables and macros are not.</source>
        <translation>已从 Excel 97-2003（.xls）转换为 xlsx：保留了数值、工作表、合并单元格、列宽、隐藏的行、列和工作表、页眉页脚；未保留单元格格式（字体、填充、边框、日期以外的数字格式）、批注、公式（保留其值）、图表、图片、数据透视表和宏。</translation>
    </message>
    <message>
        <source>Pictures read by OCR (mean confidence): %1.</source>
        <translation>经 OCR 识别的图片（平均置信度）：%1。</translation>
    </message>
    <message>
        <source>%1 pictures painted over where removed values were read, saved again without metadata: %2.</source>
        <translation>%1 张图片已在识别出删除内容处涂盖，并去除元数据重新保存：%2。</translation>
    </message>
    <message>
        <source>Pages %1 turned into images with %2 removed characters painted over (their original pictures and content are gone); an invisible text layer keeps their other text searchable.</source>
        <translation>第 %1 页已转为图像，涂盖了 %2 个删除的字符（这些页的原图片和内容已不在副本中）；隐藏的文字层保留其余文字以供检索。</translation>
    </message>
    <message>
        <source>Read again by OCR (mean confidence), no removed value read there: %1. Text OCR cannot read (handwriting, stamps) is not checked: look at the pictures.</source>
        <translation>已用 OCR 重新识别（平均置信度），未识别出任何删除内容：%1。OCR 无法识别的文字（手写、印章）未经检查，请查看图片。</translation>
    </message>
    <message>
        <source>Pictures OCR could not read, not checked: %1.</source>
        <translation>OCR 无法识别、未经检查的图片：%1。</translation>
    </message>
    <message>
        <source>Not checked: %1</source>
        <translation>未检查：%1</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All decisions</source>
        <translation>全部决定</translation>
    </message>
    <message>
        <source>Search findings</source>
        <translation>搜索发现</translation>
    </message>
    <message>
        <source>%1 findings · %2 undecided · %3 shown</source>
        <translation>共 %1 条发现 · %2 条待决定 · 显示 %3 条</translation>
    </message>
    <message>
        <source>%1 selected</source>
        <translation>已选 %1 条</translation>
    </message>
</context>
<context>
    <name>FindingsTableModel</name>
    <message>
        <source>p. %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>l. %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>header</source>
        <translation>页眉</translation>
    </message>
    <message>
        <source>footer</source>
        <translation>页脚</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>footnote</source>
        <translation>脚注</translation>
    </message>
    <message>
        <source>endnote</source>
        <translation>尾注</translation>
    </message>
    <message>
        <source>text box</source>
        <translation>文本框</translation>
    </message>
    <message>
        <source>table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>properties</source>
        <translation>文档属性</translation>
    </message>
    <message>
        <source>annotation</source>
        <translation>注释</translation>
    </message>
    <message>
        <source>bookmark</source>
        <translation>书签</translation>
    </message>
    <message>
        <source>embedded file</source>
        <translation>嵌入文件</translation>
    </message>
    <message>
        <source>link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>alt text</source>
        <translation>替代文字</translation>
    </message>
    <message>
        <source>chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>SmartArt</source>
        <translation>SmartArt 图形</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>In the copy</source>
        <translation>导出后</translation>
    </message>
    <message>
        <source>%1 (possible)</source>
        <translation>%1（可能）</translation>
    </message>
    <message>
        <source>%1 (same value)</source>
        <translation>%1（同值）</translation>
    </message>
    <message>
        <source>⚠ changes anyway: %1</source>
        <translation>⚠ 仍会被改为：%1</translation>
    </message>
    <message>
        <source>stays</source>
        <translation>保留原样</translation>
    </message>
    <message>
        <source>Possible name: a low-score candidate; the copy changes it only if you accept it.</source>
        <translation>可能的姓名：低分候选；只有您采纳后，导出件才会处理它。</translation>
    </message>
    <message>
        <source>In the copy: %1</source>
        <translation>导出后：%1</translation>
    </message>
    <message>
        <source>Operator: %1</source>
        <translation>处理方式：%1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>理由：%1</translation>
    </message>
</context>
<context>
    <name>KindPanel</name>
    <message>
        <source>Detect the document to recognise its kind.</source>
        <translation>检测文档后识别文种。</translation>
    </message>
    <message>
        <source>(by document kind)</source>
        <translation>（按文种自动选择）</translation>
    </message>
    <message>
        <source>(chosen in Settings)</source>
        <translation>（在设置中指定）</translation>
    </message>
    <message>
        <source>Document kind:</source>
        <translation>文种：</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>处理策略：</translation>
    </message>
    <message>
        <source>The kind chooses the default de-identification profile; change it if the recognised kind is wrong.</source>
        <translation>文种决定默认的去标识化策略；识别有误时请改选。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>ID card number</source>
        <translation>公民身份号码</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>Landline phone</source>
        <translation>固定电话</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Bank card / account</source>
        <translation>银行卡/账号</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Licence plate</source>
        <translation>车牌号码</translation>
    </message>
    <message>
        <source>Passport number</source>
        <translation>护照号码</translation>
    </message>
    <message>
        <source>HK/Macao permit</source>
        <translation>港澳通行证</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP 地址</translation>
    </message>
    <message>
        <source>QQ number</source>
        <translation>QQ 号</translation>
    </message>
    <message>
        <source>WeChat ID</source>
        <translation>微信号</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Sensitive personal information</source>
        <translation>敏感个人信息</translation>
    </message>
    <message>
        <source>Personal name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>机构名称</translation>
    </message>
    <message>
        <source>Classification marking</source>
        <translation>密级标志</translation>
    </message>
    <message>
        <source>Copy number</source>
        <translation>份号</translation>
    </message>
    <message>
        <source>Urgency marking</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>State-secret statement</source>
        <translation>涉密声明</translation>
    </message>
    <message>
        <source>Work secret</source>
        <translation>工作秘密</translation>
    </message>
    <message>
        <source>Internal use only</source>
        <translation>内部资料</translation>
    </message>
    <message>
        <source>Process information</source>
        <translation>过程性信息</translation>
    </message>
    <message>
        <source>Disclosure note</source>
        <translation>公开属性附注</translation>
    </message>
    <message>
        <source>Manual finding</source>
        <translation>手动标注</translation>
    </message>
    <message>
        <source>Personal information</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <source>Restricted content</source>
        <translation>涉密及限制内容</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Blocks release</source>
        <translation>禁止发布</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>需审查</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待定</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已采纳</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Mask</source>
        <translation>掩码</translation>
    </message>
    <message>
        <source>Pseudonym (某)</source>
        <translation>化名（某）</translation>
    </message>
    <message>
        <source>Generalise</source>
        <translation>泛化</translation>
    </message>
    <message>
        <source>Redact</source>
        <translation>涂黑</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签替换</translation>
    </message>
    <message>
        <source>Keyed hash</source>
        <translation>密钥散列</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Listed term: blocks release</source>
        <translation>敏感词：阻断发布</translation>
    </message>
    <message>
        <source>Listed term: sensitive wording</source>
        <translation>敏感词：敏感表述</translation>
    </message>
    <message>
        <source>Listed term: always removed</source>
        <translation>敏感词：必删</translation>
    </message>
    <message>
        <source>Former name of a body</source>
        <translation>机构改革前名称</translation>
    </message>
    <message>
        <source>Draft status</source>
        <translation>草稿标记</translation>
    </message>
    <message>
        <source>Absolute commitment</source>
        <translation>绝对化承诺</translation>
    </message>
    <message>
        <source>Document number year</source>
        <translation>文号年份</translation>
    </message>
    <message>
        <source>Date after today</source>
        <translation>成文日期晚于今天</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Effective date</source>
        <translation>施行日期</translation>
    </message>
    <message>
        <source>Embargo</source>
        <translation>禁发时间</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>Undecided</source>
        <translation>待定</translation>
    </message>
    <message>
        <source>Accepted: removed</source>
        <translation>已采纳：删除</translation>
    </message>
    <message>
        <source>Rejected: stays</source>
        <translation>已驳回：保留</translation>
    </message>
    <message>
        <source>Marked by hand</source>
        <translation>手动标注</translation>
    </message>
    <message>
        <source>Same value elsewhere</source>
        <translation>同值的其他位置</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Create the administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>This workspace has no users yet. Create the first account: it administers the workspace (adds users) and, if you review documents yourself, reviews too.</source>
        <translation>本工作区还没有用户。请创建第一个账号：它负责管理工作区（添加用户）；如果您自己也审查文档，它还可以兼任审查人。</translation>
    </message>
    <message>
        <source>Log in to record decisions in the workspace.</source>
        <translation>登录后方可在工作区记录审查决定。</translation>
    </message>
    <message>
        <source>I also review documents with this account (reviewer role)</source>
        <translation>我也用此账号审查文档（审查人角色）</translation>
    </message>
    <message>
        <source>Sign-off needs a supervisor who is someone else: add them afterwards under File → Users.</source>
        <translation>签批须由另一人担任审核人：稍后请在“文件 → 用户”中添加。</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Repeat password:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Detect</source>
        <translation>检测(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>采纳(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation>驳回(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Edit span…</source>
        <translation>调整范围(&amp;E)…</translation>
    </message>
    <message>
        <source>Add &amp;manual finding…</source>
        <translation>手动标注(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>Keyboard &amp;shortcuts</source>
        <translation>快捷键(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>%1 findings · %2 undecided</source>
        <translation>共 %1 条发现 · %2 条待定</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>检测</translation>
    </message>
    <message>
        <source>&amp;Next finding</source>
        <translation>下一条(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous finding</source>
        <translation>上一条(&amp;P)</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>采纳</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Accept every occurrence of this &amp;value</source>
        <translation>采纳此内容的所有出现(&amp;V)</translation>
    </message>
    <message>
        <source>Reject every occurrence of this va&amp;lue…</source>
        <translation>驳回此内容的所有出现(&amp;L)…</translation>
    </message>
    <message>
        <source>Edit span</source>
        <translation>调整范围</translation>
    </message>
    <message>
        <source>Add finding</source>
        <translation>手动标注</translation>
    </message>
    <message>
        <source>Bul&amp;k actions menu</source>
        <translation>批量操作菜单(&amp;K)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Red&amp;o</source>
        <translation>重做(&amp;O)</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Fit &amp;width</source>
        <translation>适合宽度(&amp;W)</translation>
    </message>
    <message>
        <source>Fit &amp;page</source>
        <translation>适合页面(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Actual size (100 %)</source>
        <translation>实际大小(&amp;A)（100%）</translation>
    </message>
    <message>
        <source>&amp;Cancel task</source>
        <translation>取消任务(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>审查(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Recent files</source>
        <translation>最近打开</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>审查发现</translation>
    </message>
    <message>
        <source>Decide in bulk</source>
        <translation>批量决定</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <source>Original: %1</source>
        <translation>原文：%1</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Disclosure Review Workstation</source>
        <translation>保密审查工作台</translation>
    </message>
    <message>
        <source>Detection engine unavailable</source>
        <translation>检测引擎不可用</translation>
    </message>
    <message>
        <source>Engine ready</source>
        <translation>引擎就绪</translation>
    </message>
    <message>
        <source>Loading detection engine…</source>
        <translation>正在加载检测引擎…</translation>
    </message>
    <message>
        <source>Open document</source>
        <translation>打开文档</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>正在打开 %1</translation>
    </message>
    <message>
        <source>%1 opened</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>Detecting in %1</source>
        <translation>正在检测 %1</translation>
    </message>
    <message>
        <source>Waiting for the engine, then detecting</source>
        <translation>等待引擎加载，随后开始检测</translation>
    </message>
    <message>
        <source>Saving findings</source>
        <translation>正在保存审查发现</translation>
    </message>
    <message>
        <source>Detection done: %1 findings</source>
        <translation>检测完成：%1 条发现</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Documents (%1)</source>
        <translation>文档 (%1)</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Export refused: classified content</source>
        <translation>拒绝导出：含涉密内容</translation>
    </message>
    <message>
        <source>Why this copy must be exported anyway (recorded in the audit log)</source>
        <translation>为何仍须导出此副本（将记入审计日志）</translation>
    </message>
    <message>
        <source>Export anyway with this reason</source>
        <translation>按此理由强制导出</translation>
    </message>
    <message>
        <source>Write a reason to enable the override.</source>
        <translation>填写理由后才能强制导出。</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
</context>
<context>
    <name>PolicyActions</name>
    <message>
        <source>Partial-disclosure statement</source>
        <translation>部分公开说明</translation>
    </message>
    <message>
        <source>%1 place(s) withheld for %2 reason(s). Written to:</source>
        <translation>不予公开 %1 处，%2 项理由。已保存到：</translation>
    </message>
    <message>
        <source>Part&amp;ial-disclosure statement…</source>
        <translation>部分公开说明(&amp;I)…</translation>
    </message>
    <message>
        <source>What was withheld and why, for a reply to a request (Regulations art. 37)</source>
        <translation>依申请公开答复中不予公开的内容及理由（条例第三十七条）</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <source>Header</source>
        <translation>页眉</translation>
    </message>
    <message>
        <source>Footer</source>
        <translation>页脚</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>Footnote</source>
        <translation>脚注</translation>
    </message>
    <message>
        <source>Endnote</source>
        <translation>尾注</translation>
    </message>
    <message>
        <source>Text box</source>
        <translation>文本框</translation>
    </message>
    <message>
        <source>Document property</source>
        <translation>文档属性</translation>
    </message>
    <message>
        <source>Annotation</source>
        <translation>注释</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>书签</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Link target</source>
        <translation>链接地址</translation>
    </message>
    <message>
        <source>Alt text</source>
        <translation>替代文字</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>SmartArt</source>
        <translation>SmartArt 图形</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Preview of the copy (as exported)</source>
        <translation>导出副本预览（与导出文件一致）</translation>
    </message>
    <message>
        <source>Preview of the copy, page %1 (as exported)</source>
        <translation>导出副本预览：第 %1 页（与导出文件一致）</translation>
    </message>
</context>
<context>
    <name>ReidDialog</name>
    <message>
        <source>Roster re-identification check</source>
        <translation>名册重识别风险检查</translation>
    </message>
    <message>
        <source>The check reads the tables as the copy would publish them with the current decisions. A generalisation step here only shows its effect on the check; the export follows the decisions and the profile: to publish a column less precisely, change the operator of its findings or the profile&apos;s roster section, then check again.</source>
        <translation>检查按当前决定下导出副本将公开的样子读取表格。此处的泛化步骤只显示其对检查结果的影响，不改变导出；导出遵循审查决定和处理规则：如需降低某列的公开精度，请修改该列发现项的处理方式或规则中的名册（roster）设置，然后重新检查。</translation>
    </message>
</context>
<context>
    <name>ReidPanel</name>
    <message>
        <source>Mask one more digit</source>
        <translation>再遮盖一位</translation>
    </message>
    <message>
        <source>Generalise this column</source>
        <translation>泛化此列</translation>
    </message>
    <message>
        <source>No table with a header row to check.</source>
        <translation>没有可检查的带表头的表格。</translation>
    </message>
    <message>
        <source>%1 rows; unique: %2; below k = %3: %4; sensitive value disclosed (l below %5): %6 rows</source>
        <translation>共 %1 行；唯一行：%2；低于 k = %3：%4；敏感值被披露（l 低于 %5）：%6 行</translation>
    </message>
    <message>
        <source>No row is below k.</source>
        <translation>没有低于 k 的行。</translation>
    </message>
    <message>
        <source>No generalisation helps.</source>
        <translation>没有可用的泛化方式。</translation>
    </message>
    <message>
        <source>Suggested: %1. Then unique: %2; below k: %3</source>
        <translation>建议：%1。之后唯一行：%2；低于 k：%3</translation>
    </message>
    <message>
        <source>Masked differently in two files (together they show %1 characters): %2 → %3</source>
        <translation>两个文件遮盖方式不同（合起来可见 %1 位）：%2 → %3</translation>
    </message>
</context>
<context>
    <name>ReidRowsModel</name>
    <message>
        <source>k (rows alike)</source>
        <translation>k（相同行数）</translation>
    </message>
    <message>
        <source>l (sensitive values)</source>
        <translation>l（敏感值种数）</translation>
    </message>
    <message>
        <source>Only %1 row(s) share these values (k below %2): the household can be singled out</source>
        <translation>只有 %1 行具有这些值（k 低于 %2）：可以据此认出这一户</translation>
    </message>
    <message>
        <source>Every row that shares these values has the same sensitive value (l below %1): it is disclosed</source>
        <translation>具有这些值的各行敏感值都相同（l 低于 %1）：该敏感信息被披露</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <source>Reject finding</source>
        <translation>驳回发现</translation>
    </message>
    <message>
        <source>Why does this text stay as it is?</source>
        <translation>为什么这段文字保持原样？</translation>
    </message>
    <message>
        <source>Finding:</source>
        <translation>发现：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <source>Apply my decision</source>
        <translation>仍采用我的决定</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>保留对方的决定</translation>
    </message>
    <message>
        <source>Published as is: the de-identification profile keeps this type</source>
        <translation>原样公开：去标识化策略保留此类信息</translation>
    </message>
    <message>
        <source>Edit span</source>
        <translation>调整范围</translation>
    </message>
    <message>
        <source>Enlarge the finding?</source>
        <translation>扩大发现项范围？</translation>
    </message>
    <message>
        <source>The new span also covers “%1”, which will be removed from the copy too. Enlarge the finding?</source>
        <translation>新的范围还包含“%1”，这些文字也会从副本中去除。确定扩大范围吗？</translation>
    </message>
    <message>
        <source>Add finding</source>
        <translation>手动标注</translation>
    </message>
    <message>
        <source>Accepted %1 findings in one step (Ctrl+Z undoes it)</source>
        <translation>已一次采纳 %1 条发现（Ctrl+Z 可撤销）</translation>
    </message>
    <message>
        <source>Rejected %1 findings in one step (Ctrl+Z undoes it)</source>
        <translation>已一次驳回 %1 条发现（Ctrl+Z 可撤销）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 findings: %2</source>
        <translation>%1 条发现：%2</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Reviewer</source>
        <translation>审查人</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>审计员</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>RolesDialog</name>
    <message>
        <source>Roles of %1</source>
        <translation>%1 的角色</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Choose at least one role.</source>
        <translation>请至少选择一个角色。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>By document kind (automatic)</source>
        <translation>按文种自动选择</translation>
    </message>
    <message>
        <source>General (all personal information)</source>
        <translation>通用（全部个人信息）</translation>
    </message>
    <message>
        <source>Punitive notice (names stay)</source>
        <translation>惩戒性公示（保留姓名）</translation>
    </message>
    <message>
        <source>Mandatory disclosure</source>
        <translation>法定公开事项</translation>
    </message>
    <message>
        <source>Appointment or recruitment notice</source>
        <translation>任前公示、拟录用公示</translation>
    </message>
    <message>
        <source>Procurement award notice</source>
        <translation>中标（成交）结果公告</translation>
    </message>
    <message>
        <source>Expropriation compensation notice</source>
        <translation>征收补偿公示</translation>
    </message>
    <message>
        <source>Social-assistance notice</source>
        <translation>低保、救助、补贴公示</translation>
    </message>
    <message>
        <source>Engine default</source>
        <translation>引擎默认值</translation>
    </message>
    <message>
        <source>De-identification profile:</source>
        <translation>去标识化策略：</translation>
    </message>
    <message>
        <source>Detection threshold:</source>
        <translation>检测阈值：</translation>
    </message>
    <message>
        <source>Findings scored below the threshold are not shown. Applies to the next detection.</source>
        <translation>低于阈值的发现不显示，下次检测时生效。</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>界面语言：</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Select several findings in the table</source>
        <translation>在表格中选择多条发现</translation>
    </message>
    <message>
        <source>Shift+click, Ctrl+click, Shift+↓</source>
        <translation>Shift+单击、Ctrl+单击、Shift+↓</translation>
    </message>
    <message>
        <source>Select every finding shown in the table</source>
        <translation>选中表格中显示的全部发现</translation>
    </message>
    <message>
        <source>Add a highlight on the page to the selection</source>
        <translation>将页面上的标记加入选择</translation>
    </message>
    <message>
        <source>Ctrl+click</source>
        <translation>Ctrl+单击</translation>
    </message>
    <message>
        <source>Select the findings inside a rectangle on the page</source>
        <translation>框选页面上矩形内的发现</translation>
    </message>
    <message>
        <source>Ctrl+drag</source>
        <translation>Ctrl+拖动</translation>
    </message>
    <message>
        <source>Select text on the page (then M)</source>
        <translation>在页面上选择文字（然后按 M）</translation>
    </message>
    <message>
        <source>Drag along the line</source>
        <translation>沿文字行拖动</translation>
    </message>
    <message>
        <source>Zoom the page</source>
        <translation>缩放页面</translation>
    </message>
    <message>
        <source>Ctrl+wheel</source>
        <translation>Ctrl+滚轮</translation>
    </message>
    <message>
        <source>Bulk actions for a finding</source>
        <translation>对发现进行批量操作</translation>
    </message>
    <message>
        <source>Right click</source>
        <translation>右键单击</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>SignOffDialog</name>
    <message>
        <source>Sign off</source>
        <translation>审核签发</translation>
    </message>
    <message>
        <source>All approval checks pass.</source>
        <translation>各项批准条件均已满足。</translation>
    </message>
    <message>
        <source>Re-enter your password to sign</source>
        <translation>请再次输入密码以签名</translation>
    </message>
    <message>
        <source>Required when returning the review</source>
        <translation>退回时必须填写</translation>
    </message>
    <message>
        <source>Approve and sign</source>
        <translation>批准并签名</translation>
    </message>
    <message>
        <source>Return for rework</source>
        <translation>退回修改</translation>
    </message>
    <message>
        <source>Document:</source>
        <translation>文档：</translation>
    </message>
    <message>
        <source>Reviewed by:</source>
        <translation>审查人：</translation>
    </message>
    <message>
        <source>Supervisor:</source>
        <translation>审核人：</translation>
    </message>
    <message>
        <source>Approval checks:</source>
        <translation>批准条件：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>意见：</translation>
    </message>
</context>
<context>
    <name>SpanDialog</name>
    <message>
        <source>Select the exact text (Shift+arrow keys or the mouse):</source>
        <translation>请选中准确的文字（Shift+方向键或鼠标）：</translation>
    </message>
    <message>
        <source>Start:</source>
        <translation>起点：</translation>
    </message>
    <message>
        <source>End:</source>
        <translation>终点：</translation>
    </message>
    <message>
        <source>Span:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>Selected:</source>
        <translation>已选文字：</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Choose at least one character: the end must come after the start.</source>
        <translation>请至少选择一个字：终点必须在起点之后。</translation>
    </message>
    <message>
        <source>A span cannot cross a line or cell boundary; choose text within one line.</source>
        <translation>范围不能跨行或跨单元格，请在同一行内选择。</translation>
    </message>
    <message>
        <source>The chosen text is only blanks.</source>
        <translation>所选内容只有空白。</translation>
    </message>
    <message>
        <source>The span is unchanged: change it, or write a note to accept the finding with it.</source>
        <translation>范围没有变化：请修改范围，或填写备注以带备注采纳该发现项。</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>审查中</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>已发布</translation>
    </message>
</context>
<context>
    <name>TermListsDialog</name>
    <message>
        <source>Office term lists</source>
        <translation>单位敏感词库</translation>
    </message>
    <message>
        <source>Version %1, %2 terms, last changed by %3 at %4 (UTC)</source>
        <translation>第 %1 版，共 %2 条，最近由 %3 于 %4（UTC）修改</translation>
    </message>
    <message>
        <source>No term list has been kept in this workspace yet.</source>
        <translation>本工作区尚未建立敏感词库。</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>词条</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>添加人</translation>
    </message>
    <message>
        <source>New term</source>
        <translation>新词条</translation>
    </message>
    <message>
        <source>Why it is listed (optional)</source>
        <translation>列入原因（可选）</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Only supervisors and administrators may change the term lists.</source>
        <translation>只有主管和管理员可以修改敏感词库。</translation>
    </message>
    <message>
        <source>Block release</source>
        <translation>阻断发布</translation>
    </message>
    <message>
        <source>Sensitive wording</source>
        <translation>敏感表述</translation>
    </message>
    <message>
        <source>Always remove</source>
        <translation>必删</translation>
    </message>
    <message>
        <source>Never flag</source>
        <translation>不标记</translation>
    </message>
    <message>
        <source>Terms that block release, e.g. code names of classified projects: the copy cannot be exported until a reviewer rejects the finding with a reason.</source>
        <translation>阻断发布的词条，如涉密项目代号：在审查人说明理由驳回该发现项之前，不能导出公开副本。</translation>
    </message>
    <message>
        <source>Sensitive wording a reviewer should look at before publishing.</source>
        <translation>公开前需要审查人斟酌的敏感表述。</translation>
    </message>
    <message>
        <source>Names and numbers always removed from the published copy, whatever the profile.</source>
        <translation>无论采用何种策略，公开副本中一律去除的姓名和号码。</translation>
    </message>
    <message>
        <source>Terms never flagged: the agency&apos;s own officials in their public role, place names that look like names. Findings inside them are not shown (a finding that blocks release always is).</source>
        <translation>从不标记的词条：以公职身份出现的本机关人员、形似人名的地名等。位于其中的发现项不再显示（阻断发布的发现项始终显示）。</translation>
    </message>
    <message>
        <source>Type the term to add.</source>
        <translation>请输入要添加的词条。</translation>
    </message>
    <message>
        <source>%1 terms read from %2; press OK to save them.</source>
        <translation>已从 %2 读取 %1 个词条；按“确定”保存。</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
    <message>
        <source>Import term list</source>
        <translation>导入敏感词库</translation>
    </message>
    <message>
        <source>Term lists (*.txt *.xlsx)</source>
        <translation>敏感词库（*.txt *.xlsx）</translation>
    </message>
    <message>
        <source>Export term list</source>
        <translation>导出敏感词库</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;Text (*.txt)</source>
        <translation>Excel 工作簿（*.xlsx）;;文本（*.txt）</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>签名密钥</translation>
    </message>
    <message>
        <source>Each change is signed with your key</source>
        <translation>每项修改都用您的密钥签名</translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation>添加用户(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Roles…</source>
        <translation>修改角色(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>Your password:</source>
        <translation>您的密码：</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <source>Enter your own password first: each change is signed with your key.</source>
        <translation>请先输入您自己的密码：每项修改都用您的密钥签名。</translation>
    </message>
    <message>
        <source>%1 added as %2. They can log in now.</source>
        <translation>已添加 %1（%2），现在即可登录。</translation>
    </message>
    <message>
        <source>Roles of %1: %2.</source>
        <translation>%1 的角色：%2。</translation>
    </message>
    <message>
        <source>Signing…</source>
        <translation>正在签名…</translation>
    </message>
    <message>
        <source>%1 enabled: they can log in again.</source>
        <translation>已启用 %1：可以重新登录。</translation>
    </message>
    <message>
        <source>%1 disabled: they can no longer log in or act, also in an open window.</source>
        <translation>已停用 %1：不能再登录或操作，已打开的窗口中也不能。</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Confidentiality review before publication</source>
        <translation>政府信息公开前保密审查</translation>
    </message>
    <message>
        <source>Drop a .docx, .pdf or .txt document here, or press Ctrl+O to open one. Press F1 for the keyboard shortcuts.</source>
        <translation>将 .docx、.pdf 或 .txt 文档拖到此处，或按 Ctrl+O 打开。按 F1 查看快捷键。</translation>
    </message>
    <message>
        <source>Open document…</source>
        <translation>打开文档…</translation>
    </message>
    <message>
        <source>Recent files</source>
        <translation>最近打开</translation>
    </message>
</context>
<context>
    <name>WorkflowController</name>
    <message>
        <source>Log in / switch &amp;user…</source>
        <translation>登录/切换用户(&amp;U)…</translation>
    </message>
    <message>
        <source>Users…</source>
        <translation>用户…</translation>
    </message>
    <message>
        <source>Submit for sign-off</source>
        <translation>提交审核</translation>
    </message>
    <message>
        <source>Sign o&amp;ff…</source>
        <translation>审核签发(&amp;F)…</translation>
    </message>
    <message>
        <source>Disclosure a&amp;ttribute…</source>
        <translation>公开属性认定(&amp;T)…</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>公开属性</translation>
    </message>
    <message>
        <source>Su&amp;bmit for sign-off</source>
        <translation>提交审核(&amp;B)</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Sign off</source>
        <translation>审核签发</translation>
    </message>
    <message>
        <source>Office term li&amp;sts…</source>
        <translation>单位敏感词库(&amp;S)…</translation>
    </message>
    <message>
        <source>Roster re-identification c&amp;heck…</source>
        <translation>名册重识别风险检查(&amp;H)…</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>工作区</translation>
    </message>
    <message>
        <source>Disclosure attribute and sign-off</source>
        <translation>公开属性与审核签发</translation>
    </message>
    <message>
        <source>Audit history</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>Not logged in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>Logged in as %1 (%2): you can read this document; reviewing needs the reviewer role (an administrator gives it under File → Users).</source>
        <translation>已以 %1（%2）登录：可以查看本文档；审查需要“审查人”角色（管理员可在“文件 → 用户”中授予）。</translation>
    </message>
    <message>
        <source>Account %1 created (%2). Add a supervisor for sign-off under File → Users.</source>
        <translation>已创建账号 %1（%2）。签批需要审核人：请在“文件 → 用户”中添加。</translation>
    </message>
    <message>
        <source>Workspace ready</source>
        <translation>工作区已就绪</translation>
    </message>
    <message>
        <source>A supervisor signs off each review and must be someone other than its reviewer.</source>
        <translation>每份审查由审核人签批，审核人须是审查人以外的另一人。</translation>
    </message>
    <message>
        <source>Add users now…</source>
        <translation>现在添加用户…</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <source>Roster re-identification check</source>
        <translation>名册重识别风险检查</translation>
    </message>
    <message>
        <source>No roster found: no table of this document has a column about a person (name, ID number, phone, account, address) and two or more rows.</source>
        <translation>未发现名册：本文档没有含个人信息列（姓名、身份证号、电话、账号、住址）且不少于两行的表格。</translation>
    </message>
    <message>
        <source>Submit this review to a supervisor? %1 of %2 findings are undecided.</source>
        <translation>将本次审查提交审核人？%2 条发现中还有 %1 条未决定。</translation>
    </message>
    <message>
        <source>Chain intact: %1 events, %2 signatures checked</source>
        <translation>审计链完整：%1 条事件，已核验 %2 个签名</translation>
    </message>
    <message>
        <source>Chain damaged: %1</source>
        <translation>审计链已损坏：%1</translation>
    </message>
    <message>
        <source>Undecided findings</source>
        <translation>有未决定的发现项</translation>
    </message>
    <message>
        <source>%1 findings have no decision yet. How should the copy treat them?</source>
        <translation>还有 %1 个发现项未作决定。导出副本时如何处理它们？</translation>
    </message>
    <message>
        <source>Export as decided (leave them as they are)</source>
        <translation>按已作决定导出（未决定的保留原样）</translation>
    </message>
    <message>
        <source>Treat them as accepted (apply the profile)</source>
        <translation>视为采纳（按策略处理）</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>正在导出</translation>
    </message>
    <message>
        <source>Exported: %1</source>
        <translation>已导出：%1</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <source>Term lists saved (version %1); detect again (Ctrl+D) to apply them</source>
        <translation>敏感词库已保存（第 %1 版）；请重新检测（Ctrl+D）以应用</translation>
    </message>
    <message>
        <source>Also changed in the copy:</source>
        <translation>副本中另外还做了以下处理：</translation>
    </message>
</context>
</TS>
