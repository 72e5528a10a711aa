package org.onestop.catalog.admin;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.onestop.catalog.Catalog;
import org.onestop.catalog.LifeEvent;
import org.onestop.catalog.Matter;
import org.onestop.catalog.MatterDefinition;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Editing the catalog: matter versions, publishing, life events and search synonyms. */
@RestController
@RequestMapping("/api/v1/admin")
@PreAuthorize("hasAnyRole('ADMIN', 'CONTENT_EDITOR')")
class CatalogAdminApiController {

	private final Catalog catalog;

	CatalogAdminApiController(Catalog catalog) {
		this.catalog = catalog;
	}

	/** Saves a new draft version; publishing is a separate, deliberate step. */
	@PutMapping("/matters/{code}")
	ResponseEntity<Map<String, Object>> save(@PathVariable String code, @RequestBody MatterDefinition definition,
			Principal editor) {
		if (!code.equals(definition.code())) {
			throw new InvalidInputException("code", "catalog.matter.code.mismatch");
		}
		int version = catalog.save(editor.getName(), definition);
		return ResponseEntity.created(URI.create("/api/v1/admin/matters/" + code + "/versions/" + version))
			.body(Map.of("code", code, "version", version));
	}

	@GetMapping("/matters/{code}/versions/{version}")
	Matter version(@PathVariable String code, @PathVariable int version) {
		return catalog.matter(code, version)
			.orElseThrow(() -> new NotFoundException("catalog.matter.version-not-found"));
	}

	@PostMapping("/matters/{code}/versions/{version}/publish")
	ResponseEntity<Void> publish(@PathVariable String code, @PathVariable int version, Principal editor) {
		catalog.publish(editor.getName(), code, version);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/matters/{code}/withdraw")
	ResponseEntity<Void> withdraw(@PathVariable String code, Principal editor) {
		catalog.withdraw(editor.getName(), code);
		return ResponseEntity.noContent().build();
	}

	record PlacedLifeEvent(LifeEvent event, int position) {
	}

	@PutMapping("/life-events/{code}")
	ResponseEntity<Void> saveLifeEvent(@PathVariable String code, @RequestBody PlacedLifeEvent form, Principal editor) {
		if (form.event() == null || !code.equals(form.event().code())) {
			throw new InvalidInputException("code", "catalog.matter.code.mismatch");
		}
		catalog.saveLifeEvent(editor.getName(), form.event(), form.position());
		return ResponseEntity.noContent().build();
	}

	record SynonymForm(String line) {
	}

	@GetMapping("/search-synonyms")
	List<String> synonyms() {
		return catalog.addedSynonyms();
	}

	@PostMapping("/search-synonyms")
	ResponseEntity<Void> addSynonyms(@RequestBody SynonymForm form, Principal editor) {
		catalog.addSynonyms(editor.getName(), form.line());
		return ResponseEntity.noContent().build();
	}

}
