package org.onestop.platform;

import java.io.IOException;
import java.util.Map;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import gg.jte.springframework.boot.autoconfigure.JteProperties;
import gg.jte.springframework.boot.autoconfigure.JteView;
import gg.jte.springframework.boot.autoconfigure.JteViewResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.view.AbstractUrlBasedView;

/**
 * Pages rendered to UTF-8 bytes by jte itself, then written at once with their length
 * (issue 18). The starter's view wrote through the servlet's writer, whose character
 * encoder was a sixth of an anonymous home page's CPU; jte's own output encodes in one
 * pass. A page whose template fails has written nothing, so its error page is whole.
 */
@Configuration(proxyBeanMethods = false)
class PageViews {

	@Bean
	JteViewResolver jteViewResolver(TemplateEngine templates, JteProperties properties) {
		return new JteViewResolver(templates, properties) {
			@Override
			protected AbstractUrlBasedView instantiateView() {
				return new Utf8View(templates);
			}
		};
	}

	private static final class Utf8View extends JteView {

		private final TemplateEngine templates;

		Utf8View(TemplateEngine templates) {
			super(templates);
			this.templates = templates;
		}

		@Override
		protected void renderMergedTemplateModel(Map<String, Object> model, HttpServletRequest request,
				HttpServletResponse response) throws IOException {
			Utf8ByteOutput html = new Utf8ByteOutput();
			templates.render(getUrl(), model, html);
			response.setContentType("text/html;charset=UTF-8");
			response.setContentLength(html.getContentLength());
			html.writeTo(response.getOutputStream());
		}

	}

}
