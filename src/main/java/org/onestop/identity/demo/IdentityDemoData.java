package org.onestop.identity.demo;

import java.util.List;
import java.util.Set;

import org.onestop.identity.Role;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo city's accounts, all with the password {@value #PASSWORD} (listed in the
 * README). The citizens are residents of the demo population registry. Loading again adds
 * nothing twice.
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
			new DemoCitizen("zhao.lei", "赵磊", "110108199511209651", "19263733416"),
			// 王芳's daughter, in a household of her own: she acts for her mother with a
			// mandate (issue 15).
			new DemoCitizen("li.mei", "李梅", "110108198005206023", "13911520680"));

	/** Accounts that all exist once the demo city has been loaded. */
	private static final List<String> LOADED = List.of("li.na", "admin", "head.hotline", "head.dispatch",
			"supervisor.services");

	static final List<DemoStaff> STAFF = List.of(new DemoStaff("clerk.civil", "刘洋", "CA", Set.of(Role.CLERK)),
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
			new DemoStaff("dispatcher", "何涛", "DC", Set.of(Role.DISPATCHER)),
			new DemoStaff("head.dispatch", "韩冬梅", "DC", Set.of(Role.DEPARTMENT_HEAD)),
			new DemoStaff("handler.civil", "许文博", "CA", Set.of(Role.COMPLAINT_HANDLER)),
			new DemoStaff("handler.ps", "彭晓军", "PS", Set.of(Role.COMPLAINT_HANDLER)),
			new DemoStaff("handler.um", "曹振宇", "UM", Set.of(Role.COMPLAINT_HANDLER)),
			new DemoStaff("admin", "高志强", "GS", Set.of(Role.ADMIN)),
			new DemoStaff("auditor", "罗丹", "GS", Set.of(Role.AUDITOR)),
			new DemoStaff("editor", "谢雨桐", "GS", Set.of(Role.CONTENT_EDITOR)),
			// Issue 17: decides whether a rating a department flagged as malicious is
			// excluded.
			new DemoStaff("supervisor.services", "蒋文斌", "GS", Set.of(Role.SERVICES_SUPERVISOR)));

	private final DemoAccountStore store;

	private final PasswordEncoder passwords;

	private final TransactionTemplate transactions;

	IdentityDemoData(DemoAccountStore store, PasswordEncoder passwords, TransactionTemplate transactions) {
		this.store = store;
		this.passwords = passwords;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean loaded = store.existing(LOADED) == LOADED.size();
		if (loaded) {
			return;
		}
		// One hash for every demo account: these passwords are public anyway, and
		// start-up stays quick.
		String hash = passwords.encode(PASSWORD);
		transactions.executeWithoutResult(status -> {
			CITIZENS.forEach(c -> store.newAccount(c.username(), c.name(), "CITIZEN", hash)
				.ifPresent(id -> store.citizen(id, c.idNumber(), c.phone())));
			STAFF.forEach(s -> store.newAccount(s.username(), s.name(), "STAFF", hash)
				.ifPresent(id -> store.staff(id, s.department(), s.roles())));
		});
	}

}
