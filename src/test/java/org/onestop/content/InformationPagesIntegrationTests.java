package org.onestop.content;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onestop.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The footer's pages are open to anyone, in both languages, and every page's footer links
 * to them.
 */
@IntegrationTest
class InformationPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@ParameterizedTest(name = "{0}?lang={1}")
	@CsvSource(textBlock = """
			/privacy,       zh-CN, 隐私声明,          谁用过我的数据
			/privacy,       en,    Privacy notice,    See who used my data
			/accessibility, zh-CN, 无障碍声明,        GB/T 37668-2019
			/accessibility, en,    Accessibility statement, WCAG 2.1 level AA
			/contact,       zh-CN, 联系我们,          拨打 12345
			/contact,       en,    Contact us,        Call 12345
			""")
	void theFooterPagesAreOpenInBothLanguages(String path, String lang, String heading, String text) throws Exception {
		mvc.perform(get(path + "?lang=" + lang))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1 class=\"govuk-heading-l\">" + heading + "</h1>")))
			.andExpect(content().string(containsString(text)))
			.andExpect(content().string(containsString("data-testid=\"footer-links\"")));
	}

	@ParameterizedTest
	@CsvSource({ "/privacy", "/accessibility", "/contact", "/halls" })
	void everyPagesFooterLinksToThem(String link) throws Exception {
		mvc.perform(get("/")).andExpect(content().string(containsString("href=\"" + link + "\"")));
	}

}
