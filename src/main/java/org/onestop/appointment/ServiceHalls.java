package org.onestop.appointment;

import java.util.List;
import java.util.Optional;

import org.onestop.appointment.hall.HallDirectory;
import org.springframework.stereotype.Service;

/** The city's service halls. */
@Service
public class ServiceHalls {

	private final HallDirectory directory;

	ServiceHalls(HallDirectory directory) {
		this.directory = directory;
	}

	public List<ServiceHall> all() {
		return directory.serviceHalls();
	}

	public Optional<ServiceHall> find(String code) {
		return all().stream().filter(h -> h.code().equals(code)).findFirst();
	}

}
