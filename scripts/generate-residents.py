#!/usr/bin/env python3
"""Generates the demo city's synthetic population registry (src/main/resources/demo/residents.csv).

Deterministic (fixed seed): households of one to five people sharing an address and household number,
couples of plausible ages, children younger than their parents, valid GB 11643 ID numbers whose
sequence digit matches the sex. Run it again only to change the demo population on purpose.
"""
import csv, random, datetime, sys

random.seed(20261129)
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CODES = "10X98765432"
TODAY = datetime.date(2026, 11, 29)

def id_number(region, birth, seq_prefix, male):
    seq = seq_prefix * 10 + random.choice([1, 3, 5, 7, 9] if male else [0, 2, 4, 6, 8])
    body = f"{region}{birth:%Y%m%d}{seq:03d}"
    return body + CODES[sum(int(d) * w for d, w in zip(body, WEIGHTS)) % 11]

DISTRICTS = [("110101", "东城区", ["东四十条", "和平里北街", "安定门外大街", "北新桥"]),
             ("110102", "西城区", ["阜成门内大街", "西直门南小街", "广安门内大街"]),
             ("110105", "朝阳区", ["望京西路", "朝阳北路", "团结湖路", "劲松南路"]),
             ("110106", "丰台区", ["丰台北路", "方庄路"]),
             ("110108", "海淀区", ["中关村南大街", "学院路", "万寿路"])]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱覃武戴孔"
MALE = ["伟", "强", "磊", "军", "勇", "杰", "涛", "明", "超", "斌", "浩", "鹏", "建国", "建华", "志强", "海涛", "晓东", "子轩", "宇航", "俊杰", "文博", "国栋"]
FEMALE = ["芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀英", "桂英", "丹", "婷", "雪", "慧", "玉兰", "淑珍", "欣怡", "梓涵", "雨桐", "佳怡", "晓燕", "思琪"]
ETHNICITIES = ["汉族"] * 18 + ["回族", "满族", "蒙古族", "朝鲜族"]
used_ids, used_names, rows = set(), set(), []
counter = [0]

def birth_between(oldest, youngest):
    start, end = datetime.date(oldest, 1, 1), datetime.date(youngest, 12, 31)
    return start + datetime.timedelta(days=random.randrange((end - start).days))

def person(household, surname, given, male, birth, marital, phone=True, fixed_id=None):
    region = household["region"]
    while True:
        pid = fixed_id or id_number(region, birth, random.randrange(10, 99), male)
        if pid not in used_ids:
            break
    used_ids.add(pid)
    name = surname + given
    counter[0] += 1
    tel = "1" + random.choice("3589") + "".join(random.choice("0123456789") for _ in range(9)) if phone else ""
    rows.append(dict(id_number=pid, name=name, sex="M" if male else "F", birth_date=birth.isoformat(),
                     ethnicity=random.choice(ETHNICITIES), registered_address=household["address"],
                     household_number=household["number"], marital_status=marital, phone=tel))
    return pid

def new_household(i, region_code=None):
    region, district, streets = next(d for d in DISTRICTS if d[0] == region_code) if region_code else random.choice(DISTRICTS)
    street = random.choice(streets)
    return dict(region=region, number=f"{region}{i:06d}",
                address=f"北京市{district}{street}{random.randint(1, 199)}号{random.randint(1, 12)}号楼{random.randint(1, 6)}单元{random.randint(101, 1802)}")

def given(male):
    return random.choice(MALE if male else FEMALE)

households = 0
def household(region_code=None):
    global households
    households += 1
    return new_household(households, region_code)

# Named demo residents first: README and tests refer to them.
h = household("110101")
person(h, "陈", "晓明", True, datetime.date(1990, 3, 7), "UNMARRIED", fixed_id="110101199003071233")
h = household()
person(h, "李", "娜", False, datetime.date(1988, 6, 15), "MARRIED")
person(h, "张", "伟", True, datetime.date(1986, 2, 3), "MARRIED")
person(h, "张", "子轩", True, datetime.date(2016, 9, 1), "UNMARRIED", phone=False)
h = household()
person(h, "王", "芳", False, datetime.date(1954, 4, 12), "WIDOWED")
h = household()
person(h, "赵", "磊", True, datetime.date(1995, 11, 20), "UNMARRIED")

while len(rows) < 200:
    h = household()
    kind = random.random()
    s = random.choice(SURNAMES)
    if kind < 0.15:  # one person, often elderly
        male = random.random() < 0.5
        person(h, s, given(male), male, birth_between(1940, 2000), random.choice(["UNMARRIED", "DIVORCED", "WIDOWED"]))
        continue
    father = birth_between(1950, 1996)
    mother = father + datetime.timedelta(days=random.randint(-900, 1400))
    person(h, s, given(True), True, father, "MARRIED")
    person(h, random.choice(SURNAMES), given(False), False, mother, "MARRIED")
    for _ in range(random.choice([0, 1, 1, 2, 2, 3]) if len(rows) < 196 else 0):
        youngest_parent = max(father, mother)
        first = youngest_parent.year + 22
        if first > 2025:
            break
        male = random.random() < 0.5
        child = birth_between(first, min(first + 15, 2025))
        adult = (TODAY - child).days > 18 * 365
        person(h, s, given(male), male, child, "UNMARRIED", phone=adult)

rows = rows[:200]
w = csv.DictWriter(sys.stdout, fieldnames=list(rows[0].keys()), lineterminator="\n")
w.writeheader()
w.writerows(rows)
