package io.singlewindow.declaration.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import org.springframework.stereotype.Component;

/**
 * Posts one event to one checked address. Written on a socket rather than through an HTTP client library because the
 * connection must go to the very address {@link WebhookTargets} checked (a client that resolves the host again could
 * be sent elsewhere by a second DNS answer), while TLS still verifies the certificate against the host name. The
 * answer's status line is all that is read: a redirect (3xx) is a failed delivery, never followed.
 */
@Component
class WebhookSender {

	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
	static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
	private static final int MAX_STATUS_LINE = 1024;

	/** @return the HTTP status the receiver answered */
	int post(WebhookTargets.Target target, Map<String, String> headers, String body) throws IOException {
		byte[] payload = body.getBytes(StandardCharsets.UTF_8);
		String host = WebhookTargets.hostOf(target.uri());
		boolean tls = "https".equalsIgnoreCase(target.uri().getScheme());
		try (Socket socket = connect(target, host, tls)) {
			socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
			String path = target.uri().getRawPath() == null || target.uri().getRawPath().isEmpty() ? "/"
					: target.uri().getRawPath();
			if (target.uri().getRawQuery() != null) {
				path += "?" + target.uri().getRawQuery();
			}
			boolean defaultPort = target.uri().getPort() == -1;
			StringBuilder request = new StringBuilder()
				.append("POST ").append(path).append(" HTTP/1.1\r\n")
				.append("Host: ").append(target.uri().getHost()).append(defaultPort ? "" : ":" + target.port())
				.append("\r\n")
				.append("Content-Length: ").append(payload.length).append("\r\n")
				.append("Connection: close\r\n")
				.append("User-Agent: single-window-webhooks\r\n");
			headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
			request.append("\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
			out.write(payload);
			out.flush();
			return status(socket.getInputStream());
		}
	}

	private static Socket connect(WebhookTargets.Target target, String host, boolean tls) throws IOException {
		Socket socket = new Socket();
		try {
			socket.connect(new InetSocketAddress(target.address(), target.port()), (int) CONNECT_TIMEOUT.toMillis());
			if (!tls) {
				return socket;
			}
			SSLSocket ssl = (SSLSocket) SSLContext.getDefault().getSocketFactory().createSocket(socket, host,
					target.port(), true);
			SSLParameters parameters = ssl.getSSLParameters();
			// Verify the certificate against the host name of the URL, not the address connected to.
			parameters.setEndpointIdentificationAlgorithm("HTTPS");
			if (!host.contains(":") && !host.matches("[0-9.]+")) {
				parameters.setServerNames(List.of(new SNIHostName(host)));
			}
			ssl.setSSLParameters(parameters);
			ssl.startHandshake();
			return ssl;
		} catch (IOException | RuntimeException e) {
			socket.close();
			throw e;
		} catch (NoSuchAlgorithmException e) {
			socket.close();
			throw new IOException(e);
		}
	}

	private static int status(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int c = in.read(); c != -1 && c != '\n' && line.size() < MAX_STATUS_LINE; c = in.read()) {
			line.write(c);
		}
		String[] parts = line.toString(StandardCharsets.US_ASCII).strip().split(" ", 3);
		if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("\\d{3}")) {
			throw new IOException("not an HTTP answer: " + line.toString(StandardCharsets.US_ASCII));
		}
		return Integer.parseInt(parts[1]);
	}
}
