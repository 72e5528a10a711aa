package org.onestop.insight;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the figures of one row of a grouped query (GROUPING SETS), so that a source maps
 * rows to figures the same way as every other: the row names its {@code scope},
 * {@code subject} and {@code channel} in columns of those names, and each measure its
 * value and cases columns.
 */
public final class FigureRows {

	private FigureRows() {
	}

	/**
	 * One measure read from a row.
	 *
	 * @param measure the measure's key
	 * @param value the column of its value (SQL null: undefined)
	 * @param cases the column of the number of records behind it
	 */
	public record Column(String measure, String value, String cases) {
	}

	/** Every measure's figure in the current row of {@code rows}. */
	public static List<Figure> read(ResultSet rows, List<Column> columns) throws SQLException {
		Scope scope = Scope.valueOf(rows.getString("scope"));
		String subject = scope == Scope.CITY ? "" : rows.getString("subject");
		ChannelGroup channel = ChannelGroup.valueOf(rows.getString("channel"));
		List<Figure> figures = new ArrayList<>(columns.size());
		for (Column column : columns) {
			Object value = rows.getObject(column.value());
			figures.add(new Figure(column.measure(), scope, subject, channel,
					value == null ? null : ((Number) value).doubleValue(), rows.getLong(column.cases())));
		}
		return figures;
	}

}
