package org.onestop.notification.sms;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.onestop.notification.SmsGateway.Outcome;
import org.onestop.notification.SmsGateway.Result;

/**
 * Sorts Dysmsapi's answers into outcomes. Aliyun answers its own refusals with HTTP 200
 * (isv.*) or 4xx (the POP gateway's), always with a {@code Code}; a code not listed here
 * is a {@link Outcome#TECHNICAL_FAILURE} for staff to look at, since retrying blindly
 * could text a person again and again, and giving up could lose a text for good.
 */
final class AliyunAnswers {

	/** The phone itself is the problem: no retry will help. */
	private static final Set<String> PERMANENT = Set.of("isv.MOBILE_NUMBER_ILLEGAL", "isv.BLACK_KEY_CONTROL_LIMIT",
			"isv.DOMESTIC_NUMBER_NOT_SUPPORTED", "isv.MOBILE_IN_BLACKLIST");

	/** Limits and hiccups that pass: try again later. */
	private static final Set<String> TEMPORARY = Set.of("isv.BUSINESS_LIMIT_CONTROL", "isv.DAY_LIMIT_CONTROL",
			"isp.SYSTEM_ERROR", "ServiceUnavailable", "InternalError", "SignatureNonceUsed");

	private static final int DETAIL_LENGTH = 300;

	private AliyunAnswers() {
	}

	/** SendSms: accepted with its BizId, or why not. */
	static Result sent(int status, JsonNode answer) {
		String code = answer.path("Code").asText("");
		if (status == 200 && code.equals("OK")) {
			return new Result(Outcome.ACCEPTED, answer.path("BizId").asText(null), "OK");
		}
		return refused(status, answer);
	}

	/** Any answer that is not "OK". */
	static Result refused(int status, JsonNode answer) {
		String code = answer.path("Code").asText("");
		String detail = detail(code + ": " + answer.path("Message").asText("") + " (HTTP " + status + ")");
		return new Result(outcome(status, code), null, detail);
	}

	/** An answer that is not Aliyun's JSON, as a proxy's error page would be. */
	static Result unreadable(int status) {
		Outcome outcome = status >= 500 || status == 200 ? Outcome.TEMPORARY_FAILURE : Outcome.TECHNICAL_FAILURE;
		return new Result(outcome, null, "unreadable answer (HTTP " + status + ")");
	}

	static Outcome outcome(int status, String code) {
		if (PERMANENT.contains(code)) {
			return Outcome.PERMANENT_FAILURE;
		}
		// A 5xx with an isv.* code is still Aliyun refusing what we sent.
		if (TEMPORARY.contains(code) || code.startsWith("Throttling") || status == 429
				|| (status >= 500 && !code.startsWith("isv."))) {
			return Outcome.TEMPORARY_FAILURE;
		}
		return Outcome.TECHNICAL_FAILURE;
	}

	/** For staff: short, and without the phone number Aliyun may echo. */
	static String detail(String text) {
		String masked = Phones.masked(text);
		return masked.length() <= DETAIL_LENGTH ? masked : masked.substring(0, DETAIL_LENGTH);
	}

}
