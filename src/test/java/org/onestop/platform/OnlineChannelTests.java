package org.onestop.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onestop.shared.ContactChannel;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Phones and computers told apart by real user agents and the client hint.
 */
class OnlineChannelTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
							Chrome on Windows | Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 | WEB
							Safari on a Mac | Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15 | WEB
							Firefox on Linux | Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0 | WEB
							Edge on Windows | Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91 | WEB
							iPad | Mozilla/5.0 (iPad; CPU OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/604.1 | WEB
							Android tablet | Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 | WEB
							WeChat on Windows | Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/81.0.4044.138 Safari/537.36 NetType/WIFI MicroMessenger/7.0.20.1781(0x6700143B) WindowsWechat(0x6309071d) XWEB/8461 | WEB
							Safari on an iPhone | Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1 | MOBILE_WEB
							Chrome on Android | Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36 | MOBILE_WEB
							Firefox on Android | Mozilla/5.0 (Android 14; Mobile; rv:121.0) Gecko/121.0 Firefox/121.0 | MOBILE_WEB
							WeChat on Android | Mozilla/5.0 (Linux; Android 12; V2134A Build/SP1A.210812.003; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/107.0.5304.141 Mobile Safari/537.36 XWEB/5023 MMWEBSDK/20230405 MicroMessenger/8.0.35.2360(0x28002351) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64 | MOBILE_WEB
							Huawei browser on HarmonyOS | Mozilla/5.0 (Linux; Android 10; HarmonyOS; NOH-AN00; HMSCore 6.11.0.302) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/99.0.4844.88 HuaweiBrowser/14.0.0.322 Mobile Safari/537.36 | MOBILE_WEB
							UC browser on Android | Mozilla/5.0 (Linux; U; Android 11; zh-CN; M2012K11AC Build/RKQ1.200826.002) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/78.0.3904.108 UCBrowser/15.3.6.1206 Mobile Safari/537.36 | MOBILE_WEB
							Opera Mobile on Android | Opera/9.80 (Android 2.3.3; Linux; Opera Mobi/ADR-1111101157; U; es-ES) Presto/2.9.201 Version/11.50 | MOBILE_WEB
					Opera Mini | Opera/9.80 (J2ME/MIDP; Opera Mini/5.1.21214/28.2725; U; ru) Presto/2.8.119 Version/11.10 | MOBILE_WEB
							""")
	void userAgentsWithoutClientHint(String who, String userAgent, ContactChannel expected) {
		assertThat(OnlineChannel.of(null, userAgent)).as(who).isEqualTo(expected);
	}

	@ParameterizedTest(name = "hint {0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					?1 | Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36 | MOBILE_WEB
					?0 | Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 | WEB
					?1 | Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 | MOBILE_WEB
					?0 | Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36 | WEB
					""")
	void theClientHintDecidesWhenSent(String hint, String userAgent, ContactChannel expected) {
		assertThat(OnlineChannel.of(hint, userAgent)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "none",
			textBlock = """
					no headers | none | none | WEB
					blank hint, phone agent | '' | Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) Mobile/15E148 | MOBILE_WEB
					""")
	void missingHeaders(String who, String hint, String userAgent, ContactChannel expected) {
		assertThat(OnlineChannel.of(hint, userAgent)).as(who).isEqualTo(expected);
	}

	@Test
	void readsTheRequestHeaders() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("User-Agent",
				"Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36");
		assertThat(OnlineChannel.of(request)).isEqualTo(ContactChannel.MOBILE_WEB);
		request.addHeader("Sec-CH-UA-Mobile", "?0");
		assertThat(OnlineChannel.of(request)).isEqualTo(ContactChannel.WEB);
	}

}
