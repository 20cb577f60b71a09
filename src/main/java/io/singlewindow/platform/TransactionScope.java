package io.singlewindow.platform;

import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Values kept for the rest of the current transaction: what it read once and reads again (the reference revision, an
 * enterprise), or what it gathers to write at its commit. Each is bound under its key on first use and unbound when
 * the transaction completes, so the next transaction on the thread starts afresh; a transaction started inside it
 * ({@code REQUIRES_NEW}) sees none of its values while it runs.
 */
public final class TransactionScope {

	private TransactionScope() {
	}

	/**
	 * The value bound under {@code key} in the current transaction, or the one {@code create} makes, bound until the
	 * transaction completes. {@code create} may register synchronizations of its own; they run before the one that
	 * unbinds the value. Call it only where {@link TransactionSynchronizationManager#isSynchronizationActive()}.
	 */
	@SuppressWarnings("unchecked")
	public static <T> T valueOf(Object key, Supplier<T> create) {
		T known = (T) TransactionSynchronizationManager.getResource(key);
		if (known != null) {
			return known;
		}
		T created = create.get();
		TransactionSynchronizationManager.bindResource(key, created);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			// A transaction started inside this one (REQUIRES_NEW) suspends it: the value is this transaction's, not
			// the inner one's, which may not see what this one wrote and has its own to keep.
			@Override
			public void suspend() {
				TransactionSynchronizationManager.unbindResourceIfPossible(key);
			}

			@Override
			public void resume() {
				TransactionSynchronizationManager.bindResource(key, created);
			}

			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(key);
			}
		});
		return created;
	}

	/**
	 * {@link #valueOf}, or {@literal null} outside a transaction with synchronization: there is then nothing to keep
	 * the value for, and the caller reads or writes at once.
	 */
	public static <T> T ofCurrentTransaction(Object key, Supplier<T> create) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()
				|| !TransactionSynchronizationManager.isSynchronizationActive()) {
			return null;
		}
		return valueOf(key, create);
	}
}
