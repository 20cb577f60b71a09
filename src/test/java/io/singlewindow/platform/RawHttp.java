package io.singlewindow.platform;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 exchange written byte for byte, as a client whose software does not guard what it sends: Java's HTTP
 * client refuses to send what these tests need, and MockMvc never reaches the container's parsers and limits.
 */
final class RawHttp {

	private RawHttp() {
	}

	/** Sends the request head (ISO-8859-1, as on the wire) and body, and reads the whole answer. */
	static String exchange(int port, String head, byte[] body) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(20_000);
			socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().write(body);
			socket.getOutputStream().flush();
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}
}
