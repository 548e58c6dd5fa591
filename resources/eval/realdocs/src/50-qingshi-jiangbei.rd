kind: 请示
title: 关于提请审定2025年度区级政府投资项目计划的请示
format: docx
profile: general
split: test
region: 重庆市江北区
author: 〖P|喻思琪|拟稿人〗
notes: a 秘密 请示 in Word: 份号, the level alone (秘密, no period) and 特急 in the head, the title split by hand over two lines (…的 / 请示), 签发人; amounts per project in a Word table; the drafter's mobile at the foot; 此件不公开 printed; a sentence about secrecy that is a mention.
---
@left 〖COPY|000008〗
@left 〖CM|秘密〗
@left 〖URG|特急〗
@red 〖O+K|重庆市江北区发展和改革委员会〗文件
@left 〖K|江北发改文〔2024〕118号〗　　　　　　　　　　　　　　签发人：〖P|石　岩|签发人〗
@title 关于提请审定2025年度区级政府投资项目计划的
@title 〖PI|请示〗
〖O+K|重庆市江北区人民政府〗：
根据〖K|《政府投资条例》〗和〖K|《重庆市江北区区级政府投资项目管理办法》〗（〖K|江北府发〔2022〕9号〗），我委会同〖O|区财政局〗对各部门申报的2025年度区级政府投资项目进行了审核，拟安排项目46个，总投资〖K|38.72亿元〗，2025年计划投资〖K|12.36亿元〗。其中重点项目如下：
@table widths=1.5,8,3,3,5
序号 ‖ 项目名称 ‖ 总投资（亿元） ‖ 2025年计划（亿元） ‖ 项目业主
1 ‖ 观音桥商圈地下环道连通工程 ‖ 9.80 ‖ 3.20 ‖ 〖O|重庆江北城市开发投资集团有限公司〗
2 ‖ 铁山坪片区森林防火通道及应急水源工程 ‖ 1.26 ‖ 0.60 ‖ 〖O|江北区林业局〗
3 ‖ 寸滩国际新城第二小学新建工程 ‖ 2.45 ‖ 1.10 ‖ 〖O|江北区教育委员会〗
4 ‖ 五里店老旧小区改造（二期） ‖ 3.18 ‖ 1.42 ‖ 〖O|江北区住房和城乡建设委员会〗
@end
上述项目计划中，观音桥商圈地下环道连通工程涉及人防设施的部分，已按有关保密规定单独报批，本请示未列具体内容。
妥否，请批示。
@left 附件：江北区2025年度区级政府投资项目计划表
@gap
@right 〖O|重庆市江北区发展和改革委员会〗
@right 2024年11月26日
@left （〖DN|此件不公开〗）
@left 联系人：〖P|喻思琪|联系人〗　电话：〖TEL+K|023-67855032|机构:重庆市江北区发展和改革委员会〗　〖MOB|15923184476|喻思琪〗
