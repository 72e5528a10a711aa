package org.onestop.identity.mandate;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.onestop.identity.MatterNames;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Representation;
import org.onestop.identity.mandate.MandatePages.GrantForm;
import org.onestop.identity.mandate.MandatePages.MandateRow;
import org.onestop.identity.mandate.MandatePages.MandatesPage;
import org.onestop.identity.mandate.MandatePages.MatterOption;
import org.onestop.identity.mandate.MandatePages.PrincipalRow;
import org.springframework.stereotype.Component;

/** Builds the mandate pages' records from the mandates, the rights and the catalogue. */
@Component
class MandatePageModels {

	private final Mandates mandates;

	private final Acting acting;

	private final MandateViews views;

	private final MatterNames matters;

	MandatePageModels(Mandates mandates, Acting acting, MandateViews views, MatterNames matters) {
		this.mandates = mandates;
		this.acting = acting;
		this.views = views;
		this.matters = matters;
	}

	MandatesPage page(OneStopUser user, GrantForm form, Map<String, String> errors, String notice, Locale locale) {
		LocalDate today = acting.today();
		List<PrincipalRow> actFor = acting.principals(user).stream().map(p -> {
			var view = views.principal(p, locale);
			return new PrincipalRow(p.idNumber(), p.name(), p.kind() == Representation.Kind.GUARDIAN,
					view.allMatters() ? null : names(view.matters()), p.until().toString());
		}).toList();
		List<MandateRow> given = views.views(mandates.given(user), today, locale)
			.stream()
			.map(v -> row(v, v.representativeName()))
			.toList();
		List<MandateRow> received = views.views(mandates.received(user), today, locale)
			.stream()
			.map(v -> row(v, v.grantorName()))
			.toList();
		return new MandatesPage(actFor, given, received, form, options(form.serviceCodes(), locale), errors,
				today.plusYears(1).toString(), notice);
	}

	List<MatterOption> options(List<String> checked, Locale locale) {
		return matters.all()
			.entrySet()
			.stream()
			.map(e -> new MatterOption(e.getKey(), e.getValue().in(locale), checked.contains(e.getKey())))
			.toList();
	}

	String maxUntil() {
		return acting.today().plusYears(1).toString();
	}

	private static MandateRow row(MandateViews.MandateView v, String person) {
		return new MandateRow(v.id().toString(), person, v.allMatters() ? null : names(v.matters()),
				v.until().toString(), v.status(), "COUNTER".equals(v.how()));
	}

	private static String names(List<MandateViews.MatterView> matters) {
		return matters.stream().map(MandateViews.MatterView::name).collect(Collectors.joining("、"));
	}

}
