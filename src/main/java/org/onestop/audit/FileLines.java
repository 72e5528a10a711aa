package org.onestop.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The lines of a file as bytes, with the byte offset where each starts, read from the
 * start or from the end. Only lines ended by a line break count: a last piece without one
 * is still being written.
 */
final class FileLines {

	/**
	 * Longest line kept whole. A checkpoint is some 330 bytes; a longer line is junk (a
	 * crash may leave a run of zero bytes), and is handed on cut to this length plus one
	 * byte, so that it cannot fill the memory.
	 */
	static final int MAX_LINE = 16 * 1024;

	private static final int CHUNK = 64 * 1024;

	private static final byte[] NONE = new byte[0];

	/**
	 * Receives one line: where it starts, and its bytes without the line break. Answers
	 * whether to go on.
	 */
	interface Visitor {

		boolean line(long offset, byte[] text) throws IOException;

	}

	private FileLines() {
	}

	/** Every line, first to last, until the visitor answers false. */
	static void forward(Path file, Visitor visitor) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] chunk = new byte[CHUNK];
			byte[] line = new byte[MAX_LINE + 1];
			int length = 0;
			long offset = 0;
			long start = 0;
			int read;
			while ((read = in.read(chunk)) != -1) {
				for (int i = 0; i < read; i++, offset++) {
					if (chunk[i] != '\n') {
						if (length < line.length) {
							line[length++] = chunk[i];
						}
						continue;
					}
					if (!visitor.line(start, Arrays.copyOf(line, length))) {
						return;
					}
					length = 0;
					start = offset + 1;
				}
			}
		}
	}

	/**
	 * Lines from the last to the first, until the visitor answers false, reading no
	 * further back than {@code maxBytes} from the end (a line that starts before that is
	 * left out): a caller that wants the newest lines never reads the whole file.
	 */
	static void backward(Path file, long maxBytes, Visitor visitor) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			long position = channel.size();
			long floor = Math.max(0, position - maxBytes);
			ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
			// The end of the line being put together, whose start lies further back;
			// whether it has its line break.
			byte[] pending = NONE;
			boolean ended = false;
			while (position > floor) {
				long from = Math.max(floor, position - CHUNK);
				int length = (int) (position - from);
				buffer.clear().limit(length);
				while (buffer.hasRemaining() && channel.read(buffer, from + buffer.position()) > 0) {
					// keep reading
				}
				byte[] bytes = buffer.array();
				int end = buffer.position();
				for (int i = end - 1; i >= 0; i--) {
					if (bytes[i] == '\n') {
						if (ended && !visitor.line(from + i + 1, join(bytes, i + 1, end, pending))) {
							return;
						}
						ended = true;
						pending = NONE;
						end = i;
					}
				}
				pending = join(bytes, 0, end, pending);
				position = from;
			}
			if (ended && floor == 0) {
				visitor.line(0, pending);
			}
		}
	}

	/**
	 * {@code bytes[from, to)} followed by {@code after}, cut to {@link #MAX_LINE} plus
	 * one byte.
	 */
	private static byte[] join(byte[] bytes, int from, int to, byte[] after) {
		int length = Math.min(MAX_LINE + 1, to - from + after.length);
		byte[] joined = new byte[length];
		int head = Math.min(length, to - from);
		System.arraycopy(bytes, from, joined, 0, head);
		System.arraycopy(after, 0, joined, head, length - head);
		return joined;
	}

}
