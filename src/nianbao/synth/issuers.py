"""Made-up issuers: a place and an office, with the ways the office names itself."""
from __future__ import annotations

import random
from dataclasses import dataclass

_PROVINCES = ("吉林省", "山东省", "江苏省", "福建省", "浙江省", "河南省", "四川省", "湖北省")
_CITIES = ("长春市", "聊城市", "烟台市", "宿迁市", "淮安市", "泉州市", "绍兴市", "洛阳市", "绵阳市", "襄阳市",
           "德州市", "盐城市", "南平市", "湖州市", "南阳市", "宜昌市")
_DISTRICTS = ("绿园区", "芝罘区", "洪泽区", "朝阳区", "南关区", "东昌府区", "清河区", "鼓楼区", "越城区", "西工区",
              "涪城区", "樊城区", "德城区", "亭湖区", "延平区", "吴兴区")
_COUNTIES = ("临清市", "沭阳县", "泗洪县", "安溪县", "新昌县", "伊川县", "三台县", "南漳县", "武城县", "建湖县",
             "顺昌县", "长兴县", "镇平县", "远安县")
_STREETS = ("东风", "新华", "胜利", "光明", "和平", "向阳", "永安", "长青", "锦绣", "振兴", "幸福", "青山",
            "城南", "城北", "河西", "东城", "西关", "北苑", "南湖", "桃源", "红星", "文昌", "凤凰", "龙泉",
            "金山", "柳林", "花园", "石桥", "三里", "白塔", "高新", "前进")
_BUREAUS = (("生态环境局", "我局"), ("人力资源和社会保障局", "我局"), ("卫生健康委员会", "我委"),
            ("自然资源和规划局", "我局"), ("市场监督管理局", "我局"), ("住房和城乡建设局", "我局"),
            ("教育局", "我局"), ("交通运输局", "我局"), ("农业农村局", "我局"), ("财政局", "我局"))


@dataclass(frozen=True)
class Issuer:
    name: str  # as printed in the title
    short: str  # a short form used in the text (同心街道, 县生态环境局)
    me: tuple[str, ...]  # how it calls itself
    kind: str  # street | town | county | bureau
    domain: str  # made-up site name for www.<domain>.gov.cn
    big: bool


def draw_issuer(rng: random.Random) -> Issuer:
    roll = rng.random()
    city = rng.choice(_CITIES)
    domain = "".join(rng.choice("abcdefghjklmnpqrstwxyz") for _ in range(rng.randint(4, 7)))
    if roll < 0.35:
        district, street = rng.choice(_DISTRICTS), rng.choice(_STREETS)
        office = rng.choice(("街道办事处", "街道"))
        name = rng.choice((f"{district}{street}{office}", f"{city}{district}{street}街道办事处"))
        return Issuer(name, f"{street}街道", ("我街道", "街道办事处", "本机关", f"{street}街道办事处"),
                      "street", domain, False)
    if roll < 0.55:
        county, town = rng.choice(_COUNTIES), rng.choice(_STREETS)
        return Issuer(f"{county}{town}镇人民政府", f"{town}镇", ("我镇", "镇政府", "本机关"), "town", domain, False)
    if roll < 0.8:
        place = rng.choice(_COUNTIES + _DISTRICTS)
        level = "县" if place.endswith("县") else ("区" if place.endswith("区") else "市")
        return Issuer(f"{place}人民政府", place, (f"我{level}", f"{level}政府", "本级政府"), "county", domain, True)
    place = rng.choice(_COUNTIES + _DISTRICTS + _CITIES)
    bureau, me = rng.choice(_BUREAUS)
    level = place[-1]
    return Issuer(f"{place}{bureau}", f"{level}{bureau}", (me, "本机关", f"{level}{bureau}"), "bureau", domain,
                  rng.random() < 0.5)


def province(rng: random.Random) -> str:
    return rng.choice(_PROVINCES)
