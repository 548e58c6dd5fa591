kind: 新闻稿
title: 佳木斯市前进区多措并举保障困难群众温暖过冬
format: pdf
profile: general
split: test
region: 黑龙江省佳木斯市前进区
author: 〖P|史江|通讯员〗
notes: a news release as a PDF: bylines with names that are words (记者于洋, 通讯员史江, 李平安), residents quoted by name with their community, a beneficiary's disability mentioned in the text, officials in their public role; the district's civil-affairs hotline must stay.
---
@title 佳木斯市前进区多措并举保障困难群众温暖过冬
@center 〖O|佳木斯日报〗记者〖P|于洋|记者〗　通讯员〖P|史江|通讯员〗　〖P|李平安|通讯员〗
入冬以来，前进区把保障困难群众温暖过冬作为重要民生工程，通过发放取暖补贴、开展入户走访、设立“暖心驿站”等方式，确保困难群众不受冻。
“今年的取暖补贴11月初就打到卡上了，比往年还早了半个月。”在前进区港湾街道滨江社区，低保户〖P|刘淑珍|受访者〗老人一边给记者倒茶一边说。她家墙上贴着社区网格员〖P|孙晓梅|网格员〗的联系卡，“有啥事打个电话，小孙一会儿就到。”
据〖O|前进区民政局〗局长〖P|董文博|领导干部〗介绍，今年全区共为2316户城乡低保、特困供养家庭发放取暖补贴〖K|463.2万元〗，户均2000元；对82户重度残疾人家庭额外增发500元。港湾街道居民〖P|赵永刚|受访者〗因〖SEN|肢体残疾一级|赵永刚〗常年卧床，〖O|区残联〗今年为他家更换了电暖器并加装了保温窗。
此外，前进区在12个社区设立“暖心驿站”，为户外劳动者和困难群众提供热水、休息、充电等服务；联合〖O|国网佳木斯供电公司〗对独居老人家庭开展用电安全检查1200余户次。
〖O|区民政局〗提醒，困难群众在冬季遇到取暖困难，可拨打民政服务热线〖TEL+K|0454-8613245|机构:佳木斯市前进区民政局〗或〖K|12345〗求助。
