package org.onestop.audit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.onestop.platform.PlatformProperties;

import org.springframework.stereotype.Component;

/**
 * The checkpoint file: one JSON line per checkpoint, only ever appended to, outside the database. Several
 * nodes may share it (one data volume): each append holds an exclusive file lock, is one write, and is forced
 * to disk before the lock is let go.
 */
@Component
class CheckpointLog {

	/** How much of the file's end the sealer reads for the highest checkpoint: a few hundred lines. */
	private static final int TAIL = 64 * 1024;
	/**
	 * File locks belong to the whole process, and a second lock on the same file from this process fails
	 * rather than waits; so appends within one process (even from two application contexts) take turns here.
	 */
	private static final Object APPENDING = new Object();
	private static final JsonMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

	/**
	 * One whole line as read back: its number, the byte offset where it starts, the checkpoint if it could
	 * be read, and what it is.
	 */
	record Line(long number, long offset, Checkpoint checkpoint, Kind kind) {

		enum Kind {
			/** A checkpoint signed by a key this node holds. */
			AUTHENTIC,
			/** Whole JSON, but not a checkpoint signed by a known key: edited, forged, or its key is missing. */
			NOT_AUTHENTIC,
			/**
			 * Not JSON at all: the start of a line whose write was cut short (a crash, a full disk) and that the
			 * next append fenced off with a line break. It names no position, so ignoring it hides nothing.
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
					// A write cut short (a full disk, a crash) must not swallow the line that follows it.
					write(channel, new byte[] { '\n' });
				}
				write(channel, line);
				channel.force(true);
			}
		}
	}

	/** The authentic checkpoint with the highest position among the newest lines. */
	Optional<Checkpoint> highest() throws IOException {
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		String tail;
		boolean whole;
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			long from = Math.max(0, channel.size() - TAIL);
			ByteBuffer buffer = ByteBuffer.allocate((int) (channel.size() - from));
			while (buffer.hasRemaining() && channel.read(buffer, from + buffer.position()) > 0) {
				// keep reading
			}
			tail = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
			whole = from == 0;
		}
		String[] lines = tail.split("\n", -1);
		Checkpoint highest = null;
		// The first piece may be the end of a longer line, the last one a line still being written.
		for (int i = whole ? 0 : 1; i < lines.length - 1; i++) {
			Checkpoint checkpoint = parse(lines[i]);
			if (checkpoint != null && checkpoint.authentic(keys) && (highest == null || checkpoint.seq() > highest.seq())) {
				highest = checkpoint;
			}
		}
		return Optional.ofNullable(highest);
	}

	/**
	 * Every whole line, in file order (blank lines are skipped but counted). A last piece without its line
	 * break is a line still being written, or one cut short and not yet fenced off: it is left out.
	 */
	void read(Consumer<Line> visitor) throws IOException {
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
			ByteArrayOutputStream text = new ByteArrayOutputStream(512);
			long number = 0;
			long offset = 0;
			long start = 0;
			int b;
			while ((b = in.read()) != -1) {
				offset++;
				if (b != '\n') {
					text.write(b);
					continue;
				}
				number++;
				Line line = line(number, start, text.toString(StandardCharsets.UTF_8));
				if (line != null) {
					visitor.accept(line);
				}
				text.reset();
				start = offset;
			}
		}
		catch (NoSuchFileException ex) {
			// No checkpoint written yet, or the file was moved away (rotated): nothing to read.
		}
	}

	/** Authentic checkpoints of positions after {@code after}, lowest first, at most {@code limit}. */
	List<Checkpoint> after(long after, int limit) throws IOException {
		PriorityQueue<Checkpoint> lowest = new PriorityQueue<>(Comparator.comparingLong(Checkpoint::seq).reversed());
		read(line -> {
			if (line.authentic() && line.checkpoint().seq() > after) {
				lowest.add(line.checkpoint());
				if (lowest.size() > limit) {
					lowest.poll();
				}
			}
		});
		List<Checkpoint> result = new ArrayList<>(lowest);
		result.sort(Comparator.comparingLong(Checkpoint::seq));
		return result;
	}

	private Line line(long number, long offset, String text) {
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
