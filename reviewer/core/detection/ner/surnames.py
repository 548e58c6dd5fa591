"""Chinese surnames (百家姓 plus common modern ones) for the role-trigger rule: a candidate after
申请人/当事人 must start with a surname (or be a minority name with ·) to be accepted without the model."""

from __future__ import annotations

SINGLE_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴"
    "霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑"
    "景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
    "封冼阚习宦郁练扈佴鄢官幸揭粟禹智蔺衡敬索逄旷么荆那琚郜晋闻鞠胥雍厉浦仝赖归訾钮尉卢蔚郦燕展钦通容鄂"
    "井茅桓丘乐庹隆谈笪储狄诸郗阙乜邰巴昝亓奚眭嵇符弓惠亢苍萧"
)
COMPOUND_SURNAMES = frozenset((
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯", "端木", "申屠",
    "司徒", "长孙", "宇文", "轩辕", "澹台", "呼延", "南宫", "百里", "钟离", "闻人", "万俟", "独孤", "西门",
    "第五", "太史", "公羊", "赫连", "拓跋", "濮阳", "淳于", "单于", "完颜", "东郭", "左丘", "梁丘", "羊舌",
))

# Common elements of Tibetan names, which have no surname and usually four characters (尼玛扎西, 达瓦卓玛):
# a four-character span built from them is a name, not an idiom.
TIBETAN_NAME_ELEMENTS = frozenset((
    "尼玛", "达瓦", "卓玛", "扎西", "次仁", "格桑", "旺堆", "多吉", "央金", "洛桑", "平措", "丹增", "索朗", "拉巴",
    "巴桑", "德吉", "白玛", "普布", "边巴", "其美", "顿珠", "强巴", "阿旺", "贡布", "仁增", "次旦", "旺姆", "卓嘎",
    "曲珍", "拉姆", "益西", "群培", "罗布", "米玛", "嘎玛", "土登", "晋美", "措姆", "琼达", "巴珠", "桑珠", "泽仁",
    "降央", "贡嘎", "旦增", "欧珠", "加措", "嘉措", "才让", "仁青", "达娃", "央宗", "尼珍", "格列", "次珍",
    # Kham and Amdo forms (甘孜, 阿坝, 迪庆, 青海): 泽旺多吉, 格绒彭措, 泽郎扎西, 斯郎降措
    "泽旺", "彭措", "格绒", "泽郎", "斯郎", "三郎", "泽让", "才旦", "多杰", "桑吉", "索南", "降措", "尕让", "拉毛",
    "更登", "南杰", "昂旺", "完玛",
    # Diqing (香格里拉, 德钦) forms: 鲁茸次里, 此里卓玛, 七林农布
    "鲁茸", "次里", "此里", "七林", "农布", "格茸", "拉茸", "松诺", "扎史",
))

# Elements of Mongolian names, written without a separator (乌力吉巴雅尔, 额尔敦毕力格, 孟根其其格): two of them
# side by side are one name, which models trained on Han names split in two.
MONGOLIAN_NAME_ELEMENTS = frozenset((
    "乌力吉", "巴雅尔", "巴特尔", "额尔敦", "毕力格", "其其格", "朝鲁", "宝音", "那顺", "孟和", "孟根", "苏和", "巴图",
    "阿拉坦", "斯琴", "图雅", "德力格尔", "特木尔", "布和", "敖其尔", "满都拉", "道尔吉", "吉日嘎拉", "宝力道", "乌日娜",
    "萨仁", "高娃", "格日勒", "呼和", "达来", "吉雅", "额尔德木图", "其木格", "乌兰", "巴音", "朝格图", "哈斯",
    "陶格斯", "乌云", "娜仁", "苏日娜", "乌日汗", "赛音", "吉日木图", "包力高", "桑布", "达赖", "扎布", "仁钦",
))

# Clan names (家支) that open the names of the Liangshan and Yunnan Yi (吉克伍呷, 阿苏拉惹, 曲比拉哈, 海来拉作): a
# name is the clan and one or two characters, without a Han surname. Models trained on Han names cut them
# (吉克 + 伍呷, 苏拉惹, 曲比拉); the clan tells where the name starts.
YI_CLAN_NAMES = frozenset((
    "阿苏", "阿牛", "阿说", "阿侯", "阿尔", "阿木", "阿西", "阿约", "阿吉", "吉克", "吉伍", "吉木", "吉地", "吉尔",
    "吉史", "吉吉", "曲比", "曲木", "曲尼", "海来", "马海", "沙马", "俄木", "俄底", "勒格", "瓦扎", "倮伍", "果基",
    "罗洪", "比曲", "木乃", "加拉", "且沙", "日火", "井曲", "尔古", "拉马", "苏呷", "阿克", "的日", "巫其", "补约",
))

# Characters of transliterated Mongolian, Uyghur, Kazakh and Tibetan names (音译用字): a name of five or six
# characters without a surname is written with these only (巴合提别克, 那顺乌力吉, 额尔德木图), a sentence is not.
TRANSLITERATION_CHARS = frozenset(
    "".join(TIBETAN_NAME_ELEMENTS) + "".join(MONGOLIAN_NAME_ELEMENTS) +
    "阿巴合提别克那顺乌力吉额尔德木图不都热西努兰江古丽买提曼吐逊艾尼瓦尔依明帕孜托乎玛娜达赛叶哈萨拉特格日勒布和"
    "其朝鲁宝音斯琴苏雅吾汗麦库尔班亚森沙吉克尤素甫伊斯坎比卡肯加纳孜别克夏木拜道迪莎米热合曼努拉奥斯坦"
    "克孜勒恰胡达尼扎克叶尔肯波拉特铁木哲根巴图孟敖包满都仁钦策登扎嘎丹增措姆玛央宗卓嘎曲珍次仁多杰才让"
)
