package org.onestop.application.vault;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of file the vault accepts, recognised by their first bytes, never by name or
 * by what the browser claims.
 */
enum DocumentType {

	PDF("application/pdf", new byte[] { '%', 'P', 'D', 'F', '-' }),
	PNG("image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }),
	JPEG("image/jpeg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF });

	private final String contentType;

	private final byte[] magic;

	DocumentType(String contentType, byte[] magic) {
		this.contentType = contentType;
		this.magic = magic;
	}

	String contentType() {
		return contentType;
	}

	static Optional<DocumentType> of(byte[] head) {
		for (DocumentType type : values()) {
			if (head.length >= type.magic.length
					&& Arrays.equals(head, 0, type.magic.length, type.magic, 0, type.magic.length)) {
				return Optional.of(type);
			}
		}
		return Optional.empty();
	}

}
