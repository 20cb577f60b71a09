package io.singlewindow.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 20: a person logged in through the balancer keeps working when the node that logged them in dies. A browser
 * as far as the server can tell: it keeps cookies, sends the form's CSRF token and follows no redirect by itself, so
 * a lost session shows as a redirect to the login page. HAProxy names the node that answered in {@code X-Served-By}.
 */
final class BrowserSessionAcrossNodes {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

	private final String base;
	private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

	BrowserSessionAcrossNodes(String balancer) {
		this.base = balancer;
	}

	/** Logs in with the login form and returns the node that accepted the password. */
	String logIn(String username, String password) throws IOException, InterruptedException {
		HttpResponse<String> form = get("/login");
		Matcher token = CSRF.matcher(form.body());
		if (form.statusCode() != 200 || !token.find()) {
			throw new IllegalStateException("login page answered " + form.statusCode() + " without a CSRF token");
		}
		String csrf = token.group(1) != null ? token.group(1) : token.group(2);
		String body = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrf);
		HttpResponse<String> loggedIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		String location = loggedIn.headers().firstValue("Location").orElse("");
		if (loggedIn.statusCode() != 302 || location.contains("/login")) {
			throw new IllegalStateException("login answered " + loggedIn.statusCode() + " to " + location);
		}
		return servedBy(loggedIn);
	}

	/** The node that served the person's home page, or {@literal null} if the page asked them to log in again. */
	String homePage() throws IOException, InterruptedException {
		HttpResponse<String> page = get("/");
		return page.statusCode() == 200 && page.body().contains("id=\"logout\"") ? servedBy(page) : null;
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return browser.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static String servedBy(HttpResponse<String> response) {
		return response.headers().firstValue("X-Served-By").orElse("?");
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
