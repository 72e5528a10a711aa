package org.onestop.notification;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.PlatformProperties;
import org.onestop.platform.ProblemException.FieldProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The rules a template must meet before it is kept. */
class TemplateRulesTests {

	private static final String SITE = "https://onestop.example.gov.cn";

	private final TemplateRules rules = new TemplateRules(
			new PlatformProperties(Path.of("."), ZoneId.of("Asia/Shanghai"), null, 65536, URI.create(SITE + "/")),
			new NotificationProperties(
					new NotificationProperties.Sms("", "OneStop", 10, LocalTime.of(21, 0), LocalTime.of(8, 0)),
					new NotificationProperties.Mail(""), new NotificationProperties.Dispatch(50, Duration.ofMinutes(2),
							5, Duration.ofSeconds(30), Duration.ofSeconds(5), true, 1)));

	private final Kind kind = new Kind("application.notice.named.approved", List.of("matter", "reference"),
			Topic.DECISIONS, false);

	private final Map<String, String> samples = Map.of("matter", "居住证办理", "reference", "YW20261207000123");

	private TemplateDraft sms(String body) {
		return new TemplateDraft(null, body, null, null);
	}

	private TemplateDraft mail(String subject, String body, String html) {
		return new TemplateDraft(subject, body, html, null);
	}

	private List<String> refusal(Channel channel, TemplateDraft draft) {
		InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
				() -> rules.check(kind, channel, draft, samples));
		assertThat(refused).as("refused").isNotNull();
		return refused.fields().stream().map(f -> f.field() + ":" + f.messageKey()).toList();
	}

	@Test
	void aTemplateNamingOnlyItsKindsFieldsAndTheSiteIsKept() {
		TemplateDraft kept = rules.check(kind, Channel.SMS, sms("您申请的((matter))已办结，详见((site))/applications"), samples);
		assertThat(kept.body()).isEqualTo("您申请的((matter))已办结，详见((site))/applications");
	}

	@Test
	void aFieldTheMessageDoesNotSupplyIsRefusedByName() {
		InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
				() -> rules.check(kind, Channel.SMS, sms("((matter)) ((deadline))"), samples));
		FieldProblem problem = refused.fields().get(0);
		assertThat(problem.field()).isEqualTo("body");
		assertThat(problem.messageKey()).isEqualTo("notification.template.unknown-field");
		assertThat(problem.args()).containsExactly("deadline", "matter, reference");
	}

	@Test
	void unbalancedBracketsAreRefused() {
		assertThat(refusal(Channel.SMS, sms("您申请的((matter)已办结")))
			.containsExactly("body:notification.template.unbalanced");
		assertThat(refusal(Channel.INBOX, sms("((matter))))")))
			.containsExactly("body:notification.template.unbalanced");
	}

	@Test
	void smsSegmentsCountSeventyAloneAndSixtySevenEachWhenSplit() {
		assertThat(TemplateRules.segments(70)).isEqualTo(1);
		assertThat(TemplateRules.segments(71)).isEqualTo(2);
		assertThat(TemplateRules.segments(134)).isEqualTo(2);
		assertThat(TemplateRules.segments(135)).isEqualTo(3);
	}

	@Test
	void anSmsOverFiveHundredCharactersWithSignatureAndSamplesIsRefused() {
		// 9 for 【OneStop】, 5 for the sample matter: 486 + 14 = 500 is the most.
		rules.check(kind, Channel.SMS, sms("((matter))" + "字".repeat(486)), samples);
		assertThat(refusal(Channel.SMS, sms("((matter))" + "字".repeat(487))))
			.containsExactly("body:notification.template.sms.too-long");
	}

	@Test
	void linksLeadOnlyToOneStop() {
		rules.check(kind, Channel.SMS, sms("详见 " + SITE + "/applications"), samples);
		assertThat(refusal(Channel.SMS, sms("详见 https://evil.example/x")))
			.containsExactly("body:notification.template.foreign-link");
		assertThat(refusal(Channel.SMS, sms("详见 www.evil.example")))
			.containsExactly("body:notification.template.foreign-link");
		// A look-alike host that merely starts with OneStop's name is not OneStop.
		assertThat(refusal(Channel.SMS, sms(SITE + ".evil.example/x")))
			.containsExactly("body:notification.template.foreign-link");
		assertThat(refusal(Channel.EMAIL, mail("s", "b", "<p><a href=\"https://evil.example\">x</a></p>")))
			.containsExactly("htmlBody:notification.template.foreign-link");
		assertThat(refusal(Channel.EMAIL, mail("s", "去 http://evil.example 看", null)))
			.containsExactly("body:notification.template.foreign-link");
	}

	@Test
	void aBareDomainNameIsALinkToo() {
		assertThat(refusal(Channel.SMS, sms("详见bit.ly/x"))).containsExactly("body:notification.template.foreign-link");
		assertThat(refusal(Channel.SMS, sms("see evil.example.com now")))
			.containsExactly("body:notification.template.foreign-link");
		assertThat(refusal(Channel.EMAIL, mail("s", "b", "<p>访问 bit.ly/x</p>")))
			.containsExactly("htmlBody:notification.template.foreign-link");
		// OneStop's own host written bare, a path's file name, numbers and initials pass.
		rules.check(kind, Channel.SMS, sms("详见 onestop.example.gov.cn 与 ((site))/form.pdf，版本 1.5，e.g. 本人"), samples);
	}

	@Test
	void controlCharactersAreRefused() {
		assertThat(refusal(Channel.SMS, sms("a\u0007b"))).containsExactly("body:notification.template.control");
		assertThat(refusal(Channel.SMS, sms("a\nb"))).containsExactly("body:notification.template.control");
		assertThat(refusal(Channel.EMAIL, mail("a\nBcc: x@evil.example", "b", null)))
			.containsExactly("subject:notification.template.control");
		assertThat(refusal(Channel.SMS, sms("a\u202Eb"))).containsExactly("body:notification.template.control");
	}

	@Test
	void anEmailNeedsASubjectAndAPlainBodyEachNamed() {
		assertThat(refusal(Channel.EMAIL, mail(" ", "", null))).containsExactly(
				"subject:notification.template.subject.required", "body:notification.template.body.required");
		assertThat(refusal(Channel.EMAIL, mail("主".repeat(201), "b", null)))
			.containsExactly("subject:notification.template.too-long");
	}

	@Test
	void htmlIsSanitisedAndKeepsItsOneStopLinksAsTheSitePlaceholder() {
		TemplateDraft kept = rules.check(kind, Channel.EMAIL, mail("s", "b",
				"<p onclick=\"x()\">((matter))</p><script>alert(1)</script><a href=\"((site))/applications\">看</a>"),
				samples);
		assertThat(kept.htmlBody()).doesNotContain("script", "onclick", "alert")
			.contains("<p>((matter))</p>")
			.contains("href=\"((site))/applications\"");
	}

	@Test
	void valuesAreEscapedInHtmlAndKeptOnOneLineInTexts() {
		Templates templates = new Templates(null, null, rules);
		Map<String, String> values = Map.of("matter", "<b>x</b>\n((reference))", "reference", "R1");
		Rendered mail = templates.render(Channel.EMAIL,
				new TemplateDraft("((matter))", "((matter))", "<p>((matter))</p>", null), values);
		assertThat(mail.htmlBody()).isEqualTo("<p>&lt;b&gt;x&lt;/b&gt;\n((reference))</p>");
		assertThat(mail.subject()).isEqualTo("<b>x</b> ((reference))");
		Rendered text = templates.render(Channel.SMS, sms("((matter))\u0007"), Map.of("matter", "a\r\nb\u0000c"));
		assertThat(text.body()).isEqualTo("【OneStop】a b c\u0007");
	}

	@Test
	void theInboxLineIsOneShortLine() {
		assertThatThrownBy(() -> rules.check(kind, Channel.INBOX, sms("字".repeat(201)), samples))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void withAProviderSetAnSmsTemplateNeedsTheCodeItApproved() {
		TemplateRules withProvider = new TemplateRules(
				new PlatformProperties(Path.of("."), ZoneId.of("Asia/Shanghai"), null, 65536, URI.create(SITE + "/")),
				new NotificationProperties(
						new NotificationProperties.Sms("aliyun", "OneStop", 10, LocalTime.of(21, 0),
								LocalTime.of(8, 0)),
						new NotificationProperties.Mail(""), new NotificationProperties.Dispatch(50,
								Duration.ofMinutes(2), 5, Duration.ofSeconds(30), Duration.ofSeconds(5), true, 1)));
		InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
				() -> withProvider.check(kind, Channel.SMS, sms("您申请的((matter))已办结"), samples));
		assertThat(refused).isNotNull();
		assertThat(refused.fields()).extracting(f -> f.field() + ":" + f.messageKey())
			.containsExactly("providerTemplateCode:notification.template.provider-code.required");
		assertThat(withProvider
			.check(kind, Channel.SMS, new TemplateDraft(null, "您申请的((matter))已办结", null, "SMS_123"), samples)
			.providerTemplateCode()).isEqualTo("SMS_123");
		// No provider (the demo): the code may wait.
		assertThat(rules.check(kind, Channel.SMS, sms("您申请的((matter))已办结"), samples).body()).isNotBlank();
	}

}
