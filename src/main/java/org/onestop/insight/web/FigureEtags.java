package org.onestop.insight.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * ETags on the public figures pages: a browser coming back within a refresh gets 304 and
 * no body. The ETag is the page's own bytes (they hold the visitor's CSRF token, so it
 * differs between visitors, which is right: the pages are never shared). Pages marked
 * no-store (the staff's) get none.
 */
@Configuration(proxyBeanMethods = false)
class FigureEtags {

	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> figurePageEtags() {
		ShallowEtagHeaderFilter filter = new ShallowEtagHeaderFilter();
		// Weak: Tomcat does not compress a response with a strong ETag (the compressed
		// bytes differ from the ones the ETag names).
		filter.setWriteWeakETag(true);
		FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns("/figures", "/figures/*");
		registration.setName("figurePageEtags");
		return registration;
	}

}
