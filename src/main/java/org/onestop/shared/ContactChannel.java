package org.onestop.shared;

/**
 * How a piece of work reached the city (办理渠道): every application, appointment, ticket,
 * complaint and conversation records one, so that the burden figures can set online
 * against offline (promise P8) and "matters forced online" can be measured.
 * <p>
 * Not to be confused with the catalog's {@code MatterDefinition.Channel}, which says how
 * a matter <em>may</em> be done (online, one trip, at the counter).
 */
public enum ContactChannel {

	/** A citizen's own browser on a computer. */
	WEB,
	/** A citizen's own browser on a phone (told by the browser's user agent). */
	MOBILE_WEB,
	/** A clerk at a service hall's counter, for the citizen present (一窗受理). */
	COUNTER,
	/** The 12345 hotline: an agent on a call. */
	HOTLINE,
	/** A self-service kiosk in a service hall. */
	KIOSK,
	/** An Open311 client (a partner app or device). */
	OPEN311,
	/** A representative with a mandate, or a guardian, acting for the citizen (授权代办). */
	DELEGATED;

	/**
	 * Online: done through a screen with nobody of the city serving, whether by the
	 * citizen (WEB, MOBILE_WEB), a partner app (OPEN311) or a representative acting for
	 * them on the web (DELEGATED). Offline: served in a hall or by voice (COUNTER, KIOSK,
	 * HOTLINE).
	 */
	public boolean online() {
		return this == WEB || this == MOBILE_WEB || this == OPEN311 || this == DELEGATED;
	}

	/** The message key of this channel's name, for pages and receipts. */
	public String key() {
		return "channel." + name();
	}

}
