package org.onestop.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Refuses JSON request bodies with a control character in any string, whatever type the
 * body becomes (records, maps of answers, trees): the check reads the JSON's own tokens
 * rather than hooking String deserialisation, which untyped values
 * ({@code Map<String, Object>}) and member names bypass. Bodies are at most
 * {@code onestop.max-json-bytes} ({@link RequestBodyLimit}), so reading one twice costs
 * little.
 */
@ControllerAdvice
class ControlCharacterBodyAdvice extends RequestBodyAdviceAdapter {

	private final ObjectMapper json;

	ControlCharacterBodyAdvice(ObjectMapper json) {
		this.json = json;
	}

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return AbstractJackson2HttpMessageConverter.class.isAssignableFrom(converterType);
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		byte[] body = input.getBody().readAllBytes();
		ControlCharacters.firstJsonStringWith(json.getFactory(), body).ifPresent(where -> {
			throw ControlCharacters.refusal(where);
		});
		HttpHeaders headers = input.getHeaders();
		return new HttpInputMessage() {
			@Override
			public InputStream getBody() {
				return new ByteArrayInputStream(body);
			}

			@Override
			public HttpHeaders getHeaders() {
				return headers;
			}
		};
	}

}
