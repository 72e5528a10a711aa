package org.onestop.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL, with its data in {@code ${ONESTOP_DATA_DIR}/pg}. A small
 * office may run on it for real, so it syncs every commit to disk unless told otherwise
 * (zonky's defaults, fsync and synchronous commit off, suit throwaway test databases
 * only); and a server that a killed run left behind is stopped cleanly first.
 */
final class EmbeddedDatabase {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private EmbeddedDatabase() {
	}

	static EmbeddedPostgres start(Path dataDir, boolean durable) {
		Path data = dataDir.resolve("pg");
		Path binaries = dataDir.resolve("pg-bin");
		try {
			Files.createDirectories(binaries);
			LeftoverServer.stopIfRunning(data);
			log.info("No ONESTOP_DB_URL: starting embedded PostgreSQL with data in {}", data);
			String sync = durable ? "on" : "off";
			return EmbeddedPostgres.builder()
				.setDataDirectory(data)
				.setCleanDataDirectory(false)
				.setOverrideWorkingDirectory(binaries.toFile())
				// Spring closes it after everything that uses the database (Flowable
				// included).
				.setRegisterShutdownHook(false)
				.setServerConfig("timezone", "UTC")
				// zonky always passes -F (fsync off); a later -c wins.
				.setServerConfig("fsync", sync)
				.setServerConfig("synchronous_commit", sync)
				.setServerConfig("full_page_writes", sync)
				.start();
		}
		catch (IOException | RuntimeException ex) {
			// Never advise moving or deleting the folder: it holds the office's data.
			throw new IllegalStateException("The embedded PostgreSQL did not start on " + data + ". Its data is "
					+ "untouched. PostgreSQL's own reason is logged above (logger io.zonky at INFO shows all it said). If "
					+ data.resolve("PG_VERSION") + " names a major version other than 17, that folder was made by "
					+ "another PostgreSQL: upgrade it with that version's pg_upgrade or dump and restore it.", ex);
		}
	}

}
