package org.onestop.identity;

import java.util.List;
import java.util.Set;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo city's accounts, all with the password {@value #PASSWORD} (listed in the README). The
 * citizens are residents of the demo population registry. Loading again adds nothing twice.
 */
@Component
@Profile("!prod")
@Order(20)
class IdentityDemoData implements ApplicationRunner {

	static final String PASSWORD = "demo12345";

	record DemoCitizen(String username, String name, String idNumber, String phone) {
	}

	record DemoStaff(String username, String name, String department, Set<Role> roles) {
	}

	static final List<DemoCitizen> CITIZENS = List.of(
			new DemoCitizen("li.na", "李娜", "110106198806158882", "13397037600"),
			new DemoCitizen("wang.fang", "王芳", "110108195404123061", "18916444004"),
			new DemoCitizen("zhao.lei", "赵磊", "110108199511209651", "19263733416"));

	static final List<DemoStaff> STAFF = List.of(
			new DemoStaff("clerk.civil", "刘洋", "CA", Set.of(Role.CLERK)),
			new DemoStaff("reviewer.civil", "陈静", "CA", Set.of(Role.REVIEWER)),
			new DemoStaff("supervisor.civil", "周建华", "CA", Set.of(Role.SUPERVISOR)),
			new DemoStaff("field.civil", "吴强", "CA", Set.of(Role.FIELD_OFFICER)),
			new DemoStaff("head.civil", "郑国栋", "CA", Set.of(Role.DEPARTMENT_HEAD)),
			new DemoStaff("clerk.ps", "孙丽", "PS", Set.of(Role.CLERK)),
			new DemoStaff("reviewer.ps", "马超", "PS", Set.of(Role.REVIEWER)),
			new DemoStaff("clerk.hr", "胡敏", "HR", Set.of(Role.CLERK)),
			new DemoStaff("agent.hotline", "林婷", "GS", Set.of(Role.AGENT)),
			new DemoStaff("agent.hotline2", "钱磊", "GS", Set.of(Role.AGENT)),
			new DemoStaff("head.hotline", "邓丽华", "GS", Set.of(Role.DEPARTMENT_HEAD)),
			new DemoStaff("dispatcher", "何涛", "GS", Set.of(Role.DISPATCHER)),
			new DemoStaff("admin", "高志强", "GS", Set.of(Role.ADMIN)),
			new DemoStaff("auditor", "罗丹", "GS", Set.of(Role.AUDITOR)),
			new DemoStaff("editor", "谢雨桐", "GS", Set.of(Role.CONTENT_EDITOR)));

	private final JdbcClient db;
	private final PasswordEncoder passwords;
	private final TransactionTemplate transactions;

	IdentityDemoData(JdbcClient db, PasswordEncoder passwords, TransactionTemplate transactions) {
		this.db = db;
		this.passwords = passwords;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean loaded = db.sql("SELECT count(*) FROM identity_account WHERE username IN ('li.na', 'admin', 'head.hotline')")
			.query(Integer.class).single() == 3;
		if (loaded) {
			return;
		}
		// One hash for every demo account: these passwords are public anyway, and start-up stays quick.
		String hash = passwords.encode(PASSWORD);
		transactions.executeWithoutResult(status -> {
			CITIZENS.forEach(c -> account(c.username(), c.name(), "CITIZEN", hash).ifPresent(id -> db.sql(
					"INSERT INTO identity_citizen (account_id, id_number, phone) VALUES (:id, :idNumber, :phone) ON CONFLICT DO NOTHING")
				.param("id", id).param("idNumber", c.idNumber()).param("phone", c.phone()).update()));
			STAFF.forEach(s -> account(s.username(), s.name(), "STAFF", hash).ifPresent(id -> {
				db.sql("INSERT INTO identity_staff (account_id, department_code) VALUES (:id, :department) ON CONFLICT DO NOTHING")
					.param("id", id).param("department", s.department()).update();
				s.roles().forEach(role -> db.sql(
						"INSERT INTO identity_staff_role (account_id, role) VALUES (:id, :role) ON CONFLICT DO NOTHING")
					.param("id", id).param("role", role.name()).update());
			}));
		});
	}

	/** Inserts the account unless it exists; answers the new id, or nothing when it existed. */
	private java.util.Optional<Long> account(String username, String name, String kind, String hash) {
		return db.sql("""
				INSERT INTO identity_account (username, password_hash, kind, display_name)
				VALUES (:username, :hash, :kind, :name) ON CONFLICT (username) DO NOTHING RETURNING id""")
			.param("username", username).param("hash", hash).param("kind", kind).param("name", name)
			.query(Long.class)
			.optional();
	}
}
