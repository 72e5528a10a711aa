package org.onestop.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL runs as its own process: when OneStop is killed (kill -9, a
 * power cut of the JVM only), the server lives on, still holding the data folder, and the
 * next start could not open it. This finds that server by the data folder's
 * {@code postmaster.pid}, makes sure the process named there really is a PostgreSQL
 * serving this folder, and stops it cleanly (a fast shutdown: committed work is kept,
 * open transactions roll back). A pid file whose process is gone is left to PostgreSQL,
 * which replaces it.
 */
final class LeftoverServer {

	private static final Logger log = LoggerFactory.getLogger(LeftoverServer.class);

	private static final Duration STOP_WAIT = Duration.ofSeconds(60);

	private LeftoverServer() {
	}

	static void stopIfRunning(Path data) throws IOException {
		Path pidFile = data.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
		if (lines.size() < 2 || !lines.get(0).strip().matches("\\d+")) {
			return;
		}
		long pid = Long.parseLong(lines.get(0).strip());
		Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
		if (process.isEmpty() || !postgresServing(pid, data)) {
			return;
		}
		log.warn("PostgreSQL (pid {}) from an earlier run that did not shut down still serves {}: stopping it cleanly "
				+ "before starting again", pid, data);
		fastShutdown(process.get());
		waitForExit(process.get(), data);
	}

	/**
	 * SIGINT is PostgreSQL's fast shutdown, what {@code pg_ctl stop -m fast} sends
	 * (pg_ctl itself refuses to run as root, which the embedded server allows); where no
	 * {@code kill} command exists, SIGTERM, its smart shutdown, which ends as soon as the
	 * dead application's sessions have noticed it is gone.
	 */
	private static void fastShutdown(ProcessHandle server) throws IOException {
		try {
			Process kill = new ProcessBuilder("kill", "-INT", Long.toString(server.pid())).redirectErrorStream(true)
				.start();
			if (kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0) {
				return;
			}
		}
		catch (IOException ex) {
			log.debug("No kill command", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while stopping the leftover PostgreSQL", ex);
		}
		server.destroy();
	}

	/**
	 * Whether process {@code pid} is a PostgreSQL server started on this data folder;
	 * read from {@code /proc}, so only on Linux; elsewhere PostgreSQL's own start-up
	 * check decides.
	 */
	static boolean postgresServing(long pid, Path data) {
		Path proc = Path.of("/proc", Long.toString(pid));
		try {
			Path binary = Files.readSymbolicLink(proc.resolve("exe"));
			List<String> args = Arrays
				.asList(new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8).split("\0"));
			int d = args.indexOf("-D");
			boolean postgres = binary.getFileName().toString().equals("postgres");
			boolean ours = d >= 0 && d + 1 < args.size() && sameFolder(Path.of(args.get(d + 1)), data);
			return postgres && ours;
		}
		catch (IOException | RuntimeException ex) {
			log.debug("Could not inspect process {}", pid, ex);
			return false;
		}
	}

	private static boolean sameFolder(Path a, Path b) throws IOException {
		return Files.exists(a) && Files.isSameFile(a, b);
	}

	private static void waitForExit(ProcessHandle process, Path data) throws IOException {
		try {
			process.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
			log.info("The leftover PostgreSQL on {} has stopped", data);
		}
		catch (TimeoutException | ExecutionException ex) {
			throw new IOException("The PostgreSQL left running on " + data + " (pid " + process.pid()
					+ ") did not stop within " + STOP_WAIT.toSeconds() + " s", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while stopping the leftover PostgreSQL", ex);
		}
	}

}
