package io.singlewindow.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockMultipartHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What makes two presses of a form "the same form sent again": the same person, the same address, the same fields
 * and the same files. The key and the CSRF token are no content.
 */
class SentFormsUnitTests {

	private static final byte[] KEY = "thirty-two bytes of a test key!!".getBytes(StandardCharsets.US_ASCII);

	@AfterEach
	void nobodyLoggedIn() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void theSameFieldsByTheSamePersonAreTheSameContentWhateverTheirOrderTokenOrKey() throws Exception {
		String first = content("broker", "/agency-agreements", r -> {
			r.addParameter("principal", "91350200MA31C0017J");
			r.addParameter("goods", "processors");
			r.addParameter("_csrf", "one");
			r.addParameter("formKey", "b1d0c3f6-8b4e-4a57-9a0e-3f7a5f1d2c11");
		});
		String again = content("broker", "/agency-agreements", r -> {
			r.addParameter("goods", "processors");
			r.addParameter("formKey", "0f0e0d0c-0b0a-4909-8807-060504030201");
			r.addParameter("principal", "91350200MA31C0017J");
			r.addParameter("_csrf", "two");
		});
		assertThat(again).isEqualTo(first);
	}

	@Test
	void anotherPersonAnotherAddressOrAnotherValueIsAnotherContent() throws Exception {
		String first = content("broker", "/agency-agreements", r -> r.addParameter("goods", "processors"));
		assertThat(content("trader.chip", "/agency-agreements", r -> r.addParameter("goods", "processors")))
			.isNotEqualTo(first);
		assertThat(content("broker", "/agency-agreements/x/withdraw", r -> r.addParameter("goods", "processors")))
			.isNotEqualTo(first);
		assertThat(content("broker", "/agency-agreements", r -> r.addParameter("goods", "processor")))
			.isNotEqualTo(first);
		assertThat(content("broker", "/agency-agreements", r -> r.addParameter("goods", "processors", "")))
			.as("a field sent twice").isNotEqualTo(first);
		assertThat(content("broker", "/agency-agreements", r -> {
			r.addParameter("good", "sprocessors");
		})).as("names and values do not run together").isNotEqualTo(first);
	}

	@Test
	void anotherFileIsAnotherContent() throws Exception {
		String packingList = attached("list.pdf", "packing list, 3 cartons");
		assertThat(attached("list.pdf", "packing list, 3 cartons")).isEqualTo(packingList);
		assertThat(attached("list.pdf", "packing list, 4 cartons")).isNotEqualTo(packingList);
		assertThat(attached("other.pdf", "packing list, 3 cartons")).isNotEqualTo(packingList);
	}

	@Test
	void theContentIsKeyedSoThatNobodyWithoutTheKeyCanTestAPasswordAgainstIt() throws Exception {
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("trader.chip", null, "ROLE_X"));
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/account/password");
		request.addParameter("password", "lantern-quietly-47");
		String keyed = SentForms.contentOf(request, KEY).orElseThrow();
		assertThat(SentForms.contentOf(request, "another key of thirty-two bytes!".getBytes(StandardCharsets.US_ASCII)))
			.get().isNotEqualTo(keyed);
	}

	@Test
	void nobodyToNameNoContent() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/register");
		assertThat(SentForms.contentOf(request, KEY)).as("neither logged in nor a session nor a token").isEmpty();
		request.addParameter("_csrf", "visitor-token");
		String visitor = SentForms.contentOf(request, KEY).orElseThrow();
		MockHttpServletRequest another = new MockHttpServletRequest("POST", "/register");
		another.addParameter("_csrf", "another-token");
		assertThat(SentForms.contentOf(another, KEY)).as("another visitor's form").isNotEqualTo(Optional.of(visitor));
		request.getSession(true);
		assertThat(SentForms.contentOf(request, KEY)).as("a session before the login").isPresent()
			.isNotEqualTo(Optional.of(visitor));
	}

	private static String content(String user, String address, Consumer<MockHttpServletRequest> form)
			throws Exception {
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(user, null, "ROLE_X"));
		MockHttpServletRequest request = new MockHttpServletRequest("POST", address);
		form.accept(request);
		Optional<String> content = SentForms.contentOf(request, KEY);
		assertThat(content).isPresent();
		return content.get();
	}

	private static String attached(String name, String text) throws Exception {
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("trader.chip", null, "ROLE_X"));
		MockMultipartHttpServletRequest request = new MockMultipartHttpServletRequest();
		request.setRequestURI("/declarations/d/documents");
		request.addParameter("kind", "PACKING_LIST");
		request.addFile(new MockMultipartFile("file", name, "application/pdf", text.getBytes(StandardCharsets.UTF_8)));
		return SentForms.contentOf(request, KEY).orElseThrow();
	}
}
