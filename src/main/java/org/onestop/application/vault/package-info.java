/**
 * The citizen's document vault: documents kept once and reused across applications, their
 * files (stored once per content), and each citizen's quota. Named as an interface so
 * that complaints can take their photos from it.
 */
@NamedInterface("vault")
package org.onestop.application.vault;

import org.springframework.modulith.NamedInterface;
