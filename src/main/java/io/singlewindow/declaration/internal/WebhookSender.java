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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Posts one event to one checked address. Written on a socket rather than through an HTTP client library because the
 * connection must go to the very address {@link WebhookTargets} checked (a client that resolves the host again could
 * be sent elsewhere by a second DNS answer), while TLS still verifies the certificate against the host name. The
 * answer's status line is all that is read: a redirect (3xx) is a failed delivery, never followed.
 * <p>
 * The receiver is whoever registered the webhook, so nothing it does may hold a delivery longer than
 * {@link Limits#deadline()}: each read (the TLS handshake's included) waits at most {@link Limits#read()}, and at the
 * deadline the socket is closed under the attempt whatever it is waiting for, so a receiver trickling its answer a
 * byte at a time cannot keep it either. A delivery batch waits for its slowest receiver, with its rows locked.
 */
@Component
class WebhookSender {

	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
	static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
	private static final int MAX_STATUS_LINE = 1024;

	/** How long an attempt may wait to connect, for one read, and in all. */
	record Limits(Duration connect, Duration read, Duration deadline) {
		static final Limits STANDARD = new Limits(CONNECT_TIMEOUT, READ_TIMEOUT, Duration.ofSeconds(20));
	}

	private final Limits limits;

	/** Closes the sockets of attempts past their deadline; one thread for all, asleep unless one is due. */
	private final ScheduledExecutorService deadlines = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("webhook-deadlines").daemon().factory());

	@org.springframework.beans.factory.annotation.Autowired
	WebhookSender() {
		this(Limits.STANDARD);
	}

	WebhookSender(Limits limits) {
		this.limits = limits;
	}

	Limits limits() {
		return limits;
	}

	@PreDestroy
	void stop() {
		deadlines.shutdownNow();
	}

	/**
	 * @return the HTTP status the receiver answered
	 * @throws IOException also when the receiver did not answer within the deadline (message "no answer within …")
	 */
	int post(WebhookTargets.Target target, Map<String, String> headers, String body) throws IOException {
		Socket raw = new Socket();
		AtomicBoolean cutOff = new AtomicBoolean();
		ScheduledFuture<?> deadline = deadlines.schedule(() -> {
			cutOff.set(true);
			closeQuietly(raw);
		}, limits.deadline().toMillis(), TimeUnit.MILLISECONDS);
		try {
			return exchange(raw, target, headers, body);
		} catch (IOException e) {
			if (cutOff.get()) {
				throw new IOException("no answer within " + limits.deadline().toSeconds() + " s", e);
			}
			throw e;
		} finally {
			deadline.cancel(false);
			closeQuietly(raw);
		}
	}

	private int exchange(Socket raw, WebhookTargets.Target target, Map<String, String> headers, String body)
			throws IOException {
		byte[] payload = body.getBytes(StandardCharsets.UTF_8);
		String host = WebhookTargets.hostOf(target.uri());
		boolean tls = "https".equalsIgnoreCase(target.uri().getScheme());
		try (Socket socket = connect(raw, target, host, tls)) {
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

	private Socket connect(Socket socket, WebhookTargets.Target target, String host, boolean tls) throws IOException {
		try {
			socket.connect(new InetSocketAddress(target.address(), target.port()), (int) limits.connect().toMillis());
			// Before the handshake: its reads wait on the receiver as much as the answer's do.
			socket.setSoTimeout((int) limits.read().toMillis());
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

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		} catch (IOException e) {
			// closing a socket nobody will use again: nothing to do about a failure
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
