package org.onestop.identity.web;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import org.onestop.identity.staff.StaffAdministration;
import org.onestop.identity.staff.StaffChange;
import org.onestop.identity.staff.StaffForm;
import org.onestop.identity.staff.StaffMember;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff accounts, for administrators. */
@RestController
@RequestMapping("/api/v1/admin/staff")
class StaffAdminApiController {

	private final StaffAdministration administration;

	StaffAdminApiController(StaffAdministration administration) {
		this.administration = administration;
	}

	@GetMapping
	List<StaffMember> list() {
		return administration.list();
	}

	@PostMapping
	ResponseEntity<Void> create(@RequestBody StaffForm form, Principal admin) {
		administration.create(admin.getName(), form);
		return ResponseEntity.created(URI.create("/api/v1/admin/staff/" + form.username())).build();
	}

	@PutMapping("/{username}")
	ResponseEntity<Void> change(@PathVariable String username, @RequestBody StaffChange change, Principal admin) {
		administration.change(admin.getName(), username, change);
		return ResponseEntity.noContent().build();
	}

}
