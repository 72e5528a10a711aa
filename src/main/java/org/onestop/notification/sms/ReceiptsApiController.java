package org.onestop.notification.sms;

import java.util.Map;

import org.onestop.notification.DeliveryReceipts;
import org.onestop.platform.NotFoundException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where SMS providers push delivery receipts. The body is taken as bytes and read only
 * after the token is checked, so that a caller without it learns nothing from how its
 * body is judged.
 */
@RestController
class ReceiptsApiController {

	static final String TOKEN_HEADER = "X-OneStop-Receipt-Token";

	/** What Aliyun expects back; anything else makes it push the batch again. */
	private static final Map<String, Object> ALIYUN_TAKEN = Map.of("code", 0, "msg", "成功");

	private final ReceiptToken token;

	private final DeliveryReceipts receipts;

	ReceiptsApiController(ReceiptToken token, DeliveryReceipts receipts) {
		this.token = token;
		this.receipts = receipts;
	}

	@PostMapping("/api/v1/notifications/receipts/{provider}")
	Map<String, Object> receive(@PathVariable String provider,
			@RequestParam(name = "token", required = false) String queryToken,
			@RequestHeader(name = TOKEN_HEADER, required = false) String headerToken,
			@RequestBody(required = false) byte[] body) {
		token.check(headerToken != null ? headerToken : queryToken);
		if (!provider.equals(AliyunSmsGateway.NAME)) {
			throw new NotFoundException("problem.detail.404");
		}
		receipts.settle(provider, AliyunReports.read(body));
		return ALIYUN_TAKEN;
	}

}
