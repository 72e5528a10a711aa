/**
 * One-time codes texted to a verified phone (to confirm a registration or unlock a
 * sign-in), what they may cost per subject and client address, and the stand-ins for the
 * SMS gateway.
 */
package org.onestop.identity.code;
