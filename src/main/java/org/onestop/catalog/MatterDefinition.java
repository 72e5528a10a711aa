package org.onestop.catalog;

import java.math.BigDecimal;
import java.util.List;

import org.onestop.shared.LocalizedText;

/**
 * Everything the catalog says about one version of a matter: what it is, who handles it,
 * how it is done (channel, trips, time limits, fee) and what it needs (data items,
 * documents).
 *
 * @param channelReason why a trip is needed (HYBRID) or why it must be done in person
 * (OFFLINE)
 * @param promisedDays promised processing time, in working days (承诺时限)
 * @param statutoryDays the legal maximum, in working days (法定时限)
 * @param decisionTable key of the DMN decision table used for pre-checks, once
 * applications arrive
 * @param process key of the BPMN process that handles applications, once applications
 * arrive
 */
public record MatterDefinition(String code, String department, String category, LocalizedText name,
		LocalizedText description, List<String> lifeEvents, Channel channel, LocalizedText channelReason, int maxTrips,
		int promisedDays, int statutoryDays, BigDecimal feeYuan, LocalizedText feeNote, LocalizedText eligibility,
		List<DataItem> dataItems, List<RequiredDocument> documents, List<Faq> faq, List<String> halls,
		String decisionTable, String process) {

	public MatterDefinition {
		lifeEvents = lifeEvents == null ? List.of() : List.copyOf(lifeEvents);
		dataItems = dataItems == null ? List.of() : List.copyOf(dataItems);
		documents = documents == null ? List.of() : List.copyOf(documents);
		faq = faq == null ? List.of() : List.copyOf(faq);
		halls = halls == null ? List.of() : List.copyOf(halls);
		feeYuan = feeYuan == null ? BigDecimal.ZERO : feeYuan;
	}

	/** How a matter is done. */
	public enum Channel {

		/** Entirely online: no trip. */
		ONLINE,
		/** Online, plus at most one trip (photo, signature, original shown). */
		HYBRID,
		/** In person, for a reason shown to the citizen. */
		OFFLINE

	}

	/** Where a piece of data comes from. */
	public enum DataSource {

		POPULATION_REGISTRY, MARRIAGE_REGISTRY, SOCIAL_SECURITY_REGISTRY, BUSINESS_REGISTRY, PROPERTY_REGISTRY,
		MEDICAL_INSURANCE_REGISTRY, CITIZEN

	}

	/** How a required document reaches the department. */
	public enum Provision {

		/** The government issued or already holds it, and will not ask for it. */
		GOVERNMENT_HOLDS,
		/** The citizen uploads it (once; it is kept in their vault). */
		CITIZEN_UPLOADS,
		/** The original is shown at the counter during the trip. */
		SHOWN_AT_COUNTER

	}

	/** One item of data the application needs, and who supplies it. */
	public record DataItem(String key, LocalizedText label, DataSource source) {
	}

	/** One document the application needs, and how it is provided. */
	public record RequiredDocument(String key, LocalizedText name, Provision provision) {
	}

	/** A frequently asked question. */
	public record Faq(LocalizedText question, LocalizedText answer) {
	}

	public boolean free() {
		return feeYuan.signum() == 0;
	}
}
