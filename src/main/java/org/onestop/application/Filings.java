package org.onestop.application;

import java.util.Locale;
import java.util.UUID;

import org.onestop.appointment.HallLayout;
import org.onestop.appointment.Halls;
import org.onestop.catalog.Catalog;
import org.onestop.certificate.ReceiptLayout;
import org.onestop.certificate.ReceiptRequest;
import org.onestop.certificate.Receipts;
import org.onestop.identity.Departments;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.NotFoundException;
import org.onestop.shared.LocalizedText;
import org.springframework.stereotype.Service;

/**
 * How applications were filed, in names people read, and the receipt (受理回执) that says so
 * on paper.
 */
@Service
public class Filings {

	private final Cases cases;

	private final ApplicationStore store;

	private final Halls halls;

	private final Catalog catalog;

	private final Departments departments;

	private final Receipts receipts;

	Filings(Cases cases, ApplicationStore store, Halls halls, Catalog catalog, Departments departments,
			Receipts receipts) {
		this.cases = cases;
		this.store = store;
		this.halls = halls;
		this.catalog = catalog;
		this.departments = departments;
		this.receipts = receipts;
	}

	/** How this application was filed, with the hall's and counter's names. */
	public Filing of(Application a) {
		Intake intake = a.intake();
		HallLayout hall = intake.hall() == null ? null : halls.find(intake.hall()).orElse(null);
		LocalizedText counter = hall == null || intake.counter() == null ? null
				: hall.counter(intake.counter())
					.map(HallLayout.Counter::name)
					.orElse(new LocalizedText(intake.counter(), intake.counter()));
		return new Filing(intake.channel(), hall == null ? null : hall.name(), counter, intake.filedByName(),
				a.submittedAt());
	}

	/**
	 * The receipt of a submitted application, for whoever may read it as the case API
	 * allows, and for the member of staff who filed it (a counter clerk of another
	 * department prints it for the citizen present); to anyone else, and for a draft, it
	 * does not exist.
	 */
	public byte[] receipt(OneStopUser user, UUID id, ReceiptLayout layout, Locale locale) {
		Application a = readable(user, id);
		if (a.status() == Application.Status.DRAFT) {
			throw new NotFoundException("application.not-found");
		}
		Filing filing = of(a);
		LocalizedText matter = catalog.matter(a.serviceCode(), a.matterVersion())
			.map(m -> m.definition().name())
			.orElse(new LocalizedText(a.serviceCode(), a.serviceCode()));
		LocalizedText department = departments.byCode(a.department())
			.map(d -> new LocalizedText(d.name(Locale.CHINESE), d.name(Locale.ENGLISH)))
			.orElse(new LocalizedText(a.department(), a.department()));
		return receipts.render(new ReceiptRequest(a.reference(), matter, department, a.applicantName(),
				a.applicantIdNumber(), a.submittedAt(), filing.channel(), filing.hall(), filing.counter(),
				filing.filedByName(), a.dueDate(), "/applications/" + a.id()), layout, locale);
	}

	private Application readable(OneStopUser user, UUID id) {
		try {
			return cases.readable(user, id);
		}
		catch (NotFoundException ex) {
			return store.find(id)
				.filter(a -> user.staff() && user.username().equals(a.intake().filedBy()))
				.orElseThrow(() -> ex);
		}
	}

}
