package io.singlewindow.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Looked-up reference data of one {@link ReferenceRevision}, kept by a node. When a transaction sees another
 * revision, everything kept is dropped and looked up again, so nothing kept for one revision is answered for another.
 * (Revisions are compared for equality only: two changes committed close together may commit their numbers out of
 * order, and the revision the database holds last is the one every later transaction reads.) Values must be
 * immutable; a missing value is kept as what the loader answers for it (an empty {@code Optional}, an empty map).
 */
public final class ReferenceCache<K, V> {

	private record Generation<K, V>(long revision, Map<K, V> values) {
	}

	private final ReferenceRevision revision;
	private final int capacity;
	private final AtomicReference<Generation<K, V>> generation = new AtomicReference<>(new Generation<>(-1, Map.of()));

	ReferenceCache(ReferenceRevision revision, int capacity) {
		this.revision = revision;
		this.capacity = capacity;
	}

	/** The value of {@code key} in the current revision, looked up by {@code loader} when not kept. */
	public V get(K key, Function<? super K, ? extends V> loader) {
		Generation<K, V> current = of(revision.current());
		if (current == null) {
			return loader.apply(key);
		}
		V kept = current.values().get(key);
		if (kept != null) {
			return kept;
		}
		V loaded = loader.apply(key);
		if (loaded != null && current.values().size() < capacity) {
			current.values().putIfAbsent(key, loaded);
		}
		return loaded;
	}

	/** The values kept for {@code wanted}, started afresh when another revision is kept. */
	private Generation<K, V> of(long wanted) {
		Generation<K, V> kept = generation.get();
		if (kept.revision() == wanted) {
			return kept;
		}
		Generation<K, V> fresh = new Generation<>(wanted, new ConcurrentHashMap<>());
		// Lost to another transaction's revision: look up without keeping rather than fight over it.
		return generation.compareAndSet(kept, fresh) ? fresh : null;
	}
}
