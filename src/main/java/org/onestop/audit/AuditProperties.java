package org.onestop.audit;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Audit settings under {@code onestop.audit.*}.
 *
 * @param key the chain's HMAC key ({@code ONESTOP_AUDIT_KEY}, at least 32 characters), the same on every node and
 *        never in the database; without one, outside the {@code prod} profile, a key is generated once into
 *        {@code audit/chain.key} in the data folder ({@code ONESTOP_DATA_DIR})
 * @param retiredKeys keys used before a rotation ({@code ONESTOP_AUDIT_RETIRED_KEYS}, comma-separated), kept so
 *        that entries and checkpoints sealed with them still verify
 * @param checkpointFile the append-only checkpoint file; by default {@code audit/checkpoints.log} in the data folder
 */
@ConfigurationProperties("onestop.audit")
record AuditProperties(String key, @DefaultValue List<String> retiredKeys, Path checkpointFile) {
}
