kind: 中标公告
title: 章贡区水西镇污水管网改造工程中标结果公告
format: pdf
profile: mandatory-disclosure
split: dev
region: 江西省赣州市章贡区
author: 〖P|邱　敏|经办人〗
notes: a procurement result with wrapping PDF tables: bidders whose company names wrap (one with 富强, one with a surname-like shop word), the winner's project manager padded, the evaluation experts in a row separated by 、 and by wide spaces (one a sea's name, 黄海), 大写 amounts, the purchaser's and the agency's contacts and addresses that stay.
---
@title 章贡区水西镇污水管网改造工程中标结果公告
一、项目编号：〖K|GZZG2024-JS-0136〗
二、项目名称：章贡区水西镇污水管网改造工程
三、中标信息
@table widths=7,5.6,8,6.4,3.4 font=8.8
中标人名称 ‖ 统一社会信用代码 ‖ 中标人地址 ‖ 中标金额 ‖ 项目经理
〖O|江西赣昌市政建设工程有限公司〗 ‖ 〖USCC|91360702MA35K8RT5?|机构:江西赣昌市政建设工程有限公司〗 ‖ 〖A|江西省赣州市章贡区章江新区长征大道31号总部经济区7号楼1603室|机构:江西赣昌市政建设工程有限公司〗 ‖ 人民币〖K|壹仟贰佰叁拾肆万伍仟陆佰元整〗（〖K|¥12,345,600.00〗） ‖ 〖P|钟　华|项目负责人〗
@end
四、其他投标人评审情况
@table widths=2,3.2,3,2.6 font=8.8
排名 ‖ 投标人名称 ‖ 投标报价（元） ‖ 综合得分
1 ‖ 〖O|江西赣昌市政建设工程有限公司〗 ‖ 12,345,600.00 ‖ 92.36
2 ‖ 〖O|赣州市富强建设集团有限公司〗 ‖ 12,618,000.00 ‖ 88.71
3 ‖ 〖O|江西客家源水利水电工程有限公司〗 ‖ 12,507,300.00 ‖ 86.05
4 ‖ 〖O|赣州章江建筑安装工程有限责任公司〗 ‖ 12,880,000.00 ‖ 83.40
@end
五、评标委员会成员名单：〖P|刘　文|评审专家〗、〖P|曾庆平|评审专家〗、〖P|温建国|评审专家〗、〖P|谢小红|评审专家〗　〖P|黄海|评审专家〗（采购人代表）
六、公告期限：自本公告发布之日起1个工作日。
七、联系方式
1.采购人：〖O|赣州市章贡区水西镇人民政府〗
地址：〖A+K|赣州市章贡区水西镇水西大道88号|机构:赣州市章贡区水西镇人民政府〗
联系人：〖P|肖　辉|采购人代表〗　联系电话：〖TEL+K|0797-8453216|机构:赣州市章贡区水西镇人民政府〗
2.采购代理机构：〖O|江西华正项目管理咨询有限公司〗
地址：〖A+K|赣州市章贡区红旗大道56号华正大厦9楼|机构:江西华正项目管理咨询有限公司〗
联系人：〖P|邱　敏|经办人〗、〖P|赖志勇|经办人〗　联系电话：〖TEL+K|0797-8216630|机构:江西华正项目管理咨询有限公司〗
@right 〖O|江西华正项目管理咨询有限公司〗
@right 2024年11月22日
