package io.singlewindow.declaration.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.errors.SecurityDisabledException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.Role;

/**
 * The agencies' systems that write decisions under their own Kafka principal
 * ({@code singlewindow.kafka.agencies.<AGENCY>.principal}) rather than with an officer's API key in each message. Each
 * such agency has its own decisions topic; the platform asks the broker to let the principal write it (an ACL, when
 * the platform's own principal may create ACLs) and then reads the topic's ACLs back: only if they let that principal
 * and no other write it ({@link AgencyTopicProtection}) is a decision from the topic applied as the agency's, by an
 * actor named {@code kafka:<principal>} with the rights of one of its officers. Each node checks at the topic's first
 * decision and again when its last check is older than {@link #RECHECK_AFTER}, so an ACL changed on the broker counts
 * within a minute.
 */
@Component
@Conditional(AgencySystemsConfiguration.BootstrapServersConfigured.class)
class AgencyPrincipals {

	static final Duration RECHECK_AFTER = Duration.ofMinutes(1);

	private static final Logger log = LoggerFactory.getLogger(AgencyPrincipals.class);

	private final AgencySystemsTopics topics;
	private final KafkaAdmin admin;
	private final AgencySystemsProperties properties;

	private record Checked(AgencyTopicProtection protection, long atNanos) {
	}

	private final Map<AgencyCode, Checked> checked = new ConcurrentHashMap<>();

	AgencyPrincipals(AgencySystemsTopics topics, KafkaAdmin admin, AgencySystemsProperties properties) {
		this.topics = topics;
		this.admin = admin;
		this.properties = properties;
	}

	/** The agency whose system wrote the decision, when it was read from an agency's own topic. */
	Optional<AgencyCode> agencyOf(String topic) {
		return topics.agencyOfDecisions(topic);
	}

	/** Whether only the agency's principal may write its decisions topic. */
	AgencyTopicProtection protection(AgencyCode agency) {
		Checked known = checked.get(agency);
		if (known != null && System.nanoTime() - known.atNanos() < RECHECK_AFTER.toNanos()) {
			return known.protection();
		}
		AgencyTopicProtection now = check(agency);
		if (now.aclsRead()) {
			// a broker that could not be asked is asked again at the next decision, not a minute later
			checked.put(agency, new Checked(now, System.nanoTime()));
		}
		return now;
	}

	/** The agency's system as the one who decides. */
	Actor system(AgencyCode agency) {
		String principal = topics.principals().get(agency);
		return new Actor(null, "kafka:" + principal, agency.value() + " system (" + principal + ")", Role.OFFICER, null,
				agency, Set.of());
	}

	private AgencyTopicProtection check(AgencyCode agency) {
		String topic = topics.decisions(agency);
		String principal = topics.principals().get(agency);
		long timeout = properties.sendTimeout().toMillis();
		try (Admin client = Admin.create(admin.getConfigurationProperties())) {
			var pattern = new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL);
			AclBinding own = new AclBinding(pattern,
					new AccessControlEntry(principal, "*", AclOperation.WRITE, AclPermissionType.ALLOW));
			boolean created = false;
			try {
				client.createAcls(List.of(own)).all().get(timeout, TimeUnit.MILLISECONDS);
				created = true;
			} catch (ExecutionException refused) {
				if (refused.getCause() instanceof SecurityDisabledException) {
					return logged(agency, AgencyTopicProtection.noAuthorizer());
				}
				// e.g. the platform's principal may not alter ACLs: the brokers' administrators may have set them
				log.info("event=agency_topic_acl_not_created agency={} topic={} error={}", agency, topic,
						refused.getCause().toString());
			}
			var filter = new AclBindingFilter(new ResourcePatternFilter(ResourceType.TOPIC, topic, PatternType.MATCH),
					AccessControlEntryFilter.ANY);
			var applying = client.describeAcls(filter).values().get(timeout, TimeUnit.MILLISECONDS);
			// An ACL just created reaches the broker that answers describeAcls a moment later (KRaft's metadata log):
			// judged before, the topic would be called unprotected for a minute. Asked again until it shows.
			long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout);
			while (created && !applying.contains(own) && System.nanoTime() < until) {
				Thread.sleep(100);
				applying = client.describeAcls(filter).values().get(timeout, TimeUnit.MILLISECONDS);
			}
			return logged(agency, AgencyTopicProtection.of(principal, applying));
		} catch (ExecutionException failed) {
			return logged(agency, failed.getCause() instanceof SecurityDisabledException
					? AgencyTopicProtection.noAuthorizer() : AgencyTopicProtection.unknown(failed.getCause().toString()));
		} catch (TimeoutException | RuntimeException failed) {
			return logged(agency, AgencyTopicProtection.unknown(failed.toString()));
		} catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			return AgencyTopicProtection.unknown("interrupted");
		}
	}

	private AgencyTopicProtection logged(AgencyCode agency, AgencyTopicProtection protection) {
		if (protection.enforced()) {
			log.info("event=agency_topic_protected agency={} topic={} principal={}", agency, topics.decisions(agency),
					topics.principals().get(agency));
		} else {
			log.warn("event=agency_topic_unprotected agency={} topic={} principal={} reason=\"{}\"", agency,
					topics.decisions(agency), topics.principals().get(agency), protection.detail());
		}
		return protection;
	}
}
