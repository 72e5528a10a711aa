package org.onestop.platform;

import java.io.IOException;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Errors Tomcat answers itself, before the application sees the request (a {@code %00},
 * {@code %2F} or {@code %5C} in the path, a request line that is too long): on the API
 * they are a problem in the caller's language like every other error, not Tomcat's
 * English HTML page. Done by replacing the host's error report valve with a subclass once
 * the host has added its own; pages keep Tomcat's minimal page, without server details.
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	private final ProblemResponses problems;

	ContainerErrors(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextLifecycleListeners(event -> {
			if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())
					&& event.getLifecycle() instanceof Container context && context.getParent() != null) {
				replace(context.getParent());
			}
		});
	}

	private void replace(Container host) {
		for (Valve valve : host.getPipeline().getValves()) {
			if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
				host.getPipeline().removeValve(valve);
				host.getPipeline().addValve(new ProblemReportValve(problems));
			}
		}
	}

	static final class ProblemReportValve extends ErrorReportValve {

		private static final Logger log = LoggerFactory.getLogger(ProblemReportValve.class);

		private final ProblemResponses problems;

		ProblemReportValve(ProblemResponses problems) {
			this.problems = problems;
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int code = response.getStatus();
			String uri = request.getRequestURI();
			if (code < 400 || response.getContentWritten() > 0 || uri == null || !uri.startsWith("/api/")) {
				super.report(request, response, throwable);
				return;
			}
			HttpStatus status = HttpStatus.resolve(code);
			if (status == null || !response.setErrorReported()) {
				return;
			}
			try {
				response.resetBuffer();
				HttpStatus known = ErrorPageController.known(status);
				problems.write(request, response, status, "problem.detail." + known.value());
				response.finishResponse();
			}
			catch (IOException | RuntimeException ex) {
				log.debug("Could not write the problem for a container error", ex);
			}
		}

	}

}
