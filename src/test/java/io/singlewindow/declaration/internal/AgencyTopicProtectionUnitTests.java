package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

/** Customs' decisions topic counts as customs' own only while the broker lets customs' principal alone write it. */
class AgencyTopicProtectionUnitTests {

	static final String TOPIC = "singlewindow.decisions.customs";
	static final String CUSTOMS = "User:customs-clearance";

	static AclBinding allow(String principal, AclOperation operation) {
		return new AclBinding(new ResourcePattern(ResourceType.TOPIC, TOPIC, PatternType.LITERAL),
				new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
	}

	static AclBinding prefixed(String prefix, String principal) {
		return new AclBinding(new ResourcePattern(ResourceType.TOPIC, prefix, PatternType.PREFIXED),
				new AccessControlEntry(principal, "*", AclOperation.WRITE, AclPermissionType.ALLOW));
	}

	@Test
	void onlyCustomsPrincipalMayWrite() {
		var protection = AgencyTopicProtection.of(CUSTOMS, List.of(allow(CUSTOMS, AclOperation.WRITE),
				allow("User:platform", AclOperation.READ), allow("User:*", AclOperation.DESCRIBE)));
		assertThat(protection.enforced()).isTrue();
	}

	@Test
	void customsMayWriteThroughAllOperations() {
		assertThat(AgencyTopicProtection.of(CUSTOMS, List.of(allow(CUSTOMS, AclOperation.ALL))).enforced()).isTrue();
	}

	@Test
	void noAclForCustomsIsNoProtection() {
		var protection = AgencyTopicProtection.of(CUSTOMS, List.of(allow("User:platform", AclOperation.READ)));
		assertThat(protection.enforced()).isFalse();
		assertThat(protection.detail()).contains("no ACL allows User:customs-clearance");
	}

	@Test
	void anyoneElseAllowedToWriteIsNoProtection() {
		assertThat(AgencyTopicProtection.of(CUSTOMS, List.of(allow(CUSTOMS, AclOperation.WRITE),
				allow("User:*", AclOperation.WRITE))).detail()).contains("User:*");
		assertThat(AgencyTopicProtection.of(CUSTOMS, List.of(allow(CUSTOMS, AclOperation.WRITE),
				prefixed("singlewindow.", "User:ciq-inspection"))).enforced()).isFalse();
		assertThat(AgencyTopicProtection.of(CUSTOMS, List.of(allow(CUSTOMS, AclOperation.WRITE),
				allow("User:ciq-inspection", AclOperation.ALL))).enforced()).isFalse();
	}

	@Test
	void aDenyIsNoGrant() {
		var deny = new AclBinding(new ResourcePattern(ResourceType.TOPIC, TOPIC, PatternType.LITERAL),
				new AccessControlEntry("User:*", "*", AclOperation.WRITE, AclPermissionType.DENY));
		assertThat(AgencyTopicProtection.of(CUSTOMS, List.of(allow(CUSTOMS, AclOperation.WRITE), deny)).enforced())
			.isTrue();
	}
}
