package org.onestop.application.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.onestop.application.vault.DocumentVault;
import org.onestop.application.vault.VaultDocument;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.NotFoundException;
import org.onestop.identity.OneStopUser;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The citizen's own document vault. Nobody else's documents exist as far as a caller can
 * tell.
 */
@RestController
@RequestMapping("/api/v1/me/documents")
@PreAuthorize("hasRole('CITIZEN')")
class VaultApiController {

	private final DocumentVault vault;

	VaultApiController(DocumentVault vault) {
		this.vault = vault;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<VaultDocument> upload(@RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String title, @AuthenticationPrincipal OneStopUser citizen)
			throws IOException {
		if (file == null || file.isEmpty()) {
			throw new InvalidInputException("file", "application.vault.file.empty");
		}
		VaultDocument document = vault.upload(citizen, title, file.getInputStream());
		return ResponseEntity.created(URI.create("/api/v1/me/documents/" + document.id())).body(document);
	}

	@GetMapping
	List<VaultDocument> list(@AuthenticationPrincipal OneStopUser citizen) {
		return vault.documentsOf(citizen);
	}

	@GetMapping("/{id}")
	ResponseEntity<InputStreamResource> download(@PathVariable UUID id, @AuthenticationPrincipal OneStopUser citizen) {
		VaultDocument document = vault.find(citizen, id)
			.orElseThrow(() -> new NotFoundException("application.vault.not-found"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(document.contentType()))
			.contentLength(document.sizeBytes())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(document.title() + extension(document.contentType()), StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(new InputStreamResource(vault.open(document)));
	}

	private static String extension(String contentType) {
		return switch (contentType) {
			case "application/pdf" -> ".pdf";
			case "image/png" -> ".png";
			default -> ".jpg";
		};
	}

}
