package org.onestop.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.onestop.shared.ResidentIdNumber;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Synthetic residents for load tests (demo profile only): resident number {@code n}
 * always gets the same valid ID number (region 110199, a birth date from 1960 on, a
 * sequence), so adding them twice adds nothing.
 */
@Service
@Profile("!prod")
public class SyntheticResidents {

	private final RegistryStore store;

	SyntheticResidents(RegistryStore store) {
		this.store = store;
	}

	/** One synthetic resident. */
	public record Synthetic(int number, ResidentIdNumber idNumber, String name, String phone) {
	}

	public static Synthetic of(int number) {
		LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(number / 500);
		String sequence = "%03d".formatted(number % 500 * 2 % 1000);
		ResidentIdNumber id = ResidentIdNumber.complete("110199" + birth.toString().replace("-", "") + sequence);
		return new Synthetic(number, id, "测试居民%05d".formatted(number), "139%08d".formatted(number));
	}

	/**
	 * Adds residents 1..count to the population registry; those present already are left
	 * alone.
	 */
	@Transactional
	public List<Synthetic> ensure(int count) {
		List<Synthetic> residents = new ArrayList<>();
		for (int n = 1; n <= count; n++) {
			Synthetic r = of(n);
			residents.add(r);
			store.addIfAbsent(r, "110199" + "%06d".formatted(n));
		}
		return residents;
	}

}
