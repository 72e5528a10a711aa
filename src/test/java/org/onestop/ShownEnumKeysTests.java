package org.onestop;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages show an enum's value by a message key made from the value's name (a status, a
 * channel, a role). Every value of every such enum must have its key in both languages:
 * otherwise the page shows the raw key ({@code appointment.page.status.NO_SHOW}). When a
 * page names a new enum through a key, add a row here.
 */
class ShownEnumKeysTests {

	@ParameterizedTest(name = "{0} as {1}<name>")
	@CsvSource({ "org.onestop.application.Application$Status, application.page.status.",
			"org.onestop.application.Outcome, application.page.outcome.",
			"org.onestop.appointment.BookedAppointment$Status, appointment.page.status.",
			"org.onestop.complaint.ComplaintStatus, complaint.status.",
			"org.onestop.complaint.Channel, complaint.staff.channel.",
			"org.onestop.complaint.UrgencyTier, complaint.citizen.tier.",
			"org.onestop.catalog.MatterDefinition$Channel, catalog.channel.",
			"org.onestop.catalog.MatterDefinition$Provision, catalog.provision.",
			"org.onestop.catalog.MatterDefinition$DataSource, catalog.source.",
			"org.onestop.catalog.Matter$Status, catalog.admin.status.", "org.onestop.identity.Role, identity.role.",
			"org.onestop.identity.code.CodePurpose, identity.demo-codes.purpose.",
			"org.onestop.registry.Accessor$Kind, identity.account.access.kind.",
			"org.onestop.registry.Resident$Sex, registry.sex.",
			"org.onestop.registry.Resident$MaritalStatus, registry.marital.",
			"org.onestop.content.Notice$Status, content.status.",
			"org.onestop.assistant.AgentDesk$Outcome, assistant.page.outcome.",
			"org.onestop.application.hotline.PreparedApplication$Status, hotline.status.",
			"org.onestop.application.hotline.PreparedApplication$Status, hotline.page.citizen.closed.",
			"org.onestop.evaluation.followup.FollowUpClock$State, evaluation.follow-up.clock.",
			"org.onestop.evaluation.SubjectType, evaluation.follow-up.subject.",
			"org.onestop.evaluation.CauseKind, evaluation.follow-up.cause." })
	void everyValueHasItsNameInBothLanguages(String enumType, String prefix) throws Exception {
		Object[] values = Class.forName(enumType).getEnumConstants();
		assertThat(values).as(enumType).isNotEmpty();
		for (String bundle : List.of("messages.properties", "messages_en.properties")) {
			Properties texts = load(bundle);
			List<String> missing = new ArrayList<>();
			for (Object value : values) {
				String key = prefix + ((Enum<?>) value).name();
				if (texts.getProperty(key, "").isBlank()) {
					missing.add(key);
				}
			}
			assertThat(missing).as("keys missing from %s for %s", bundle, enumType).isEmpty();
		}
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (var in = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources/messages", name)),
				StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return properties;
	}

}
