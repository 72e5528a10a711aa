package org.onestop.notification;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP (Spring's {@code spring.mail.*}, fed from {@code ONESTOP_SMTP_*}):
 * plain text and HTML in one message. The relay's accept counts as delivered; SMTP tells
 * nothing after that.
 * <p>
 * The row's id is the Message-ID, and the same on every try. SMTP has no way to ask a
 * relay whether it already took a message, so if this node dies after the relay's accept
 * and before the row is settled, the row is tried again after its lease and the reader
 * may get it twice; the shared Message-ID lets mail systems that collapse duplicates
 * (most do) show it once. That is the one place where "never twice" rests on the
 * receiver.
 */
@Component
class MailCourier implements Courier {

	private static final Pattern ADDRESS = Pattern.compile("([A-Za-z0-9._%+-]+)@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");

	static final String PROVIDER = "smtp";

	private final JavaMailSender sender;

	private final String from;

	private final Clock clock;

	/**
	 * Spring Boot makes a sender even for a blank {@code spring.mail.host} (the demo's),
	 * so the host is checked here.
	 */
	@Autowired
	MailCourier(ObjectProvider<JavaMailSender> sender, NotificationProperties properties, Environment environment,
			Clock clock) {
		this(environment.getProperty("spring.mail.host", "").isBlank() ? null : sender.getIfAvailable(),
				properties.mail().from(), clock);
	}

	MailCourier(JavaMailSender sender, String from, Clock clock) {
		this.sender = sender;
		this.from = from == null ? "" : from.strip();
		this.clock = clock;
	}

	@Override
	public Channel channel() {
		return Channel.EMAIL;
	}

	@Override
	public boolean configured() {
		return sender != null && !from.isEmpty();
	}

	@Override
	public Outcome deliver(Parcel parcel) {
		String messageId = messageId(parcel);
		try {
			MimeMessage mail = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(mail, parcel.htmlBody() != null, "UTF-8");
			helper.setFrom(from);
			helper.setTo(parcel.address());
			helper.setSubject(parcel.subject() == null ? "" : parcel.subject());
			if (parcel.htmlBody() != null) {
				helper.setText(parcel.body(), parcel.htmlBody());
			}
			else {
				helper.setText(parcel.body(), false);
			}
			helper.setSentDate(Date.from(clock.instant()));
			// JavaMailSenderImpl keeps a Message-ID set before sending.
			mail.setHeader("Message-ID", messageId);
			sender.send(mail);
			return Outcome.delivered(PROVIDER, messageId);
		}
		catch (MessagingException | MailException ex) {
			return Outcome.failed(classify(ex), masked(ex.getClass().getSimpleName() + ": " + ex.getMessage()));
		}
	}

	/**
	 * A relay's words with every e-mail address in them masked
	 * ({@code r***@example.com}): the failure is shown to administrators, who see
	 * addresses masked everywhere else.
	 */
	static String masked(String failure) {
		return failure == null ? null
				: ADDRESS.matcher(failure).replaceAll(m -> m.group(1).charAt(0) + "***@" + m.group(2));
	}

	static String messageId(Parcel parcel) {
		return "<" + parcel.id() + "@onestop>";
	}

	/**
	 * SMTP 5xx: for good; 4xx, no connection, a timeout: for now; anything else: ours.
	 */
	static Result classify(Throwable failure) {
		for (Throwable cause : causes(failure)) {
			if (cause instanceof SMTPSendFailedException smtp) {
				return byCode(smtp.getReturnCode());
			}
			if (cause instanceof SMTPAddressFailedException smtp) {
				return byCode(smtp.getReturnCode());
			}
		}
		for (Throwable cause : causes(failure)) {
			if (cause instanceof MailConnectException || cause instanceof SocketException
					|| cause instanceof SocketTimeoutException || cause instanceof UnknownHostException) {
				return Result.TEMPORARY_FAILURE;
			}
		}
		return Result.TECHNICAL_FAILURE;
	}

	private static Result byCode(int code) {
		if (code >= 500 && code < 600) {
			return Result.PERMANENT_FAILURE;
		}
		return code >= 400 && code < 500 ? Result.TEMPORARY_FAILURE : Result.TECHNICAL_FAILURE;
	}

	/** Causes, JavaMail's next exceptions and Spring's per-message exceptions alike. */
	private static Set<Throwable> causes(Throwable failure) {
		Set<Throwable> seen = new LinkedHashSet<>();
		Deque<Throwable> todo = new ArrayDeque<>();
		todo.add(failure);
		while (!todo.isEmpty()) {
			Throwable next = todo.poll();
			if (!seen.add(next)) {
				continue;
			}
			if (next.getCause() != null) {
				todo.add(next.getCause());
			}
			if (next instanceof MessagingException messaging && messaging.getNextException() != null) {
				todo.add(messaging.getNextException());
			}
			if (next instanceof MailSendException send) {
				todo.addAll(send.getFailedMessages().values());
			}
		}
		return seen;
	}

}
