package io.singlewindow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import io.singlewindow.platform.ApiContract;
import io.singlewindow.platform.MockRequestsInEnglish;
import io.singlewindow.platform.TestClock;
import io.singlewindow.platform.ThrowAwayDatabase;

/**
 * The whole platform on the embedded PostgreSQL 17, with demo data, reachable through MockMvc. Every integration test
 * uses exactly this configuration so that Spring caches one context (and one database) for the whole suite; tests
 * therefore create their own data and never assume an empty database. The clock is a {@link TestClock}: a test that
 * depends on the date pins it and releases it afterwards. Every {@code /api/} answer a test receives through MockMvc
 * is checked against the OpenAPI document ({@link ApiContract}), and asks for English unless it says otherwise
 * ({@link MockRequestsInEnglish}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ TestClock.Configuration.class, ThrowAwayDatabase.class, ApiContract.Configuration.class,
		MockRequestsInEnglish.class })
public @interface SingleWindowIntegrationTest {
}
