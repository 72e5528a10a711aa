package org.onestop.certificate;

/**
 * An issued certificate: its verification code ({@code XXXX-XXXX-XXXX-XXXX}) and the PDF
 * to hand to the holder.
 */
public record IssuedCertificate(String code, byte[] pdf) {
}
