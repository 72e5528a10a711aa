package org.onestop.identity.code;

import java.time.Instant;

/**
 * One code as it would have been texted (a stand-in for the SMS gateway).
 *
 * @param purpose {@code REGISTRATION} or {@code UNLOCK}
 * @param recipient who it is for: a masked ID number, or a username
 * @param phone the masked phone number it would have gone to
 */
public record DemoText(String purpose, String recipient, String phone, String code, Instant sentAt, Instant expiresAt) {
}
