package org.onestop.testdata;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

import org.onestop.shared.ResidentIdNumber;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Makes fresh residents for a test: a valid ID number (GB 11643, with its check digit)
 * that no other resident has, the age asked for, a name and a mobile number, written to
 * the population registry and, if asked, to the social-security registry.
 * {@code residents.aged(72).withSocialSecurity().create()}.
 */
public class Residents {

	/**
	 * Region 110109 (Mentougou): no demo resident and no synthetic load-test resident
	 * lives there.
	 */
	public static final String REGION = "110109";

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙" };

	private static final String[] GIVEN_NAMES = { "建国", "秀兰", "志强", "桂英", "德明", "淑珍", "国华", "玉梅", "永福", "丽华", "文杰",
			"春燕" };

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private static final AtomicInteger NEXT = new AtomicInteger(1);

	private final ResidentStore store;

	/** The platform's: a test that moves it gets residents of the right age then. */
	private final Clock clock;

	public Residents(JdbcClient db, Clock clock) {
		this.store = new ResidentStore(db);
		this.clock = clock;
	}

	/** Someone of the given age in whole years, today and for months either side. */
	public Builder aged(int years) {
		return new Builder(years, null, true, false);
	}

	/**
	 * What the elderly allowance (CA-ELD-001) needs: 75 years old, retired, with a
	 * social-security card.
	 */
	public Resident elder() {
		return aged(75).withSocialSecurity().create();
	}

	/** A resident still to be written; each method returns a new builder. */
	public final class Builder {

		private final int years;

		private final String name;

		private final boolean phone;

		private final boolean socialSecurity;

		private Builder(int years, String name, boolean phone, boolean socialSecurity) {
			this.years = years;
			this.name = name;
			this.phone = phone;
			this.socialSecurity = socialSecurity;
		}

		public Builder named(String name) {
			return new Builder(years, name, phone, socialSecurity);
		}

		/** No mobile number in the registry, so registration can send them no code. */
		public Builder withoutPhone() {
			return new Builder(years, name, false, socialSecurity);
		}

		public Builder withSocialSecurity() {
			return new Builder(years, name, phone, true);
		}

		/** Writes the resident to the registries and returns them. */
		public Resident create() {
			while (true) {
				int n = NEXT.getAndIncrement();
				Resident resident = resident(n);
				// A number taken already (by an earlier test context on the same
				// database) is skipped.
				if (store.add(resident, n)) {
					if (socialSecurity) {
						store.addRetired(resident);
					}
					return resident;
				}
			}
		}

		private Resident resident(int n) {
			// Born 100 to 249 days before the birthday that made them this old: the age
			// holds for months.
			LocalDate birth = LocalDate.now(clock.withZone(BEIJING)).minusYears(years).minusDays(100 + n % 150);
			int sequence = (n / 150) % 500 * 2 + (n % 2);
			ResidentIdNumber id = ResidentIdNumber
				.complete(REGION + birth.toString().replace("-", "") + "%03d".formatted(sequence));
			String fullName = name != null ? name
					: SURNAMES[n % SURNAMES.length] + GIVEN_NAMES[n / 7 % GIVEN_NAMES.length];
			String mobile = phone ? "1390109%04d".formatted(n % 10_000) : null;
			String card = socialSecurity ? "S" + id.value().substring(10) : null;
			return new Resident(id, fullName, mobile, card);
		}

	}

}
