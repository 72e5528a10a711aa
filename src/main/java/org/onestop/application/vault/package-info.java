/**
 * The citizen's document vault: documents kept once and reused across applications, their
 * files (stored once per content), and each citizen's quota.
 */
package org.onestop.application.vault;
