package org.onestop;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the on-screen check finds, and what it leaves alone. */
class ScreenTextTests {

	@Test
	void findsKeysAndCodes() {
		assertThat(ScreenText.codesIn("状态：appointment.page.status.已预约")).hasSize(1);
		assertThat(ScreenText.codesIn("来自 population.name")).singleElement().asString().contains("population.name");
		assertThat(ScreenText.codesIn("社保卡号 socialsecurity.card_number")).hasSize(1);
		assertThat(ScreenText.codesIn("事项 CA-ELD-001 已办结")).hasSize(1);
		assertThat(ScreenText.codesIn("HALL-CITY · A")).hasSize(1);
		assertThat(ScreenText.codesIn("application 67c03543-…")).hasSize(1);
		assertThat(ScreenText.codesIn("application 67c03543-1a2b-4c3d-8e9f-0123456789ab")).hasSize(1);
		assertThat(ScreenText.codesIn("结果：COMPLAINT_FILED")).hasSize(1);
		assertThat(ScreenText.codesIn("Status: APPROVED")).hasSize(1);
		assertThat(ScreenText.codesIn("??catalog.missing??")).isNotEmpty();
		assertThat(ScreenText.codesIn("您的申请（编号 {1}）")).hasSize(1);
	}

	@Test
	void leavesPeoplesTextAlone() {
		assertThat(ScreenText.codesIn("""
				您申请的高龄津贴（编号 CA-2026-000123）已办结。Your application for Elderly allowance (reference
				CA-2026-000123) is approved. 当场办结 · 3 个工作日 · A001 号 · 2026-12-05 09:30 · www.onestop.gov.cn
				Read the privacy notice. e.g. an ID card, a PDF or SMS. 证明.pdf application.pdf 12345 热线""")).isEmpty();
	}

}
