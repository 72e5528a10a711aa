package org.onestop.identity.mandate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.onestop.identity.MatterNames;
import org.onestop.shared.LocalizedText;
import org.onestop.shared.ResidentIdNumber;
import org.springframework.stereotype.Component;

/**
 * Mandates as the API and the pages show them: names rather than codes, ID numbers
 * masked, the state on today's date.
 */
@Component
class MandateViews {

	private final MatterNames matters;

	MandateViews(MatterNames matters) {
		this.matters = matters;
	}

	/** A matter a mandate names: its code (for the API) and its name. */
	record MatterView(String code, String name) {
	}

	/**
	 * One mandate.
	 *
	 * @param status ACTIVE, EXPIRED or REVOKED
	 * @param how ONLINE or COUNTER
	 */
	record MandateView(UUID id, String grantorName, String grantorIdNumber, String representativeName,
			String representativeIdNumber, boolean allMatters, List<MatterView> matters, LocalDate until, String status,
			String how, Instant createdAt, Instant revokedAt) {

		public boolean active() {
			return "ACTIVE".equals(status);
		}

	}

	/** Someone the citizen may act for. */
	record PrincipalView(String idNumber, String maskedIdNumber, String name, String kind, boolean allMatters,
			List<MatterView> matters, LocalDate until) {
	}

	MandateView view(Mandate m, LocalDate today, Locale locale) {
		return views(List.of(m), today, locale).get(0);
	}

	List<MandateView> views(List<Mandate> mandates, LocalDate today, Locale locale) {
		Map<String, LocalizedText> names = names(mandates.stream().flatMap(m -> m.serviceCodes().stream()).toList());
		return mandates.stream()
			.map(m -> new MandateView(m.id(), m.grantorName(), masked(m.grantorIdNumber()),
					m.representativeName() == null ? masked(m.representativeIdNumber()) : m.representativeName(),
					masked(m.representativeIdNumber()), m.allMatters(), matters(m.serviceCodes(), names, locale),
					m.until(), m.status(today).name(), m.how().name(), m.createdAt(), m.revokedAt()))
			.toList();
	}

	PrincipalView principal(Acting.Principal p, Locale locale) {
		return new PrincipalView(p.idNumber(), masked(p.idNumber()), p.name(), p.kind().name(),
				p.serviceCodes().isEmpty(), matters(p.serviceCodes(), names(p.serviceCodes()), locale), p.until());
	}

	private Map<String, LocalizedText> names(List<String> codes) {
		return codes.isEmpty() ? Map.of() : matters.names(new LinkedHashSet<>(codes));
	}

	private static List<MatterView> matters(List<String> codes, Map<String, LocalizedText> names, Locale locale) {
		return codes.stream().map(c -> new MatterView(c, names.containsKey(c) ? names.get(c).in(locale) : c)).toList();
	}

	private static String masked(String idNumber) {
		return new ResidentIdNumber(idNumber).masked();
	}

}
