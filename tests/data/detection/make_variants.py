"""Write the variants-* fixtures: wording and layout variants of addresses, health and criminal-record phrases and
restriction marks that the realdocs dev documents 77–84 showed (issue 25); all names, places and numbers invented.

- variants-prose.docx: running text — an address whose county begins with 于/即 after a label, a flat whose 室 is
  followed by 内, a district named as the clause's subject before the address, a 兵团 company's 排 + 号, a herder's
  嘎查 + 浩特 + 户, a development zone with a 车间, a 街坊 plot with its bounds in brackets, a city with 家 in its
  name, a Guangdong 号之一…房 and a Beijing 号楼…门…; injuries by body site (左侧第N—M肋骨, 胫骨平台, 额部), a pregnancy in weeks, a detoxification order and a
  sentence of named persons, a grade written before a disability; rules that talk about such people (not flagged);
  a badge number of 11 digits after 执法证号 (no phone);
- variants-head.docx: a head with 份号：, 密级, 紧急程度：特急 and a 请示 title that opens with its issuer and is split
  over two paragraphs; restriction notes made of several phrases (…，不得转发。 / 内部资料·注意保存　不得翻印);
- variants-roster.docx: a roster whose 救助事由 column names pregnancy complications, injuries and diseases;
- variants-cells.pdf: a ruled table without a name column whose cells wrap: a health phrase, a 兵团 plot bounded by
  a canal, a road and a shelterbelt, a chemical park's 厂房, a resettlement flat whose 室 wraps.
Run: .venv/bin/python tests/data/detection/make_variants.py
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_realistic import docx, pdf

PROSE = [
    "关于群众来信反映问题的办理情况",
    "通讯地址：即墨区蓝鳌路1000号。户籍地：于都县梓山镇潭头村潭头组8号。",
    "经查，被告人孙立军先后两次在其暂住的锦华苑5号楼2单元301室内贩卖毒品。",
    "二、做好人员转移。金州区要对大连市金州区站前街道和平路27号危房内的住户逐户转移。",
    "职工住房位于一二一团八连居民区2排6号，屋顶有裂缝。",
    "牧户住址为东乌珠穆沁旗满都胡宝拉格镇额仁高比嘎查第三浩特2户。",
    "仓库位于石河子经济技术开发区北八东路15号2号车间，联系电话0993-2716358。",
    "征收范围为苏家屯区72街坊（东至枫杨路，南至迎春街，西至雪松路，北至海棠街），共涉及住户46户。",
    "住所：石家庄市裕华区槐安东路136号3号楼。",
    "申请人住广州市越秀区北京街道大南路33号之一502房，送达地址为北京市海淀区学院路30号院11号楼3门401。",
    "被执行人住房坐落于从化区街口街道河滨北路88号，代理人办公地点为西安市雁塔区小寨东路126号百隆广场B座1803室。",
    "伤情：左侧第3—5肋骨骨折、右侧胫骨平台骨折、额部皮肤挫裂伤。",
    "当事人周婷事发时妊娠30周，经产科检查胎儿情况稳定。",
    "被告人韩东2019年因吸毒被决定强制隔离戒毒二年。",
    "被告人韩东犯盗窃罪，判处有期徒刑一年二个月。",
    "补贴对象赵玉兰系精神分裂症患者，户主刘长贵系一级视力残疾。",
    "陈志强曾因故意伤害罪被判刑两年，王海波系刑满释放人员，李宏伟2022年因赌博被行政拘留十日。",
    "对被判处有期徒刑以上刑罚的人员，不得录用。孕28周以上的孕产妇应当住院分娩。全市精神分裂症患者规范管理率为95%。"
    "曾因犯罪受过刑事处罚的人员不得报考。对被行政拘留的人员，应当及时通知其家属。",
    "执法人员：李明（执法证号15020423031）",
]
HEAD = [
    "份号：000031",
    "机密 ★ 3年",
    "紧急程度：特急",
    "苏尼特右旗农牧和科技局关于申请下拨2024年度",
    "受灾牧户饲草料补贴资金的请示",
    "旗人民政府：",
    "今冬全旗需补贴受灾牧户83户。本请示内容不涉及国家秘密。妥否，请批示。",
    "此件仅供领导参考，不得转发。",
    "内部资料·注意保存　不得翻印",
    "本简报仅供领导同志参阅，此件限发至各镇街主要负责同志。本材料仅供会议讨论使用，会后收回。",
]
# a table of decisions (no name column) whose cells wrap
CELLS = [
    ["序号", "议定事项", "地点", "责任单位"],
    ["1", "对低保困难户王长林（其妻患尿毒症长期透析）优先安排过渡住房", "一二一团八连居民区3排12号", "一二一团"],
    ["2", "完成原居民点确权测绘", "一二一团九连（东至八连干渠，南至团场公路，西至七连道路，北至3号林带）", "自然资源局"],
    ["3", "督促整改厂房消防通道", "石河子经济技术开发区化工新材料产业园北四东路15号2号厂房", "应急管理局"],
    ["4", "产权调换：闵行区浦江镇浦航路1500弄22号1203室", "浦江镇", "征收事务所"],
]

# a roster whose reasons column is not headed as health information: the terms added for issue 25 are found per row
ROSTER = [
    ["序号", "姓名", "救助事由", "救助金额（元）"],
    ["1", "邓春兰", "妊娠合并子痫前期，早产", "3,200"],
    ["2", "卢国庆", "车祸致硬膜下血肿", "8,000"],
    ["3", "钟小雨", "先天性唇腭裂修复手术", "5,600"],
    ["4", "汤建平", "结核性胸膜炎住院治疗", "2,400"],
    ["5", "罗美华", "重度抑郁发作", "1,800"],
    ["6", "彭家乐", "房屋倒塌", "6,000"],
]


if __name__ == "__main__":
    docx(PROSE, HERE / "variants-prose.docx")
    docx(HEAD, HERE / "variants-head.docx")
    docx(["困难群众临时救助名单"], HERE / "variants-roster.docx", ROSTER)
    pdf(HERE / "variants-cells.pdf", CELLS, [24, 150, 150, 70], "专题会议议定事项", "以上事项由师市督查室跟踪督办。")
