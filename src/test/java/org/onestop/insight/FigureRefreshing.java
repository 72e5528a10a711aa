package org.onestop.insight;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Lets tests outside insight run the real refresh. Rows written under a test clock moved
 * into the past carry past change times that an incremental refresh (which looks only
 * after its last run) would never see, so every source starts over: all its months are
 * recomputed from the rows.
 */
public final class FigureRefreshing {

	private final FigureRefresh refresh;

	private final JdbcClient db;

	private FigureRefreshing(FigureRefresh refresh, JdbcClient db) {
		this.refresh = refresh;
		this.db = db;
	}

	public static FigureRefreshing in(ApplicationContext context) {
		return new FigureRefreshing(context.getBean(FigureRefresh.class), context.getBean(JdbcClient.class));
	}

	/**
	 * Recomputes every month of every source; returns how many sources were refreshed.
	 */
	public int everything(String node) {
		db.sql("UPDATE insight_source SET refreshed_through = NULL, lease_owner = NULL, lease_until = NULL").update();
		return refresh.refreshAll(node);
	}

}
