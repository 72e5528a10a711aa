package org.onestop.notification.sms;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PopSignatureTests {

	/** The worked example in Aliyun's SMS documentation ("HTTP 协议及签名"). */
	@Test
	void signsAliyunsPublishedExample() {
		Map<String, String> parameters = new HashMap<>();
		parameters.put("AccessKeyId", "testId");
		parameters.put("Action", "SendSms");
		parameters.put("Format", "XML");
		parameters.put("OutId", "123");
		parameters.put("PhoneNumbers", "15300000001");
		parameters.put("RegionId", "cn-hangzhou");
		parameters.put("SignName", "阿里云短信测试专用");
		parameters.put("SignatureMethod", "HMAC-SHA1");
		parameters.put("SignatureNonce", "45e25e9b-0a6f-4070-8c85-2956eda1b466");
		parameters.put("SignatureVersion", "1.0");
		parameters.put("TemplateCode", "SMS_71390007");
		parameters.put("TemplateParam", "{\"customer\":\"test\"}");
		parameters.put("Timestamp", "2017-07-12T02:42:19Z");
		parameters.put("Version", "2017-05-25");

		assertThat(PopSignature.stringToSign("GET", parameters)).startsWith(
				"GET&%2F&AccessKeyId%3DtestId%26Action%3DSendSms%26Format%3DXML%26OutId%3D123%26PhoneNumbers%3D15300000001")
			.endsWith("Timestamp%3D2017-07-12T02%253A42%253A19Z%26Version%3D2017-05-25");
		assertThat(PopSignature.sign("GET", parameters, "testSecret")).isEqualTo("zJDF+Lrzhj/ThnlvIToysFRq6t4=");
	}

	@Test
	void encodesAsRfc3986NotAsForms() {
		assertThat(PopSignature.percentEncode("a b*c~d+e/f")).isEqualTo("a%20b%2Ac~d%2Be%2Ff");
	}

	@Test
	void leavesAnEarlierSignatureOutOfTheSignedText() {
		Map<String, String> parameters = new HashMap<>(Map.of("A", "1"));
		String unsigned = PopSignature.canonicalQuery(parameters);
		parameters.put("Signature", "x");
		assertThat(PopSignature.canonicalQuery(parameters)).isEqualTo(unsigned).isEqualTo("A=1");
	}

	@Test
	void masksPhoneNumbersForLogs() {
		assertThat(Phones.masked("isv.MOBILE_NUMBER_ILLEGAL: 13812345678 invalid"))
			.isEqualTo("isv.MOBILE_NUMBER_ILLEGAL: 138****5678 invalid");
		assertThat(Phones.masked("BizId 900619746936498412")).isEqualTo("BizId 900619746936498412");
	}

}
