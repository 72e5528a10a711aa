package org.onestop.platform;

import java.math.BigDecimal;
import java.util.Arrays;

import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API documentation shows a {@link PageNumber} controller parameter as what clients
 * send: an optional {@code page} query parameter, a whole number from 0 to
 * {@value PageNumber#MAX}, 0 when left out.
 */
@Configuration(proxyBeanMethods = false)
class PageNumberDocumentation {

	static {
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(PageNumber.class);
	}

	@Bean
	OperationCustomizer pageNumberParameter() {
		return (operation, handler) -> {
			if (Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.getParameterType() == PageNumber.class)) {
				operation.addParametersItem(new Parameter().name("page")
					.in("query")
					.required(false)
					.description("Which page, from 0")
					.schema(new IntegerSchema().minimum(BigDecimal.ZERO)
						.maximum(BigDecimal.valueOf(PageNumber.MAX))
						._default(0)));
			}
			return operation;
		};
	}

}
