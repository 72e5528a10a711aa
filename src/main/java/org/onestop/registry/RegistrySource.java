package org.onestop.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onestop.shared.LocalizedText;

/**
 * One base registry as data exchange sees it: its owner, the items it supplies (column
 * name → label), and the one statement that reads a resident's items ({@code :id} is the
 * ID number; no row means the registry holds nothing about them).
 */
record RegistrySource(String code, String department, Map<String, LocalizedText> items, String sql) {

	static final List<RegistrySource> ALL = List.of(
			new RegistrySource("population", "PS",
					items("name", "姓名", "Name", "sex", "性别", "Sex", "birth_date", "出生日期", "Date of birth", "ethnicity",
							"民族", "Ethnicity", "address", "户籍地址", "Registered address", "household_number", "户号",
							"Household number", "marital_status", "婚姻状况", "Marital status", "phone", "联系电话", "Phone"),
					"""
							SELECT name, sex, birth_date, ethnicity, registered_address AS address, household_number,
							       marital_status, phone FROM registry_resident WHERE id_number = :id"""),
			new RegistrySource("marriage", "CA",
					items("status", "婚姻登记状态", "Marriage status", "spouse_name", "配偶姓名", "Spouse's name",
							"spouse_id_number", "配偶身份号码", "Spouse's ID number", "certificate_number", "结婚证字号",
							"Marriage certificate number", "registered_on", "登记日期", "Date registered"),
					"""
							SELECT m.status, r.name AS spouse_name, r.id_number AS spouse_id_number, m.certificate_number,
							       m.registered_on
							FROM registry_marriage m
							LEFT JOIN registry_resident r ON r.id_number =
							    CASE WHEN m.husband_id_number = :id THEN m.wife_id_number ELSE m.husband_id_number END
							WHERE m.husband_id_number = :id OR m.wife_id_number = :id
							ORDER BY m.registered_on DESC LIMIT 1"""),
			new RegistrySource("socialsecurity", "HR",
					items("status", "参保状态", "Insurance status", "employer", "参保单位", "Employer", "contribution_months",
							"累计缴费月数", "Months of contributions", "card_number", "社会保障卡号", "Social security card number",
							"pension_monthly_yuan", "月养老金（元）", "Monthly pension (yuan)"),
					"""
							SELECT status, employer, contribution_months, card_number, pension_monthly_yuan
							FROM registry_social_security WHERE id_number = :id"""),
			new RegistrySource("medicalinsurance", "MI",
					items("scheme", "参保险种", "Insurance scheme", "insured_since", "参保日期", "Insured since", "status",
							"医保状态", "Insurance status"),
					"SELECT scheme, insured_since, status FROM registry_medical_insurance WHERE id_number = :id"),
			new RegistrySource("business", "MR",
					items("credit_code", "统一社会信用代码", "Unified social credit code", "name", "经营主体名称", "Business name",
							"kind", "主体类型", "Kind of business", "address", "经营场所", "Business address"),
					"""
							SELECT credit_code, name, kind, address FROM registry_business
							WHERE operator_id_number = :id AND status = 'ACTIVE' ORDER BY registered_on LIMIT 1"""),
			new RegistrySource("property", "HU",
					items("certificate_number", "不动产权证号", "Property certificate number", "address", "房屋坐落",
							"Property address", "area_m2", "建筑面积（平方米）", "Floor area (m²)"),
					"""
							SELECT certificate_number, address, area_m2 FROM registry_property
							WHERE owner_id_number = :id ORDER BY registered_on DESC LIMIT 1"""),
			new RegistrySource("vehicle", "TR", items("plate", "车牌号码", "Number plate", "brand", "品牌", "Make"),
					"SELECT plate, brand FROM registry_vehicle WHERE owner_id_number = :id ORDER BY registered_on DESC LIMIT 1"));

	private static Map<String, LocalizedText> items(String... columnZhEn) {
		Map<String, LocalizedText> items = new LinkedHashMap<>();
		for (int i = 0; i < columnZhEn.length; i += 3) {
			items.put(columnZhEn[i], new LocalizedText(columnZhEn[i + 1], columnZhEn[i + 2]));
		}
		return items;
	}

	String key(String column) {
		return code + "." + column;
	}
}
