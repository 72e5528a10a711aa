package org.onestop.evaluation.followup;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.onestop.evaluation.ServiceTitles;
import org.onestop.identity.Departments;
import org.onestop.identity.MatterNames;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.ProblemException;
import org.onestop.platform.Shell;
import org.onestop.shared.LocalizedText;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The follow-up pages: the department's list, ledger and one follow-up with its contact,
 * reply and flag forms; the services supervisor's flags; the citizen's follow-up with
 * "was it put right?"; the public exclusions; each department's time to reply. Every
 * refusal is shown beside its field with what was typed kept; what another department or
 * citizen owns is the not-found page.
 */
@Controller
class FollowUpPagesController {

	private static final Set<String> DONE = Set.of("contacted", "replied", "flagged", "decided", "verdict", "saved");

	private final FollowUps followUps;

	private final RatingFlags flags;

	private final DepartmentSettings settings;

	private final Departments departments;

	private final MatterNames matters;

	private final FollowUpProperties properties;

	FollowUpPagesController(FollowUps followUps, RatingFlags flags, DepartmentSettings settings,
			Departments departments, MatterNames matters, FollowUpProperties properties) {
		this.followUps = followUps;
		this.flags = flags;
		this.settings = settings;
		this.departments = departments;
		this.matters = matters;
		this.properties = properties;
	}

	// The department's follow-ups

	@GetMapping("/staff/follow-ups")
	String list(@AuthenticationPrincipal OneStopUser staff, Model model, @ModelAttribute("shell") Shell shell) {
		model.addAttribute("page", new FollowUpPages.ListPage(rows(followUps.list(staff), shell), false));
		return "evaluation/follow-ups";
	}

	@GetMapping("/staff/follow-ups/ledger")
	String ledger(@AuthenticationPrincipal OneStopUser staff, Model model, @ModelAttribute("shell") Shell shell) {
		model.addAttribute("page", new FollowUpPages.ListPage(rows(followUps.ledger(staff), shell), true));
		return "evaluation/follow-ups";
	}

	@GetMapping("/staff/follow-ups/{id}")
	String followUp(@AuthenticationPrincipal OneStopUser staff, @PathVariable UUID id,
			@RequestParam(required = false) String done, Model model, @ModelAttribute("shell") Shell shell) {
		String banner = done != null && DONE.contains(done) ? shell.t("evaluation.follow-up.done." + done) : null;
		return show(followUps.detail(staff, id), Map.of(), Map.of(), banner, model, shell);
	}

	@PostMapping("/staff/follow-ups/{id}/contact")
	String contact(@AuthenticationPrincipal OneStopUser staff, @PathVariable UUID id,
			@RequestParam(name = "contact-note", defaultValue = "") String note,
			@RequestParam(required = false) Integer version, Model model, @ModelAttribute("shell") Shell shell) {
		try {
			followUps.contact(staff, id, note, version);
			return "redirect:/staff/follow-ups/" + id + "?done=contacted";
		}
		catch (ProblemException ex) {
			return refused(staff, id, ex, "contact-note", Map.of("note", "contact-note"), Map.of("contact-note", note),
					model, shell);
		}
	}

	@PostMapping("/staff/follow-ups/{id}/reply")
	String reply(@AuthenticationPrincipal OneStopUser staff, @PathVariable UUID id,
			@RequestParam(name = "reply-text", defaultValue = "") String text,
			@RequestParam(defaultValue = "") String outcome,
			@RequestParam(name = "promised-date", defaultValue = "") String promised,
			@RequestParam(required = false) Integer version, Model model, @ModelAttribute("shell") Shell shell) {
		Map<String, String> values = Map.of("reply-text", text, "outcome", outcome, "promised-date", promised);
		Map<String, String> ids = Map.of("text", "reply-text", "rectified", "outcome", "promisedDate", "promised-date");
		try {
			LocalDate date = null;
			if ("LEDGER".equals(outcome)) {
				date = date(promised);
			}
			Boolean rectified = switch (outcome) {
				case "RECTIFIED" -> true;
				case "LEDGER" -> false;
				default -> null;
			};
			followUps.reply(staff, id, text, rectified, date, "NO_LEGAL_BASIS".equals(outcome), version);
			return "redirect:/staff/follow-ups/" + id + "?done=replied";
		}
		catch (ProblemException ex) {
			return refused(staff, id, ex, "reply-text", ids, values, model, shell);
		}
	}

	@PostMapping("/staff/follow-ups/{id}/flag")
	String flag(@AuthenticationPrincipal OneStopUser staff, @PathVariable UUID id,
			@RequestParam(name = "flag-reason", defaultValue = "") String reason, Model model,
			@ModelAttribute("shell") Shell shell) {
		FollowUps.Detail detail = followUps.detail(staff, id);
		try {
			flags.flag(staff, detail.followUp().ratingId(), reason);
			return "redirect:/staff/follow-ups/" + id + "?done=flagged";
		}
		catch (ProblemException ex) {
			return refused(staff, id, ex, "flag-reason", Map.of("reason", "flag-reason"), Map.of("flag-reason", reason),
					model, shell);
		}
	}

	// The services supervisor's flags

	@GetMapping("/staff/rating-flags")
	String flags(@AuthenticationPrincipal OneStopUser supervisor, @RequestParam(required = false) String done,
			Model model, @ModelAttribute("shell") Shell shell) {
		String banner = "decided".equals(done) ? shell.t("evaluation.follow-up.done.decided") : null;
		model.addAttribute("page", flagsPage(supervisor, null, Map.of(), Map.of(), banner, shell));
		return "evaluation/rating-flags";
	}

	@PostMapping("/staff/rating-flags/{id}/decision")
	String decide(@AuthenticationPrincipal OneStopUser supervisor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String exclude, @RequestParam Map<String, String> form, Model model,
			@ModelAttribute("shell") Shell shell) {
		// Each flag's note has its own field name, so that each label names its own box.
		String note = form.getOrDefault("note-" + id, "");
		try {
			Boolean excluded = switch (exclude) {
				case "true" -> true;
				case "false" -> false;
				default -> null;
			};
			flags.decide(supervisor, id, excluded, note);
			return "redirect:/staff/rating-flags?done=decided";
		}
		catch (ProblemException ex) {
			if (ex instanceof NotFoundException) {
				throw ex;
			}
			Map<String, String> errors = new LinkedHashMap<>();
			shell.errors(ex, "note").forEach((field, message) -> errors.put(field + "-" + id, message));
			model.addAttribute("page", flagsPage(supervisor, id.toString(), errors,
					Map.of("exclude", exclude, "note", note), null, shell));
			return "evaluation/rating-flags";
		}
	}

	// The citizen's side

	@GetMapping("/ratings/{id}/follow-up")
	String mine(@AuthenticationPrincipal OneStopUser citizen, @PathVariable UUID id,
			@RequestParam(required = false) String done, Model model, @ModelAttribute("shell") Shell shell) {
		String banner = "verdict".equals(done) ? shell.t("evaluation.follow-up.done.verdict") : null;
		model.addAttribute("page", citizenPage(followUps.forCitizen(citizen, id), Map.of(), banner, shell));
		return "evaluation/my-follow-up";
	}

	@PostMapping("/ratings/{id}/follow-up/verdict")
	String verdict(@AuthenticationPrincipal OneStopUser citizen, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String verdict, Model model, @ModelAttribute("shell") Shell shell) {
		try {
			followUps.verdict(citizen, id, verdict.isEmpty() ? null : verdict);
			return "redirect:/ratings/" + id + "/follow-up?done=verdict";
		}
		catch (ProblemException ex) {
			if (ex instanceof NotFoundException) {
				throw ex;
			}
			model.addAttribute("page",
					citizenPage(followUps.forCitizen(citizen, id), shell.errors(ex, "verdict"), null, shell));
			return "evaluation/my-follow-up";
		}
	}

	// Public exclusions

	@GetMapping("/ratings/exclusions")
	String exclusions(Model model, @ModelAttribute("shell") Shell shell) {
		RatingFlags.Exclusions all = flags.exclusions();
		Map<String, String> names = departments.names(shell.locale());
		Map<String, LocalizedText> matterNames = matterNames(
				all.exclusions().stream().map(RatingFlags.Exclusion::serviceCode).toList());
		List<FollowUpPages.ExclusionRow> rows = all.exclusions()
			.stream()
			.map(e -> new FollowUpPages.ExclusionRow(month(e.month(), shell),
					names.getOrDefault(e.department(), shell.t("evaluation.follow-up.unknown")),
					e.serviceCode() == null ? shell.t("evaluation.exclusions.service.few")
							: matter(e.serviceCode(), matterNames, shell),
					e.count(), e.notes()))
			.toList();
		List<FollowUpPages.CountRow> counts = all.byDepartment()
			.stream()
			.map(c -> new FollowUpPages.CountRow(
					names.getOrDefault(c.department(), shell.t("evaluation.follow-up.unknown")), c.excluded(),
					c.kept()))
			.toList();
		model.addAttribute("page", new FollowUpPages.ExclusionsPage(rows, counts));
		return "evaluation/exclusions";
	}

	// Administrators: each department's time to reply

	@GetMapping("/admin/evaluation/departments")
	String departments(@RequestParam(required = false) String done, Model model, @ModelAttribute("shell") Shell shell) {
		String banner = "saved".equals(done) ? shell.t("evaluation.follow-up.done.saved") : null;
		model.addAttribute("page", settingsPage(null, null, null, banner, shell));
		return "evaluation/departments";
	}

	@PostMapping("/admin/evaluation/departments/{code}")
	String setDepartment(@AuthenticationPrincipal OneStopUser admin, @PathVariable String code,
			@RequestParam Map<String, String> form, Model model, @ModelAttribute("shell") Shell shell) {
		String days = form.getOrDefault("days-" + code, "");
		try {
			Integer value = days.isBlank() ? null : parse(days.strip());
			settings.set(admin.username(), code, value, shell.locale());
			return "redirect:/admin/evaluation/departments?done=saved";
		}
		catch (ProblemException ex) {
			if (ex instanceof NotFoundException) {
				throw ex;
			}
			model.addAttribute("page", settingsPage(code, shell.message(ex), days, null, shell));
			return "evaluation/departments";
		}
	}

	// Building the pages

	private String refused(OneStopUser staff, UUID id, ProblemException ex, String first, Map<String, String> ids,
			Map<String, String> values, Model model, Shell shell) {
		if (ex instanceof NotFoundException) {
			throw ex;
		}
		Map<String, String> errors = new LinkedHashMap<>();
		shell.errors(ex, first)
			.forEach((field, message) -> errors.putIfAbsent(ids.getOrDefault(field, field), message));
		return show(followUps.detail(staff, id), errors, values, null, model, shell);
	}

	private String show(FollowUps.Detail d, Map<String, String> errors, Map<String, String> values, String banner,
			Model model, Shell shell) {
		FollowUps.Item f = d.followUp();
		List<FollowUpPages.Line> summary = new ArrayList<>();
		summary.add(line(shell, "level", shell.t("evaluation.follow-up.level." + f.level())));
		ServiceTitles.Title service = d.service();
		String title = service.name().in(shell.locale());
		summary.add(line(shell, "service", title));
		summary.add(line(shell, "kind", shell.t("evaluation.follow-up.subject." + f.subjectType())));
		if (service.number() != null) {
			summary.add(line(shell, "number", service.number()));
		}
		if (service.hall() != null) {
			summary.add(line(shell, "hall", service.hall().in(shell.locale())));
		}
		if (d.citizen() != null) {
			summary.add(line(shell, "citizen",
					d.citizen().name() == null ? shell.t("evaluation.follow-up.unknown") : d.citizen().name()));
			summary.add(line(shell, "phone",
					d.citizen().phone() == null ? shell.t("evaluation.follow-up.unknown") : d.citizen().phone()));
		}
		summary.add(line(shell, "rated-at", shell.dateTime(d.ratedAt())));
		summary.add(line(shell, "contact-due", shell.dateTime(f.contactDue())));
		summary.add(line(shell, "reply-due", shell.dateTime(f.replyDue())));
		List<FollowUpPages.Line> answer = new ArrayList<>();
		if (d.contactedAt() != null) {
			answer.add(line(shell, "contacted-at", shell.dateTime(d.contactedAt())));
			answer.add(line(shell, "contact-note", d.contactNote()));
		}
		if (d.repliedAt() != null) {
			answer.add(line(shell, "replied-at", shell.dateTime(d.repliedAt())));
			answer.add(line(shell, "outcome", outcome(d.rectified(), d.noLegalBasis(), f.promisedDate(), shell)));
			answer.add(line(shell, "reply", d.reply()));
		}
		if (d.citizenVerdict() != null) {
			answer.add(line(shell, "verdict", shell.t("evaluation.follow-up.verdict." + d.citizenVerdict())));
		}
		List<FollowUpPages.CauseLine> causes = d.causes().stream().map(c -> cause(c, shell)).toList();
		List<FollowUpPages.Line> timeline = d.timeline()
			.stream()
			.map(s -> new FollowUpPages.Line(shell.dateTime(s.at()), shell.t("evaluation.follow-up.event." + s.kind())))
			.toList();
		FollowUpPages.Line flag = d.flag() == null ? null
				: new FollowUpPages.Line(
						shell.t("evaluation.follow-up.flag.decision."
								+ (d.flag().decision() == null ? "PENDING" : d.flag().decision())),
						d.flag().decisionNote() == null ? d.flag().reason() : d.flag().decisionNote());
		boolean mayFlag = d.flag() == null || "KEPT".equals(d.flag().decision());
		model.addAttribute("page",
				new FollowUpPages.DetailPage(f.id().toString(), title, service.staffLink(),
						shell.t("evaluation.follow-up.status." + f.status()),
						shell.t("evaluation.follow-up.clock." + f.clock()), tag(f.clock()), summary,
						d.reasons().stream().map(r -> shell.t("evaluation.reason." + r)).toList(), d.comment(), causes,
						timeline, answer, "OPEN".equals(f.status()),
						"CONTACTED".equals(f.status()) || "LEDGER".equals(f.status()), "LEDGER".equals(f.status()),
						f.version(), flag, mayFlag, errors, values, banner));
		return "evaluation/follow-up";
	}

	private List<FollowUpPages.Row> rows(List<FollowUps.Item> items, Shell shell) {
		Map<String, LocalizedText> names = matterNames(items.stream().map(i -> nullToEmpty(i.serviceCode())).toList());
		return items.stream()
			.map(i -> new FollowUpPages.Row(i.id().toString(), matter(i.serviceCode(), names, shell),
					shell.t("evaluation.follow-up.level." + i.level()),
					shell.t("evaluation.follow-up.status." + i.status()),
					shell.t("evaluation.follow-up.clock." + i.clock()), tag(i.clock()), shell.dateTime(i.contactDue()),
					shell.dateTime(i.replyDue()), i.promisedDate() == null ? null : shell.day(i.promisedDate()),
					i.contactLate() && "OPEN".equals(i.status())))
			.toList();
	}

	private FollowUpPages.FlagsPage flagsPage(OneStopUser supervisor, String failedId, Map<String, String> errors,
			Map<String, String> values, String banner, Shell shell) {
		List<RatingFlags.FlagView> all = flags.all(supervisor);
		Map<String, String> names = departments.names(shell.locale());
		Map<String, LocalizedText> matterNames = matterNames(
				all.stream().map(f -> nullToEmpty(f.serviceCode())).toList());
		List<FollowUpPages.FlagRow> rows = all.stream()
			.map(f -> new FollowUpPages.FlagRow(f.id().toString(),
					names.getOrDefault(f.department(), shell.t("evaluation.follow-up.unknown")),
					matter(f.serviceCode(), matterNames, shell), shell.t("evaluation.follow-up.level." + f.level()),
					f.reason(), f.comment(), shell.dateTime(f.flaggedAt()),
					shell.t("evaluation.follow-up.flag.decision." + (f.decision() == null ? "PENDING" : f.decision())),
					f.decisionNote(), f.decision() == null))
			.toList();
		return new FollowUpPages.FlagsPage(rows, failedId, errors, values, banner);
	}

	private FollowUpPages.CitizenPage citizenPage(FollowUps.CitizenView v, Map<String, String> errors, String banner,
			Shell shell) {
		Map<String, LocalizedText> names = matterNames(List.of(nullToEmpty(v.serviceCode())));
		List<FollowUpPages.Line> summary = new ArrayList<>();
		summary.add(line(shell, "your-level", shell.t("evaluation.follow-up.level." + v.level())));
		summary.add(line(shell, "status", shell.t("evaluation.follow-up.citizen-status." + v.status())));
		if (v.repliedAt() == null) {
			summary.add(line(shell, "reply-due", shell.dateTime(v.replyDue())));
		}
		else {
			summary.add(line(shell, "replied-at", shell.dateTime(v.repliedAt())));
			summary.add(line(shell, "outcome", outcome(v.rectified(), v.noLegalBasis(), v.promisedDate(), shell)));
			if (v.ledgerReply() != null) {
				summary.add(line(shell, "ledger-reply", v.ledgerReply()));
			}
		}
		return new FollowUpPages.CitizenPage(v.ratingId().toString(), matter(v.serviceCode(), names, shell),
				shell.t("evaluation.follow-up.level." + v.level()),
				shell.t("evaluation.follow-up.citizen-status." + v.status()), summary, v.reply(), v.mayGiveVerdict(),
				v.verdict() == null ? null : shell.t("evaluation.follow-up.verdict." + v.verdict()), errors, banner);
	}

	private FollowUpPages.SettingsPage settingsPage(String failedCode, String error, String value, String banner,
			Shell shell) {
		List<FollowUpPages.SettingRow> rows = settings.all(shell.locale())
			.stream()
			.map(s -> new FollowUpPages.SettingRow(s.code(), s.name(), s.replyWorkingDays(), s.ownSetting()))
			.toList();
		return new FollowUpPages.SettingsPage(rows, failedCode, error, value, banner, FollowUpProperties.FEWEST_DAYS,
				FollowUpProperties.MOST_DAYS, properties.replyWorkingDays());
	}

	private FollowUpPages.CauseLine cause(FollowUps.CauseView c, Shell shell) {
		String kind = shell.t("evaluation.follow-up.cause." + c.kind());
		return switch (c.kind()) {
			case "REASON" -> new FollowUpPages.CauseLine(kind, shell.t("evaluation.reason." + c.key()), null);
			case "MATTER" ->
				new FollowUpPages.CauseLine(kind, matter(c.key(), matterNames(List.of(c.key())), shell), null);
			default -> new FollowUpPages.CauseLine(kind, null, c.key());
		};
	}

	private static String outcome(Boolean rectified, boolean noLegalBasis, LocalDate promised, Shell shell) {
		if (noLegalBasis) {
			return shell.t("evaluation.follow-up.outcome.no-legal-basis");
		}
		if (Boolean.TRUE.equals(rectified)) {
			return shell.t("evaluation.follow-up.outcome.rectified");
		}
		return promised == null ? shell.t("evaluation.follow-up.outcome.rectified")
				: shell.t("evaluation.follow-up.outcome.ledger", shell.day(promised));
	}

	private static String tag(FollowUpClock.State state) {
		return switch (state) {
			case ON_TIME -> "govuk-tag--green";
			case DUE_SOON -> "govuk-tag--yellow";
			case OVERDUE -> "govuk-tag--red";
			case STOPPED -> "govuk-tag--grey";
		};
	}

	private static FollowUpPages.Line line(Shell shell, String key, String value) {
		return new FollowUpPages.Line(shell.t("evaluation.follow-up.label." + key), value);
	}

	private Map<String, LocalizedText> matterNames(Collection<String> codes) {
		Set<String> known = new HashSet<>(codes);
		known.remove("");
		known.remove(null);
		return known.isEmpty() ? Map.of() : matters.names(known);
	}

	private static String matter(String code, Map<String, LocalizedText> names, Shell shell) {
		LocalizedText name = code == null ? null : names.get(code);
		return name == null ? shell.t("evaluation.follow-up.service") : name.in(shell.locale());
	}

	private static String month(YearMonth month, Shell shell) {
		return shell.t("evaluation.follow-up.month", month.getYear(), month.getMonthValue());
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}

	private static LocalDate date(String value) {
		if (value.isBlank()) {
			throw new InvalidInputException("promisedDate", "evaluation.follow-up.reply.promised.required");
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("promisedDate", "evaluation.follow-up.reply.promised.invalid");
		}
	}

	private static Integer parse(String value) {
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("replyWorkingDays", "evaluation.department.days.range",
					FollowUpProperties.FEWEST_DAYS, FollowUpProperties.MOST_DAYS);
		}
	}

}
