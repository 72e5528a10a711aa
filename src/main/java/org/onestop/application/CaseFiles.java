package org.onestop.application;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.onestop.application.form.FormDefinition;
import org.onestop.application.form.Forms;
import org.onestop.application.vault.DocumentVault;
import org.onestop.application.vault.VaultDocument;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.NotFoundException;
import org.onestop.registry.Registries;
import org.onestop.shared.LocalizedText;
import org.onestop.workflow.WorkTask;
import org.onestop.workflow.Workflow;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case file staff work from: the citizen's data (with sources and disputes) and
 * documents side by side.
 */
@Service
public class CaseFiles {

	private final Cases cases;

	private final Forms forms;

	private final DocumentVault vault;

	private final Workflow workflow;

	private final Burden burden;

	private final ApplicationEventPublisher events;

	private final Registries registries;

	CaseFiles(Cases cases, Forms forms, DocumentVault vault, Workflow workflow, Burden burden,
			ApplicationEventPublisher events, Registries registries) {
		this.registries = registries;
		this.cases = cases;
		this.forms = forms;
		this.vault = vault;
		this.workflow = workflow;
		this.burden = burden;
		this.events = events;
	}

	/**
	 * A field as staff see it: value, whether a registry supplied it, and the dispute if
	 * any.
	 */
	public record FieldValue(String name, LocalizedText label, String value, String source, Application.Dispute dispute,
			LocalizedText sourceName) {
	}

	/**
	 * The case file of the application with this reference, for staff who may read it;
	 * none otherwise.
	 */
	@Transactional
	public Optional<CaseFile> ofReference(OneStopUser staff, String reference) {
		if (!staff.staff()) {
			return Optional.empty();
		}
		return cases.byReference(staff, reference).map(a -> of(staff, a.id()));
	}

	public record CaseFile(Application application, List<FieldValue> fields, List<VaultDocument> documents,
			CaseView view, List<WorkTask> tasks, Burden.Figures burden) {
	}

	@Transactional
	public CaseFile of(OneStopUser staff, UUID id) {
		if (!staff.staff()) {
			throw new NotFoundException("application.not-found");
		}
		Application a = cases.readable(staff, id);
		FormDefinition form = forms.revision(a.serviceCode(), a.matterVersion(), a.formRevision())
			.orElseThrow()
			.definition();
		List<FieldValue> fields = form.fields()
			.stream()
			.map(f -> new FieldValue(f.name(), f.label(), a.fields().get(f.name()), a.sources().get(f.name()),
					a.disputes().get(f.name()),
					a.sources().containsKey(f.name()) ? sourceName(a.sources().get(f.name())) : null))
			.toList();
		List<VaultDocument> documents = a.documentIds()
			.stream()
			.map(d -> vault.find(a.applicant(), d))
			.flatMap(Optional::stream)
			.toList();
		events.publishEvent(new CaseFileRead(staff.username(), a.id(), "case file"));
		List<WorkTask> tasks = a.processInstanceId() == null ? List.of() : workflow.tasksOf(a.processInstanceId());
		return new CaseFile(a, fields, documents, cases.view(a), tasks, burden.of(a.id()).orElse(null));
	}

	/**
	 * A document attached to an application the staff member may read; other documents do
	 * not exist.
	 */
	@Transactional
	public Map.Entry<VaultDocument, InputStream> document(OneStopUser staff, UUID applicationId, UUID documentId) {
		Application a = cases.readable(staff, applicationId);
		if (!staff.staff() || !a.documentIds().contains(documentId)) {
			throw new NotFoundException("application.document.not-found");
		}
		VaultDocument document = vault.find(a.applicant(), documentId)
			.orElseThrow(() -> new NotFoundException("application.document.not-found"));
		events.publishEvent(new CaseFileRead(staff.username(), a.id(), "document " + documentId));
		return Map.entry(document, vault.open(document));
	}

	/**
	 * Where a prefilled value came from, by name: the data item's label, or the citizen's
	 * own ID number.
	 */
	private LocalizedText sourceName(String source) {
		return registries.label(source).orElse(null);
	}

}
