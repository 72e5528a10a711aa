package org.onestop.identity;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The departments' names for pages anyone reads (the public catalog names a department on
 * every matter): kept in this node's memory and read again at most every
 * {@code onestop.identity.department-names} (5 s). No screen of OneStop changes a
 * department (migrations and an operator's SQL do), and the table keeps no change log, so
 * a short expiry is the whole rule: a renamed department shows on every node within those
 * seconds. Callers that act on a department read {@link Departments}.
 */
@Service
public class DepartmentNames {

	/** By language: "en" or "zh", so a made-up locale cannot grow it. */
	private final LoadingCache<Locale, Map<String, String>> byLanguage;

	DepartmentNames(DirectoryStore store, @Value("${onestop.identity.department-names:PT5S}") Duration fresh) {
		this.byLanguage = Caffeine.newBuilder().maximumSize(2).expireAfterWrite(fresh).build(language -> {
			Map<String, String> names = new LinkedHashMap<>();
			store.departments().forEach(d -> names.put(d.code(), d.name(language)));
			return Collections.unmodifiableMap(names);
		});
	}

	/** Department code → name in the given language, in code order. */
	public Map<String, String> names(Locale locale) {
		return byLanguage.get("en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.CHINESE);
	}

}
