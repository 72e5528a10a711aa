package org.onestop.insight;

import java.sql.Date;
import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the stored figures, never the base tables: one indexed query per page whatever
 * the size of the history.
 */
@Component("insightFigureQueries")
class FigureQueries {

	/** One stored figure with its month. */
	record Stored(YearMonth month, Figure figure) {
	}

	private final JdbcClient db;

	FigureQueries(JdbcClient db) {
		this.db = db;
	}

	/*
	 * The city's figures of every month of the range (the trends), and every scope's of
	 * the last month (the tables): the primary key's leading month column serves both
	 * arms.
	 */
	private static final String PAGE = """
			SELECT month, measure, scope, subject, channel, value, cases
			FROM insight_figure
			WHERE month >= :first AND month <= :last AND (scope = 'CITY' OR month = :last)""";

	List<Stored> page(YearMonth first, YearMonth last) {
		return db.sql(PAGE)
			.param("first", Date.valueOf(first.atDay(1)))
			.param("last", Date.valueOf(last.atDay(1)))
			.query((rs, n) -> {
				double value = rs.getDouble(6);
				Double v = rs.wasNull() ? null : value;
				return new Stored(YearMonth.from(rs.getDate(1).toLocalDate()),
						new Figure(rs.getString(2), Scope.valueOf(rs.getString(3)), rs.getString(4),
								ChannelGroup.valueOf(rs.getString(5)), v, rs.getLong(7)));
			})
			.list();
	}

	/**
	 * The sum of every source's revision: changes whenever any source stores a refresh.
	 */
	long revision() {
		return db.sql("SELECT coalesce(sum(revision), 0) FROM insight_source").query(Long.class).single();
	}

}
