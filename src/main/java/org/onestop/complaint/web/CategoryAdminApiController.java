package org.onestop.complaint.web;

import java.util.Arrays;

import org.onestop.complaint.Categories;
import org.onestop.complaint.Category;
import org.onestop.complaint.UrgencyTier;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.InvalidInputException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators edit the complaint category tree (which is also the list of Open311
 * services): create or change one category by its code.
 */
@RestController
class CategoryAdminApiController {

	private final Categories categories;

	CategoryAdminApiController(Categories categories) {
		this.categories = categories;
	}

	record CategoryRequest(String parentCode, String nameZh, String nameEn, String descriptionZh, String descriptionEn,
			String leadDepartment, Boolean certain, String urgencyTier, Integer duplicateRadiusMetres, Integer position,
			Boolean active) {
	}

	@PutMapping("/api/v1/admin/complaint-categories/{code}")
	Category save(@AuthenticationPrincipal OneStopUser admin, @PathVariable String code,
			@RequestBody CategoryRequest request) {
		UrgencyTier tier = request.urgencyTier() == null ? null
				: Arrays.stream(UrgencyTier.values())
					.filter(t -> t.name().equals(request.urgencyTier()))
					.findFirst()
					.orElseThrow(() -> new InvalidInputException("urgencyTier", "complaint.category.tier.required"));
		return categories.save(admin,
				new Category(code, request.parentCode(), request.nameZh(), request.nameEn(), request.descriptionZh(),
						request.descriptionEn(), request.leadDepartment(), Boolean.TRUE.equals(request.certain()), tier,
						request.duplicateRadiusMetres(), request.position() == null ? 1000 : request.position(),
						!Boolean.FALSE.equals(request.active())));
	}

}
