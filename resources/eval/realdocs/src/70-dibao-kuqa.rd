kind: 低保公示
title: 库车市乌恰镇2024年第三季度城乡最低生活保障新增对象公示
format: pdf
profile: mandatory-disclosure
split: dev
region: 新疆维吾尔自治区阿克苏地区库车市
landscape: 1
author: wqzmzb
notes: a minimum-living-allowance list as a wrapping PDF table: Uyghur household heads and family members with · in a narrow name cell and in a members cell (names that wrap, a mother without ·, relation words in brackets), a padded Han name, a disability in the note column; 大写 totals and village names that must not be names; the 镇民政办 phone stays.
---
@title 库车市乌恰镇2024年第三季度城乡最低生活保障新增对象公示
根据〖K|《社会救助暂行办法》〗和〖K|《新疆维吾尔自治区最低生活保障工作实施办法》〗，经本人申请、村（社区）入户调查、民主评议，〖O|乌恰镇人民政府〗审核，拟将以下5户纳入最低生活保障范围，现予公示：
@table widths=2,4.6,4.4,2.2,2.2,3,10,5.6 font=8.8
序号 ‖ 村（社区） ‖ 户主姓名 ‖ 家庭人口 ‖ 保障类别 ‖ 月保障金（元） ‖ 共同生活家庭成员 ‖ 备注
1 ‖ 乌恰镇阿克布亚村 ‖ 〖P|艾合买提·吐尔逊|公示对象〗 ‖ 4 ‖ A类 ‖ 1,460 ‖ 〖P|阿依古丽·买买提|家庭成员〗（妻）、〖P|艾力·艾合买提|家庭成员〗（子）、〖P|古再丽努尔·艾合买提|家庭成员〗（女） ‖ 　
2 ‖ 乌恰镇克日希村 ‖ 〖P|帕提古丽·热合曼|公示对象〗 ‖ 2 ‖ B类 ‖ 780 ‖ 〖P|麦麦提江·买买提|家庭成员〗（子） ‖ 单亲家庭
3 ‖ 乌恰镇城南社区 ‖ 〖P|李　军|公示对象〗 ‖ 1 ‖ C类 ‖ 420 ‖ 无 ‖ 〖SEN|肢体残疾二级|李军〗
4 ‖ 乌恰镇阿克布亚村 ‖ 〖P|吐尔洪·吾休尔|公示对象〗 ‖ 3 ‖ A类 ‖ 1,095 ‖ 〖P|阿娜尔古丽·吐尔洪|家庭成员〗（女）、〖P|努尔曼古丽|家庭成员〗（母） ‖ 户主〖SEN|慢性肾衰竭|吐尔洪·吾休尔〗长期透析
5 ‖ 乌恰镇萨克萨克村 ‖ 〖P|阿不都热西提·依明|公示对象〗 ‖ 4 ‖ A类 ‖ 1,225 ‖ 〖P|热孜万古丽·托乎提|家庭成员〗（妻）、〖P|依明江·阿不都热西提|家庭成员〗（子）、〖P|米热阿依|家庭成员〗（女） ‖ 　
@end
以上5户共15人，月保障金合计〖K|4,980元〗（大写：〖K|肆仟玖佰捌拾元整〗）。
公示期为2024年9月20日至9月26日。对公示对象有异议的，请于公示期内向〖O+K|乌恰镇民政办〗或〖O+K|库车市民政局〗实名反映，也可拨打监督电话。
〖O|乌恰镇民政办〗：〖TEL+K|0997-7125308|机构:乌恰镇民政办〗　〖O|库车市民政局〗：〖TEL+K|0997-7122469|机构:库车市民政局〗
@right 〖O|乌恰镇人民政府〗
@right 2024年9月20日
