package org.onestop.platform;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.onestop.shared.ContactChannel;

/**
 * Tells a citizen's phone from their computer for a request made in their own browser
 * (issue 15), so that the channel figures can say how much is done on phones.
 * <p>
 * The rule: the browser's own client hint {@code Sec-CH-UA-Mobile} decides when it is
 * sent ({@code ?1} a phone, anything else not); without it, the user agent is a phone
 * when it carries one of the usual phone markers: {@code Mobi} (as MDN advises: Android
 * phones, iOS Safari, Firefox and Opera on phones, and the in-app browsers of WeChat,
 * Alipay and HarmonyOS phones all say {@code Mobile}), {@code iPhone}, {@code iPod},
 * {@code Windows
 * Phone} or {@code Opera Mini}. Tablets (an Android tablet's or an iPad's user agent has
 * none of these) count as computers, and so does a request with no user agent at all.
 */
public final class OnlineChannel {

	private static final List<String> PHONE_MARKERS = List.of("mobi", "iphone", "ipod", "windows phone", "opera mini");

	private OnlineChannel() {
	}

	/** WEB or MOBILE_WEB for this request. */
	public static ContactChannel of(HttpServletRequest request) {
		return of(request.getHeader("Sec-CH-UA-Mobile"), request.getHeader("User-Agent"));
	}

	/**
	 * WEB or MOBILE_WEB from the client hint (may be null) and the user agent (may be
	 * null).
	 */
	public static ContactChannel of(String mobileHint, String userAgent) {
		if (mobileHint != null && !mobileHint.isBlank()) {
			return "?1".equals(mobileHint.strip()) ? ContactChannel.MOBILE_WEB : ContactChannel.WEB;
		}
		if (userAgent == null) {
			return ContactChannel.WEB;
		}
		String agent = userAgent.toLowerCase(Locale.ROOT);
		return PHONE_MARKERS.stream().anyMatch(agent::contains) ? ContactChannel.MOBILE_WEB : ContactChannel.WEB;
	}

}
