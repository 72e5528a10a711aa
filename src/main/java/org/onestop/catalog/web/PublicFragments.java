package org.onestop.catalog.web;

import java.util.Locale;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.onestop.platform.BodiesForEveryone;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The parts of the public catalog pages that are the same for everyone, rendered once and
 * kept in this node's memory: a crowd reads the same matter, search and home page
 * thousands of times between two catalog changes.
 *
 * <p>
 * Filed under the template, the language and the whole page model it was rendered from
 * (records compared by value), so a fragment is served only for exactly the data it
 * shows: a new catalog revision, a renamed department or hall gives a new model and so a
 * new rendering, on every node as soon as that node reads the new data. Nothing per
 * person can reach a fragment: it is rendered by {@link BodiesForEveryone}. Bounded by
 * the characters kept ({@code onestop.catalog.fragment-memory}, 32 M), since search
 * queries are made up by visitors.
 */
@Component
class PublicFragments {

	private final BodiesForEveryone bodies;

	private final Cache<Key, String> rendered;

	PublicFragments(BodiesForEveryone bodies, @Value("${onestop.catalog.fragment-memory:33554432}") long mostChars) {
		this.bodies = bodies;
		this.rendered = Caffeine.newBuilder()
			.maximumWeight(mostChars)
			.weigher((Key key, String html) -> html.length() + 256)
			.build();
	}

	private record Key(String template, Locale locale, Object model) {
	}

	/**
	 * The template rendered for this model in this language, with {@code shell} and
	 * {@code page} as its parameters.
	 */
	String render(String template, Locale locale, Object model) {
		if (!BodiesForEveryone.worthKeeping(locale)) {
			return renderNow(template, locale, model);
		}
		return rendered.get(new Key(template, locale, model), key -> renderNow(template, locale, model));
	}

	/**
	 * The template rendered for the model {@code key} stands for: for pages whose model
	 * costs more to build than to look up (a search runs the index), filed under a small
	 * key that must name everything the model is made from — the catalog revision among
	 * it, and nothing per person. Before the first catalog sync (revision negative)
	 * nothing is kept.
	 */
	String render(String template, Locale locale, long revision, Object key, Supplier<Object> model) {
		if (revision < 0 || !BodiesForEveryone.worthKeeping(locale)) {
			return renderNow(template, locale, model.get());
		}
		return rendered.get(new Key(template, locale, new Revised(revision, key)),
				k -> renderNow(template, locale, model.get()));
	}

	/** A small model key under the catalog revision it was read at. */
	private record Revised(long revision, Object key) {
	}

	private String renderNow(String template, Locale locale, Object model) {
		return bodies.render(template, locale, "/", model);
	}

}
