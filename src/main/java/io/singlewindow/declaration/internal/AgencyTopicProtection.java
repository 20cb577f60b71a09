package io.singlewindow.declaration.internal;

import java.util.Collection;
import java.util.List;

import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;

/**
 * Whether the broker lets only an agency's configured principal write the agency's decisions topic — the condition
 * under which a decision read from that topic may be taken as the agency's own without an officer's key. Kafka does
 * not tell a consumer who produced a record, but it does refuse a write the topic's ACLs do not allow; so the
 * platform trusts the topic only when every ACL that allows writing it (literal, prefixed or the {@code *} wildcard,
 * as the broker's {@code MATCH} filter returns them) names that principal and no other. A {@code DENY} changes
 * nothing here: it can only narrow who writes. The broker's super users always may write; they are the brokers' own
 * administrators.
 *
 * @param enforced whether only the principal may write
 * @param detail why not, for the dead letter and the log; empty when enforced
 */
record AgencyTopicProtection(boolean enforced, String detail) {

	static AgencyTopicProtection noAuthorizer() {
		return new AgencyTopicProtection(false, "the broker has no authorizer: anyone may write the topic");
	}

	static AgencyTopicProtection unknown(String why) {
		return new AgencyTopicProtection(false, "the topic's ACLs could not be read: " + why);
	}

	/** Judges the ACLs that apply to the topic. */
	static AgencyTopicProtection of(String principal, Collection<AclBinding> aclsOfTopic) {
		List<String> writers = aclsOfTopic.stream()
			.filter(b -> b.entry().permissionType() == AclPermissionType.ALLOW)
			.filter(b -> b.entry().operation() == AclOperation.WRITE || b.entry().operation() == AclOperation.ALL)
			.map(b -> b.entry().principal())
			.distinct().toList();
		if (!writers.contains(principal)) {
			return new AgencyTopicProtection(false, "no ACL allows " + principal + " to write the topic");
		}
		List<String> others = writers.stream().filter(w -> !w.equals(principal)).toList();
		if (!others.isEmpty()) {
			return new AgencyTopicProtection(false, "ACLs also allow " + others + " to write the topic");
		}
		return new AgencyTopicProtection(true, "");
	}
}
