package org.onestop.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy in front of the database that a test can cut: {@link #refuse()} (the server
 * is gone: connections refused, open ones reset), {@link #blackHole()} (the network
 * swallows everything: connections accepted, nothing forwarded either way) and
 * {@link #restore()}.
 */
final class CuttableProxy implements AutoCloseable {

	enum Mode {

		FORWARD, REFUSE, BLACK_HOLE

	}

	private final InetSocketAddress target;

	private final int port;

	private final List<Socket> open = new CopyOnWriteArrayList<>();

	private volatile Mode mode = Mode.FORWARD;

	private volatile ServerSocket server;

	CuttableProxy(String host, int targetPort) throws IOException {
		this.target = new InetSocketAddress(host, targetPort);
		ServerSocket first = new ServerSocket();
		first.setReuseAddress(true);
		first.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		this.port = first.getLocalPort();
		listen(first);
	}

	int port() {
		return port;
	}

	synchronized void refuse() throws IOException {
		mode = Mode.REFUSE;
		server.close();
		for (Socket socket : open) {
			reset(socket);
		}
		open.clear();
	}

	synchronized void blackHole() throws IOException {
		if (mode == Mode.REFUSE) {
			reopen();
		}
		mode = Mode.BLACK_HOLE;
	}

	synchronized void restore() throws IOException {
		if (mode == Mode.REFUSE) {
			reopen();
		}
		mode = Mode.FORWARD;
	}

	private void reopen() throws IOException {
		ServerSocket again = new ServerSocket();
		again.setReuseAddress(true);
		again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
		listen(again);
	}

	private void listen(ServerSocket socket) {
		server = socket;
		daemon("proxy-accept", () -> {
			while (!socket.isClosed()) {
				try {
					Socket client = socket.accept();
					open.add(client);
					if (mode == Mode.FORWARD) {
						Socket upstream = new Socket(target.getAddress(), target.getPort());
						open.add(upstream);
						pump(client, upstream);
						pump(upstream, client);
					}
					// In a black hole the client is accepted and then hears nothing,
					// ever.
				}
				catch (IOException closed) {
					return;
				}
			}
		});
	}

	/**
	 * Copies one direction while forwarding; in a black hole reads and drops, as a lost
	 * network would.
	 */
	private void pump(Socket from, Socket to) {
		daemon("proxy-pump", () -> {
			byte[] buffer = new byte[8192];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int n;
				while ((n = in.read(buffer)) >= 0) {
					if (mode == Mode.FORWARD) {
						out.write(buffer, 0, n);
						out.flush();
					}
				}
			}
			catch (IOException ended) {
				// one side closed or was reset
			}
			finally {
				forget(from);
				forget(to);
			}
		});
	}

	private static void daemon(String name, Runnable work) {
		Thread thread = new Thread(work, name);
		thread.setDaemon(true);
		thread.start();
	}

	/** Closes with a reset (RST), as a server that has gone away does. */
	private static void reset(Socket socket) {
		try {
			if (!socket.isClosed()) {
				socket.setSoLinger(true, 0);
			}
		}
		catch (IOException alreadyClosed) {
			// closed meanwhile by its pump
		}
		closeQuietly(socket);
	}

	private void forget(Socket socket) {
		open.remove(socket);
		closeQuietly(socket);
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ignored) {
			// already closed
		}
	}

	@Override
	public synchronized void close() throws IOException {
		mode = Mode.REFUSE;
		server.close();
		for (Socket socket : open) {
			closeQuietly(socket);
		}
	}

}
