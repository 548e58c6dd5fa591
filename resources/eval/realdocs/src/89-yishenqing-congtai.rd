kind: 依申请公开答复书
title: 政府信息公开申请答复书
format: docx
profile: general
split: test
region: 河北省邯郸市丛台区
author: 〖P|郭志远|承办人〗
notes: a reply to a disclosure request in Word: the applicant addressed by name with her ID number, a 号院 + 号楼 + 单元 + 室 address and a mobile in brackets; her homestead address running straight into the sentence (…41号的宅基地), a neighbour named as a third party, the applicant's husband after a relation word; approval numbers ending in 号 right after a village address; a table of documents with 文号 and the bodies that issued them; 不属于国家秘密 that is no marking; the case officer after 承办人 with the bureau's landline, its address and the 12345 hotline stay.
---
@title 〖O+K|邯郸市丛台区自然资源和规划局〗
@title 政府信息公开申请答复书
@center 〖K|丛自然资规依公开〔2024〕第031号〗
〖P|赵秀兰|申请人〗：
本机关于2024年9月2日收到您通过邮寄方式提交的《政府信息公开申请表》（申请人身份证号码：〖ID|13040319650722152?|赵秀兰〗，通讯地址：〖A|邯郸市丛台区联纺路街道联纺西路156号院7号楼2单元402室|赵秀兰〗，联系电话：〖MOB|13633102748|赵秀兰〗），申请公开“丛台区黄粱梦镇北大社村集体土地征收的批复文件、征地补偿安置方案及本人宅基地是否在征收范围内的相关材料”。经审查，现答复如下：
一、您申请公开的征收土地批复文件，属于本机关公开范围，不属于国家秘密，现随本答复书向您提供下列文件的复制件：
@table widths=1,5,6,4
序号 ‖ 文件名称 ‖ 文号 ‖ 制发机关
1 ‖ 关于邯郸市丛台区2023年度第5批次城镇建设用地的批复 ‖ 〖K|冀政转征函〔2023〕581号〗 ‖ 〖O|河北省人民政府〗
2 ‖ 邯郸市丛台区2023年度第5批次城镇建设用地征收土地公告 ‖ 〖K|丛政征告〔2023〕12号〗 ‖ 〖O|邯郸市丛台区人民政府〗
3 ‖ 北大社村征地补偿安置方案公告 ‖ 〖K|丛政征补告〔2024〕4号〗 ‖ 〖O|邯郸市丛台区人民政府〗
@end
二、经核查，您反映的位于〖A|黄粱梦镇北大社村二组41号|赵秀兰〗的宅基地及地上房屋在上述批复的征收范围内。该宅基地《集体土地使用证》登记使用权人为您的配偶〖P|王建军|家庭成员〗，相关地籍资料可由〖P|王建军|家庭成员〗本人或持其授权委托书到本机关档案室查阅。
三、您申请公开的与您宅基地相邻的〖A|北大社村二组43号|李国栋〗房屋测绘及评估报告，涉及第三方〖P|李国栋|第三人〗的个人信息。本机关已书面征求其意见，〖P|李国栋|第三人〗不同意公开。依据〖K|《中华人民共和国政府信息公开条例》〗第三十二条，本机关不予提供。
四、关于北大社村二组其他被征收户的补偿明细，已由〖O|黄粱梦镇人民政府〗在村务公开栏公示，您可向该镇征收办公室了解。
如对本答复不服，可以在收到本答复书之日起六十日内向〖O|邯郸市丛台区人民政府〗申请行政复议，或者在六个月内向〖O|邯郸市丛台区人民法院〗提起行政诉讼。
@gap
@right 〖O|邯郸市丛台区自然资源和规划局〗
@right （政府信息公开专用章）
@right 2024年9月27日
@left 承办人〖P|郭志远|承办人〗，联系电话〖TEL+K|0310-3115627|机构:邯郸市丛台区自然资源和规划局〗
@left 本机关地址：〖A+K|邯郸市丛台区人民东路339号|机构:邯郸市丛台区自然资源和规划局〗　邮编：056002　政务服务便民热线：〖K|12345〗
