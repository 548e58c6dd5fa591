kind: 内部明电
title: 关于立即开展供暖期燃气安全隐患排查整治的紧急通知（明电）
format: txt
profile: general
split: test
region: 黑龙江省齐齐哈尔市龙沙区
notes: an internal telegram in plain text: 内部明电 and 特急 at the head with the 明电 number, the signer after 签发人; a carbon-monoxide poisoning of a named household head and his wife (a relation word before her name, the poisoning and a sequela as health information); a tab-separated table of premises with a restaurant and a bath-house whose addresses run into landlines, operators' names and a padded name; the contacts after 联系人 with mobiles; the 燃气 hotline and the office's duty landline stay; 工作秘密 and a non-disclosure phrase at the foot.
---
@left 〖IU|内部明电〗
@left 等级：〖URG|特急〗　　　　　　　　　　　　　　　　　　　〖K|龙沙明电〔2024〕19号〗
@left 发电单位：〖O+K|齐齐哈尔市龙沙区人民政府办公室〗　　　　签发人：〖P|宋立新|签发人〗
@title 关于立即开展供暖期燃气安全隐患排查整治的紧急通知
各街道办事处、区直有关部门：
10月28日凌晨，〖A|五龙街道龙华路北二巷17号2单元301室|孙德明〗居民〖P|孙德明|当事人〗家中燃气热水器烟道脱落，〖P|孙德明|当事人〗及其妻子〖P|关淑芬|家庭成员〗发生〖SEN|一氧化碳中毒|孙德明〗，经〖O|齐齐哈尔市第一医院〗高压氧舱抢救脱离危险，〖P|关淑芬|家庭成员〗仍遗留〖SEN|迟发性脑病|关淑芬〗症状。此事暴露出部分居民和经营场所燃气设施老化、排烟不畅等问题。为坚决防范燃气事故，现就有关事项紧急通知如下：
一、即日起至11月30日，各街道要会同〖O|龙沙区住房和城乡建设局〗、〖O|龙沙区市场监督管理局〗和〖O|齐齐哈尔中燃城市燃气发展有限公司〗，对辖区老旧小区、餐饮场所和洗浴场所逐户逐店开展排查。
二、对此次初查发现的下列重大隐患场所，由属地街道于11月5日前督促整改到位，逾期未改的依法责令停业：
@table
序号	场所名称	地址及电话	隐患情况	经营者
1	〖O|龙沙区鑫隆铁锅炖饭店〗	〖A|龙沙区五龙街道龙华路146号|马凤霞〗〖TEL|0452-2716348|马凤霞〗	液化石油气钢瓶与燃气灶同室存放，未安装泄漏报警器	〖P|马凤霞|经营者〗
2	〖O|龙沙区北岸洗浴中心〗	〖A|龙沙区江岸街道嫩江路东段88号|杜刚〗〖TEL|0452-2439071|杜刚〗	燃气锅炉房无通风设施	〖P|杜　刚|经营者〗
3	〖O|龙沙区百姓缘家常菜馆〗	〖A|龙沙区湖滨街道卜奎大街327号附4号|鄂春燕〗　〖TEL|0452-2685513|鄂春燕〗	软管穿墙敷设，老化龟裂	〖P|鄂春燕|经营者〗
@end
三、各街道要安排网格员入户宣传，对独居老人、残疾人等特殊群体家庭开展上门检查。江岸街道网格员〖P|常青|网格员〗、湖滨街道网格员〖P|白雪|网格员〗负责本周内完成对上述三处场所周边居民楼的入户走访。
四、〖O|区应急管理局〗联系人〖P|于海波|联系人〗，手机〖MOB|13904527316|于海波〗；〖O|区住建局〗联系人〖P|那日苏|联系人〗，手机〖MOB|15145206638|那日苏〗。发现燃气泄漏等紧急情况，立即拨打燃气抢修电话〖TEL+K|0452-2498110|机构:齐齐哈尔中燃城市燃气发展有限公司〗或〖K|119〗。
五、各街道、各部门每日17时前将排查整治情况报〖O|区政府总值班室〗，值班电话：〖TEL+K|0452-2716009|机构:齐齐哈尔市龙沙区人民政府办公室〗。
本明电发至各街道党工委书记、办事处主任和区直有关部门主要负责同志。
@gap
@right 〖O|齐齐哈尔市龙沙区人民政府办公室〗
@right 2024年10月30日
@left 〖WS|工作秘密〗　〖IU|此件不公开，严禁在互联网和微信工作群传播〗
