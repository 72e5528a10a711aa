package org.onestop.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.onestop.appointment.ServiceHall;
import org.onestop.appointment.ServiceHalls;
import org.onestop.catalog.MatterDefinition.Channel;
import org.onestop.identity.Department;
import org.onestop.identity.Departments;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.ProblemException.FieldProblem;
import org.onestop.shared.LocalizedText;
import org.springframework.stereotype.Component;

/**
 * What makes a matter fit to publish. The channel rules carry promise P3 and P7: an
 * online matter needs no trip; any trip, and anything done in person, says why.
 */
@Component
class MatterRules {

	static final Pattern CODE = Pattern.compile("[A-Z]{2,3}-[A-Z]{2,6}-\\d{3}");
	static final Pattern EVENT_CODE = Pattern.compile("[a-z][a-z-]{1,30}");

	private final Departments departments;

	private final ServiceHalls halls;

	private final LifeEventStore lifeEvents;

	private final MatterStore store;

	MatterRules(Departments departments, ServiceHalls halls, LifeEventStore lifeEvents, MatterStore store) {
		this.departments = departments;
		this.halls = halls;
		this.lifeEvents = lifeEvents;
		this.store = store;
	}

	void check(MatterDefinition m) {
		List<FieldProblem> problems = new ArrayList<>();
		if (m.code() == null || !CODE.matcher(m.code()).matches()) {
			problems.add(new FieldProblem("code", "catalog.matter.code.invalid"));
		}
		Set<String> departmentCodes = departments.all().stream().map(Department::code).collect(Collectors.toSet());
		if (m.department() == null || !departmentCodes.contains(m.department())) {
			problems.add(new FieldProblem("department", "catalog.matter.department.unknown"));
		}
		text(problems, "name", m.name(), 100);
		text(problems, "description", m.description(), 2000);
		text(problems, "eligibility", m.eligibility(), 2000);
		if (m.category() == null || !EVENT_CODE.matcher(m.category()).matches()) {
			problems.add(new FieldProblem("category", "catalog.matter.category.invalid"));
		}
		channel(problems, m);
		if (m.promisedDays() < 0 || m.promisedDays() > 365) {
			problems.add(new FieldProblem("promisedDays", "catalog.matter.days.range"));
		}
		if (m.statutoryDays() < m.promisedDays() || m.statutoryDays() > 365) {
			problems.add(new FieldProblem("statutoryDays", "catalog.matter.statutory-days.invalid"));
		}
		if (m.feeYuan().signum() < 0 || m.feeYuan().scale() > 2) {
			problems.add(new FieldProblem("feeYuan", "catalog.matter.fee.invalid"));
		}
		Set<String> hallCodes = halls.all().stream().map(ServiceHall::code).collect(Collectors.toSet());
		if (!hallCodes.containsAll(m.halls())) {
			problems.add(new FieldProblem("halls", "catalog.matter.halls.unknown"));
		}
		if (m.channel() != Channel.ONLINE && m.halls().isEmpty()) {
			problems.add(new FieldProblem("halls", "catalog.matter.halls.required"));
		}
		Set<String> eventCodes = lifeEvents.all().stream().map(LifeEvent::code).collect(Collectors.toSet());
		if (!eventCodes.containsAll(m.lifeEvents())) {
			problems.add(new FieldProblem("lifeEvents", "catalog.matter.life-events.unknown"));
		}
		if (m.dataItems().stream().anyMatch(d -> d.key() == null || d.source() == null || !complete(d.label()))
				|| m.documents().stream().anyMatch(d -> d.key() == null || d.provision() == null || !complete(d.name()))
				|| m.faq().stream().anyMatch(f -> !complete(f.question()) || !complete(f.answer()))) {
			problems.add(new FieldProblem("requirements", "catalog.matter.requirements.incomplete"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private static void channel(List<FieldProblem> problems, MatterDefinition m) {
		if (m.channel() == null) {
			problems.add(new FieldProblem("channel", "catalog.matter.channel.required"));
			return;
		}
		boolean tripsRight = switch (m.channel()) {
			case ONLINE -> m.maxTrips() == 0;
			case HYBRID -> m.maxTrips() == 1;
			case OFFLINE -> m.maxTrips() >= 1 && m.maxTrips() <= 3;
		};
		if (!tripsRight) {
			problems.add(new FieldProblem("maxTrips", "catalog.matter.trips." + m.channel().name().toLowerCase()));
		}
		if (m.channel() != Channel.ONLINE && !complete(m.channelReason())) {
			problems.add(new FieldProblem("channelReason", "catalog.matter.channel-reason.required"));
		}
	}

	void check(LifeEvent event) {
		List<FieldProblem> problems = new ArrayList<>();
		if (event.code() == null || !EVENT_CODE.matcher(event.code()).matches()) {
			problems.add(new FieldProblem("code", "catalog.life-event.code.invalid"));
		}
		text(problems, "name", event.name(), 50);
		text(problems, "description", event.description(), 2000);
		if (event.matters().isEmpty() || !event.matters().stream().allMatch(store::exists)) {
			problems.add(new FieldProblem("matters", "catalog.life-event.matters.unknown"));
		}
		if (!event.matters().containsAll(event.bundle())) {
			problems.add(new FieldProblem("bundle", "catalog.life-event.bundle.outside"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	void checkSynonyms(String line) {
		if (line == null || line.isBlank() || line.length() > 500 || line.contains("\n")
				|| line.split(",").length < 2) {
			throw new InvalidInputException("line", "catalog.synonyms.invalid");
		}
	}

	private static void text(List<FieldProblem> problems, String field, LocalizedText text, int max) {
		if (!complete(text)) {
			problems.add(new FieldProblem(field, "catalog.text.both-languages"));
		}
		else if (text.zh().length() > max || text.en().length() > max) {
			problems.add(new FieldProblem(field, "catalog.text.too-long", max));
		}
	}

	private static boolean complete(LocalizedText text) {
		return text != null && text.complete();
	}

}
