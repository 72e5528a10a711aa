package org.onestop.application.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import org.onestop.application.vault.DocumentVault;
import org.onestop.application.vault.VaultDocument;
import org.onestop.application.vault.VaultShelf;
import org.onestop.catalog.Catalog;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.Shell;
import org.onestop.identity.OneStopUser;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The citizen's "my documents" page (我的材料): what is in the vault, where each document
 * came from, which applications used it; and each document, to view or to download. Only
 * the owner finds a document: anyone else's is "not found".
 */
@Controller
@PreAuthorize("hasRole('CITIZEN')")
class DocumentPagesController {

	private final VaultShelf shelf;

	private final DocumentVault vault;

	private final Catalog catalog;

	DocumentPagesController(VaultShelf shelf, DocumentVault vault, Catalog catalog) {
		this.shelf = shelf;
		this.vault = vault;
		this.catalog = catalog;
	}

	@GetMapping("/account/documents")
	String list(@AuthenticationPrincipal OneStopUser citizen, Model model, Locale locale,
			@ModelAttribute("shell") Shell shell) {
		var items = shelf.of(citizen).stream().map(e -> {
			VaultDocument d = e.document();
			DocumentPages.Application issuedFor = e.issuedFor() == null ? null : application(e.issuedFor(), locale);
			String name = issuedFor != null ? shell.t("documents.page.certificate-name", issuedFor.name()) : d.title();
			return new DocumentPages.Item(d.id(), name, d.origin(), fileType(d.contentType()),
					size(d.sizeBytes(), shell), d.addedAt(), issuedFor,
					e.usedBy().stream().map(u -> application(u, locale)).toList());
		}).toList();
		model.addAttribute("page", new DocumentPages.DocumentsPage(items));
		return "application/my-documents";
	}

	@GetMapping("/account/documents/{id}")
	ResponseEntity<InputStreamResource> open(@PathVariable UUID id,
			@RequestParam(defaultValue = "false") boolean download, @AuthenticationPrincipal OneStopUser citizen) {
		VaultDocument document = vault.find(citizen, id)
			.orElseThrow(() -> new NotFoundException("application.vault.not-found"));
		ContentDisposition.Builder disposition = download ? ContentDisposition.attachment()
				: ContentDisposition.inline();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(document.contentType()))
			.contentLength(document.sizeBytes())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					disposition.filename(document.title() + extension(document.contentType()), StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(new InputStreamResource(vault.open(document)));
	}

	private DocumentPages.Application application(VaultShelf.Use use, Locale locale) {
		String name = catalog.cachedMatter(use.serviceCode())
			.map(m -> m.definition().name().in(locale))
			.orElse(use.serviceCode());
		String link = "DRAFT".equals(use.status()) ? "/services/" + use.serviceCode() + "/apply"
				: "/applications/" + use.application();
		return new DocumentPages.Application(name, use.status(), link);
	}

	private static String fileType(String contentType) {
		return switch (contentType) {
			case "application/pdf" -> "PDF";
			case "image/png" -> "PNG";
			default -> "JPEG";
		};
	}

	private static String size(long bytes, Shell shell) {
		if (bytes < 1024 * 1024) {
			return shell.t("documents.page.size-kb", Math.max(1, Math.round(bytes / 1024.0)));
		}
		return shell.t("documents.page.size-mb", String.format(Locale.ROOT, "%.1f", bytes / 1024.0 / 1024.0));
	}

	private static String extension(String contentType) {
		return switch (contentType) {
			case "application/pdf" -> ".pdf";
			case "image/png" -> ".png";
			default -> ".jpg";
		};
	}

}
