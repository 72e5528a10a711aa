package org.onestop.certificate;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

import org.onestop.platform.PlatformProperties;
import org.onestop.shared.LocalizedText;
import org.onestop.shared.ResidentIdNumber;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Prints the receipt (受理回执) a citizen takes home when an application is filed for them:
 * what was filed, how, where and by whom, what happens next and by when, and a QR code
 * that follows it online. In the reader's language, in the certificates' embedded font,
 * on A4 or on an 80 mm thermal roll.
 */
@Service
public class Receipts {

	private static final String PREFIX = "certificate.receipt.pdf.";

	private final MessageSource messages;

	private final String publicUrl;

	private final ZoneId zone;

	private final Clock clock;

	Receipts(MessageSource messages, PlatformProperties platform, Clock clock) {
		this.messages = messages;
		this.publicUrl = platform.publicUrl().toString().replaceAll("/+$", "");
		this.zone = platform.timeZone();
		this.clock = clock;
	}

	/** The receipt as a PDF of one page in this layout. */
	public byte[] render(ReceiptRequest receipt, ReceiptLayout layout, Locale locale) {
		boolean english = "en".equals(locale.getLanguage());
		Locale language = english ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
		String department = name(receipt.departmentName(), language);
		String due = receipt.dueDate() == null ? null : date(receipt.dueDate(), language, false);
		ReceiptSheet sheet = ReceiptSheet.of(layout)
			.title(t("title", language))
			.subtitle(name(receipt.matterName(), language))
			.rule()
			.row(t("reference", language), receipt.reference())
			.row(t("applicant", language), receipt.applicantName())
			.row(t("id-number", language), ResidentIdNumber.maskedIn(receipt.applicantIdNumber()))
			.row(t("department", language), department)
			.row(t("submitted", language),
					receipt.submittedAt() == null ? null : date(receipt.submittedAt().atZone(zone), language, true))
			.row(t("channel", language), t(receipt.channel().key(), language))
			.row(t("place", language), place(receipt, language))
			.row(t(filedByLabel(receipt), language), receipt.filedByName())
			.row(t("due", language), due)
			.rule()
			.heading(t("next", language))
			.paragraph(
					due == null ? t("next.undated", language, department) : t("next.dated", language, department, due))
			.qr(publicUrl + receipt.followPath(), t("follow", language) + " " + publicUrl + receipt.followPath())
			.note(t("keep", language, date(clock.instant().atZone(zone), language, true)));
		return sheet.pdf(t("title", language) + " " + receipt.reference());
	}

	private static String filedByLabel(ReceiptRequest receipt) {
		return switch (receipt.channel()) {
			case COUNTER -> "filed-by.counter";
			case HOTLINE -> "filed-by.hotline";
			case DELEGATED -> "filed-by.representative";
			default -> "filed-by";
		};
	}

	private String place(ReceiptRequest receipt, Locale language) {
		String hall = name(receipt.hallName(), language);
		String counter = name(receipt.counterName(), language);
		if (hall == null) {
			return null;
		}
		return counter == null ? hall : t("place.counter", language, hall, counter);
	}

	private static String name(LocalizedText text, Locale language) {
		return text == null ? null : text.in(language);
	}

	private static String date(TemporalAccessor at, Locale language, boolean withTime) {
		boolean english = language.equals(Locale.ENGLISH);
		String pattern = english ? (withTime ? "d MMMM yyyy, HH:mm" : "d MMMM yyyy")
				: (withTime ? "yyyy年M月d日 HH:mm" : "yyyy年M月d日");
		return DateTimeFormatter.ofPattern(pattern, language).format(at);
	}

	private String t(String key, Locale language, Object... args) {
		String full = key.startsWith("channel.") ? key : PREFIX + key;
		return messages.getMessage(full, args, language);
	}

}
