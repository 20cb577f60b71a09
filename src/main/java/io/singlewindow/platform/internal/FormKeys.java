package io.singlewindow.platform.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Every form a page shows to be posted carries a key of its own, made when it is shown, in a hidden field
 * ({@link SentForms#KEY}), beside the CSRF token that Spring Security adds the same way: the template engine asks the
 * request data value processor for a form's extra hidden fields, and this one wraps Spring Security's. A form that is
 * fetched (GET) carries none: searching twice is harmless.
 */
class FormKeys implements RequestDataValueProcessor {

	/** Set while a form of method GET is rendered, between its action and its hidden fields. */
	private static final String FETCHED = FormKeys.class.getName() + ".fetched";

	private final RequestDataValueProcessor security;

	FormKeys(RequestDataValueProcessor security) {
		this.security = security;
	}

	@Configuration(proxyBeanMethods = false)
	static class Wrapping {

		/** Spring Security's processor is a bean of that name, which the view layer looks up by name. */
		@Bean
		static BeanPostProcessor formKeysAroundTheCsrfToken() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					return "requestDataValueProcessor".equals(name) && bean instanceof RequestDataValueProcessor security
							&& !(bean instanceof FormKeys) ? new FormKeys(security) : bean;
				}
			};
		}
	}

	@Override
	public String processAction(HttpServletRequest request, String action, String method) {
		if (method == null || !"post".equalsIgnoreCase(method.strip())) {
			request.setAttribute(FETCHED, Boolean.TRUE);
		}
		return security.processAction(request, action, method);
	}

	@Override
	public String processFormFieldValue(HttpServletRequest request, String name, String value, String type) {
		return security.processFormFieldValue(request, name, value, type);
	}

	@Override
	public Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
		Map<String, String> fields = new LinkedHashMap<>();
		Map<String, String> securitys = security.getExtraHiddenFields(request);
		if (securitys != null) {
			fields.putAll(securitys);
		}
		if (Boolean.TRUE.equals(request.getAttribute(FETCHED))) {
			request.removeAttribute(FETCHED);
		} else {
			fields.put(SentForms.KEY, UUID.randomUUID().toString());
		}
		return fields;
	}

	@Override
	public String processUrl(HttpServletRequest request, String url) {
		return security.processUrl(request, url);
	}
}
