kind: 请示
title: 关于申请拨付宝塔区2024年冬春农村困难群众生活救助资金的请示
format: docx
profile: general
split: dev
region: 陕西省延安市宝塔区
author: 〖P|贺晓燕|拟稿人〗
notes: a 请示 whose title is split by hand over two lines (the second line begins with 困难群众), 特急 in the head, 内部 wording variant (内部文件 不得外传) in the header, a table of townships; 签发人 and a 联系人 with mobile; amounts in figures and 大写.
---
@header 〖IU|内部文件　不得外传〗
@left 〖URG|特急〗
@red 〖O+K|延安市宝塔区民政局〗文件
@left 〖K|宝民呈〔2024〕27号〗　　　　　　　　　　　　　签发人：〖P|拓　勇|签发人〗
@title 〖PI|关于申请拨付宝塔区2024年冬春农村〗
@title 〖PI|困难群众生活救助资金的请示〗
〖O+K|延安市宝塔区人民政府〗：
据摸底统计，今冬明春全区需救助农村困难群众4312户9876人，其中因灾需救助1205户，因病、因残需救助2311户。按照〖K|《陕西省冬春困难群众生活救助工作规程》〗确定的标准，共需资金〖K|592.56万元〗。目前〖O|省民政厅〗、〖O|省财政厅〗下达我区资金380万元，尚有缺口〖K|212.56万元〗。
@table widths=4,3,3,4
乡镇（街道） ‖ 救助户数 ‖ 救助人数 ‖ 需资金（万元）
〖O|河庄坪镇〗 ‖ 612 ‖ 1389 ‖ 83.34
〖O|李渠镇〗 ‖ 538 ‖ 1247 ‖ 74.82
〖O|南泥湾镇〗 ‖ 471 ‖ 1052 ‖ 63.12
其他乡镇（街道） ‖ 2691 ‖ 6188 ‖ 371.28
合计 ‖ 4312 ‖ 9876 ‖ 〖K|592.56〗
@end
为确保困难群众温暖过冬，特申请区财政拨付缺口资金人民币〖K|贰佰壹拾贰万伍仟陆佰元〗。
妥否，请批示。
@gap
@right 〖O|延安市宝塔区民政局〗
@right 2024年11月18日
@left 联系人：〖P|贺晓燕|联系人〗　　联系电话：〖TEL+K|0911-2118570|机构:延安市宝塔区民政局〗　〖MOB|13709112846|贺晓燕〗
