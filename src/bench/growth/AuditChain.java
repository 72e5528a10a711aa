import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.postgresql.PGConnection;

/**
 * Appends sealed audit entries to growth_bench until it holds {@code target} of them (issue
 * 18, growth). The chain is sequential (each seal names the one before), so it cannot be
 * one set-based INSERT: this computes each HMAC-SHA256 seal exactly as the audit module's
 * ChainedEntry.mac does, under the key the jar is started with (ONESTOP_AUDIT_KEY), and
 * streams the rows through COPY. Run it while no OneStop node runs on the database, or the
 * sealer would chain onto the same head.
 *
 * java -cp postgresql.jar AuditChain.java JDBC_URL KEY TARGET
 */
public class AuditChain {

	static final String GENESIS = "0".repeat(64);

	public static void main(String[] args) throws Exception {
		String url = args[0];
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(args[1].getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		long target = Long.parseLong(args[2]);
		String keyId = hex(mac, "onestop-audit-key-id").substring(0, 16);
		try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
			long have = one(db, "SELECT count(*) FROM audit_entry WHERE seq IS NOT NULL");
			if (have >= target) {
				System.out.println("audit: " + have + " sealed entries already");
				return;
			}
			long unsealed = one(db, "SELECT count(*) FROM audit_entry WHERE seq IS NULL");
			if (unsealed > 0) {
				throw new IllegalStateException(unsealed + " unsealed entries: start OneStop once to seal them first");
			}
			long id = one(db, "SELECT coalesce(max(id), 0) FROM audit_entry");
			long seq = one(db, "SELECT coalesce(max(seq), 0) FROM audit_entry");
			String previous = seq == 0 ? GENESIS
					: text(db, "SELECT hash FROM audit_entry WHERE seq = " + seq);
			long todo = target - have;
			// Two years of history, oldest first, a few seconds apart.
			long start = Instant.now().minusSeconds(2L * 365 * 86400).getEpochSecond();
			double step = (2.0 * 365 * 86400) / todo;
			String[] actions = { "application.submitted", "task.claimed", "task.completed", "appointment.booked",
					"appointment.cancelled", "document.viewed", "catalog.published", "identity.signed-in" };
			PGConnection copy = db.unwrap(PGConnection.class);
			int chunk = 200_000;
			for (long done = 0; done < todo;) {
				StringBuilder rows = new StringBuilder(chunk * 330);
				long n = Math.min(chunk, todo - done);
				for (long i = 0; i < n; i++, done++) {
					id++;
					seq++;
					Instant at = Instant.ofEpochSecond(start + (long) (done * step));
					String actor = "citizen-" + (done * 7919 % 2_000_000);
					String action = actions[(int) (done % actions.length)];
					String subject = "application:" + (done * 104729 % 1_000_000);
					String summary = "growth bench entry " + done;
					StringBuilder canonical = new StringBuilder();
					for (String part : new String[] { previous, Long.toString(seq), Long.toString(id), at.toString(),
							actor, action, subject, summary }) {
						canonical.append(part.length()).append(':').append(part).append('|');
					}
					String hash = hex(mac, canonical.toString());
					rows.append(id).append('\t').append(at).append('\t').append(actor).append('\t').append(action)
						.append('\t').append(subject).append('\t').append(summary).append('\t').append(seq)
						.append('\t').append(previous).append('\t').append(hash).append('\t').append(keyId)
						.append('\n');
					previous = hash;
				}
				try (Reader in = new StringReader(rows.toString())) {
					copy.getCopyAPI()
						.copyIn("COPY audit_entry (id, occurred_at, actor, action, subject, summary, seq, prev_hash, "
								+ "hash, key_id) FROM STDIN", in);
				}
				System.out.println("audit: " + done + " of " + todo);
			}
			db.createStatement()
				.execute("SELECT setval(pg_get_serial_sequence('audit_entry', 'id'), (SELECT max(id) FROM audit_entry))");
		}
	}

	static String hex(Mac mac, String text) {
		return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
	}

	static long one(Connection db, String sql) throws Exception {
		try (ResultSet rs = db.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	static String text(Connection db, String sql) throws Exception {
		try (ResultSet rs = db.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

}
