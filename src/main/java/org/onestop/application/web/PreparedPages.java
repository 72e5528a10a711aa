package org.onestop.application.web;

import java.util.List;
import java.util.Map;

import org.onestop.application.HotlineCalls;
import org.onestop.application.form.PrecheckProblem;
import org.onestop.application.hotline.PreparedApplication.Status;
import org.onestop.application.hotline.PreparedApplications.PreparedView;
import org.onestop.application.hotline.PreparedForms;

/**
 * What the pages of hotline-prepared applications read (issue 15): the citizen's page
 * reached from the inbox, the agent's two steps and the saved page, and the counter's
 * list for the resident present.
 */
public final class PreparedPages {

	private PreparedPages() {
	}

	/**
	 * The citizen's prepared application: what was prepared, by whom, from which call;
	 * the typed values they may correct, and the pre-check's problems after a refused
	 * confirmation.
	 */
	public record CitizenPage(PreparedView view, Map<String, String> values, List<PrecheckProblem> problems,
			String explanation, Map<String, String> errors, String banner) {

		public boolean pending() {
			return view.status() == Status.PENDING;
		}

	}

	/** A matter to choose, by name. */
	public record Choice(String code, String name) {
	}

	/** Step one for the agent: the caller's ID number, the matter, and the call. */
	public record StartPage(String idNumber, String serviceCode, String callId, List<Choice> matters,
			List<HotlineCalls.Call> calls, Map<String, String> errors) {
	}

	/** Step two for the agent: the form prefilled for the caller. */
	public record FormPage(PreparedForms.Filled form, String idNumber, String callId, String idempotencyKey,
			Map<String, String> values, Map<String, String> errors) {
	}

	/** What the agent saved, to read back to the caller. */
	public record SavedPage(PreparedView view) {
	}

	/**
	 * The counter's page: the resident present, their pending prepared applications, and
	 * the one just confirmed.
	 */
	public record CounterPage(String idNumber, List<PreparedView> pending, PreparedView confirmed,
			Map<String, String> errors, String errorFor) {
	}

}
