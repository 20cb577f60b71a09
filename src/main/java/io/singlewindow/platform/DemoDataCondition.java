package io.singlewindow.platform;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The rule of {@link DemoData}, evaluated while beans are registered. */
class DemoDataCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return DemoData.isOn(context.getEnvironment()) ? ConditionOutcome.match("demo data on")
				: ConditionOutcome.noMatch("demo data off (external database without SINGLEWINDOW_DEMO_DATA=true, or switched off)");
	}
}
