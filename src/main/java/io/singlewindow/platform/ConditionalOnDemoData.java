package io.singlewindow.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/** Registers the annotated demo-data loader only while {@link DemoData#isOn()}: embedded database or explicit flag. */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(DemoDataCondition.class)
public @interface ConditionalOnDemoData {
}
