/**
 * Getting in: the password check with its per-address locks and back-off, API tokens,
 * lifting locks (by a texted code or an administrator), and the security rules every
 * request passes through.
 */
package org.onestop.identity.signin;
