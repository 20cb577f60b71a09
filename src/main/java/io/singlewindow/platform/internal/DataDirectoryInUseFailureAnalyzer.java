package io.singlewindow.platform.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says in one paragraph, instead of a stack trace, why a second platform on the same data directory did not start. */
class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryLock.DataDirectoryInUse> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryLock.DataDirectoryInUse cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Stop the platform that uses the data directory, or start this one with SINGLEWINDOW_DATA_DIR set to "
						+ "another directory.",
				cause);
	}
}
