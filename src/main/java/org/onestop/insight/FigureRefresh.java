package org.onestop.insight;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.onestop.platform.PlatformProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code insight_figure} up to date from every {@link FigureSource}: each source
 * under its own lease (one node at a time), only the months it says changed, each month
 * replaced whole. Progress is recorded as the moment the refresh started, so rows written
 * while it ran are seen next time. Once a day (by default) a source is recomputed whole,
 * for rows written with past timestamps. Each month is computed in a read-only
 * transaction with its own statement timeout, and the lease is renewed before each month
 * so that a refresh longer than one lease is not taken over halfway.
 */
@Component
class FigureRefresh {

	private static final Logger log = LoggerFactory.getLogger(FigureRefresh.class);

	/** How far back figures are kept up to date (and shown). */
	static final int MONTHS_SHOWN = 24;

	private final List<FigureSource> sources;

	private final FigureStore store;

	private final InsightProperties settings;

	private final Clock clock;

	private final ZoneId zone;

	private final String node;

	private final TransactionTemplate computing;

	FigureRefresh(List<FigureSource> sources, FigureStore store, InsightProperties settings, Clock clock,
			PlatformProperties platform, TransactionTemplate transactions) {
		this.computing = new TransactionTemplate(transactions.getTransactionManager());
		this.computing.setReadOnly(true);
		this.sources = sources;
		this.store = store;
		this.settings = settings;
		this.clock = clock;
		this.zone = platform.timeZone();
		this.node = nodeName();
	}

	@Scheduled(fixedDelayString = "${onestop.insight.refresh-interval:PT1M}", initialDelayString = "PT20S")
	void onSchedule() {
		if (settings.refreshEnabled()) {
			refreshAll(node);
		}
	}

	/** Refreshes every source this node can lease; returns how many it refreshed. */
	int refreshAll() {
		return refreshAll(node);
	}

	int refreshAll(String node) {
		int refreshed = 0;
		for (FigureSource source : sources) {
			try {
				if (refresh(source, node)) {
					refreshed++;
				}
			}
			catch (RuntimeException ex) {
				// One source's failure (a bad query, a blip) must not keep the others
				// stale; its lease is let go so that the next round tries it again.
				log.warn("Figures of source {} not refreshed", source.name(), ex);
				store.release(source.name(), node);
			}
		}
		return refreshed;
	}

	private boolean refresh(FigureSource source, String node) {
		Instant started = clock.instant();
		FigureStore.Lease lease = store.lease(source.name(), node, started, started.plus(settings.lease()));
		if (lease == null) {
			return false;
		}
		// Changed-at columns miss rows written with past timestamps (a history, a late
		// trip, an import): now and then every month is recomputed.
		boolean whole = lease.refreshedThrough() == null || lease.fullRefreshedAt() == null
				|| !lease.fullRefreshedAt().isAfter(started.minus(settings.fullRefreshInterval()));
		Instant since = whole ? null : lease.refreshedThrough().minus(settings.margin());
		YearMonth oldest = YearMonth.now(clock.withZone(zone)).minusMonths(MONTHS_SHOWN);
		List<YearMonth> months = source.monthsChangedSince(since)
			.stream()
			.filter(m -> !m.isBefore(oldest))
			.sorted()
			.toList();
		for (YearMonth month : months) {
			if (!store.renew(source.name(), node, clock.instant().plus(settings.lease()))) {
				return false;
			}
			List<Figure> figures = computing.execute(status -> {
				store.limitStatements(settings.computeTimeout());
				return source.compute(month);
			});
			if (!store.replace(source.name(), node, month, figures)) {
				return false;
			}
		}
		return store.refreshed(source.name(), node, started, whole, !months.isEmpty());
	}

	private static String nodeName() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "node";
		}
		// Two processes on one host are two nodes.
		return host + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
