package org.onestop.notification;

import java.util.List;
import java.util.Map;

import org.onestop.notification.OutboxViewerPages.OutboxLine;
import org.onestop.notification.OutboxViewerPages.OutboxListPage;
import org.onestop.notification.OutboxViewerPages.OutboxMessagePage;
import org.onestop.notification.OutboxViewerPages.Text;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.PageNumber;
import org.onestop.platform.Shell;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The outbox viewer for administrators: every message beyond the inbox and how it fared;
 * in the demo, with no provider configured, exactly what would have been sent.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class OutboxViewerController {

	private final OutboxViewer viewer;

	OutboxViewerController(OutboxViewer viewer) {
		this.viewer = viewer;
	}

	@GetMapping("/admin/outbox")
	String list(@RequestParam(required = false) String recipient, @RequestParam(required = false) String status,
			PageNumber page, @ModelAttribute("shell") Shell shell, Model model) {
		OutboxViewer.Filter filter;
		Map<String, String> errors = Map.of();
		try {
			filter = OutboxViewer.Filter.parse(recipient, status);
		}
		catch (InvalidInputException ex) {
			errors = shell.errors(ex);
			filter = new OutboxViewer.Filter(null, null);
		}
		OutboxViewer.Listing listing = viewer.list(filter, page.value());
		List<OutboxLine> lines = listing.rows().stream().map(OutboxLine::of).toList();
		model.addAttribute("page",
				new OutboxListPage(lines, recipient == null ? "" : recipient, filter.status() == null ? "" : status,
						List.of(DeliveryStatus.values()), errors, page.value(), listing.hasNext(),
						viewer.notConfigured()));
		return "notification/outbox";
	}

	@GetMapping("/admin/outbox/{id}")
	String message(@PathVariable String id, Model model) {
		OutboxViewerQueries.Row row = viewer.one(id)
			.orElseThrow(() -> new NotFoundException("notification.outbox.not-found"));
		Text text = row.redactedAt() != null ? Text.REMOVED
				: row.sensitive() && !viewer.showsSensitive() ? Text.HIDDEN : Text.SHOWN;
		boolean shown = text == Text.SHOWN;
		model.addAttribute("page", new OutboxMessagePage(OutboxLine.of(row), row.provider(), row.updatedAt(),
				row.subject(), shown ? row.body() : null, shown ? row.htmlBody() : null, text));
		return "notification/outbox-message";
	}

}
