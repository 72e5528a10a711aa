package org.onestop.appointment;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The city's service halls. */
@Service
public class ServiceHalls {

	private final JdbcClient db;

	ServiceHalls(JdbcClient db) {
		this.db = db;
	}

	public List<ServiceHall> all() {
		return db.sql("SELECT * FROM appointment_service_hall ORDER BY code").query(ServiceHall.class).list();
	}
}
