package org.onestop.notification.sms;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Aliyun SMS (Dysmsapi) under {@code onestop.notification.sms.aliyun.*}; used when
 * {@code onestop.notification.sms.provider=aliyun}.
 *
 * @param endpoint the API's base address (a stub's in tests)
 * @param accessKeyId a RAM user's AccessKey id, allowed only {@code dysms:SendSms} and
 * {@code dysms:QuerySendDetails}
 * @param accessKeySecret its secret; never logged, never shown
 * @param region the RegionId sent with each call
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer
 */
@ConfigurationProperties("onestop.notification.sms.aliyun")
record AliyunProperties(@DefaultValue("https://dysmsapi.aliyuncs.com") URI endpoint,
		@DefaultValue("") String accessKeyId, @DefaultValue("") String accessKeySecret,
		@DefaultValue("cn-hangzhou") String region, @DefaultValue("PT2S") Duration connectTimeout,
		@DefaultValue("PT5S") Duration readTimeout) {

	boolean configured() {
		return !accessKeyId.isBlank() && !accessKeySecret.isBlank();
	}

	/** A record would print the secret; this never does. */
	@Override
	public String toString() {
		return "AliyunProperties[endpoint=" + endpoint + ", accessKeyId=" + accessKeyId + ", region=" + region
				+ ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
	}

}
