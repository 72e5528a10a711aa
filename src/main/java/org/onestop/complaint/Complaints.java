package org.onestop.complaint;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.onestop.application.vault.DocumentVault;
import org.onestop.complaint.ComplaintClock.Kind;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.onestop.platform.ForbiddenException;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.ProblemException.FieldProblem;
import org.onestop.platform.UnauthenticatedException;
import org.onestop.shared.ContactChannel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaints as their reporters see them: filing from any channel, the complaint and its
 * timeline, "is this what you are reporting?", the list of one's own, and the verdict. An
 * anonymous reporter reaches their complaint with its tracking code; anyone else's
 * complaint is as good as absent (404).
 */
@Service
public class Complaints {

	static final int MAX_DESCRIPTION = 4000;

	static final int MAX_PHOTOS = 6;

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{4,19}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{2,}");

	// No 0/O or 1/I/L: a tracking code is read out over the phone.
	private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();

	private final SecureRandom random = new SecureRandom();

	private final Casebook book;

	private final Categories categories;

	private final ComplaintClocks clocks;

	private final Deadlines deadlines;

	private final Dispatch dispatch;

	private final Verdicts verdicts;

	private final DocumentVault vault;

	private final ComplaintProperties properties;

	Complaints(Casebook book, Categories categories, ComplaintClocks clocks, Deadlines deadlines, Dispatch dispatch,
			Verdicts verdicts, DocumentVault vault, ComplaintProperties properties) {
		this.book = book;
		this.categories = categories;
		this.clocks = clocks;
		this.deadlines = deadlines;
		this.dispatch = dispatch;
		this.verdicts = verdicts;
		this.vault = vault;
		this.properties = properties;
	}

	/**
	 * Files a complaint. {@code reporter} is the signed-in citizen, an agent filing from
	 * a chat or call (channel CHAT or PHONE), or null for an anonymous reporter. A
	 * category whose rule is certain dispatches itself.
	 */
	@Transactional
	public Filed file(OneStopUser reporter, Intake intake) {
		if (intake.channel() == Channel.OPEN311) {
			throw new InvalidInputException("channel", "complaint.channel.invalid");
		}
		return intake(reporter, intake, null, null);
	}

	/**
	 * Files what an Open311 client posted: the caller has checked the client's key; the
	 * token lets the client find the request later.
	 */
	@Transactional
	public Filed fileOpen311(String client, String token, Intake intake) {
		return intake(null,
				new Intake(Channel.OPEN311, intake.categoryCode(), intake.description(), intake.address(),
						intake.latitude(), intake.longitude(), List.of(), intake.contactName(), intake.contactPhone(),
						intake.contactEmail(), null, null, null),
				client, token);
	}

	private Filed intake(OneStopUser reporter, Intake intake, String client, String token) {
		Channel channel = intake.channel() == null ? Channel.WEB : intake.channel();
		boolean agent = reporter != null && reporter.staff();
		if (agent && (!reporter.has(Role.AGENT) || (channel != Channel.PHONE && channel != Channel.CHAT))) {
			throw new ForbiddenException("complaint.file.forbidden");
		}
		if (!agent && (channel == Channel.PHONE || channel == Channel.CHAT)) {
			throw new InvalidInputException("channel", "complaint.channel.invalid");
		}
		List<FieldProblem> problems = new ArrayList<>();
		Category category = categories.find(intake.categoryCode()).filter(c -> c.leaf() && c.active()).orElse(null);
		if (category == null) {
			problems.add(new FieldProblem("categoryCode", "complaint.category.unknown"));
		}
		String description = intake.description() == null ? "" : intake.description().strip();
		if (description.isEmpty()) {
			problems.add(new FieldProblem("description", "complaint.description.required"));
		}
		else if (description.length() > MAX_DESCRIPTION) {
			problems.add(new FieldProblem("description", "complaint.description.long", MAX_DESCRIPTION));
		}
		String address = blankToNull(intake.address());
		if (address != null && address.length() > 300) {
			problems.add(new FieldProblem("address", "complaint.address.long", 300));
		}
		if ((intake.latitude() == null) != (intake.longitude() == null)) {
			problems.add(new FieldProblem("latitude", "complaint.location.both"));
		}
		else if (intake.latitude() != null
				&& (!Double.isFinite(intake.latitude()) || !Double.isFinite(intake.longitude())
						|| !properties.bounds().contain(intake.latitude(), intake.longitude()))) {
			problems.add(new FieldProblem("latitude", "complaint.location.outside"));
		}
		String phone = blankToNull(intake.contactPhone());
		if (phone != null && !PHONE.matcher(phone).matches()) {
			problems.add(new FieldProblem("contactPhone", "complaint.contact.phone"));
		}
		String email = blankToNull(intake.contactEmail());
		if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
			problems.add(new FieldProblem("contactEmail", "complaint.contact.email"));
		}
		String name = blankToNull(intake.contactName());
		if (name != null && name.length() > 100) {
			problems.add(new FieldProblem("contactName", "complaint.contact.name"));
		}
		String citizen = agent ? blankToNull(intake.onBehalfOf()) : reporter == null ? null : reporter.username();
		List<UUID> photos = intake.documentIds().stream().distinct().toList();
		if (photos.contains(null)) {
			problems.add(new FieldProblem("documentIds", "complaint.photos.unknown"));
		}
		else if (photos.size() > MAX_PHOTOS) {
			problems.add(new FieldProblem("documentIds", "complaint.photos.too-many", MAX_PHOTOS));
		}
		else if (!photos.isEmpty()
				&& (agent || reporter == null || !vault.owned(reporter.username(), photos).containsAll(photos))) {
			problems.add(new FieldProblem("documentIds", "complaint.photos.unknown"));
		}
		if (agent && citizen == null && phone == null) {
			problems.add(new FieldProblem("contactPhone", "complaint.contact.phone.required"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Complaint joined = intake.duplicateOf() == null ? null
				: joinable(intake.duplicateOf(), category, intake.latitude(), intake.longitude());
		Instant now = book.now();
		UrgencyTier tier = category.urgencyTier();
		Complaint complaint = new Complaint(UUID.randomUUID(), trackingCode(), citizen, channel, category.code(),
				description, address, intake.latitude(), intake.longitude(), name, phone, email,
				intake.conversationId(), agent ? reporter.username() : null, client, token, tier,
				joined == null ? ComplaintStatus.NEW : ComplaintStatus.CLOSED, null, now, null,
				deadlines.contactDue(tier, now), null, deadlines.replyDue(tier, now), null, null, null, null, 0, 0,
				false, false, joined == null ? null : joined.id(), joined == null ? null : now,
				joined == null ? null : Closure.MERGED);
		return record(complaint, intake.recordedChannel(), photos, reporter == null ? "anonymous" : reporter.username(),
				category, joined);
	}

	private Filed record(Complaint complaint, ContactChannel contact, List<UUID> photos, String actor,
			Category category, Complaint joined) {
		book.store().insert(complaint, contact);
		Instant now = complaint.receivedAt();
		photos.forEach(p -> book.store().addDocument(complaint.id(), p, complaint.reporter(), "REPORT", now));
		book.note(complaint, "RECEIVED", actor, ComplaintNotices.DISPATCH_CENTRE, true, null);
		book.changed(actor, complaint, "filed", complaint.channel() + " " + complaint.categoryCode());
		if (joined != null) {
			book.note(complaint, "MERGED", actor, null, true, null);
			book.note(joined, "REPORTER_JOINED", actor, null, false, complaint.id().toString());
			return new Filed(complaint.id(), complaint.trackingCode(), joined.status());
		}
		clocks.start(complaint.id(), Kind.CONTACT, 0, now, complaint.firstContactDue());
		clocks.start(complaint.id(), Kind.REPLY, 0, now, complaint.replyDue());
		if (category.certain()) {
			Complaint dispatched = dispatch.dispatchLocked(complaint, category.leadDepartment(), List.of(), "system");
			return new Filed(complaint.id(), complaint.trackingCode(), dispatched.status());
		}
		return new Filed(complaint.id(), complaint.trackingCode(), complaint.status());
	}

	/**
	 * The open complaint a new one may join: only one that "is this what you are
	 * reporting?" offered for the reporter's place (same category, within its radius and
	 * the duplicate window, not itself merged). Anything else would let anyone attach
	 * themselves to a stranger's complaint, read its reply and judge it.
	 */
	private Complaint joinable(UUID id, Category category, Double latitude, Double longitude) {
		if (latitude == null || longitude == null) {
			throw new InvalidInputException("duplicateOf", "complaint.duplicate.invalid");
		}
		boolean offered = book.store()
			.nearby(category.code(), latitude, longitude, category.duplicateRadiusMetres(),
					book.now().minus(properties.duplicateWindow()))
			.stream()
			.anyMatch(n -> n.complaint().id().equals(id));
		if (!offered) {
			throw new InvalidInputException("duplicateOf", "complaint.duplicate.invalid");
		}
		Complaint target = book.lock(id);
		if (target.mergedInto() != null || !target.open() || !target.categoryCode().equals(category.code())) {
			throw new InvalidInputException("duplicateOf", "complaint.duplicate.invalid");
		}
		return target;
	}

	/**
	 * A complaint for its reporter (or, with the tracking code, for anyone who holds it),
	 * or for staff who work on it.
	 */
	public ComplaintView view(OneStopUser reader, UUID id, String trackingCode, Locale locale) {
		Complaint c = book.find(id);
		if (reader != null && reader.staff()) {
			if (!staffMaySee(reader, c)) {
				throw Casebook.notFound();
			}
			return book.view(c, true, locale);
		}
		if (!reporterOrCodeHolder(reader, c, trackingCode)) {
			throw Casebook.notFound();
		}
		return book.view(c, false, locale);
	}

	/** The signed-in citizen's complaints, whatever the channel, newest first. */
	public List<ComplaintView> mine(OneStopUser citizen, Locale locale) {
		if (citizen == null) {
			throw new UnauthenticatedException("problem.detail.401");
		}
		if (citizen.staff()) {
			throw new ForbiddenException("complaint.mine.citizens");
		}
		return book.store().ofReporter(citizen.username(), 50).stream().map(c -> book.view(c, false, locale)).toList();
	}

	/**
	 * An open complaint near the place being reported, for "is this what you are
	 * reporting?".
	 */
	public record NearbyComplaint(UUID id, String categoryName, String address, Instant receivedAt, long distanceMetres,
			String statusName, String holderName) {
	}

	/**
	 * Open complaints of the same category near a place within the last 7 days. Only what
	 * is public about a place shows: the description may hold a reporter's personal
	 * details.
	 */
	public List<NearbyComplaint> nearby(String categoryCode, Double latitude, Double longitude, Locale locale) {
		Category category = categories.leaf("categoryCode", categoryCode);
		if (latitude == null || longitude == null || !Double.isFinite(latitude) || !Double.isFinite(longitude)
				|| !properties.bounds().contain(latitude, longitude)) {
			throw new InvalidInputException("latitude", "complaint.location.outside");
		}
		return book.store()
			.nearby(category.code(), latitude, longitude, category.duplicateRadiusMetres(),
					book.now().minus(properties.duplicateWindow()))
			.stream()
			// Names only, from what the row holds: no whole view (and its queries) per
			// complaint on a public endpoint.
			.map(n -> new NearbyComplaint(n.complaint().id(), category.name(locale), n.complaint().address(),
					n.complaint().receivedAt(), Math.round(n.metres()), book.statusName(n.complaint(), locale),
					book.departmentName(Casebook.holder(n.complaint()), locale)))
			.toList();
	}

	/** The reporter says whether it was solved, and rates the handling. */
	@Transactional
	public ComplaintView verdict(OneStopUser reporter, UUID id, String trackingCode, Boolean solved, Integer rating,
			String comment, Locale locale) {
		Complaint[] locked = verdicts.lockCase(id);
		Complaint own = locked[0];
		if ((reporter != null && reporter.staff()) || !reporterOrCodeHolder(reporter, own, trackingCode)) {
			throw Casebook.notFound();
		}
		if (solved == null) {
			throw new InvalidInputException("solved", "complaint.verdict.solved.required");
		}
		if (rating == null) {
			throw new InvalidInputException("rating", "complaint.verdict.rating");
		}
		verdicts.give(own, locked[1], solved, rating, comment, "CITIZEN",
				reporter == null ? "anonymous" : reporter.username());
		return book.view(book.find(id), false, locale);
	}

	/**
	 * Complaints filed in this conversation (an agent's outcome COMPLAINT_FILED points at
	 * one).
	 */
	public boolean filedIn(UUID complaintId, UUID conversationId) {
		return book.store().find(complaintId).map(c -> conversationId.equals(c.conversationId())).orElse(false);
	}

	/**
	 * A complaint an agent filed by phone joins the call logged afterwards (a call exists
	 * only once logged): true when it is that agent's PHONE complaint in no call yet, and
	 * from then on {@link #filedIn} it. Anything else changes nothing.
	 */
	@Transactional
	public boolean attachCall(UUID complaintId, OneStopUser agent, UUID callId) {
		if (complaintId == null || agent == null || !agent.has(Role.AGENT)
				|| !book.store().attachCall(complaintId, agent.username(), callId)) {
			return false;
		}
		book.changed(agent.username(), book.find(complaintId), "call", callId.toString());
		return true;
	}

	boolean staffMaySee(OneStopUser staff, Complaint c) {
		if (staff.has(Role.DISPATCHER) || staff.has(Role.AGENT) || (staff.has(Role.DEPARTMENT_HEAD)
				&& ComplaintNotices.DISPATCH_CENTRE.equals(staff.departmentCode()))) {
			return true;
		}
		if (!staff.has(Role.COMPLAINT_HANDLER) && !staff.has(Role.DEPARTMENT_HEAD) && !staff.has(Role.SUPERVISOR)) {
			return false;
		}
		Set<String> departments = new HashSet<>();
		book.store().assignments(c.caseId()).forEach(a -> departments.add(a.department()));
		return departments.contains(staff.departmentCode());
	}

	private static boolean reporterOrCodeHolder(OneStopUser reader, Complaint c, String trackingCode) {
		if (reader != null && !reader.staff() && reader.username().equals(c.reporter())) {
			return true;
		}
		return trackingCode != null
				&& MessageDigest.isEqual(trackingCode.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8),
						c.trackingCode().getBytes(StandardCharsets.UTF_8));
	}

	private String trackingCode() {
		StringBuilder code = new StringBuilder(11);
		for (int i = 0; i < 10; i++) {
			if (i == 5) {
				code.append('-');
			}
			code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
		}
		return code.toString();
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	Optional<Complaint> find(UUID id) {
		return book.store().find(id);
	}

}
