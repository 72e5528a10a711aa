package org.onestop.identity.mandate;

import java.util.List;
import java.util.Set;

import org.onestop.platform.ProblemException.FieldProblem;

/** The grantor's signed mandate form, scanned at the counter: an image or a PDF. */
record Signature(String fileName, String contentType, byte[] content) {

	static final int MAX_BYTES = 5 * 1024 * 1024;

	private static final Set<String> TYPES = Set.of("image/jpeg", "image/png", "application/pdf");

	void check(List<FieldProblem> problems) {
		if (content == null || content.length == 0) {
			problems.add(new FieldProblem("signature", "mandate.counter.signature-required"));
		}
		else if (content.length > MAX_BYTES) {
			problems.add(new FieldProblem("signature", "mandate.counter.signature-too-large"));
		}
		else if (!TYPES.contains(contentType) || !looksLike(contentType)) {
			problems.add(new FieldProblem("signature", "mandate.counter.signature-type"));
		}
	}

	// The declared type is the sender's word: the first bytes must agree with it.
	private boolean looksLike(String type) {
		return switch (type) {
			case "image/png" -> starts(0x89, 'P', 'N', 'G');
			case "image/jpeg" -> starts(0xFF, 0xD8, 0xFF);
			default -> starts('%', 'P', 'D', 'F');
		};
	}

	private boolean starts(int... bytes) {
		if (content.length < bytes.length) {
			return false;
		}
		for (int i = 0; i < bytes.length; i++) {
			if ((content[i] & 0xFF) != bytes[i]) {
				return false;
			}
		}
		return true;
	}

}
