package org.onestop.evaluation;

import java.util.Optional;
import java.util.UUID;

import org.onestop.appointment.Halls;
import org.onestop.application.Cases;
import org.onestop.complaint.Categories;
import org.onestop.complaint.ComplaintTraces;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.NotFoundException;
import org.onestop.queue.ServedTickets;
import org.onestop.shared.LocalizedText;
import org.springframework.stereotype.Component;

/**
 * What a rated service really was, so that a person can tell one from another: the
 * matter's name (or a complaint's category), where it happened (the hall), its number
 * (the application's reference, the ticket's number), and for staff the page where they
 * can look at it. Each piece is asked of the module that delivered the service.
 */
@Component
public class ServiceTitles {

	/**
	 * A rated service's title.
	 *
	 * @param name the matter's or the complaint category's name; the kind of service when
	 * none is known
	 * @param hall the hall's name for a counter visit or appointment; null elsewhere
	 * @param number the application's reference or the ticket's number; null elsewhere
	 * @param staffLink the staff page of the service, when one exists and the staff
	 * member may open it; null for citizens
	 */
	public record Title(LocalizedText name, LocalizedText hall, String number, String staffLink) {
	}

	private final ServiceNames names;

	private final Halls halls;

	private final ServedTickets tickets;

	private final ComplaintTraces complaints;

	private final Categories categories;

	private final Cases cases;

	ServiceTitles(ServiceNames names, Halls halls, ServedTickets tickets, ComplaintTraces complaints,
			Categories categories, Cases cases) {
		this.names = names;
		this.halls = halls;
		this.tickets = tickets;
		this.complaints = complaints;
		this.categories = categories;
		this.cases = cases;
	}

	/** The title as the citizen who rated it sees it. */
	public Title of(Rating rating) {
		return of(rating.subjectType(), rating.subjectId(), rating.serviceCode(), rating.hall(), null);
	}

	/**
	 * The title of a rated service.
	 * @param staff who looks at it, for the link to the service's staff page; null for
	 * none
	 */
	public Title of(SubjectType type, String subjectId, String serviceCode, String hall, OneStopUser staff) {
		LocalizedText name = names.of(type, serviceCode);
		LocalizedText hallName = hall == null ? null
				: halls.find(hall).map(h -> h.name()).orElse(new LocalizedText(hall, hall));
		return switch (type) {
			case APPLICATION -> {
				Optional<String> reference = uuid(subjectId).flatMap(id -> reference(id, staff));
				yield new Title(name, hallName, reference.orElse(null),
						staff == null ? null : reference.map(r -> "/staff/tasks?reference=" + r).orElse(null));
			}
			case COMPLAINT -> {
				LocalizedText category = uuid(subjectId).flatMap(complaints::trace)
					.flatMap(t -> categories.find(t.category()))
					.map(c -> new LocalizedText(c.nameZh(), c.nameEn()))
					.orElse(name);
				yield new Title(category, null, null,
						staff == null || uuid(subjectId).isEmpty() ? null : "/staff/complaints/" + subjectId);
			}
			case TICKET -> new Title(name, hallName,
					uuid(subjectId).flatMap(tickets::served).map(ServedTickets.ServedTicket::number).orElse(null),
					null);
			case APPOINTMENT, CONVERSATION -> new Title(name, hallName, null, null);
		};
	}

	/**
	 * The application's reference when its citizen (their own) or this staff member may
	 * read it.
	 */
	private Optional<String> reference(UUID application, OneStopUser staff) {
		if (staff == null) {
			return Optional.empty();
		}
		try {
			return Optional.ofNullable(cases.readable(staff, application).reference());
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
	}

	private static Optional<UUID> uuid(String id) {
		try {
			return Optional.of(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
