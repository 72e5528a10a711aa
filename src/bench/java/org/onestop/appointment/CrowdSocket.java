package org.onestop.appointment;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One worker's keep-alive HTTP/1.1 connection for the crowd's booking requests, written by hand like wrk's: the
 * JDK's {@code HttpClient} spent a large share of the two cores that OneStop and PostgreSQL need, and a load
 * generator should measure the server, not itself. Enough of HTTP/1.1 for Tomcat's answers: a status line,
 * headers, and a body sized by Content-Length or sent chunked. Anything else fails loudly.
 */
final class CrowdSocket implements Crowd.Attempt {

	private final String host;
	private final int port;
	/** Per citizen, the header lines that say who is asking ({@code Authorization: Bearer …}, or the reference's). */
	private final String[] credentials;
	private final String requestLine;
	private final long[] slotIds;
	private final String serviceCode;
	private final boolean floor;
	private Socket socket;
	private InputStream in;
	private OutputStream out;

	CrowdSocket(String base, String[] tokens, long[] slotIds, String serviceCode) {
		this(base, tokens, slotIds, serviceCode, false);
	}

	/**
	 * With {@code floor}, each attempt is {@code GET /api/v1/me} with the same citizen's token instead: the same
	 * HTTP stack, security chain and JSON writing with no database work (the token is remembered), i.e. what any
	 * endpoint costs here before it does anything.
	 */
	CrowdSocket(String base, String[] tokens, long[] slotIds, String serviceCode, boolean floor) {
		this(base, floor ? "GET /api/v1/me" : "POST /api/v1/appointments",
				java.util.Arrays.stream(tokens).map(t -> "Authorization: Bearer " + t).toArray(String[]::new), slotIds,
				serviceCode, floor);
	}

	/**
	 * The like-for-like reference (issue 18): {@code POST /appointments} on the plain Spring Boot application, the
	 * same body and the same attempts; it has no sign-in, so the citizen and their ID number travel in headers.
	 */
	static CrowdSocket reference(String base, List<CrowdDatabase.Citizen> citizens, long[] slotIds, String serviceCode) {
		return new CrowdSocket(base, "POST /appointments",
				citizens.stream().map(c -> "X-Citizen: " + c.username() + "\r\nX-Id-Number: " + c.idNumber())
					.toArray(String[]::new),
				slotIds, serviceCode, false);
	}

	private CrowdSocket(String base, String requestLine, String[] credentials, long[] slotIds, String serviceCode,
			boolean floor) {
		this.floor = floor;
		URI uri = URI.create(base);
		this.host = uri.getHost();
		this.port = uri.getPort() < 0 ? 80 : uri.getPort();
		this.requestLine = requestLine;
		this.credentials = credentials;
		this.slotIds = slotIds;
		this.serviceCode = serviceCode;
	}

	@Override
	public String book(int citizen, int slot) throws IOException {
		byte[] body = ("{\"slotId\":" + slotIds[slot] + ",\"serviceCode\":\"" + serviceCode + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		if (floor) {
			body = new byte[0];
		}
		String head = requestLine + " HTTP/1.1\r\nHost: " + host + ":" + port
				+ "\r\nContent-Type: application/json\r\nAccept-Language: en\r\n" + credentials[citizen]
				+ (floor ? "" : "\r\nContent-Length: " + body.length) + "\r\n\r\n";
		if (socket == null) {
			open();
		}
		out.write(head.getBytes(StandardCharsets.US_ASCII));
		out.write(body);
		out.flush();
		return read();
	}

	private void open() throws IOException {
		socket = new Socket(host, port);
		socket.setTcpNoDelay(true);
		socket.setSoTimeout(60_000);
		in = new BufferedInputStream(socket.getInputStream(), 8192);
		out = new java.io.BufferedOutputStream(socket.getOutputStream(), 2048);
	}

	private String read() throws IOException {
		String status = line();
		int code = Integer.parseInt(status.substring(9, 12));
		int length = -1;
		boolean chunked = false;
		boolean close = false;
		for (String header = line(); !header.isEmpty(); header = line()) {
			String lower = header.toLowerCase();
			if (lower.startsWith("content-length:")) {
				length = Integer.parseInt(lower.substring(15).strip());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
			else if (lower.startsWith("connection:") && lower.contains("close")) {
				close = true;
			}
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream(512);
		if (chunked) {
			for (int size = Integer.parseInt(line().split(";")[0].strip(), 16); size > 0;
					size = Integer.parseInt(line().split(";")[0].strip(), 16)) {
				body.write(in.readNBytes(size));
				line();
			}
			while (!line().isEmpty()) {
				// trailers, if any
			}
		}
		else if (length > 0) {
			body.write(in.readNBytes(length));
		}
		if (close) {
			close();
		}
		return CrowdHttp.outcome(code, body.toString(StandardCharsets.UTF_8));
	}

	private String line() throws IOException {
		StringBuilder line = new StringBuilder(64);
		for (int c = in.read(); c != '\n'; c = in.read()) {
			if (c < 0) {
				throw new IOException("connection closed mid-response");
			}
			if (c != '\r') {
				line.append((char) c);
			}
		}
		return line.toString();
	}

	@Override
	public void close() throws IOException {
		if (socket != null) {
			socket.close();
			socket = null;
		}
	}
}
