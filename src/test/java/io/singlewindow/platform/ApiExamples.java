package io.singlewindow.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The request examples of the OpenAPI document ({@code docs/openapi.yaml}, the live document's checked-in copy), as
 * a client copies them: each example of each operation's request body, and the examples of its header parameters.
 */
public final class ApiExamples {

	private static final JsonNode DOCUMENT = read(Path.of("docs/openapi.yaml"));
	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Properties an example must carry new values of to be sent a second time: names and logins are unique. */
	public static final Map<String, List<String>> FRESH = Map.of("post /api/v1/enterprises",
			List.of("nameZh", "nameEn", "username"));

	private static final AtomicInteger SENT = new AtomicInteger();

	/**
	 * One request example.
	 *
	 * @param headers the documented examples of the operation's header parameters (e.g. {@code Prefer})
	 * @param success the status of the operation's success: 201 when it documents one (a creation, as an example
	 *            creates something new), else its lowest documented 2xx
	 * @param open whether the operation goes without an API key ({@code security: []})
	 */
	public record Example(String path, String method, String mediaType, String name, String body,
			Map<String, String> headers, int success, boolean open) {

		@Override
		public String toString() {
			return method.toUpperCase(java.util.Locale.ROOT) + " " + path + " " + name;
		}
	}

	private ApiExamples() {
	}

	public static List<Example> all() {
		List<Example> examples = new ArrayList<>();
		JsonNode paths = DOCUMENT.get("paths");
		for (String path : paths.propertyNames()) {
			JsonNode item = paths.get(path);
			for (String method : item.propertyNames()) {
				JsonNode operation = item.get(method);
				JsonNode content = operation.path("requestBody").path("content");
				for (String mediaType : content.propertyNames()) {
					JsonNode named = content.get(mediaType).path("examples");
					for (String name : named.propertyNames()) {
						examples.add(new Example(path, method, mediaType, name,
								JSON.writeValueAsString(named.get(name).get("value")), headers(operation),
								success(operation), operation.has("security") && operation.get("security").isEmpty()));
					}
				}
			}
		}
		return examples;
	}

	/** The JSON of one request example, e.g. {@code ("/api/v1/declarations", "post", "roastedCoffee")}. */
	public static String requestExample(String path, String method, String name) {
		return all().stream()
			.filter(e -> e.path().equals(path) && e.method().equals(method) && e.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no example " + name + " of " + method + " " + path))
			.body();
	}

	private static Map<String, String> headers(JsonNode operation) {
		Map<String, String> headers = new java.util.LinkedHashMap<>();
		for (JsonNode parameter : operation.path("parameters")) {
			if ("header".equals(parameter.path("in").asString()) && parameter.has("example")) {
				headers.put(parameter.get("name").asString(), parameter.get("example").asString());
			}
		}
		return headers;
	}

	private static int success(JsonNode operation) {
		if (operation.path("responses").has("201")) {
			return 201;
		}
		return operation.path("responses").propertyNames().stream()
			.filter(status -> status.startsWith("2"))
			.mapToInt(Integer::parseInt)
			.min()
			.orElseThrow(() -> new AssertionError("an operation without a 2xx answer"));
	}

	private static JsonNode read(Path file) {
		try {
			return YAMLMapper.builder().build().readTree(Files.readString(file));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * The example of {@code operation} ("post /api/v1/enterprises") with the values that must be unique in the zone
	 * made new by a number, as a client sending it twice would; nothing else changes.
	 */
	public static String fresh(String operation, String body) {
		List<String> unique = FRESH.getOrDefault(operation, List.of());
		if (unique.isEmpty()) {
			return body;
		}
		ObjectNode copy = (ObjectNode) JSON.readTree(body);
		String suffix = String.valueOf(SENT.incrementAndGet());
		for (String property : unique) {
			if (!copy.has(property)) {
				throw new AssertionError(operation + " example has no " + property);
			}
			String value = copy.get(property).asString();
			// Chinese names end in the company form (有限公司); the number goes before it, as in a real name.
			copy.put(property, value.endsWith("有限公司") ? value.replace("有限公司", suffix + "有限公司")
					: value.endsWith(" Co., Ltd.") ? value.replace(" Co., Ltd.", " " + suffix + " Co., Ltd.")
							: value + suffix);
		}
		return JSON.writeValueAsString(copy);
	}
}
