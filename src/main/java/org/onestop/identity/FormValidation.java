package org.onestop.identity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.Validator;

import org.onestop.platform.ProblemException.FieldProblem;
import org.springframework.stereotype.Component;

/** Runs a form's Bean Validation rules and reports every broken one as a field problem. */
@Component
class FormValidation {

	private final Validator validator;

	FormValidation(Validator validator) {
		this.validator = validator;
	}

	List<FieldProblem> problems(Object form) {
		List<FieldProblem> problems = new ArrayList<>();
		validator.validate(form).stream()
			.sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
			.forEach(v -> problems.add(new FieldProblem(v.getPropertyPath().toString(), v.getMessage())));
		return problems;
	}
}
