#!/usr/bin/env python3
"""Breaks named business rules by hand in a scratch copy of the project (docs/testing.md), never in the work tree:

    cp -r . /tmp/scratch && python3 .ci/hand-mutations.py /tmp/scratch VALUE_NOT_DEDUCTED YELLOW_AUTO
    (cd /tmp/scratch && mvn -B verify -Dtest='PermitLedgerIntegrationTests,SingleWindowFlowIntegrationTests')

Each named test in docs/testing.md must then fail. Mutations that share a test are run in separate copies.
"""
import sys, re
root = sys.argv[1]
J = root + '/src/main/java/io/singlewindow/'
def sub(path, old, new, count=1):
    p = J + path
    s = open(p).read()
    assert old in s, (path, old)
    s = s.replace(old, new, count)
    open(p, 'w').write(s)
M = {
 # value write-offs not deducted
 'VALUE_NOT_DEDUCTED': lambda: sub('permit/internal/JdbcPermitLedger.java',
    'permit.hasValueQuota() ? permit.remainingValue().subtract(request.valueCny()) : permit.remainingValue());',
    'permit.hasValueQuota() ? permit.remainingValue() : permit.remainingValue());'),
 # value write-offs not limited
 'VALUE_NOT_LIMITED': lambda: sub('permit/internal/JdbcPermitLedger.java',
    'if (permit.remainingValue().compareTo(request.valueCny()) < 0) {', 'if (false) {'),
 # automatic clearance publishes no DeclarationCleared
 'AUTO_CLEARED_SILENT': lambda: sub('declaration/internal/Declarations.java',
    '			publishCleared(id, declaration.number(), declarant, d.flow(),',
    '			if (false) publishCleared(id, declaration.number(), declarant, d.flow(),'),
 # officer clearance publishes no DeclarationCleared
 'OFFICER_CLEARED_SILENT': lambda: sub('declaration/internal/Declarations.java',
    '			publishCleared(declaration.id(), declaration.clearedAt());',
    '			// publishCleared(declaration.id(), declaration.clearedAt());'),
 # anyone may answer a query
 'ANYONE_ANSWERS': lambda: sub('declaration/internal/Declarations.java',
    '''		actor.requireActFor(declaration.declarant(), OperatorRight.DECLARE);
		declaration.answer(agency,''', '''		declaration.answer(agency,'''),
 'HALF_EVEN': lambda: sub('tariff/internal/LineByLineDutyAssessor.java',
    'return amount.setScale(2, RoundingMode.HALF_UP);', 'return amount.setScale(2, RoundingMode.HALF_EVEN);'),
 'YELLOW_AUTO': lambda: sub('declaration/internal/AutomaticDecision.java',
    'return channel.channel() == Channel.GREEN ? auto(', 'return channel.channel() != Channel.RED ? auto('),
 'USCC_WEIGHT': lambda: sub('core/Uscc.java', '{ 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 }',
    '{ 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 29 }'),
 'TASK_NOT_QUERIED': lambda: sub('declaration/internal/Declaration.java',
    '''		if (queried.isEmpty()) {
			throw Problem.conflict("TASK_NOT_QUERIED", agency.value());''', '''		if (false) {
			throw Problem.conflict("TASK_NOT_QUERIED", agency.value());'''),
 # the check of decide(), not answer()'s
 'DECLARATION_CLOSED': lambda: sub('declaration/internal/Declaration.java',
    '''		if (!status.open()) {
			throw Problem.conflict("DECLARATION_CLOSED", number, status.named());
		}
		Task task = tasks.get(taskId);''', '''		if (false) {
			throw Problem.conflict("DECLARATION_CLOSED", number, status.named());
		}
		Task task = tasks.get(taskId);'''),
 'NOT_AMENDABLE': lambda: sub('declaration/internal/Declarations.java',
    'if (!locked.status().amendable()) {', 'if (false) {'),
 'NOT_CLEARED': lambda: sub('declaration/internal/Declaration.java',
    '''		if (status != DeclarationStatus.CLEARED) {
			throw Problem.conflict("DECLARATION_NOT_CLEARED"''', '''		if (false) {
			throw Problem.conflict("DECLARATION_NOT_CLEARED"'''),
 'PERMIT_CHANGED_RAW': lambda: sub('declaration/internal/Declarations.java',
    'throw Problem.conflict("PERMIT_CHANGED_DURING_SUBMISSION", request.permitNumber(), refused.code());', 'throw refused;'),
 'NO_PERMIT_LOCK': lambda: sub('permit/internal/IssuedPermits.java',
    'return one("WHERE p.number = ?", number, true);', 'return one("WHERE p.number = ?", number, false);'),
 'API_KEY_REVOCATION_IGNORED': lambda: sub('identity/internal/ApiKeys.java',
    '" k.key_hash = ? AND k.revoked_at IS NULL"', '" k.key_hash = ?"'),
 'BROKER_REVOCATION_IGNORED': lambda: sub('identity/Accounts.java',
    'UPDATE broker_authorisation SET revoked_at = ? WHERE', 'UPDATE broker_authorisation SET granted_at = ? WHERE'),
 # a CUSDEC replacement amends whatever the declaration is now, whatever version its sender read
 'REPLACEMENT_VERSION_IGNORED': lambda: sub('declaration/internal/AmendmentRequests.java',
    'draft.request().withVersion(version)', 'draft.request()'),
 # an interchange of any number of replacements is amended while its sender waits
 'REPLACEMENTS_UNLIMITED': lambda: sub('interchange/internal/Interchanges.java',
    '''				<= SYNCHRONOUS_UP_TO;''', '''				<= Integer.MAX_VALUE;'''),
 # a cancellation sent again is taken for a second application
 'CANCELLATION_NOT_REPEATED': lambda: sub('declaration/internal/CancellationRequests.java',
    'if (waiting != null && waiting.by().equals(actor.username()) && waiting.reason().equals(why)) {', 'if (false) {'),
 # a CUSDEC message's document number is not its key: sent again in a new interchange, it is stored twice
 'DOCUMENT_NUMBER_IGNORED': lambda: sub('declaration/internal/BatchSubmissions.java',
    'IdempotencyKeys.ownReferenceOr(d.fields().get("clientReference"), key));', 'key);'),
 # a batch's or workbook's declarations keyed by the batch, not by their own client references
 'BATCH_OWN_REFERENCE_IGNORED': lambda: sub('declaration/internal/IdempotencyKeys.java',
    'return clientReference != null && !clientReference.isBlank() ? null : orElse;', 'return orElse;'),
 # an amendment sent again makes another version (or is refused for the version it was made from)
 'AMENDMENT_NOT_REPEATED': lambda: sub('declaration/internal/Declarations.java',
    'if (draft.unreadable().isEmpty() && amendment.equals(rows.lastAmendment(id))) {', 'if (false) {'),
 # a REST submission's Idempotency-Key replaces the trader's own clientReference (lost; the same declaration under a
 # new key stored again)
 'KEY_REPLACES_REFERENCE': lambda: sub('declaration/internal/Declarations.java',
    'String reference = firstNonBlank(request.clientReference(), idempotencyKey);',
    'String reference = firstNonBlank(idempotencyKey, request.clientReference());'),
 'AMBIGUOUS_ADDRESS_ACCEPTED': lambda: sub('declaration/internal/WebhookTargets.java',
    'if (ambiguousAddress(host)) {', 'if (false && ambiguousAddress(host)) {'),
 # a correction after clearance moves the customs value a permit's value quota recorded
 'CORRECTION_MOVES_QUOTA_VALUE': lambda: sub('declaration/internal/DeclarationCorrections.java',
    'ValueCorrections.refuseMovingAPermitsValue(declaration.number(), permits.writeOffsOf(id), lines.stream()',
    'if (false) ValueCorrections.refuseMovingAPermitsValue(declaration.number(), permits.writeOffsOf(id), lines.stream()'),
 # a correction changes the facts but not the monthly aggregates a fold had added them to
 'CORRECTION_AGGREGATES_KEPT': lambda: sub('statistics/internal/StatisticsLedger.java',
    'USING (dimension, month, flow, key) WHERE NOT EXISTS (SELECT 1 FROM marked)',
    'USING (dimension, month, flow, key) WHERE false'),
 # an assessment rounds the amounts as typed, not as checked (1e-999999999: 10^999999997, a 500)
 'AMOUNTS_AS_TYPED': lambda: sub('tariff/internal/LineByLineDutyAssessor.java',
    'items.stream().map(i -> kept(i.value())).toList()',
    'items.stream().map(AssessmentRequest.Item::value).toList()'),
 # a risk profile stores its rates as typed (0E-999999999: PostgreSQL refuses the scale, a 500)
 'RISK_RATES_AS_TYPED': lambda: sub('risk/internal/RiskProfileDraft.java',
    'SELECTION_COLUMN.fit(selectionPercent), AEO_FACTOR_COLUMN.fit(factor)',
    'selectionPercent, factor'),
 # customs' system's decision on a correction application, delivered again, goes to the dead letters
 'CORRECTION_DECISION_REDELIVERY_REFUSED': lambda: sub('declaration/internal/AgencyDecisionInbox.java',
    '(actor, decision) -> decidedBy(timeline(message.declarationId()), "CORRECTION_APPLIED"',
    '(actor, decision) -> false && decidedBy(timeline(message.declarationId()), "CORRECTION_APPLIED"'),
 # the retry of a failed embedded database start meets zonky's lock, leaked by the failed start
 'ZONKY_LOCK_KEPT': lambda: sub('platform/internal/EmbeddedDatabase.java',
    'Files.deleteIfExists(pgData.resolve(ZONKY_LOCK));',
    ''),
 # a write whose answer the caller cannot accept is done first and refused 406 after (the declaration stored)
 'ACCEPT_CHECKED_AFTER': lambda: sub('platform/internal/AcceptableAnswers.java',
    'throw new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON));',
    'return true;'),
 # a released declaration's page stays live: a correction shows without a reload (a template, not Java)
 'RELEASED_PAGE_NOT_LIVE': lambda: sub('../../../resources/templates/declaration/live.html',
    "open=${d.status.name() != 'REJECTED'", "open=${d.status.name() != 'RELEASED' and d.status.name() != 'REJECTED'"),
 # a WCO DM amendment (13, COR) is taken, not refused as a request the platform does not know
 'WCO_AMENDMENT_REFUSED': lambda: sub('interchange/internal/XmlInterchanges.java',
    'if (document.amends()) {', 'if (false && document.amends()) {'),
 # a cleared declaration's replacement applies for its values only when nothing else differs
 'CLEARED_REPLACEMENT_UNCOMPARED': lambda: sub('declaration/internal/ValuesDeclaredAgain.java',
    'changed.add(new FieldProblem(path + field, "CHANGED_AFTER_CLEARANCE"',
    'if (false) changed.add(new FieldProblem(path + field, "CHANGED_AFTER_CLEARANCE"'),
 # the same application for a correction sent again is answered as the first, not refused
 'CORRECTION_APPLICATION_REPEAT_REFUSED': lambda: sub('declaration/internal/Declaration.java',
    'if (correctionApplication == null || !correctionApplication.reason().equals(reason)',
    'if (true || correctionApplication == null || !correctionApplication.reason().equals(reason)'),
 # Release no longer waits for the duties: goods leave customs unpaid.
 'RELEASE_WITHOUT_PAYMENT': lambda: sub('declaration/internal/Declaration.java',
    'if (duties.unpaid() && !duties.guaranteed()) {', 'if (false && duties.unpaid() && !duties.guaranteed()) {'),
 # Goods are released while the taxes a correction added after the payment are unpaid.
 'RELEASE_WITH_DIFFERENCE_UNPAID': lambda: sub('declaration/internal/Declaration.java',
    'if (duties.differencesUnpaid().signum() > 0) {', 'if (false && duties.differencesUnpaid().signum() > 0) {'),
 # A correction after the payment goes silently on the paid notice: what it adds is never collected.
 'DIFFERENCE_FOLDED_INTO_PAID_NOTICE': lambda: sub('declaration/internal/Declaration.java',
    '&& (duties.payment() != null || status == DeclarationStatus.RELEASED || !duties.owed());',
    '&& (status == DeclarationStatus.RELEASED || !duties.owed());'),
 # A guarantee for less than is owed releases the goods.
 'GUARANTEE_SHORT_ACCEPTED': lambda: sub('declaration/internal/Declaration.java',
    'if (guarantee.amount().compareTo(amountDue) < 0) {', 'if (false && guarantee.amount().compareTo(amountDue) < 0) {'),
 # A cancelled declaration's refund is recorded whatever its amount.
 'REFUND_ANY_AMOUNT': lambda: sub('declaration/internal/Declaration.java',
    'if (refund.amount().compareTo(refundDue) != 0) {', 'if (false && refund.amount().compareTo(refundDue) != 0) {'),
 # Customs takes the duties from the guarantee before the declarant's last day to pay has passed.
 'GUARANTEE_TAKEN_BEFORE_OVERDUE': lambda: sub('declaration/internal/Declaration.java',
    'if (!taken.paidOn().isAfter(payBy)) {', 'if (false && !taken.paidOn().isAfter(payBy)) {'),
 # Paying late costs nothing more: the surcharge is never charged.
 'SURCHARGE_NEVER_CHARGED': lambda: sub('declaration/internal/DutyPaymentTerms.java',
    'long daysLate = Math.max(0, ChronoUnit.DAYS.between(payBy, paidOn));', 'long daysLate = 0;'),
 # A consignment's small tax is collected: the 50 CNY rule never waives.
 'SMALL_TAX_COLLECTED': lambda: sub('tariff/internal/LineByLineDutyAssessor.java',
    'if (!SmallTaxWaiver.waives(total)) {', 'if (true) {'),
 # Fifty itself is collected: 以下 read as "under".
 'FIFTY_ITSELF_COLLECTED': lambda: sub('tariff/internal/SmallTaxWaiver.java',
    'consignmentTotal.compareTo(LIMIT) <= 0;', 'consignmentTotal.compareTo(LIMIT) < 0;'),
 # A correction's own notice on a declaration that owed nothing at its clearance is hidden: no duties, release offered.
 'NOTHING_OWED_HIDES_A_NOTICE': lambda: sub('declaration/internal/DeclarationView.java',
    'if (owed.differencesUnpaid().signum() == 0 && owed.guarantee() == null) {', 'if (owed.guarantee() == null) {'),
 # A guarantee for taxes a correction took to nothing stays on customs' list of guarantees to call on.
 'GUARANTEE_OF_NOTHING_CALLED_ON': lambda: sub('declaration/internal/DeclarationStore.java',
    'AND cleared_at < :clearedBefore AND total_taxes - taxes_settled_apart > 0', 'AND cleared_at < :clearedBefore'),
    # Draws on a general guarantee no longer wait for each other: together they cover more than it does.
    'GENERAL_GUARANTEE_OVERDRAWN': lambda: sub('declaration/internal/GeneralGuarantees.java',
        '+ " FOR UPDATE").params(declarant.value(), reference)', ').params(declarant.value(), reference)'),
    # A declaration whose duties were paid still holds its part of the general guarantee.
    'PAID_DECLARATION_HOLDS_COVER': lambda: sub('declaration/internal/GeneralGuarantees.java',
        'NOT d.duties_guarantee_enforced AND d.duties_recorded_at IS NULL AND', 'NOT d.duties_guarantee_enforced AND'),
    # The declaration page's offer of general guarantees read as an open stream: each page keeps a connection.
    'CONNECTION_KEPT_BY_THE_OFFER': lambda: sub('declaration/internal/GeneralGuarantees.java',
        '.query(GeneralGuarantees::covered).list().stream()', '.query(GeneralGuarantees::covered).stream()'),
    # A declaration released against a guarantee for summary payment keeps its own fifteen days.
    'SUMMARY_PAY_BY_IGNORED': lambda: sub('declaration/internal/DutyPaymentTerms.java',
        'return guarantee != null && guarantee.summary() ? summaryPayBy', 'return false ? summaryPayBy'),
    # A declaration past its own last day is put on a statement: the month's later day forgives its surcharge.
    'LATE_SUMMARY_FORGIVEN': lambda: sub('declaration/internal/DutyPayments.java',
        'if (today.isAfter(payBy)) {', 'if (false) {'),
    # Customs is told to call on the guarantee for a summary declaration before its statement's day.
    'SUMMARY_CALLED_ON_EARLY': lambda: sub('declaration/internal/DeclarationStore.java',
        'AND (NOT duties_guarantee_summary OR cleared_at < :statementsBefore)', 'AND (true OR cleared_at < :statementsBefore)'),
    # An enterprise behind with a statement keeps putting declarations on more.
    'OVERDUE_STATEMENT_IGNORED': lambda: sub('declaration/internal/DutyPayments.java',
        'if (general.summaryPayment()) {', 'if (false) {'),
    # Customs' system's payment of a statement is not heard: read as a task's decision, refused.
    'STATEMENT_PAYMENT_NOT_HEARD': lambda: sub('declaration/internal/AgencyDecisionInbox.java',
        'if (message.statementPayment() != null) {', 'if (false) {'),
    # A statement's declaration noticed in the month's last days loses its own later day: paid late sooner.
    'STATEMENT_LINE_OWN_DAY_IGNORED': lambda: sub('declaration/internal/SummaryStatement.java',
        'DutyPaymentTerms.payBy(duties, calendar);',
        'DutyPaymentTerms.statementPayBy(java.time.YearMonth.from(duties.noticeOn()), calendar);'),
    # A lapsed letter is still offered on a declaration's guarantee form.
    'LAPSED_LETTER_OFFERED': lambda: sub('declaration/internal/GeneralGuarantees.java',
        '(g.daysLeft() == null || g.daysLeft() >= 0)', 'true'),
    # (its text is the tail of the condition DIFFERENCE_FOLDED_INTO_PAID_NOTICE also changes: --check applies both)
    'CORRECTION_BACK_ON_FIRST_NOTICE': lambda: sub('declaration/internal/Declaration.java',
        ' || !duties.owed());', ');'),
    'FIRST_PASSWORD_KEPT': lambda: sub('identity/internal/FirstPasswordGate.java',
        '|| !principal.passwordChangeRequired()) {', '|| true) {'),
    'OPERATOR_FIRST_PASSWORD_KEPT': lambda: sub('identity/Accounts.java',
        '\t\t\t\t\topenedBy != null, rights', '\t\t\t\t\tfalse, rights'),
    'TWO_ADMINISTRATORS_AFTER_HAND_OVER': lambda: sub('identity/internal/Operators.java',
        'SET enterprise_administrator = (id = ?) WHERE', 'SET enterprise_administrator = (id = ? OR TRUE) WHERE'),
    'RESET_PASSWORD_KEPT_AS_OWN': lambda: sub('identity/internal/AccountAdministration.java',
        'password_changed_at = ?, password_change_required = TRUE', 'password_changed_at = ?, password_change_required = FALSE'),
    'NAMED_BESIDE_THE_OLD_ADMINISTRATOR': lambda: sub('identity/internal/AccountAdministration.java',
        "UPDATE user_account SET enterprise_administrator = (id = ?)\n\t\t\t\tWHERE uscc = ?",
        "UPDATE user_account SET enterprise_administrator = (id = ? OR enterprise_administrator)\n\t\t\t\tWHERE uscc = ?"),
    'OPERATOR_MANAGES_OPERATORS': lambda: sub('identity/internal/Operators.java',
        '.query(Boolean.class).optional().orElse(false)', '.query(Boolean.class).optional().map(a -> true).orElse(false)'),
    # An operator's missing right is never asked for: a reading colleague declares, applies and keeps the record.
    'RIGHT_NOT_REQUIRED': lambda: sub('identity/Actor.java',
        'if (!rights.contains(right)) {', 'if (false) {'),
    # Changing a colleague's rights leaves his page sessions with the rights he logged in with.
    'RIGHTS_KEPT_IN_SESSION': lambda: sub('identity/internal/Operators.java',
        'int ended = sessions.end(colleague.username(), null);', 'int ended = 0;'),
    # A hand-over to a colleague with fewer rights leaves the new administrator without them.
    'ADMINISTRATOR_KEEPS_NARROW_RIGHTS': lambda: sub('identity/internal/Operators.java',
        '\t\tadministration.grantEveryRight(id, colleague.username());\n', ''),
    # Who authorised a broker is not on record.
    'BROKER_AUTHORISATION_UNRECORDED': lambda: sub('identity/BrokerAuthorisations.java',
        'events.record(Type.BROKER_AUTHORISED,', 'if (false) events.record(Type.BROKER_AUTHORISED,'),
    # A broker keeps acting for an enterprise after the authority's last day.
    'EXPIRED_AUTHORITY_HONOURED': lambda: sub('identity/internal/AccountStore.java',
        'AND (a.valid_until IS NULL OR a.valid_until >= ?)', 'AND (a.valid_until IS NULL OR a.valid_until >= ? OR TRUE)'),
    # A login on the pages is not noted: the next one shows no previous login, the administrators see "never".
    'LOGIN_NOT_NOTED': lambda: sub('identity/internal/ThrottledLogin.java',
        '\t\taccounts.recordLogin(principal.userId(), address);\n', ''),
    # The declarant's list no longer finds what one operator declared by the operator's name.
    'DECLARER_NOT_SEARCHED': lambda: sub('declaration/internal/DeclarationStore.java',
        '+ " OR lower(submitted_by) = :text)")', '+ ")")'),
    # A reading colleague is offered the new-declaration button.
    'NEW_DECLARATION_OFFERED_WITHOUT_RIGHT': lambda: sub('../../../resources/templates/declaration/list.html',
        '<p th:if="${actor.holds(\'DECLARE\')}"><a class="button" id="new-declaration"', '<p><a class="button" id="new-declaration"'),
    # An authority a month from its last day is not yet told as ending (the notice comes a day late).
    'AUTHORITY_ENDING_A_DAY_LATE': lambda: sub('identity/BrokerAuthorisations.java',
        'return daysLeft != null && daysLeft <= ENDING_NOTICE_DAYS;', 'return daysLeft != null && daysLeft < ENDING_NOTICE_DAYS;'),
    # The home pages say nothing of authorities about to end.
    'AUTHORITY_ENDING_NOT_ON_HOME': lambda: sub('identity/internal/ShellPages.java',
        'model.addAttribute("endingAuthorities", brokerAuthorisations.endingSoon(a));',
        'model.addAttribute("endingAuthorities", List.of());'),
    # A login with a second factor on takes the password alone.
    'SECOND_FACTOR_NOT_ASKED': lambda: sub('identity/internal/ThrottledLogin.java',
        'if (account.secondFactor()\n', 'if (false && account.secondFactor()\n'),
    # A code is accepted again within its step (an onlooker replays it).
    'CODE_ACCEPTED_TWICE': lambda: sub('identity/internal/SecondFactors.java',
        'AND (totp_last_step IS NULL OR totp_last_step < ?)', 'AND (totp_last_step IS NULL OR totp_last_step <= ?)'),
    # The second factor is turned off with any six digits.
    'SECOND_FACTOR_OFF_WITHOUT_CODE': lambda: sub('identity/internal/SecondFactors.java',
        'if (!accept(actor.userId(), actor.username(), code, clientAddress)) {\n\t\t\tthrow Problem.invalidField("code", "CODE_WRONG");\n\t\t}\n\t\tclear(',
        'if (false) {\n\t\t\tthrow Problem.invalidField("code", "CODE_WRONG");\n\t\t}\n\t\tclear('),
    # The home page keeps quiet about recovery codes running out.
    'RECOVERY_CODES_FEW_UNSAID': lambda: sub('identity/internal/ShellPages.java',
        'count <= RecoveryCodes.FEW ? count : null', 'null'),
    # Wrong codes on the second-factor page are not counted: a session may try them all.
    'CODE_GUESSES_UNCOUNTED': lambda: sub('identity/internal/CodeAttempts.java',
        '\t\t\t\tthrottle.fail(key, settings.perAccount());\n', ''),
    # A second factor's key that does not open fails the login with a 500.
    'UNOPENABLE_KEY_FAILS_LOGIN': lambda: sub('identity/internal/SecondFactors.java',
        '\t\t\treturn null;\n\t\t}\n\t}\n\n\tprivate static String names', '\t\t\tthrow unopenable;\n\t\t}\n\t}\n\n\tprivate static String names'),
    # A secret the platform reads back is stored as it is.
    'SECRET_STORED_PLAIN': lambda: sub('platform/SealedSecrets.java',
        'public String seal(String secret, String context) {\n\t\tcheck();',
        'public String seal(String secret, String context) {\n\t\tif (context != null) {\n\t\t\treturn secret;\n\t\t}\n\t\tcheck();'),
    # A sealed secret opens in any row (not bound to its place).
    'SEALED_FOR_ANY_ROW': lambda: sub('platform/SealedSecrets.java',
        '\t\t\tcipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));\n', ''),
    # A node with another secrets key starts.
    'SEALING_KEY_MISMATCH_IGNORED': lambda: sub('platform/internal/SecretsKeyConfiguration.java',
        'throw new SealingKeyMismatch(recorded, keyId, previousId, source);', 'return;'),
    # A letter of guarantee running out is said from 29 days before its last day, not 30.
    'LETTER_ENDING_A_DAY_LATE': lambda: sub('declaration/internal/LetterExpiry.java',
        'daysLeft > GeneralGuaranteeView.EXPIRY_NOTICE_DAYS', 'daysLeft >= GeneralGuaranteeView.EXPIRY_NOTICE_DAYS'),
    # A letter that lapsed while declarations still hold it is said no more.
    'LAPSED_HELD_LETTER_UNSAID': lambda: sub('declaration/internal/LetterExpiry.java',
        '(!held && (daysLeft < 0 || forCustoms))', '(daysLeft < 0 || (!held && forCustoms))'),
    # The home pages say nothing of one person's notices (the letters running out).
    'LETTERS_UNSAID_AT_HOME': lambda: sub('identity/internal/ShellPages.java',
        'personalNotices.stream().flatMap(source -> source.noticesFor(a).stream())',
        'java.util.stream.Stream.<io.singlewindow.core.Notice>empty()'),
    # Every enterprise hears of every letter running out.
    'LETTER_OF_ANOTHER_ENTERPRISE_SAID': lambda: sub('declaration/internal/GeneralGuarantees.java',
        '"(:all OR g.enterprise = ANY(:own))"', '"(TRUE OR g.enterprise = ANY(:own))"'),
    # A brokerage's colleague acts for every principal whatever its administrator named.
    'PRINCIPAL_LIST_IGNORED': lambda: sub('identity/internal/AccountStore.java',
        'AND (u.operator_principals IS NULL OR', 'AND (TRUE OR'),
    # A colleague may be given an enterprise that does not authorise the brokerage.
    'PRINCIPAL_OF_ANOTHER_BROKERAGE_GIVEN': lambda: sub('identity/internal/Operators.java',
        '.filter(p -> p.value().equalsIgnoreCase(given)).findFirst();',
        '.filter(p -> p.value().equalsIgnoreCase(given)).findFirst()'
        '.or(() -> java.util.Optional.of(io.singlewindow.core.Uscc.parse(given)));'),
    # A colleague made administrator keeps the principals it was narrowed to.
    'ADMINISTRATOR_KEEPS_PRINCIPAL_LIST': lambda: sub('identity/internal/AccountAdministration.java',
        'UPDATE user_account SET operator_principals = NULL WHERE id = ? AND operator_principals IS NOT NULL',
        'UPDATE user_account SET operator_principals = operator_principals WHERE id = ? AND FALSE'),
    # A garbled sealed value escapes as the Base64 decoder's exception: a login answers 500, a start stops.
    'GARBLED_SECRET_FAILS_HARD': lambda: sub('platform/SealedSecrets.java',
        'catch (IllegalArgumentException | java.nio.BufferUnderflowException garbled)',
        'catch (ArithmeticException garbled)'),
    # The next page of a guarantee's declarations starts again with the last one of the page before.
    'GUARANTEE_PAGE_REPEATS_A_ROW': lambda: sub('declaration/internal/GeneralGuarantees.java',
        '(d.duties_guarantee_at, d.id) < (:at, :after)', '(d.duties_guarantee_at, d.id) <= (:at, :after)'),
    # A stranger reads a guarantee's declarations.
    'GUARANTEE_DECLARATIONS_READ_BY_ANYONE': lambda: sub('declaration/internal/GeneralGuarantees.java',
        'if (enterprise == null || !mayRead(actor, Uscc.parse(enterprise))) {', 'if (enterprise == null) {'),
    # The next page of the general guarantees reads back towards the first instead of on.
    'GUARANTEE_LIST_PAGES_BACKWARDS': lambda: sub('declaration/internal/GeneralGuarantees.java',
        'AND (g.recorded_at < :at OR (g.recorded_at = :at AND g.id > :after))',
        'AND (g.recorded_at > :at OR (g.recorded_at = :at AND g.id > :after))'),
    # The listener for declaration changes back on a virtual thread: busy carriers keep it from waking at a stop.
    'LISTENER_ON_A_CARRIER': lambda: sub('declaration/internal/DeclarationChanges.java',
        'Thread.ofPlatform().daemon().name("declaration-changes")', 'Thread.ofVirtual().name("declaration-changes")'),
    # A stopping node's listener gives its connection back still listening to the channel.
    'LISTENER_GIVEN_BACK_LISTENING': lambda: sub('declaration/internal/DeclarationChanges.java',
        'statement.execute("UNLISTEN " + CHANNEL);', 'statement.clearWarnings();'),
    # A number a column cannot hold is refused quoting itself, not the largest the column holds.
    'TOO_LARGE_QUOTES_THE_VALUE': lambda: sub('core/NumericColumn.java',
        'throw InvalidValue.tooLarge(value.toString(), largest());', 'throw new InvalidValue("TOO_LARGE", value.toString());', 2),
    # A value type's refusal read with the value refused instead of its message's arguments.
    'REFUSAL_ARGUMENTS_DROPPED': lambda: sub('core/Violations.java',
        'new FieldProblem(field, e.code(), e.arguments())', 'new FieldProblem(field, e.code(), e.value())'),
    # Too many packages refused quoting the number given.
    'PACKAGES_LIMIT_UNSAID': lambda: sub('declaration/internal/DeclarationValidation.java',
        '"packages", "TOO_LARGE", InputLimits.PACKAGES);', '"packages", "TOO_LARGE", packages);'),
    # The registered capital refused quoting itself.
    'CAPITAL_LIMIT_UNSAID': lambda: sub('enterprise/internal/Registrar.java',
        'v.add("registeredCapital", "TOO_LARGE", CAPITAL.largest());', 'v.add("registeredCapital", "TOO_LARGE", NumericColumn.quoted(capital));'),
    # Too few working days refused quoting the most allowed.
    'WORKING_DAYS_FLOOR_UNSAID': lambda: sub('calendar/internal/CalendarApi.java',
        'throw Problem.invalidField("workingDays", "TOO_SMALL", 0);', 'throw Problem.invalidField("workingDays", "TOO_SMALL", MAX_WORKING_DAYS);'),
    # A permit application's quantity not above zero refused quoting the number given.
    'PERMIT_AMOUNT_FLOOR_UNSAID': lambda: sub('permit/internal/PermitApplications.java',
        'violations.check(amount.signum() > 0, field, "TOO_SMALL", BigDecimal.ONE.scaleByPowerOfTen(-scale));',
        'violations.check(amount.signum() > 0, field, "TOO_SMALL", amount);'),
    # The next page of the zone's accounts starts again with the last one of the page before.
    'ACCOUNT_PAGE_REPEATS_A_ROW': lambda: sub('identity/internal/AccountAdministration.java',
        '" AND (" + LISTED_BY + ") > (:lastRole, :agency, :username)"', '" AND (" + LISTED_BY + ") >= (:lastRole, :agency, :username)"'),
    # The next page of an agency's permit queue starts again with the last application of the page before.
    'PERMIT_QUEUE_PAGE_REPEATS_A_ROW': lambda: sub('permit/internal/PermitApplications.java',
        'a.submitted_at, a.reference) > (:due, :at, :reference)', 'a.submitted_at, a.reference) >= (:due, :at, :reference)'),
    # The next page of the review queue starts again with the last permit of the page before.
    'REVIEW_QUEUE_PAGE_REPEATS_A_ROW': lambda: sub('permit/internal/PermitSupervision.java',
        'AWAITING_REVIEW + " AND (" + REVIEWED_BY + ") > (?, ?, ?) ORDER BY "', 'AWAITING_REVIEW + " AND (" + REVIEWED_BY + ") >= (?, ?, ?) ORDER BY "'),
    # A cursor's time taken whatever its year: the database refuses it, as a 500.
    'CURSOR_TIME_UNBOUNDED': lambda: sub('core/Cursor.java',
        'if (!at.isBefore(EARLIEST) && !at.isAfter(LATEST)) {', 'if (at != null) {'),
    # A day in a queue's cursor key taken whatever its year.
    'CURSOR_DAY_UNBOUNDED': lambda: sub('core/Cursor.java',
        'return day.getYear() >= 1 && day.getYear() <= 9999 ? java.util.Optional.of(day) : java.util.Optional.empty();',
        'return java.util.Optional.of(day);'),
    # A cursor's key taken with control characters in it: a NUL reaches PostgreSQL, a 500.
    'CURSOR_KEY_CONTROL_CHARACTERS': lambda: sub('core/Cursor.java',
        '&& parts[2].chars().noneMatch(Character::isISOControl)) {', ') {'),
    # Changing the key leaves the secrets sealed with the previous one as they were.
    'PREVIOUS_KEY_SEALS_LEFT': lambda: sub('platform/SealedSecrets.java',
        '.params(PREFIX + keyId + ":%")', '.params("sealed:%")'),
    # Changing the key leaves the database's record on the previous key.
    'KEY_CHANGE_UNRECORDED': lambda: sub('platform/internal/SecretsKeyConfiguration.java',
        'jdbc.sql("UPDATE sealing_key SET key_id = ?, since = ?")', 'jdbc.sql("UPDATE sealing_key SET since = ?")'),
    # While the key is changed, a secret sealed with the previous key does not open.
    'PREVIOUS_KEY_NOT_OPENED': lambda: sub('platform/SealedSecrets.java',
        'parts[0].equals(previousId) ? previous : null', 'null'),
    # Second factors' keys stored before sealing stay plain.
    'PLAIN_KEYS_LEFT_PLAIN': lambda: sub('identity/internal/SecondFactors.java',
        'new SealedColumn("user_account", "id", "totp_secret", SEALED_FOR)',
        'new SealedColumn("user_account", "id", "totp_pending_secret", SEALED_FOR)'),
    # A recovery code logs in again and again.
    'RECOVERY_CODE_ACCEPTED_TWICE': lambda: sub('identity/internal/RecoveryCodes.java',
        'WHERE account_id = ? AND code_hash = ? AND used_at IS NULL', 'WHERE account_id = ? AND code_hash = ?'),
    # New recovery codes leave the old ones working.
    'OLD_RECOVERY_CODES_KEPT': lambda: sub('identity/internal/RecoveryCodes.java',
        '\t\tforget(account);\n\t\tList<String> codes', '\t\tList<String> codes'),
    # A recovery code is not taken in place of the app's code.
    'RECOVERY_CODE_NOT_TAKEN': lambda: sub('identity/internal/SecondFactors.java',
        'if (!recoveryCodes.use(account, typed)) {', 'if (true) {'),
    # The zone's requirement of a second factor is not enforced on the pages.
    'SECOND_FACTOR_REQUIREMENT_IGNORED': lambda: sub('identity/internal/SecondFactorGate.java',
        '|| !secondFactors.due(principal.userId(), principal.role())) {', '|| true) {'),
    # A person whose role the zone requires it of turns the second factor off.
    'SECOND_FACTOR_OFF_THOUGH_REQUIRED': lambda: sub('identity/internal/SecondFactors.java',
        'if (requiredRoles().contains(actor.role())) {\n\t\t\tthrow Problem.conflict("SECOND_FACTOR_REQUIRED");',
        'if (false) {\n\t\t\tthrow Problem.conflict("SECOND_FACTOR_REQUIRED");'),
    # The enterprise's administrator's reset of a colleague's second factor leaves it on.
    'OPERATOR_SECOND_FACTOR_KEPT': lambda: sub('identity/internal/Operators.java',
        '\t\tsecondFactors.takeOff(id, colleague.username(), actor, clientAddress,',
        '\t\tif (false) secondFactors.takeOff(id, colleague.username(), actor, clientAddress,'),
    # The second factor's QR code takes the encoder's own mask, unchecked (about one key in a hundred does not scan).
    'QR_MASK_UNCHECKED': lambda: sub('platform/ScannableQrCode.java',
        '\t\tBitMatrix usual = encode(text, -1);\n',
        '\t\tBitMatrix usual = encode(text, -1);\n\t\tif (text.startsWith("otpauth:")) {\n\t\t\treturn usual;\n\t\t}\n'),
    # The permit queue page shows every application of the agency, however many wait.
    'PERMIT_QUEUE_PAGE_WHOLE': lambda: sub('permit/internal/PermitPages.java',
        'queueOfEach.stream().flatMap(a -> a.stream().limit(SHOWN)).toList();', 'queueOfEach.stream().flatMap(a -> a.stream()).toList();'),
    # The permit queue page cuts its list without saying more wait.
    'PERMIT_QUEUE_CUT_UNSAID': lambda: sub('permit/internal/PermitPages.java',
        'model.addAttribute("queueCut", queueOfEach', 'model.addAttribute("queueCut", false && queueOfEach'),
    # The permit queue's search misses the applicant's name.
    'PERMIT_QUEUE_NAME_UNSEARCHED': lambda: sub('permit/internal/PermitApplications.java',
        '       OR a.applicant_uscc = ANY(:named))', '       OR a.applicant_uscc = ANY(:named) AND false)'),
    # The verification page never offers the next page.
    'VERIFICATION_PAGE_NEVER_NEXT': lambda: sub('permit/internal/PermitPages.java',
        'model.addAttribute("next", permits.next() == null ? null : permits.next().text());\n\t\tmodel.addAttribute("later", page.after() != null);\n\t\tmodel.addAttribute("entries"',
        'model.addAttribute("next", null);\n\t\tmodel.addAttribute("later", page.after() != null);\n\t\tmodel.addAttribute("entries"'),
    # A search by name that read only some of the enterprises it matches passes for complete (declaration queue).
    'TASK_QUEUE_NAMES_CUT_UNSAID': lambda: sub('declaration/internal/AgencyQueuePages.java',
        'model.addAttribute("namesCut", search.declarantsNamed().size() > SHOWN);', 'model.addAttribute("namesCut", false);'),
    # The same on the permit queue.
    'PERMIT_QUEUE_NAMES_CUT_UNSAID': lambda: sub('permit/internal/PermitPages.java',
        'model.addAttribute("namesCut", named.size() > SHOWN);', 'model.addAttribute("namesCut", false);'),
    # The accounts page's search finds every account.
    'ACCOUNT_SEARCH_IGNORED': lambda: sub('identity/internal/AccountAdministration.java',
        '" OR lower(COALESCE(uscc, \'\')) LIKE :like) AND', '" OR lower(COALESCE(uscc, \'\')) LIKE :like OR true) AND'),
    # An action on an account's row goes back to the first page of every account.
    'ACCOUNT_ACTION_FORGETS_THE_VIEW': lambda: sub('identity/internal/AccountPages.java',
        'return "redirect:" + view.address(notice, null);', 'return "redirect:" + ListView.of(null, null, null).address(notice, null);'),
    # The accounts page never offers its next page.
    'ACCOUNT_PAGE_NEVER_NEXT': lambda: sub('identity/internal/AccountPages.java',
        'model.addAttribute("next", listed.next() == null ? null : listed.next().text());', 'model.addAttribute("next", null);'),
    # The declarant's list's next page forgets the search (every declaration of the declarant follows).
    'DECLARATION_LIST_NEXT_FORGETS_SEARCH': lambda: sub('../../../resources/templates/declaration/list.html',
        '${next != null} ? @{/declarations(q=${q}, status=', '${next != null} ? @{/declarations(status='),
    # The registrations page's next page starts again with the last enterprise of the page before.
    'REGISTRATIONS_PAGE_REPEATS_A_ROW': lambda: sub('enterprise/Enterprises.java',
        '" AND (registered_at, uscc) < (:at, :uscc)"', '" AND (registered_at, uscc) <= (:at, :uscc)"'),
    # The accounts page's view goes back encoded as a URI's literal parts are: a search's + comes back a space.
    'ACCOUNT_VIEW_ENCODED_LOOSELY': lambda: sub('identity/internal/AccountPages.java',
        'return uri.buildAndExpand(values).toUriString();', 'return org.springframework.web.util.UriComponentsBuilder.fromUriString(uri.buildAndExpand(values).toUriString().replace("%2B", "+")).build().toUriString();'),
    # The general guarantees page's notice counts the letters lapsing on the page shown, not all of them.
    'GUARANTEE_LAPSING_COUNTED_ON_THE_PAGE': lambda: sub('declaration/internal/GeneralGuaranteePages.java',
        'model.addAttribute("expiringCount", guarantees.expiringCount(actor));',
        'model.addAttribute("expiringCount", listed.rows().stream().filter(GeneralGuaranteeView::expiringSoon).count());'),
    # The general guarantees page never offers its next page.
    'GUARANTEE_PAGE_NEVER_NEXT': lambda: sub('declaration/internal/GeneralGuaranteePages.java',
        'model.addAttribute("next", listed.next() == null ? null : listed.next().text());', 'model.addAttribute("next", null);'),
    # A broker's declaration for a principal goes through without an agency agreement whatever the zone's rule says.
    'AGREEMENT_NEVER_REQUIRED': lambda: sub('declaration/internal/AgencyAgreements.java',
        'if (rule().requiredOn(today) && serving(', 'if (false && serving('),
    # A declaration never takes the confirmed agreement that serves it.
    'AGREEMENT_NEVER_TAKEN': lambda: sub('declaration/internal/AgencyAgreements.java',
        'int taken = jdbc.sql("UPDATE agency_agreement SET declaration_id = ?, used_at = ? WHERE number = ?"\n\t\t\t\t+ " AND declaration_id IS NULL")\n\t\t\t.params(declaration, Timestamp.from(now), used.number()).update();', 'int taken = 1;'),
    # An agreement naming other goods serves any declaration.
    'AGREEMENT_GOODS_IGNORED': lambda: sub('declaration/internal/AgencyAgreement.java',
        '&& (hsCode == null || codes.stream().anyMatch(code -> code.startsWith(hsCode.value())));', ';'),
    # Anyone who knows an agreement's number reads it.
    'AGREEMENT_READ_BY_ANYONE': lambda: sub('declaration/internal/AgencyAgreements.java',
        'return read(number).filter(r -> mayRead(actor, r.agreement()))', 'return read(number)'),
    # A broker proposes to an enterprise that never authorised its brokerage.
    'AGREEMENT_FOR_A_STRANGER': lambda: sub('declaration/internal/AgencyAgreements.java',
        '\t\t\tactor.requireActFor(principal, OperatorRight.DECLARE);\n', ''),
    # The page of a guarantee's declarations reads its first page again and again.
    'GUARANTEE_DECLARATIONS_PAGE_STUCK': lambda: sub('declaration/internal/GeneralGuaranteePages.java',
        'var listed = guarantees.declarations(actor, id, page);',
        'var listed = guarantees.declarations(actor, id, PageRequest.first(DECLARATIONS_PAGE));'),
    # A guarantee's reading lists its first declarations without saying that more may follow.
    'GUARANTEE_READING_CUT_UNSAID': lambda: sub('../../../resources/templates/declaration/general-guarantee.html',
        'th:if="${g.declarations.size() >= declarationsShown}"', 'th:if="false"'),
    # A client's retry of the declaration that took the last agency agreement is refused for want of one.
    'AGREEMENT_REPEAT_REFUSED': lambda: sub('declaration/internal/Declarations.java',
        'var existing = keyed ? store.byKeyOrReference(declarant.value(), key, reference)',
        'var existing = keyed && !"AGENCY_AGREEMENT_REQUIRED".equals(refused.fieldProblems().isEmpty() ? null : refused.fieldProblems().getFirst().code()) ? store.byKeyOrReference(declarant.value(), key, reference)'),
    # A withdrawn or cancelled declaration keeps the agreement it took (the broker needs a new one to file again).
    'AGREEMENT_KEPT_WHEN_ENDED': lambda: sub('declaration/internal/Declarations.java',
        '\t\tagreements.giveBack(actor, declaration.id(), declaration.status(), now);\n', ''),
    # A rejected declaration keeps the agreement it took.
    'AGREEMENT_KEPT_WHEN_REJECTED': lambda: sub('declaration/internal/Declarations.java',
        '\t\t\tagreements.giveBack(actor, row.declarationId(), DeclarationStatus.REJECTED, now);\n', ''),
    # The declarations an agreement served before are not read back.
    'AGREEMENT_HISTORY_UNREAD': lambda: sub('declaration/internal/AgencyAgreements.java',
        '\t\tif (reads.isEmpty()) {\n\t\t\treturn reads;', '\t\tif (true) {\n\t\t\treturn reads;'),
    # A given-back agreement's declaration's page no longer names it.
    'AGREEMENT_GIVEN_BACK_UNNAMED': lambda: sub('declaration/internal/AgencyAgreements.java',
        '\t\t\t\t+ " OR a.number IN (SELECT g.number FROM agency_agreement_given_back g WHERE g.declaration_id = :id)")', '\t\t\t\t)'),
    # Documents received on a day to come are taken.
    'AGREEMENT_HANDOVER_IN_FUTURE': lambda: sub('declaration/internal/AgencyAgreement.java',
        'violations.check(received == null || !received.isAfter(today), "documentsReceivedOn",', 'violations.check(true, "documentsReceivedOn",'),
    # The documents handed over are stored but never read back: the principal confirms without seeing them.
    'AGREEMENT_HANDOVER_UNREAD': lambda: sub('declaration/internal/AgencyAgreements.java',
        'AgencyAgreement.Handover handover = rs.getObject("documents_received_on") == null', 'AgencyAgreement.Handover handover = true'),
    # The broker's system never hears that its principal confirmed or declined an agreement.
    'AGREEMENT_DECISION_UNTOLD': lambda: sub('declaration/internal/AgencyAgreements.java',
        '\t\tevents.publishEvent(new AgencyAgreementChanged(after.number(), after.broker(), after.principal(),', '\t\tif (false) events.publishEvent(new AgencyAgreementChanged(after.number(), after.broker(), after.principal(),'),
    # Every agreement event goes to the broker, the principal's system never hears of a proposal.
    'AGREEMENT_TOLD_TO_THE_WRONG_PARTY': lambda: sub('declaration/internal/AgencyAgreementChanged.java',
        'return change.toPrincipal ? principal : broker;', 'return broker;'),
    # The list's search text is read and ignored: customs looks through every agreement for the one it wants.
    'AGREEMENT_SEARCH_IGNORED': lambda: sub('declaration/internal/AgencyAgreements.java',
        '+ (text.isEmpty() ? "" : " AND (lower(a.number) LIKE :like', '+ (true ? "" : " AND (lower(a.number) LIKE :like'),
    # A party's name finds nothing: only the codes and words written on the agreement are searched.
    'AGREEMENT_SEARCH_WITHOUT_NAMES': lambda: sub('declaration/internal/AgencyAgreements.java',
        '+ " OR a.broker = ANY(:named) OR a.principal = ANY(:named))")', '+ " OR a.broker = ANY(:named) AND false)")'),
    # The broker never hears that a confirmed agreement ends unused.
    'AGREEMENT_ENDING_UNTOLD': lambda: sub('declaration/internal/AgencyAgreements.java',
        'if (!actor.is(Role.BROKER) || !actor.holds(OperatorRight.DECLARE) || actor.principals().isEmpty()) {', 'if (true) {'),
    # Frozen chicken wings pay no duty: the amount a kilogram is shown and never added.
    'SPECIFIC_DUTY_IGNORED': lambda: sub('tariff/internal/LineByLineDutyAssessor.java',
        'BigDecimal duty = adValorem.add(specific);', 'BigDecimal duty = adValorem;'),
    # A compound excise leaves its specific part out of the basis of its ad valorem part (组成计税价格).
    'COMPOUND_EXCISE_BASIS_WITHOUT_SPECIFIC': lambda: sub('tariff/internal/LineByLineDutyAssessor.java',
        'BigDecimal part = l.value().add(duty).add(specific).multiply(exciseRate)', 'BigDecimal part = l.value().add(duty).multiply(exciseRate)'),
    # A preference on a line levied per kilogram is compared as a rate with the MFN rate of 0 %, so never given.
    'PER_UNIT_PREFERENCE_BY_RATE': lambda: sub('tariff/internal/LineByLineDutyAssessor.java',
        '!lower(pref, customsValue, dutyRate, dutyPerUnit, quantity)', 'pref.compareTo(dutyRate) >= 0'),
    # A line levied per unit is assessed without its quantity (a 500 instead of a refusal).
    'PER_UNIT_QUANTITY_NOT_REQUIRED': lambda: sub('tariff/internal/LineByLineDutyAssessor.java',
        '} else if (line != null && flow == TradeFlow.IMPORT\n', '} else if (false && flow == TradeFlow.IMPORT\n'),
    # The tariff file's amounts a unit are read and dropped.
    'PER_UNIT_COLUMNS_NOT_IMPORTED': lambda: sub('tariff/internal/TariffImports.java',
        'BigDecimal mfnPerUnit = columns > 12 ? perUnit(rowNo, "mfn_per_unit", row.get(12), errors) : null;', 'BigDecimal mfnPerUnit = null;'),
    # Ten tonnes declared in tonnes are not counted in the legal unit, kilograms: the duty a kilogram has no quantity.
    'PER_UNIT_QUANTITY_NOT_CONVERTED': lambda: sub('declaration/internal/ValidDeclaration.java',
        'return quantity == null || unit == null ? null : unit.convert(quantity, tariffLine.legalUnit()).orElse(null);', 'return null;'),
    # The declaration forgets what it levied a unit: read back, the line is ad valorem only.
    'PER_UNIT_NOT_STORED': lambda: sub('declaration/internal/DeclarationStore.java',
        'return quantity == null ? null : new Assessment.PerUnit(', 'return true ? null : new Assessment.PerUnit('),
    # A correction is assessed again without the duty a kilogram first applied.
    'PER_UNIT_DROPPED_ON_CORRECTION': lambda: sub('declaration/internal/DeclarationCorrections.java',
        '.map(i -> new Assessment.Rates(i.lineNo(), i.rateBasis(), i.dutyRate(), i.exciseRate(), i.vatRate(),\n\t\t\t\t\ti.perUnit(), ', '.map(i -> new Assessment.Rates(i.lineNo(), i.rateBasis(), i.dutyRate(), i.exciseRate(), i.vatRate(),\n\t\t\t\t\tnull, '),
    # The provisional rate in force is never applied: every import pays MFN.
    'PROVISIONAL_RATE_IGNORED': lambda: sub('tariff/internal/LineByLineDutyAssessor.java',
        'Optional<BigDecimal> provisional = line.provisionalRateOn(request.date())\n', 'Optional<BigDecimal> provisional = Optional.<BigDecimal>empty()\n'),
    # A provisional rate is applied on every day, before and after the days it is in force.
    'PROVISIONAL_RATE_FOREVER': lambda: sub('tariff/TariffLine.java',
        'return day != null && !day.isBefore(from) && !day.isAfter(until);', 'return true;'),
    # A preference lower than MFN but not than the provisional rate is given (从低适用 read as "lower than MFN").
    'PREFERENCE_OVER_PROVISIONAL': lambda: sub('tariff/internal/LineByLineDutyAssessor.java',
        '} else if (dutyPerUnit == null && pref.compareTo(dutyRate) >= 0) {', '} else if (dutyPerUnit == null && pref.compareTo(line.mfnRate()) >= 0) {'),
    # The tariff file's provisional rates are read and dropped.
    'PROVISIONAL_COLUMNS_NOT_IMPORTED': lambda: sub('tariff/internal/TariffImports.java',
        'TariffLine.Provisional provisional = columns > 14 ? provisional(rowNo, row.subList(14, 18), errors) : null;', 'TariffLine.Provisional provisional = null;'),
    # A provisional rate ending before it starts reaches the database.
    'PROVISIONAL_PERIOD_UNCHECKED': lambda: sub('tariff/internal/TariffImports.java',
        'if (from.isAfter(until)) {', 'if (false) {'),
    # An export pays its export rate though a provisional export rate is in force.
    'PROVISIONAL_EXPORT_RATE_IGNORED': lambda: sub('tariff/internal/LineByLineDutyAssessor.java',
        'Optional<BigDecimal> provisional = line.provisionalExportRateOn(request.date());', 'Optional<BigDecimal> provisional = Optional.<BigDecimal>empty();'),
    # The pre-computation page passes a refusal's arguments as one array: "Tariff line [Ljava.lang.Object;@…".
    'ASSESS_PAGE_ARGUMENTS_AS_ONE': lambda: sub('../../../resources/templates/tariff/assess.html',
        "${#messages.msgWithParams('problem.' + p.code, p.arguments)}", "#{'problem.' + ${p.code}(${p.arguments})}"),
    # A permit page passes a refusal's arguments as one array.
    'PERMIT_PAGE_ARGUMENTS_AS_ONE': lambda: sub('../../../resources/templates/permit/fragments.html',
        "${#messages.msgWithParams('problem.' + problem.code(), problemArgs)}", "#{'problem.' + ${problem.code()}(${problemArgs})}"),
    # The exchange-rate page words a refusal without its arguments: "'{0}' is not an ISO 4217 currency code".
    'EXCHANGE_RATE_PAGE_ARGUMENTS_DROPPED': lambda: sub('../../../resources/templates/tariff/exchange-rates.html',
        "${#messages.msgWithParams('problem.' + p.code, p.arguments)}", "#{'problem.' + ${p.code}}"),
    # Tariff-rate quotas (关税配额): a line presenting its certificate pays MFN, the out-of-quota rate.
    'IN_QUOTA_RATE_IGNORED': lambda: sub('tariff/internal/LineByLineDutyAssessor.java',
        'return inQuota ? new Base("IN_QUOTA"', 'return false ? new Base("IN_QUOTA"'),
    # Every import of a line under a quota pays the in-quota rate, certificate or not.
    'IN_QUOTA_WITHOUT_CERTIFICATE': lambda: sub('tariff/internal/LineByLineDutyAssessor.java',
        'boolean inQuota = item.inQuota() && line.underTariffQuota();', 'boolean inQuota = line.underTariffQuota();'),
    # Within the quota a provisional rate above the in-quota rate is paid (从低适用 forgotten).
    'PROVISIONAL_OVER_LOWER_IN_QUOTA': lambda: sub('tariff/internal/LineByLineDutyAssessor.java',
        '.filter(p -> !inQuota || p.compareTo(line.inQuotaRate()) < 0);', '.filter(p -> true);'),
    # The tariff file's in-quota rates are read and dropped.
    'IN_QUOTA_COLUMN_NOT_IMPORTED': lambda: sub('tariff/internal/TariffImports.java',
        'l.provisional() == null ? null : l.provisional().until(), l.inQuota(), l.generalRate(),',
        'l.provisional() == null ? null : l.provisional().until(), null, l.generalRate(),'),
    # A tariff-quota certificate is a requirement: wheat without one is routed to commerce.
    'TARIFF_QUOTA_REQUIRED_AS_PERMIT': lambda: sub('permit/internal/PermitCatalogue.java',
        'WHERE c.active AND NOT c.tariff_quota AND s.flow = ?', 'WHERE c.active AND s.flow = ?'),
    # A permit of another entry answers for the one a line needs, when its scope covers the goods.
    'PERMIT_OF_ANOTHER_ENTRY_ACCEPTED': lambda: sub('permit/internal/JdbcPermitLedger.java',
        ': request.presentedAs() != null && !request.presentedAs().equals(permit.catalogueCode())) {', ': false) {'),
    # Any permit covering the goods is taken as a tariff-quota certificate.
    'NON_CERTIFICATE_ACCEPTED_AS_CERTIFICATE': lambda: sub('permit/internal/JdbcPermitLedger.java',
        'if (WriteOffRequest.TARIFF_QUOTA.equals(request.presentedAs()) ? !entry.tariffQuota()',
        'if (WriteOffRequest.TARIFF_QUOTA.equals(request.presentedAs()) ? false'),
    # A line needing two permits names one, which answers for both entries.
    'SECOND_ENTRY_ANSWERED_BY_FIRST_PERMIT': lambda: sub('declaration/internal/PermitChecks.java',
        'String line = item.permitNumber() + "#" + item.lineNo() + "#" + r.permitCatalogueCode();',
        'String line = item.permitNumber() + "#" + item.lineNo();'),
    # The in-quota rate is given and the certificate's kilograms are never written off.
    'CERTIFICATE_NOT_WRITTEN_OFF': lambda: sub('declaration/internal/Declarations.java',
        'inPermitOrder(permitChecks.writeOffs(), withCertificates.quota().writeOffs())', 'inPermitOrder(permitChecks.writeOffs(), List.of())'),
    # A certificate the ledger refuses is passed over: the line pays the in-quota rate anyway.
    'CERTIFICATE_REFUSAL_IGNORED': lambda: sub('declaration/internal/TariffQuotaCertificates.java',
        'if (refusal.isPresent()) {', 'if (false) {'),
    # Two lines under one certificate are checked one by one: together they overdraw it at the write-off.
    'CERTIFICATE_LINES_CHECKED_ALONE': lambda: sub('declaration/internal/TariffQuotaCertificates.java',
        'WriteOffRequest together = earlier == null ? request : earlier.and(request);', 'WriteOffRequest together = request;'),
    # An export names a tariff-quota certificate unrefused.
    'CERTIFICATE_ON_EXPORT_ACCEPTED': lambda: sub('declaration/internal/DeclarationValidation.java',
        'if (flow == TradeFlow.EXPORT) {\n\t\t\tv.add(field, "TARIFF_QUOTA_IMPORT_ONLY");', 'if (false) {\n\t\t\tv.add(field, "TARIFF_QUOTA_IMPORT_ONLY");'),
    # The duties before submission are at the out-of-quota rate although the submission will be in quota.
    'ESTIMATE_WITHOUT_QUOTA': lambda: sub('declaration/internal/Declarations.java',
        'return assessWithCertificates(UUID.randomUUID(), declarer.uscc(), valid, time.today()).assessment();',
        'return assess(valid, time.today(), Set.of());'),
    # The declaration forgets which certificate a line was imported under.
    'CERTIFICATE_NOT_STORED': lambda: sub('declaration/internal/DeclarationRows.java',
        '\t\t\t\t\ti.tariffQuotaCertificate(), a == null', '\t\t\t\t\tnull, a == null'),
    # A WCO declaration's quota prior allocation certificate (966) is not read.
    'WCO_QUOTA_CERTIFICATE_NOT_READ': lambda: sub('interchange/internal/WcoDeclaration.java',
        'case "966" -> once(line("tariffQuotaCertificate")', 'case "966-not-read" -> once(line("tariffQuotaCertificate")'),
    # A CUSDEC's DOC 966 is not read.
    'CUSDEC_QUOTA_CERTIFICATE_NOT_READ': lambda: sub('interchange/internal/CusdecDeclaration.java',
        'case "966" -> s.read(2, 1, item("tariffQuotaCertificate"));', 'case "966-not-read" -> s.read(2, 1, item("tariffQuotaCertificate"));'),
    # The pre-computation page's "within the quota" is dropped: every line assessed out of quota.
    'ASSESS_PAGE_QUOTA_DROPPED': lambda: sub('tariff/internal/TariffPages.java',
        '"IN_QUOTA".equals(at(form.quota(), i))', 'false'),
    # A tariff-quota certificate is valid for its entry's twelve months, into the next year's quota.
    'CERTIFICATE_VALID_FOR_MONTHS': lambda: sub('permit/internal/CatalogueEntry.java',
        'if (tariffQuota) {\n\t\t\treturn LocalDate.of(from.getYear(), 12, 31);', 'if (false) {\n\t\t\treturn LocalDate.of(from.getYear(), 12, 31);'),
    # A quantity quota is not checked: what is left is never compared with what a line takes.
    'QUANTITY_QUOTA_UNCHECKED': lambda: sub('permit/internal/JdbcPermitLedger.java',
        'if (permit.remainingQuantity().compareTo(taken.get()) < 0) {', 'if (false) {'),
    # An administrator's tariff-quota flag is dropped when the entry is created.
    'TARIFF_QUOTA_FLAG_NOT_STORED': lambda: sub('permit/internal/CatalogueAdministration.java',
        "!Boolean.FALSE.equals(form.active()), Boolean.TRUE.equals(form.tariffQuota()),", "!Boolean.FALSE.equals(form.active()), false,"),
    # Trade remedies (贸易救济) are never paid: an import of goods a notice names pays its duty alone.
    'REMEDY_NOT_PAID': lambda: sub('tariff/internal/LineByLineDutyAssessor.java',
        'remedyRate(request, item, line, steps));', 'null);'),
    # A notice's rate for a named producer is never given: every producer pays the rate for all others.
    'PRODUCER_RATE_IGNORED': lambda: sub('tariff/internal/TradeRemedyChoice.java',
        '(kept, other) -> kept.producer() != null ? kept : other)', '(kept, other) -> kept.producer() == null ? kept : other)'),
    # A rate set for one named producer is taken by goods of any producer.
    'PRODUCER_RATE_FOR_EVERY_PRODUCER': lambda: sub('tariff/internal/TradeRemedyChoice.java',
        '.filter(r -> r.producer() == null || Objects.equals(TradeRemedy.comparable(r.producer()), wanted))', '.filter(r -> true)'),
    # A notice on one origin's goods is paid by goods of every origin.
    'REMEDY_ORIGIN_IGNORED': lambda: sub('tariff/internal/TradeRemedyChoice.java',
        '.filter(r -> r.origin() == null || r.origin().equals(origin))', '.filter(r -> true)'),
    # A measure is paid before its first day and after its last.
    'REMEDY_OUTSIDE_ITS_DAYS': lambda: sub('tariff/internal/TradeRemedyChoice.java',
        '.filter(r -> r.inForceOn(day))', '.filter(r -> true)'),
    # The trade-remedy duty is left out of the excise's basis.
    'REMEDY_NOT_IN_EXCISE_BASIS': lambda: sub('tariff/internal/LineByLineDutyAssessor.java',
        'BigDecimal duty = collectedDuty.add(remedy);', 'BigDecimal duty = collectedDuty;'),
    # The trade-remedy duty is left out of the VAT's basis.
    'REMEDY_NOT_IN_VAT_BASIS': lambda: sub('tariff/internal/LineByLineDutyAssessor.java',
        'vat[i] = fen(l.value().add(duty[i]).add(remedy[i]).add(excise[i])', 'vat[i] = fen(l.value().add(duty[i]).add(excise[i])'),
    # The trade-remedy duties are not part of what the consignment owes.
    'REMEDY_NOT_IN_TOTAL_TAXES': lambda: sub('tariff/internal/LineByLineDutyAssessor.java',
        'totalDuty.add(totalRemedy).add(totalExcise).add(totalVat)', 'totalDuty.add(totalExcise).add(totalVat)'),
    # A correction forgets the trade-remedy rate first paid.
    'REMEDY_RATE_DROPPED_ON_CORRECTION': lambda: sub('declaration/internal/DeclarationCorrections.java',
        ' i.remedyRate()))', ' null))'),
    # What a line paid of trade remedies is not kept with it.
    'REMEDY_NOT_STORED': lambda: sub('declaration/internal/DeclarationRows.java',
        'a.remedyRate(), a == null ? null : remedy(a),', 'a.remedyRate(), null,'),
    # A declaration's producer never reaches the assessment: a named producer pays the rate for all others.
    'PRODUCER_NOT_ASSESSED': lambda: sub('declaration/internal/Declarations.java',
        'inQuota.contains(i.lineNo()), i.producer()))', 'inQuota.contains(i.lineNo()), null))'),
    # A notice's second rate for the same goods is recorded: an import would not know which to pay.
    'DUPLICATE_REMEDY_RECORDED': lambda: sub('tariff/internal/JdbcTradeRemedies.java',
        'if (overlapping(kind, notice, hs, origin, producer, first, last, null)) {', 'if (false) {'),
    # A CUSDEC's FTX+ZPR is not read.
    'CUSDEC_PRODUCER_NOT_READ': lambda: sub('interchange/internal/CusdecDeclaration.java',
        '"ZPR".equals(s.text(1, 0))', '"ZPR-not-read".equals(s.text(1, 0))'),
    # A WCO goods item's Manufacturer/Name is not read.
    'WCO_PRODUCER_NOT_READ': lambda: sub('interchange/internal/WcoDeclaration.java',
        '"Manufacturer/Name", "producer"', '"Manufacturer/NotRead", "producer"'),
    # A CUSRES leaves the trade-remedy duties out: the declarant's software sees less than it owes.
    'CUSRES_REMEDY_NOT_ANSWERED': lambda: sub('interchange/internal/EdifactAnswer.java',
        'if (response.totalRemedy() != null) {', 'if (false) {'),
    # A WCO Response leaves a line's trade-remedy duties out.
    'WCO_RESPONSE_REMEDY_NOT_ANSWERED': lambda: sub('interchange/internal/WcoResponseWriter.java',
        'if (line.remedy() != null) {', 'if (false) {'),
    # Every stored declaration's idempotency fingerprint changes with the new field: a retry no longer matches.
    'FINGERPRINT_CHANGED_BY_NEW_FIELD': lambda: sub('declaration/internal/DeclarationRequest.java',
        '.replace(", tariffQuotaCertificate=null]", "]")', ''),
    # Goods of an origin without MFN treatment pay the MFN duty while the steps say the general rate.
    'GENERAL_RATE_NOT_PAID': lambda: sub('tariff/internal/LineByLineDutyAssessor.java',
        'new Base("GENERAL", line.generalRate(), line.generalPerUnit(),', 'new Base("GENERAL", line.mfnRate(), line.mfnPerUnit(),'),
    # Within a tariff quota, goods of an origin without MFN pay the general rate instead of the in-quota rate.
    'GENERAL_RATE_WITHIN_THE_QUOTA': lambda: sub('tariff/internal/LineByLineDutyAssessor.java',
        'if (ground != null && !inQuota) {', 'if (ground != null) {'),
    # A provisional rate in force is paid at the general rate too.
    'PROVISIONAL_RATE_AT_THE_GENERAL_RATE': lambda: sub('tariff/internal/LineByLineDutyAssessor.java',
        'line.provisionalRateOn(request.date()).ifPresent(p -> steps.add("provisional rate " + percent(p)\n\t\t\t\t\t+ " does not apply at the general rate"));',
        'if (line.provisionalRateOn(request.date()).isPresent()) {\n\t\t\t\treturn new Base("PROVISIONAL", line.provisionalRateOn(request.date()).get(), null, "provisional rate", "");\n\t\t\t}'),
    # A line whose general rate is levied per unit is assessed without the quantity it needs.
    'GENERAL_PER_UNIT_QUANTITY_NOT_REQUIRED': lambda: sub('tariff/internal/LineByLineDutyAssessor.java',
        '(line.leviesPerUnit() || general && line.generalPerUnit() != null)', 'line.leviesPerUnit()'),
    # A line without a general rate is assessed for goods that must pay it.
    'GENERAL_RATE_MISSING_NOT_REFUSED': lambda: sub('tariff/internal/LineByLineDutyAssessor.java',
        'v.check(!general || line.get().hasGeneralRate(), field + ".origin",', 'v.check(true, field + ".origin",'),
    # An origin listed for some days is without MFN on every day.
    'LISTING_OUTSIDE_ITS_DAYS': lambda: sub('tariff/internal/JdbcOriginsWithoutMfn.java',
        '.stream().filter(l -> l.inForceOn(day)).findFirst();', '.stream().findFirst();'),
    # The same origin listed twice on the same days.
    'ORIGIN_LISTED_TWICE': lambda: sub('tariff/internal/JdbcOriginsWithoutMfn.java',
        'if (overlapping(origin, first, last, null)) {', 'if (false) {'),
    # China's own goods listed without MFN treatment.
    'CHINA_LISTED_WITHOUT_MFN': lambda: sub('tariff/internal/JdbcOriginsWithoutMfn.java',
        'if (origin != null && origin.value().equals("CN")) {', 'if (false) {'),
    # A tariff file's general rate is dropped on import.
    'GENERAL_RATE_NOT_IMPORTED': lambda: sub('tariff/internal/TariffImports.java',
        'BigDecimal generalRate = columns > 19 ?', 'BigDecimal generalRate = columns > 99 ?'),
    # A stored line's general rate is not read.
    'GENERAL_RATE_NOT_READ': lambda: sub('tariff/internal/JdbcTariffSchedule.java',
        'strip(rs.getBigDecimal("general_rate"))', 'null'),
    # A measure of 0 for all other producers is recorded (and refused by the table: a 500).
    'ZERO_RATE_FOR_ALL_OTHERS': lambda: sub('tariff/internal/JdbcTradeRemedies.java',
        '(rate.signum() > 0 || rate.signum() == 0', '(rate.signum() >= 0 || rate.signum() == 0'),
    # A producer whose price undertaking was accepted cannot be recorded at 0: it pays the rate for all others.
    'ZERO_RATE_REFUSED_FOR_A_PRODUCER': lambda: sub('tariff/internal/JdbcTradeRemedies.java',
        '&& producer != null) && rate.compareTo(BigDecimal.TEN) < 0', '&& false) && rate.compareTo(BigDecimal.TEN) < 0'),
    # The pre-computation page drops the producer typed: the rate for all others is assessed.
    'ASSESS_PAGE_PRODUCER_DROPPED': lambda: sub('tariff/internal/TariffPages.java',
        ', at(form.producer(), i)));', ', null));'),
    # A quota line without a general rate refuses goods of a listed origin within the quota, where none is paid.
    'GENERAL_RATE_REQUIRED_WITHIN_THE_QUOTA': lambda: sub('tariff/internal/LineByLineDutyAssessor.java',
        '&& !(item.inQuota() && line.get().underTariffQuota());', ';'),
    # Two administrators listing one origin at one instant both find its days free: it is listed twice a day.
    'ORIGIN_LISTINGS_NOT_QUEUED': lambda: sub('tariff/internal/JdbcOriginsWithoutMfn.java',
        'queueForOrigin(origin);', ''),
    # A listing's last day is moved into the origin's next listing.
    'ORIGIN_END_INTO_NEXT_LISTING': lambda: sub('tariff/internal/JdbcOriginsWithoutMfn.java',
        'if (overlapping(before.origin(), before.firstDay(), last, id)) {', 'if (false) {'),
    # A listing's own days count against its new last day: no listing can be ended.
    'ORIGIN_END_REFUSED_BY_ITSELF': lambda: sub('tariff/internal/JdbcOriginsWithoutMfn.java',
        '.params(origin.value(), except, last, first)', '.params(origin.value(), null, last, first)'),
    # Two administrators recording one notice's rate at one instant both find its days free: two rates a day.
    'REMEDIES_NOT_QUEUED': lambda: sub('tariff/internal/JdbcTradeRemedies.java',
        'queueForGoods(kind, notice, hs);', ''),
    # A rate's last day is moved into the notice's next rate for the same goods.
    'REMEDY_END_INTO_NEXT_RATE': lambda: sub('tariff/internal/JdbcTradeRemedies.java',
        'before.firstDay(), last, id)) {', 'before.firstDay(), last, id) && false) {'),
    # Two accounts opened under one name at one instant: the second insert's clash ends in a 500.
    'ACCOUNT_OPENED_TWICE_A_500': lambda: sub('identity/Accounts.java',
        '?::text[]) ON CONFLICT DO NOTHING', '?::text[])'),
    # A username is unique only in its own case: "Alice" and "alice" opened at one instant are both stored.
    'USERNAME_UNIQUE_ONLY_IN_ITS_CASE': lambda: sub(
        '../../../resources/db/migration/V12_1_24__username_unique_whatever_its_case.sql',
        'ON user_account (lower(username));', 'ON user_account (username);'),
    # Two administrators creating one catalogue code at one instant: the second insert's clash ends in a 500.
    'CATALOGUE_ENTRY_CREATED_TWICE_A_500': lambda: sub('permit/internal/CatalogueAdministration.java',
        ' ON CONFLICT (code) DO NOTHING', ''),
    # Two administrators recording one year at one instant do not queue: the second's insert ends in a 500.
    'CALENDAR_YEAR_RECORDS_NOT_QUEUED': lambda: sub('calendar/internal/CalendarAdministration.java',
        'TransactionLock.take(jdbc, "calendar-year:" + year);', 'TransactionLock.take(jdbc, "calendar-year:" + year + ":" + Math.random());'),
    # Two administrators setting the second-factor rule at one instant do not queue: the second's insert, a 500.
    'SECOND_FACTOR_RULE_NOT_QUEUED': lambda: sub('identity/internal/SecondFactors.java',
        'TransactionLock.take(jdbc, "second-factor-requirement");', 'TransactionLock.take(jdbc, "second-factor-requirement:" + Math.random());'),
    # An agency's task message leaves out the producer a line names.
    'TASK_MESSAGE_PRODUCER_DROPPED': lambda: sub('declaration/internal/AgencySystemsMessages.java',
        'i.tariffQuotaCertificate(), i.producer(), view', 'i.tariffQuotaCertificate(), null, view'),
    # Goods of unknown origin pay MFN.
    'UNKNOWN_ORIGIN_PAYS_MFN': lambda: sub('tariff/internal/LineByLineDutyAssessor.java',
        'if (origin != null && origin.isUnknown()) {', 'if (false) {'),
    # An imported line of unknown origin is refused as an unknown country.
    'UNKNOWN_ORIGIN_REFUSED': lambda: sub('declaration/internal/DeclarationValidation.java',
        'flow == TradeFlow.IMPORT ? originOrUnknown(', 'flow == null ? originOrUnknown('),
    # An export's line, or a declaration's country, may be unknown too.
    'UNKNOWN_ORIGIN_FOR_EXPORTS': lambda: sub('declaration/internal/DeclarationValidation.java',
        ': country(v, item.origin(), p + "origin");', ': originOrUnknown(v, item.origin(), p + "origin");'),
    # The form does not offer "origin unknown" among a line's origins.
    'UNKNOWN_ORIGIN_NOT_OFFERED': lambda: sub('declaration/internal/DeclarationPages.java',
        '"origin", "origins")', '"origin", "countries")'),
    # A QR code is chosen by its anti-aliased rasters alone: one a screen draws crisp may not read back.
    'QR_CRISP_NOT_READ_BACK': lambda: sub('platform/ScannableQrCode.java',
        'for (int pixels : CRISP_MODULE_PIXELS) {', 'for (int pixels : new int[0]) {'),
    # An officer's home page counts every agency's tasks waiting, not the agency's own.
    'TASKS_WAITING_OF_EVERY_AGENCY': lambda: sub('declaration/internal/DeclarationStore.java',
        "WHERE t.agency = :agency AND t.status = 'PENDING'", "WHERE t.status = 'PENDING'"),
    # A declarant's home page counts every enterprise's queried declarations.
    'QUERIED_OF_EVERY_DECLARANT': lambda: sub('declaration/internal/DeclarationStore.java',
        "AND d.status = 'QUERIED' AND d.declarant IN (:declarants)", "AND d.status = 'QUERIED'"),
    # Every agency's officers hear of customs' applications to cancel or correct and its guarantees to call on.
    'CUSTOMS_LISTS_FOR_EVERY_AGENCY': lambda: sub('declaration/internal/DeclarationsWaiting.java',
        'if (actor.agency().equals(AgencyCode.CUSTOMS)) {', 'if (true) {'),
    # Questions past their answer-by day are not counted as late.
    'LATE_ANSWERS_UNCOUNTED': lambda: sub('declaration/internal/DeclarationStore.java',
        "count(*) FILTER (WHERE answer_by < :today) AS late", "count(*) FILTER (WHERE false) AS late"),
    # An officer's home page counts every agency's permit applications under review.
    'PERMIT_BACKLOG_OF_EVERY_AGENCY': lambda: sub('permit/internal/PermitApplications.java',
        "FROM permit_application WHERE issuing_agency = :agency AND status = 'UNDER_REVIEW'",
        "FROM permit_application WHERE status = 'UNDER_REVIEW'"),
    # Applications past their statutory deadline are not counted as such.
    'OVERDUE_PERMITS_UNCOUNTED': lambda: sub('permit/internal/PermitApplications.java',
        'count(*) FILTER (WHERE due_date < :today) AS overdue', 'count(*) FILTER (WHERE false) AS overdue'),
    # A declarant's home page counts every enterprise's applications waiting for documents.
    'DOCUMENTS_REQUESTED_OF_EVERY_APPLICANT': lambda: sub('permit/internal/PermitApplications.java',
        "WHERE applicant_uscc IN (:applicants) AND status = 'DOCUMENTS_REQUESTED'",
        "WHERE status = 'DOCUMENTS_REQUESTED'"),
    # The declaration's page shows the header's codes without their names.
    'DECLARED_CODES_UNNAMED': lambda: sub('declaration/internal/DeclaredNames.java',
        '.map(o -> o.name().equals(code) ? code : code + " " + o.name()).orElse(code);', '.map(o -> code).orElse(code);'),
    # The declaration's page names no declarant.
    'DECLARANT_UNNAMED': lambda: sub('declaration/internal/DeclaredNames.java',
        'return enterprises.find(Uscc.parse(uscc)).map((Enterprise e) -> e.name(locale)).orElse(null);', 'return null;'),
    # The declaration's page no longer says where each line's goods come from.
    'LINE_ORIGIN_NOT_SHOWN': lambda: sub('../../../resources/templates/declaration/live.html',
        'th:text="${@declaredNames.country(i.origin, #locale)}"', 'th:text="\'\'"'),
    # A declaration declared again keeps the certificates of origin's numbers: one certificate for two consignments.
    'COPY_KEEPS_CERTIFICATE_NUMBERS': lambda: sub('declaration/internal/DeclarationPages.java',
        'form.keySet().removeIf(field -> field.endsWith(".certificateNumber"));', ''),
    # Customs' officers are offered to declare a declarant's goods again.
    'DECLARE_AGAIN_OFFERED_TO_OFFICERS': lambda: sub('../../../resources/templates/declaration/detail.html',
        '<th:block th:if="${actor.holds(\'DECLARE\')}"> \u00b7\n       <a id="declare-again"',
        '<th:block th:if="${true}"> \u00b7\n       <a id="declare-again"'),
    # A form saved for later is opened by anyone who knows its id.
    'UNSENT_SEEN_BY_ANOTHER_ENTERPRISE': lambda: sub('declaration/internal/UnsentDeclarations.java',
        '.filter(u -> actor.holds(OperatorRight.DECLARE) && actor.mayActFor(Uscc.parse(u.declarant())))',
        '.filter(u -> actor.holds(OperatorRight.DECLARE))'),
    # A form saved for later and sent is sent again from another tab: the goods declared twice.
    'UNSENT_SENT_TWICE': lambda: sub('declaration/internal/DeclarationPages.java',
        'throw Problem.conflict("UNSENT_DECLARATION_GONE");', 'return null;'),
    # A colleague's later save is overwritten unseen.
    'UNSENT_OVERWRITTEN_UNSEEN': lambda: sub('declaration/internal/DeclarationPages.java',
        'if (!String.valueOf(opened.version()).equals(form.get(UNSENT_VERSION))) {', 'if (false) {'),
    # A form saved for later stays on the list once sent.
    'UNSENT_KEPT_AFTER_SENDING': lambda: sub('declaration/internal/DeclarationPages.java',
        'unsent.sent(openedFrom);', ''),
    # An enterprise keeps any number of forms for later.
    'UNSENT_WITHOUT_LIMIT': lambda: sub('declaration/internal/UnsentDeclarations.java',
        'if (kept >= KEPT) {', 'if (false) {'),
    # A declarant's home page counts every enterprise's forms saved for later.
    'UNSENT_COUNTED_FOR_EVERY_DECLARANT': lambda: sub('declaration/internal/UnsentDeclarations.java',
        'FROM declaration_unsent WHERE declarant IN (:d) AND saved_at >= :since""")\n\t\t\t.param("d", declarants).param("since", keptSince(now))',
        'FROM declaration_unsent WHERE (declarant IN (:d) OR true) AND saved_at >= :since""")\n\t\t\t.param("d", declarants).param("since", keptSince(now))'),
    # A JSON day is read as Jackson reads it: the number 2147483647 is a day of the year 5,881,580, a 500 when stored.
    'JSON_DAYS_BEYOND_ANY_CALENDAR': lambda: sub('platform/internal/PlainTextJson.java',
        '\n\t\t\t.addDeserializer(LocalDate.class, new WrittenDay());', ';'),
    # A typed day of any year is read (+5881580-07-11): a 500 when stored.
    'TYPED_DAYS_OF_ANY_YEAR': lambda: sub('core/IsoDay.java',
        'if (text == null || !DAY.matcher(text).matches()) {', 'if (text == null) {'),
    # A form saved for later stays on the list for ever, untouched for years.
    'UNSENT_LISTED_FOR_EVER': lambda: sub('declaration/internal/UnsentDeclarations.java',
        'SELECT * FROM declaration_unsent WHERE declarant IN (:d) AND saved_at >= :since',
        'SELECT * FROM declaration_unsent WHERE declarant IN (:d) AND (saved_at >= :since OR true)'),
    # A form past its keeping day still opens.
    'UNSENT_OPENED_PAST_ITS_DAY': lambda: sub('declaration/internal/UnsentDeclarations.java',
        'return jdbc.sql("SELECT * FROM declaration_unsent WHERE id = ? AND saved_at >= ?")',
        'return jdbc.sql("SELECT * FROM declaration_unsent WHERE id = ? AND (saved_at >= ? OR true)")'),
    # Forms no longer kept still count against the hundred a declarant keeps.
    'UNSENT_PAST_ITS_DAY_COUNTED': lambda: sub('declaration/internal/UnsentDeclarations.java',
        'SELECT count(*) FROM declaration_unsent WHERE declarant = ? AND saved_at >= ?',
        'SELECT count(*) FROM declaration_unsent WHERE declarant = ? AND (saved_at >= ? OR true)'),
    # Nothing ever deletes a form saved for later.
    'UNSENT_NEVER_FORGOTTEN': lambda: sub('declaration/internal/UnsentDeclarations.java',
        'DELETE FROM declaration_unsent WHERE saved_at < ?', 'DELETE FROM declaration_unsent WHERE saved_at < ? AND false'),
    # The printable response names its declarant by code only.
    'RESPONSE_DECLARANT_UNNAMED': lambda: sub('../../../resources/templates/declaration/response.html',
        '<span id="response-declarant-name" th:if="${declarantName != null}"', '<span id="response-declarant-name" th:if="${false}"'),
    # A printed declaration still passes for what is declared after the declarant amended it.
    'PRINTED_DECLARATION_CURRENT_AFTER_AMENDMENT': lambda: sub('declaration/internal/DeclaredCopy.java',
        'return ResponseCopy.amendmentsOf(declaration) + declaration.corrections().size();',
        'return declaration.corrections().size();'),
    # A QR code naming more changes than the declaration had passes for one the platform printed.
    'PRINTED_DECLARATION_FORGED_CHANGES_ACCEPTED': lambda: sub('declaration/internal/DeclaredCopy.java',
        'if (printed < 0 || printed > changes) {', 'if (printed < 0) {'),
    # Any enterprise prints another's declaration.
    'DECLARATION_PDF_FOR_ANYONE': lambda: sub('declaration/internal/PrintedDeclarations.java',
        'DeclarationView readable = DeclarationApi.visible(currentActor.get(), view);', 'DeclarationView readable = view;'),
    # The printed declaration shows the reference the platform made up as the declarant's own.
    'MADE_UP_REFERENCE_PRINTED': lambda: sub('declaration/internal/DeclarationDocument.java',
        'orDash(Declarations.ownReference(d.clientReference()))', 'orDash(d.clientReference())'),
    # Any enterprise prints another's permit.
    'PERMIT_PDF_FOR_ANYONE': lambda: sub('permit/internal/PrintedPermits.java',
        '		currentActor.get().requireSee(permit.holder());\n', ''),
    # The public page calls a suspended or revoked permit usable.
    'PERMIT_VERIFIED_USABLE_WHATEVER_ITS_STATUS': lambda: sub('permit/internal/PermitChecks.java',
        'permit.validUntil(), permit.status(today), permit.usableOn(today), today);',
        'permit.validUntil(), permit.status(today), true, today);'),
    # A permit printed while suspended does not say it is not in force.
    'SUSPENDED_PERMIT_PRINTED_AS_IN_FORCE': lambda: sub('permit/internal/PermitDocument.java',
        'if (status != PermitStatus.IN_FORCE) {', 'if (false) {'),
    # A licence's public page lists the permits of every enterprise.
    'PUBLISHED_PERMITS_OF_EVERY_HOLDER': lambda: sub('permit/internal/IssuedPermits.java',
        '? many("WHERE p.holder_uscc = ? ORDER BY p.issued_at DESC, p.number DESC LIMIT ?", holder.value(),',
        '? many("WHERE p.holder_uscc = ? OR true ORDER BY p.issued_at DESC, p.number DESC LIMIT ?", holder.value(),'),
    # A holder hears of every enterprise's permits about to expire.
    'PERMITS_EXPIRING_OF_EVERY_HOLDER': lambda: sub('permit/internal/IssuedPermits.java',
        "WHERE holder_uscc IN (:holders) AND status = 'IN_FORCE' AND valid_until BETWEEN :from AND :until",
        "WHERE (holder_uscc IN (:holders) OR true) AND status = 'IN_FORCE' AND valid_until BETWEEN :from AND :until"),
    # Permits that expired already are counted as about to expire.
    'EXPIRED_PERMITS_COUNTED_AS_EXPIRING': lambda: sub('permit/internal/IssuedPermits.java',
        "AND valid_until BETWEEN :from AND :until", "AND valid_until <= :until"),
    # Every enterprise's nearly used quotas announced to a holder.
    'QUOTA_NEARLY_USED_OF_EVERY_HOLDER': lambda: sub('permit/internal/IssuedPermits.java',
        "WHERE holder_uscc IN (:holders) AND status = 'IN_FORCE' AND valid_from <= :today",
        "WHERE (holder_uscc IN (:holders) OR true) AND status = 'IN_FORCE' AND valid_from <= :today"),
    # A permit with exactly a tenth of its quota left is not announced.
    'QUOTA_TENTH_LEFT_NOT_ANNOUNCED': lambda: sub('permit/internal/IssuedPermits.java',
        "AND (remaining_quantity * 100 <= quota_quantity * :percent",
        "AND (remaining_quantity * 100 < quota_quantity * :percent"),
    # A suspended permit's quota announced as nearly used.
    'SUSPENDED_PERMIT_QUOTA_ANNOUNCED': lambda: sub('permit/internal/IssuedPermits.java',
        "status = 'IN_FORCE' AND valid_from <= :today", "valid_from <= :today"),
    # The licence's public check by software lists no permits.
    'LICENCE_CHECK_WITHOUT_PERMITS': lambda: sub('enterprise/internal/EnterpriseApi.java',
        'return permits == null ? facts : facts.withPermits(permits.of(code, locale));', 'return facts;'),
    # Forms saved for later are deleted without a word before.
    'UNSENT_ENDING_NEVER_ANNOUNCED': lambda: sub('declaration/internal/DeclarationsWaiting.java',
        'if (forms.ending() > 0) {', 'if (forms.ending() < 0) {'),
    # Forms saved for later announced as ending a day too early.
    'UNSENT_ENDING_A_DAY_EARLY': lambda: sub('declaration/internal/UnsentDeclarations.java',
        '.param("endingBefore", keptSince(now.plus(Duration.ofDays(ENDING_NOTICE_DAYS))))',
        '.param("endingBefore", keptSince(now.plus(Duration.ofDays(ENDING_NOTICE_DAYS + 1))))'),
    # An officer hears of another agency's filings awaiting review.
    'REVIEWS_COUNTED_FOR_ANOTHER_AGENCY': lambda: sub('permit/internal/PermitSupervision.java',
        '.params(today, agency.value())\n\t\t\t.query((rs, n) -> new ReviewBacklog(',
        '.params(today, "SAMR")\n\t\t\t.query((rs, n) -> new ReviewBacklog('),
    # Reviews past their verification day not counted.
    'OVERDUE_REVIEWS_UNCOUNTED': lambda: sub('permit/internal/PermitSupervision.java',
        'count(*) FILTER (WHERE p.verification_due < ?) FROM permit p',
        'count(*) FILTER (WHERE p.verification_due < ? AND false) FROM permit p'),
    # The printed declaration names units by their code alone.
    'PRINTED_UNIT_BY_CODE_ONLY': lambda: sub('declaration/internal/DeclarationDocument.java',
        'i.quantity().stripTrailingZeros().toPlainString() + " " + unit(i.unit()),',
        'i.quantity().stripTrailingZeros().toPlainString() + " " + i.unit(),'),
    # A second press of the form's Submit declares the goods again.
    'DOUBLE_SUBMISSION_DECLARED_TWICE': lambda: sub('declaration/internal/DeclarationPages.java',
        'declarations.submit(actor, DeclarationForm.draft(form, rowOf), submissionKeyOf(form));',
        'declarations.submit(actor, DeclarationForm.draft(form, rowOf), null);'),
    # Any text posted as the form's submission key is taken for one (and stored as the declarant's reference).
    'SUBMISSION_KEY_TAKEN_FROM_ANYONE': lambda: sub('declaration/internal/DeclarationPages.java',
        'key != null && SUBMISSION_KEY.matcher(key).matches()\n\t\t\t\t? key : null;', 'key != null\n\t\t\t\t? key : null;'),
    # Software saves a declaration for later for an enterprise it may not declare for (kept as its own, unseen).
    'UNSENT_API_FOR_ANOTHER_DECLARANT': lambda: sub('declaration/internal/UnsentDeclarationApi.java',
        '\t\t\tactor.requireActFor(declarant, OperatorRight.DECLARE);\n', ''),
    # Software saves a declaration for later over a colleague's save it never read.
    'UNSENT_API_SAVED_OVER_UNSEEN': lambda: sub('declaration/internal/UnsentDeclarationApi.java',
        'return SavedForLater.of(unsent.save(actor, id, content.version(), fieldsOf(actor, content)));',
        'return SavedForLater.of(unsent.save(actor, id, unsent.find(actor, id).version(), fieldsOf(actor, content)));'),
    # A line's statistical unit dropped unseen from a declaration saved for later.
    'UNSENT_API_STATISTICAL_UNIT_DROPPED': lambda: sub('declaration/internal/UnsentContent.java',
        'if (line.statisticalUnit() != null && !line.statisticalUnit().isBlank()) {', 'if (false) {'),
    # Officers and administrators read and keep declarations for later.
    'UNSENT_API_OPEN_TO_OFFICERS': lambda: sub('declaration/internal/UnsentDeclarationApi.java',
        '\t\tactor.requireRole(Role.TRADER, Role.BROKER);\n\t\treturn actor;', '\t\treturn actor;'),
    # A second press on a form finished from one saved for later is told it was sent since, by itself.
    'RESUMED_SECOND_PRESS_TOLD_GONE': lambda: sub('declaration/internal/DeclarationPages.java',
        '? Optional.empty() : submittedUnderItsKey(actor, form);', '? Optional.empty() : Optional.<UUID>empty();'),
    # The same decision sent again by its officer is refused as if another officer had decided first.
    'REPEATED_DECISION_REFUSED': lambda: sub('declaration/internal/Declarations.java',
        'if (sameDecisionAgain(actor, taskId, next, blankToNull(reason))) {', 'if (false) {'),
    # Another decision of the same officer with the same words is taken for a repeat (answered 200, not recorded).
    'REPEAT_OF_ANOTHER_DECISION': lambda: sub('declaration/internal/Declarations.java',
        '.filter(t -> t.status() == next && actor.username().equals(t.decidedBy())',
        '.filter(t -> actor.username().equals(t.decidedBy())'),
    # No form's key is looked at: a second press of a page's form does the work again (the old behaviour).
    'FORM_SENT_TWICE_DOES_THE_WORK_TWICE': lambda: sub('platform/internal/SentForms.java',
        'return !"POST".equals(request.getMethod()) ||', 'return true ||'),
    # A press refused (the form shown again with its errors) is remembered as a first press that never answered.
    'FORM_REFUSAL_REMEMBERED': lambda: sub('platform/internal/SentForms.java',
        '			if (!answered) {\n', '			if (false) {\n'),
    # The form's fields are no content: the same form with a field changed is taken for the first press.
    'FORM_FIELDS_IGNORED': lambda: sub('platform/internal/ContentDigest.java',
        'if (!notContent.contains(name)) {', 'if (false) {'),
    # The files are no content: another file attached from the same form is taken for the first press.
    'FORM_FILES_IGNORED': lambda: sub('platform/internal/ContentDigest.java',
        '						stream(bytes);\n', '', 2),
    # Who sent it is no content: another person's press under the key is led to the first's answer.
    'FORM_OF_ANOTHER_PERSON': lambda: sub('platform/internal/SentForms.java',
        'new ContentDigest(key).field("sender", sender)', 'new ContentDigest(key)'),
    # A press while the first is at work is told at once it is still being sent instead of waiting for its answer.
    'FORM_SECOND_PRESS_NOT_WAITING': lambda: sub('platform/internal/SentForms.java',
        'if (System.nanoTime() - waitUntil > 0) {', 'if (answeredTo != null) {'),
    # A form that is fetched (a search) carries a key too.
    'FORM_KEY_ON_FETCHED_FORMS': lambda: sub('platform/internal/FormKeys.java',
        'if (Boolean.TRUE.equals(request.getAttribute(FETCHED))) {', 'if (false) {'),
    # No Idempotency-Key looked at: an API request sent again after a lost answer does the work again.
    'API_REPEAT_DOES_THE_WORK_TWICE': lambda: sub('platform/internal/IdempotentRequests.java',
        'if (!"POST".equals(request.getMethod()) || key == null', 'if (true || key == null'),
    # The key sent with another request is answered with the first request's answer.
    'API_KEY_REUSED_ANSWERED_AS_FIRST': lambda: sub('platform/internal/IdempotentRequests.java',
        'if (earlier.isPresent() && !earlier.get().content().equals(content)) {', 'if (false) {'),
    # A refusal is kept and replayed: the request put right under the same key is never done.
    'API_REFUSAL_KEPT': lambda: sub('platform/internal/IdempotentRequests.java',
        'answer.getStatus() / 100 == 2 && body.length <= MAX_KEPT_BODY) {', 'body.length <= MAX_KEPT_BODY) {'),
    # Keys are shared by every account: another caller's request under the same text is refused or answered as ours.
    'API_KEY_SHARED_BY_CALLERS': lambda: sub('platform/internal/IdempotentRequests.java',
        '? authentication.getName() : null;', '? "anyone" : null;'),
    # A multipart request is known by its raw bytes, whose boundary differs each time: the same upload sent again is
    # taken for another request under the key (409).
    'API_MULTIPART_BY_ITS_BYTES': lambda: (sub('platform/internal/IdempotentRequests.java',
        'body = multipart ? new byte[0] : request.getInputStream().readAllBytes();',
        'body = request.getInputStream().readAllBytes();'), sub('platform/internal/IdempotentRequests.java',
        '.field("type", mediaType(request.getContentType()))', '.field("type", String.valueOf(request.getContentType()))')),
    # A key longer than a reference is taken.
    'API_LONG_KEY_TAKEN': lambda: sub('platform/internal/IdempotentRequests.java',
        'if (key.length() > MAX_KEY) {', 'if (false) {'),
    # A request sent while the first is at work is told at once it is in progress instead of waiting for the answer.
    'API_SECOND_NOT_WAITING': lambda: sub('platform/internal/IdempotentRequests.java',
        'if (System.nanoTime() - waitUntil > 0) {', 'if (true) {'),
    # An answer with a secret shown once (an API key) is kept to be given again: the secret stored in the clear.
    'API_SECRET_ANSWER_KEPT': lambda: sub('platform/internal/IdempotentRequests.java',
        'handler.hasMethodAnnotation(ShownOnce.class) ? Rule.WITHHELD : Rule.KEPT', 'Rule.KEPT'),
    # An API key asked for again under its Idempotency-Key is made again (as before the sixty-fourth part): a
    # second live key nobody ever saw.
    'API_SECRET_REQUEST_MADE_AGAIN': lambda: sub('platform/internal/IdempotentRequests.java',
        'return leftOut(handler) ? Rule.OWN :', 'return leftOut(handler) || handler.hasMethodAnnotation(ShownOnce.class) ? Rule.OWN :'),
    # The answer with a secret shown once is written down whole, though never given again: the secret in a table.
    'API_SECRET_WRITTEN_DOWN': lambda: sub('platform/internal/IdempotentRequests.java',
        'withheld ? new byte[0] : body,', 'body,'),
    # A form whose answer showed a secret once, pressed again, makes another (a second live API key nobody saw).
    'FORM_SECRET_MADE_AGAIN': lambda: sub('platform/internal/SentForms.java',
        'response.getStatus() / 100 == 2 && request.getAttribute(ShownOnce.MADE) instanceof String made ? made', 'false ? null'),
    # The webhook page does not say what its form made: pressed twice, it adds the webhook twice.
    'FORM_WEBHOOK_ADDED_AGAIN': lambda: sub('declaration/internal/WebhookPages.java',
        'request.setAttribute(io.singlewindow.platform.ShownOnce.MADE,', 'java.util.Objects.hash('),
    # A request without Accept-Language is answered in the server's own language (English on a host set to C).
    'DEFAULT_LANGUAGE_THE_SERVERS': lambda: sub('platform/internal/PageLanguages.java',
        'setDefaultLocaleFunction(request -> accepted(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));',
        'setDefaultLocaleFunction(request -> spoken(request.getLocale()));'),
    # A language header the container cannot read taken as it reads it: the server's own language.
    # (its own text: DEFAULT_LANGUAGE_THE_SERVERS changes the line that calls accepted, and --check applies both)
    'UNREADABLE_LANGUAGE_THE_SERVERS': lambda: sub('platform/internal/PageLanguages.java',
        '} catch (IllegalArgumentException unreadable) {\n\t\t\treturn Locale.SIMPLIFIED_CHINESE;',
        '} catch (IllegalArgumentException unreadable) {\n\t\t\treturn Locale.getDefault();'),
    # A language refused with q=0 taken for one asked for.
    'REFUSED_LANGUAGE_ANSWERED_IN': lambda: sub('platform/internal/PageLanguages.java',
        'if (range.getWeight() == 0) {', 'if (range.getWeight() < 0) {'),
    'NUL_PARAMETER_UNNAMED': lambda: sub('platform/internal/ProblemResponses.java',
        ".filter(p -> Arrays.stream(p.getValue()).anyMatch(v -> v != null && v.indexOf('\\u0000') >= 0))",
        '.filter(p -> false)'),
    'BOUND_FILTER_TYPE_AS_CODE': lambda: sub('platform/internal/ProblemResponses.java',
        'case "typeMismatch" -> "MALFORMED_VALUE";', ''),
    'BLANK_PATH_VARIABLE_UNNAMED': lambda: sub('platform/internal/ProblemResponses.java',
        'e instanceof MissingPathVariableException variable',
        'e instanceof MissingPathVariableException variable && false'),
    'CSV_FORMULA_AFTER_A_TAB': lambda: sub('statistics/internal/TableExports.java',
        '"=+-@\\t\\r".indexOf', '"=+-@".indexOf'),
    # The numbers the platform gives formatted in the server's own locale (Arabic-Indic digits under ar_EG).
    'CUSTOMS_CODE_IN_SERVER_DIGITS': lambda: sub('enterprise/internal/LicenceLedger.java',
        'String.format(Locale.ROOT, "%05d", serial)', 'String.format("%05d", serial)'),
    'PERMIT_NUMBER_IN_SERVER_DIGITS': lambda: sub('permit/internal/IssuedPermits.java',
        'String.format(Locale.ROOT, "%s-%d-%06d",', 'String.format("%s-%d-%06d",'),
    'APPLICATION_REFERENCE_IN_SERVER_DIGITS': lambda: sub('permit/internal/PermitApplications.java',
        'String.format(Locale.ROOT, "PA-%d-%06d",', 'String.format("PA-%d-%06d",'),
    'AGREEMENT_NUMBER_IN_SERVER_DIGITS': lambda: sub('declaration/internal/AgencyAgreements.java',
        'String.format(Locale.ROOT, "%08d", serial)', 'String.format("%08d", serial)'),
    # The embedded database's locale taken from the host's environment (initdb refuses a locale not installed).
    'DATABASE_LOCALE_FROM_THE_HOST': lambda: sub('platform/internal/EmbeddedDatabase.java',
        'builder.setLocaleConfig("locale", "C")', 'builder'),
    # The C locale without PostgreSQL's C.UTF-8: lower() leaves every letter beyond ASCII as it is. (Texts apart
    # from the mutation above, which --check applies too.)
    'DATABASE_LOCALE_WITHOUT_UNICODE': lambda: sub('platform/internal/EmbeddedDatabase.java',
        '''
			.setLocaleConfig("locale-provider", "builtin")
			.setLocaleConfig("builtin-locale", "C.UTF-8");''', ';'),
    # A restore that fails puts what it built in the platform's database's place (before: moved it aside first).
    'FAILED_RESTORE_REPLACES_THE_DATABASE': lambda: sub('platform/internal/DatabaseCommandLine.java',
        'restoring.closeAndDelete();', 'restoring.closeInPlaceOfThePlatforms("pg.before-restore-failed");'),
    # A backup that fails half-way leaves its .partial file, which looks like a backup that ran.
    'BACKUP_PARTIAL_LEFT': lambda: sub('platform/internal/DatabaseBackup.java',
        '				Files.deleteIfExists(partial);\n', ''),
    # A backup into a directory that does not exist told as a bare path (NoSuchFileException).
    'BACKUP_MISSING_DIRECTORY_UNSAID': lambda: sub('platform/internal/DatabaseBackup.java',
        'if (!Files.isDirectory(directory)) {', 'if (false) {'),
    # A backup of a database without the platform's schema told in SQL's words.
    'BACKUP_OF_NO_SCHEMA_UNSAID': lambda: sub('platform/internal/DatabaseBackup.java',
        'IS NOT NULL").equals("f")) {', 'IS NOT NULL").equals("no")) {'),
    # A mistyped command (restor FILE) starts the platform.
    'UNKNOWN_COMMAND_RUNS_THE_PLATFORM': lambda: sub('SingleWindowApplication.java',
        '.filter(a -> !COMMANDS.contains(a));', '.filter(a -> false);'),
    # A database initdb cannot create told as zonky's command line, initdb's words left in the server's log.
    'INITDB_WORDS_HIDDEN': lambda: sub('platform/internal/EmbeddedDatabase.java',
        '} catch (IllegalStateException notCreated) {', '} catch (NotStarted notCreated) {'),
    # A data directory that is a file told as FileAlreadyExistsException.
    'DATA_DIRECTORY_FILE_UNSAID': lambda: sub('platform/internal/EmbeddedDatabase.java',
        'if (Files.exists(dir) && !Files.isDirectory(dir)) {', 'if (false) {'),
    # The declarant's answer to one agency's question puts that agency's approved task back in its queue: an
    # officer's decision undone by the declarant.
    'ANSWER_REOPENS_DECIDED_TASKS': lambda: sub('declaration/internal/Declaration.java',
        '.filter(t -> t.agency().equals(agency) && t.status() == TaskStatus.QUERIED)',
        '.filter(t -> t.agency().equals(agency) && (t.status() == TaskStatus.QUERIED || t.status().approved()))'),
    # A release refused (not cleared, unpaid) still moves the declaration's time of last change.
    'REFUSED_RELEASE_LEAVES_A_CHANGE': lambda: sub('declaration/internal/Declaration.java',
        'void release(String officer, Instant now) {', 'void release(String officer, Instant now) {\n\t\tchangedAt = now;'),
    # Customs cancels a declaration the agencies have not cleared (under review, queried, even rejected).
    'CANCELLED_BEFORE_CLEARANCE': lambda: sub('declaration/internal/Declaration.java',
        'void cancel(String reason, String officer, Instant now) {\n\t\tif (!status.cancellable()) {',
        'void cancel(String reason, String officer, Instant now) {\n\t\tif (status == DeclarationStatus.CANCELLED) {'),
    # The bank's notice of a payment on record, come again, counts as a payment recorded anew.
    'REPEATED_PAYMENT_RECORDED_AGAIN': lambda: sub('declaration/internal/Declaration.java',
        'if (duties.payment().sameAs(payment)) {', 'if (duties.payment().sameAs(payment)) {\n\t\t\t\tpaymentRecorded = true;'),
    # A declaration withdrawn or cancelled keeps what it wrote off its permits: the quota is lost to its holder.
    'ENDED_DECLARATION_KEEPS_ITS_WRITE_OFFS': lambda: sub('declaration/internal/Declarations.java',
        '		permits.restore(declaration.id());\n', ''),
    # An amendment writes the permits off again without giving back what the declaration as first sent wrote off.
    'AMENDMENT_KEEPS_THE_FIRST_WRITE_OFFS': lambda: sub('declaration/internal/Declarations.java',
        '		permits.restore(id);\n		rows.replaceDeclared(id, d, amendment);', '		rows.replaceDeclared(id, d, amendment);'),
    # A bare wildcard Content-Type (*/*, application/*) goes on to Spring, whose reading of the headers throws: a 500.
    'WILDCARD_CONTENT_TYPE_READ': lambda: sub('platform/internal/WildcardContentTypes.java',
        'return type.isWildcardType() || type.isWildcardSubtype();', 'return false;'),
    # A file name holding a NUL goes on past the filter that reads the parameters once: Tomcat's exception, a 500.
    'NUL_FILE_NAME_UNREAD': lambda: sub('platform/internal/UnreadableParameters.java',
        'catch (InvalidParameterException | InvalidFileNameException refused) {', 'catch (InvalidParameterException refused) {'),
    # The digest of what a form or request sent is not keyed: a plain hash of a password anyone reading the table can test.
    'CONTENT_DIGEST_UNKEYED': lambda: sub('platform/internal/ContentDigest.java',
        'digest.init(new SecretKeySpec(key, "HmacSHA256"));',
        'digest.init(new SecretKeySpec(new byte[32], "HmacSHA256"));'),
    # An agreement proposed is answered 201 without Location: a client following it reads the collection's address.
    'CREATED_WITHOUT_LOCATION': lambda: sub('declaration/internal/AgencyAgreementApi.java',
        'return ResponseEntity.created(UriComponentsBuilder.fromPath("/api/v1/agency-agreements/{number}")\n'
        '\t\t\t.buildAndExpand(proposed.number()).encode().toUri()).body(proposed);',
        'return ResponseEntity.status(HttpStatus.CREATED).body(proposed);'),
    # A trade-remedy rate's Location names an address nothing answers (as before 2026-12-07): its maker finds a 404.
    'CREATED_LOCATION_NOT_FOUND': lambda: sub('tariff/internal/TradeRemedyApi.java',
        '@GetMapping("/{id}")', '@GetMapping("/{id}/rate")'),
    # A webhook is read at its address by any trader, of any enterprise.
    'WEBHOOK_READ_BY_ANOTHER_ENTERPRISE': lambda: sub('declaration/internal/Webhooks.java',
        'return of(enterprises).stream().filter(subscription -> subscription.id().equals(id)).findFirst();',
        'return of(jdbc.sql("SELECT enterprise FROM webhook_subscription").query(String.class).list()).stream()'
        '.filter(subscription -> subscription.id().equals(id)).findFirst();'),
}
if sys.argv[2:] == ['--check']:
    # Every mutation still finds the code it breaks (run in a scratch copy: it applies them all). The code moves; a
    # mutation that no longer applies guards nothing (eleven of sixteen had rotted by 2026-12-03).
    stale = []
    for name, mutate in M.items():
        try:
            mutate()
        except AssertionError:
            stale.append(name)
    print('stale:', ' '.join(stale) if stale else 'none')
    sys.exit(1 if stale else 0)
for name in sys.argv[2:]:
    M[name]()
    print('applied', name)
