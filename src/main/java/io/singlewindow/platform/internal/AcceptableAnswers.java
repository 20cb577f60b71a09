package io.singlewindow.platform.internal;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a write the caller could not read the answer of <em>before</em> it is done. Spring MVC matches a request's
 * {@code Accept} against what a handler produces only when its mapping declares {@code produces}; otherwise it runs
 * the handler and fails when it writes the answer. So {@code POST /api/v1/declarations} with
 * {@code Accept: application/xml} stored the declaration and answered 406 (found by the fuzz suite's walk of hostile
 * headers): the client, told it failed, would send it again. Here a write whose answer type the request does not
 * accept — judged by the converters that can write its return type, as Spring would judge it afterwards — is refused
 * 406 {@code NOT_ACCEPTABLE} before its handler runs. Reads change nothing and are left to Spring.
 */
@Configuration(proxyBeanMethods = false)
class AcceptableAnswers implements WebMvcConfigurer, HandlerInterceptor {

	private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final ObjectProvider<RequestMappingHandlerAdapter> adapter;

	/** What each write handler can answer in, worked out once: a handler and the converters do not change. */
	private final Map<Method, List<MediaType>> producibleByHandler = new ConcurrentHashMap<>();

	AcceptableAnswers(ObjectProvider<RequestMappingHandlerAdapter> adapter) {
		this.adapter = adapter;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/api/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws HttpMediaTypeNotAcceptableException {
		if (READS.contains(request.getMethod()) || !(handler instanceof HandlerMethod method)
				|| request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE) != null) {
			return true; // a read, or a mapping that declares what it produces: Spring checked the Accept already
		}
		List<MediaType> producible = producibleByHandler.computeIfAbsent(method.getMethod(), m -> producibleBy(method));
		String accept = request.getHeader("Accept");
		if (producible.isEmpty() || accept == null) {
			return true; // no answer to write, or any answer accepted
		}
		List<MediaType> accepted;
		try {
			accepted = MediaType.parseMediaTypes(accept);
		} catch (RuntimeException unreadable) {
			throw new HttpMediaTypeNotAcceptableException("unreadable Accept header");
		}
		if (accepted.isEmpty() || producible.stream().anyMatch(p -> accepted.stream().anyMatch(p::isCompatibleWith))) {
			return true;
		}
		throw new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON));
	}

	/** The types the converters can write the handler's answer in; none when it answers no body. */
	private List<MediaType> producibleBy(HandlerMethod method) {
		Class<?> answer = answerType(method);
		if (answer == null) {
			return List.of();
		}
		List<MediaType> types = new ArrayList<>();
		for (HttpMessageConverter<?> converter : adapter.getObject().getMessageConverters()) {
			if (converter.canWrite(answer, null)) {
				types.addAll(converter.getSupportedMediaTypes(answer));
			}
		}
		return List.copyOf(types);
	}

	/**
	 * The class of the body the handler answers with ({@code Object} for {@code ResponseEntity<?>}, which the converters
	 * that write any object, JSON's, answer), or {@literal null} when it answers none.
	 */
	private static Class<?> answerType(HandlerMethod method) {
		ResolvableType type = ResolvableType.forMethodReturnType(method.getMethod());
		if (HttpEntity.class.isAssignableFrom(type.toClass())) {
			type = type.as(HttpEntity.class).getGeneric(0);
		}
		Class<?> answer = type.resolve(Object.class);
		return answer == Void.class || answer == void.class ? null : answer;
	}
}
