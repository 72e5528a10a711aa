package org.onestop.catalog;

import java.math.BigDecimal;
import java.util.List;

import org.onestop.catalog.MatterDefinition.Channel;
import org.onestop.shared.LocalizedText;

/** Plausible matter definitions for the catalog's tests, one line each. */
public final class TestMatters {

	private TestMatters() {
	}

	public static MatterDefinition matter(String code, String department, String zh, String en, Channel channel,
			String... events) {
		return new MatterDefinition(code, department, "general", new LocalizedText(zh, en),
				new LocalizedText(zh + "的说明。", "About " + en + "."), List.of(events), channel,
				channel == Channel.ONLINE ? null : new LocalizedText("需要到现场。", "A visit is needed."),
				channel == Channel.ONLINE ? 0 : 1, 5, 20, BigDecimal.ZERO, null, new LocalizedText("本市居民", "Residents"),
				List.of(), List.of(), List.of(), List.of("HALL-CITY"), null, null);
	}

}
