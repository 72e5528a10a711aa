package org.onestop.catalog.admin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.onestop.catalog.MatterDefinition;
import org.onestop.catalog.MatterDefinition.Channel;
import org.onestop.catalog.MatterDefinition.DataItem;
import org.onestop.catalog.MatterDefinition.DataSource;
import org.onestop.catalog.MatterDefinition.Faq;
import org.onestop.catalog.MatterDefinition.Provision;
import org.onestop.catalog.MatterDefinition.RequiredDocument;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.ProblemException.FieldProblem;
import org.onestop.shared.LocalizedText;

/**
 * The matter editor's form, as the browser sends it. Lists are edited as lines of fields
 * separated by {@code |}: data items and documents as {@code key | 中文 | English | KIND},
 * FAQ entries as {@code 问题 | Question | 回答 | Answer}.
 */
public record MatterForm(String code, String department, String category, String nameZh, String nameEn,
		String descriptionZh, String descriptionEn, String channel, String channelReasonZh, String channelReasonEn,
		String maxTrips, String promisedDays, String statutoryDays, String feeYuan, String feeNoteZh, String feeNoteEn,
		String eligibilityZh, String eligibilityEn, List<String> lifeEvents, List<String> halls, String dataItems,
		String documents, String faq) {

	public MatterForm {
		lifeEvents = lifeEvents == null ? List.of() : List.copyOf(lifeEvents);
		halls = halls == null ? List.of() : List.copyOf(halls);
	}

	static MatterForm blank() {
		return new MatterForm("", "", "", "", "", "", "", "ONLINE", "", "", "0", "5", "20", "0", "", "", "", "",
				List.of(), List.of(), "", "", "");
	}

	static MatterForm of(MatterDefinition m) {
		return new MatterForm(m.code(), m.department(), m.category(), m.name().zh(), m.name().en(),
				m.description().zh(), m.description().en(), m.channel().name(), zh(m.channelReason()),
				en(m.channelReason()), String.valueOf(m.maxTrips()), String.valueOf(m.promisedDays()),
				String.valueOf(m.statutoryDays()), m.feeYuan().toPlainString(), zh(m.feeNote()), en(m.feeNote()),
				m.eligibility().zh(), m.eligibility().en(), m.lifeEvents(), m.halls(),
				lines(m.dataItems(),
						d -> String.join(" | ", d.key(), d.label().zh(), d.label().en(), d.source().name())),
				lines(m.documents(),
						d -> String.join(" | ", d.key(), d.name().zh(), d.name().en(), d.provision().name())),
				lines(m.faq(), f -> String.join(" | ", f.question().zh(), f.question().en(), f.answer().zh(),
						f.answer().en())));
	}

	/** This form for an existing matter, whatever code the browser sent. */
	MatterForm withCode(String code) {
		return new MatterForm(code, department, category, nameZh, nameEn, descriptionZh, descriptionEn, channel,
				channelReasonZh, channelReasonEn, maxTrips, promisedDays, statutoryDays, feeYuan, feeNoteZh, feeNoteEn,
				eligibilityZh, eligibilityEn, lifeEvents, halls, dataItems, documents, faq);
	}

	/** The definition this form describes; every unreadable field is reported at once. */
	MatterDefinition toDefinition() {
		List<FieldProblem> problems = new ArrayList<>();
		Channel parsedChannel = null;
		try {
			parsedChannel = Channel.valueOf(channel == null ? "" : channel);
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem("channel", "catalog.matter.channel.required"));
		}
		int trips = number("maxTrips", maxTrips, problems);
		int promised = number("promisedDays", promisedDays, problems);
		int statutory = number("statutoryDays", statutoryDays, problems);
		BigDecimal fee = BigDecimal.ZERO;
		try {
			fee = new BigDecimal(feeYuan == null || feeYuan.isBlank() ? "0" : feeYuan.strip());
		}
		catch (NumberFormatException ex) {
			problems.add(new FieldProblem("feeYuan", "catalog.matter.fee.invalid"));
		}
		List<DataItem> items = parse("dataItems", dataItems, 4, problems,
				f -> new DataItem(f[0], new LocalizedText(f[1], f[2]), DataSource.valueOf(f[3].toUpperCase())));
		List<RequiredDocument> docs = parse("documents", documents, 4, problems,
				f -> new RequiredDocument(f[0], new LocalizedText(f[1], f[2]), Provision.valueOf(f[3].toUpperCase())));
		List<Faq> questions = parse("faq", faq, 4, problems,
				f -> new Faq(new LocalizedText(f[0], f[1]), new LocalizedText(f[2], f[3])));
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new MatterDefinition(strip(code), strip(department), strip(category), text(nameZh, nameEn),
				text(descriptionZh, descriptionEn), lifeEvents, parsedChannel,
				optionalText(channelReasonZh, channelReasonEn), trips, promised, statutory, fee,
				optionalText(feeNoteZh, feeNoteEn), text(eligibilityZh, eligibilityEn), items, docs, questions, halls,
				null, null);
	}

	private static <T> List<T> parse(String field, String text, int parts, List<FieldProblem> problems,
			Function<String[], T> row) {
		List<T> rows = new ArrayList<>();
		List<String> lines = text == null ? List.of() : text.lines().filter(l -> !l.isBlank()).toList();
		for (int i = 0; i < lines.size(); i++) {
			String[] fields = lines.get(i).split("\\|", -1);
			for (int f = 0; f < fields.length; f++) {
				fields[f] = fields[f].strip();
			}
			try {
				if (fields.length != parts) {
					throw new IllegalArgumentException();
				}
				rows.add(row.apply(fields));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem(field, "catalog.form.line.invalid", i + 1));
				return rows;
			}
		}
		return rows;
	}

	private static int number(String field, String value, List<FieldProblem> problems) {
		try {
			return Integer.parseInt(value == null ? "" : value.strip());
		}
		catch (NumberFormatException ex) {
			problems.add(new FieldProblem(field, "catalog.form.number.invalid"));
			return 0;
		}
	}

	private static LocalizedText text(String zh, String en) {
		return new LocalizedText(strip(zh), strip(en));
	}

	private static LocalizedText optionalText(String zh, String en) {
		return (zh == null || zh.isBlank()) && (en == null || en.isBlank()) ? null : text(zh, en);
	}

	private static String strip(String value) {
		return value == null ? null : value.strip();
	}

	private static String zh(LocalizedText text) {
		return text == null ? "" : text.zh();
	}

	private static String en(LocalizedText text) {
		return text == null ? "" : text.en();
	}

	private static <T> String lines(List<T> rows, Function<T, String> line) {
		return rows.stream().map(line).collect(Collectors.joining("\n"));
	}
}
