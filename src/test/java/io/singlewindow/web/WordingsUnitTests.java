package io.singlewindow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every wording a page names is written in both languages, and so is every refusal's: a key without its text shows
 * as {@code ??key_zh_CN??} on the page (a statement page's heading did, found only by looking at its screenshot).
 * Keys built at run time ({@code #{'state.' + ${s}}}) are checked where they are rendered, by the pages' tests.
 */
class WordingsUnitTests {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");
	static final Path WORDINGS = Path.of("src/main/resources/i18n");
	static final Path CODE = Path.of("src/main/java");

	/** A message expression with a literal key: {@code #{declaration.title}} or {@code #{declaration.paid(…)}}. */
	static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z][\\w.\\-]*)[}(]");

	/**
	 * A refusal's code as the code raises it: {@code Problem.invalidField("amount", "REQUIRED")}, …, or a value
	 * object's {@code new InvalidValue("USCC_FORMAT", …)}.
	 */
	static final Pattern PROBLEM_CODE = Pattern.compile("(?:Problem\\.(?:invalidField|conflict|notFound|forbidden)"
			+ "\\(\\s*(?:\"[^\"]*\"\\s*,\\s*)?|new InvalidValue\\()\"([A-Z][A-Z0-9_]+)\"");

	@Test
	void everyKeyAPageNamesIsWrittenInBothLanguages() throws IOException {
		Set<String> english = keys(false);
		Set<String> chinese = keys(true);
		List<String> missing = new ArrayList<>();
		try (Stream<Path> pages = Files.walk(TEMPLATES)) {
			for (Path page : pages.filter(p -> p.toString().endsWith(".html")).toList()) {
				Matcher key = LITERAL_KEY.matcher(Files.readString(page, StandardCharsets.UTF_8));
				while (key.find()) {
					if (!english.contains(key.group(1)) || !chinese.contains(key.group(1))) {
						missing.add(TEMPLATES.relativize(page) + ": " + key.group(1));
					}
				}
			}
		}
		assertThat(missing).as("keys pages name without a wording in English and Chinese").isEmpty();
	}

	@Test
	void bothLanguagesHaveTheSameKeys() throws IOException {
		Set<String> english = keys(false);
		Set<String> chinese = keys(true);
		Set<String> onlyEnglish = new TreeSet<>(english);
		onlyEnglish.removeAll(chinese);
		Set<String> onlyChinese = new TreeSet<>(chinese);
		onlyChinese.removeAll(english);
		assertThat(onlyEnglish).as("written in English only").isEmpty();
		assertThat(onlyChinese).as("written in Chinese only").isEmpty();
	}

	@Test
	void everyRefusalTheCodeRaisesIsWorded() throws IOException {
		Set<String> english = keys(false);
		Set<String> codes = new TreeSet<>();
		try (Stream<Path> sources = Files.walk(CODE)) {
			for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
				Matcher code = PROBLEM_CODE.matcher(Files.readString(source, StandardCharsets.UTF_8));
				while (code.find()) {
					codes.add(code.group(1));
				}
			}
		}
		assertThat(codes).as("the pattern still finds the refusals").hasSizeGreaterThan(100);
		assertThat(codes.stream().filter(c -> !english.contains("problem." + c)).toList())
			.as("refusals without a wording (problem.<CODE>)").isEmpty();
	}

	private static Set<String> keys(boolean chinese) throws IOException {
		Set<String> keys = new TreeSet<>();
		try (Stream<Path> files = Files.list(WORDINGS)) {
			for (Path file : files.filter(p -> p.toString().endsWith(".properties")).toList()) {
				if (file.getFileName().toString().endsWith("_zh_CN.properties") != chinese) {
					continue;
				}
				Properties read = new Properties();
				try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
					read.load(in);
				}
				keys.addAll(read.stringPropertyNames());
			}
		}
		return keys;
	}
}
