package org.onestop.evaluation.cause;

import java.util.List;
import java.util.Map;

import org.onestop.platform.Shell;

/** What the causes page's template reads: text ready to show, nothing to look up. */
public final class CausesPages {

	private CausesPages() {
	}

	/**
	 * @param departments those the reader may pick from; empty for a head (their own
	 * only)
	 */
	public record Page(String department, String departmentName, String from, String to, String period, String summary,
			List<Option> departments, Map<String, String> errors, List<MatterRow> matters) {
	}

	public record Option(String code, String name) {
	}

	/**
	 * @param link the matter's page, or null
	 * @param tooFew fewer bad ratings than ranking needs: shown, not ranked
	 */
	public record MatterRow(String id, String name, String code, String link, long badRatings, boolean tooFew,
			List<CauseRow> causes) {
	}

	/**
	 * @param reference the code an editor knows it by, or null
	 * @param share the share as the page writes it, such as 40 %
	 */
	public record CauseRow(String label, String reference, String link, long ratings, String share) {
	}

	static Page of(CauseRanking ranking, Map<String, String> choices, Map<String, String> errors, String from,
			String to, Shell shell) {
		List<MatterRow> matters = ranking.matters().stream().map(m -> row(m, shell)).toList();
		return new Page(ranking.department(), ranking.departmentName(), from, to,
				shell.t("evaluation.causes.period", shell.day(ranking.from()), shell.day(ranking.to())),
				shell.t("evaluation.causes.summary", ranking.badRatings(), ranking.departmentName()),
				choices.entrySet().stream().map(e -> new Option(e.getKey(), e.getValue())).toList(), errors, matters);
	}

	private static MatterRow row(CauseRanking.MatterCauses matter, Shell shell) {
		String id = "matter-"
				+ (matter.serviceCode().isEmpty() ? "none" : matter.serviceCode().replaceAll("[^A-Za-z0-9-]", "-"));
		List<CauseRow> causes = matter.causes().stream().map(c -> {
			String share = shell.t("evaluation.causes.share", Math.round(c.share() * 100));
			return new CauseRow(c.label(), c.reference(), c.link(), c.ratings(), share);
		}).toList();
		return new MatterRow(id, matter.name(), matter.serviceCode().isEmpty() ? null : matter.serviceCode(),
				matter.link(), matter.badRatings(), matter.tooFew(), causes);
	}

}
