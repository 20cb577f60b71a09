package io.singlewindow.identity;

import java.util.List;

import io.singlewindow.core.Notice;
import io.singlewindow.core.NoticeSource;

/**
 * A module's {@link Notice}s for one person, where a {@link NoticeSource}'s are for a role — e.g. that a letter of
 * guarantee of the person's enterprise lapses soon while declarations still hold it. Asked afresh on every view of the
 * person's home page, so each must be quick.
 */
@FunctionalInterface
public interface ActorNoticeSource {

	List<Notice> noticesFor(Actor actor);
}
