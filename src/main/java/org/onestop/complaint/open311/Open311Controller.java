package org.onestop.complaint.open311;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;

import org.onestop.complaint.Categories;
import org.onestop.complaint.Category;
import org.onestop.complaint.open311.Open311Document.Members;
import org.onestop.complaint.open311.Open311Document.Node;
import org.onestop.platform.ConflictException;
import org.onestop.platform.ForbiddenException;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.Messages;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.PlatformProperties;
import org.onestop.platform.ProblemException;
import org.onestop.platform.UnauthenticatedException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2) at {@code /open311/v2}, so that an
 * existing Open311 app works unchanged: the services are the complaint categories, a
 * posted request is a complaint like any other. Every answer, errors included, is in the
 * spec's XML or JSON (never RFC 9457 problems, which no Open311 client reads): the
 * handlers below catch what the facades throw.
 */
@RestController
class Open311Controller {

	static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

	/** When this endpoint last changed, as discovery tells clients. */
	static final String CHANGESET = "2026-12-04T19:10:00+08:00";

	private final Open311Requests requests;

	private final Categories categories;

	private final Messages messages;

	private final ObjectMapper json;

	private final PlatformProperties platform;

	Open311Controller(Open311Requests requests, Categories categories, Messages messages, ObjectMapper json,
			PlatformProperties platform) {
		this.requests = requests;
		this.categories = categories;
		this.messages = messages;
		this.json = json;
		this.platform = platform;
	}

	/**
	 * The platform strips control characters from the parameters of every non-API URL
	 * (ControlCharacterFilter) and lets the request through; an Open311 client must hear
	 * of its bug instead, as API clients do. What the servlet container parsed is still
	 * under the platform's wrapper: a parameter that differs there was stripped.
	 */
	@ModelAttribute
	void refuseControlCharacters(HttpServletRequest request) {
		ServletRequest original = request;
		while (original instanceof ServletRequestWrapper wrapper) {
			original = wrapper.getRequest();
		}
		Map<String, String[]> seen = request.getParameterMap();
		for (Map.Entry<String, String[]> sent : original.getParameterMap().entrySet()) {
			if (!Arrays.equals(seen.get(sent.getKey()), sent.getValue())) {
				String field = sent.getKey().replaceAll("\\p{Cntrl}", "\uFFFD");
				throw new InvalidInputException(field, "problem.detail.control-characters", field);
			}
		}
	}

	@GetMapping("/open311/v2/discovery.{format}")
	ResponseEntity<byte[]> discovery(@PathVariable String format, HttpServletRequest request, Locale resolved) {
		Locale locale = locale(request, resolved);
		List<Node> endpoint = new Members().value("specification", SPECIFICATION)
			.value("url", platform.publicUrl().toString().replaceAll("/+$", "") + "/open311/v2")
			.value("changeset", CHANGESET)
			.value("type", "production")
			.items("formats", "format", List.of("text/xml", "application/json"))
			.done();
		return answer(format,
				Open311Document.object("discovery",
						new Members().value("changeset", CHANGESET)
							.value("contact", messages.get(locale, "complaint.open311.discovery.contact"))
							.value("key_service", messages.get(locale, "complaint.open311.discovery.key"))
							.items("endpoints", "endpoint", List.of(endpoint))
							.done()));
	}

	@GetMapping("/open311/v2/services.{format}")
	ResponseEntity<byte[]> services(@PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) String jurisdiction, HttpServletRequest request,
			Locale resolved) {
		Open311Format.of(format).orElseThrow(Open311Controller::unknownFormat);
		requests.checkJurisdiction(jurisdiction);
		Locale locale = locale(request, resolved);
		List<Category> all = categories.all();
		List<List<Node>> services = all.stream()
			.filter(c -> c.leaf() && c.active())
			.map(c -> new Members().value("service_code", c.code())
				.value("service_name", c.name(locale))
				.value("description", c.description(locale))
				// No category asks anything beyond the spec's own fields (yet).
				.value("metadata", false)
				.value("type", "realtime")
				.value("keywords", "")
				.value("group",
						all.stream()
							.filter(g -> g.code().equals(c.parentCode()))
							.findFirst()
							.map(g -> g.name(locale))
							.orElse(null))
				.done())
			.toList();
		return answer(format, Open311Document.list("services", "service", services));
	}

	@GetMapping("/open311/v2/services/{code}.{format}")
	ResponseEntity<byte[]> service(@PathVariable String code, @PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
		Open311Format.of(format).orElseThrow(Open311Controller::unknownFormat);
		requests.checkJurisdiction(jurisdiction);
		Category category = categories.find(code)
			.filter(c -> c.leaf() && c.active())
			.orElseThrow(() -> new NotFoundException("complaint.open311.service.not-found"));
		return answer(format,
				Open311Document.object("service_definition",
						new Members().value("service_code", category.code())
							.items("attributes", "attribute", List.of())
							.done()));
	}

	@PostMapping("/open311/v2/requests.{format}")
	ResponseEntity<byte[]> post(@PathVariable String format, @RequestParam MultiValueMap<String, String> form,
			HttpServletRequest request, Locale resolved) {
		Open311Format.of(format).orElseThrow(Open311Controller::unknownFormat);
		Map<String, String> fields = new LinkedHashMap<>();
		form.forEach((name, values) -> fields.put(name, values.isEmpty() ? null : values.get(0)));
		Open311Requests.Posted posted = requests.post(fields, locale(request, resolved));
		return answer(format,
				Open311Document.list("service_requests", "request",
						List.of(new Members().value("service_request_id", posted.serviceRequestId())
							.value("token", posted.token())
							.value("service_notice", posted.serviceNotice())
							.value("account_id", null)
							.done())));
	}

	@GetMapping("/open311/v2/tokens/{token}.{format}")
	ResponseEntity<byte[]> token(@PathVariable String token, @PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
		Open311Format.of(format).orElseThrow(Open311Controller::unknownFormat);
		requests.checkJurisdiction(jurisdiction);
		String id = requests.byToken(token);
		return answer(format, Open311Document.list("service_requests", "request",
				List.of(new Members().value("service_request_id", id).value("token", token).done())));
	}

	@GetMapping("/open311/v2/requests.{format}")
	ResponseEntity<byte[]> search(@PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
			@RequestParam(name = "service_request_id", required = false) String ids,
			@RequestParam(name = "service_code", required = false) String serviceCodes,
			@RequestParam(name = "start_date", required = false) String startDate,
			@RequestParam(name = "end_date", required = false) String endDate,
			@RequestParam(required = false) String status, HttpServletRequest request, Locale resolved) {
		Open311Format.of(format).orElseThrow(Open311Controller::unknownFormat);
		requests.checkJurisdiction(jurisdiction);
		List<Open311Request> found = requests.search(ids, serviceCodes, startDate, endDate, status,
				locale(request, resolved));
		return answer(format, Open311Document.list("service_requests", "request",
				found.stream().map(Open311Controller::request).toList()));
	}

	@GetMapping("/open311/v2/requests/{id}.{format}")
	ResponseEntity<byte[]> one(@PathVariable String id, @PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) String jurisdiction, HttpServletRequest request,
			Locale resolved) {
		Open311Format.of(format).orElseThrow(Open311Controller::unknownFormat);
		requests.checkJurisdiction(jurisdiction);
		Open311Request found = requests.one(id, locale(request, resolved));
		return answer(format, Open311Document.list("service_requests", "request", List.of(request(found))));
	}

	/** Anything else under the endpoint: unknown in the spec's own format. */
	@RequestMapping({ "/open311", "/open311/**" })
	ResponseEntity<byte[]> unknown() {
		throw new NotFoundException("problem.detail.404");
	}

	private static List<Node> request(Open311Request r) {
		return new Members().value("service_request_id", r.serviceRequestId())
			.value("status", r.open() ? "open" : "closed")
			.value("status_notes", r.statusNotes())
			.value("service_name", r.serviceName())
			.value("service_code", r.serviceCode())
			.value("description", r.description())
			.value("agency_responsible", r.agencyResponsible())
			.value("service_notice", r.serviceNotice())
			.value("requested_datetime", text(r.requested()))
			.value("updated_datetime", text(r.updated()))
			.value("expected_datetime", text(r.expected()))
			.value("address", r.address())
			.value("address_id", null)
			.value("zipcode", null)
			.value("lat", r.latitude())
			.value("long", r.longitude())
			.value("media_url", r.mediaUrl())
			.done();
	}

	/**
	 * Always with seconds and the offset (2026-12-04T09:30:00+08:00): toString() drops
	 * zero seconds, which strict clients refuse.
	 */
	private static String text(OffsetDateTime at) {
		return at == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at);
	}

	private ResponseEntity<byte[]> answer(String suffix, Open311Document document) {
		return answer(HttpStatus.OK, Open311Format.of(suffix).orElseThrow(Open311Controller::unknownFormat), document);
	}

	private ResponseEntity<byte[]> answer(HttpStatus status, Open311Format format, Open311Document document) {
		return ResponseEntity.status(status)
			.header("Content-Type", format.contentType())
			.body(format.write(document, json.getFactory()));
	}

	private static NotFoundException unknownFormat() {
		return new NotFoundException("complaint.open311.format");
	}

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<byte[]> onProblem(ProblemException ex, HttpServletRequest request, Locale resolved) {
		Locale locale = locale(request, resolved);
		HttpStatus status = status(ex);
		List<String> descriptions = new ArrayList<>();
		if (ex.fields().isEmpty()) {
			descriptions.add(messages.get(locale, ex.detailKey(), ex.args()));
		}
		ex.fields()
			.forEach(f -> descriptions.add(field(f.field()) + ": " + messages.get(locale, f.messageKey(), f.args())));
		return errors(request, status, descriptions);
	}

	/** A query parameter Spring could not read (none is required, so rarely). */
	@ExceptionHandler({ ServletRequestBindingException.class, TypeMismatchException.class })
	ResponseEntity<byte[]> onUnreadable(Exception ex, HttpServletRequest request, Locale resolved) {
		return errors(request, HttpStatus.BAD_REQUEST,
				List.of(messages.get(locale(request, resolved), "problem.detail.400")));
	}

	private ResponseEntity<byte[]> errors(HttpServletRequest request, HttpStatus status, List<String> descriptions) {
		List<List<Node>> errors = descriptions.stream()
			.map(d -> new Members().value("code", status.value()).value("description", d).done())
			.toList();
		// An unknown suffix answers in XML, the format every Open311 client reads.
		Open311Format format = request.getRequestURI().endsWith(".json") ? Open311Format.JSON : Open311Format.XML;
		return answer(status, format, Open311Document.list("errors", "error", errors));
	}

	private static HttpStatus status(ProblemException ex) {
		if (ex instanceof ForbiddenException) {
			return HttpStatus.FORBIDDEN;
		}
		if (ex instanceof NotFoundException) {
			return HttpStatus.NOT_FOUND;
		}
		if (ex instanceof ConflictException) {
			return HttpStatus.CONFLICT;
		}
		if (ex instanceof UnauthenticatedException) {
			return HttpStatus.UNAUTHORIZED;
		}
		return HttpStatus.BAD_REQUEST;
	}

	/** The facade's field names as the Open311 client sent them. */
	private static String field(String name) {
		return switch (name) {
			case "categoryCode" -> "service_code";
			case "latitude" -> "lat";
			case "longitude" -> "long";
			case "address" -> "address_string";
			case "contactPhone" -> "phone";
			case "contactEmail" -> "email";
			case "contactName" -> "first_name";
			default -> name;
		};
	}

	/**
	 * The request's language: a {@code locale} parameter (an extension some Open311
	 * servers offer), else Accept-Language as everywhere on the platform.
	 */
	private static Locale locale(HttpServletRequest request, Locale resolved) {
		String asked = request.getParameter("locale");
		if (asked != null && asked.toLowerCase(Locale.ROOT).startsWith("en")) {
			return Locale.ENGLISH;
		}
		if (asked != null && asked.toLowerCase(Locale.ROOT).startsWith("zh")) {
			return Locale.SIMPLIFIED_CHINESE;
		}
		return resolved;
	}

}
