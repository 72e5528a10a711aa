package org.onestop.application.web;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.onestop.application.vault.VaultDocument;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A case document as staff open it, on the pages and on the API alike: shown in the
 * browser under its title, and never sniffed into something the browser would run.
 */
final class StaffDocuments {

	private StaffDocuments() {
	}

	static ResponseEntity<InputStreamResource> inline(Map.Entry<VaultDocument, InputStream> document) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(document.getKey().contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline()
						.filename(document.getKey().title(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(new InputStreamResource(document.getValue()));
	}

}
