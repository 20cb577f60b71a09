package io.singlewindow;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Where a MockMvc request comes from, as Tomcat reports the client's address behind the proxy. */
public final class ClientAddress {

	private ClientAddress() {
	}

	/** A request from {@code address}: the per-address limits (logins, API keys, registrations) count it there. */
	public static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}
}
