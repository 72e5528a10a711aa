package org.onestop.appointment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU seconds used so far by OneStop's JVM (its pid from {@code ONESTOP_PID}), by the reference application's
 * ({@code REFERENCE_PID}, issue 18), by every PostgreSQL process, and by
 * this generator, read from /proc (Linux only; zeros elsewhere). The difference over a phase, divided by its
 * attempts, says where each attempt's work went on a machine whose cores all three share.
 */
final class CpuMeter {

	record Sample(double onestop, double reference, double postgres, double generator) {

		Sample minus(Sample before) {
			return new Sample(onestop - before.onestop, reference - before.reference, postgres - before.postgres,
					generator - before.generator);
		}
	}

	private static final double TICKS = 100.0;

	private CpuMeter() {
	}

	static Sample now() {
		String pid = System.getenv("ONESTOP_PID");
		double onestop = pid == null ? 0 : seconds(Path.of("/proc", pid, "stat"));
		String referencePid = System.getenv("REFERENCE_PID");
		double reference = referencePid == null ? 0 : seconds(Path.of("/proc", referencePid, "stat"));
		double generator = seconds(Path.of("/proc/self/stat"));
		double postgres = 0;
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			for (Path p : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
				if (comm(p).equals("postgres")) {
					postgres += seconds(p.resolve("stat"));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			postgres = 0;
		}
		return new Sample(onestop, reference, postgres, generator);
	}

	private static String comm(Path process) {
		try {
			return Files.readString(process.resolve("comm")).strip();
		}
		catch (IOException ex) {
			return "";
		}
	}

	/** utime + stime of a process, fields 14 and 15 of /proc/[pid]/stat (after the parenthesised name). */
	private static double seconds(Path stat) {
		try {
			String s = Files.readString(stat);
			String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
			return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}
}
