kind: 12345工单回复
title: 12345政务服务便民热线工单办理回复
format: docx
profile: general
split: dev
region: 广东省珠海市香洲区
author: xzqcgj
notes: a hotline case reply: the caller named after 诉求人 and again after 市民, her address in the 诉求地址 row of a Word table running straight into the complaint (…门口长期占道), a business's address with a landline beside it, the case number next to the address, the handler, the 12345 and 12319 hotlines must stay.
---
@title 12345政务服务便民热线工单办理回复
@table widths=3,7,3,5
工单编号 ‖ 〖K|ZH20240913000872〗 ‖ 来电时间 ‖ 2024-09-13 10:26
诉求人 ‖ 〖P|梁嘉欣|诉求人〗 ‖ 联系电话 ‖ 〖MOB|13823096715|梁嘉欣〗
诉求地址 ‖ 〖A|珠海市香洲区吉大景山路183号海湾花园5栋|梁嘉欣〗门口长期占道 ‖ 承办单位 ‖ 〖O+K|珠海市香洲区城市管理和综合执法局〗
@end
诉求内容：市民〖P|梁嘉欣|诉求人〗反映，〖A|香洲区吉大景山路185号|机构:珠海市香洲区好味来大排档〗〖O|珠海市香洲区好味来大排档〗（电话〖TEL|0756-3318425|机构:珠海市香洲区好味来大排档〗）每晚在人行道摆放桌椅经营至凌晨，油烟、噪声扰民，要求处理。
办理情况：接件后，〖O|吉大街道综合行政执法办公室〗执法人员〖P|冯志坚|执法人员〗、〖P|欧阳明|执法人员〗于9月13日20时到场核查，情况属实。执法人员当场责令经营者〖P|何水生|经营者〗撤回店外桌椅，并依据〖K|《广东省城乡生活垃圾管理条例》〗〖K|《珠海经济特区市容和环境卫生管理条例》〗下达〖K|香城执吉责改〔2024〕第0457号〗责令改正通知书。9月14日至16日夜间复查，未发现占道经营。
回访情况：9月17日电话回访诉求人，诉求人对处理结果表示满意。
办理人：〖P|冯志坚|执法人员〗　审核人：〖P|黎绍辉|审核人〗
如有其他问题，可拨打〖K|12345〗热线或城市管理服务热线〖K|12319〗。
@right 〖O|珠海市香洲区城市管理和综合执法局〗
@right 2024年9月17日
