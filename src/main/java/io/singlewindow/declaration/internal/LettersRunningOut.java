package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.Notice;
import io.singlewindow.core.Uscc;
import io.singlewindow.enterprise.Enterprises;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.ActorNoticeSource;

/**
 * 保函即将到期: the enterprise's traders and brokers, and customs' officers, hear on their home page of each letter of
 * guarantee running out ({@link LetterExpiry}) — the first {@value #SHOWN}, each linking to its guarantee, then how
 * many more — rather than finding out when a release against it is refused or the bank no longer pays.
 */
@Component
class LettersRunningOut implements ActorNoticeSource {

	/** How many letters a home page names one by one; the rest are counted, linking to the list. */
	static final int SHOWN = 5;

	private final GeneralGuarantees guarantees;
	private final Enterprises enterprises;

	LettersRunningOut(GeneralGuarantees guarantees, Enterprises enterprises) {
		this.guarantees = guarantees;
		this.enterprises = enterprises;
	}

	@Override
	public List<Notice> noticesFor(Actor actor) {
		List<LetterExpiry> due = guarantees.lettersRunningOut(actor);
		if (due.isEmpty()) {
			return List.of();
		}
		boolean customs = actor.mayActAs(AgencyCode.CUSTOMS);
		List<LetterExpiry> shown = due.subList(0, Math.min(SHOWN, due.size()));
		Map<Uscc, String> names = enterprises.namesOf(shown.stream().map(e -> e.letter().enterprise()).toList());
		Set<String> roles = Set.of(actor.role().name());
		List<Notice> notices = new ArrayList<>();
		for (LetterExpiry expiry : shown) {
			GeneralGuarantee letter = expiry.letter();
			String key = "generalGuarantee.home." + (expiry.lapsed() ? "lapsed" : expiry.held().signum() > 0 ? "ending"
					: "endingUnheld") + (customs ? "Customs" : "");
			notices.add(new Notice(key, List.of(names.getOrDefault(letter.enterprise(), letter.enterprise().value()),
					letter.reference(), letter.validUntil().toString(), expiry.daysLeft(),
					yuan(expiry.held())), roles, "/general-guarantees/" + letter.id()));
		}
		if (due.size() > SHOWN) {
			notices.add(new Notice("generalGuarantee.home.more", List.of(due.size() - SHOWN), roles,
					"/general-guarantees"));
		}
		return notices;
	}

	/** An amount as the pages write it: 12,345.60. */
	private static String yuan(BigDecimal amount) {
		return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(amount);
	}
}
