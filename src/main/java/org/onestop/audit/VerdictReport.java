package org.onestop.audit;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.onestop.platform.Messages;
import org.onestop.platform.PlatformProperties;

import org.springframework.stereotype.Component;

/**
 * Puts a verdict into words for auditors: each finding with its numbers and a sentence in
 * their language.
 */
@Component
class VerdictReport {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final Messages messages;

	private final PlatformProperties platform;

	VerdictReport(Messages messages, PlatformProperties platform) {
		this.messages = messages;
		this.platform = platform;
	}

	Map<String, Object> of(AuditVerification.Verdict verdict) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("valid", verdict.valid());
		body.put("entries", verdict.entries());
		body.put("head", verdict.head());
		body.put("walkedFrom", verdict.from());
		body.put("sampled", verdict.sampled());
		body.put("checkpoints", verdict.checkpoints());
		if (verdict.newestCheckpoint() != null) {
			body.put("newestCheckpoint", verdict.newestCheckpoint());
		}
		if (verdict.valid()) {
			Checkpoint newest = verdict.newestCheckpoint();
			body.put("summary",
					newest == null ? messages.get("audit.verify.intact.no-checkpoints", verdict.entries())
							: messages.get("audit.verify.intact", verdict.entries(), verdict.checkpoints(),
									newest.seq(), time(newest.at())));
		}
		else {
			body.put("summary", messages.get("audit.verify.tampered", verdict.findings().size()));
			body.put("findings", verdict.findings().stream().map(this::finding).toList());
			if (verdict.firstBrokenEntry() != null) {
				body.put("firstBrokenEntry", verdict.firstBrokenEntry());
			}
		}
		if (!verdict.tornLines().isEmpty()) {
			body.put("notes", verdict.tornLines().stream().map(this::note).toList());
		}
		return body;
	}

	private Map<String, Object> note(Findings.TornLine torn) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("kind", "torn-line");
		out.put("line", torn.line());
		out.put("byteOffset", torn.offset());
		out.put("message", messages.get("audit.note.torn-line", torn.line(), torn.offset()));
		return out;
	}

	private Map<String, Object> finding(Findings.Finding finding) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("kind", finding.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
		switch (finding.kind()) {
			case CHECKPOINT_INVALID -> {
				out.put("firstLine", finding.from());
				out.put("lines", finding.count());
			}
			case CHECKPOINTS_UNREADABLE -> out.put("reason", finding.detail());
			default -> {
				out.put("fromSeq", finding.from());
				out.put("toSeq", finding.to());
				out.put("count", finding.count());
			}
		}
		if (finding.firstEntry() != null) {
			out.put("firstEntry", finding.firstEntry());
		}
		if (finding.kind() == Findings.Kind.TRUNCATED) {
			out.put("head", Long.parseLong(finding.detail()));
			out.put("checkpointAt", finding.checkpointAt());
		}
		if (finding.kind() == Findings.Kind.UNKNOWN_KEY) {
			out.put("keyId", finding.detail());
		}
		out.put("message", message(finding));
		return out;
	}

	private String message(Findings.Finding f) {
		String range = f.from() == f.to() ? Long.toString(f.from()) : f.from() + "–" + f.to();
		return switch (f.kind()) {
			case TRUNCATED -> Long.parseLong(f.detail()) < f.to()
					? messages.get("audit.finding.truncated", f.count(), range, time(f.checkpointAt()),
							Long.parseLong(f.detail()))
					: messages.get("audit.finding.truncated.since-continued", f.count(), range, time(f.checkpointAt()));
			case REMOVED -> messages.get("audit.finding.removed", range, f.count());
			case REWRITTEN -> messages.get("audit.finding.rewritten", range, f.count(), f.firstEntry());
			case REUSED -> messages.get("audit.finding.reused", range, f.count());
			case UNKNOWN_KEY -> messages.get("audit.finding.unknown-key", range, f.count(), f.detail());
			case CHECKPOINT_INVALID -> messages.get("audit.finding.checkpoint-invalid", f.count(), f.from());
			case CHECKPOINTS_UNREADABLE -> messages.get("audit.finding.checkpoints-unreadable");
		};
	}

	private String time(Instant at) {
		return TIME.format(at.atZone(platform.timeZone()));
	}

}
