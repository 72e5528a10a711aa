package org.onestop.evaluation.cause;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onestop.evaluation.Cause;
import org.onestop.evaluation.CauseKind;
import org.onestop.queue.TicketWaits;

/**
 * Causes keyed as the table is, one per kind and key: a second wait at the same hall
 * keeps the longer.
 */
final class CauseList {

	private final Map<String, Cause> byKey = new LinkedHashMap<>();

	void add(CauseKind kind, String key, Map<String, Object> detail) {
		String k = Keys.fit(key);
		if (!k.isEmpty()) {
			byKey.putIfAbsent(kind + "\u0000" + k, new Cause(kind, k, detail));
		}
	}

	void addWait(TicketWaits.Wait wait, String serviceCode) {
		if (wait.hall() == null || wait.minutes() == null) {
			return;
		}
		String k = kindKey(CauseKind.WAIT, Keys.fit(wait.hall()));
		Cause earlier = byKey.get(k);
		if (earlier == null || ((Number) earlier.detail().get("minutes")).longValue() < wait.minutes()) {
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("minutes", wait.minutes());
			detail.put("over", wait.minutes() > Keys.WAIT_OVER_MINUTES);
			if (serviceCode != null) {
				detail.put("matter", serviceCode);
			}
			byKey.put(k, new Cause(CauseKind.WAIT, Keys.fit(wait.hall()), detail));
		}
	}

	List<Cause> list() {
		return new ArrayList<>(byKey.values());
	}

	private static String kindKey(CauseKind kind, String key) {
		return kind + "\u0000" + key;
	}

}
