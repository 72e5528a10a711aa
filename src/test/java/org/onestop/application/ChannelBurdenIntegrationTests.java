package org.onestop.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.onestop.platform.Tokens;
import org.onestop.shared.ContactChannel;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Citizen;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A citizen's own submission records the device it came from, and the burden figures
 * split by channel add up: each channel's figures are its applications', and online and
 * offline are the sums of their channels.
 */
@IntegrationTest
class ChannelBurdenIntegrationTests {

	static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 "
			+ "(KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1";

	static final String COMPUTER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
			+ "Chrome/120.0.0.0 Safari/537.36";

	static final OneStopUser ADMIN = new OneStopUser("admin", "高志强", true, null, "GS", Set.of(Role.ADMIN));

	static final String FIELDS = "{\"bankAccount\":\"6222020200112233445\",\"phone\":\"13911112222\"}";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	Accounts accounts;

	@Autowired
	Burden burden;

	@Autowired
	Submissions submissions;

	@Test
	void aCitizensOwnSubmissionRecordsThePhoneOrTheComputerItCameFrom() throws Exception {
		Citizen citizen = accounts.elder();
		UUID fromPhone = submitOnline(citizen, PHONE);
		assertThat(channelOf(fromPhone)).isEqualTo("MOBILE_WEB");
		Citizen another = accounts.elder();
		UUID fromComputer = submitOnline(another, COMPUTER);
		assertThat(channelOf(fromComputer)).isEqualTo("WEB");
		// The citizen's own list says which channel each came through.
		mvc.perform(get("/api/v1/applications").header("Authorization", citizen.authorization()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == '" + fromPhone + "')].channel").value("MOBILE_WEB"));
	}

	@Test
	void theBurdenSplitAddsUpPerChannelAndOnlineAgainstOffline() throws Exception {
		ChannelSplit before = burden.byChannel(ADMIN, null, null, null);
		List<UUID> made = new ArrayList<>();
		made.add(submitOnline(accounts.elder(), PHONE));
		made.add(submitOnline(accounts.elder(), COMPUTER));
		made.add(submitThrough(accounts.elder(),
				new Intake(ContactChannel.COUNTER, "HALL-CITY", "A1", "clerk.civil", "窗口工作人员")));
		made.add(submitThrough(accounts.elder(),
				new Intake(ContactChannel.HOTLINE, null, null, "agent.hotline", "热线坐席")));
		made.add(submitThrough(accounts.elder(),
				new Intake(ContactChannel.COUNTER, "HALL-CITY", "A2", "clerk.civil", "窗口工作人员")));
		ChannelSplit after = burden.byChannel(ADMIN, null, null, null);

		assertThat(added(before, after, ContactChannel.MOBILE_WEB).applications()).isEqualTo(1);
		assertThat(added(before, after, ContactChannel.WEB).applications()).isEqualTo(1);
		assertThat(added(before, after, ContactChannel.COUNTER).applications()).isEqualTo(2);
		assertThat(added(before, after, ContactChannel.HOTLINE).applications()).isEqualTo(1);
		assertThat(added(before, after, ContactChannel.KIOSK).applications()).isZero();
		assertThat(after.online().applications() - before.online().applications()).isEqualTo(2);
		assertThat(after.offline().applications() - before.offline().applications()).isEqualTo(3);
		assertThat(after.total().applications() - before.total().applications()).isEqualTo(5);

		// Each channel's fields and documents are the sum of its applications' own.
		Map<ContactChannel, int[]> expected = new java.util.EnumMap<>(ContactChannel.class);
		for (UUID id : made) {
			Burden.Figures f = burden.of(id).orElseThrow();
			int[] sums = expected.computeIfAbsent(ContactChannel.valueOf(channelOf(id)), c -> new int[4]);
			sums[0] += f.fieldsTyped();
			sums[1] += f.fieldsPrefilled();
			sums[2] += f.documentsUploaded();
			sums[3] += f.documentsReused();
		}
		expected.forEach((channel, sums) -> {
			ChannelFigures added = added(before, after, channel);
			assertThat(new int[] { added.fieldsTyped(), added.fieldsPrefilled(), added.documentsUploaded(),
					added.documentsReused() })
				.as(channel.name())
				.containsExactly(sums);
			assertThat(sums[1]).as("prefilled fields of " + channel).isPositive();
		});
		// The totals are the sums of the channels, whatever else is in the period.
		for (ChannelSplit split : List.of(before, after)) {
			assertThat(split.channels()).hasSize(ContactChannel.values().length);
			assertThat(split.online().applications() + split.offline().applications())
				.isEqualTo(split.total().applications())
				.isEqualTo(split.channels().stream().mapToInt(ChannelFigures::applications).sum());
			assertThat(split.online().fieldsTyped()).isEqualTo(split.channels()
				.stream()
				.filter(c -> Burden.ONLINE.contains(c.channel()))
				.mapToInt(ChannelFigures::fieldsTyped)
				.sum());
			assertThat(split.subjects()).containsExactly("appointments", "complaints", "conversations", "tickets");
		}
	}

	@Test
	void departmentHeadsSeeTheirDepartmentAdministratorsAndAuditorsAnyOrTheCity() throws Exception {
		String head = "Bearer " + Tokens.of(mvc, "head.civil");
		mvc.perform(get("/api/v1/staff/burden/channels").header("Authorization", head))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.department").value("CA"))
			.andExpect(jsonPath("$.channels.length()").value(ContactChannel.values().length))
			.andExpect(jsonPath("$.subjects.length()").value(3));
		mvc.perform(get("/api/v1/staff/burden/channels").param("department", "PS").header("Authorization", head))
			.andExpect(status().isForbidden());
		String auditor = "Bearer " + Tokens.of(mvc, "auditor");
		mvc.perform(get("/api/v1/staff/burden/channels").param("from", "2026-01-01")
			.param("to", "2026-01-31")
			.header("Authorization", auditor))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.department").doesNotExist())
			.andExpect(jsonPath("$.from").value("2026-01-01"))
			.andExpect(jsonPath("$.online.counted.conversations").exists());
		String admin = "Bearer " + Tokens.of(mvc, "admin");
		mvc.perform(get("/api/v1/staff/burden/channels").param("department", "PS").header("Authorization", admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.department").value("PS"));
		mvc.perform(get("/api/v1/staff/burden/channels").param("department", "NOPE").header("Authorization", admin))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("department"));
		mvc.perform(get("/api/v1/staff/burden/channels").param("from", "1.12.2026").header("Authorization", admin))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"));
		mvc.perform(get("/api/v1/staff/burden/channels").param("from", "2026-02-01")
			.param("to", "2026-01-01")
			.header("Authorization", admin)).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/staff/burden/channels").param("from", "2024-01-01")
			.param("to", "2026-01-01")
			.header("Authorization", admin)).andExpect(status().isBadRequest());
		mvc.perform(
				get("/api/v1/staff/burden/channels").header("Authorization", "Bearer " + Tokens.of(mvc, "clerk.civil")))
			.andExpect(status().isForbidden());
	}

	private UUID submitOnline(Citizen citizen, String userAgent) throws Exception {
		String created = mvc
			.perform(post("/api/v1/applications").header("Authorization", citizen.authorization())
				.header("User-Agent", userAgent)
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"serviceCode\":\"CA-ELD-001\",\"fields\":" + FIELDS + "}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return UUID.fromString(JsonPath.read(created, "$.id"));
	}

	@Test
	void aPaperScannedAtTheCounterCountsAsUploadedOnceThenAsReused() throws Exception {
		Citizen citizen = accounts.elder();
		Intake counter = new Intake(ContactChannel.COUNTER, "HALL-CITY", "A1", "clerk.civil", "窗口工作人员");
		UUID scan = UUID.randomUUID();
		db.sql("""
				INSERT INTO application_document (id, owner, title, content_type, size_bytes, sha256, origin, added_at,
				  added_by)
				VALUES (:id, :owner, '户口簿', 'image/png', 10, repeat('a', 64), 'COUNTER', now() - interval '1 minute',
				  'clerk.civil')""").param("id", scan).param("owner", citizen.username()).update();
		UUID first = submitThrough(citizen, counter, List.of(scan));
		Burden.Figures filed = burden.of(first).orElseThrow();
		assertThat(filed.documentsUploaded()).isEqualTo(1);
		assertThat(filed.documentsReused()).isZero();
		db.sql("UPDATE application SET status = 'REJECTED' WHERE id = :id").param("id", first).update();
		UUID again = submitThrough(citizen, counter, List.of(scan));
		Burden.Figures reused = burden.of(again).orElseThrow();
		assertThat(reused.documentsUploaded()).isZero();
		assertThat(reused.documentsReused()).isEqualTo(1);
	}

	private UUID submitThrough(Citizen citizen, Intake intake) {
		return submitThrough(citizen, intake, List.of());
	}

	private UUID submitThrough(Citizen citizen, Intake intake, List<UUID> documents) {
		OneStopUser user = new OneStopUser(citizen.username(), citizen.resident().name(), false,
				citizen.resident().idNumber().value(), null, Set.of());
		return submissions
			.submit(user, UUID.randomUUID().toString(), new ApplicationForm("CA-ELD-001",
					Map.of("bankAccount", "6222020200112233445", "phone", "13911112222"), documents, null, null),
					intake)
			.application()
			.id();
	}

	private String channelOf(UUID application) {
		return db.sql("SELECT channel FROM application WHERE id = :id")
			.param("id", application)
			.query(String.class)
			.single();
	}

	private static ChannelFigures added(ChannelSplit before, ChannelSplit after, ContactChannel channel) {
		ChannelFigures b = before.channels().get(channel.ordinal());
		ChannelFigures a = after.channels().get(channel.ordinal());
		assertThat(a.channel()).isEqualTo(channel);
		return new ChannelFigures(channel, a.applications() - b.applications(), a.decided() - b.decided(), null,
				a.workingDaysToDecision() - b.workingDaysToDecision(), a.trips() - b.trips(),
				a.fieldsTyped() - b.fieldsTyped(), a.fieldsPrefilled() - b.fieldsPrefilled(),
				a.documentsUploaded() - b.documentsUploaded(), a.documentsReused() - b.documentsReused(),
				a.supplementRounds() - b.supplementRounds(), a.rejections() - b.rejections(), Map.of());
	}

}
