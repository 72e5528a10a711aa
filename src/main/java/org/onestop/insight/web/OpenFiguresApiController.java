package org.onestop.insight.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.onestop.insight.Figures;
import org.onestop.insight.OpenFigure;
import org.onestop.insight.Scope;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The figures as open data (政务公开): the same cells as {@code /figures}, per matter or
 * department and month, as JSON or CSV. No personal data; cells resting on fewer than 5
 * cases are suppressed (empty, marked).
 */
@RestController
@Tag(name = "Figures", description = "Open data: the burden and satisfaction figures behind /figures")
class OpenFiguresApiController {

	static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private static final String MONTH_DOC = "A month as YYYY-MM, from 24 months ago to the current month; "
			+ "none means the last complete month. Malformed, older or future months answer 400.";

	private final Figures figures;

	OpenFiguresApiController(Figures figures) {
		this.figures = figures;
	}

	@Operation(summary = "The figures of every matter in a month",
			description = "JSON by default; CSV (RFC 4180, UTF-8) with Accept: text/csv or the .csv path.")
	@ApiResponse(responseCode = "200",
			content = {
					@Content(mediaType = "application/json",
							array = @ArraySchema(schema = @Schema(implementation = OpenFigure.class))),
					@Content(mediaType = "text/csv", schema = @Schema(type = "string")) })
	@ApiResponse(responseCode = "400", description = "The month is malformed or out of range")
	@GetMapping("/api/v1/figures/matters")
	ResponseEntity<?> matters(@Parameter(description = MONTH_DOC) @RequestParam(required = false) String month,
			@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, Locale locale) {
		return answer(Scope.MATTER, month, wantsCsv(accept), locale);
	}

	@Operation(summary = "The figures of every matter in a month, as CSV")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
	@ApiResponse(responseCode = "400", description = "The month is malformed or out of range")
	@GetMapping("/api/v1/figures/matters.csv")
	ResponseEntity<?> mattersCsv(@Parameter(description = MONTH_DOC) @RequestParam(required = false) String month,
			Locale locale) {
		return answer(Scope.MATTER, month, true, locale);
	}

	@Operation(summary = "The figures of every department in a month",
			description = "JSON by default; CSV (RFC 4180, UTF-8) with Accept: text/csv or the .csv path.")
	@ApiResponse(responseCode = "200",
			content = {
					@Content(mediaType = "application/json",
							array = @ArraySchema(schema = @Schema(implementation = OpenFigure.class))),
					@Content(mediaType = "text/csv", schema = @Schema(type = "string")) })
	@ApiResponse(responseCode = "400", description = "The month is malformed or out of range")
	@GetMapping("/api/v1/figures/departments")
	ResponseEntity<?> departments(@Parameter(description = MONTH_DOC) @RequestParam(required = false) String month,
			@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, Locale locale) {
		return answer(Scope.DEPARTMENT, month, wantsCsv(accept), locale);
	}

	@Operation(summary = "The figures of every department in a month, as CSV")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
	@ApiResponse(responseCode = "400", description = "The month is malformed or out of range")
	@GetMapping("/api/v1/figures/departments.csv")
	ResponseEntity<?> departmentsCsv(@Parameter(description = MONTH_DOC) @RequestParam(required = false) String month,
			Locale locale) {
		return answer(Scope.DEPARTMENT, month, true, locale);
	}

	private ResponseEntity<?> answer(Scope scope, String month, boolean csv, Locale locale) {
		List<OpenFigure> lines = figures.openData(figures.month(month), scope, locale);
		ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.header(HttpHeaders.VARY, HttpHeaders.ACCEPT + ", " + HttpHeaders.ACCEPT_LANGUAGE);
		if (csv) {
			return ok.contentType(CSV).body(FigureCsv.write(lines));
		}
		return ok.contentType(MediaType.APPLICATION_JSON).body(lines);
	}

	/** CSV only when asked for by name: a browser's or a client's wildcard gets JSON. */
	private static boolean wantsCsv(String accept) {
		if (accept == null) {
			return false;
		}
		for (MediaType type : MediaType.parseMediaTypes(accept)) {
			if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
				return false;
			}
			if ("text".equals(type.getType()) && "csv".equals(type.getSubtype())) {
				return true;
			}
		}
		return false;
	}

}
