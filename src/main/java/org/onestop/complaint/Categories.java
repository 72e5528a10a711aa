package org.onestop.complaint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.onestop.identity.Departments;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.onestop.platform.ForbiddenException;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.ProblemException.FieldProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The complaint category tree: read by every form and by Open311 (its services), edited
 * by administrators.
 */
@Service
public class Categories {

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9-]{1,59}");

	private final CategoryStore store;

	private final Departments departments;

	private final ApplicationEventPublisher events;

	Categories(CategoryStore store, Departments departments, ApplicationEventPublisher events) {
		this.store = store;
		this.departments = departments;
		this.events = events;
	}

	/** Every category, groups and leaves, in display order. */
	public List<Category> all() {
		return store.all();
	}

	/** The leaves a complaint may be filed under, in display order. */
	public List<Category> leaves() {
		return store.all().stream().filter(c -> c.leaf() && c.active()).toList();
	}

	public Optional<Category> find(String code) {
		return code == null || !CODE.matcher(code).matches() ? Optional.empty() : store.find(code);
	}

	/** An active leaf, or a problem on the field that named it. */
	Category leaf(String field, String code) {
		return find(code).filter(c -> c.leaf() && c.active())
			.orElseThrow(() -> new InvalidInputException(field, "complaint.category.unknown"));
	}

	/** Creates or changes a category; only administrators may. */
	@Transactional
	public Category save(OneStopUser admin, Category category) {
		if (!admin.has(Role.ADMIN)) {
			throw new ForbiddenException("complaint.category.forbidden");
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (category.code() == null || !CODE.matcher(category.code()).matches()) {
			problems.add(new FieldProblem("code", "complaint.category.code.invalid"));
		}
		if (blankOrLonger(category.nameZh(), 100)) {
			problems.add(new FieldProblem("nameZh", "complaint.category.name.required", 100));
		}
		if (blankOrLonger(category.nameEn(), 150)) {
			problems.add(new FieldProblem("nameEn", "complaint.category.name.required", 150));
		}
		if (longer(category.descriptionZh(), 400) || longer(category.descriptionEn(), 600)) {
			problems.add(new FieldProblem("description", "complaint.category.description.long"));
		}
		if (category.parentCode() != null) {
			Optional<Category> parent = find(category.parentCode());
			if (parent.isEmpty() || parent.get().leaf() || category.parentCode().equals(category.code())) {
				problems.add(new FieldProblem("parentCode", "complaint.category.parent.invalid"));
			}
			if (category.leadDepartment() == null || departments.byCode(category.leadDepartment()).isEmpty()) {
				problems.add(new FieldProblem("leadDepartment", "complaint.category.department.invalid"));
			}
			if (category.urgencyTier() == null) {
				problems.add(new FieldProblem("urgencyTier", "complaint.category.tier.required"));
			}
			if (category.duplicateRadiusMetres() == null || category.duplicateRadiusMetres() < 10
					|| category.duplicateRadiusMetres() > 5000) {
				problems.add(new FieldProblem("duplicateRadiusMetres", "complaint.category.radius.invalid"));
			}
		}
		else if (category.leadDepartment() != null || category.urgencyTier() != null || category.certain()) {
			problems.add(new FieldProblem("parentCode", "complaint.category.group.plain"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Category clean = new Category(category.code(), category.parentCode(), category.nameZh().strip(),
				category.nameEn().strip(), strip(category.descriptionZh()), strip(category.descriptionEn()),
				category.leadDepartment(), category.certain(), category.urgencyTier(),
				category.parentCode() == null ? null : category.duplicateRadiusMetres(), category.position(),
				category.active());
		store.save(clean);
		events.publishEvent(new ComplaintCategoryChanged(admin.username(), clean.code()));
		return clean;
	}

	private static boolean blankOrLonger(String text, int max) {
		return text == null || text.isBlank() || text.strip().length() > max;
	}

	private static boolean longer(String text, int max) {
		return text != null && text.strip().length() > max;
	}

	private static String strip(String text) {
		return text == null ? "" : text.strip();
	}

}
