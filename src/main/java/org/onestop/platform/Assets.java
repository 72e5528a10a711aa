package org.onestop.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The URLs pages link their style sheets and scripts by: each carries a digest of its
 * content ({@code onestop-<md5>.css}, Spring's resource chain), so that a browser may
 * keep it for a year and still sees a new release at once. A file's content is fixed in
 * the jar, so its URL is worked out once per node.
 */
@Component
class Assets {

	/** Where the content strategy puts the digest: before the extension. */
	private static final Pattern HASHED = Pattern.compile("^(.*)-[0-9a-f]{32}(\\.[^./]+)$");

	private final ObjectProvider<ResourceUrlProvider> urls;

	private final Map<String, String> known = new ConcurrentHashMap<>();

	// Asked for when first needed: the provider is made with the MVC infrastructure,
	// after the advice that needs this (and a @Lazy proxy of it would run its final
	// methods on an empty instance).
	Assets(ObjectProvider<ResourceUrlProvider> urls) {
		this.urls = urls;
	}

	/**
	 * The content-hashed URL of a static file, such as {@code /css/onestop.css}; the
	 * plain path if the resource chain does not know it.
	 */
	String url(String path) {
		return known.computeIfAbsent(path, p -> {
			String hashed = urls.getObject().getForLookupPath(p);
			return hashed == null ? p : hashed;
		});
	}

	/**
	 * Whether a requested path is the hashed URL of a file as this node has it: only
	 * those may be kept for long. A digest this node does not know (a newer release being
	 * rolled out to the other node) must not be cached, whatever it answers.
	 */
	boolean current(String path) {
		Matcher hashed = HASHED.matcher(path);
		return hashed.matches() && path.equals(url(hashed.group(1) + hashed.group(2)));
	}

}
