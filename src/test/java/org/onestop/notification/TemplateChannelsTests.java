package org.onestop.notification;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which channels the template administration offers a kind. */
class TemplateChannelsTests {

	@Test
	void codesNeverGoToAnInboxAndStaffWorkOnlyThere() {
		assertThat(TemplatePages.channels(Topic.CODES)).containsExactly(Channel.SMS, Channel.EMAIL);
		assertThat(TemplatePages.channels(Topic.STAFF_WORK)).containsExactly(Channel.INBOX);
		assertThat(TemplatePages.channels(Topic.DECISIONS)).containsExactly(Channel.values());
	}

}
