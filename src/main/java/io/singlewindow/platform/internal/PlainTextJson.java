package io.singlewindow.platform.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.singlewindow.core.FreeText;
import io.singlewindow.core.InvalidValue;
import io.singlewindow.core.IsoDay;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * No string of any API body may hold NUL, another control character (line breaks and tabs aside) or a lone
 * surrogate: PostgreSQL cannot store NUL in text, and none of them is anything a person types. Refusing them while
 * the body is read covers every endpoint at once and names the field ({@code CONTROL_CHARACTER}); the per-field
 * checks of {@link FreeText} add the lengths and the stricter one-line rule.
 * <p>
 * Nor may an object name a member twice: RFC 8259 leaves duplicate names to the reader, and readers differ (the first
 * wins, the last wins), so {@code {"currency":"USD","currency":"EUR"}} would be a declaration in whichever currency
 * this reader happened to keep. It is refused as malformed, naming the member ({@code DUPLICATE_MEMBER},
 * {@link ProblemResponses}).
 */
@Configuration(proxyBeanMethods = false)
class PlainTextJson {

	@Bean
	JsonMapperBuilderCustomizer oneValuePerName() {
		return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
	}

	@Bean
	JacksonModule plainTextStrings() {
		return new SimpleModule("plain-text-strings").addDeserializer(String.class, new PlainTextString())
			.addDeserializer(LocalDate.class, new WrittenDay());
	}

	/**
	 * A day only as the string {@code yyyy-MM-dd} of a year 0001–9999 ({@link IsoDay}): not the number of days since
	 * 1970 Jackson would otherwise take (2147483647 is a day of the year 5,881,580, which PostgreSQL cannot store — a
	 * letter of guarantee's last day sent so was a 500), not an array, not a year of more digits. Refused at the field
	 * as {@code DATE_FORMAT}.
	 */
	static final class WrittenDay extends ValueDeserializer<LocalDate> {

		@Override
		public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				throw new InvalidValue("DATE_FORMAT", parser.getString());
			}
			String text = parser.getString();
			try {
				return IsoDay.parse(text.strip());
			} catch (DateTimeParseException e) {
				throw new InvalidValue("DATE_FORMAT", text);
			}
		}
	}

	static final class PlainTextString extends ValueDeserializer<String> {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String value = StringDeserializer.instance.deserialize(parser, context);
			int at = value == null ? 0 : FreeText.forbiddenCharacterAt(value);
			if (at > 0) {
				throw new InvalidValue("CONTROL_CHARACTER", at);
			}
			return value;
		}
	}
}
