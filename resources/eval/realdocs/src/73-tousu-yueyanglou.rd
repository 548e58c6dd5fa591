kind: 投诉告知书
title: 投诉处理结果告知书
format: docx
profile: general
split: dev
region: 湖南省岳阳市岳阳楼区
author: yylqscjgj
notes: a consumer-complaint reply: the complainant addressed by full name, shops named after their owners' surnames (王记, 刘嫂) in the text and in a Word table (sole traders: their premises belong to the operator, as their credit codes do), the owner named after 经营者, already anonymised staff and customers (李某, 王某某) that are not gold, two officials in a row whose names are ordinary words (夏天, 易文), 大写 refunds, 岳阳楼 and 君山 as place names; the 12315 line and the office phone stay.
---
@title 〖O+K|岳阳市岳阳楼区市场监督管理局〗
@title 投诉处理结果告知书
@center 〖K|岳楼市监投告〔2024〕第0318号〗
〖P|曾丽华|投诉人〗：
你于2024年8月3日通过全国12315平台投诉〖A|岳阳楼区洞庭南路146号|王德胜〗“〖O|岳阳楼区王记口味虾馆〗”销售变质食品一事，本局于8月5日受理，现将处理结果告知如下：
一、调查情况。8月6日，本局执法人员〖P|夏天|执法人员〗、〖P|易文|执法人员〗到该店现场检查，经营者〖P|王德胜|经营者〗在场。经查，8月2日晚你与同行人员在该店消费口味虾、凉菜等共计368元，食用后出现腹泻症状，当晚于〖O|岳阳市第一人民医院〗就诊。该店店员李某称当日口味虾为前一日剩余食材加热后出售；另一名消费者王某某亦向本局反映同日在该店就餐后身体不适。现场检查发现，该店后厨冷藏柜内存放有超过保质期的调味料2批次，从业人员〖P|刘　芳|从业人员〗未取得有效健康证明。
二、处理情况。依据〖K|《中华人民共和国食品安全法》〗〖K|《市场监督管理投诉举报处理暂行办法》〗，本局组织双方进行调解。经调解，经营者同意退还你餐费人民币〖K|叁佰陆拾捌元〗（〖K|¥368.00〗），并赔偿医疗费、误工费共计人民币〖K|壹仟伍佰元〗（〖K|¥1,500.00〗），你表示接受。上述款项已于8月12日由经营者通过银行转账支付。对该店经营超过保质期食品原料等违法行为，本局已另行立案调查，依法处理。
三、关联情况。经排查，与该店相邻的下列经营户均已纳入本次专项检查：
@table widths=2,6,7,3
序号 ‖ 经营户名称 ‖ 经营地址 ‖ 经营者
1 ‖ 〖O|岳阳楼区刘嫂米粉店〗 ‖ 〖A|岳阳楼区洞庭南路150号|刘霞〗 ‖ 〖P|刘　霞|经营者〗
2 ‖ 〖O|岳阳楼区君山银针茶行〗 ‖ 〖A|岳阳楼区洞庭南路152号|方志远〗 ‖ 〖P|方志远|经营者〗
3 ‖ 〖O|岳阳市巴陵老街餐饮管理有限公司〗 ‖ 〖A|岳阳楼区汴河街18号|机构:岳阳市巴陵老街餐饮管理有限公司〗 ‖ 〖P|许　明|法定代表人〗
@end
如对本处理结果有异议，可拨打〖K|12315〗或在收到本告知书之日起60日内向〖O+K|岳阳市市场监督管理局〗申请行政复议。
联系人：〖P|易文|执法人员〗　联系电话：〖TEL+K|0730-8231564|机构:岳阳市岳阳楼区市场监督管理局〗
@right 〖O|岳阳市岳阳楼区市场监督管理局〗
@right 2024年8月15日
