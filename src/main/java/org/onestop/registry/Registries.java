package org.onestop.registry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.onestop.platform.InvalidInputException;
import org.onestop.shared.LocalizedText;
import org.onestop.shared.ResidentIdNumber;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Data exchange over all base registries: what data items exist, reading some of them
 * about a resident (each registry read logged with its purpose), and the log the resident
 * may read.
 */
@Service
public class Registries {

	private final RegistryStore store;

	private final AccessLog log;

	Registries(RegistryStore store, AccessLog log) {
		this.store = store;
		this.log = log;
	}

	/**
	 * A data item's name in both languages ({@code population.name} is 姓名 / Name), for
	 * showing it instead of its key.
	 */
	public Optional<LocalizedText> label(String key) {
		return items().stream().filter(i -> i.key().equals(key)).map(DataItemDefinition::label).findFirst();
	}

	public List<DataItemDefinition> items() {
		List<DataItemDefinition> items = new ArrayList<>();
		RegistrySource.ALL.forEach(source -> source.items()
			.forEach((column, label) -> items
				.add(new DataItemDefinition(source.key(column), label, source.code(), source.department()))));
		return items;
	}

	/**
	 * Reads the named data items about a resident. Items a registry does not hold for
	 * them are simply absent from the answer: missing data never blocks anyone. Only
	 * registries that are asked for something are read, and each read is logged.
	 * @param keys item keys such as {@code population.address}; unknown keys are refused
	 */
	@Transactional
	public Map<String, String> read(ResidentIdNumber idNumber, Collection<String> keys, Accessor accessor,
			String purpose) {
		Set<String> known = Set.copyOf(items().stream().map(DataItemDefinition::key).toList());
		List<String> unknown = keys.stream().filter(k -> !known.contains(k)).toList();
		if (!unknown.isEmpty()) {
			throw new InvalidInputException("items", "registry.items.unknown", String.join(", ", unknown));
		}
		if (purpose == null || purpose.isBlank()) {
			throw new InvalidInputException("purpose", "registry.purpose.required");
		}
		Map<String, String> values = new LinkedHashMap<>();
		List<RegistryStore.RegistryRead> reads = new ArrayList<>();
		for (RegistrySource source : RegistrySource.ALL) {
			List<String> wanted = source.items().keySet().stream().filter(c -> keys.contains(source.key(c))).toList();
			if (wanted.isEmpty()) {
				continue;
			}
			store.record(source, idNumber, wanted)
				.forEach((column, value) -> values.put(source.key(column), value instanceof BigDecimal number
						? number.stripTrailingZeros().toPlainString() : value.toString().strip()));
			reads.add(new RegistryStore.RegistryRead(source.code(), wanted.stream().map(source::key).toList()));
		}
		log.record(idNumber, reads, accessor, purpose);
		return values;
	}

	/** The most recent reads of a resident's data, newest first. */
	public List<DataAccess> accessLog(ResidentIdNumber idNumber, int limit) {
		return log.of(idNumber, Math.min(Math.max(limit, 1), 500));
	}

}
