package org.onestop.platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;

import org.onestop.platform.ProblemException.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * Runs a form's Bean Validation rules and reports every broken one as a field problem,
 * named as the client sent the field ({@code tags}, not {@code tags[2]}).
 */
@Component
public class FormValidation {

	private final Validator validator;

	public FormValidation(Validator validator) {
		this.validator = validator;
	}

	public List<FieldProblem> problems(Object form) {
		List<FieldProblem> problems = new ArrayList<>();
		validator.validate(form)
			.stream()
			// Within a field, "enter this" before "this is malformed": an empty field
			// breaks both rules, and the
			// page shows only the first, which must not depend on the validator's hash
			// order.
			.sorted(Comparator.<ConstraintViolation<Object>, String>comparing(v -> v.getPropertyPath().toString())
				.thenComparing(v -> !(v.getConstraintDescriptor().getAnnotation() instanceof NotBlank))
				.thenComparing(ConstraintViolation::getMessage))
			.forEach(v -> problems
				.add(new FieldProblem(v.getPropertyPath().toString().replaceAll("\\[.*", ""), v.getMessage())));
		return problems;
	}

}
