kind: 信访意见书
title: 信访事项处理意见书
format: docx
profile: general
split: test
region: 广西壮族自治区桂林市七星区
author: 〖P|莫丽娟|承办人〗
notes: a petition reply: the petitioner's mother's dementia and stroke, the petitioner's own depression and a diabetic foot amputation of a neighbour, a son's drug rehabilitation and criminal record; a property company, a pharmacy chain and a restaurant as organisations; place names (穿山, 漓东, 七星) and policy words (网格化, 适老化, 一网通办, 医养结合) that must not be names; officials after titles.
---
@title 信访事项处理意见书
@center 〖K|七信复字〔2024〕第112号〗
〖P|覃秀兰|信访人〗：
你于2024年8月12日通过网上信访平台反映的桂林市七星区穿山街道漓东社区老旧小区适老化改造及家庭困难救助问题，本机关已依法受理，现将处理意见答复如下：
经查，你户籍所在地为〖A|七星区穿山街道漓东路19号漓东小区5栋1单元302室|覃秀兰〗，家庭成员3人。你母亲〖P|黄桂芝|家庭成员〗现年81岁，患〖SEN|阿尔茨海默病|黄桂芝〗，2023年〖SEN|脑卒中后右侧偏瘫|黄桂芝〗，长期卧床；你本人〖SEN|重度抑郁发作|覃秀兰〗，在〖O|桂林市第二人民医院〗门诊治疗；你儿子〖P|秦　浩|家庭成员〗曾〖SEN|因贩卖毒品罪被判处有期徒刑三年|秦浩〗，2023年刑满释放后在社区戒毒康复。
你反映的邻居〖P|蒋德福|证人〗因〖SEN|糖尿病足左小腿截肢|蒋德福〗、上下楼困难一事，社区网格员〖P|唐小燕|网格员〗已上门核实。小区物业由〖O|桂林漓江物业服务有限公司〗管理，楼道扶手加装已纳入2024年第二批适老化改造计划。
关于困难救助，漓东社区已按网格化管理要求将你户纳入重点关注对象，街道民政办主任〖P|阳志刚|领导干部〗于9月3日带队入户走访，协调“〖O|大参林药房〗”七星店提供药品配送，并协调〖O|桂林市七星区医养结合服务中心〗提供上门护理。你可通过“一网通办”平台申请临时救助。
如对本处理意见不服，可自收到本意见书之日起30日内向〖O|桂林市七星区人民政府〗请求复查。
承办人：〖P|莫丽娟|承办人〗　联系电话：〖TEL+K|0773-5813627|机构:桂林市七星区信访局〗
@right 〖O|桂林市七星区信访局〗
@right 2024年9月10日
