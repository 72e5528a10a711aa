package org.onestop.application.form;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.onestop.catalog.Matter;
import org.onestop.catalog.MatterDefinition.Provision;
import org.onestop.catalog.MatterDefinition.RequiredDocument;
import org.onestop.platform.Messages;
import org.onestop.platform.ProblemException.FieldProblem;
import org.onestop.shared.ResidentIdNumber;
import org.onestop.workflow.Decisions;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * One-time full notification (一次性告知): every problem of an application at once, each with
 * what to do about it. Fields and uploads are checked here; eligibility is the matter's
 * DMN decision table. Nothing here rejects: the citizen may submit anyway with an
 * explanation, and a person decides.
 */
@Component
public class Precheck {

	private final Decisions decisions;

	private final Messages messages;

	Precheck(Decisions decisions, Messages messages) {
		this.decisions = decisions;
		this.messages = messages;
	}

	public List<PrecheckProblem> run(Matter matter, FormDefinition form, Map<String, String> values, int documents,
			boolean hasExplanation, ResidentIdNumber applicant, LocalDate today) {
		List<PrecheckProblem> problems = new ArrayList<>();
		for (FieldProblem p : FieldRules.check(form, values, true)) {
			FormField field = form.field(p.field()).orElseThrow();
			String label = field.label().in(LocaleContextHolder.getLocale());
			boolean missing = "application.field.required".equals(p.messageKey());
			problems.add(new PrecheckProblem("FORM", missing ? "FIELD_MISSING" : "FIELD_INVALID", p.field(),
					messages.get(p.messageKey(), label) + (missing ? "" : "（" + label + "）"),
					messages.get(missing ? "application.precheck.remedy.fill" : "application.precheck.remedy.correct",
							label)));
		}
		List<RequiredDocument> uploads = matter.definition()
			.documents()
			.stream()
			.filter(d -> d.provision() == Provision.CITIZEN_UPLOADS)
			.toList();
		// Documents are attached from the vault without a label per requirement; count
		// what is missing.
		for (int i = documents; i < uploads.size(); i++) {
			String name = uploads.get(i).name().in(LocaleContextHolder.getLocale());
			problems.add(new PrecheckProblem("DOCUMENTS", "DOCUMENT_MISSING", null,
					messages.get("application.precheck.document.missing", name),
					messages.get("application.precheck.remedy.upload", name)));
		}
		if (decisions.exists(form.decisionKey())) {
			Map<String, Object> variables = new HashMap<>();
			form.fields().forEach(f -> variables.put(f.name(), values.getOrDefault(f.name(), "")));
			variables.put("age", Period.between(applicant.birthDate(), today).getYears());
			variables.put("hasExplanation", hasExplanation);
			boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
			for (Map<String, Object> rule : decisions.evaluate(form.decisionKey(), variables)) {
				String field = text(rule.get("field"));
				problems.add(new PrecheckProblem("RULES", text(rule.get("code")), field.isEmpty() ? null : field,
						text(rule.get(english ? "messageEn" : "messageZh")),
						text(rule.get(english ? "remedyEn" : "remedyZh"))));
			}
		}
		return problems;
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString();
	}

}
