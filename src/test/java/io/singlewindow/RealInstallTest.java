package io.singlewindow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The platform as a zone installs it for real: an external PostgreSQL ({@link ExternalDatabase}) and no
 * {@code SINGLEWINDOW_DEMO_DATA} flag — so no demo data — with the brute-force protection at its shipped thresholds
 * (the shared suite raises the per-address ones, since all its tests come from one loopback address). The first
 * pause is long enough that a slow build machine cannot outrun it. One cached context for every test using it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"singlewindow.security.free-failures-per-address=20",
		"singlewindow.security.free-api-key-failures-per-address=10",
		"singlewindow.security.first-pause=30s",
		"SINGLEWINDOW_ADMIN_PASSWORD=harbour-crane-at-dawn" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ContextConfiguration(initializers = ExternalDatabase.class)
public @interface RealInstallTest {
}
