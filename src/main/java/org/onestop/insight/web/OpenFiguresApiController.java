package org.onestop.insight.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.onestop.insight.Figures;
import org.onestop.insight.OpenFigure;
import org.onestop.insight.Scope;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
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
 * department and month, as JSON or CSV. Spring's content negotiation picks the handler
 * from {@code Accept} (q-values honoured; a type neither can write answers 406). The
 * bytes of an answer are kept until the next refresh stores figures, and carry an ETag.
 */
@RestController
@Tag(name = "Figures", description = "Open data: the burden and satisfaction figures behind /figures. "
		+ OpenFiguresApiController.SUPPRESSION_DOC)
class OpenFiguresApiController {

	static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	static final String SUPPRESSION_DOC = "No personal data. A cell resting on fewer than 5 cases is suppressed "
			+ "(no value, no cases, suppressed=true). Because published cells add up (online + offline = all "
			+ "channels; the departments' or matters' cells = the whole city's, in each channel; the five rating "
			+ "levels = the ratings), wherever a group that adds up would have exactly one suppressed cell, the "
			+ "next smallest cell of the group is suppressed too, until no suppressed cell can be worked out by "
			+ "subtraction. Shares, medians and averages are suppressed when the cases they rest on are fewer "
			+ "than 5.";

	private static final String MONTH_DOC = "A month as YYYY-MM, from 24 months ago to the current month; "
			+ "none means the last complete month. Malformed, older or future months answer 400.";

	/** Kept answers: a few months in two languages and two formats is plenty. */
	private static final int KEPT = 64;

	private final Figures figures;

	private final ObjectMapper json;

	private final Map<List<Object>, Answer> kept = new ConcurrentHashMap<>();

	OpenFiguresApiController(Figures figures, ObjectMapper json) {
		this.figures = figures;
		this.json = json;
	}

	@Operation(summary = "The figures of every matter in a month",
			description = "JSON; CSV (RFC 4180, UTF-8) with Accept: text/csv or the .csv path. " + SUPPRESSION_DOC)
	@ApiResponse(responseCode = "200",
			content = @Content(mediaType = "application/json",
					array = @ArraySchema(schema = @Schema(implementation = OpenFigure.class))))
	@ApiResponse(responseCode = "400", description = "The month is malformed or out of range")
	@ApiResponse(responseCode = "406", description = "Accept names neither JSON nor CSV")
	@GetMapping(path = "/api/v1/figures/matters", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<byte[]> matters(@Parameter(description = MONTH_DOC) @RequestParam(required = false) String month,
			Locale locale) {
		return answer(Scope.MATTER, month, false, locale);
	}

	@Operation(summary = "The figures of every matter in a month, as CSV (Accept: text/csv)",
			description = SUPPRESSION_DOC)
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
	@ApiResponse(responseCode = "400", description = "The month is malformed or out of range")
	@GetMapping(path = "/api/v1/figures/matters", produces = "text/csv")
	ResponseEntity<byte[]> mattersAsCsv(
			@Parameter(description = MONTH_DOC) @RequestParam(required = false) String month, Locale locale) {
		return answer(Scope.MATTER, month, true, locale);
	}

	@Operation(summary = "The figures of every matter in a month, as CSV", description = SUPPRESSION_DOC)
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
	@ApiResponse(responseCode = "400", description = "The month is malformed or out of range")
	@GetMapping("/api/v1/figures/matters.csv")
	ResponseEntity<byte[]> mattersCsv(@Parameter(description = MONTH_DOC) @RequestParam(required = false) String month,
			Locale locale) {
		return answer(Scope.MATTER, month, true, locale);
	}

	@Operation(summary = "The figures of every department in a month",
			description = "JSON; CSV (RFC 4180, UTF-8) with Accept: text/csv or the .csv path. " + SUPPRESSION_DOC)
	@ApiResponse(responseCode = "200",
			content = @Content(mediaType = "application/json",
					array = @ArraySchema(schema = @Schema(implementation = OpenFigure.class))))
	@ApiResponse(responseCode = "400", description = "The month is malformed or out of range")
	@ApiResponse(responseCode = "406", description = "Accept names neither JSON nor CSV")
	@GetMapping(path = "/api/v1/figures/departments", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<byte[]> departments(@Parameter(description = MONTH_DOC) @RequestParam(required = false) String month,
			Locale locale) {
		return answer(Scope.DEPARTMENT, month, false, locale);
	}

	@Operation(summary = "The figures of every department in a month, as CSV (Accept: text/csv)",
			description = SUPPRESSION_DOC)
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
	@ApiResponse(responseCode = "400", description = "The month is malformed or out of range")
	@GetMapping(path = "/api/v1/figures/departments", produces = "text/csv")
	ResponseEntity<byte[]> departmentsAsCsv(
			@Parameter(description = MONTH_DOC) @RequestParam(required = false) String month, Locale locale) {
		return answer(Scope.DEPARTMENT, month, true, locale);
	}

	@Operation(summary = "The figures of every department in a month, as CSV", description = SUPPRESSION_DOC)
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
	@ApiResponse(responseCode = "400", description = "The month is malformed or out of range")
	@GetMapping("/api/v1/figures/departments.csv")
	ResponseEntity<byte[]> departmentsCsv(
			@Parameter(description = MONTH_DOC) @RequestParam(required = false) String month, Locale locale) {
		return answer(Scope.DEPARTMENT, month, true, locale);
	}

	private ResponseEntity<byte[]> answer(Scope scope, String month, boolean csv, Locale locale) {
		YearMonth shown = figures.month(month);
		Answer answer = answer(scope, shown, csv, locale);
		// The ETag lets Spring answer 304 to a client that already has these bytes.
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.header(HttpHeaders.VARY,
					HttpHeaders.ACCEPT + ", " + HttpHeaders.ACCEPT_LANGUAGE + ", " + HttpHeaders.COOKIE)
			.eTag(answer.etag())
			.contentType(csv ? CSV : MediaType.APPLICATION_JSON)
			.body(answer.bytes());
	}

	private Answer answer(Scope scope, YearMonth month, boolean csv, Locale locale) {
		// The revision changes whenever a refresh stores figures: answers built before it
		// are stale, and so never found again.
		List<Object> key = List.of(figures.revision(), scope, month, locale.getLanguage(), csv);
		Answer found = kept.get(key);
		if (found != null) {
			return found;
		}
		List<OpenFigure> lines = figures.openData(month, scope, locale);
		byte[] bytes = csv ? FigureCsv.write(lines).getBytes(StandardCharsets.UTF_8) : toJson(lines);
		Answer built = new Answer(bytes, etag(bytes));
		if (kept.size() >= KEPT) {
			kept.clear();
		}
		kept.put(key, built);
		return built;
	}

	private byte[] toJson(List<OpenFigure> lines) {
		try {
			return json.writeValueAsBytes(lines);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String etag(byte[] bytes) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
			// Weak: Tomcat does not compress a response with a strong ETag.
			return "W/\"" + HexFormat.of().formatHex(digest, 0, 16) + '"';
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The bytes of one answer and their ETag. */
	private record Answer(byte[] bytes, String etag) {
	}

}
