package org.onestop.application.form;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.onestop.platform.ProblemException.FieldProblem;
import org.onestop.shared.ResidentIdNumber;

/**
 * The checks a value must pass for its field type; every problem of a form is found at
 * once.
 */
public final class FieldRules {

	private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");

	private static final Pattern BANK_ACCOUNT = Pattern.compile("\\d{12,19}");

	private static final Pattern NUMBER = Pattern.compile("-?\\d{1,12}(\\.\\d{1,4})?");

	private static final int DEFAULT_MAX_LENGTH = 200;

	private static final int TEXTAREA_MAX_LENGTH = 2000;

	private FieldRules() {
	}

	/**
	 * Problems with the values present; {@code missingRequired} adds one per required
	 * field left empty.
	 */
	public static List<FieldProblem> check(FormDefinition form, Map<String, String> values, boolean missingRequired) {
		List<FieldProblem> problems = new ArrayList<>();
		for (FormField field : form.fields()) {
			String value = values.getOrDefault(field.name(), "");
			if (value == null || value.isBlank()) {
				if (missingRequired && field.required()) {
					problems.add(new FieldProblem(field.name(), "application.field.required", field.label().zh()));
				}
				continue;
			}
			problem(field, value.strip()).ifPresent(key -> problems.add(new FieldProblem(field.name(), key)));
		}
		return problems;
	}

	public static Optional<String> problem(FormField field, String value) {
		int max = field.maxLength() != null ? field.maxLength()
				: field.type() == FormField.FieldType.TEXTAREA ? TEXTAREA_MAX_LENGTH : DEFAULT_MAX_LENGTH;
		if (value.length() > max) {
			return Optional.of("application.field.too-long");
		}
		Optional<String> typed = switch (field.type()) {
			case TEXT, TEXTAREA -> Optional.empty();
			case DATE -> date(value);
			case NUMBER -> matches(NUMBER, value, "application.field.number");
			case ID_NUMBER -> ResidentIdNumber.check(value).map(defect -> "application.field.id-number");
			case PHONE -> matches(PHONE, value, "application.field.phone");
			case BANK_ACCOUNT -> matches(BANK_ACCOUNT, value.replace(" ", ""), "application.field.bank-account");
			case SELECT -> field.options().stream().anyMatch(o -> o.value().equals(value)) ? Optional.empty()
					: Optional.of("application.field.option");
			case CONSENT -> "true".equals(value) ? Optional.empty() : Optional.of("application.field.consent");
		};
		if (typed.isPresent() || field.pattern() == null || field.pattern().isBlank()) {
			return typed;
		}
		try {
			return matches(Pattern.compile(field.pattern()), value, "application.field.pattern");
		}
		catch (PatternSyntaxException ex) {
			// A broken pattern in a stored form must not stop citizens; Forms.save
			// refuses new ones.
			return Optional.empty();
		}
	}

	private static Optional<String> matches(Pattern pattern, String value, String key) {
		return pattern.matcher(value).matches() ? Optional.empty() : Optional.of(key);
	}

	private static Optional<String> date(String value) {
		try {
			LocalDate.parse(value);
			return Optional.empty();
		}
		catch (DateTimeParseException ex) {
			return Optional.of("application.field.date");
		}
	}

}
