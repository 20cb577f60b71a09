package io.singlewindow.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which of its two languages the platform answers an {@code Accept-Language} in (RFC 9110 §12.5.4): the first it
 * speaks among those the header accepts, by their qualities; a language refused with {@code q=0} is not accepted;
 * a header that cannot be read, or that accepts neither, is answered in the zone's working language — unless it
 * refuses Chinese and not English.
 */
class PageLanguagesUnitTests {

	@ParameterizedTest(name = "[{0}] -> {1}")
	@CsvSource(delimiter = '|', nullValues = "NULL", value = {
			"NULL                        | zh_CN",
			"''                          | zh_CN",
			"en                          | en",
			"EN-gb                       | en",
			"en-US,en;q=0.9              | en",
			"zh-CN                       | zh_CN",
			"zh-TW                       | zh_CN",
			"zh-Hans-CN                  | zh_CN",
			"fr                          | zh_CN",
			"fr, en;q=0.5                | en",
			"fr, *;q=0.1, en;q=0.05      | zh_CN",
			"zh-CN;q=0.5, en;q=0.9       | en",
			"en;q=0.9, zh-CN;q=0.9       | en",
			"en;q=0                      | zh_CN",
			"zh-CN, en;q=0               | zh_CN",
			"zh-CN;q=0                   | en",
			"zh;q=0, en;q=0              | zh_CN",
			"zh;q=0, *                   | en",
			"*;q=0.5, zh-CN;q=0          | en",
			"en;q=0, *                   | zh_CN",
			"zh-CN;q=abc                 | zh_CN",
			"zh-CN;q=2                   | zh_CN",
			"';;;'                       | zh_CN",
			"en;q=0.5;q=0.7              | zh_CN",
	})
	void theLanguageOfAnAnswerIsTheFirstOfTheTwoTheHeaderAccepts(String header, String expected) {
		assertThat(PageLanguages.accepted(header)).isEqualTo(Locale.forLanguageTag(expected.replace('_', '-')));
	}
}
