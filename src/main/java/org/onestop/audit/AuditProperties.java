package org.onestop.audit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Audit settings under {@code onestop.audit.*}.
 *
 * @param key the chain's HMAC key ({@code ONESTOP_AUDIT_KEY}, at least 32 characters),
 * the same on every node and never in the database; without one, outside the {@code prod}
 * profile, a key is generated once into {@code audit/chain.key} in the data folder
 * ({@code ONESTOP_DATA_DIR})
 * @param retiredKeys keys used before a rotation ({@code ONESTOP_AUDIT_RETIRED_KEYS},
 * comma-separated), kept so that entries and checkpoints sealed with them still verify
 * @param checkpointFile the append-only checkpoint file; by default
 * {@code audit/checkpoints.log} in the data folder
 * @param checkpointInterval the least time between two checkpoints (the sealer runs every
 * second; a checkpoint per run would grow the file by some 25 MB a day); the newest
 * sealed entry is covered by the first sealing run after the interval, on whichever node
 */
@ConfigurationProperties("onestop.audit")
record AuditProperties(String key, @DefaultValue List<String> retiredKeys, Path checkpointFile,
		@DefaultValue("PT10S") Duration checkpointInterval) {

	/**
	 * Without the keys: settings get logged (startup reports, actuator, exceptions),
	 * secrets must not.
	 */
	@Override
	public String toString() {
		return "AuditProperties[key=" + (key == null || key.isBlank() ? "(not set)" : "(redacted)") + ", retiredKeys="
				+ (retiredKeys == null ? 0 : retiredKeys.size()) + " redacted, checkpointFile=" + checkpointFile
				+ ", checkpointInterval=" + checkpointInterval + "]";
	}
}
