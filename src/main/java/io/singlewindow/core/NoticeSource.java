package io.singlewindow.core;

import java.util.List;

/** A module's current {@link Notice}s, asked afresh on every home page view. */
@FunctionalInterface
public interface NoticeSource {

	List<Notice> notices();
}
