#!/usr/bin/env python3
"""Generates, from the demo catalog, one form definition and one pre-check decision table per matter:

  src/main/resources/demo/forms/<CODE>.json   the fields the citizen sees, each with the registry item that
                                              prefills it for the applicant ("source"), or none when typed
  src/main/resources/dmn/precheck-<CODE>.dmn  a DMN 1.3 decision table (hit policy COLLECT) of eligibility and
                                              cross-field problems, each with a plain-language remedy

Deterministic, standard library only; run from the repository root: python3 scripts/generate-forms.py
The format and the judgement calls are described in src/main/resources/demo/forms/README.md.

Sources are the registry items of org.onestop.registry.RegistrySource ("<registry>.<column>") plus
"identity.id_number", the applicant's own verified ID number. A source always reads the APPLICANT's own
record. Items about another person (a parent, the deceased, a partner, a newborn, household members, the
child a parent applies for) get no source and are typed: reading another person's registry data needs that
person's consent (or a legal basis and a purpose recorded for them), which a form cannot give.
"""
import json, os
from xml.sax.saxutils import escape

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
CATALOG = os.path.join(ROOT, "src", "main", "resources", "demo", "catalog", "matters.json")
FORMS = os.path.join(ROOT, "src", "main", "resources", "demo", "forms")
DMN = os.path.join(ROOT, "src", "main", "resources", "dmn")


def t(zh, en):
    return {"zh": zh, "en": en}


def opts(*triples):
    return [{"value": v, "label": t(zh, en)} for v, zh, en in triples]


# Value vocabularies, exactly as the registry CSVs hold them (residents.csv, registries/*.csv).
SEX = opts(("M", "男", "Male"), ("F", "女", "Female"))
MARITAL = opts(("UNMARRIED", "未婚", "Never married"), ("MARRIED", "已婚", "Married"),
               ("DIVORCED", "离婚", "Divorced"), ("WIDOWED", "丧偶", "Widowed"))
INSURED = opts(("CONTRIBUTING", "在职参保缴费", "Working and paying contributions"),
               ("RETIRED", "已退休，领取养老金", "Retired, drawing a pension"))
MI_SCHEME = opts(("EMPLOYEE", "职工基本医疗保险", "Employee medical insurance"),
                 ("RESIDENT", "城乡居民基本医疗保险", "Residents' medical insurance"))
# Relationship to a deceased person; "close relatives" (近亲属) are those of the Civil Code, Art. 1045.
RELATIONSHIP = [("SPOUSE", "配偶", "Spouse"), ("CHILD", "子女", "Child"), ("PARENT", "父母", "Parent"),
                ("SIBLING", "兄弟姐妹", "Brother or sister"), ("GRANDPARENT", "祖父母、外祖父母", "Grandparent"),
                ("GRANDCHILD", "孙子女、外孙子女", "Grandchild"), ("OTHER_RELATIVE", "其他亲属", "Other relative"),
                ("CARER", "抚养人、监护人", "Carer or guardian"), ("OTHER", "其他", "Other")]
LEGATEE = ("LEGATEE", "受遗赠人", "Legatee (named in a will)")

TEXT50 = {"type": "TEXT", "maxLength": 50}
TEXT100 = {"type": "TEXT", "maxLength": 100}
ADDRESS = {"type": "TEXT", "maxLength": 200}

# dataItem key -> field properties. "source" only where the registry holds the item for the applicant.
FIELDS = {
    "name": dict(TEXT50, source="population.name"),
    "idNumber": dict(type="ID_NUMBER", source="identity.id_number"),
    "sex": dict(type="SELECT", options=SEX, source="population.sex"),
    "ethnicity": dict(type="TEXT", maxLength=20, source="population.ethnicity"),
    "birthDate": dict(type="DATE", source="population.birth_date"),
    "registeredAddress": dict(ADDRESS, source="population.address"),
    "householdNumber": dict(type="TEXT", maxLength=20, pattern="[0-9]{6,20}", source="population.household_number"),
    "phone": dict(type="PHONE", source="population.phone"),
    # Everyone has a marital status in the population registry; the marriage registry only has rows for
    # marriages registered in the city, so population.marital_status is the one that is there for everyone.
    "maritalStatus": dict(type="SELECT", options=MARITAL, source="population.marital_status"),
    "spouseName": dict(TEXT50, source="marriage.spouse_name"),
    "spouseIdNumber": dict(type="ID_NUMBER", source="marriage.spouse_id_number"),
    "employerName": dict(TEXT100, source="socialsecurity.employer"),
    "insuredStatus": dict(type="SELECT", options=INSURED, source="socialsecurity.status"),
    "retirementStatus": dict(type="SELECT", options=INSURED, source="socialsecurity.status"),
    # The registry holds the card number; the card's financial account is linked to it (card numbers are
    # "S" and 8 digits in the demo data, real ones 9 letters and digits: a loose pattern).
    "socialSecurityCardAccount": dict(type="TEXT", maxLength=20, pattern="[A-Za-z0-9]{6,20}",
                                      source="socialsecurity.card_number"),
    "socialSecurityCardNumber": dict(type="TEXT", maxLength=20, pattern="[A-Za-z0-9]{6,20}",
                                     source="socialsecurity.card_number"),
    "medicalInsuranceType": dict(type="SELECT", options=MI_SCHEME, source="medicalinsurance.scheme"),
    "businessName": dict(TEXT100, source="business.name"),
    "unifiedSocialCreditCode": dict(type="TEXT", maxLength=18, pattern="[0-9A-HJ-NPQRTUWXY]{18}",
                                    source="business.credit_code"),
    "businessAddress": dict(ADDRESS, source="business.address"),
    # The operator of an individual business / the legal representative is the applicant.
    "legalRepresentative": dict(TEXT50, source="population.name"),
    "propertyAddress": dict(ADDRESS, source="property.address"),
    "propertyCertificateNumber": dict(TEXT100, source="property.certificate_number"),
    "plateNumber": dict(type="TEXT", maxLength=10, pattern="\\p{IsHan}[A-Z][A-Z0-9]{5,6}", source="vehicle.plate"),
    # Typed by the citizen.
    "mailingAddress": dict(ADDRESS),
    "residentialAddress": dict(ADDRESS),
    "transferReason": dict(type="SELECT", options=opts(
        ("OWN_HOME", "在本市有合法自有住房", "I own a home in the city"),
        ("JOIN_SPOUSE", "投靠配偶", "Joining my spouse"),
        ("CHILD_JOINS_PARENTS", "未成年子女投靠父母", "A minor child joining parents"),
        ("PARENTS_JOIN_CHILD", "父母投靠子女", "Parents joining a child"),
        ("JOB_TRANSFER", "工作调动", "Job transfer"),
        ("TALENT", "人才引进", "Talent scheme"),
        ("OTHER", "其他", "Other"))),
    "disabilityType": dict(type="SELECT", options=opts(
        ("VISUAL", "视力残疾", "Visual"), ("HEARING", "听力残疾", "Hearing"), ("SPEECH", "言语残疾", "Speech"),
        ("PHYSICAL", "肢体残疾", "Physical"), ("INTELLECTUAL", "智力残疾", "Intellectual"),
        ("MENTAL", "精神残疾", "Mental"), ("MULTIPLE", "多重残疾", "Multiple"))),
    "contributionYears": dict(type="NUMBER"),  # replaced by contributionMonths wherever it occurs
    "householdIncome": dict(type="NUMBER"),
    "economicCheckConsent": dict(type="CONSENT"),
    "cardBank": dict(TEXT50),
    "employeeList": dict(type="TEXTAREA", maxLength=4000),
    "insuredPlace": dict(TEXT50),
    "destinationCity": dict(TEXT50),
    "medicalInsuranceContributionYears": dict(type="NUMBER"),
    "proposedBusinessName": dict(TEXT100),
    "businessScope": dict(type="TEXTAREA", maxLength=1000),
    "premisesAddress": dict(ADDRESS),
    "registeredCapital": dict(type="NUMBER"),
    "shareholders": dict(type="TEXTAREA", maxLength=2000),
    "changeItems": dict(type="TEXTAREA", maxLength=1000),
    "foodCategories": dict(type="TEXTAREA", maxLength=1000),
    "withdrawalReason": dict(type="SELECT", options=opts(
        ("BUY_HOME", "购买自住住房", "Buying a home to live in"),
        ("BUILD_OR_RENOVATE", "建造、翻建、大修自住住房", "Building, rebuilding or renovating my home"),
        ("REPAY_LOAN", "偿还购房贷款本息", "Repaying a home loan"),
        ("RENT", "无自有住房且租房", "Renting, owning no home"),
        ("RETIREMENT", "离休、退休", "Retirement"),
        ("UNABLE_TO_WORK", "完全丧失劳动能力并终止劳动关系", "Fully unable to work, job ended"),
        ("SETTLE_ABROAD", "出境定居", "Settling abroad"),
        ("OTHER", "其他", "Other"))),
    "loanAmount": dict(TEXT100),
    "propertyOwner": dict(TEXT50),
    "monthlyRent": dict(type="NUMBER"),
    "leaseTerm": dict(TEXT50),
    "schoolName": dict(TEXT100),
    # About another person: typed, never looked up (see the module comment).
    "newbornName": dict(TEXT50),
    "newbornIdNumber": dict(type="ID_NUMBER"),
    "fatherName": dict(TEXT50),
    "fatherIdNumber": dict(type="ID_NUMBER"),
    "motherName": dict(TEXT50),
    "motherIdNumber": dict(type="ID_NUMBER"),
    "deceasedName": dict(TEXT50),
    "deceasedIdNumber": dict(type="ID_NUMBER"),
    "relationshipToDeceased": dict(type="SELECT", options=opts(*RELATIONSHIP)),
    "partnerName": dict(TEXT50),
    "partnerIdNumber": dict(type="ID_NUMBER"),
    "householdMembers": dict(type="TEXTAREA", maxLength=1000),
}

CONTRIBUTION_MONTHS = dict(type="NUMBER", source="socialsecurity.contribution_months",
                           label=t("养老保险累计缴费月数", "Months of pension contributions"))

# Per matter: changes to single fields (label, required, source, options) and citizen-typed additions.
OVERRIDES = {
    # The registry holds months, not years: the field becomes months and is prefilled.
    ("HR-PEN-002", "contributionYears"): dict(CONTRIBUTION_MONTHS, name="contributionMonths"),
    ("HR-UNE-001", "contributionYears"): dict(CONTRIBUTION_MONTHS, name="contributionMonths"),
    # The insurance status asked here is the deceased's, not the applicant's: typed, optional.
    ("HR-DTH-001", "insuredStatus"): dict(source=None, required=False,
                                          label=t("逝者生前参保状态", "The deceased's insurance status")),
    # Parents apply for a child's vaccination check and a pupil's transit card: the name, ID number and
    # date of birth are the child's, so they are typed (a parent's own record would prefill the wrong person).
    ("HE-VAC-002", "name"): dict(source=None, label=t("儿童姓名", "Child's name")),
    ("HE-VAC-002", "idNumber"): dict(source=None, label=t("儿童公民身份号码", "Child's ID number")),
    ("HE-VAC-002", "birthDate"): dict(source=None, label=t("儿童出生日期", "Child's date of birth")),
    ("TR-STU-001", "name"): dict(source=None, label=t("学生姓名", "Pupil's name")),
    ("TR-STU-001", "idNumber"): dict(source=None, label=t("学生公民身份号码", "Pupil's ID number")),
    ("TR-STU-001", "birthDate"): dict(source=None, label=t("学生出生日期", "Pupil's date of birth")),
    # Heirs may also be legatees under a will.
    ("HU-PF-004", "relationshipToDeceased"): dict(options=opts(*(RELATIONSHIP[:-1] + [LEGATEE] + RELATIONSHIP[-1:])))
}
# A child may be born outside marriage: the father's details are optional, the mother's required.
for code in ("PS-HH-002", "HE-BMC-001", "MI-NB-001"):
    OVERRIDES[(code, "fatherName")] = dict(required=False)
    OVERRIDES[(code, "fatherIdNumber")] = dict(required=False)
LABELS = {
    "householdIncome": t("家庭月收入合计（元）", "Total monthly household income (yuan)"),
    "registeredCapital": t("注册资本（万元）", "Registered capital (10,000 yuan)"),
    "monthlyRent": t("月租金（元）", "Monthly rent (yuan)"),
    "medicalInsuranceContributionYears": t("医保累计缴费年限（年）", "Years of medical insurance contributions"),
}
ADDITIONS = {
    # The allowance is paid to the social security card's account; another account only if the citizen wants.
    "CA-ELD-001": [dict(name="bankAccount", label=t("其他收款银行账号（不填则发放到社保卡）",
                                                    "Other bank account for payments (empty: paid to the social security card)"),
                        type="BANK_ACCOUNT", required=False)],
    "PS-RP-001": [dict(name="residenceBasis", label=t("申领依据", "Basis for the permit"), type="SELECT", required=True,
                       options=opts(("EMPLOYMENT", "合法稳定就业", "Stable lawful employment"),
                                    ("HOME", "合法稳定住所", "Stable lawful home"),
                                    ("STUDY", "连续就读", "Continuous study")))],
    "HR-UNE-001": [dict(name="separationReason", label=t("离职原因", "Why the job ended"), type="SELECT", required=True,
                        options=opts(("CONTRACT_ENDED", "劳动合同期满终止", "The contract ran out"),
                                     ("DISMISSED", "被用人单位解除劳动合同", "Dismissed by the employer"),
                                     ("EMPLOYER_CLOSED", "用人单位破产、关闭或撤销", "The employer closed down"),
                                     ("EMPLOYER_FAULT", "因用人单位过错本人解除合同", "I left because of the employer's fault (e.g. unpaid wages)"),
                                     ("OWN_WISH", "本人自愿离职", "I resigned of my own accord")))],
    "HU-RNT-001": [dict(name="applicantRole", label=t("申请人身份", "You are the"), type="SELECT", required=True,
                        options=opts(("LANDLORD", "出租人", "Landlord"), ("TENANT", "承租人", "Tenant")))],
}


def field(code, channel, item):
    key = item["key"]
    f = {"name": key, "label": LABELS.get(key, item["label"])}
    props = dict(FIELDS[key])
    f["type"] = props.pop("type")
    # A delivery address is needed where nothing is collected in person; in a hall one may collect instead.
    f["required"] = channel == "ONLINE" if key == "mailingAddress" else True
    f.update(props)
    f.update(OVERRIDES.get((code, key), {}))
    if f.get("source") is None:
        f.pop("source", None)
    order = ["name", "label", "type", "required", "maxLength", "pattern", "options", "source"]
    return {k: f[k] for k in order if k in f}


def form(matter):
    fields = [field(matter["code"], matter["channel"], i) for i in matter["dataItems"]]
    fields += ADDITIONS.get(matter["code"], [])
    return {"serviceCode": matter["code"], "fields": fields, "decisionTable": "precheck-" + matter["code"]}


# ---------------------------------------------------------------------------------------------------------
# Pre-check rules: eligibility and cross-field consistency only. Required fields, formats and documents are
# checked in Java. Each rule is (conditions, code, field, messageZh, messageEn, remedyZh, remedyEn), the
# conditions a list of (variable, unary test). age is -1 when unknown, so every age rule also tests ">= 0".
# hasExplanation: a rule that a citizen's written explanation can answer (the registry may be out of date,
# an exception may apply) only fires while there is none; the officer reads the explanation (P5).
# ---------------------------------------------------------------------------------------------------------
def age_between(lo, hi):
    return [("age", ">= %d" % lo), ("age", "< %d" % hi)]


NO_EXPLANATION = [("hasExplanation", "false")]
NOT_MARRIED = ["UNMARRIED", "DIVORCED", "WIDOWED"]


def each(values, make):
    return [make(v) for v in values]


RULES = {
    "PS-HH-001": [
        ([("transferReason", '"OWN_HOME"'), ("propertyAddress", '""')] + NO_EXPLANATION, "NO_PROPERTY_ON_RECORD", "propertyAddress",
         "您选择了“在本市有合法自有住房”，但不动产登记中没有查到您名下的房屋。",
         "You chose \u201cI own a home in the city\u201d, but the property registry has no home in your name.",
         "如果房屋刚刚购买、尚未办理不动产登记，请填写房屋坐落并写明情况，上传购房合同；也可以选择其他迁移原因，或咨询户籍所在地派出所。",
         "If you bought the home recently and it is not registered yet, enter its address, explain and upload the purchase contract; or choose another reason, or ask your local police station."),
    ] + each(NOT_MARRIED, lambda s: (
        [("transferReason", '"JOIN_SPOUSE"'), ("maritalStatus", '"%s"' % s)] + NO_EXPLANATION, "NOT_MARRIED_ON_RECORD", "maritalStatus",
        "您选择了“投靠配偶”，但人口登记中您的婚姻状况不是已婚。",
        "You chose \u201cjoining my spouse\u201d, but the population registry does not show you as married.",
        "如果刚刚登记结婚，请写明结婚登记的时间和地点，登记信息同步后即可办理；否则请选择其他迁移原因，或咨询户籍所在地派出所。",
        "If you married recently, say when and where the marriage was registered; or choose another reason, or ask your local police station.")),
    "PS-RP-001": [
        ([("residenceBasis", '"EMPLOYMENT"'), ("employerName", '""')] + NO_EXPLANATION, "NO_EMPLOYMENT_ON_RECORD", "employerName",
         "您以“合法稳定就业”申领，但社会保险登记中没有查到您的工作单位。",
         "You apply on the basis of employment, but the social insurance registry has no employer for you.",
         "请填写工作单位并说明情况（例如刚入职、单位尚未参保），可上传劳动合同；也可以改以“合法稳定住所”（如已备案的租房）或“连续就读”申领。",
         "Enter your employer and explain (for example a new job not yet insured) and upload your contract; or apply on the basis of a registered home or lease, or of study."),
    ],
    "CA-MAR-001": [
        ([("maritalStatus", '"MARRIED"')], "ALREADY_MARRIED", "maritalStatus",
         "人口登记中您的婚姻状况为已婚。依照《民法典》，有配偶者不能再登记结婚。",
         "The population registry shows you as married. Under the Civil Code, a married person cannot register another marriage.",
         "如果已经离婚或配偶已去世而登记未更新，请带离婚证、离婚判决书或死亡证明到婚姻登记处，工作人员会核实并更新；有疑问可拨打12345或咨询民政局婚姻登记处。",
         "If you are divorced or widowed and the record is out of date, bring the divorce certificate, court judgment or death certificate to the marriage registry office, which will check and update it; or call 12345."),
        ([("sex", '"M"')] + age_between(0, 22), "UNDER_MARRIAGE_AGE", "birthDate",
         "依照《民法典》，男方须年满22周岁才能登记结婚，您目前未满22周岁。",
         "Under the Civil Code a man must be at least 22 to marry; you are younger.",
         "请在年满22周岁后再申请；如果出生日期登记有误，请到户籍所在地派出所申请更正。",
         "Apply once you are 22; if your date of birth is recorded wrongly, ask your local police station to correct it."),
        ([("sex", '"F"')] + age_between(0, 20), "UNDER_MARRIAGE_AGE", "birthDate",
         "依照《民法典》，女方须年满20周岁才能登记结婚，您目前未满20周岁。",
         "Under the Civil Code a woman must be at least 20 to marry; you are younger.",
         "请在年满20周岁后再申请；如果出生日期登记有误，请到户籍所在地派出所申请更正。",
         "Apply once you are 20; if your date of birth is recorded wrongly, ask your local police station to correct it."),
    ],
    "CA-MAR-002": each(NOT_MARRIED, lambda s: (
        [("maritalStatus", '"%s"' % s)] + NO_EXPLANATION, "NOT_MARRIED_ON_RECORD", "maritalStatus",
        "人口登记中您的婚姻状况不是已婚，协议离婚登记只适用于在中国内地登记结婚的夫妻。",
        "The population registry does not show you as married; divorce by agreement is for couples married in mainland China.",
        "如果您已登记结婚而记录有误，请写明情况，并在到婚姻登记处时带上结婚证；在境外结婚的，可以向人民法院起诉离婚。可咨询民政局婚姻登记处或拨打12345。",
        "If you are married and the record is wrong, explain and bring your marriage certificate to the registry office; a marriage registered abroad is dissolved through the courts. Ask the marriage registry office or call 12345.")) + [
        ([("maritalStatus", '"MARRIED"'), ("spouseIdNumber", '""')] + NO_EXPLANATION, "MARRIAGE_RECORD_NOT_FOUND", "spouseIdNumber",
         "婚姻登记中没有查到您的结婚登记记录，可能是在外地或较早时登记的。",
         "The marriage registry has no record of your marriage; it may have been registered elsewhere or long ago.",
         "请填写配偶姓名和身份号码并说明在何时何地登记结婚，到婚姻登记处时带上结婚证原件，工作人员会核实。",
         "Enter your spouse's name and ID number, say when and where you married, and bring the marriage certificate to the registry office to be checked."),
    ],
    "CA-ELD-001": [
        (age_between(0, 70), "NOT_ELIGIBLE_AGE", "birthDate",
         "高龄津贴发给年满70周岁的老年人，按登记的出生日期您还未满70周岁。",
         "The elderly allowance is for people aged 70 or over; by your recorded date of birth you are not 70 yet.",
         "请在年满70周岁后申请，津贴从满70周岁的当月起计算。年满65周岁可以先办理老年人乘车优待卡（TR-SEN-001）；生活有困难的，可咨询街道（乡镇）民政部门了解低保等救助。出生日期登记有误的，请到户籍所在地派出所更正。",
         "Apply once you turn 70; the allowance counts from the month you do. From 65 you can get the free transport card for seniors (TR-SEN-001); if you are in hardship, ask your sub-district civil affairs office about the minimum living allowance and other help. If your date of birth is wrong, ask your local police station to correct it."),
    ],
    "CA-DIS-001": [
        (age_between(0, 18), "GUARDIAN_APPLIES", "name",
         "申请人未满18周岁，残疾人证应由监护人代为申请。",
         "The applicant is under 18: a guardian applies for the disability certificate on their behalf.",
         "请由父母或其他监护人登录并为孩子申请，或由监护人带孩子到社区（村）或街道残联办理；如有疑问请咨询区残联。",
         "Ask a parent or other guardian to apply for the child, online or at the community or sub-district disabled persons' federation; the district federation can help."),
    ],
    "CA-FUN-001": each(["OTHER_RELATIVE", "CARER", "OTHER"], lambda r: (
        [("relationshipToDeceased", '"%s"' % r)], "NOT_CLOSE_RELATIVE", "relationshipToDeceased",
        "惠民殡葬补贴由逝者的近亲属（配偶、父母、子女、兄弟姐妹、祖父母、外祖父母、孙子女、外孙子女）申请。",
        "The funeral subsidy is claimed by a close relative of the deceased (spouse, parent, child, sibling, grandparent or grandchild).",
        "请由逝者的近亲属申请；逝者没有近亲属、由您料理后事的，请写明情况并联系逝者户籍所在地街道（乡镇）民政部门，由其核实后办理。",
        "Ask a close relative of the deceased to apply; if there is none and you arranged the funeral, explain and contact the civil affairs office of the deceased's sub-district, which can check and handle it.")),
    "HR-PEN-001": [
        ([("insuredStatus", '"CONTRIBUTING"')], "NOT_DRAWING_PENSION", "insuredStatus",
         "社会保险登记显示您正在参保缴费，尚未领取养老金；待遇资格认证只适用于领取养老金的人员。",
         "The social insurance registry shows you paying contributions, not drawing a pension; the certification is only for pensioners.",
         "您现在不需要办理认证。到达退休年龄时，请申领基本养老金（HR-PEN-002）。如果您已经在领取养老金而记录有误，请拨打12333或联系区社保经办机构。",
         "You do not need to certify now. When you reach retirement age, apply for the basic pension (HR-PEN-002). If you already draw a pension and the record is wrong, call 12333 or your district social insurance office."),
    ],
    "HR-PEN-002": [
        ([("contributionMonths", '!= ""'), ("contributionMonths", "< 180")] + NO_EXPLANATION, "INSUFFICIENT_CONTRIBUTIONS", "contributionMonths",
         "本市社会保险登记中您的养老保险累计缴费不足15年（180个月）。",
         "The city's social insurance registry shows fewer than 15 years (180 months) of pension contributions.",
         "在外地缴费的年限可以转移接续后合并计算，请写明情况；缴费不足15年的，可以延长缴费至满15年，或按规定转入城乡居民养老保险。请拨打12333或咨询区社保经办机构。",
         "Contributions paid in other cities count once transferred: explain them. With under 15 years you may keep paying until you reach 15, or move to the residents' pension scheme. Call 12333 or ask your district social insurance office."),
        ([("sex", '"M"')] + age_between(0, 60) + NO_EXPLANATION, "BELOW_RETIREMENT_AGE", "birthDate",
         "按登记的出生日期，您尚未达到男职工的法定退休年龄（60周岁起，按国家规定逐步延迟）。",
         "By your recorded date of birth you have not reached the statutory retirement age for men (60, rising gradually under national rules).",
         "从事特殊工种、因病或非因工完全丧失劳动能力等可以提前退休的，请写明情况；否则请在达到退休年龄时申请。可拨打12333查询本人的退休年龄。",
         "If early retirement applies to you (hazardous work, full loss of working capacity), explain; otherwise apply when you reach the age. Call 12333 to learn your own retirement age."),
        ([("sex", '"F"')] + age_between(0, 50) + NO_EXPLANATION, "BELOW_RETIREMENT_AGE", "birthDate",
         "按登记的出生日期，您尚未达到女职工的法定退休年龄（50或55周岁起，按国家规定逐步延迟）。",
         "By your recorded date of birth you have not reached the statutory retirement age for women (50 or 55, rising gradually under national rules).",
         "从事特殊工种、因病或非因工完全丧失劳动能力等可以提前退休的，请写明情况；否则请在达到退休年龄时申请。可拨打12333查询本人的退休年龄。",
         "If early retirement applies to you (hazardous work, full loss of working capacity), explain; otherwise apply when you reach the age. Call 12333 to learn your own retirement age."),
    ],
    "HR-UNE-001": [
        ([("insuredStatus", '"RETIRED"')] + NO_EXPLANATION, "ALREADY_RETIRED", "insuredStatus",
         "社会保险登记显示您已退休并领取养老金，领取养老金的人员不能领取失业保险金。",
         "The social insurance registry shows you retired and drawing a pension; pensioners cannot receive unemployment benefit.",
         "如果记录有误，请写明情况，或拨打12333、联系区社保经办机构核实。",
         "If the record is wrong, explain, or call 12333 or your district social insurance office to check."),
        ([("separationReason", '"OWN_WISH"')], "VOLUNTARY_RESIGNATION", "separationReason",
         "失业保险金只发给非因本人意愿中断就业的人员，您选择了“本人自愿离职”。",
         "Unemployment benefit is for people whose job ended through no choice of their own; you chose \u201cI resigned of my own accord\u201d.",
         "如果是因为用人单位拖欠工资、未缴社保等过错而离职，请改选“因用人单位过错本人解除合同”并上传相关材料。您仍可以办理失业登记，享受免费职业介绍和培训，请咨询街道（乡镇）社保所或拨打12333。",
         "If you left because of the employer's fault (unpaid wages, no insurance), choose that reason and upload the evidence. You can still register as unemployed for free job placement and training: ask your sub-district social security office or call 12333."),
        ([("contributionMonths", '!= ""'), ("contributionMonths", "< 12")] + NO_EXPLANATION, "INSUFFICIENT_CONTRIBUTIONS", "contributionMonths",
         "社会保险登记中您的累计缴费不足12个月，失业保险金要求失业前缴费满1年。",
         "The social insurance registry shows under 12 months of contributions; the benefit needs at least one year before unemployment.",
         "在外地缴纳的失业保险费可以合并计算，请写明情况；不足1年的，您仍可以办理失业登记，享受免费职业介绍和培训。请拨打12333咨询。",
         "Contributions paid in other cities count: explain them. With less than a year you can still register as unemployed for free job placement and training. Call 12333."),
    ],
    "HR-DTH-001": each(["SIBLING", "GRANDPARENT", "GRANDCHILD", "OTHER_RELATIVE", "CARER", "OTHER"], lambda r: (
        [("relationshipToDeceased", '"%s"' % r)] + NO_EXPLANATION, "NOT_ELIGIBLE_RELATIONSHIP", "relationshipToDeceased",
        "丧葬补助金和抚恤金由逝者的配偶、子女或父母申请。",
        "The funeral grant and survivors' pension are claimed by the deceased's spouse, child or parent.",
        "请由逝者的配偶、子女或父母申请；逝者没有这些亲属的，请写明情况，并咨询区社保经办机构（12333）按遗产继承的办法处理。",
        "Ask the deceased's spouse, child or parent to apply; if there is none, explain and ask the district social insurance office (12333) how it is handled as part of the estate.")),
    "MI-MAT-001": [
        ([("medicalInsuranceType", '"RESIDENT"')], "NOT_EMPLOYEE_INSURED", "medicalInsuranceType",
         "生育津贴只发给参加职工基本医疗保险（含生育保险）的人员，医保登记显示您参加的是城乡居民医保。",
         "The maternity allowance is for people in employee medical insurance (with maternity insurance); the medical insurance registry shows you in residents' insurance.",
         "城乡居民医保仍可报销住院分娩的医疗费用，3周岁以下婴幼儿可以申领育儿补贴（HE-CCS-001）。如果单位已为您参加职工医保而记录未更新，请联系单位或拨打12393。",
         "Residents' insurance still pays for giving birth in hospital, and you can claim the childcare subsidy for children under 3 (HE-CCS-001). If your employer has enrolled you and the record is out of date, ask your employer or call 12393."),
    ],
    "MI-RET-001": [
        ([("medicalInsuranceType", '"RESIDENT"')], "NOT_EMPLOYEE_INSURED", "medicalInsuranceType",
         "医保登记显示您参加的是城乡居民医保，退休人员待遇核定只适用于职工基本医疗保险。",
         "The medical insurance registry shows you in residents' insurance; this assessment is for employee medical insurance.",
         "城乡居民医保不需要办理退休待遇核定，退休后继续按年缴纳居民医保即可。如果记录有误，请拨打12393或咨询区医保经办机构。",
         "Residents' insurance needs no retirement assessment: keep paying the yearly contribution. If the record is wrong, call 12393 or ask your district medical insurance office."),
        ([("sex", '"M"'), ("medicalInsuranceContributionYears", '!= ""'), ("medicalInsuranceContributionYears", "< 25")] + NO_EXPLANATION,
         "INSUFFICIENT_CONTRIBUTIONS", "medicalInsuranceContributionYears",
         "男职工退休时医保累计缴费须满25年（其中本市实际缴费满10年），您填写的年限不足。",
         "Men need 25 years of medical insurance contributions on retirement (10 of them in this city); you entered fewer.",
         "外地缴费年限可以转移接续后合并计算，请写明情况；不足的年限可以一次性或按月补缴后享受退休人员医保待遇。请拨打12393或咨询区医保经办机构。",
         "Years paid in other cities count once transferred: explain them. Missing years can be paid at once or monthly before the retiree benefits start. Call 12393 or ask your district medical insurance office."),
        ([("sex", '"F"'), ("medicalInsuranceContributionYears", '!= ""'), ("medicalInsuranceContributionYears", "< 20")] + NO_EXPLANATION,
         "INSUFFICIENT_CONTRIBUTIONS", "medicalInsuranceContributionYears",
         "女职工退休时医保累计缴费须满20年（其中本市实际缴费满10年），您填写的年限不足。",
         "Women need 20 years of medical insurance contributions on retirement (10 of them in this city); you entered fewer.",
         "外地缴费年限可以转移接续后合并计算，请写明情况；不足的年限可以一次性或按月补缴后享受退休人员医保待遇。请拨打12393或咨询区医保经办机构。",
         "Years paid in other cities count once transferred: explain them. Missing years can be paid at once or monthly before the retiree benefits start. Call 12393 or ask your district medical insurance office."),
    ],
    "MI-RES-001": [
        ([("medicalInsuranceType", '"EMPLOYEE"')], "ALREADY_EMPLOYEE_INSURED", "medicalInsuranceType",
         "医保登记显示您已参加职工基本医疗保险，不能同时参加城乡居民医保。",
         "The medical insurance registry shows you in employee medical insurance; you cannot be in residents' insurance at the same time.",
         "您不需要办理。如果已经离职、职工医保已停保，请写明情况，停保信息同步后即可参保；也可以拨打12393咨询。",
         "You need not apply. If you left your job and the employee insurance has stopped, explain; you can enrol once that is recorded. Call 12393 with questions."),
        ([("medicalInsuranceType", '"RESIDENT"')], "ALREADY_ENROLLED", "medicalInsuranceType",
         "医保登记显示您已参加城乡居民医保，不需要重新参保登记。",
         "The medical insurance registry shows you already in residents' insurance; you need not enrol again.",
         "每年集中缴费期内按时缴费即可继续享受待遇，可在“缴费”服务或社保卡银行网点缴纳；有疑问请拨打12393。",
         "Just pay the yearly contribution during the payment period, online or at a bank that serves the card; call 12393 with questions."),
    ],
    "MR-BL-001": [
        (age_between(0, 16), "NO_LEGAL_CAPACITY", "",
         "个体工商户经营者须具有经营能力，即年满18周岁，或年满16周岁并以自己的劳动收入为主要生活来源。",
         "The operator of an individual business must be able to run it: 18 or over, or 16 or over and living on their own earnings.",
         "请在年满16周岁、并能以自己的劳动收入维持生活后再申请；家庭经营的，可以由有经营能力的家庭成员作为经营者申请。可咨询区市场监督管理局。",
         "Apply once you are 16 and live on your own earnings; a family business can be registered by a family member able to run it. Ask the district market regulation bureau."),
    ],
    "HU-PF-001": [
        ([("withdrawalReason", '"RENT"'), ("propertyAddress", '!= ""')] + NO_EXPLANATION, "OWNS_HOME", "propertyAddress",
         "您选择了“无自有住房且租房”，但不动产登记中有您名下的房屋。",
         "You chose \u201crenting, owning no home\u201d, but the property registry has a home in your name.",
         "如果房屋已出售或不在本市工作地，请写明情况；有自有住房的，可以选择购房、偿还贷款等其他提取原因。可拨打12329咨询公积金中心。",
         "If the home has been sold or is not where you work, explain; owners can withdraw for buying, a loan or other reasons instead. Call the fund centre on 12329."),
        ([("withdrawalReason", '"REPAY_LOAN"'), ("propertyAddress", '""')] + NO_EXPLANATION, "NO_PROPERTY_ON_RECORD", "propertyAddress",
         "您选择了“偿还购房贷款本息”，但不动产登记中没有查到您名下的房屋。",
         "You chose \u201crepaying a home loan\u201d, but the property registry has no home in your name.",
         "房屋登记在配偶名下或尚未办理不动产登记的，请写明情况并上传购房合同和贷款合同；可拨打12329咨询公积金中心。",
         "If the home is in your spouse's name or not registered yet, explain and upload the purchase and loan contracts; call the fund centre on 12329."),
        ([("withdrawalReason", '"RETIREMENT"'), ("retirementStatus", '"CONTRIBUTING"')] + NO_EXPLANATION, "NOT_RETIRED", "retirementStatus",
         "您选择了“离休、退休”，但社会保险登记显示您仍在参保缴费，尚未退休。",
         "You chose \u201cretirement\u201d, but the social insurance registry shows you still working and paying contributions.",
         "刚办理退休的，待遇核定后信息会同步，请写明情况或稍后再申请；未退休的，可以选择其他提取原因。可拨打12329咨询公积金中心。",
         "If you have just retired, explain or apply again once the pension is recorded; otherwise choose another reason. Call the fund centre on 12329."),
    ],
    "HU-PF-004": each(["OTHER_RELATIVE", "CARER", "OTHER"], lambda r: (
        [("relationshipToDeceased", '"%s"' % r)] + NO_EXPLANATION, "NOT_HEIR", "relationshipToDeceased",
        "住房公积金继承提取由逝者的法定继承人或受遗赠人申请。",
        "The provident fund of a deceased member is withdrawn by a legal heir or a legatee.",
        "如果您是遗嘱指定的受遗赠人，请选择“受遗赠人”并上传遗嘱或公证文书；否则请由法定继承人申请。可拨打12329咨询公积金中心。",
        "If a will names you, choose \u201clegatee\u201d and upload the will or notarial deed; otherwise a legal heir applies. Call the fund centre on 12329.")),
    "HU-RNT-001": [
        ([("applicantRole", '"LANDLORD"'), ("propertyCertificateNumber", '""')] + NO_EXPLANATION, "NO_PROPERTY_ON_RECORD", "propertyCertificateNumber",
         "您以出租人身份申请，但不动产登记中没有查到您名下的房屋。",
         "You apply as the landlord, but the property registry has no home in your name.",
         "受产权人委托出租或转租的，请填写产权人并上传委托书或产权人同意转租的证明；房屋尚未办理不动产登记的，请写明情况并上传购房合同。可咨询区住房和城乡建设局。",
         "If you let it on the owner's behalf or sublet, enter the owner and upload the authorisation or consent; if the home is not registered yet, explain and upload the purchase contract. Ask the district housing bureau."),
    ],
    "TR-SEN-001": [
        (age_between(0, 65), "NOT_ELIGIBLE_AGE", "birthDate",
         "老年人乘车优待卡发给年满65周岁的老年人，按登记的出生日期您还未满65周岁。",
         "The free transport card is for people aged 65 or over; by your recorded date of birth you are not 65 yet.",
         "请在年满65周岁后申请（可提前一个月提交）。出生日期登记有误的，请到户籍所在地派出所更正；其他出行优惠可咨询12328交通服务热线。",
         "Apply once you are 65. If your date of birth is wrong, ask your local police station to correct it; for other fare discounts call the transport hotline 12328."),
    ],
    "HE-REG-001": each(NOT_MARRIED, lambda s: (
        [("maritalStatus", '"%s"' % s)] + NO_EXPLANATION, "NOT_MARRIED_ON_RECORD", "maritalStatus",
        "生育登记按夫妻双方办理，人口登记中您的婚姻状况不是已婚。",
        "Birth service registration is made by a couple, and the population registry does not show you as married.",
        "已登记结婚而记录未更新的，请填写配偶信息并写明情况；未婚生育的，请写明情况，卫生健康部门会按本市规定为您登记，不影响母婴保健服务。可咨询街道（乡镇）卫生健康办或拨打12320。",
        "If you are married and the record is out of date, enter your spouse and explain; for a birth outside marriage, explain and the health commission registers it under the city's rules, with full maternity care. Ask your sub-district health office or call 12320.")),
}

# Matters whose catalog eligibility cannot be checked from the form (it depends on documents, other
# people's data, or facts the registries do not hold) have no rules of their own. Flowable 7.2 deploys a table
# without rules but refuses to execute it ("no rules present in table"), so every table ends with this rule,
# which never fires for valid input (age is >= 0, or -1 when unknown).
INVALID_AGE = ([("age", "< -1")], "AGE_INVALID", "",
               "系统无法根据登记的出生日期计算您的年龄。",
               "Your age could not be worked out from the recorded date of birth.",
               "这不影响提交申请，工作人员会人工核实；也可以到户籍所在地派出所核对出生日期登记。",
               "You can still submit: an officer will check by hand. You may also ask your local police station to check your recorded date of birth.")


def typeref(variable):
    return {"age": "number", "hasExplanation": "boolean"}.get(variable, "string")


def el_string(text):
    # Output entries are EL string literals: no double quotes, backslashes or ${ inside.
    assert '"' not in text and "\\" not in text and "${" not in text and "#{" not in text, text
    return '"%s"' % text


def decision_table(matter, form_def):
    code = matter["code"]
    decision_id = "precheck-" + code
    rules = RULES.get(code, []) + [INVALID_AGE]
    fields = [f["name"] for f in form_def["fields"]]
    # One input column per condition a variable carries in the most demanding rule; every variable the
    # Java side supplies is an input, so a missing one fails (and the test notices) instead of passing.
    variables = ["age", "hasExplanation"] + fields
    columns = []
    for v in variables:
        n = max([sum(1 for var, _ in r[0] if var == v) for r in rules] + [1])
        columns += [(v, i) for i in range(n)]
    for r in rules:
        for var, _ in r[0]:
            assert var in variables, (code, var)

    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="definitions-%s" name=%s namespace="https://onestop.org/dmn/precheck">'
           % (decision_id, quoteattr("Pre-check " + code)),
           '  <decision id="%s" name=%s>' % (decision_id, quoteattr("预审 %s %s / Pre-check: %s" % (code, matter["name"]["zh"], matter["name"]["en"]))),
           '    <decisionTable id="decisionTable-%s" hitPolicy="COLLECT">' % decision_id]
    for v, i in columns:
        cid = "%s-%d" % (v, i)
        out.append('      <input id="input-%s" label="%s">' % (cid, v))
        out.append('        <inputExpression id="inputExpression-%s" typeRef="%s"><text>%s</text></inputExpression>' % (cid, typeref(v), v))
        out.append('      </input>')
    for name in ("code", "field", "messageZh", "messageEn", "remedyZh", "remedyEn"):
        out.append('      <output id="output-%s" name="%s" label="%s" typeRef="string"/>' % (name, name, name))
    for n, (conditions, problem, fld, mzh, men, rzh, ren) in enumerate(rules, 1):
        assert fld == "" or fld in fields, (code, fld)
        out.append('      <rule id="rule-%d">' % n)
        used = {}
        for v, i in columns:
            tests = [test for var, test in conditions if var == v]
            test = tests[i] if i < len(tests) else "-"
            out.append('        <inputEntry id="inputEntry-%d-%s-%d"><text>%s</text></inputEntry>' % (n, v, i, escape(test)))
        for name, value in zip(("code", "field", "messageZh", "messageEn", "remedyZh", "remedyEn"), (problem, fld, mzh, men, rzh, ren)):
            out.append('        <outputEntry id="outputEntry-%d-%s"><text>%s</text></outputEntry>' % (n, name, escape(el_string(value))))
        out.append('      </rule>')
    out += ['    </decisionTable>', '  </decision>', '</definitions>', '']
    return "\n".join(out)


def quoteattr(s):
    from xml.sax.saxutils import quoteattr as q
    return q(s)


def main():
    matters = json.load(open(CATALOG, encoding="utf-8"))
    os.makedirs(FORMS, exist_ok=True)
    os.makedirs(DMN, exist_ok=True)
    for code in RULES:
        assert any(m["code"] == code for m in matters), code
    for m in matters:
        f = form(m)
        names = [x["name"] for x in f["fields"]]
        assert len(names) == len(set(names)), (m["code"], names)
        with open(os.path.join(FORMS, m["code"] + ".json"), "w", encoding="utf-8", newline="\n") as out:
            json.dump(f, out, ensure_ascii=False, indent=1)
            out.write("\n")
        with open(os.path.join(DMN, "precheck-%s.dmn" % m["code"]), "w", encoding="utf-8", newline="\n") as out:
            out.write(decision_table(m, f))
    print("%d forms, %d decision tables with rules" % (len(matters), len(RULES)))


if __name__ == "__main__":
    main()
