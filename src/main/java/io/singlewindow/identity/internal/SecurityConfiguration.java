package io.singlewindow.identity.internal;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import io.singlewindow.core.PublicPath;

/**
 * Two ways in. The web UI: form login, a session kept in PostgreSQL, CSRF protection on every form and htmx call.
 * The REST API ({@code /api/**}): stateless, one API key per call as a bearer token, no session and therefore no
 * CSRF token (a bearer header is never sent by a browser on its own). Paths that modules declare as
 * {@link PublicPath}s are open to anyone.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	private static final String[] ALWAYS_PUBLIC = { "/", "/login", "/setup", "/error", "/css/**", "/js/**", "/img/**",
			"/webjars/**", "/favicon*.ico", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui/**", "/swagger-ui.html",
			"/actuator/health/**", "/actuator/info", "/actuator/prometheus" };

	/** bcrypt, behind a delegating encoder so that the hash format can move on without a flag day. */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * Spring Security's strict firewall, also refusing a NUL in any parameter's value (by default it checks their names
	 * only). PostgreSQL keeps no NUL in text, so a search, filter or form field holding one failed in the database with
	 * a 500 (found by {@code HostileQueriesIntegrationTests}: the release list, the enterprises, the tariff, the audit
	 * trail, the public check of a declaration); no one types a NUL, so it is a malformed request wherever it comes.
	 * Line breaks and tabs stay allowed: text areas have them.
	 */
	@Bean
	HttpFirewall firewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		// Asked for a parameter the request lacks too (null): absent is allowed.
		firewall.setAllowedParameterValues(value -> value == null || value.indexOf('\u0000') < 0);
		return firewall;
	}

	/**
	 * No Spring Security observations at all: {@code management.observations.enable.spring.security=false} only
	 * drops them after each filter of the chain has been wrapped and each observation created, which still cost CPU
	 * on every call (issue 16). The request's own observation (http.server.requests) stays.
	 */
	@Bean
	SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	@Order(1)
	@ConditionalOnWebApplication
	SecurityFilterChain api(HttpSecurity http, ApiKeys keys, ProblemWriter problems,
			AttemptThrottle throttle, SecurityEvents events, SecuritySettings settings, List<PublicPath> publicPaths,
			AccountAdministration administration) throws Exception {
		http.securityMatcher("/api/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.addFilterBefore(new ApiKeyAuthenticationFilter(keys, problems, throttle, events, settings), AnonymousAuthenticationFilter.class)
			.addFilterAfter(new FirstPasswordGate(administration, problems), ApiKeyAuthenticationFilter.class)
			.exceptionHandling(e -> e
				.authenticationEntryPoint((req, res, ex) -> problems.write(req, res, 401, "UNAUTHENTICATED"))
				.accessDeniedHandler((req, res, ex) -> problems.write(req, res, 403, "FORBIDDEN")))
			.authorizeHttpRequests(auth -> {
				publicPaths.forEach(p -> auth.requestMatchers(p.pattern()).permitAll());
				auth.anyRequest().authenticated();
			});
		return http.build();
	}

	/**
	 * Behind an HTTPS reverse proxy ({@code server.forward-headers-strategy=native} reads {@code X-Forwarded-Proto}
	 * and {@code X-Forwarded-For}), requests count as secure: Spring Session marks its cookie {@code Secure} and
	 * {@code Strict-Transport-Security} is sent; a paused login goes back to the form with the seconds to wait.
	 */
	@Bean
	@Order(2)
	@ConditionalOnWebApplication
	SecurityFilterChain web(HttpSecurity http, List<PublicPath> publicPaths, ApplicationContext context,
			AccountAdministration administration, ProblemWriter problems, SecondFactors secondFactors) throws Exception {
		http.authorizeHttpRequests(auth -> {
			auth.requestMatchers(ALWAYS_PUBLIC).permitAll();
			publicPaths.forEach(p -> auth.requestMatchers(p.pattern()).permitAll());
			auth.requestMatchers("/admin/**").hasRole("ADMIN");
			auth.requestMatchers("/actuator/**").hasRole("ADMIN");
			auth.anyRequest().authenticated();
		})
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).permitAll()
				.authenticationDetailsSource(LoginDetails::new)
				.failureHandler((request, response, failure) -> response.sendRedirect(request.getContextPath()
						+ (failure instanceof LoginPaused paused ? "/login?paused=" + paused.secondsLeft()
								: "/login?error"))))
			.exceptionHandling(e -> e.authenticationEntryPoint(new LoginOrNotFound(context)))
			.addFilterAfter(new FirstPasswordGate(administration, problems), AnonymousAuthenticationFilter.class)
			.addFilterAfter(new SecondFactorGate(secondFactors), FirstPasswordGate.class)
			// A visitor who has not logged in writes nothing: until there is a session the CSRF token of a page's
			// forms travels in a cookie of its own (SessionBoundCsrfTokens), and no address is kept for after the
			// login, which always lands on the home page. Either used to start a web session, a row in
			// spring_session for 8 h per anonymous page view.
			.csrf(csrf -> csrf.csrfTokenRepository(new SessionBoundCsrfTokens()))
			.requestCache(cache -> cache.disable())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
			.headers(h -> h.httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true))
				.contentSecurityPolicy(csp -> csp.policyDirectives(
					"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'")));
		return http.build();
	}
}
