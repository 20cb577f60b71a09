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
    'remainingValue = remainingValue.subtract(request.valueCny());', 'remainingValue = remainingValue;'),
 # value write-offs not limited
 'VALUE_NOT_LIMITED': lambda: sub('permit/internal/JdbcPermitLedger.java',
    'if (permit.remainingValue().compareTo(request.valueCny()) < 0) {', 'if (false) {'),
 # automatic clearance publishes no DeclarationCleared
 'AUTO_CLEARED_SILENT': lambda: sub('declaration/internal/Declarations.java',
    '			publishCleared(id, number, declarant, d.flow(),', '			if (false) publishCleared(id, number, declarant, d.flow(),'),
 # officer clearance publishes no DeclarationCleared
 'OFFICER_CLEARED_SILENT': lambda: sub('declaration/internal/Declarations.java',
    '			publishCleared(id, now);', '			// publishCleared(id, now);'),
 # anyone may answer a query
 'ANYONE_ANSWERS': lambda: sub('declaration/internal/Declarations.java',
    '''		Locked locked = lock(declarationId);
		actor.requireActFor(Uscc.parse(locked.declarant()));
		if (answer == null''', '''		Locked locked = lock(declarationId);
		if (answer == null'''),
 'HALF_EVEN': lambda: sub('tariff/internal/LineByLineDutyAssessor.java',
    'return amount.setScale(2, RoundingMode.HALF_UP);', 'return amount.setScale(2, RoundingMode.HALF_EVEN);'),
 'YELLOW_AUTO': lambda: sub('declaration/internal/Declarations.java',
    'boolean green = channel.channel() == Channel.GREEN;', 'boolean green = channel.channel() != Channel.RED;'),
 'USCC_WEIGHT': lambda: sub('core/Uscc.java', '{ 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 }',
    '{ 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 29 }'),
 'TASK_NOT_QUERIED': lambda: sub('declaration/internal/Declarations.java',
    '''		if (updated == 0) {
			throw Problem.conflict("TASK_NOT_QUERIED", agency.value());''', '''		if (false) {
			throw Problem.conflict("TASK_NOT_QUERIED", agency.value());'''),
 'DECLARATION_CLOSED': lambda: sub('declaration/internal/Declarations.java',
    'if (!locked.status().open()) {', 'if (false) {'),
 'NOT_AMENDABLE': lambda: sub('declaration/internal/Declarations.java',
    'if (locked.status() != DeclarationStatus.UNDER_REVIEW && locked.status() != DeclarationStatus.QUERIED) {', 'if (false) {'),
 'NOT_CLEARED': lambda: sub('declaration/internal/Declarations.java',
    'if (locked.status() != DeclarationStatus.CLEARED) {', 'if (false) {'),
 'PERMIT_CHANGED_RAW': lambda: sub('declaration/internal/Declarations.java',
    'throw Problem.conflict("PERMIT_CHANGED_DURING_SUBMISSION", request.permitNumber(), refused.code());', 'throw refused;'),
 'NO_PERMIT_LOCK': lambda: sub('permit/internal/IssuedPermits.java',
    'return one("WHERE p.number = ?", number, true);', 'return one("WHERE p.number = ?", number, false);'),
 'API_KEY_REVOCATION_IGNORED': lambda: sub('identity/internal/ApiKeys.java',
    'SELECT user_id FROM api_key WHERE key_hash = ? AND revoked_at IS NULL', 'SELECT user_id FROM api_key WHERE key_hash = ?'),
 'BROKER_REVOCATION_IGNORED': lambda: sub('identity/Accounts.java',
    'UPDATE broker_authorisation SET revoked_at = ? WHERE', 'UPDATE broker_authorisation SET granted_at = ? WHERE'),
}
for name in sys.argv[2:]:
    M[name]()
    print('applied', name)
