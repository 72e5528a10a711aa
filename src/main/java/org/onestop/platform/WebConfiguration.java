package org.onestop.platform;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Languages for pages and API, the {@code ?lang=en} switch on every page, the limits on
 * event streams, and the controller parameters every module shares ({@link PageNumber}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	/**
	 * Served by the resource chain, outside the security filters (SecurityConfiguration).
	 */
	static final String[] STATIC_FILES = { "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/favicon-*.ico" };

	private final EventStreams streams;

	private final Assets assets;

	WebConfiguration(EventStreams streams, Assets assets) {
		this.streams = streams;
		this.assets = assets;
	}

	@Bean
	LocaleResolver localeResolver() {
		return new Languages();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor languageSwitch = new LocaleChangeInterceptor();
		languageSwitch.setParamName("lang");
		languageSwitch.setIgnoreInvalidLocale(true);
		registry.addInterceptor(languageSwitch).excludePathPatterns("/api/**").excludePathPatterns(STATIC_FILES);
		registry.addInterceptor(streams).excludePathPatterns(STATIC_FILES);
		registry.addInterceptor(new AssetCaching(assets)).addPathPatterns(STATIC_FILES);
	}

	/**
	 * The static files, mapped here rather than by Spring Boot's catch-all {@code /**}
	 * (spring.web.resources.add-mappings=false) so that they can be looked up ahead of
	 * the controllers: behind them, Spring MVC tried every controller's pattern on each
	 * file request (none matches a file), once for Spring Security's handler cache and
	 * once in the dispatcher, which was 85 % of a style sheet's CPU (issue 18). Each URL
	 * a page links carries a digest of the content (Assets); style sheets' own url()s are
	 * rewritten the same way (the chain adds that transformer with a version resolver);
	 * and every file is kept in memory once read ({@link FilesInMemory}).
	 */
	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.setOrder(Ordered.HIGHEST_PRECEDENCE);
		files(registry, "/css/**", "classpath:/static/css/");
		files(registry, "/js/**", "classpath:/static/js/");
		// Matches favicon.ico and its hashed name (favicon-<md5>.ico) both.
		files(registry, "/favicon*.ico", "classpath:/static/");
		files(registry, "/webjars/**", "classpath:/META-INF/resources/webjars/");
	}

	private static void files(ResourceHandlerRegistry registry, String pattern, String location) {
		registry.addResourceHandler(pattern)
			.addResourceLocations(location)
			.resourceChain(true)
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"))
			.addTransformer(new FilesInMemory());
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new PageNumber.Resolver());
	}

}
