package org.onestop.identity.signin;

import java.util.Set;

import jakarta.servlet.DispatcherType;

import org.onestop.identity.mandate.Acting;
import org.onestop.identity.mandate.OnBehalfFilter;
import org.onestop.platform.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Two doors: the API under {@code /api/**} (stateless, bearer tokens, problem details)
 * and the pages (form sign-in, database-backed session, CSRF). These rules decide the
 * coarse role a path needs; services check the specific resource (ownership, department),
 * and an endpoint declares a role only where its rule is coarser.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/**
	 * Path patterns for every rule below, as Spring MVC's own parser reads them: without
	 * this bean each rule is an MvcRequestMatcher, which asks the handler mappings about
	 * every request (the floor's profile, issue 18).
	 */
	@Bean
	static PathPatternRequestMatcherBuilderFactoryBean requestMatcherBuilder() {
		return new PathPatternRequestMatcherBuilderFactoryBean();
	}

	/**
	 * Static files pass no security filter: they are the same for everyone, need no
	 * session, CSRF token or sign-in, and each page pulls several of them. Their own
	 * headers (a year's caching for content-hashed URLs, nosniff) come from the
	 * platform's AssetCaching.
	 */
	@Bean
	@Order(-1)
	SecurityFilterChain staticFiles() {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		return new DefaultSecurityFilterChain(
				new OrRequestMatcher(paths.matcher(HttpMethod.GET, "/css/**"), paths.matcher(HttpMethod.GET, "/js/**"),
						paths.matcher(HttpMethod.GET, "/webjars/**"), paths.matcher(HttpMethod.GET, "/favicon.ico"),
						// The icon's content-hashed URL sits at the root too.
						paths.matcher(HttpMethod.GET, "/favicon-*.ico")));
	}

	/**
	 * No security observations at all, not even disabled ones: with an observation
	 * registry Spring Security wraps each of its filters, and the authorization manager,
	 * in an observation decorator per request, which cost a share of the request floor
	 * even with {@code management.observations.enable.spring.security=false}. The request
	 * timer (http.server.requests) stays.
	 */
	@Bean
	static SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ProblemResponses problems,
			AccountAuthenticationProvider accounts, Acting acting) throws Exception {
		// Prometheus scrapes with a bearer token too: it cannot sign in through a form.
		return http.securityMatcher("/api/**", "/actuator/prometheus")
			// The API reads no cookie: a request carries its own bearer token, so there
			// is nothing to forge.
			.csrf(AbstractHttpConfigurer::disable)
			// Stateless: the context lives for the request only, and no filter looks for
			// a session (the session store is a database table). The servlet-API
			// wrapper stays: controllers take the caller as a Principal parameter, which
			// Spring MVC reads from request.getUserPrincipal().
			.securityContext(context -> context.securityContextRepository(
					new RequestAttributeSecurityContextRepository()))
			.sessionManagement(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.authenticationProvider(accounts)
			.addFilterBefore(new BearerTokenFilter(tokens, problems), AnonymousAuthenticationFilter.class)
			// Acting for someone (issue 15): after sign-in, before the rules, so that
			// they
			// judge the grantor acted for.
			.addFilterAfter(OnBehalfFilter.api(acting, problems), ExceptionTranslationFilter.class)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.POST, "/api/v1/auth/login", "/api/v1/auth/unlock",
						"/api/v1/auth/unlock/confirm", "/api/v1/auth/password-reset",
						"/api/v1/auth/password-reset/confirm", "/api/v1/citizens", "/api/v1/citizens/confirm")
				.permitAll()
				// The form is prefilled from the caller's registry records: citizens
				// only.
				.requestMatchers(HttpMethod.GET, "/api/v1/services/*/form", "/api/v1/life-events/*/form")
				.hasRole("CITIZEN")
				.requestMatchers(HttpMethod.GET, "/api/v1/service-halls/**", "/api/v1/services/**",
						"/api/v1/life-events/**", "/api/v1/notices/**", "/api/v1/calendar/**",
						"/api/v1/certificates/**")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/halls", "/api/v1/halls/*", "/api/v1/halls/*/slots")
				.permitAll()
				.requestMatchers("/api/v1/admin/booking-appeals/**")
				.hasAnyRole("ADMIN", "DEPARTMENT_HEAD")
				// Hall queue: a kiosk device has no account; the controller checks its
				// token (or the clerk) itself.
				.requestMatchers(HttpMethod.POST, "/api/v1/halls/*/tickets")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/tickets/*")
				.permitAll()
				// SMS providers push receipts from their own servers; the controller
				// checks their shared token itself.
				.requestMatchers(HttpMethod.POST, "/api/v1/notifications/receipts/*")
				.permitAll()
				// The assistant answers anonymous visitors too; each conversation checks
				// its owner itself (404 to others).
				.requestMatchers("/api/v1/assistant/**")
				.permitAll()
				// Complaints are filed and followed anonymously too (with the tracking
				// code); the facades let only the reporter, or staff who work on it, in.
				.requestMatchers(HttpMethod.POST, "/api/v1/complaints", "/api/v1/complaints/*/verdict")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/complaints/*", "/api/v1/complaints/figures/trend")
				.permitAll()
				// 好差评 (issue 17): citizens rate their own services (the facade answers
				// 404 for anyone else's); the reasons are public. The id is a UUID, so
				// that other paths under /api/v1/ratings (the heads' causes) keep their
				// own rules.
				.requestMatchers(HttpMethod.GET, "/api/v1/rating-reasons")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/ratings")
				.hasRole("CITIZEN")
				.requestMatchers("/api/v1/ratings/{id:[0-9a-fA-F-]{36}}", "/api/v1/me/ratings")
				.hasRole("CITIZEN")
				// Issue 17 (causes): the causes of bad ratings, for heads and those who
				// read every department's; the service narrows a head to their
				// department.
				.requestMatchers(HttpMethod.GET, "/api/v1/ratings/causes")
				.hasAnyRole("DEPARTMENT_HEAD", "ADMIN", "SERVICES_SUPERVISOR", "AUDITOR")
				// Follow-ups of bad ratings (issue 17): the department's staff, the
				// rating's citizen, the services supervisor's flags; exclusions are
				// public.
				.requestMatchers(HttpMethod.GET, "/api/v1/ratings/exclusions")
				.permitAll()
				.requestMatchers("/api/v1/ratings/*/follow-up", "/api/v1/ratings/*/follow-up/**")
				.hasRole("CITIZEN")
				.requestMatchers("/api/v1/follow-ups", "/api/v1/follow-ups/**", "/api/v1/ratings/*/flags")
				.hasRole("STAFF")
				.requestMatchers("/api/v1/rating-flags", "/api/v1/rating-flags/**")
				.hasRole("SERVICES_SUPERVISOR")
				.requestMatchers("/api/v1/admin/evaluation/**")
				.hasRole("ADMIN")
				// Open data (issue 17): the published figures, small cells suppressed.
				.requestMatchers(HttpMethod.GET, "/api/v1/figures/**")
				.permitAll()
				.requestMatchers("/api/v1/dispatch/**")
				.hasRole("STAFF")
				.requestMatchers("/api/v1/agent/**")
				.hasRole("STAFF")
				.requestMatchers("/api/v1/admin/staff/**", "/api/v1/admin/sign-in-locks/**", "/api/v1/admin/demo/**",
						"/actuator/prometheus")
				.hasRole("ADMIN")
				.requestMatchers("/api/v1/admin/**")
				.hasAnyRole("ADMIN", "CONTENT_EDITOR")
				.requestMatchers("/api/v1/audit/**")
				.hasRole("AUDITOR")
				.requestMatchers("/api/v1/staff/**")
				.hasRole("STAFF")
				.anyRequest()
				.authenticated())
			.exceptionHandling(e -> e
				.authenticationEntryPoint((request, response, ex) -> problems.write(request, response,
						HttpStatus.UNAUTHORIZED, "problem.detail.401"))
				.accessDeniedHandler((request, response, ex) -> problems.write(request, response, HttpStatus.FORBIDDEN,
						"problem.detail.403")))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
			.build();
	}

	/**
	 * Open311 GeoReport v2 for third-party apps: no cookie, no session; a POST carries
	 * the app's {@code api_key}, which the endpoint checks itself (the spec's own error
	 * format).
	 */
	@Bean
	@Order(0)
	SecurityFilterChain open311(HttpSecurity http) throws Exception {
		return http.securityMatcher("/open311/**")
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.anonymous(Customizer.withDefaults())
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, AccountAuthenticationProvider accounts,
			AuthenticationSuccessHandler signedIn, AuthenticationFailureHandler refused, Acting acting,
			ProblemResponses problems) throws Exception {
		return http.authenticationProvider(accounts)
			.addFilterAfter(OnBehalfFilter.pages(acting, problems), ExceptionTranslationFilter.class)
			// The token lives in a cookie rather than the session, so anonymous visitors
			// create no session rows.
			.csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository()))
			.authorizeHttpRequests(
					requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
						.permitAll()
						.requestMatchers("/css/**", "/js/**", "/webjars/**", "/assets/**", "/favicon.ico", "/error")
						.permitAll()
						.requestMatchers("/actuator/health/**")
						.permitAll()
						.requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
						.permitAll()
						.requestMatchers("/", "/sign-in", "/sign-in/unlock", "/sign-in/unlock/confirm",
								"/sign-in/forgot", "/sign-in/forgot/confirm", "/sign-in/reset-done",
								"/sign-in/signed-out-everywhere", "/register", "/register/confirm", "/preferences/**")
						.permitAll()
						// The form is prefilled from the visitor's registry records:
						// citizens only, before the public catalogue.
						.requestMatchers("/services/*/apply", "/services/*/book")
						.hasRole("CITIZEN")
						.requestMatchers(HttpMethod.GET, "/services/**", "/life-events/**", "/search", "/notices/**",
								"/verify", "/verify/**", "/privacy", "/accessibility", "/contact")
						.permitAll()
						// Hall boards, kiosks and ticket pages are public; the kiosk's
						// device cookie is checked by its controller.
						.requestMatchers(HttpMethod.GET, "/halls", "/halls/*", "/halls/*/board",
								"/halls/*/board/events", "/halls/*/kiosk", "/tickets/*")
						.permitAll()
						.requestMatchers(HttpMethod.POST, "/halls/*/kiosk")
						.permitAll()
						// The assistant answers anonymous visitors too; the facade lets
						// only a conversation's owner reach it.
						.requestMatchers("/assistant", "/assistant/**")
						.permitAll()
						// Complaints are filed and followed anonymously too (with the
						// tracking code); the list of one's own needs a citizen.
						.requestMatchers("/complaints")
						.hasRole("CITIZEN")
						.requestMatchers("/complaints/**")
						.permitAll()
						// Follow-ups of bad ratings (issue 17): exclusions are public, a
						// rating's follow-up is its citizen's, flags are decided by the
						// services supervisor.
						.requestMatchers(HttpMethod.GET, "/ratings/exclusions")
						.permitAll()
						.requestMatchers("/ratings/*/follow-up", "/ratings/*/follow-up/**")
						.hasRole("CITIZEN")
						.requestMatchers("/staff/rating-flags", "/staff/rating-flags/**")
						.hasRole("SERVICES_SUPERVISOR")
						// The published figures (issue 17); the staff's unsuppressed page
						// is under /staff/**, its service checks the role.
						.requestMatchers(HttpMethod.GET, "/figures", "/figures/departments", "/figures/matters",
								"/figures/halls")
						.permitAll()
						.requestMatchers("/admin/catalog/**", "/admin/notices/**")
						.hasAnyRole("ADMIN", "CONTENT_EDITOR")
						.requestMatchers("/account/**", "/applications", "/applications/**", "/appointments",
								"/appointments/**")
						.hasRole("CITIZEN")
						// 好差评 (issue 17): a citizen's own ratings.
						.requestMatchers("/ratings", "/ratings/**")
						.hasRole("CITIZEN")
						.requestMatchers("/staff/**")
						.hasRole("STAFF")
						.requestMatchers("/admin/**", "/actuator/**")
						.hasRole("ADMIN")
						.anyRequest()
						.authenticated())
			.requestCache(cache -> cache.requestCache(pagesOnly()))
			.exceptionHandling(e -> e.authenticationEntryPoint(signInPage()))
			.formLogin(form -> form.loginPage("/sign-in")
				.loginProcessingUrl("/sign-in")
				.successHandler(signedIn)
				.failureHandler(refused))
			.logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/"))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")))
			.build();
	}

	/**
	 * The sign-in redirect as a relative URI, so that a forged Host header never comes
	 * back in it.
	 */
	private static AuthenticationEntryPoint signInPage() {
		LoginUrlAuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/sign-in");
		signIn.setFavorRelativeUris(true);
		return signIn;
	}

	/**
	 * Remembers, for after sign-in, only a page someone opened: a font or image the
	 * browser fetched on its own would otherwise take the place of that page, and the
	 * person would sign in to "page not found". A form sent after the session ran out
	 * brings the person back to the page it was on ({@link PageRequestCache}).
	 */
	private static RequestCache pagesOnly() {
		MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		HttpSessionRequestCache cache = new HttpSessionRequestCache();
		cache.setRequestMatcher(new AndRequestMatcher(request -> HttpMethod.GET.matches(request.getMethod()), html));
		return new PageRequestCache(cache);
	}

}
