package io.singlewindow.platform;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

import io.singlewindow.SingleWindowApplication;

/**
 * The platform as an operator runs it: its own JVM, its own embedded PostgreSQL in a data directory, a log file, and
 * signals from outside.
 * <p>
 * Launched as {@code java -cp <runtime classpath> io.singlewindow.SingleWindowApplication}, the main class and the
 * classes and dependencies the repackaged jar contains, because the tests run in {@code test}, before
 * {@code package} builds the jar. The only part of the jar not exercised is Spring Boot's launcher (the nested-jar class
 * loader), which has no part in durability or shutdown. Test classes are left off the classpath, so nothing of the
 * tests leaks into the platform.
 */
final class PlatformProcess {

	static final Duration START_TIMEOUT = Duration.ofMinutes(4);

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	final Path dataDir;
	final Path log;
	final int port;
	final Process process;

	private PlatformProcess(Path dataDir, Path log, int port, Process process) {
		this.dataDir = dataDir;
		this.log = log;
		this.port = port;
		this.process = process;
	}

	/** Starts a platform on {@code dataDir} (demo data, no synthetic statistics) without waiting for it. */
	static PlatformProcess launch(Path dataDir, String name, String... arguments) throws IOException {
		return launch(dataDir, name, javaCommand(), arguments);
	}

	/**
	 * Starts a platform like {@link #launch} with a heap of {@code heap} (e.g. {@code 128m}) that exits at its first
	 * OutOfMemoryError: what a load needs of memory shows as a platform that is gone.
	 */
	static PlatformProcess launchWithHeap(Path dataDir, String name, String heap, String... arguments)
			throws IOException {
		List<String> command = new ArrayList<>(javaCommand());
		command.set(command.indexOf("-Xmx768m"), "-Xmx" + heap);
		command.add(1, "-XX:+ExitOnOutOfMemoryError");
		return launch(dataDir, name, command, arguments);
	}

	/**
	 * Starts a platform like {@link #launch} with these environment variables besides the test's own (an operator's
	 * {@code LANG}, say).
	 */
	static PlatformProcess launchWithEnvironment(Path dataDir, String name, Map<String, String> environment,
			String... arguments) throws IOException {
		return launch(dataDir, name, javaCommand(), environment, arguments);
	}

	private static PlatformProcess launch(Path dataDir, String name, List<String> java, String... arguments)
			throws IOException {
		return launch(dataDir, name, java, Map.of(), arguments);
	}

	private static PlatformProcess launch(Path dataDir, String name, List<String> java,
			Map<String, String> environment, String... arguments) throws IOException {
		int port = freePort();
		Path log = dataDir.resolveSibling(dataDir.getFileName() + "-" + name + ".log");
		List<String> command = new ArrayList<>(java);
		command.addAll(List.of(SingleWindowApplication.class.getName(), "--server.port=" + port,
				"--singlewindow.data-dir=" + dataDir, "--singlewindow.statistics.demo-declarations-per-month=0",
				"--logging.level.root=WARN", "--logging.level.io.singlewindow=INFO"));
		command.addAll(Arrays.asList(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("SINGLEWINDOW_"));
		builder.environment().putAll(environment);
		return new PlatformProcess(dataDir, log, port, builder.start());
	}

	/** {@code java -cp …} with the platform's runtime classpath and a modest heap: two busy cores, several JVMs. */
	static List<String> javaCommand() {
		return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
				"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", runtimeClasspath());
	}

	PlatformProcess awaitReady() throws IOException, InterruptedException {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the platform exited with " + process.exitValue() + ":\n" + tail());
			}
			try {
				if (get("/actuator/health/readiness", null).statusCode() == 200) {
					return this;
				}
			} catch (IOException e) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("the platform was not ready after " + START_TIMEOUT + ":\n" + tail());
	}

	/** Posts a body of {@code contentType} read from {@code body} as it is sent, never held whole. */
	HttpResponse<String> postStream(String path, String apiKey, String contentType,
			java.util.function.Supplier<java.io.InputStream> body) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(5))
			.header("Authorization", "Bearer " + apiKey).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofInputStream(body)).build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> get(String path, String apiKey) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).GET();
		if (apiKey != null) {
			request.header("Authorization", "Bearer " + apiKey);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> post(String path, String apiKey, String json, String idempotencyKey)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey).header("Prefer", "return=minimal");
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	/** The platform's PostgreSQL, straight: to look at what is stored, never to change it. */
	Connection database() throws IOException, SQLException {
		List<String> pid = Files.readAllLines(dataDir.resolve("pg/postmaster.pid"));
		return DriverManager.getConnection("jdbc:postgresql://localhost:" + pid.get(3).strip() + "/postgres",
				"postgres", "");
	}

	/** The postmaster and its backends, as the data directory names them. */
	List<ProcessHandle> postgres() throws IOException {
		long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).getFirst().strip());
		List<ProcessHandle> processes = new ArrayList<>();
		ProcessHandle.of(pid).ifPresent(postmaster -> {
			processes.addAll(postmaster.descendants().toList());
			processes.add(postmaster);
		});
		return processes;
	}

	/** A power cut, as far as software can have one: SIGKILL to the JVM and to every PostgreSQL process at once. */
	void killWithDatabase() throws IOException, InterruptedException {
		List<ProcessHandle> victims = postgres();
		victims.forEach(ProcessHandle::destroyForcibly);
		process.destroyForcibly();
		process.waitFor(60, TimeUnit.SECONDS);
		for (ProcessHandle victim : victims) {
			victim.onExit().orTimeout(60, TimeUnit.SECONDS).exceptionally(e -> victim).join();
		}
	}

	/** SIGTERM, as systemd or Kubernetes stops a service; the exit code. */
	int terminate() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(2, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException("the platform did not stop within 2 minutes of SIGTERM:\n" + tail());
		}
		return process.exitValue();
	}

	/** Waits for a platform that is expected to give up by itself; the exit code. */
	int awaitExit() throws InterruptedException {
		if (!process.waitFor(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("the platform kept running:\n" + tail());
		}
		return process.exitValue();
	}

	String logText() throws IOException {
		return Files.readString(log, StandardCharsets.UTF_8);
	}

	String tail() {
		try {
			List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		} catch (IOException e) {
			return "(no log: " + e + ")";
		}
	}

	/** Stops whatever is left running, for the end of a test that failed halfway. */
	void forceStop() {
		try {
			List<ProcessHandle> left = Files.exists(dataDir.resolve("pg/postmaster.pid")) ? postgres() : List.of();
			if (process.isAlive()) {
				process.destroy();
				if (!process.waitFor(60, TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			}
			left.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
		} catch (Exception e) {
			// best effort
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * The test JVM's classpath without the tests. Surefire may hand the JVM a single manifest-only jar whose
	 * {@code Class-Path} lists the real entries; those are read out of it.
	 */
	static String runtimeClasspath() {
		List<String> entries = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			if (entry.contains("surefirebooter") && entry.endsWith(".jar")) {
				entries.addAll(manifestClassPath(Path.of(entry)));
			} else {
				entries.add(entry);
			}
		}
		return entries.stream()
			.filter(e -> !e.replace('\\', '/').endsWith("target/test-classes")
					&& !e.replace('\\', '/').endsWith("target/test-classes/"))
			.filter(e -> !e.contains("surefire"))
			.collect(Collectors.joining(File.pathSeparator));
	}

	private static List<String> manifestClassPath(Path jar) {
		try (JarFile file = new JarFile(jar.toFile())) {
			Manifest manifest = file.getManifest();
			List<String> entries = new ArrayList<>();
			for (String url : manifest.getMainAttributes().getValue("Class-Path").split(" ")) {
				if (!url.isBlank()) {
					entries.add(Path.of(jar.toAbsolutePath().getParent().toUri().resolve(new URI(url))).toString());
				}
			}
			return entries;
		} catch (IOException | URISyntaxException e) {
			throw new IllegalStateException("cannot read the classpath of " + jar, e);
		}
	}
}
