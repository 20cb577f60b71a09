package io.singlewindow.declaration.internal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where webhooks may send events.
 *
 * @param allowHttp accept {@code http} URLs as well as {@code https}; for development only
 * @param allowedHosts hosts (as written in the URL, e.g. {@code hooks.internal.example} or {@code 10.1.2.3}) an
 *     administrator allows even though they resolve to a loopback, private or link-local address
 */
@ConfigurationProperties("singlewindow.webhooks")
record WebhookProperties(@DefaultValue("false") boolean allowHttp, @DefaultValue List<String> allowedHosts) {
}
