/**
 * Electronic certificates (电子证照): issued once per approved application as a PDF that
 * carries a verification code and a QR code, and checked by anyone, without signing in,
 * at {@code /verify}. A verifier sees only what the certificate itself prints; the
 * holder's ID number is stored masked.
 */
@ApplicationModule(displayName = "E-certificates", allowedDependencies = { "shared", "platform" })
package org.onestop.certificate;

import org.springframework.modulith.ApplicationModule;
