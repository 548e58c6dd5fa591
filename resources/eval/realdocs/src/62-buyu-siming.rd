kind: 不予公开告知书
title: 政府信息不予公开告知书
format: docx
profile: general
split: dev
region: 福建省厦门市思明区
author: smqzfb
notes: a refusal notice: the applicant's name after 申请人 and her address with a landline beside it, the 申请编号 and the 告知书 number after an address, the law titles and agency names must stay; 国家秘密 and 商业秘密 mentioned as legal grounds (not markings).
---
@center 〖O+K|厦门市思明区人民政府办公室〗
@title 政府信息不予公开告知书
@center 〖K|思政信告〔2024〕第093号〗
〖P|郑丽卿|申请人〗：
本机关于2024年9月2日收到您通过信函方式提交的政府信息公开申请（申请编号：SM-2024-0871），您申请公开“思明区莲前街道2023年度征地拆迁补偿款发放明细（含被征收人姓名、补偿金额）”。
经审查，您申请的信息包含第三方个人姓名、身份信息及补偿金额，属于〖K|《中华人民共和国政府信息公开条例》〗第十五条规定的涉及个人隐私的政府信息，公开后可能损害第三方合法权益。本机关已书面征求第三方意见，第三方不同意公开，且不公开不会对公共利益造成重大影响。根据该条例第三十六条第（三）项的规定，决定不予公开。该信息不涉及国家秘密和商业秘密。
如对本告知书不服，可在收到本告知书之日起60日内向〖O|厦门市人民政府〗申请行政复议，或者在6个月内向〖O|厦门市思明区人民法院〗提起行政诉讼。
申请人地址：〖A|厦门市思明区莲前东路468号莲花五村12号楼603室|郑丽卿〗〖TEL|0592-5163827|郑丽卿〗
@gap
@right 〖O|厦门市思明区人民政府办公室〗
@right 2024年9月20日
@left 联系人：〖P|陈　静|承办人〗　　联系电话：〖TEL+K|0592-2196531|机构:厦门市思明区人民政府办公室〗
@left 地址：〖A+K|厦门市思明区湖滨南路334号|机构:厦门市思明区人民政府办公室〗〖K|思政信告〔2024〕第093号〗
