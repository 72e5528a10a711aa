package org.onestop.platform;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Platform settings under {@code onestop.*}.
 *
 * @param dataDir folder for the embedded database and uploaded files
 * ({@code ONESTOP_DATA_DIR})
 * @param timeZone the city's time zone, used for everything shown to people
 * @param db the external database; when its URL is blank an embedded PostgreSQL starts
 * instead
 * @param maxJsonBytes largest JSON request body the API accepts
 * @param publicUrl where the public reaches this site ({@code ONESTOP_PUBLIC_URL});
 * printed on documents, such as the verification link in a certificate's QR code, so it
 * must not be an internal address
 */
@ConfigurationProperties("onestop")
public record PlatformProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("Asia/Shanghai") ZoneId timeZone,
		@DefaultValue Db db, @DefaultValue("65536") long maxJsonBytes,
		@DefaultValue("http://localhost:8080") URI publicUrl) {

	/**
	 * External PostgreSQL ({@code ONESTOP_DB_URL}, {@code ONESTOP_DB_USER},
	 * {@code ONESTOP_DB_PASSWORD}).
	 */
	public record Db(String url, @DefaultValue("postgres") String user, String password) {

		boolean external() {
			return url != null && !url.isBlank();
		}
	}
}
