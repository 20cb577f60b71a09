package io.singlewindow.platform;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertyResolver;
import org.springframework.stereotype.Component;

/**
 * Whether this installation carries demo data (demo enterprises, accounts with the published password
 * {@code demo12345}, API keys {@code sw-demo-*}). {@code singlewindow.demo-data.enabled} ({@code SINGLEWINDOW_DEMO_DATA})
 * is {@code true}, {@code false} or {@code auto} (the default): auto means on with the embedded database, which only an
 * evaluation on one machine uses, and off as soon as {@code spring.datasource.url} points at a real database — so a
 * production install never gets well-known credentials by forgetting a flag.
 */
@Component
public class DemoData {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);
	static final String PROPERTY = "singlewindow.demo-data.enabled";

	private final boolean on;

	DemoData(Environment environment) {
		this.on = isOn(environment);
	}

	/** Whether demo data is created and the demo banner shown. */
	public boolean isOn() {
		return on;
	}

	@EventListener(ApplicationReadyEvent.class)
	void warnWhileOn() {
		if (on) {
			log.warn("event=demo_data_on message=\"demo accounts with published passwords and API keys exist; not for "
					+ "production\" switchOff=SINGLEWINDOW_DEMO_DATA=false");
		}
	}

	static boolean isOn(PropertyResolver properties) {
		String flag = properties.getProperty(PROPERTY, "auto").strip().toLowerCase(Locale.ROOT);
		return switch (flag) {
			case "true" -> true;
			case "false" -> false;
			case "auto", "" -> properties.getProperty("spring.datasource.url", "").isBlank();
			default -> throw new IllegalStateException(PROPERTY + " must be true, false or auto, not '" + flag + "'");
		};
	}
}
