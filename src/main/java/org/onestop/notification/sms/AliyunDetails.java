package org.onestop.notification.sms;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.onestop.notification.SmsGateway.Outcome;
import org.onestop.notification.SmsGateway.Result;

/**
 * Reads QuerySendDetails answers: the texts sent to one phone on one day, each with its
 * OutId and SendStatus (1 awaiting the receipt, 2 failed, 3 delivered).
 */
final class AliyunDetails {

	static final int PAGE_SIZE = 50;

	/**
	 * Far beyond the daily limit per phone: a bound on calls, not a limit that is
	 * reached.
	 */
	static final int MAX_PAGES = 10;

	private AliyunDetails() {
	}

	static Optional<Result> match(JsonNode answer, String outId) {
		for (JsonNode text : answer.path("SmsSendDetailDTOs").path("SmsSendDetailDTO")) {
			if (outId.equals(text.path("OutId").asText(null))) {
				return Optional.of(result(text));
			}
		}
		return Optional.empty();
	}

	static boolean hasMore(JsonNode answer, int page) {
		return answer.path("TotalCount").asLong(0) > (long) page * PAGE_SIZE;
	}

	private static Result result(JsonNode text) {
		String code = text.path("ErrCode").asText("");
		// The query does not return the BizId: receipts are matched by OutId.
		return switch (text.path("SendStatus").asInt()) {
			case 3 -> new Result(Outcome.DELIVERED, null, AliyunAnswers.detail(code));
			case 2 -> new Result(Outcome.PERMANENT_FAILURE, null, AliyunAnswers.detail(code));
			default -> new Result(Outcome.ACCEPTED, null, "awaiting receipt");
		};
	}

}
