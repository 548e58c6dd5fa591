<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add user</source>
        <translation>Add user</translation>
    </message>
    <message>
        <source>A supervisor signs off reviews and must be someone other than their reviewer. At least 8 characters for the password.</source>
        <translation>A supervisor signs off reviews and must be someone other than their reviewer. At least 8 characters for the password.</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation>Display name:</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>Roles:</translation>
    </message>
    <message>
        <source>Choose at least one role.</source>
        <translation>Choose at least one role.</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Repeat password:</source>
        <translation>Repeat password:</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>AttributeDialog</name>
    <message>
        <source>Disclosure attribute</source>
        <translation>Disclosure attribute</translation>
    </message>
    <message>
        <source>Proactive disclosure</source>
        <translation>Proactive disclosure</translation>
    </message>
    <message>
        <source>Disclosure on request</source>
        <translation>Disclosure on request</translation>
    </message>
    <message>
        <source>Not disclosed</source>
        <translation>Not disclosed</translation>
    </message>
    <message>
        <source>Released after redaction</source>
        <translation>Released after redaction</translation>
    </message>
    <message>
        <source>Use suggestion</source>
        <translation>Use suggestion</translation>
    </message>
    <message>
        <source>Suggested from the findings: %1 (%2)</source>
        <translation>Suggested from the findings: %1 (%2)</translation>
    </message>
    <message>
        <source>Attribute:</source>
        <translation>Attribute:</translation>
    </message>
    <message>
        <source>Legal basis:</source>
        <translation>Legal basis:</translation>
    </message>
    <message>
        <source>Rationale:</source>
        <translation>Rationale:</translation>
    </message>
    <message>
        <source>Drafting unit:</source>
        <translation>Drafting unit:</translation>
    </message>
    <message>
        <source>Determined by:</source>
        <translation>Determined by:</translation>
    </message>
    <message>
        <source>Wording judgment:</source>
        <translation>Wording judgment:</translation>
    </message>
    <message>
        <source>Timing judgment:</source>
        <translation>Timing judgment:</translation>
    </message>
    <message>
        <source>Channel and scope:</source>
        <translation>Channel and scope:</translation>
    </message>
    <message>
        <source>Wording: %1</source>
        <translation>Wording: %1</translation>
    </message>
    <message>
        <source>Timing: %1</source>
        <translation>Timing: %1</translation>
    </message>
    <message>
        <source>Channel: %1</source>
        <translation>Channel: %1</translation>
    </message>
</context>
<context>
    <name>AttributePanel</name>
    <message>
        <source>Returned for rework: %1</source>
        <translation>Returned for rework: %1</translation>
    </message>
    <message>
        <source>Not recorded yet</source>
        <translation>Not recorded yet</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Attribute:</source>
        <translation>Attribute:</translation>
    </message>
    <message>
        <source>Legal basis:</source>
        <translation>Legal basis:</translation>
    </message>
    <message>
        <source>Rationale:</source>
        <translation>Rationale:</translation>
    </message>
    <message>
        <source>Determined by:</source>
        <translation>Determined by:</translation>
    </message>
    <message>
        <source>Attribute…</source>
        <translation>Attribute…</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>Sign off…</source>
        <translation>Sign off…</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>Document imported</source>
        <translation>Document imported</translation>
    </message>
    <message>
        <source>Document kind changed</source>
        <translation>Document kind changed</translation>
    </message>
    <message>
        <source>Decision recorded</source>
        <translation>Decision recorded</translation>
    </message>
    <message>
        <source>Decision undone</source>
        <translation>Decision undone</translation>
    </message>
    <message>
        <source>Decision redone</source>
        <translation>Decision redone</translation>
    </message>
    <message>
        <source>Manual finding added</source>
        <translation>Manual finding added</translation>
    </message>
    <message>
        <source>Finding removed</source>
        <translation>Finding removed</translation>
    </message>
    <message>
        <source>Finding restored</source>
        <translation>Finding restored</translation>
    </message>
    <message>
        <source>Attribute recorded</source>
        <translation>Attribute recorded</translation>
    </message>
    <message>
        <source>Review started</source>
        <translation>Review started</translation>
    </message>
    <message>
        <source>Submitted for sign-off</source>
        <translation>Submitted for sign-off</translation>
    </message>
    <message>
        <source>Approved and signed</source>
        <translation>Approved and signed</translation>
    </message>
    <message>
        <source>Returned for rework</source>
        <translation>Returned for rework</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>Released</translation>
    </message>
    <message>
        <source>Verified export</source>
        <translation>Verified export</translation>
    </message>
    <message>
        <source>User created</source>
        <translation>User created</translation>
    </message>
    <message>
        <source>Checked out</source>
        <translation>Checked out</translation>
    </message>
    <message>
        <source>Checkout taken over</source>
        <translation>Checkout taken over</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <source>Workspace migrated</source>
        <translation>Workspace migrated</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>accepted</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>span edited</source>
        <translation>span edited</translation>
    </message>
    <message>
        <source>reason: %1</source>
        <translation>reason: %1</translation>
    </message>
    <message>
        <source>comment: %1</source>
        <translation>comment: %1</translation>
    </message>
    <message>
        <source>%1 findings</source>
        <translation>%1 findings</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>note: %1</translation>
    </message>
    <message>
        <source>exported despite markings: %1</source>
        <translation>exported despite markings: %1</translation>
    </message>
</context>
<context>
    <name>AuditPanel</name>
    <message>
        <source>signed</source>
        <translation>signed</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Time (UTC)</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Actor</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>Verify chain</translation>
    </message>
</context>
<context>
    <name>BatchQueueDialog</name>
    <message>
        <source>Batch queue</source>
        <translation>Batch queue</translation>
    </message>
    <message>
        <source>Batch:</source>
        <translation>Batch:</translation>
    </message>
    <message>
        <source>Open (Enter)</source>
        <translation>Open (Enter)</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risk</translation>
    </message>
    <message>
        <source>Markings</source>
        <translation>Markings</translation>
    </message>
    <message>
        <source>To act on</source>
        <translation>To act on</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Open in the app</source>
        <translation>Open in the app</translation>
    </message>
    <message>
        <source>Safe to publish: nothing detected to act on</source>
        <translation>Safe to publish: nothing detected to act on</translation>
    </message>
    <message>
        <source>Refused file: get a readable copy</source>
        <translation>Refused file: get a readable copy</translation>
    </message>
    <message>
        <source>Not processed yet</source>
        <translation>Not processed yet</translation>
    </message>
    <message>
        <source>Blocks release: 密级 marking, secrecy statement or blocked term</source>
        <translation>Blocks release: 密级 marking, secrecy statement or blocked term</translation>
    </message>
    <message>
        <source>Checksummed identifiers</source>
        <translation>Checksummed identifiers</translation>
    </message>
    <message>
        <source>Names and addresses</source>
        <translation>Names and addresses</translation>
    </message>
    <message>
        <source>Other content to decide</source>
        <translation>Other content to decide</translation>
    </message>
    <message>
        <source>Nothing detected to act on</source>
        <translation>Nothing detected to act on</translation>
    </message>
    <message>
        <source>Refused or failed</source>
        <translation>Refused or failed</translation>
    </message>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>unreadable</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>duplicate</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>queued</translation>
    </message>
    <message>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <source>No batch in this workspace yet: run `reviewer batch`.</source>
        <translation>No batch in this workspace yet: run `reviewer batch`.</translation>
    </message>
    <message>
        <source>%1 of %2 done · %3 documents/s · about %4 left · %5 failed</source>
        <translation>%1 of %2 done · %3 documents/s · about %4 left · %5 failed</translation>
    </message>
    <message>
        <source>All %1 documents done · %2 failed or unreadable</source>
        <translation>All %1 documents done · %2 failed or unreadable</translation>
    </message>
    <message>
        <source>This document has no result to review: %1</source>
        <translation>This document has no result to review: %1</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>Opening %1</translation>
    </message>
</context>
<context>
    <name>BatchQueueLauncher</name>
    <message>
        <source>&amp;Batch queue…</source>
        <translation>&amp;Batch queue…</translation>
    </message>
    <message>
        <source>Next document in the batch queue</source>
        <translation>Next document in the batch queue</translation>
    </message>
    <message>
        <source>Previous document in the batch queue</source>
        <translation>Previous document in the batch queue</translation>
    </message>
</context>
<context>
    <name>Bulk</name>
    <message>
        <source>Accept %1 selected</source>
        <translation>Accept %1 selected</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>Reject %1 selected…</source>
        <translation>Reject %1 selected…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Reject…</translation>
    </message>
    <message>
        <source>Accept with</source>
        <translation>Accept with</translation>
    </message>
    <message>
        <source>Every “%1” (%2)</source>
        <translation>Every “%1” (%2)</translation>
    </message>
    <message>
        <source>Accept every occurrence</source>
        <translation>Accept every occurrence</translation>
    </message>
    <message>
        <source>Reject every occurrence…</source>
        <translation>Reject every occurrence…</translation>
    </message>
    <message>
        <source>Select them</source>
        <translation>Select them</translation>
    </message>
    <message>
        <source>All undecided “%1” (%2)</source>
        <translation>All undecided “%1” (%2)</translation>
    </message>
    <message>
        <source>Accept them</source>
        <translation>Accept them</translation>
    </message>
    <message>
        <source>Reject them…</source>
        <translation>Reject them…</translation>
    </message>
    <message>
        <source>All undecided on page %1 (%2)</source>
        <translation>All undecided on page %1 (%2)</translation>
    </message>
    <message>
        <source>Edit span…</source>
        <translation>Edit span…</translation>
    </message>
    <message>
        <source>Accept all</source>
        <translation>Accept all</translation>
    </message>
    <message>
        <source>Reject all…</source>
        <translation>Reject all…</translation>
    </message>
    <message>
        <source>Accept as</source>
        <translation>Accept as</translation>
    </message>
    <message>
        <source>This document has no pages: choose another scope.</source>
        <translation>This document has no pages: choose another scope.</translation>
    </message>
    <message>
        <source>Nothing in this scope.</source>
        <translation>Nothing in this scope.</translation>
    </message>
    <message>
        <source>%1 findings in scope. Each click is one step: Ctrl+Z undoes it.</source>
        <translation>%1 findings in scope. Each click is one step: Ctrl+Z undoes it.</translation>
    </message>
    <message>
        <source>Whole document</source>
        <translation>Whole document</translation>
    </message>
    <message>
        <source>Page of the current finding</source>
        <translation>Page of the current finding</translation>
    </message>
    <message>
        <source>Selected rows</source>
        <translation>Selected rows</translation>
    </message>
    <message>
        <source>Scope:</source>
        <translation>Scope:</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Undecided only</source>
        <translation>Undecided only</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <source>possible name (candidate)</source>
        <translation>possible name (candidate)</translation>
    </message>
    <message>
        <source>Score %1.</source>
        <translation>Score %1.</translation>
    </message>
    <message>
        <source>follows the decision on the same value</source>
        <translation>follows the decision on the same value</translation>
    </message>
    <message>
        <source>reason: %1</source>
        <translation>reason: %1</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>note: %1</translation>
    </message>
    <message>
        <source>Nothing: the text stays as printed.</source>
        <translation>Nothing: the text stays as printed.</translation>
    </message>
    <message>
        <source>%1 if accepted (the profile&apos;s operator)</source>
        <translation>%1 if accepted (the profile&apos;s operator)</translation>
    </message>
    <message>
        <source>legal basis %1</source>
        <translation>legal basis %1</translation>
    </message>
    <message>
        <source>being recomputed…</source>
        <translation>being recomputed…</translation>
    </message>
    <message>
        <source>Changes anyway: %1. The same text goes elsewhere and this place cannot be told apart.</source>
        <translation>Changes anyway: %1. The same text goes elsewhere and this place cannot be told apart.</translation>
    </message>
    <message>
        <source>Stays as printed.</source>
        <translation>Stays as printed.</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Text:</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>Where:</translation>
    </message>
    <message>
        <source>Found:</source>
        <translation>Found:</translation>
    </message>
    <message>
        <source>Checked:</source>
        <translation>Checked:</translation>
    </message>
    <message>
        <source>Context:</source>
        <translation>Context:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>Decision:</translation>
    </message>
    <message>
        <source>Applies:</source>
        <translation>Applies:</translation>
    </message>
    <message>
        <source>In the copy:</source>
        <translation>In the copy:</translation>
    </message>
    <message>
        <source>Select a finding to see why it was reported and what the copy will hold.</source>
        <translation>Select a finding to see why it was reported and what the copy will hold.</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>Personal</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Restricted</source>
        <translation>Restricted</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Undecided</source>
        <translation>Undecided</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>An unexpected error occurred (%1). Please report it to the administrator.</source>
        <translation>An unexpected error occurred (%1). Please report it to the administrator.</translation>
    </message>
    <message>
        <source>Cannot continue</source>
        <translation>Cannot continue</translation>
    </message>
</context>
<context>
    <name>Explanation</name>
    <message>
        <source>Completed to the same name found elsewhere in the document.</source>
        <translation>Completed to the same name found elsewhere in the document.</translation>
    </message>
    <message>
        <source>Marked by the reviewer.</source>
        <translation>Marked by the reviewer.</translation>
    </message>
    <message>
        <source>Another occurrence of a value that is removed elsewhere: the copy replaces every occurrence of a removed value.</source>
        <translation>Another occurrence of a value that is removed elsewhere: the copy replaces every occurrence of a removed value.</translation>
    </message>
    <message>
        <source>Possible name: a low-score candidate. The copy changes it only if you accept it.</source>
        <translation>Possible name: a low-score candidate. The copy changes it only if you accept it.</translation>
    </message>
    <message>
        <source>Found by the language model (%1).</source>
        <translation>Found by the language model (%1).</translation>
    </message>
    <message>
        <source>Matched the pattern “%1”.</source>
        <translation>Matched the pattern “%1”.</translation>
    </message>
    <message>
        <source>Matched the pattern of a %1.</source>
        <translation>Matched the pattern of a %1.</translation>
    </message>
    <message>
        <source>Its check digit or format was verified.</source>
        <translation>Its check digit or format was verified.</translation>
    </message>
    <message>
        <source>Its check failed (perhaps a typing error): reported with a lower score.</source>
        <translation>Its check failed (perhaps a typing error): reported with a lower score.</translation>
    </message>
    <message>
        <source>Found by the restricted-content rules (%1).</source>
        <translation>Found by the restricted-content rules (%1).</translation>
    </message>
    <message>
        <source>The word “%1” nearby raised the score from %2 to %3.</source>
        <translation>The word “%1” nearby raised the score from %2 to %3.</translation>
    </message>
    <message>
        <source>The word “%1” nearby supports it.</source>
        <translation>The word “%1” nearby supports it.</translation>
    </message>
    <message>
        <source>in the document head</source>
        <translation>in the document head</translation>
    </message>
    <message>
        <source>in a page header or footer</source>
        <translation>in a page header or footer</translation>
    </message>
    <message>
        <source>in the body text</source>
        <translation>in the body text</translation>
    </message>
    <message>
        <source>in a comment, note or property</source>
        <translation>in a comment, note or property</translation>
    </message>
    <message>
        <source>placed as %1 prescribes</source>
        <translation>placed as %1 prescribes</translation>
    </message>
    <message>
        <source>classification level “%1”</source>
        <translation>classification level “%1”</translation>
    </message>
    <message>
        <source>period “%1”</source>
        <translation>period “%1”</translation>
    </message>
    <message>
        <source>proactive disclosure</source>
        <translation>proactive disclosure</translation>
    </message>
    <message>
        <source>disclosure on request</source>
        <translation>disclosure on request</translation>
    </message>
    <message>
        <source>not disclosed</source>
        <translation>not disclosed</translation>
    </message>
    <message>
        <source>released after redaction</source>
        <translation>released after redaction</translation>
    </message>
    <message>
        <source>printed disclosure attribute “%1” (%2)</source>
        <translation>printed disclosure attribute “%1” (%2)</translation>
    </message>
    <message>
        <source>belongs to %1</source>
        <translation>belongs to %1</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>De-identified copy (verified before it is written)</source>
        <translation>De-identified copy (verified before it is written)</translation>
    </message>
    <message>
        <source>The original file is never changed. A copy is written only after an independent check finds none of the removed values left in any part of it. That check covers the removed values: what detection did not find is not covered.</source>
        <translation>The original file is never changed. A copy is written only after an independent check finds none of the removed values left in any part of it. That check covers the removed values: what detection did not find is not covered.</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <source>Review log:</source>
        <translation>Review log:</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>Export folder</translation>
    </message>
</context>
<context>
    <name>ExportNotes</name>
    <message>
        <source>%1 values replaced in the text.</source>
        <translation>%1 values replaced in the text.</translation>
    </message>
    <message>
        <source>%1 values replaced in the page&apos;s text, comments, attributes and scripts.</source>
        <translation>%1 values replaced in the page&apos;s text, comments, attributes and scripts.</translation>
    </message>
    <message>
        <source>%1 values replaced (written as %2).</source>
        <translation>%1 values replaced (written as %2).</translation>
    </message>
    <message>
        <source>The %1 file was converted to docx by %2: the copy is a docx, the original is unchanged.</source>
        <translation>The %1 file was converted to docx by %2: the copy is a docx, the original is unchanged.</translation>
    </message>
    <message>
        <source>%1 characters removed from the pages&apos; content (pages %2).</source>
        <translation>%1 characters removed from the pages&apos; content (pages %2).</translation>
    </message>
    <message>
        <source>%1 values replaced in the metadata, bookmarks and links.</source>
        <translation>%1 values replaced in the metadata, bookmarks and links.</translation>
    </message>
    <message>
        <source>Tracked changes accepted: %1 insertions kept, %2 deletions dropped.</source>
        <translation>Tracked changes accepted: %1 insertions kept, %2 deletions dropped.</translation>
    </message>
    <message>
        <source>%1 comments removed.</source>
        <translation>%1 comments removed.</translation>
    </message>
    <message>
        <source>%1 preview pictures of embedded objects blanked (they showed removed values; Word redraws them when the object is opened).</source>
        <translation>%1 preview pictures of embedded objects blanked (they showed removed values; Word redraws them when the object is opened).</translation>
    </message>
    <message>
        <source>Metadata (EXIF/GPS position, XMP, comments) removed from %1 pictures.</source>
        <translation>Metadata (EXIF/GPS position, XMP, comments) removed from %1 pictures.</translation>
    </message>
    <message>
        <source>%1 imported HTML/RTF/text chunks turned into plain paragraphs: check the layout.</source>
        <translation>%1 imported HTML/RTF/text chunks turned into plain paragraphs: check the layout.</translation>
    </message>
    <message>
        <source>Parts removed from the file: %1.</source>
        <translation>Parts removed from the file: %1.</translation>
    </message>
    <message>
        <source>%1 author or contact entries of the page&apos;s &lt;meta&gt; emptied.</source>
        <translation>%1 author or contact entries of the page&apos;s &lt;meta&gt; emptied.</translation>
    </message>
    <message>
        <source>%1 pictures in the web archive lost their metadata.</source>
        <translation>%1 pictures in the web archive lost their metadata.</translation>
    </message>
    <message>
        <source>Linked files (pictures, the page&apos;s _files folder) are not part of the copy: check them before publishing them with it.</source>
        <translation>Linked files (pictures, the page&apos;s _files folder) are not part of the copy: check them before publishing them with it.</translation>
    </message>
    <message>
        <source>%1 characters removed from the text, %2 opaque boxes drawn where they were.</source>
        <translation>%1 characters removed from the text, %2 opaque boxes drawn where they were.</translation>
    </message>
    <message>
        <source>%1 attachments removed (they held removed values, or content that cannot be checked).</source>
        <translation>%1 attachments removed (they held removed values, or content that cannot be checked).</translation>
    </message>
    <message>
        <source>%1 custom tags (structured fields such as an invoice&apos;s buyer) removed: they held removed values.</source>
        <translation>%1 custom tags (structured fields such as an invoice&apos;s buyer) removed: they held removed values.</translation>
    </message>
    <message>
        <source>Document information removed: %1.</source>
        <translation>Document information removed: %1.</translation>
    </message>
    <message>
        <source>%1 electronic signatures and seals removed: the copy no longer matches what was signed; sign the published copy again if it needs a seal.</source>
        <translation>%1 electronic signatures and seals removed: the copy no longer matches what was signed; sign the published copy again if it needs a seal.</translation>
    </message>
    <message>
        <source>Pages %1 re-rendered as images (their text layer is gone).</source>
        <translation>Pages %1 re-rendered as images (their text layer is gone).</translation>
    </message>
    <message>
        <source>Pages %1: redactions lie on images (scans); the boxes follow the OCR text layer, check those pages visually.</source>
        <translation>Pages %1: redactions lie on images (scans); the boxes follow the OCR text layer, check those pages visually.</translation>
    </message>
    <message>
        <source>%1 annotations removed.</source>
        <translation>%1 annotations removed.</translation>
    </message>
    <message>
        <source>%1 replacement characters that %2 cannot hold were written as *.</source>
        <translation>%1 replacement characters that %2 cannot hold were written as *.</translation>
    </message>
    <message>
        <source>%1 cells and %2 shared strings de-identified, %3 other replacements.</source>
        <translation>%1 cells and %2 shared strings de-identified, %3 other replacements.</translation>
    </message>
    <message>
        <source>%1 cell values de-identified.</source>
        <translation>%1 cell values de-identified.</translation>
    </message>
    <message>
        <source>%1 formulas that computed from removed values were replaced by their values.</source>
        <translation>%1 formulas that computed from removed values were replaced by their values.</translation>
    </message>
    <message>
        <source>%1 comment parts removed (notes and threaded comments).</source>
        <translation>%1 comment parts removed (notes and threaded comments).</translation>
    </message>
    <message>
        <source>Hidden sheets removed: %1.</source>
        <translation>Hidden sheets removed: %1.</translation>
    </message>
    <message>
        <source>Hidden sheets kept and de-identified like the others: %1.</source>
        <translation>Hidden sheets kept and de-identified like the others: %1.</translation>
    </message>
    <message>
        <source>%1 pivot caches: their source records removed; the pivot tables refresh from the de-identified sheet when opened (%2 unused item lists emptied).</source>
        <translation>%1 pivot caches: their source records removed; the pivot tables refresh from the de-identified sheet when opened (%2 unused item lists emptied).</translation>
    </message>
    <message>
        <source>%1 external links: the values cached from the linked workbooks removed.</source>
        <translation>%1 external links: the values cached from the linked workbooks removed.</translation>
    </message>
    <message>
        <source>Macros (VBA) removed: the copy is an ordinary xlsx workbook.</source>
        <translation>Macros (VBA) removed: the copy is an ordinary xlsx workbook.</translation>
    </message>
    <message>
        <source>Converted from Excel 97-2003 (.xls) to xlsx: values, sheets, merged cells, column widths, hidden rows, columns and sheets, headers and footers are carried over; cell formatting (fonts, fills, borders, number formats other than dates), comments, formulas (their values are kept), charts, pictures, pivot tables and macros are not.</source>
        <translation>Converted from Excel 97-2003 (.xls) to xlsx: values, sheets, merged cells, column widths, hidden rows, columns and sheets, headers and footers are carried over; cell formatting (fonts, fills, borders, number formats other than dates), comments, formulas (their values are kept), charts, pictures, pivot tables and macros are not.</translation>
    </message>
    <message>
        <source>Pictures read by OCR (mean confidence): %1.</source>
        <translation>Pictures read by OCR (mean confidence): %1.</translation>
    </message>
    <message>
        <source>%1 pictures painted over where removed values were read, saved again without metadata: %2.</source>
        <translation>%1 pictures painted over where removed values were read, saved again without metadata: %2.</translation>
    </message>
    <message>
        <source>Pages %1 turned into images with %2 removed characters painted over (their original pictures and content are gone); an invisible text layer keeps their other text searchable.</source>
        <translation>Pages %1 turned into images with %2 removed characters painted over (their original pictures and content are gone); an invisible text layer keeps their other text searchable.</translation>
    </message>
    <message>
        <source>Read again by OCR (mean confidence), no removed value read there: %1. Text OCR cannot read (handwriting, stamps) is not checked: look at the pictures.</source>
        <translation>Read again by OCR (mean confidence), no removed value read there: %1. Text OCR cannot read (handwriting, stamps) is not checked: look at the pictures.</translation>
    </message>
    <message>
        <source>Pictures OCR could not read, not checked: %1.</source>
        <translation>Pictures OCR could not read, not checked: %1.</translation>
    </message>
    <message>
        <source>Not checked: %1</source>
        <translation>Not checked: %1</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>All decisions</source>
        <translation>All decisions</translation>
    </message>
    <message>
        <source>Search findings</source>
        <translation>Search findings</translation>
    </message>
    <message>
        <source>%1 findings · %2 undecided · %3 shown</source>
        <translation>%1 findings · %2 undecided · %3 shown</translation>
    </message>
    <message>
        <source>%1 selected</source>
        <translation>%1 selected</translation>
    </message>
</context>
<context>
    <name>FindingsTableModel</name>
    <message>
        <source>p. %1</source>
        <translation>p. %1</translation>
    </message>
    <message>
        <source>l. %1</source>
        <translation>l. %1</translation>
    </message>
    <message>
        <source>header</source>
        <translation>header</translation>
    </message>
    <message>
        <source>footer</source>
        <translation>footer</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>comment</translation>
    </message>
    <message>
        <source>footnote</source>
        <translation>footnote</translation>
    </message>
    <message>
        <source>endnote</source>
        <translation>endnote</translation>
    </message>
    <message>
        <source>text box</source>
        <translation>text box</translation>
    </message>
    <message>
        <source>table</source>
        <translation>table</translation>
    </message>
    <message>
        <source>properties</source>
        <translation>properties</translation>
    </message>
    <message>
        <source>annotation</source>
        <translation>annotation</translation>
    </message>
    <message>
        <source>bookmark</source>
        <translation>bookmark</translation>
    </message>
    <message>
        <source>embedded file</source>
        <translation>embedded file</translation>
    </message>
    <message>
        <source>link</source>
        <translation>link</translation>
    </message>
    <message>
        <source>alt text</source>
        <translation>alt text</translation>
    </message>
    <message>
        <source>chart</source>
        <translation>chart</translation>
    </message>
    <message>
        <source>SmartArt</source>
        <translation>SmartArt</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>In the copy</source>
        <translation>In the copy</translation>
    </message>
    <message>
        <source>%1 (possible)</source>
        <translation>%1 (possible)</translation>
    </message>
    <message>
        <source>%1 (same value)</source>
        <translation>%1 (same value)</translation>
    </message>
    <message>
        <source>⚠ changes anyway: %1</source>
        <translation>⚠ changes anyway: %1</translation>
    </message>
    <message>
        <source>stays</source>
        <translation>stays</translation>
    </message>
    <message>
        <source>Possible name: a low-score candidate; the copy changes it only if you accept it.</source>
        <translation>Possible name: a low-score candidate; the copy changes it only if you accept it.</translation>
    </message>
    <message>
        <source>In the copy: %1</source>
        <translation>In the copy: %1</translation>
    </message>
    <message>
        <source>Operator: %1</source>
        <translation>Operator: %1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
</context>
<context>
    <name>KindPanel</name>
    <message>
        <source>Detect the document to recognise its kind.</source>
        <translation>Detect the document to recognise its kind.</translation>
    </message>
    <message>
        <source>(by document kind)</source>
        <translation>(by document kind)</translation>
    </message>
    <message>
        <source>(chosen in Settings)</source>
        <translation>(chosen in Settings)</translation>
    </message>
    <message>
        <source>Document kind:</source>
        <translation>Document kind:</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Profile:</translation>
    </message>
    <message>
        <source>The kind chooses the default de-identification profile; change it if the recognised kind is wrong.</source>
        <translation>The kind chooses the default de-identification profile; change it if the recognised kind is wrong.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>ID card number</source>
        <translation>ID card number</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Mobile phone</translation>
    </message>
    <message>
        <source>Landline phone</source>
        <translation>Landline phone</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>E-mail address</translation>
    </message>
    <message>
        <source>Bank card / account</source>
        <translation>Bank card / account</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>Licence plate</source>
        <translation>Licence plate</translation>
    </message>
    <message>
        <source>Passport number</source>
        <translation>Passport number</translation>
    </message>
    <message>
        <source>HK/Macao permit</source>
        <translation>HK/Macao permit</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP address</translation>
    </message>
    <message>
        <source>QQ number</source>
        <translation>QQ number</translation>
    </message>
    <message>
        <source>WeChat ID</source>
        <translation>WeChat ID</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Sensitive personal information</source>
        <translation>Sensitive personal information</translation>
    </message>
    <message>
        <source>Personal name</source>
        <translation>Personal name</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Classification marking</source>
        <translation>Classification marking</translation>
    </message>
    <message>
        <source>Copy number</source>
        <translation>Copy number</translation>
    </message>
    <message>
        <source>Urgency marking</source>
        <translation>Urgency marking</translation>
    </message>
    <message>
        <source>State-secret statement</source>
        <translation>State-secret statement</translation>
    </message>
    <message>
        <source>Work secret</source>
        <translation>Work secret</translation>
    </message>
    <message>
        <source>Internal use only</source>
        <translation>Internal use only</translation>
    </message>
    <message>
        <source>Process information</source>
        <translation>Process information</translation>
    </message>
    <message>
        <source>Disclosure note</source>
        <translation>Disclosure note</translation>
    </message>
    <message>
        <source>Manual finding</source>
        <translation>Manual finding</translation>
    </message>
    <message>
        <source>Personal information</source>
        <translation>Personal information</translation>
    </message>
    <message>
        <source>Restricted content</source>
        <translation>Restricted content</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Blocks release</source>
        <translation>Blocks release</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Needs review</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Mask</source>
        <translation>Mask</translation>
    </message>
    <message>
        <source>Pseudonym (某)</source>
        <translation>Pseudonym (某)</translation>
    </message>
    <message>
        <source>Generalise</source>
        <translation>Generalise</translation>
    </message>
    <message>
        <source>Redact</source>
        <translation>Redact</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Keyed hash</source>
        <translation>Keyed hash</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>Listed term: blocks release</source>
        <translation>Listed term: blocks release</translation>
    </message>
    <message>
        <source>Listed term: sensitive wording</source>
        <translation>Listed term: sensitive wording</translation>
    </message>
    <message>
        <source>Listed term: always removed</source>
        <translation>Listed term: always removed</translation>
    </message>
    <message>
        <source>Former name of a body</source>
        <translation>Former name of a body</translation>
    </message>
    <message>
        <source>Draft status</source>
        <translation>Draft status</translation>
    </message>
    <message>
        <source>Absolute commitment</source>
        <translation>Absolute commitment</translation>
    </message>
    <message>
        <source>Document number year</source>
        <translation>Document number year</translation>
    </message>
    <message>
        <source>Date after today</source>
        <translation>Date after today</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Effective date</source>
        <translation>Effective date</translation>
    </message>
    <message>
        <source>Embargo</source>
        <translation>Embargo</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>Undecided</source>
        <translation>Undecided</translation>
    </message>
    <message>
        <source>Accepted: removed</source>
        <translation>Accepted: removed</translation>
    </message>
    <message>
        <source>Rejected: stays</source>
        <translation>Rejected: stays</translation>
    </message>
    <message>
        <source>Marked by hand</source>
        <translation>Marked by hand</translation>
    </message>
    <message>
        <source>Same value elsewhere</source>
        <translation>Same value elsewhere</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Create the administrator</source>
        <translation>Create the administrator</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>This workspace has no users yet. Create the first account: it administers the workspace (adds users) and, if you review documents yourself, reviews too.</source>
        <translation>This workspace has no users yet. Create the first account: it administers the workspace (adds users) and, if you review documents yourself, reviews too.</translation>
    </message>
    <message>
        <source>Log in to record decisions in the workspace.</source>
        <translation>Log in to record decisions in the workspace.</translation>
    </message>
    <message>
        <source>I also review documents with this account (reviewer role)</source>
        <translation>I also review documents with this account (reviewer role)</translation>
    </message>
    <message>
        <source>Sign-off needs a supervisor who is someone else: add them afterwards under File → Users.</source>
        <translation>Sign-off needs a supervisor who is someone else: add them afterwards under File → Users.</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Repeat password:</source>
        <translation>Repeat password:</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>&amp;Detect</source>
        <translation>&amp;Detect</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Accept</translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation>&amp;Reject…</translation>
    </message>
    <message>
        <source>&amp;Edit span…</source>
        <translation>&amp;Edit span…</translation>
    </message>
    <message>
        <source>Add &amp;manual finding…</source>
        <translation>Add &amp;manual finding…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xport…</translation>
    </message>
    <message>
        <source>Keyboard &amp;shortcuts</source>
        <translation>Keyboard &amp;shortcuts</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>%1 findings · %2 undecided</source>
        <translation>%1 findings · %2 undecided</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Detect</translation>
    </message>
    <message>
        <source>&amp;Next finding</source>
        <translation>&amp;Next finding</translation>
    </message>
    <message>
        <source>&amp;Previous finding</source>
        <translation>&amp;Previous finding</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Accept every occurrence of this &amp;value</source>
        <translation>Accept every occurrence of this &amp;value</translation>
    </message>
    <message>
        <source>Reject every occurrence of this va&amp;lue…</source>
        <translation>Reject every occurrence of this va&amp;lue…</translation>
    </message>
    <message>
        <source>Edit span</source>
        <translation>Edit span</translation>
    </message>
    <message>
        <source>Add finding</source>
        <translation>Add finding</translation>
    </message>
    <message>
        <source>Bul&amp;k actions menu</source>
        <translation>Bul&amp;k actions menu</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Red&amp;o</source>
        <translation>Red&amp;o</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;in</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom &amp;out</translation>
    </message>
    <message>
        <source>Fit &amp;width</source>
        <translation>Fit &amp;width</translation>
    </message>
    <message>
        <source>Fit &amp;page</source>
        <translation>Fit &amp;page</translation>
    </message>
    <message>
        <source>&amp;Actual size (100 %)</source>
        <translation>&amp;Actual size (100 %)</translation>
    </message>
    <message>
        <source>&amp;Cancel task</source>
        <translation>&amp;Cancel task</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Recent files</source>
        <translation>Recent files</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>Decide in bulk</source>
        <translation>Decide in bulk</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>Original: %1</source>
        <translation>Original: %1</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Disclosure Review Workstation</source>
        <translation>Disclosure Review Workstation</translation>
    </message>
    <message>
        <source>Detection engine unavailable</source>
        <translation>Detection engine unavailable</translation>
    </message>
    <message>
        <source>Engine ready</source>
        <translation>Engine ready</translation>
    </message>
    <message>
        <source>Loading detection engine…</source>
        <translation>Loading detection engine…</translation>
    </message>
    <message>
        <source>Open document</source>
        <translation>Open document</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>Opening %1</translation>
    </message>
    <message>
        <source>%1 opened</source>
        <translation>%1 opened</translation>
    </message>
    <message>
        <source>Detecting in %1</source>
        <translation>Detecting in %1</translation>
    </message>
    <message>
        <source>Waiting for the engine, then detecting</source>
        <translation>Waiting for the engine, then detecting</translation>
    </message>
    <message>
        <source>Saving findings</source>
        <translation>Saving findings</translation>
    </message>
    <message>
        <source>Detection done: %1 findings</source>
        <translation>Detection done: %1 findings</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Failed: %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Documents (%1)</source>
        <translation>Documents (%1)</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Export refused: classified content</source>
        <translation>Export refused: classified content</translation>
    </message>
    <message>
        <source>Why this copy must be exported anyway (recorded in the audit log)</source>
        <translation>Why this copy must be exported anyway (recorded in the audit log)</translation>
    </message>
    <message>
        <source>Export anyway with this reason</source>
        <translation>Export anyway with this reason</translation>
    </message>
    <message>
        <source>Write a reason to enable the override.</source>
        <translation>Write a reason to enable the override.</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Reason:</translation>
    </message>
</context>
<context>
    <name>PolicyActions</name>
    <message>
        <source>Partial-disclosure statement</source>
        <translation>Partial-disclosure statement</translation>
    </message>
    <message>
        <source>%1 place(s) withheld for %2 reason(s). Written to:</source>
        <translation>%1 place(s) withheld for %2 reason(s). Written to:</translation>
    </message>
    <message>
        <source>Part&amp;ial-disclosure statement…</source>
        <translation>Part&amp;ial-disclosure statement…</translation>
    </message>
    <message>
        <source>What was withheld and why, for a reply to a request (Regulations art. 37)</source>
        <translation>What was withheld and why, for a reply to a request (Regulations art. 37)</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Footer</source>
        <translation>Footer</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Footnote</source>
        <translation>Footnote</translation>
    </message>
    <message>
        <source>Endnote</source>
        <translation>Endnote</translation>
    </message>
    <message>
        <source>Text box</source>
        <translation>Text box</translation>
    </message>
    <message>
        <source>Document property</source>
        <translation>Document property</translation>
    </message>
    <message>
        <source>Annotation</source>
        <translation>Annotation</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>Bookmark</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <source>Link target</source>
        <translation>Link target</translation>
    </message>
    <message>
        <source>Alt text</source>
        <translation>Alt text</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Chart</translation>
    </message>
    <message>
        <source>SmartArt</source>
        <translation>SmartArt</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Preview of the copy (as exported)</source>
        <translation>Preview of the copy (as exported)</translation>
    </message>
    <message>
        <source>Preview of the copy, page %1 (as exported)</source>
        <translation>Preview of the copy, page %1 (as exported)</translation>
    </message>
</context>
<context>
    <name>ReidDialog</name>
    <message>
        <source>Roster re-identification check</source>
        <translation>Roster re-identification check</translation>
    </message>
    <message>
        <source>The check reads the tables as the copy would publish them with the current decisions. A generalisation step here only shows its effect on the check; the export follows the decisions and the profile: to publish a column less precisely, change the operator of its findings or the profile&apos;s roster section, then check again.</source>
        <translation>The check reads the tables as the copy would publish them with the current decisions. A generalisation step here only shows its effect on the check; the export follows the decisions and the profile: to publish a column less precisely, change the operator of its findings or the profile&apos;s roster section, then check again.</translation>
    </message>
</context>
<context>
    <name>ReidPanel</name>
    <message>
        <source>Mask one more digit</source>
        <translation>Mask one more digit</translation>
    </message>
    <message>
        <source>Generalise this column</source>
        <translation>Generalise this column</translation>
    </message>
    <message>
        <source>No table with a header row to check.</source>
        <translation>No table with a header row to check.</translation>
    </message>
    <message>
        <source>%1 rows; unique: %2; below k = %3: %4; sensitive value disclosed (l below %5): %6 rows</source>
        <translation>%1 rows; unique: %2; below k = %3: %4; sensitive value disclosed (l below %5): %6 rows</translation>
    </message>
    <message>
        <source>No row is below k.</source>
        <translation>No row is below k.</translation>
    </message>
    <message>
        <source>No generalisation helps.</source>
        <translation>No generalisation helps.</translation>
    </message>
    <message>
        <source>Suggested: %1. Then unique: %2; below k: %3</source>
        <translation>Suggested: %1. Then unique: %2; below k: %3</translation>
    </message>
    <message>
        <source>Masked differently in two files (together they show %1 characters): %2 → %3</source>
        <translation>Masked differently in two files (together they show %1 characters): %2 → %3</translation>
    </message>
</context>
<context>
    <name>ReidRowsModel</name>
    <message>
        <source>k (rows alike)</source>
        <translation>k (rows alike)</translation>
    </message>
    <message>
        <source>l (sensitive values)</source>
        <translation>l (sensitive values)</translation>
    </message>
    <message>
        <source>Only %1 row(s) share these values (k below %2): the household can be singled out</source>
        <translation>Only %1 row(s) share these values (k below %2): the household can be singled out</translation>
    </message>
    <message>
        <source>Every row that shares these values has the same sensitive value (l below %1): it is disclosed</source>
        <translation>Every row that shares these values has the same sensitive value (l below %1): it is disclosed</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <source>Reject finding</source>
        <translation>Reject finding</translation>
    </message>
    <message>
        <source>Why does this text stay as it is?</source>
        <translation>Why does this text stay as it is?</translation>
    </message>
    <message>
        <source>Finding:</source>
        <translation>Finding:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Reason:</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <source>Changed by someone else</source>
        <translation>Changed by someone else</translation>
    </message>
    <message>
        <source>Apply my decision</source>
        <translation>Apply my decision</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>Keep theirs</translation>
    </message>
    <message>
        <source>Published as is: the de-identification profile keeps this type</source>
        <translation>Published as is: the de-identification profile keeps this type</translation>
    </message>
    <message>
        <source>Edit span</source>
        <translation>Edit span</translation>
    </message>
    <message>
        <source>Enlarge the finding?</source>
        <translation>Enlarge the finding?</translation>
    </message>
    <message>
        <source>The new span also covers “%1”, which will be removed from the copy too. Enlarge the finding?</source>
        <translation>The new span also covers “%1”, which will be removed from the copy too. Enlarge the finding?</translation>
    </message>
    <message>
        <source>Add finding</source>
        <translation>Add finding</translation>
    </message>
    <message>
        <source>Accepted %1 findings in one step (Ctrl+Z undoes it)</source>
        <translation>Accepted %1 findings in one step (Ctrl+Z undoes it)</translation>
    </message>
    <message>
        <source>Rejected %1 findings in one step (Ctrl+Z undoes it)</source>
        <translation>Rejected %1 findings in one step (Ctrl+Z undoes it)</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1 findings: %2</source>
        <translation>%1 findings: %2</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Reviewer</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>Auditor</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>RolesDialog</name>
    <message>
        <source>Roles of %1</source>
        <translation>Roles of %1</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>Roles:</translation>
    </message>
    <message>
        <source>Choose at least one role.</source>
        <translation>Choose at least one role.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>By document kind (automatic)</source>
        <translation>By document kind (automatic)</translation>
    </message>
    <message>
        <source>General (all personal information)</source>
        <translation>General (all personal information)</translation>
    </message>
    <message>
        <source>Punitive notice (names stay)</source>
        <translation>Punitive notice (names stay)</translation>
    </message>
    <message>
        <source>Mandatory disclosure</source>
        <translation>Mandatory disclosure</translation>
    </message>
    <message>
        <source>Appointment or recruitment notice</source>
        <translation>Appointment or recruitment notice</translation>
    </message>
    <message>
        <source>Procurement award notice</source>
        <translation>Procurement award notice</translation>
    </message>
    <message>
        <source>Expropriation compensation notice</source>
        <translation>Expropriation compensation notice</translation>
    </message>
    <message>
        <source>Social-assistance notice</source>
        <translation>Social-assistance notice</translation>
    </message>
    <message>
        <source>Engine default</source>
        <translation>Engine default</translation>
    </message>
    <message>
        <source>De-identification profile:</source>
        <translation>De-identification profile:</translation>
    </message>
    <message>
        <source>Detection threshold:</source>
        <translation>Detection threshold:</translation>
    </message>
    <message>
        <source>Findings scored below the threshold are not shown. Applies to the next detection.</source>
        <translation>Findings scored below the threshold are not shown. Applies to the next detection.</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>Interface language:</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Select several findings in the table</source>
        <translation>Select several findings in the table</translation>
    </message>
    <message>
        <source>Shift+click, Ctrl+click, Shift+↓</source>
        <translation>Shift+click, Ctrl+click, Shift+↓</translation>
    </message>
    <message>
        <source>Select every finding shown in the table</source>
        <translation>Select every finding shown in the table</translation>
    </message>
    <message>
        <source>Add a highlight on the page to the selection</source>
        <translation>Add a highlight on the page to the selection</translation>
    </message>
    <message>
        <source>Ctrl+click</source>
        <translation>Ctrl+click</translation>
    </message>
    <message>
        <source>Select the findings inside a rectangle on the page</source>
        <translation>Select the findings inside a rectangle on the page</translation>
    </message>
    <message>
        <source>Ctrl+drag</source>
        <translation>Ctrl+drag</translation>
    </message>
    <message>
        <source>Select text on the page (then M)</source>
        <translation>Select text on the page (then M)</translation>
    </message>
    <message>
        <source>Drag along the line</source>
        <translation>Drag along the line</translation>
    </message>
    <message>
        <source>Zoom the page</source>
        <translation>Zoom the page</translation>
    </message>
    <message>
        <source>Ctrl+wheel</source>
        <translation>Ctrl+wheel</translation>
    </message>
    <message>
        <source>Bulk actions for a finding</source>
        <translation>Bulk actions for a finding</translation>
    </message>
    <message>
        <source>Right click</source>
        <translation>Right click</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
</context>
<context>
    <name>SignOffDialog</name>
    <message>
        <source>Sign off</source>
        <translation>Sign off</translation>
    </message>
    <message>
        <source>All approval checks pass.</source>
        <translation>All approval checks pass.</translation>
    </message>
    <message>
        <source>Re-enter your password to sign</source>
        <translation>Re-enter your password to sign</translation>
    </message>
    <message>
        <source>Required when returning the review</source>
        <translation>Required when returning the review</translation>
    </message>
    <message>
        <source>Approve and sign</source>
        <translation>Approve and sign</translation>
    </message>
    <message>
        <source>Return for rework</source>
        <translation>Return for rework</translation>
    </message>
    <message>
        <source>Document:</source>
        <translation>Document:</translation>
    </message>
    <message>
        <source>Reviewed by:</source>
        <translation>Reviewed by:</translation>
    </message>
    <message>
        <source>Supervisor:</source>
        <translation>Supervisor:</translation>
    </message>
    <message>
        <source>Approval checks:</source>
        <translation>Approval checks:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Comment:</translation>
    </message>
</context>
<context>
    <name>SpanDialog</name>
    <message>
        <source>Select the exact text (Shift+arrow keys or the mouse):</source>
        <translation>Select the exact text (Shift+arrow keys or the mouse):</translation>
    </message>
    <message>
        <source>Start:</source>
        <translation>Start:</translation>
    </message>
    <message>
        <source>End:</source>
        <translation>End:</translation>
    </message>
    <message>
        <source>Span:</source>
        <translation>Span:</translation>
    </message>
    <message>
        <source>Selected:</source>
        <translation>Selected:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Choose at least one character: the end must come after the start.</source>
        <translation>Choose at least one character: the end must come after the start.</translation>
    </message>
    <message>
        <source>A span cannot cross a line or cell boundary; choose text within one line.</source>
        <translation>A span cannot cross a line or cell boundary; choose text within one line.</translation>
    </message>
    <message>
        <source>The chosen text is only blanks.</source>
        <translation>The chosen text is only blanks.</translation>
    </message>
    <message>
        <source>The span is unchanged: change it, or write a note to accept the finding with it.</source>
        <translation>The span is unchanged: change it, or write a note to accept the finding with it.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Imported</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>In review</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>Released</translation>
    </message>
</context>
<context>
    <name>TermListsDialog</name>
    <message>
        <source>Office term lists</source>
        <translation>Office term lists</translation>
    </message>
    <message>
        <source>Version %1, %2 terms, last changed by %3 at %4 (UTC)</source>
        <translation>Version %1, %2 terms, last changed by %3 at %4 (UTC)</translation>
    </message>
    <message>
        <source>No term list has been kept in this workspace yet.</source>
        <translation>No term list has been kept in this workspace yet.</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>Added by</translation>
    </message>
    <message>
        <source>New term</source>
        <translation>New term</translation>
    </message>
    <message>
        <source>Why it is listed (optional)</source>
        <translation>Why it is listed (optional)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Only supervisors and administrators may change the term lists.</source>
        <translation>Only supervisors and administrators may change the term lists.</translation>
    </message>
    <message>
        <source>Block release</source>
        <translation>Block release</translation>
    </message>
    <message>
        <source>Sensitive wording</source>
        <translation>Sensitive wording</translation>
    </message>
    <message>
        <source>Always remove</source>
        <translation>Always remove</translation>
    </message>
    <message>
        <source>Never flag</source>
        <translation>Never flag</translation>
    </message>
    <message>
        <source>Terms that block release, e.g. code names of classified projects: the copy cannot be exported until a reviewer rejects the finding with a reason.</source>
        <translation>Terms that block release, e.g. code names of classified projects: the copy cannot be exported until a reviewer rejects the finding with a reason.</translation>
    </message>
    <message>
        <source>Sensitive wording a reviewer should look at before publishing.</source>
        <translation>Sensitive wording a reviewer should look at before publishing.</translation>
    </message>
    <message>
        <source>Names and numbers always removed from the published copy, whatever the profile.</source>
        <translation>Names and numbers always removed from the published copy, whatever the profile.</translation>
    </message>
    <message>
        <source>Terms never flagged: the agency&apos;s own officials in their public role, place names that look like names. Findings inside them are not shown (a finding that blocks release always is).</source>
        <translation>Terms never flagged: the agency&apos;s own officials in their public role, place names that look like names. Findings inside them are not shown (a finding that blocks release always is).</translation>
    </message>
    <message>
        <source>Type the term to add.</source>
        <translation>Type the term to add.</translation>
    </message>
    <message>
        <source>%1 terms read from %2; press OK to save them.</source>
        <translation>%1 terms read from %2; press OK to save them.</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exported to %1.</translation>
    </message>
    <message>
        <source>Import term list</source>
        <translation>Import term list</translation>
    </message>
    <message>
        <source>Term lists (*.txt *.xlsx)</source>
        <translation>Term lists (*.txt *.xlsx)</translation>
    </message>
    <message>
        <source>Export term list</source>
        <translation>Export term list</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;Text (*.txt)</source>
        <translation>Excel workbook (*.xlsx);;Text (*.txt)</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>Signing key</translation>
    </message>
    <message>
        <source>Each change is signed with your key</source>
        <translation>Each change is signed with your key</translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation>&amp;Add user…</translation>
    </message>
    <message>
        <source>&amp;Roles…</source>
        <translation>&amp;Roles…</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Disable</translation>
    </message>
    <message>
        <source>Your password:</source>
        <translation>Your password:</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Enable</translation>
    </message>
    <message>
        <source>Enter your own password first: each change is signed with your key.</source>
        <translation>Enter your own password first: each change is signed with your key.</translation>
    </message>
    <message>
        <source>%1 added as %2. They can log in now.</source>
        <translation>%1 added as %2. They can log in now.</translation>
    </message>
    <message>
        <source>Roles of %1: %2.</source>
        <translation>Roles of %1: %2.</translation>
    </message>
    <message>
        <source>Signing…</source>
        <translation>Signing…</translation>
    </message>
    <message>
        <source>%1 enabled: they can log in again.</source>
        <translation>%1 enabled: they can log in again.</translation>
    </message>
    <message>
        <source>%1 disabled: they can no longer log in or act, also in an open window.</source>
        <translation>%1 disabled: they can no longer log in or act, also in an open window.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Confidentiality review before publication</source>
        <translation>Confidentiality review before publication</translation>
    </message>
    <message>
        <source>Drop a .docx, .pdf or .txt document here, or press Ctrl+O to open one. Press F1 for the keyboard shortcuts.</source>
        <translation>Drop a .docx, .pdf or .txt document here, or press Ctrl+O to open one. Press F1 for the keyboard shortcuts.</translation>
    </message>
    <message>
        <source>Open document…</source>
        <translation>Open document…</translation>
    </message>
    <message>
        <source>Recent files</source>
        <translation>Recent files</translation>
    </message>
</context>
<context>
    <name>WorkflowController</name>
    <message>
        <source>Log in / switch &amp;user…</source>
        <translation>Log in / switch &amp;user…</translation>
    </message>
    <message>
        <source>Users…</source>
        <translation>Users…</translation>
    </message>
    <message>
        <source>Submit for sign-off</source>
        <translation>Submit for sign-off</translation>
    </message>
    <message>
        <source>Sign o&amp;ff…</source>
        <translation>Sign o&amp;ff…</translation>
    </message>
    <message>
        <source>Disclosure a&amp;ttribute…</source>
        <translation>Disclosure a&amp;ttribute…</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <source>Su&amp;bmit for sign-off</source>
        <translation>Su&amp;bmit for sign-off</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>Sign off</source>
        <translation>Sign off</translation>
    </message>
    <message>
        <source>Office term li&amp;sts…</source>
        <translation>Office term li&amp;sts…</translation>
    </message>
    <message>
        <source>Roster re-identification c&amp;heck…</source>
        <translation>Roster re-identification c&amp;heck…</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Workspace</translation>
    </message>
    <message>
        <source>Disclosure attribute and sign-off</source>
        <translation>Disclosure attribute and sign-off</translation>
    </message>
    <message>
        <source>Audit history</source>
        <translation>Audit history</translation>
    </message>
    <message>
        <source>Not logged in</source>
        <translation>Not logged in</translation>
    </message>
    <message>
        <source>Logged in as %1 (%2): you can read this document; reviewing needs the reviewer role (an administrator gives it under File → Users).</source>
        <translation>Logged in as %1 (%2): you can read this document; reviewing needs the reviewer role (an administrator gives it under File → Users).</translation>
    </message>
    <message>
        <source>Account %1 created (%2). Add a supervisor for sign-off under File → Users.</source>
        <translation>Account %1 created (%2). Add a supervisor for sign-off under File → Users.</translation>
    </message>
    <message>
        <source>Workspace ready</source>
        <translation>Workspace ready</translation>
    </message>
    <message>
        <source>A supervisor signs off each review and must be someone other than its reviewer.</source>
        <translation>A supervisor signs off each review and must be someone other than its reviewer.</translation>
    </message>
    <message>
        <source>Add users now…</source>
        <translation>Add users now…</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Roster re-identification check</source>
        <translation>Roster re-identification check</translation>
    </message>
    <message>
        <source>No roster found: no table of this document has a column about a person (name, ID number, phone, account, address) and two or more rows.</source>
        <translation>No roster found: no table of this document has a column about a person (name, ID number, phone, account, address) and two or more rows.</translation>
    </message>
    <message>
        <source>Submit this review to a supervisor? %1 of %2 findings are undecided.</source>
        <translation>Submit this review to a supervisor? %1 of %2 findings are undecided.</translation>
    </message>
    <message>
        <source>Chain intact: %1 events, %2 signatures checked</source>
        <translation>Chain intact: %1 events, %2 signatures checked</translation>
    </message>
    <message>
        <source>Chain damaged: %1</source>
        <translation>Chain damaged: %1</translation>
    </message>
    <message>
        <source>Undecided findings</source>
        <translation>Undecided findings</translation>
    </message>
    <message>
        <source>%1 findings have no decision yet. How should the copy treat them?</source>
        <translation>%1 findings have no decision yet. How should the copy treat them?</translation>
    </message>
    <message>
        <source>Export as decided (leave them as they are)</source>
        <translation>Export as decided (leave them as they are)</translation>
    </message>
    <message>
        <source>Treat them as accepted (apply the profile)</source>
        <translation>Treat them as accepted (apply the profile)</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Exporting</translation>
    </message>
    <message>
        <source>Exported: %1</source>
        <translation>Exported: %1</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <source>Term lists saved (version %1); detect again (Ctrl+D) to apply them</source>
        <translation>Term lists saved (version %1); detect again (Ctrl+D) to apply them</translation>
    </message>
    <message>
        <source>Also changed in the copy:</source>
        <translation>Also changed in the copy:</translation>
    </message>
</context>
</TS>
