kind: 失信名单
title: 〖O|大同市平城区人民法院〗失信被执行人名单公布（2024年第4期）
format: pdf
profile: punitive-notice
split: dev
region: 山西省大同市平城区
landscape: 1
author: dtpcfy
notes: a court's list of defaulters as a wrapping PDF table: case numbers ending in 号 in the column before an address, individuals (one a common word, one Mongolian) with ID numbers and companies with credit codes and legal representatives, addresses that wrap; the court's full name must not be cut; the court's phone stays.
---
@title 〖O+K|大同市平城区人民法院〗失信被执行人名单公布
@center （2024年第4期）
根据〖K|《最高人民法院关于公布失信被执行人名单信息的若干规定》〗，本院将以下拒不履行生效法律文书确定义务的被执行人纳入失信被执行人名单，予以公布：
@table widths=2,5.2,6,5.6,8.6,4.4,3.4 font=8.6
序号 ‖ 被执行人 ‖ 身份证号/统一社会信用代码 ‖ 执行案号 ‖ 住所地 ‖ 执行标的（元） ‖ 失信情形
1 ‖ 〖P|任志宏|被执行人〗 ‖ 〖ID|14021319780921301?|任志宏〗 ‖ 〖K|（2024）晋0213执1287号〗 ‖ 〖A|大同市平城区向阳西街恒安新区12号楼3单元502室|任志宏〗 ‖ 〖K|186,500.00〗 ‖ 有履行能力而拒不履行
2 ‖ 〖O|大同市云冈建筑劳务有限公司〗（法定代表人〖P|薛　刚|法定代表人〗） ‖ 〖USCC|91140213MA0K6R3L7?|机构:大同市云冈建筑劳务有限公司〗 ‖ 〖K|（2024）晋0213执1302号〗 ‖ 〖A|山西省大同市平城区御河西路328号御东商务楼15层1508室|机构:大同市云冈建筑劳务有限公司〗 ‖ 〖K|1,245,000.00〗 ‖ 违反财产报告制度
3 ‖ 〖P|朝鲁|被执行人〗 ‖ 〖ID|14021319850307203?|朝鲁〗 ‖ 〖K|（2024）晋0213执1339号〗 ‖ 〖A|大同市平城区新建南路与魏都大道交汇处华林新天地2号楼1单元1201室|朝鲁〗 ‖ 73,200.00 ‖ 有履行能力而拒不履行
4 ‖ 〖P|秋菊|被执行人〗 ‖ 〖ID|14020219900715432?|秋菊〗 ‖ 〖K|（2024）晋0213执1356号〗 ‖ 〖A|大同市平城区大庆路南关南街17号|秋菊〗 ‖ 52,800.00 ‖ 违反限制消费令
@end
被执行人履行义务后，可向本院申请删除失信信息。举报被执行人财产线索请联系执行局：〖TEL+K|0352-2056127|机构:大同市平城区人民法院〗。
@right 〖O|大同市平城区人民法院〗
@right 2024年10月28日
