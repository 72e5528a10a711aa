package org.onestop.application.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.onestop.application.Bundles;
import org.onestop.application.form.FormView;
import org.onestop.application.form.PrecheckProblem;
import org.onestop.application.vault.VaultDocument;

/**
 * What the joint application (联办) pages show; public because the templates read them.
 */
public final class BundlePages {

	private BundlePages() {
	}

	/**
	 * The combined form of a life event's bundle.
	 *
	 * @param matters the names of the bundle's matters, in order
	 * @param askedBy field name → names of the matters that ask for it
	 */
	public record BundlePage(Bundles.BundleForm form, String lifeEventName, List<String> matters,
			Map<String, String> askedBy, Map<String, String> values, List<FormView.RequiredDocument> documents,
			List<VaultDocument> vault, Set<UUID> selected, String explanation, String idempotencyKey,
			List<PrecheckProblem> problems, Map<String, String> errors) {

		public boolean hasPrefilled() {
			return form.fields().stream().anyMatch(Bundles.BundleField::readOnly);
		}

		public boolean hasToFill() {
			return form.fields().stream().anyMatch(f -> !f.readOnly());
		}
	}

	/** The bundle once submitted: one application per matter. */
	public record BundleDonePage(String lifeEventName, String status, List<Part> parts) {

		public record Part(UUID id, String name, String status, LocalDate dueDate) {
		}
	}

}
