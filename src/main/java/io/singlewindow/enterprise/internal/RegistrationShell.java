package io.singlewindow.enterprise.internal;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.singlewindow.core.NavigationItem;
import io.singlewindow.core.PublicPath;

/**
 * What registration opens to anonymous visitors — applying, verifying a licence, the catalogue — and its menu entries.
 * Licence pages are reachable without login at the filter level because the applicant sees the new licence before
 * logging in; {@link RegistrationPages} decides who may see which licence.
 */
@Configuration(proxyBeanMethods = false)
class RegistrationShell {

	@Bean
	PublicPath registerPage() {
		return new PublicPath("/register");
	}

	@Bean
	PublicPath registerApi() {
		return new PublicPath("/api/v1/enterprises");
	}

	@Bean
	PublicPath activityCatalogueApi() {
		return new PublicPath("/api/v1/business-activities");
	}

	@Bean
	PublicPath verifyPages() {
		return new PublicPath("/verify/**");
	}

	@Bean
	PublicPath verifyPage() {
		return new PublicPath("/verify");
	}

	@Bean
	PublicPath verifyApi() {
		return new PublicPath("/api/v1/licences/**");
	}

	@Bean
	PublicPath licencePages() {
		return new PublicPath("/licences/**");
	}

	/** The print view's stylesheet and script. */
	@Bean
	PublicPath staticResources() {
		return new PublicPath("/enterprise/**");
	}

	@Bean
	NavigationItem registerNavigation() {
		return new NavigationItem("nav.enterprise.register", "/register", Set.of("ANONYMOUS"), 10);
	}

	@Bean
	NavigationItem myLicenceNavigation() {
		return new NavigationItem("nav.enterprise.myLicence", "/licences/mine", Set.of("TRADER", "BROKER"), 10);
	}

	@Bean
	NavigationItem registrationsNavigation() {
		return new NavigationItem("nav.enterprise.registrations", "/enterprises", Set.of("OFFICER", "ADMIN"), 10);
	}

	@Bean
	NavigationItem verifyNavigation() {
		return new NavigationItem("nav.enterprise.verify", "/verify", Set.of(), 800);
	}
}
