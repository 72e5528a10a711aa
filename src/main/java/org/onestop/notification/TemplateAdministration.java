package org.onestop.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.onestop.notification.TemplatePages.KindSummary;
import org.onestop.notification.TemplatePages.Preview;
import org.onestop.notification.TemplatePages.TemplateView;
import org.onestop.notification.TemplatePages.Written;
import org.onestop.platform.ConflictException;
import org.onestop.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators read, preview and save message templates. A save names the version it
 * edited: one made meanwhile, on any node, is refused rather than overwritten.
 */
@Service
class TemplateAdministration {

	static final List<String> LANGUAGES = List.of("zh", "en");

	private final TemplateStore store;

	private final TemplateRules rules;

	private final Templates templates;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TemplateAdministration(TemplateStore store, TemplateRules rules, Templates templates,
			ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.rules = rules;
		this.templates = templates;
		this.events = events;
		this.clock = clock;
	}

	List<KindSummary> list() {
		Map<String, List<Written>> written = new LinkedHashMap<>();
		store.templates()
			.forEach(t -> written.computeIfAbsent(t.template(), k -> new ArrayList<>())
				.add(new Written(t.channel(), t.language(), t.version())));
		return store.kinds()
			.stream()
			.map(s -> new KindSummary(s.kind().template(), s.kind().topic(), s.kind().fields(),
					written.getOrDefault(s.kind().template(), List.of())))
			.toList();
	}

	/**
	 * The template, or a blank one at version 0; an unknown kind, channel or language is
	 * not found.
	 */
	TemplateView find(String template, String channel, String language) {
		TemplateStore.SampledKind kind = kind(template);
		Channel on = channel(channel, kind.kind());
		String in = language(language);
		return store.template(template, on, in)
			.map(t -> new TemplateView(template, on, in, kind.kind().topic(), kind.kind().fields(), t.subject(),
					t.body(), t.htmlBody(), t.providerTemplateCode(), t.version(), t.updatedBy(), t.updatedAt()))
			.orElseGet(() -> new TemplateView(template, on, in, kind.kind().topic(), kind.kind().fields(), null, "",
					null, null, 0, null, null));
	}

	/**
	 * Checks and keeps a template edited from {@code version} (0 for a first one).
	 * @throws ConflictException when someone saved it since
	 */
	@Transactional
	TemplateView save(String actor, String template, String channel, String language, int version,
			TemplateDraft draft) {
		TemplateStore.SampledKind kind = kind(template);
		Channel on = channel(channel, kind.kind());
		String in = language(language);
		TemplateDraft clean = rules.check(kind.kind(), on, draft, samples(kind, in));
		boolean kept = version == 0 ? store.insert(template, on, in, clean, actor, clock.instant())
				: store.update(template, on, in, version, clean, actor, clock.instant());
		if (!kept) {
			throw new ConflictException("notification.template.stale");
		}
		TemplateView saved = find(template, channel, language);
		events.publishEvent(new TemplateChanged(actor, template, on, in, saved.version()));
		return saved;
	}

	/**
	 * The draft rendered with sample values in its language, beside the other language's
	 * template as kept: what the two kinds of reader would get.
	 */
	List<Preview> preview(String template, String channel, String language, TemplateDraft draft) {
		TemplateStore.SampledKind kind = kind(template);
		Channel on = channel(channel, kind.kind());
		String in = language(language);
		TemplateDraft clean = rules.check(kind.kind(), on, draft, samples(kind, in));
		List<Preview> previews = new ArrayList<>();
		for (String other : LANGUAGES) {
			Optional<TemplateDraft> shown = other.equals(in) ? Optional.of(clean) : store.template(template, on, other)
				.map(t -> new TemplateDraft(t.subject(), t.body(), t.htmlBody(), t.providerTemplateCode()));
			previews.add(shown.map(d -> preview(other, on, d, samples(kind, other)))
				.orElseGet(() -> new Preview(other, false, null, null, null, 0, 0)));
		}
		return previews;
	}

	private Preview preview(String language, Channel channel, TemplateDraft draft, Map<String, String> samples) {
		Rendered rendered = templates.render(channel, draft, samples);
		int length = rendered.body().length();
		return new Preview(language, true, channel == Channel.SMS ? null : rendered.subject(), rendered.body(),
				rendered.htmlBody() == null ? null : TemplateHtml.sanitize(rendered.htmlBody()), length,
				channel == Channel.SMS ? TemplateRules.segments(length) : 0);
	}

	private static Map<String, String> samples(TemplateStore.SampledKind kind, String language) {
		List<String> samples = "zh".equals(language) ? kind.samplesZh() : kind.samplesEn();
		return Templates.values(kind.kind(),
				samples.isEmpty() ? kind.kind().fields().stream().map(f -> "((" + f + "))").toList() : samples,
				Locale.forLanguageTag(language));
	}

	private TemplateStore.SampledKind kind(String template) {
		return store.sampledKind(template).orElseThrow(() -> new NotFoundException("notification.template.not-found"));
	}

	private static Channel channel(String channel, Kind kind) {
		for (Channel c : Channel.values()) {
			if (c.name().equalsIgnoreCase(channel) && TemplatePages.channels(kind.topic()).contains(c)) {
				return c;
			}
		}
		throw new NotFoundException("notification.template.not-found");
	}

	private static String language(String language) {
		if (!LANGUAGES.contains(language)) {
			throw new NotFoundException("notification.template.not-found");
		}
		return language;
	}

}
