package org.onestop.application.vault;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Document vault settings under {@code onestop.application.vault.*}.
 *
 * @param maxDocuments how many documents one citizen's vault keeps at most
 * @param maxBytes how much the documents of one citizen's vault take together at most
 */
@ConfigurationProperties("onestop.application.vault")
record VaultProperties(@DefaultValue("200") int maxDocuments, @DefaultValue("500MB") DataSize maxBytes) {
}
