package org.onestop.notification.sms;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.onestop.notification.DeliveryReceipts.Receipt;
import org.onestop.platform.InvalidRequestException;

/**
 * Reads Aliyun's SmsReport push: a JSON array of {@code {phone_number, send_time,
 * report_time, success, err_code, err_msg, sms_size, biz_id, out_id}}. The phone number
 * is not kept: the row already has it.
 */
final class AliyunReports {

	/** Far above what Aliyun batches; the body limit of the API holds as well. */
	static final int MAX_REPORTS = 1000;

	private static final ObjectMapper JSON = new ObjectMapper();

	private AliyunReports() {
	}

	static List<Receipt> read(byte[] body) {
		JsonNode reports;
		try {
			reports = body == null || body.length == 0 ? null : JSON.readTree(body);
		}
		catch (IOException ex) {
			reports = null;
		}
		if (reports == null || !reports.isArray()) {
			throw new InvalidRequestException("problem.detail.unreadable");
		}
		if (reports.size() > MAX_REPORTS) {
			throw new InvalidRequestException("problem.detail.receipts-too-many", MAX_REPORTS);
		}
		List<Receipt> receipts = new ArrayList<>(reports.size());
		for (JsonNode report : reports) {
			if (!report.isObject()) {
				throw new InvalidRequestException("problem.detail.unreadable");
			}
			receipts.add(new Receipt(text(report, "out_id"), text(report, "biz_id"), delivered(report),
					text(report, "err_code"), text(report, "err_msg")));
		}
		return receipts;
	}

	/** Aliyun sends a boolean; some of its samples show the string "true". */
	private static boolean delivered(JsonNode report) {
		JsonNode success = report.path("success");
		return success.isBoolean() ? success.booleanValue() : success.asText().equalsIgnoreCase("true");
	}

	private static String text(JsonNode report, String field) {
		JsonNode value = report.path(field);
		if (!value.isValueNode() || value.isNull()) {
			return null;
		}
		String text = value.asText().replaceAll("\\p{Cntrl}", " ").strip();
		return text.length() <= 200 ? text : text.substring(0, 200);
	}

}
