kind: 政务新闻
title: 马尔康市：牦牛产业“链”出增收路
format: docx
profile: general
split: dev
region: 四川省阿坝藏族羌族自治州马尔康市
author: 〖P|杨　柳|记者〗
notes: a government news item: a byline of three names after 记者 and 通讯员 separated by wide spaces (two ordinary words, 杨柳 and 蓝天), Tibetan villagers named after role and relation words (理事长, 其妻, 之子), several vets in a row separated by 、, officials after their titles, place names with name-like characters (卓克基, 松岗), a cooperative and a shop as organisations; the editor and reviewer on one line.
---
@title 马尔康市：牦牛产业“链”出增收路
@center 记者　〖P|泽郎扎西|记者〗　〖P|杨　柳|记者〗　通讯员　〖P|蓝天|通讯员〗
入冬以来，马尔康市松岗镇直波村的牦牛养殖基地里一派繁忙景象。“以前一头牦牛卖活畜只能卖一万出头，现在进了合作社，分割加工后能多卖三四千元。”〖O|马尔康市嘉绒牦牛养殖专业合作社〗理事长〖P|格绒彭措|合作社负责人〗一边给牛群添草料一边算账。
合作社成立于2021年，采取“合作社＋农户＋电商”模式，目前已吸纳直波、莫斯都等4个村的86户牧民入社。村民〖P|三郎泽仁|村民〗家以32头牦牛入股，今年分红2.6万元；其妻〖P|卓玛措|家庭成员〗在合作社加工车间务工，月收入3500元；之子〖P|泽旺多吉|家庭成员〗大学毕业后回乡，负责合作社的网店运营。
为解决牦牛越冬难题，〖O|马尔康市农业农村局〗组织兽医〖P|王　斌|兽医〗、〖P|泽旺|兽医〗、〖P|阿根|兽医〗3人组成技术服务队，逐户开展疫病防控和补饲指导。局长〖P|何　平|领导干部〗介绍，今年全市牦牛存栏达到12.4万头，出栏4.1万头，实现产值5.8亿元。
在卓克基镇西索村，驻村第一书记〖P|杜晓峰|驻村干部〗带领村民开起了牦牛肉干加工坊。产品通过“〖O|马尔康嘉绒香巴拉特产专卖店〗”和线上平台销往成都、重庆等地，仅“双十一”期间就卖出2000多单。村委会主任〖P|斯郎甲|村干部〗说：“过去牛肉只能等着贩子上门收，现在我们自己定价。”
〖O|马尔康市人民政府〗副市长〖P|周洪波|领导干部〗表示，下一步将依托〖O|阿坝州牦牛产业技术研究院〗，推进良种繁育、冷链物流和品牌建设，力争到2026年全市牦牛产业综合产值突破10亿元。
@left 编辑：〖P|李欣然|编辑〗　审核：〖P|王　涛|编辑〗
@left （来源：〖O|中共马尔康市委宣传部〗　新闻热线：〖TEL+K|0837-2822573|机构:中共马尔康市委宣传部〗）
