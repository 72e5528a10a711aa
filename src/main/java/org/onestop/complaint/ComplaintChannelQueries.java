package org.onestop.complaint;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.onestop.platform.ChannelCounts;
import org.onestop.shared.ContactChannel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Complaints received per contact channel, for the burden figures; a department's are
 * those it leads. Every reporter's complaint counts, merged ones too: each was a contact.
 */
@Component
class ComplaintChannelQueries implements ChannelCounts {

	private final JdbcClient db;

	ComplaintChannelQueries(JdbcClient db) {
		this.db = db;
	}

	@Override
	public String subject() {
		return "complaints";
	}

	@Override
	public Optional<Map<ContactChannel, Integer>> count(Instant from, Instant to, String department) {
		Map<ContactChannel, Integer> counts = new EnumMap<>(ContactChannel.class);
		db.sql("""
				SELECT contact_channel, count(*)::int FROM complaint
				WHERE received_at >= :from AND received_at < :to
				  AND (CAST(:department AS text) IS NULL OR lead_department = :department)
				GROUP BY contact_channel""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("department", department)
			.query((rs, n) -> Map.entry(ContactChannel.valueOf(rs.getString(1)), rs.getInt(2)))
			.list()
			.forEach(e -> counts.put(e.getKey(), e.getValue()));
		return Optional.of(counts);
	}

}
