package org.onestop.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.onestop.platform.PlatformProperties;

import org.springframework.stereotype.Component;

/**
 * The checkpoint file: one JSON line per checkpoint, only ever appended to, outside the
 * database. Several nodes may share it (one data volume): each append holds an exclusive
 * file lock, is one write, and is forced to disk before the lock is let go.
 */
@Component
class CheckpointLog {

	/**
	 * How much of the file's end the sealer reads for the highest checkpoint: some two
	 * hundred lines, half an hour of checkpoints at the default interval, while lines out
	 * of order are at most a few apart.
	 */
	private static final int TAIL = 64 * 1024;

	/**
	 * How many lines in a row at or below a poller's position end the search for newer
	 * ones.
	 */
	static final int IN_ORDER = 64;

	/**
	 * File locks belong to the whole process, and a second lock on the same file from
	 * this process fails rather than waits; so appends within one process (even from two
	 * application contexts) take turns here.
	 */
	private static final Object APPENDING = new Object();

	private static final JsonMapper JSON = JsonMapper.builder()
		.addModule(new JavaTimeModule())
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
		.build();

	/**
	 * One whole line as read back: its number (0 when read from the end), the byte offset
	 * where it starts, the checkpoint if it could be read, and what it is.
	 */
	record Line(long number, long offset, Checkpoint checkpoint, Kind kind) {

		enum Kind {

			/** A checkpoint signed by a key this node holds. */
			AUTHENTIC,
			/**
			 * Whole JSON, but not a checkpoint signed by a known key: edited, forged, or
			 * its key is missing.
			 */
			NOT_AUTHENTIC,
			/**
			 * Not JSON at all: the start of a line whose write was cut short (a crash, a
			 * full disk) and that the next append fenced off with a line break. It names
			 * no position, so ignoring it hides nothing.
			 */
			TORN

		}

		boolean authentic() {
			return kind == Kind.AUTHENTIC;
		}
	}

	private final Path file;

	private final AuditKeys keys;

	CheckpointLog(AuditProperties audit, PlatformProperties platform, AuditKeys keys) {
		this.file = audit.checkpointFile() != null ? audit.checkpointFile().toAbsolutePath().normalize()
				: platform.dataDir().toAbsolutePath().normalize().resolve("audit").resolve("checkpoints.log");
		this.keys = keys;
	}

	Path file() {
		return file;
	}

	void append(Checkpoint checkpoint) throws IOException {
		byte[] line = (JSON.writeValueAsString(checkpoint) + "\n").getBytes(StandardCharsets.UTF_8);
		synchronized (APPENDING) {
			Files.createDirectories(file.getParent());
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.APPEND); FileLock lock = channel.lock()) {
				if (endsTorn()) {
					// A write cut short (a full disk, a crash) must not swallow the line
					// that follows it.
					write(channel, new byte[] { '\n' });
				}
				write(channel, line);
				channel.force(true);
			}
		}
	}

	/**
	 * Whether there is no checkpoint file, or an empty one: moved away or emptied
	 * (rotated).
	 */
	boolean isMissingOrEmpty() throws IOException {
		try {
			return Files.size(file) == 0;
		}
		catch (NoSuchFileException ex) {
			return true;
		}
	}

	/**
	 * The authentic checkpoint with the highest position among the newest lines, read
	 * from the end.
	 */
	Optional<Checkpoint> highest() throws IOException {
		Checkpoint[] highest = { null };
		backward(TAIL, line -> {
			if (line.authentic() && (highest[0] == null || line.checkpoint().seq() > highest[0].seq())) {
				highest[0] = line.checkpoint();
			}
			return true;
		});
		return Optional.ofNullable(highest[0]);
	}

	/**
	 * Every whole line, in file order (blank lines are skipped but counted). A last piece
	 * without its line break is a line still being written, or one cut short and not yet
	 * fenced off: it is left out.
	 */
	void read(Consumer<Line> visitor) throws IOException {
		long[] number = { 0 };
		try {
			FileLines.forward(file, (offset, text) -> {
				Line line = line(++number[0], offset, text);
				if (line != null) {
					visitor.accept(line);
				}
				return true;
			});
		}
		catch (NoSuchFileException ex) {
			// No checkpoint written yet, or the file was moved away (rotated): nothing to
			// read.
		}
	}

	/**
	 * Authentic checkpoints of positions after {@code after}, lowest first, at most
	 * {@code limit}. Read from the end: lines are appended in position order, except that
	 * checkpoints written at the same moment by two nodes may swap places; so reading
	 * stops after {@link #IN_ORDER} lines in a row at or below {@code after}. A poller
	 * asking for what is new reads only the file's end, however long the file.
	 */
	List<Checkpoint> after(long after, int limit) throws IOException {
		return after(after, limit, line -> {
		});
	}

	/**
	 * As {@link #after(long, int)}, handing {@code others} each line read on the way that
	 * is no authentic checkpoint (torn, edited or forged; its number is 0, read from the
	 * end).
	 */
	List<Checkpoint> after(long after, int limit, Consumer<Line> others) throws IOException {
		PriorityQueue<Checkpoint> lowest = new PriorityQueue<>(Comparator.comparingLong(Checkpoint::seq).reversed());
		int[] inARow = { 0 };
		backward(Long.MAX_VALUE, line -> {
			if (!line.authentic()) {
				others.accept(line);
				return true;
			}
			if (line.checkpoint().seq() <= after) {
				return ++inARow[0] < IN_ORDER;
			}
			inARow[0] = 0;
			lowest.add(line.checkpoint());
			if (lowest.size() > limit) {
				lowest.poll();
			}
			return true;
		});
		List<Checkpoint> result = new ArrayList<>(lowest);
		result.sort(Comparator.comparingLong(Checkpoint::seq));
		return result;
	}

	/**
	 * Whole lines from the end, within {@code maxBytes} of it, until the visitor answers
	 * false.
	 */
	private void backward(long maxBytes, Predicate<Line> visitor) throws IOException {
		try {
			FileLines.backward(file, maxBytes, (offset, text) -> {
				Line line = line(0, offset, text);
				return line == null || visitor.test(line);
			});
		}
		catch (NoSuchFileException ex) {
			// Nothing written yet, or moved away.
		}
	}

	private Line line(long number, long offset, byte[] bytes) {
		String text = new String(bytes, StandardCharsets.UTF_8);
		if (text.isBlank()) {
			return null;
		}
		Checkpoint checkpoint = parse(text);
		if (checkpoint != null) {
			return new Line(number, offset, checkpoint,
					checkpoint.authentic(keys) ? Line.Kind.AUTHENTIC : Line.Kind.NOT_AUTHENTIC);
		}
		return new Line(number, offset, null, isJson(text) ? Line.Kind.NOT_AUTHENTIC : Line.Kind.TORN);
	}

	private static boolean isJson(String text) {
		try {
			JSON.readTree(text);
			return true;
		}
		catch (JsonProcessingException ex) {
			return false;
		}
	}

	private static Checkpoint parse(String text) {
		try {
			return JSON.readValue(text, Checkpoint.class);
		}
		catch (JsonProcessingException ex) {
			return null;
		}
	}

	/** Whether the file ends in the middle of a line (called under the append lock). */
	private boolean endsTorn() throws IOException {
		try (FileChannel reading = FileChannel.open(file, StandardOpenOption.READ)) {
			long size = reading.size();
			if (size == 0) {
				return false;
			}
			ByteBuffer last = ByteBuffer.allocate(1);
			reading.read(last, size - 1);
			return last.get(0) != '\n';
		}
	}

	private static void write(FileChannel channel, byte[] bytes) throws IOException {
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		while (buffer.hasRemaining()) {
			channel.write(buffer);
		}
	}

}
