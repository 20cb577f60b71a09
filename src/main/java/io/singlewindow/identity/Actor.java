package io.singlewindow.identity;

import java.util.Set;
import java.util.UUID;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Uscc;

/**
 * The person or system behind the current request, with what it may do.
 *
 * @param userId the account
 * @param username login name
 * @param displayName how to greet them
 * @param role their role
 * @param enterprise for traders and brokers their own enterprise; otherwise {@literal null}
 * @param agency for officers their agency; otherwise {@literal null}
 * @param principals for brokers the enterprises that currently authorise them; otherwise empty
 */
public record Actor(UUID userId, String username, String displayName, Role role, Uscc enterprise, AgencyCode agency,
		Set<Uscc> principals) {

	public Actor {
		principals = Set.copyOf(principals);
	}

	/** Whether this actor may submit, apply or change data on behalf of {@code uscc}. */
	public boolean mayActFor(Uscc uscc) {
		return switch (role) {
			case TRADER -> uscc.equals(enterprise);
			case BROKER -> uscc.equals(enterprise) || principals.contains(uscc);
			case OFFICER, ADMIN -> false;
		};
	}

	/** Whether this actor may read the data of {@code uscc}: its own side, or any enterprise for officers and admins. */
	public boolean maySee(Uscc uscc) {
		return role == Role.OFFICER || role == Role.ADMIN || mayActFor(uscc);
	}

	/** Whether this actor decides for {@code agencyCode}. */
	public boolean mayActAs(AgencyCode agencyCode) {
		return role == Role.OFFICER && agencyCode.equals(agency);
	}

	/** @throws Problem 403 {@code NOT_AUTHORISED_FOR_ENTERPRISE} unless {@link #mayActFor(Uscc)} */
	public void requireActFor(Uscc uscc) {
		if (!mayActFor(uscc)) {
			throw Problem.forbidden("NOT_AUTHORISED_FOR_ENTERPRISE", uscc);
		}
	}

	/** @throws Problem 403 {@code NOT_AUTHORISED_FOR_ENTERPRISE} unless {@link #maySee(Uscc)} */
	public void requireSee(Uscc uscc) {
		if (!maySee(uscc)) {
			throw Problem.forbidden("NOT_AUTHORISED_FOR_ENTERPRISE", uscc);
		}
	}

	/** @throws Problem 403 {@code NOT_AUTHORISED_FOR_AGENCY} unless {@link #mayActAs(AgencyCode)} */
	public void requireActAs(AgencyCode agencyCode) {
		if (!mayActAs(agencyCode)) {
			throw Problem.forbidden("NOT_AUTHORISED_FOR_AGENCY", agencyCode);
		}
	}

	/** @throws Problem 403 {@code ROLE_REQUIRED} unless this actor has one of {@code roles} */
	public void requireRole(Role... roles) {
		for (Role r : roles) {
			if (r == role) {
				return;
			}
		}
		throw Problem.forbidden("ROLE_REQUIRED", java.util.Arrays.toString(roles));
	}

	public boolean is(Role r) {
		return role == r;
	}
}
