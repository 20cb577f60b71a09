package io.singlewindow.platform.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says in one paragraph, instead of a stack trace, why a node with another secrets key did not start. */
class SealingKeyMismatchFailureAnalyzer
		extends AbstractFailureAnalyzer<SecretsKeyConfiguration.SealingKeyMismatch> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SecretsKeyConfiguration.SealingKeyMismatch cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Give every node the key the database's secrets were sealed with: the same SINGLEWINDOW_SECRETS_KEY, or "
						+ "the secrets.key file of the data directory that first sealed them (restored from a backup: "
						+ "the secrets.key kept apart from it). To change the key, give that key as the previous one "
						+ "(SINGLEWINDOW_SECRETS_PREVIOUS_KEY, or the file secrets.key.previous) beside the new one. "
						+ "Without that key the sealed second factors and webhook secrets cannot be opened: see "
						+ "docs/operations.md, \"Secrets key\".",
				cause);
	}
}
