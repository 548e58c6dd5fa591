"""Real-looking documents of each kind a profile is chosen for (issue 26), rendered at test time as docx and PDF
with the realdocs builder (resources/eval/realdocs/build.py: python-docx; reportlab with WenQuanYi Zen Hei and
tables of wrapping Paragraph cells). Every person, company, number and address is invented; identifiers get valid
check characters (⟨ID …⟩ GB 11643, ⟨USCC …⟩ GB 32100, ⟨BANK …⟩ Luhn).

Each `Case` says which kind and profile the document must get and, per the rule of that kind (DOMAIN.md §5a),
what must stay in the published copy (the punished party, institutional contacts, 文号, the published fields)
and what must go (ID numbers, private phones, third parties' names).
"""

from __future__ import annotations

import functools
import importlib.util
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILDER = ROOT / "resources" / "eval" / "realdocs" / "build.py"


@functools.cache
def builder():
    spec = importlib.util.spec_from_file_location("realdocs_build_policy", BUILDER)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def complete(text: str) -> str:
    """⟨ID 17 digits⟩, ⟨USCC 17 chars⟩, ⟨BANK digits⟩ with their check characters."""
    b = builder()
    text = re.sub(r"⟨ID (\d{17})⟩", lambda m: m.group(1) + b.mod11_2(m.group(1)), text)
    text = re.sub(r"⟨USCC ([0-9A-Z]{17})⟩", lambda m: m.group(1) + b.gb32100(m.group(1)), text)
    return re.sub(r"⟨BANK (\d+)⟩", lambda m: m.group(1) + b.luhn(m.group(1)), text)


@dataclass(frozen=True)
class Case:
    name: str
    kind: str  # resources/document_kinds.yaml code
    profile: str
    source: str  # realdocs markup without annotations (front matter, ---, body)
    stays: tuple[str, ...]
    goes: tuple[str, ...]

    def render(self, folder: Path, fmt: str) -> Path:
        """The document as `fmt` (docx or pdf) in `folder`."""
        b = builder()
        path = folder / f"{self.name}.rd"
        path.write_text(complete(self.source), encoding="utf-8")
        src = b.parse_source(path)
        out = folder / f"{self.name}.{fmt}"
        (b.render_docx if fmt == "docx" else b.render_pdf)(src, out)
        return out

    def text(self, value: str) -> str:
        return complete(value)


def _front(kind: str, title: str) -> str:
    return f"kind: {kind}\ntitle: {title}\nformat: docx\nprofile: general\nsplit: dev\nauthor: Administrator\n---\n"


PENALTY = Case(
    "penalty", "penalty_decision", "punitive-notice",
    _front("行政处罚决定书", "成都市青羊区市场监督管理局行政处罚决定书") + """@title 成都市青羊区市场监督管理局
@title 行政处罚决定书
@center 青羊市监处罚〔2025〕63号
@left 当事人：孙志刚
@left 公民身份号码：⟨ID 51010519850312413⟩
@left 住址：四川省成都市青羊区草市街道西大街32号5栋2单元401室
@left 联系电话：13908174562
@left 委托代理人：赵文静，公民身份号码：⟨ID 51010619900721152⟩
2025年3月4日，本局执法人员对当事人经营的食品店进行现场检查，发现其销售超过保质期的预包装食品18件。执法人员当场制作现场笔录，证人钱玉兰在笔录上签字确认。
上述事实有现场笔录、询问笔录等证据证明。当事人的行为违反了《中华人民共和国食品安全法》第三十四条的规定，依据《中华人民共和国食品安全法》第一百二十四条的规定，本局决定对当事人处以罚款人民币贰万元。
当事人如不服本处罚决定，可以在收到本决定书之日起六十日内向成都市青羊区人民政府申请行政复议。
@right 成都市青羊区市场监督管理局
@right 2025年4月2日
@left 承办人：周建平　联系电话：028-86632145
@left 投诉举报电话：12315
@left （此件公开发布）
""",
    stays=("孙志刚", "青羊市监处罚〔2025〕63号", "周建平", "028-86632145", "12315", "成都市青羊区市场监督管理局",
           "成都市青羊区草市街道"),
    goes=("⟨ID 51010519850312413⟩", "13908174562", "赵文静", "⟨ID 51010619900721152⟩", "钱玉兰",
          "西大街32号5栋2单元401室"),
)

REPLY = Case(
    "reply", "disclosure_reply", "general",
    _front("依申请公开答复书", "政府信息公开申请答复书") + """@title 成都市锦江区人民政府办公室
@title 政府信息公开申请答复书
@center 锦府信复〔2025〕第041号
@left 李梦瑶：
本机关于2025年5月6日收到您通过信函方式提交的政府信息公开申请，您在申请表中填写的通讯地址为四川省成都市锦江区春熙路街道红星路三段16号3栋1单元902室，联系电话18980671235，电子邮箱limengyao1993@qq.com。
经审查，您申请公开的“锦江区2024年老旧小区改造项目实施方案”属于本机关公开职责权限范围，现提供该信息的电子文本，其中涉及第三方个人信息的部分已作区分处理。
如对本答复不服，可以自收到本答复书之日起六十日内向成都市人民政府申请行政复议。
@right 成都市锦江区人民政府办公室
@right 2025年5月20日
@left 联系人：唐晓燕　联系电话：028-86652317
@left 来信地址：成都市锦江区人民政府办公楼202室
@left 电子邮箱：jjqzfxxgk@chengdu.gov.cn
""",
    stays=("锦府信复〔2025〕第041号", "唐晓燕", "028-86652317", "jjqzfxxgk@chengdu.gov.cn",
           "成都市锦江区人民政府办公楼202室"),
    goes=("李梦瑶", "18980671235", "limengyao1993@qq.com", "红星路三段16号3栋1单元902室"),
)

APPOINTMENT = Case(
    "appointment", "appointment_notice", "appointment-notice",
    _front("任前公示", "中共杭州市上城区委组织部干部任前公示") + """@title 中共杭州市上城区委组织部
@title 干部任前公示
根据《党政领导干部选拔任用工作条例》有关规定，现将拟任职干部予以公示。
@table widths=1.2,2,1.2,1.2,2,2.6,3.2,3.2
序号‖姓名‖性别‖民族‖出生年月‖籍贯‖现任职务‖拟任职务
1‖陈建华‖男‖汉族‖1979.04‖浙江绍兴‖上城区统计局副局长‖上城区统计局局长
2‖林雪梅‖女‖汉族‖1983.11‖浙江湖州‖上城区司法局副局长‖上城区司法局局长
@end
公示期间，个人和单位可通过来信、来电、来访等方式反映公示对象的问题。陈建华同志公民身份号码⟨ID 33010219790418201⟩系误列，请勿引用。
举报电话：0571-87652380（12380）
来信地址：杭州市上城区解放东路18号上城区行政中心5号楼
""",
    stays=("陈建华", "林雪梅", "1979.04", "1983.11", "0571-87652380", "12380",
           "杭州市上城区解放东路18号上城区行政中心5号楼"),
    goes=("⟨ID 33010219790418201⟩",),
)

PROCUREMENT = Case(
    "procurement", "procurement_result", "procurement-result",
    _front("中标公告", "深圳市福田区教育局2025年校园安防设备采购项目中标结果公告") + """@title 深圳市福田区教育局2025年校园安防设备采购项目中标结果公告
一、项目编号：FTCG2025-0317
二、中标信息
@table widths=4,5,4,3
供应商名称‖供应商地址‖统一社会信用代码‖中标金额（元）
深圳市安宏智能科技有限公司‖深圳市福田区华强北街道振兴路118号华康大厦1206室‖⟨USCC 91440300MA5EXK3T8⟩‖2,380,000.00
@end
三、评审专家名单：王宏伟、刘秀英、张立群、陈国平、黄丽娟。
四、采购人信息：名称：深圳市福田区教育局；地址：深圳市福田区福中一路1028号；联系方式：0755-82917345。
五、采购代理机构信息：名称：广东中信招标代理有限公司；地址：广州市天河区体育西路191号中石化大厦2106室；联系方式：020-38821954，电子邮箱：zxzb2016@163.com。
六、其他补充事宜：中标供应商项目联系人为何志强，手机13823456719。
""",
    stays=("王宏伟", "刘秀英", "陈国平", "⟨USCC 91440300MA5EXK3T8⟩", "深圳市福田区福中一路1028号", "0755-82917345",
           "020-38821954", "zxzb2016@163.com", "深圳市福田区华强北街道振兴路118号华康大厦1206室", "何志强"),
    goes=("13823456719",),
)

EXPROPRIATION = Case(
    "expropriation", "expropriation", "expropriation-compensation",
    _front("征收补偿公示", "长沙市开福区湘江片区国有土地上房屋征收分户补偿情况公示") + """@title 长沙市开福区湘江片区国有土地上房屋征收分户补偿情况公示
根据《国有土地上房屋征收与补偿条例》第二十九条的规定，现将分户补偿情况予以公示。
@table widths=1.2,2.2,5.4,2,3,4.2
序号‖被征收人‖房屋坐落‖面积（㎡）‖补偿金额（元）‖收款账号
1‖彭建湘‖开福区湘江中路二段88号3栋2单元302室‖78.36‖1,034,352.00‖⟨BANK 622848198001231457⟩
2‖谢桂英‖开福区湘江中路二段92号附1号‖112.84‖1,489,488.00‖⟨BANK 621799552001336472⟩
@end
对公示内容有异议的，请于公示期内向开福区房屋征收办书面提出。联系地址：长沙市开福区芙蓉北路1号开福区政务服务中心3楼。联系电话：0731-84612345。
""",
    stays=("彭建湘", "谢桂英", "开福区湘江中路二段88号3栋2单元302室", "1,034,352.00", "0731-84612345",
           "长沙市开福区芙蓉北路1号开福区政务服务中心3楼"),
    goes=("⟨BANK 622848198001231457⟩", "⟨BANK 621799552001336472⟩"),
)

ASSISTANCE = Case(
    "assistance", "assistance_notice", "assistance-notice",
    _front("低保公示", "石柱县南宾街道2025年5月城乡低保新增对象公示") + """@title 石柱县南宾街道2025年5月城乡低保新增对象公示
根据《社会救助暂行办法》的规定，经入户调查、民主评议，现将新增城乡低保对象予以公示。
@table widths=1.2,2,4.2,1.6,2.2,2.2,4
序号‖户主姓名‖公民身份号码‖家庭人口‖保障类别‖月保障金（元）‖备注
1‖谭德明‖⟨ID 50024019630212351⟩‖3‖城市低保‖1,160‖妻子冉秀芬患有尿毒症
2‖马玉兰‖⟨ID 50024019750804132⟩‖2‖城市低保‖780‖联系电话13512376648
@end
公示期间，任何单位和个人对公示对象有异议的，可向南宾街道或县民政局反映。南宾街道民政办监督电话：023-73331245
""",
    stays=("谭德明", "马玉兰", "1,160", "023-73331245"),
    goes=("⟨ID 50024019630212351⟩", "⟨ID 50024019750804132⟩", "冉秀芬", "尿毒症", "13512376648"),
)

RECRUITMENT = Case(
    "recruitment", "recruitment_list", "appointment-notice",
    _front("招录拟录用名单", "西安市碑林区2025年事业单位公开招聘拟聘用人员公示") + """@title 西安市碑林区2025年事业单位公开招聘拟聘用人员公示
根据《事业单位人事管理条例》的规定，现将拟聘用人员予以公示。
@table widths=1.2,2,1.2,2,4,3.6,3.6
序号‖姓名‖性别‖出生年月‖公民身份号码‖毕业院校‖拟聘单位
1‖杜金秋‖女‖1996.10‖⟨ID 61010319961015202⟩‖西北大学‖碑林区融媒体中心
2‖雷志鸣‖男‖1997.08‖⟨ID 61010219970823101⟩‖长安大学‖碑林区城市建设服务中心
@end
公示期间如有异议，请向碑林区人力资源和社会保障局反映。监督电话：029-87456716
""",
    stays=("杜金秋", "雷志鸣", "1996.10", "1997.08", "029-87456716"),
    goes=("⟨ID 61010319961015202⟩", "⟨ID 61010219970823101⟩"),
)

COMMENDATION = Case(
    "commendation", "commendation", "mandatory-disclosure",
    _front("表彰决定", "关于表彰2024年度全区安全生产先进个人的决定") + """@title 福州市台江区人民政府
@center 台政〔2025〕9号
@title 关于表彰2024年度全区安全生产先进个人的决定
各街道办事处，区政府各部门：
2024年，全区安全生产工作取得明显成效。为表彰先进，区政府决定授予下列同志“2024年度全区安全生产先进个人”称号：
郑常青　台江区应急管理局执法大队队长
吴美华　台江区瀛洲街道安监站站长
林志坚　台江区消防救援大队参谋
@right 福州市台江区人民政府
@right 2025年2月10日
@left 联系人：叶晓琳，手机13959123478，办公电话0591-83312456
""",
    stays=("台政〔2025〕9号", "郑常青", "吴美华", "林志坚", "叶晓琳", "0591-83312456"),
    goes=("13959123478",),
)

MINUTES = Case(
    "minutes", "meeting_minutes", "general",
    _front("会议纪要", "小店区城市管理专题会议纪要") + """@title 太原市小店区人民政府
@title 小店区城市管理专题会议纪要
@center 小政办纪〔2025〕12号
2025年6月3日，副区长刘卫东主持召开城市管理专题会议，研究坞城路沿街商户占道经营问题。会议听取了村民王福贵关于其商铺被临时封闭的反映，王福贵联系电话13703516248。
会议议定：由区城管局牵头，7月底前完成整治。值班电话：0351-7021345。
出席：刘卫东、张海涛、李国庆
记录：赵晓峰
""",
    stays=("小政办纪〔2025〕12号", "刘卫东", "张海涛", "李国庆", "赵晓峰", "0351-7021345"),
    goes=("王福贵", "13703516248"),
)

REQUEST = Case(
    "request", "request", "general",
    _front("请示", "关于申请追加2025年度城乡居民医疗救助资金的请示") + """@title 贵阳市云岩区医疗保障局文件
@left 云医保呈〔2025〕21号　　签发人：杨光荣
@title 关于申请追加2025年度城乡居民医疗救助资金的请示
区人民政府：
今年以来，我区医疗救助对象持续增加，其中救助对象周德胜（公民身份号码⟨ID 52010319581102351⟩）等患重大疾病，医疗费用负担较重。为保障救助资金按时足额发放，特申请追加医疗救助资金人民币叁佰万元。
妥否，请批示。
@right 贵阳市云岩区医疗保障局
@right 2025年8月12日
@left 联系人：龙安琪　联系电话：0851-86626047　手机：13985017236
""",
    stays=("云医保呈〔2025〕21号", "杨光荣", "龙安琪", "0851-86626047"),
    goes=("周德胜", "⟨ID 52010319581102351⟩", "13985017236"),
)

NOTICE = Case(
    "notice", "notice", "general",
    _front("值班安排通知", "关于做好2025年国庆节假期值班工作的通知") + """@title 长春市朝阳区人民政府办公室
@center 朝府办明电〔2025〕28号
@title 关于做好2025年国庆节假期值班工作的通知
各街道办事处，区政府各委、办、局：
为做好国庆节假期值班工作，现将有关事项通知如下：
一、区政府总值班室值班安排如下：
@table widths=3,3,3,4
日期‖带班领导‖值班人员‖联系电话
10月1日‖朴成浩‖王文静‖15981054420
10月2日‖金明哲‖刘振华‖13654463189
@end
二、各单位于9月26日前将值班表报区政府总值班室，联系电话：0431-85952115，电子邮箱：cyqzbs@126.com。
特此通知。
""",
    stays=("朝府办明电〔2025〕28号", "朴成浩", "王文静", "金明哲", "刘振华", "0431-85952115", "cyqzbs@126.com"),
    goes=("15981054420", "13654463189"),
)

BULLETIN = Case(
    "bulletin", "statistical_bulletin", "general",
    _front("统计公报", "济南市槐荫区2024年国民经济和社会发展统计公报") + """@title 济南市槐荫区2024年国民经济和社会发展统计公报
济南市槐荫区统计局
2024年，全区地区生产总值完成512.6亿元，比上年增长6.1%。全年城乡低保、临时救助等各类救助资金支出1.86亿元。
@table widths=5,2,3,3
项目‖单位‖2024年‖比上年增减（%）
地区生产总值‖亿元‖512.6‖6.1
一般公共预算收入‖亿元‖38.4‖4.2
@end
本公报解读咨询：槐荫区统计局综合科，联系人：孟凡华，电话0531-87061234。
""",
    stays=("512.6", "孟凡华", "0531-87061234", "济南市槐荫区统计局"),
    goes=(),
)

CASES = (PENALTY, REPLY, APPOINTMENT, PROCUREMENT, EXPROPRIATION, ASSISTANCE, RECRUITMENT, COMMENDATION, MINUTES,
         REQUEST, NOTICE, BULLETIN)
