package io.singlewindow.platform.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

import io.singlewindow.platform.SealedSecrets;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;

/**
 * An HMAC-SHA256 of what a request sent, so that the same request sent again is known as such ({@link SentForms},
 * {@link IdempotentRequests}): each field as its name's and value's lengths and characters, so that no two requests
 * run together into one, its parameters in name order, its files' names and bytes. Keyed, because a form may hold a
 * password: a plain hash of it in the database would be a verifier anyone who reads the table could test guesses
 * against, where the platform keeps passwords only as bcrypt hashes.
 */
final class ContentDigest {

	private final Mac digest;

	/** @param key the key of these digests, the same on every node ({@link SealedSecrets#derivedKey}) */
	ContentDigest(byte[] key) {
		try {
			digest = Mac.getInstance("HmacSHA256");
			digest.init(new SecretKeySpec(key, "HmacSHA256"));
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("every Java has HmacSHA256", e);
		}
	}

	ContentDigest field(String name, String value) {
		for (String text : new String[] { name, value == null ? "" : value }) {
			bytes(text.getBytes(StandardCharsets.UTF_8));
		}
		return this;
	}

	ContentDigest bytes(byte[] bytes) {
		digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
		digest.update((byte) ':');
		digest.update(bytes);
		return this;
	}

	/** Every parameter, in name order, but those named {@code notContent}. */
	ContentDigest parameters(HttpServletRequest request, List<String> notContent) {
		new TreeMap<>(request.getParameterMap()).forEach((name, values) -> {
			if (!notContent.contains(name)) {
				for (String value : values) {
					field(name, value);
				}
			}
		});
		return this;
	}

	/**
	 * Every file of a multipart request: parsed by Spring already (MockMvc) or by the container, whose parts the
	 * handler reads again later.
	 */
	ContentDigest files(HttpServletRequest request) throws IOException, ServletException {
		MultipartHttpServletRequest resolved = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
		if (resolved != null) {
			for (Map.Entry<String, List<MultipartFile>> files : new TreeMap<>(resolved.getMultiFileMap()).entrySet()) {
				for (MultipartFile file : files.getValue()) {
					field(files.getKey(), String.valueOf(file.getOriginalFilename()));
					try (InputStream bytes = file.getInputStream()) {
						stream(bytes);
					}
				}
			}
		} else if (request.getContentType() != null
				&& request.getContentType().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
			for (Part part : request.getParts()) {
				if (part.getSubmittedFileName() != null) {
					field(part.getName(), part.getSubmittedFileName());
					try (InputStream bytes = part.getInputStream()) {
						stream(bytes);
					}
				}
			}
		}
		return this;
	}

	private void stream(InputStream bytes) throws IOException {
		byte[] buffer = new byte[8192];
		long length = 0;
		for (int read; (read = bytes.read(buffer)) != -1; length += read) {
			digest.update(buffer, 0, read);
		}
		digest.update(Long.toString(length).getBytes(StandardCharsets.US_ASCII));
	}

	String hex() {
		return HexFormat.of().formatHex(digest.doFinal());
	}
}
