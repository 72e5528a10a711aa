package org.onestop.catalog.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onestop.appointment.ServiceHall;
import org.onestop.catalog.EditorialEntry;
import org.onestop.catalog.LifeEvent;
import org.onestop.identity.Department;

/**
 * What the editors' catalog pages show; public because the compiled templates read them.
 */
public final class CatalogAdminPages {

	private CatalogAdminPages() {
	}

	/** The editors' overview of all matters. */
	public record EditorialPage(List<EditorialEntry> entries) {
	}

	/**
	 * The matter editor.
	 *
	 * @param code null for a new matter
	 * @param halls hall code to its name in both languages
	 */
	public record MatterEditPage(String code, MatterForm form, Map<String, String> errors, List<Department> departments,
			List<LifeEvent> lifeEvents, Map<String, String> halls) {

		static MatterEditPage of(String code, MatterForm form, Map<String, String> errors, List<Department> departments,
				List<LifeEvent> lifeEvents, List<ServiceHall> halls) {
			Map<String, String> hallNames = new LinkedHashMap<>();
			halls.forEach(h -> hallNames.put(h.code(), h.nameZh() + " / " + h.nameEn()));
			return new MatterEditPage(code, form, errors, departments, lifeEvents, hallNames);
		}

		public String action() {
			return code == null ? "/admin/catalog" : "/admin/catalog/" + code;
		}

		public String error(String field) {
			return errors.get(field);
		}
	}

	/** The editors' list of life events. */
	public record LifeEventAdminPage(List<LifeEvent> events) {
	}

	/** The life-event editor; {@code code} is null for a new one. */
	public record LifeEventEditPage(String code, LifeEventForm form, Map<String, String> errors) {

		public String action() {
			return code == null ? "/admin/catalog/life-events" : "/admin/catalog/life-events/" + code;
		}
	}

}
