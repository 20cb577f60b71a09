package io.singlewindow.declaration.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.singlewindow.core.InputLimits;
import io.singlewindow.core.Problem;

/**
 * The policy against server-side request forgery: a webhook may only make the platform call a public address over
 * https. Checked when a webhook is registered and again before every delivery, after resolving the host, and the
 * delivery then connects to exactly the address checked, so a DNS answer that changes in between (rebinding) cannot
 * point it inwards. Refused: loopback, unspecified, link-local, private (RFC 1918, unique-local IPv6), shared
 * (100.64/10), multicast, broadcast, documentation and reserved ranges, and IPv6 forms embedding such an IPv4
 * address (mapped, compatible, 6to4, NAT64). Hosts an administrator allow-lists
 * ({@code singlewindow.webhooks.allowed-hosts}) are exempt; {@code http} needs {@code singlewindow.webhooks.allow-http}.
 */
@Component
class WebhookTargets {

	/** Resolves a host to all its addresses; the system resolver in production. */
	@FunctionalInterface
	interface Resolver {
		InetAddress[] resolve(String host) throws UnknownHostException;
	}

	/** A target the policy refuses, with the stable code of the reason. */
	static final class Refused extends Exception {

		private final String code;

		Refused(String code, String url) {
			super(code + ": " + url);
			this.code = code;
		}

		String code() {
			return code;
		}
	}

	/** The address a delivery connects to, checked. */
	record Target(URI uri, InetAddress address, int port) {
	}

	private final boolean allowHttp;
	private final Set<String> allowedHosts;
	private final Resolver resolver;

	@Autowired
	WebhookTargets(WebhookProperties properties) {
		this(properties, InetAddress::getAllByName);
	}

	WebhookTargets(WebhookProperties properties, Resolver resolver) {
		this.allowHttp = properties.allowHttp();
		this.allowedHosts = properties.allowedHosts().stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
		this.resolver = resolver;
	}

	/**
	 * Checks a URL at registration.
	 *
	 * @return the URL as it will be stored
	 * @throws Problem 422 on field {@code url}: {@code WEBHOOK_URL_INVALID}, {@code WEBHOOK_URL_NOT_HTTPS},
	 *     {@code WEBHOOK_ADDRESS_AMBIGUOUS}, {@code WEBHOOK_HOST_UNKNOWN}, {@code WEBHOOK_ADDRESS_NOT_PUBLIC}
	 */
	URI accept(String raw) {
		try {
			return target(raw).uri();
		} catch (Refused refused) {
			throw Problem.invalidField("url", refused.code(), raw);
		}
	}

	/**
	 * Resolves a stored URL before a delivery.
	 *
	 * @return the first address of the host that passes the policy (all must, unless allow-listed)
	 */
	Target target(String raw) throws Refused {
		URI uri = parse(raw);
		String host = hostOf(uri);
		if (ambiguousAddress(host)) {
			throw new Refused("WEBHOOK_ADDRESS_AMBIGUOUS", raw);
		}
		InetAddress[] addresses;
		try {
			addresses = resolver.resolve(host);
		} catch (UnknownHostException | SecurityException e) {
			throw new Refused("WEBHOOK_HOST_UNKNOWN", raw);
		}
		if (addresses.length == 0) {
			throw new Refused("WEBHOOK_HOST_UNKNOWN", raw);
		}
		if (!allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
			// One inward address is enough to refuse: which one a client picks is not ours to predict.
			for (InetAddress address : addresses) {
				if (!isPublic(address)) {
					throw new Refused("WEBHOOK_ADDRESS_NOT_PUBLIC", raw);
				}
			}
		}
		int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
		return new Target(uri, addresses[0], port);
	}

	private URI parse(String raw) throws Refused {
		if (raw == null || raw.isBlank() || raw.length() > InputLimits.URL) {
			throw new Refused("WEBHOOK_URL_INVALID", raw);
		}
		URI uri;
		try {
			uri = new URI(raw.strip());
		} catch (URISyntaxException e) {
			throw new Refused("WEBHOOK_URL_INVALID", raw);
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null
				|| !scheme.equals("https") && !scheme.equals("http")) {
			throw new Refused("WEBHOOK_URL_INVALID", raw);
		}
		if (scheme.equals("http") && !allowHttp) {
			throw new Refused("WEBHOOK_URL_NOT_HTTPS", raw);
		}
		return uri;
	}

	static String hostOf(URI uri) {
		String host = uri.getHost();
		return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
	}

	/** A label of a host written as a number: decimal (octal with a leading zero, to some) or hexadecimal. */
	private static final Pattern NUMBER = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");

	/** An IPv4 address as four decimal numbers 0-255, none with a leading zero: the one spelling all programs share. */
	private static final Pattern DOTTED_QUAD;

	static {
		String octet = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
		DOTTED_QUAD = Pattern.compile(octet + "(?:\\." + octet + "){3}");
	}

	/**
	 * Whether a host is an IPv4 address spelled other than as four plain decimal numbers ({@code 0177.0.0.1},
	 * {@code 2130706433}, {@code 0x7f000001}). Programs read those differently — the JDK takes {@code 0177.0.0.1} for
	 * 177.0.0.1, curl, browsers and the C library for 127.0.0.1 — so the address checked here need not be the one an
	 * administrator reading the URL, a proxy or another client would go to. IPv6 literals are bracketed and unambiguous.
	 */
	static boolean ambiguousAddress(String host) {
		if (host.contains(":") || DOTTED_QUAD.matcher(host).matches()) {
			return false;
		}
		for (String label : host.split("\\.", -1)) {
			if (!NUMBER.matcher(label).matches()) {
				return false;
			}
		}
		return true;
	}

	/** Whether an address is on the public internet, the only place a webhook may lead. */
	static boolean isPublic(InetAddress address) {
		if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return false;
		}
		byte[] b = address.getAddress();
		if (address instanceof Inet4Address) {
			return isPublicIpv4(b);
		}
		if (address instanceof Inet6Address) {
			int first = b[0] & 0xff;
			if ((first & 0xfe) == 0xfc) {
				return false; // unique local fc00::/7
			}
			if (isZero(b, 0, 10) && ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff || isZero(b, 10, 12))) {
				// IPv4-mapped ::ffff:a.b.c.d and IPv4-compatible ::a.b.c.d (also :: and ::1 written this way)
				return isPublicIpv4(slice(b, 12));
			}
			if (first == 0x20 && (b[1] & 0xff) == 0x02) {
				return isPublicIpv4(slice(b, 2)); // 6to4 2002:a.b.c.d::/48
			}
			if (first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
				return isPublicIpv4(slice(b, 12)); // NAT64 64:ff9b::/96
			}
			if (first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
				return false; // documentation 2001:db8::/32
			}
			if (first == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0 && b[3] == 0) {
				return false; // Teredo 2001::/32 tunnels to anywhere
			}
			return (first & 0xe0) == 0x20; // global unicast is 2000::/3
		}
		return false;
	}

	private static boolean isPublicIpv4(byte[] b) {
		int a0 = b[0] & 0xff;
		int a1 = b[1] & 0xff;
		int a2 = b[2] & 0xff;
		return !(a0 == 0 // "this network", 0.0.0.0
				|| a0 == 10 || a0 == 127 // private, loopback
				|| a0 == 100 && a1 >= 64 && a1 <= 127 // shared address space (carrier-grade NAT)
				|| a0 == 169 && a1 == 254 // link-local, cloud metadata services
				|| a0 == 172 && a1 >= 16 && a1 <= 31 || a0 == 192 && a1 == 168 // private
				|| a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2) // IETF protocol assignments, documentation
				|| a0 == 198 && (a1 == 18 || a1 == 19) // benchmarking
				|| a0 == 198 && a1 == 51 && a2 == 100 || a0 == 203 && a1 == 0 && a2 == 113 // documentation
				|| a0 >= 224); // multicast, reserved, broadcast
	}

	private static boolean isZero(byte[] b, int from, int to) {
		for (int i = from; i < to; i++) {
			if (b[i] != 0) {
				return false;
			}
		}
		return true;
	}

	private static byte[] slice(byte[] b, int from) {
		return new byte[] { b[from], b[from + 1], b[from + 2], b[from + 3] };
	}
}
