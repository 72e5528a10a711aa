package org.onestop.application.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.onestop.application.CounterFiling;
import org.onestop.application.form.FormView;
import org.onestop.application.form.PrecheckProblem;
import org.onestop.application.vault.VaultDocument;
import org.onestop.shared.LocalizedText;

/**
 * What the counter filing pages show (public because the templates read them): the
 * citizen present by name, matters by name, never codes.
 */
public final class CounterPages {

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,40}");

	private CounterPages() {
	}

	/**
	 * Where the clerk works from: the console's hall and counter, and the ticket called
	 * there, if any.
	 */
	public record Desk(String hall, String counter, UUID ticket, String ticketNumber) {

		/**
		 * Keeps a hall and counter only when they look like codes (they end up in links).
		 */
		static Desk of(String hall, String counter) {
			boolean known = hall != null && counter != null && CODE.matcher(hall).matches()
					&& CODE.matcher(counter).matches();
			return new Desk(known ? hall : null, known ? counter : null, null, null);
		}

		static Desk of(CounterFiling.Called called) {
			return new Desk(called.hall(), called.counter(), called.ticket(), called.number());
		}

		/** The console to go back to, or the list of counters. */
		public String console() {
			return hall == null || counter == null ? "/staff/counters"
					: "/staff/halls/" + hall + "/counters/" + counter;
		}

		/** The query string that carries the desk from page to page. */
		public String query() {
			if (ticket != null) {
				return "ticket=" + ticket;
			}
			return hall == null ? "" : "hall=" + encode(hall) + "&counter=" + encode(counter);
		}

		/** The same, for the fields of a form. */
		public Map<String, String> fields() {
			if (ticket != null) {
				return Map.of("ticket", ticket.toString());
			}
			return hall == null ? Map.of() : Map.of("hall", hall, "counter", counter);
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}
	}

	/** A matter the clerk may choose. */
	public record MatterItem(String code, LocalizedText name, LocalizedText department) {
	}

	/**
	 * Step one: the citizen's ID number and the matter.
	 *
	 * @param present the citizen found, or null before one is
	 * @param ticketMatter the matter the ticket was taken for, if any
	 */
	public record FindPage(Desk desk, String idNumber, String query, CounterFiling.Present present,
			MatterItem ticketMatter, List<MatterItem> matters, Map<String, String> errors) {
	}

	/** Step two: the form prefilled for the citizen present, and the confirmations. */
	public record FormPage(Desk desk, CounterFiling.Present present, FormView form, Map<String, String> values,
			Set<UUID> selected, List<VaultDocument> vault, String explanation, String idempotencyKey,
			boolean identityChecked, String readerNumber, boolean consent, Map<String, String> errors,
			List<PrecheckProblem> problems, String banner, Map<String, String> departments) {

		public String value(String field) {
			return values.getOrDefault(field, "");
		}
	}

	/** Filed: what to tell the citizen, and the receipts to print. */
	public record FiledPage(Desk desk, UUID id, String reference, LocalizedText matter, String applicant,
			String idNumber, LocalDate dueDate) {

		public String receipt(String format) {
			return "/staff/applications/" + id + "/receipt.pdf?format=" + format;
		}
	}

}
