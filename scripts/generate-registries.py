#!/usr/bin/env python3
"""Generates the demo city's other base registries from the population registry, consistently:
marriages between the married couples of a household, social security and medical insurance by age,
businesses, real estate per household and vehicles. Deterministic; writes src/main/resources/demo/registries/.
"""
import csv, datetime, random, os
from collections import defaultdict

random.seed(20261130)
ROOT = os.path.join(os.path.dirname(__file__), "..", "src", "main", "resources", "demo")
TODAY = datetime.date(2026, 11, 29)
residents = list(csv.DictReader(open(os.path.join(ROOT, "residents.csv"), encoding="utf-8")))
by_household = defaultdict(list)
for r in residents:
    by_household[r["household_number"]].append(r)

def age(r):
    b = datetime.date.fromisoformat(r["birth_date"])
    return TODAY.year - b.year - ((TODAY.month, TODAY.day) < (b.month, b.day))

def write(name, fields, rows):
    with open(os.path.join(ROOT, "registries", name), "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)

# Marriage registry: the married man and woman of each household are married to each other.
marriages = []
for number, members in sorted(by_household.items()):
    husbands = [m for m in members if m["marital_status"] == "MARRIED" and m["sex"] == "M"]
    wives = [m for m in members if m["marital_status"] == "MARRIED" and m["sex"] == "F"]
    for h, w in zip(husbands, wives):
        younger = max(datetime.date.fromisoformat(h["birth_date"]), datetime.date.fromisoformat(w["birth_date"]))
        on = younger.replace(year=younger.year + random.randint(22, 30)) if younger.year + 30 < TODAY.year else younger.replace(year=younger.year + 22)
        on = min(on, TODAY - datetime.timedelta(days=30))
        marriages.append(dict(certificate_number=f"J{number[:6]}-{on.year}-{len(marriages) + 1:06d}", husband_id_number=h["id_number"],
                              wife_id_number=w["id_number"], registered_on=on.isoformat(), status="MARRIED"))
write("marriages.csv", ["certificate_number", "husband_id_number", "wife_id_number", "registered_on", "status"], marriages)

# Social security: adults of working age contribute; those past retirement age draw a pension.
EMPLOYERS = ["北京市第一建筑工程有限公司", "北京华信科技有限公司", "首都医科大学附属医院", "北京市朝阳区实验小学", "北京京东方物流有限公司",
             "个体经营（灵活就业）", "北京市公共交通集团", "中国工商银行北京分行"]
social = []
for r in residents:
    a = age(r)
    if a < 18:
        continue
    retire_age = 60 if r["sex"] == "M" else 55
    if a >= retire_age:
        months = random.randint(15 * 12, 35 * 12)
        social.append(dict(id_number=r["id_number"], status="RETIRED", employer="", contribution_months=months,
                           card_number=f"S{r['id_number'][-8:]}", pension_monthly_yuan=random.randint(3200, 6800)))
    elif random.random() < 0.9:
        months = min((a - 22) * 12 + random.randint(0, 11), 40 * 12) if a > 22 else random.randint(1, 30)
        social.append(dict(id_number=r["id_number"], status="CONTRIBUTING", employer=random.choice(EMPLOYERS),
                           contribution_months=max(months, 1), card_number=f"S{r['id_number'][-8:]}", pension_monthly_yuan=""))
write("social-security.csv", ["id_number", "status", "employer", "contribution_months", "card_number", "pension_monthly_yuan"], social)

# Medical insurance: employees' scheme for contributors and pensioners, residents' scheme for everyone else.
contributing = {s["id_number"] for s in social}
medical = []
for r in residents:
    born = datetime.date.fromisoformat(r["birth_date"])
    scheme = "EMPLOYEE" if r["id_number"] in contributing else "RESIDENT"
    since = max(born, datetime.date(2010, 1, 1)) + datetime.timedelta(days=random.randint(0, 90))
    medical.append(dict(id_number=r["id_number"], scheme=scheme, insured_since=since.isoformat(), status="ACTIVE"))
write("medical-insurance.csv", ["id_number", "scheme", "insured_since", "status"], medical)

# Businesses: some working-age adults run an individual business or a company.
TRADES = [("便利店", "retail"), ("小吃店", "catering"), ("理发店", "services"), ("五金店", "retail"), ("咨询有限公司", "consulting"), ("科技有限公司", "technology")]
businesses = []
for r in residents:
    if 25 <= age(r) <= 60 and random.random() < 0.08:
        trade, industry = random.choice(TRADES)
        kind = "COMPANY" if "有限公司" in trade else "INDIVIDUAL"
        code = "92" if kind == "INDIVIDUAL" else "91"
        businesses.append(dict(credit_code=f"{code}110{random.randint(10**12, 10**13 - 1)}", name=f"北京市{r['name']}{trade}" if kind == "INDIVIDUAL" else f"北京{r['name'][1:]}{trade}",
                               kind=kind, industry=industry, operator_id_number=r["id_number"], address=r["registered_address"],
                               registered_on=(TODAY - datetime.timedelta(days=random.randint(200, 4000))).isoformat(), status="ACTIVE"))
write("businesses.csv", ["credit_code", "name", "kind", "industry", "operator_id_number", "address", "registered_on", "status"], businesses)

# Real estate: most households own their registered home, in the name of the eldest adult.
properties = []
for number, members in sorted(by_household.items()):
    adults = sorted([m for m in members if age(m) >= 18], key=lambda m: m["birth_date"])
    if adults and random.random() < 0.75:
        owner = adults[0]
        on = TODAY - datetime.timedelta(days=random.randint(300, 7000))
        properties.append(dict(certificate_number=f"京({on.year})不动产权第{random.randint(10**6, 10**7 - 1)}号",
                               owner_id_number=owner["id_number"], address=owner["registered_address"], area_m2=random.randint(45, 140),
                               use="RESIDENTIAL", registered_on=on.isoformat()))
write("properties.csv", ["certificate_number", "owner_id_number", "address", "area_m2", "use", "registered_on"], properties)

# Vehicles: some adults own a car.
vehicles = []
letters = "ABCEFGHJKLMNPQ"
for r in residents:
    if 22 <= age(r) <= 75 and random.random() < 0.3:
        plate = f"京{random.choice('ABCEFGHJKLMNPQ')}{random.randint(10000, 99999)}"
        vehicles.append(dict(plate=plate, owner_id_number=r["id_number"], kind="SMALL_PASSENGER", brand=random.choice(["大众", "丰田", "比亚迪", "本田", "吉利"]),
                             registered_on=(TODAY - datetime.timedelta(days=random.randint(100, 5000))).isoformat()))
write("vehicles.csv", ["plate", "owner_id_number", "kind", "brand", "registered_on"], vehicles)
print(len(marriages), len(social), len(medical), len(businesses), len(properties), len(vehicles))
