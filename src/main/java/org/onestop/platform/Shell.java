package org.onestop.platform;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.onestop.shared.SignedInUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the page layout needs on every page: language, large-text mode, who is signed in,
 * the CSRF token for forms, and the message bundle. Templates receive it as
 * {@code shell}.
 */
public record Shell(Locale locale, boolean largeText, SignedInUser user, CsrfToken csrf, String path, String query,
		Messages messages, ZoneId zone, UnreadCount inbox, StaffNavigation staffNavigation, Assets assets) {

	private static final Logger log = LoggerFactory.getLogger(Shell.class);

	/**
	 * The pages with a form a citizen fills in, where the layout offers "call me back"
	 * (issue 15): applying, booking, answering or disputing in an application, a
	 * complaint, registering, signing in and its help, the account's phone and password.
	 */
	private static final Pattern FORM_PAGES = Pattern.compile("/services/[^/]+/(apply|book)"
			+ "|/applications/(bundle/[^/]+|drafts/[^/]+/disputes/[^/]+|[0-9a-f-]{36}(/withdraw)?)"
			+ "|/complaints/new|/register(/confirm)?|/sign-in(/unlock|/forgot)?(/confirm)?"
			+ "|/account/(password|phone(/confirm)?)");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private static final DateTimeFormatter DAY_ZH = DateTimeFormatter.ofPattern("M月d日 EEEE", Locale.CHINA);

	private static final DateTimeFormatter DAY_EN = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);

	/**
	 * How many unread messages the signed-in person has, counted when the header asks
	 * (one indexed query), so that redirects and fragments cost nothing; 0 when nobody is
	 * signed in or no module keeps an inbox.
	 */
	public int unread() {
		if (user == null || inbox == null) {
			return 0;
		}
		try {
			return inbox.unreadCount(user.username());
		}
		catch (RuntimeException ex) {
			// The header is on every page, the error page too: a count we cannot have
			// must not take the page with it.
			log.warn("Unread count for the header failed", ex);
			return 0;
		}
	}

	/**
	 * The staff layout's header for the member of staff signed in (one small query, asked
	 * by the layout only); null for citizens and anonymous visitors.
	 */
	public StaffBar staffBar() {
		if (!staff()) {
			return null;
		}
		if (staffNavigation == null) {
			return new StaffBar(user.displayName(), "", java.util.List.of());
		}
		return staffNavigation.bar(user, locale);
	}

	/** The calendar date of an instant, in the city's time zone. */
	public String date(Instant instant) {
		return instant == null ? "" : instant.atZone(zone).toLocalDate().toString();
	}

	/**
	 * The field errors of a refused form, in the page's language, the first per field, in
	 * order: what a page shows beside each field and in its error summary.
	 */
	public Map<String, String> errors(ProblemException refusal) {
		Map<String, String> errors = new LinkedHashMap<>();
		refusal.fields().forEach(f -> errors.putIfAbsent(f.field(), t(f.messageKey(), f.args())));
		return errors;
	}

	/**
	 * As {@link #errors(ProblemException)}, but a refusal that names no field (taken, not
	 * found, too many) is said beside {@code field}: the form is shown again with every
	 * message where the citizen will look.
	 */
	public Map<String, String> errors(ProblemException refusal, String field) {
		Map<String, String> errors = errors(refusal);
		if (errors.isEmpty()) {
			errors.put(field, t(refusal.detailKey(), refusal.args()));
		}
		return errors;
	}

	/**
	 * One sentence for a page with one place for it: the first field's message, else the
	 * refusal's own.
	 */
	public String message(ProblemException refusal) {
		return errors(refusal).values().stream().findFirst().orElseGet(() -> t(refusal.detailKey(), refusal.args()));
	}

	/**
	 * A day near today (a booking's, say) as people say it, with its weekday and without
	 * the year: 12月7日 星期一, Monday 7 December.
	 */
	public String day(LocalDate day) {
		if (day == null) {
			return "";
		}
		return english() ? DAY_EN.format(day) : DAY_ZH.format(day);
	}

	/**
	 * The day (with its weekday) and the minute of an instant near today, in the city's
	 * time zone: 12月7日 星期一 09:30.
	 */
	public String dayTime(Instant instant) {
		return instant == null ? "" : day(instant.atZone(zone).toLocalDate()) + " " + time(instant);
	}

	/** Date and minute of an instant, in the city's time zone. */
	public String dateTime(Instant instant) {
		return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
	}

	/** Hour and minute of an instant, in the city's time zone. */
	public String time(Instant instant) {
		return instant == null ? "" : TIME.format(instant.atZone(zone));
	}

	/** A value made safe to put in a URL's query. */
	public String encode(String value) {
		return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
	}

	/**
	 * The content-hashed URL of a static file (kept a year by browsers); the path itself
	 * where no resource chain is at hand.
	 */
	public String asset(String path) {
		return assets == null ? path : assets.url(path);
	}

	/** Text from the message bundle in the page's language. */
	public String t(String key, Object... args) {
		return messages.get(locale, key, args);
	}

	/** The BCP 47 tag for the {@code lang} attribute. */
	public String lang() {
		return locale.equals(Languages.ENGLISH) ? "en" : "zh-CN";
	}

	public boolean english() {
		return locale.equals(Languages.ENGLISH);
	}

	public boolean signedIn() {
		return user != null;
	}

	public boolean staff() {
		return user != null && user.staff();
	}

	/** This page in the other language. */
	public String otherLanguageLink() {
		// The path and query come from the request already encoded: build(true) keeps
		// them as they are.
		return UriComponentsBuilder.fromPath(path)
			.query(query)
			.replaceQueryParam("lang", english() ? "zh-CN" : "en")
			.build(true)
			.toUriString();
	}

	/**
	 * This page, to come back to after a form elsewhere (the language switch parameter
	 * dropped).
	 */
	public String here() {
		return UriComponentsBuilder.fromPath(path).query(query).replaceQueryParam("lang").build(true).toUriString();
	}

	/**
	 * Whether this page is one where a citizen fills in a form, so that the layout offers
	 * to call them back.
	 */
	public boolean callMe() {
		return !staff() && path != null && FORM_PAGES.matcher(path).matches();
	}

	/**
	 * Who typed what a form keeps in the browser (keep-typed.js puts it back only for the
	 * same person): a digest of the username, so that no ID number is written into the
	 * page; empty for a visitor.
	 */
	public String typedOwner() {
		if (user == null) {
			return "";
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(("onestop.typed:" + user.username()).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	public String csrfParameter() {
		return csrf == null ? "_csrf" : csrf.getParameterName();
	}

	public String csrfToken() {
		return csrf == null ? "" : csrf.getToken();
	}
}
