package io.singlewindow.identity;

import java.util.Set;
import java.util.UUID;

import org.springframework.context.support.DefaultMessageSourceResolvable;

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
 * @param rights for traders and brokers what their enterprise's administrator lets them change for the enterprises
 *     they act for ({@link OperatorRight}); reading needs none
 */
public record Actor(UUID userId, String username, String displayName, Role role, Uscc enterprise, AgencyCode agency,
		Set<Uscc> principals, Set<OperatorRight> rights) {

	public Actor {
		principals = Set.copyOf(principals);
		rights = Set.copyOf(rights);
	}

	/** An actor holding every right its role allows: officers, administrators, systems, an enterprise's administrator. */
	public Actor(UUID userId, String username, String displayName, Role role, Uscc enterprise, AgencyCode agency,
			Set<Uscc> principals) {
		this(userId, username, displayName, role, enterprise, agency, principals, OperatorRight.all());
	}

	/** Whether this actor may submit, apply or change data on behalf of {@code uscc}. */
	public boolean mayActFor(Uscc uscc) {
		return switch (role) {
			case TRADER -> uscc.equals(enterprise);
			case BROKER -> uscc.equals(enterprise) || principals.contains(uscc);
			case OFFICER, ADMIN -> false;
		};
	}

	/**
	 * Whether this actor may change, with {@code right}, the data of {@code uscc}: it acts for the enterprise and its
	 * administrator granted it the right.
	 */
	public boolean mayActFor(Uscc uscc, OperatorRight right) {
		return mayActFor(uscc) && rights.contains(right);
	}

	/**
	 * Whether this trader or broker holds {@code right} (for whichever enterprise it acts for); pages ask it before
	 * offering an action. Officers and the zone's administrators hold no operator right.
	 */
	public boolean holds(OperatorRight right) {
		return (role == Role.TRADER || role == Role.BROKER) && rights.contains(right);
	}

	/** Whether this actor may read the data of {@code uscc}: its own side, or any enterprise for officers and admins. */
	public boolean maySee(Uscc uscc) {
		return role == Role.OFFICER || role == Role.ADMIN || mayActFor(uscc);
	}

	/** Whether this actor decides for {@code agencyCode}. */
	public boolean mayActAs(AgencyCode agencyCode) {
		return role == Role.OFFICER && agencyCode.equals(agency);
	}

	/**
	 * @throws Problem 403 {@code NOT_AUTHORISED_FOR_ENTERPRISE} unless {@link #mayActFor(Uscc)}, then
	 *     {@code OPERATOR_RIGHT_REQUIRED} unless its administrator granted this operator {@code right}
	 */
	public void requireActFor(Uscc uscc, OperatorRight right) {
		if (!mayActFor(uscc)) {
			throw Problem.forbidden("NOT_AUTHORISED_FOR_ENTERPRISE", uscc);
		}
		requireRight(right);
	}

	/**
	 * For a trader or broker, before it is known which enterprise a request is for (an interchange of many messages).
	 *
	 * @throws Problem 403 {@code OPERATOR_RIGHT_REQUIRED} unless its administrator granted this operator {@code right}
	 */
	public void requireRight(OperatorRight right) {
		if (!rights.contains(right)) {
			throw Problem.forbidden("OPERATOR_RIGHT_REQUIRED", new DefaultMessageSourceResolvable(
					new String[] { "operator.right." + right.name() }, right.name()));
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
