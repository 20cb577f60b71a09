package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * What software saves for later is what the page's form keeps, field for field: a form with every field of the header
 * and of two lines reads into the API's content and back unchanged — a field the form gains later and the content
 * does not carry fails here rather than being dropped from every save through the API.
 */
class UnsentContentUnitTests {

	@Test
	void everyFieldOfTheFormIsCarriedToTheApiAndBack() {
		Map<String, String> form = new LinkedHashMap<>();
		DeclarationForm.HEADER_FIELDS.forEach(field -> form.put(field, "header " + field));
		for (int row = 0; row < 2; row++) {
			for (String field : DeclarationForm.ITEM_FIELDS) {
				form.put(DeclarationForm.itemField(row, field), "line " + row + " " + field);
			}
		}
		UnsentContent content = UnsentContent.of(form, 4);
		assertThat(content.version()).isEqualTo(4);
		assertThat(content.items()).hasSize(2);
		assertThat(content.fields()).isEqualTo(form);
	}

	@Test
	void aFormWithABlankFirstLineKeepsItsSecondInItsRow() {
		Map<String, String> form = Map.of("port", "CNXMN", DeclarationForm.itemField(1, "hsCode"), "8542319000");
		UnsentContent content = UnsentContent.of(form, 1);
		assertThat(content.items()).hasSize(2);
		assertThat(content.items().getFirst().hsCode()).isNull();
		assertThat(content.fields()).isEqualTo(form);
	}
}
