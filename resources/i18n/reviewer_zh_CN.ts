<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <source>table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>properties</source>
        <translation>文档属性</translation>
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
        <source>Operator</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>理由：%1</translation>
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
        <source>Next finding</source>
        <translation>下一条发现</translation>
    </message>
    <message>
        <source>Previous finding</source>
        <translation>上一条发现</translation>
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
        <source>Re&amp;do</source>
        <translation>重做(&amp;D)</translation>
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
        <source>Cancel task</source>
        <translation>取消任务</translation>
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
        <source>Toolbar</source>
        <translation>工具栏</translation>
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
        <source>Documents (*.docx *.pdf *.txt)</source>
        <translation>文档 (*.docx *.pdf *.txt)</translation>
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
        <source>%1 findings</source>
        <translation>%1 条发现</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>De-identified preview</source>
        <translation>去标识化预览</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <source>Reject finding</source>
        <translation>驳回发现</translation>
    </message>
    <message>
        <source>Not personal information</source>
        <translation>不属于个人信息</translation>
    </message>
    <message>
        <source>Wrongly detected</source>
        <translation>误报</translation>
    </message>
    <message>
        <source>Must stay: punitive notice</source>
        <translation>应保留：惩戒性公示</translation>
    </message>
    <message>
        <source>Must stay: mandatory disclosure</source>
        <translation>应保留：法定公开事项</translation>
    </message>
    <message>
        <source>Already public</source>
        <translation>已经公开</translation>
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
        <source>Edit span</source>
        <translation>调整范围</translation>
    </message>
    <message>
        <source>Add finding</source>
        <translation>手动标注</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
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
    <name>SpanDialog</name>
    <message>
        <source>Select the exact text (Shift+arrow keys or the mouse):</source>
        <translation>请选中准确的文字（Shift+方向键或鼠标）：</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
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
        <source>Recent files</source>
        <translation>最近打开</translation>
    </message>
</context>
</TS>