package org.onestop.platform;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

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

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new PageNumber.Resolver());
	}

}
