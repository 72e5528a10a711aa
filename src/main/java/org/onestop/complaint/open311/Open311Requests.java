package org.onestop.complaint.open311;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.onestop.complaint.Categories;
import org.onestop.complaint.Category;
import org.onestop.complaint.Channel;
import org.onestop.complaint.Complaints;
import org.onestop.complaint.Filed;
import org.onestop.complaint.Intake;
import org.onestop.identity.Departments;
import org.onestop.platform.ForbiddenException;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.Messages;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.PlatformProperties;
import org.onestop.platform.ProblemException.FieldProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service requests the GeoReport v2 way: posted by a third-party app with its key and
 * filed as a complaint like any other (channel OPEN311), and listed to anybody. Every
 * complaint shows in the list, whatever its channel, but only Open311's own posts show
 * their description and exact place: the others were written to the city, not to the
 * public.
 */
@Service
class Open311Requests {

	/** The spec's default span, and the longest one asked for. */
	static final Duration SPAN = Duration.ofDays(90);

	/** The spec's "first 1000 requests". */
	static final int PAGE = 1000;

	static final int MAX_MEDIA_URL = 500;

	/** About 100 m: near enough to find the pothole, too coarse to find the caller. */
	private static final double COARSE = 1000.0;

	/** Who holds a complaint that no department leads yet. */
	private static final String DISPATCH_CENTRE = "DC";

	private final Complaints complaints;

	private final Categories categories;

	private final Departments departments;

	private final Open311Clients clients;

	private final Open311RequestStore store;

	private final Messages messages;

	private final Clock clock;

	private final ZoneId zone;

	private final String jurisdiction;

	Open311Requests(Complaints complaints, Categories categories, Departments departments, Open311Clients clients,
			Open311RequestStore store, Messages messages, Clock clock, PlatformProperties platform,
			@Value("${onestop.open311.jurisdiction-id:onestop.demo}") String jurisdiction) {
		this.complaints = complaints;
		this.categories = categories;
		this.departments = departments;
		this.clients = clients;
		this.store = store;
		this.messages = messages;
		this.clock = clock;
		this.zone = platform.timeZone();
		this.jurisdiction = jurisdiction;
	}

	/** The city's own id, or none: the spec lets a single-city server ignore it. */
	void checkJurisdiction(String id) {
		if (id != null && !id.isBlank() && !jurisdiction.equals(id.strip())) {
			throw new InvalidInputException("jurisdiction_id", "complaint.open311.jurisdiction", jurisdiction);
		}
	}

	/** What a POST answers: realtime, so the id at once, and a token for good measure. */
	record Posted(String serviceRequestId, String token, String serviceNotice) {
	}

	/**
	 * Files a posted request. {@code form} holds the first value of each form field; the
	 * key is checked before anything else is read.
	 */
	@Transactional
	Posted post(Map<String, String> form, Locale locale) {
		String client = clients.clientOf(form.get("api_key"))
			.orElseThrow(() -> new ForbiddenException("complaint.open311.key"));
		checkJurisdiction(form.get("jurisdiction_id"));
		List<FieldProblem> problems = new ArrayList<>();
		String code = blankToNull(form.get("service_code"));
		Optional<Category> category = categories.find(code).filter(c -> c.leaf() && c.active());
		if (code == null) {
			problems.add(new FieldProblem("service_code", "complaint.open311.service.required"));
		}
		else if (category.isEmpty()) {
			problems.add(new FieldProblem("service_code", "complaint.open311.service.unknown", code));
		}
		Double latitude = coordinate(form, "lat", problems);
		Double longitude = coordinate(form, "long", problems);
		String address = blankToNull(form.get("address_string"));
		if (latitude == null && longitude == null && address == null
				&& !problems.stream().anyMatch(p -> p.field().equals("lat") || p.field().equals("long"))) {
			problems.add(new FieldProblem("lat", "complaint.open311.location.required"));
		}
		String media = blankToNull(form.get("media_url"));
		if (media != null && (media.length() > MAX_MEDIA_URL || !media.matches("(?i)https?://[^\\s]+"))) {
			problems.add(new FieldProblem("media_url", "complaint.open311.media", MAX_MEDIA_URL));
		}
		for (String ignored : List.of("device_id", "account_id")) {
			String value = form.get(ignored);
			if (value != null && value.length() > 200) {
				problems.add(new FieldProblem(ignored, "complaint.open311.too-long", 200));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		// Many apps send a category and a place only: the service's name says what it is.
		String description = blankToNull(form.get("description"));
		if (description == null) {
			description = category.get().name(locale);
		}
		String name = join(blankToNull(form.get("first_name")), blankToNull(form.get("last_name")));
		String token = UUID.randomUUID().toString();
		Filed filed = complaints.fileOpen311(client, token, new Intake(Channel.OPEN311, code, description, address,
				latitude, longitude, List.of(), name, form.get("phone"), form.get("email"), null, null, null));
		if (media != null) {
			store.addMedia(filed.id(), media);
		}
		return new Posted(filed.id().toString(), token, notice(category.get().urgencyTier().name(), locale));
	}

	/** The service request a token stands for. */
	String byToken(String token) {
		return store.byToken(token == null ? "" : token.strip())
			.map(UUID::toString)
			.orElseThrow(() -> new NotFoundException("complaint.open311.token.unknown"));
	}

	Open311Request one(String id, Locale locale) {
		UUID uuid = uuid(id);
		return (uuid == null ? List.<Open311RequestStore.Row>of() : store.byIds(List.of(uuid), 1)).stream()
			.findFirst()
			.map(r -> list(List.of(r), locale).get(0))
			.orElseThrow(() -> new NotFoundException("complaint.open311.request.unknown"));
	}

	/**
	 * GET requests: by ids (which override every other filter, as the spec says), or by
	 * service, status and date span (the last 90 days unless given; never more than 90).
	 */
	List<Open311Request> search(String ids, String serviceCodes, String startDate, String endDate, String status,
			Locale locale) {
		if (ids != null && !ids.isBlank()) {
			Set<UUID> wanted = new LinkedHashSet<>();
			for (String id : ids.split(",")) {
				UUID uuid = uuid(id);
				if (uuid != null && wanted.size() < PAGE) {
					wanted.add(uuid);
				}
			}
			return list(store.byIds(wanted, PAGE), locale);
		}
		List<FieldProblem> problems = new ArrayList<>();
		Instant start = date(startDate, "start_date", problems);
		Instant end = date(endDate, "end_date", problems);
		boolean open = true;
		boolean closed = true;
		if (status != null && !status.isBlank()) {
			open = false;
			closed = false;
			for (String s : status.split(",")) {
				switch (s.strip().toLowerCase(Locale.ROOT)) {
					case "open" -> open = true;
					case "closed" -> closed = true;
					default -> problems.add(new FieldProblem("status", "complaint.open311.status"));
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (end == null) {
			end = start == null ? clock.instant() : start.plus(SPAN);
		}
		if (start == null) {
			start = end.minus(SPAN);
		}
		if (end.isBefore(start)) {
			throw new InvalidInputException("end_date", "complaint.open311.date.order");
		}
		if (Duration.between(start, end).compareTo(SPAN) > 0) {
			throw new InvalidInputException("end_date", "complaint.open311.date.span", SPAN.toDays());
		}
		Set<String> services = new LinkedHashSet<>();
		if (serviceCodes != null) {
			for (String code : serviceCodes.split(",")) {
				if (!code.isBlank()) {
					services.add(code.strip());
				}
			}
		}
		// [start, end]: an end date names the last instant wanted.
		return list(store.search(start, end.plusNanos(1000), services, open, closed, PAGE), locale);
	}

	/**
	 * The rows as the public sees them; names are looked up once per page, not once per
	 * row (a page is up to 1000 rows).
	 */
	private List<Open311Request> list(List<Open311RequestStore.Row> rows, Locale locale) {
		Map<String, String> serviceNames = new HashMap<>();
		categories.all().forEach(c -> serviceNames.put(c.code(), c.name(locale)));
		Map<String, String> agencies = departments.names(locale);
		return rows.stream().map(r -> request(r, serviceNames, agencies, locale)).toList();
	}

	private Open311Request request(Open311RequestStore.Row row, Map<String, String> serviceNames,
			Map<String, String> agencies, Locale locale) {
		boolean own = row.viaOpen311();
		String notes = messages.get(locale, row.closed() && row.closure() != null ? "complaint.closure." + row.closure()
				: "complaint.status." + row.status());
		if (row.merged()) {
			notes = messages.get(locale, "complaint.closure.MERGED") + " — " + notes;
		}
		String lead = row.leadDepartment() != null && !"NEW".equals(row.status()) ? row.leadDepartment()
				: DISPATCH_CENTRE;
		return new Open311Request(row.id().toString(), !row.closed(), notes,
				serviceNames.getOrDefault(row.categoryCode(), row.categoryCode()), row.categoryCode(),
				own ? row.description() : null, agencies.get(lead), notice(row.urgencyTier(), locale),
				at(row.receivedAt()), at(row.updatedAt() == null ? row.receivedAt() : row.updatedAt()),
				row.closed() ? null : at(row.replyDue()), own ? row.address() : null, coordinate(row.latitude(), own),
				coordinate(row.longitude(), own), own ? row.mediaUrl() : null);
	}

	/** What the city will do, by the category's time limit. */
	private String notice(String urgencyTier, Locale locale) {
		return messages.get(locale, "complaint.open311.notice." + urgencyTier);
	}

	private OffsetDateTime at(Instant instant) {
		return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone).toOffsetDateTime();
	}

	private static Double coordinate(Double value, boolean exact) {
		// Not a conditional expression: one with a double arm unboxes a null Double.
		if (value == null || exact) {
			return value;
		}
		return Math.round(value * COARSE) / COARSE;
	}

	private static Double coordinate(Map<String, String> form, String field, List<FieldProblem> problems) {
		String text = blankToNull(form.get(field));
		if (text == null) {
			return null;
		}
		try {
			double value = Double.parseDouble(text);
			if (Double.isFinite(value) && text.matches("[+-]?[0-9]{1,3}(\\.[0-9]{1,15})?")) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// Reported below with the field's name.
		}
		problems.add(new FieldProblem(field, "complaint.open311.coordinate"));
		return null;
	}

	private static Instant date(String text, String field, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text.strip()).toInstant();
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldProblem(field, "complaint.open311.date"));
			return null;
		}
	}

	private static UUID uuid(String id) {
		try {
			return id == null ? null : UUID.fromString(id.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String join(String first, String last) {
		if (first == null || last == null) {
			return first == null ? last : first;
		}
		return first + " " + last;
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
