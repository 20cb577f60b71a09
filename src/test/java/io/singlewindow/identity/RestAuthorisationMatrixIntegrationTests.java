package io.singlewindow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.core.Uscc;
import io.singlewindow.enterprise.EnterpriseFixtures;

/**
 * Who gets what from every REST endpoint that writes or returns data, for every kind of caller, from one table.
 * <p>
 * Enterprise A is the chip maker; its trader is {@code trader.chip}, and the demo {@code broker} acts for it by its
 * authorisation. B is the tungsten exporter. A second broker, whom A never authorised, is opened for this test. The
 * targets — A's declaration (its inspection task left open), A's permit, permit application and webhook — are created
 * before the table is walked. Writes send a body that passes authorisation but fails validation, so an allowed caller
 * gets 422 (or 404/409: the business rule after the gate) and changes nothing, and every cell can be checked in any
 * order. 401 is "no key", 403 is "not yours".
 */
@SingleWindowIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestAuthorisationMatrixIntegrationTests {

	static final Uscc A = EnterpriseFixtures.demo("CHIP");
	static final Uscc STRANGER_BROKERAGE = Uscc.issue("91350200TEXTBRK0" + Uscc.organisationCodeCheckOf("TEXTBRK0"));

	/** The callers, in the order of the table's columns. */
	static final List<String> CALLERS = List.of("anonymous", "trader.chip", "trader.tungsten", "broker",
			"broker.stranger", "officer.customs", "officer.ciq", "officer.commerce", "officer.samr", "officer.msa",
			"officer.tax", "admin");

	/**
	 * One row per endpoint: method and path, then the expected status for each caller in {@link #CALLERS} order
	 * (anon, trader A, trader B, broker of A, other broker, customs, CIQ, commerce, SAMR, MSA, tax, admin), then
	 * the body. Placeholders: {A} enterprise A, {declaration}, {ciqTask}, {permit}, {application}, {generalGuarantee} (A's, given back), {agreement}
	 * (one proposed to A, declined), {freshWebhook} (a new
	 * webhook of A for every call, so that one caller's deletion does not decide the next caller's answer). Only
	 * deregistration needs a stale licence version to stay a no-op: A's own trader may deregister A.
	 */
	static final String MATRIX = """
			GET    /api/v1/me                                        | 401 200 200 200 200 200 200 200 200 200 200 200 |
			GET    /api/v1/api-keys                                  | 401 200 200 200 200 200 200 200 200 200 200 200 |
			POST   /api/v1/api-keys                                  | 401 422 422 422 422 422 422 422 422 422 422 422 | {"label":""}
			GET    /api/v1/api-keys/00000000-0000-0000-0000-000000000000 | 401 404 404 404 404 404 404 404 404 404 404 404 |
			PUT    /api/v1/me/password                               | 401 422 422 422 422 422 422 422 422 422 422 422 | {}
			GET    /api/v1/accounts                                  | 401 403 403 403 403 403 403 403 403 403 403 200 |
			POST   /api/v1/accounts                                  | 401 403 403 403 403 403 403 403 403 403 403 422 | {}
			GET    /api/v1/accounts/00000000-0000-0000-0000-000000000000 | 401 403 403 403 403 403 403 403 403 403 403 404 |
			POST   /api/v1/accounts/00000000-0000-0000-0000-000000000000/deactivate | 401 403 403 403 403 403 403 403 403 403 403 404 |
			POST   /api/v1/accounts/00000000-0000-0000-0000-000000000000/reactivate | 401 403 403 403 403 403 403 403 403 403 403 404 |
			POST   /api/v1/accounts/00000000-0000-0000-0000-000000000000/password | 401 403 403 403 403 403 403 403 403 403 403 404 | {}
			POST   /api/v1/accounts/00000000-0000-0000-0000-000000000000/enterprise-administration | 401 403 403 403 403 403 403 403 403 403 403 404 |
			GET    /api/v1/operators                                 | 401 200 200 200 200 403 403 403 403 403 403 403 |
			POST   /api/v1/operators                                 | 401 422 422 422 422 403 403 403 403 403 403 403 | {}
			GET    /api/v1/operators/00000000-0000-0000-0000-000000000000 | 401 404 404 404 404 403 403 403 403 403 403 403 |
			POST   /api/v1/operators/00000000-0000-0000-0000-000000000000/deactivate | 401 404 404 404 404 403 403 403 403 403 403 403 |
			POST   /api/v1/operators/00000000-0000-0000-0000-000000000000/reactivate | 401 404 404 404 404 403 403 403 403 403 403 403 |
			POST   /api/v1/operators/00000000-0000-0000-0000-000000000000/administration | 401 404 404 404 404 403 403 403 403 403 403 403 |
			POST   /api/v1/operators/00000000-0000-0000-0000-000000000000/password | 401 404 404 404 404 403 403 403 403 403 403 403 | {}
			PUT    /api/v1/operators/00000000-0000-0000-0000-000000000000/rights | 401 404 404 404 404 403 403 403 403 403 403 403 | {}
			PUT    /api/v1/operators/00000000-0000-0000-0000-000000000000/principals | 401 403 403 404 404 403 403 403 403 403 403 403 | {}
			GET    /api/v1/hs?q=8542                                 | 401 200 200 200 200 200 200 200 200 200 200 200 |
			GET    /api/v1/hs/854231                                 | 401 200 200 200 200 200 200 200 200 200 200 200 |
			GET    /api/v1/broker-authorisations                     | 401 200 200 403 403 403 403 403 403 403 403 403 |
			POST   /api/v1/broker-authorisations                     | 401 422 422 403 403 403 403 403 403 403 403 403 | {"broker":"NOT-A-USCC"}
			GET    /api/v1/broker-authorisations/NOT-A-USCC          | 401 422 422 403 403 403 403 403 403 403 403 403 |
			DELETE /api/v1/broker-authorisations/NOT-A-USCC          | 401 422 422 403 403 403 403 403 403 403 403 403 |
			GET    /api/v1/enterprises                               | 401 200 200 200 200 200 200 200 200 200 200 200 |
			GET    /api/v1/enterprises/{A}                           | 401 200 403 200 403 200 200 200 200 200 200 200 |
			GET    /api/v1/enterprises/{A}/licence                   | 401 200 403 200 403 200 200 200 200 200 200 200 |
			POST   /api/v1/enterprises                               | 422 422 422 422 422 422 422 422 422 422 422 422 | {}
			POST   /api/v1/enterprises/recorded                      | 401 403 403 403 403 403 403 403 422 403 403 403 | {}
			PATCH  /api/v1/enterprises/{A}                           | 401 422 403 403 403 403 403 403 422 403 403 403 | {"nameZh":""}
			POST   /api/v1/enterprises/{A}/suspension                | 401 403 403 403 403 403 403 403 422 403 403 403 | {}
			POST   /api/v1/enterprises/{A}/reinstatement             | 401 403 403 403 403 403 403 403 409 403 403 403 | {}
			POST   /api/v1/enterprises/{A}/revocation                | 401 403 403 403 403 403 403 403 422 403 403 403 | {}
			POST   /api/v1/enterprises/{A}/deregistration            | 401 409 403 403 403 403 403 403 409 403 403 403 | {"version":-1}
			GET    /api/v1/business-activities                       | 200 200 200 200 200 200 200 200 200 200 200 200 |
			GET    /api/v1/licences/{A}                              | 200 200 200 200 200 200 200 200 200 200 200 200 |
			GET    /api/v1/routing/rules                             | 401 403 403 403 403 200 200 200 200 200 200 200 |
			POST   /api/v1/routing/rules                             | 401 403 403 403 403 403 403 403 403 403 403 422 | {}
			GET    /api/v1/routing/rules/NO_SUCH_RULE                | 401 403 403 403 403 404 404 404 404 404 404 404 |
			PUT    /api/v1/routing/rules/NO_SUCH_RULE                | 401 403 403 403 403 403 403 403 403 403 403 422 | {}
			GET    /api/v1/risk/profiles                             | 401 403 403 403 403 403 403 403 403 403 403 200 |
			GET    /api/v1/risk/profiles/PERFUME_ANY_ORIGIN          | 401 403 403 403 403 403 403 403 403 403 403 200 |
			POST   /api/v1/risk/profiles                             | 401 403 403 403 403 403 403 403 403 403 403 422 | {}
			PUT    /api/v1/risk/profiles/PERFUME_ANY_ORIGIN          | 401 403 403 403 403 403 403 403 403 403 403 422 | {}
			POST   /api/v1/risk/profiles/NO_SUCH_PROFILE/deactivate  | 401 403 403 403 403 403 403 403 403 403 403 404 |
			GET    /api/v1/risk/assessments/{declaration}            | 401 403 403 403 403 200 200 200 200 200 200 200 |
			GET    /api/v1/statistics/dashboard                      | 401 403 403 403 403 200 200 200 200 200 200 200 |
			GET    /api/v1/statistics/tables/partner                 | 401 403 403 403 403 200 200 200 200 200 200 200 |
			GET    /api/v1/statistics/tables/partner.csv             | 401 403 403 403 403 200 200 200 200 200 200 200 |
			GET    /api/v1/statistics/tables/partner.xlsx            | 401 403 403 403 403 200 200 200 200 200 200 200 |
			POST   /api/v1/statistics/rebuild?year=1990              | 401 403 403 403 403 403 403 403 403 403 403 200 |
			GET    /api/v1/tariff/lines/8542319000                   | 401 200 200 200 200 200 200 200 200 200 200 200 |
			GET    /api/v1/tariff/lines                              | 401 200 200 200 200 200 200 200 200 200 200 200 |
			POST   /api/v1/tariff/assessments                        | 401 422 422 422 422 422 422 422 422 422 422 422 | {}
			GET    /api/v1/tariff/trade-remedies                     | 401 200 200 200 200 200 200 200 200 200 200 200 |
			POST   /api/v1/tariff/trade-remedies                     | 401 403 403 403 403 403 403 403 403 403 403 422 | {}
			GET    /api/v1/tariff/trade-remedies/0                   | 401 404 404 404 404 404 404 404 404 404 404 404 |
			POST   /api/v1/tariff/trade-remedies/999999999/end       | 401 403 403 403 403 403 403 403 403 403 403 404 | {}
			GET    /api/v1/tariff/origins-without-mfn                | 401 200 200 200 200 200 200 200 200 200 200 200 |
			POST   /api/v1/tariff/origins-without-mfn                | 401 403 403 403 403 403 403 403 403 403 403 422 | {}
			GET    /api/v1/tariff/origins-without-mfn/0              | 401 404 404 404 404 404 404 404 404 404 404 404 |
			POST   /api/v1/tariff/origins-without-mfn/999999999/end  | 401 403 403 403 403 403 403 403 403 403 403 404 | {}
			GET    /api/v1/exchange-rates                            | 401 200 200 200 200 200 200 200 200 200 200 200 |
			PUT    /api/v1/exchange-rates/USD/1999-01                | 401 403 403 403 403 403 403 403 403 403 403 422 | {}
			POST   /api/v1/admin/tariff/imports?fileName=empty.csv   | 401 403 403 403 403 403 403 403 403 403 403 422 | csv:
			GET    /api/v1/admin/tariff/imports/00000000-0000-0000-0000-000000000000 | 401 403 403 403 403 403 403 403 403 403 403 404 |
			POST   /api/v1/declarations                              | 401 422 403 422 403 403 403 403 403 403 403 403 | {"declarant":"{A}"}
			POST   /api/v1/declarations/assessments                  | 401 422 403 422 403 403 403 403 403 403 403 403 | {"declarant":"{A}"}
			GET    /api/v1/declarations                              | 401 200 200 200 200 403 403 403 403 403 403 403 |
			GET    /api/v1/declarations/export.xlsx                  | 401 200 200 200 200 403 403 403 403 403 403 403 |
			GET    /api/v1/declarations/{declaration}                | 401 200 403 200 403 200 200 200 200 200 200 200 |
			GET    /api/v1/declarations/{declaration}/response       | 401 200 403 200 403 200 200 200 200 200 200 200 |
			GET    /api/v1/declarations/{declaration}/response.pdf   | 401 200 403 200 403 200 200 200 200 200 200 200 |
			GET    /api/v1/declarations/{declaration}/declaration.pdf | 401 200 403 200 403 200 200 200 200 200 200 200 |
			PUT    /api/v1/declarations/{declaration}                | 401 422 403 422 403 403 403 403 403 403 403 403 | {"declarant":"{A}"}
			POST   /api/v1/declarations/{declaration}/queries/CIQ/answer | 401 422 403 422 403 403 403 403 403 403 403 403 | {"answer":""}
			POST   /api/v1/declarations/{declaration}/release        | 401 403 403 403 403 409 403 403 403 403 403 403 |
			POST   /api/v1/declarations/{declaration}/duty-payment   | 401 403 403 403 403 422 403 403 403 403 403 403 | {}
			POST   /api/v1/declarations/{declaration}/duty-guarantee | 401 403 403 403 403 422 403 403 403 403 403 403 | {}
			POST   /api/v1/declarations/{declaration}/duty-refund    | 401 403 403 403 403 422 403 403 403 403 403 403 | {}
			POST   /api/v1/declarations/{declaration}/duty-guarantee/enforcement | 401 403 403 403 403 422 403 403 403 403 403 403 | {}
			POST   /api/v1/declarations/{declaration}/corrections/00000000-0000-0000-0000-000000000000/settlement | 401 403 403 403 403 422 403 403 403 403 403 403 | {}
			POST   /api/v1/declarations/{declaration}/withdrawal     | 401 422 403 422 403 403 403 403 403 403 403 403 | {"reason":""}
			POST   /api/v1/declarations/{declaration}/cancellation   | 401 403 403 403 403 422 403 403 403 403 403 403 | {"reason":""}
			POST   /api/v1/declarations/{declaration}/correction     | 401 403 403 403 403 422 403 403 403 403 403 403 | {"reason":""}
			POST   /api/v1/declarations/{declaration}/correction-application | 401 422 403 422 403 403 403 403 403 403 403 403 | {"reason":""}
			POST   /api/v1/declarations/{declaration}/correction-application/refusal | 401 403 403 403 403 422 403 403 403 403 403 403 | {"reason":""}
			POST   /api/v1/declarations/{declaration}/cancellation-application | 401 422 403 422 403 403 403 403 403 403 403 403 | {"reason":""}
			POST   /api/v1/declarations/{declaration}/cancellation-application/refusal | 401 403 403 403 403 422 403 403 403 403 403 403 | {"reason":""}
			GET    /api/v1/agencies/CIQ/tasks                        | 401 403 403 403 403 403 200 403 403 403 403 403 |
			GET    /api/v1/agencies/CUSTOMS/tasks                    | 401 403 403 403 403 200 403 403 403 403 403 403 |
			POST   /api/v1/tasks/{ciqTask}/decision                  | 401 403 403 403 403 403 422 403 403 403 403 403 | {"decision":"QUERY"}
			GET    /api/v1/unsent-declarations                       | 401 200 200 200 200 403 403 403 403 403 403 403 |
			POST   /api/v1/unsent-declarations                       | 401 422 422 422 422 403 403 403 403 403 403 403 | {"declarant":"NOT-A-USCC"}
			GET    /api/v1/unsent-declarations/00000000-0000-0000-0000-000000000000 | 401 404 404 404 404 403 403 403 403 403 403 403 |
			PUT    /api/v1/unsent-declarations/00000000-0000-0000-0000-000000000000 | 401 404 404 404 404 403 403 403 403 403 403 403 | {"version":1}
			DELETE /api/v1/unsent-declarations/00000000-0000-0000-0000-000000000000 | 401 404 404 404 404 403 403 403 403 403 403 403 |
			GET    /api/v1/webhooks                                  | 401 200 200 200 200 403 403 403 403 403 403 403 |
			POST   /api/v1/webhooks                                  | 401 422 422 422 422 403 403 403 403 403 403 403 | {"url":"ftp://nowhere"}
			GET    /api/v1/webhooks/{freshWebhook}                   | 401 200 404 200 404 403 403 403 403 403 403 403 |
			DELETE /api/v1/webhooks/{freshWebhook}                   | 401 204 404 204 404 403 403 403 403 403 403 403 |
			GET    /api/v1/agency-agreements                         | 401 200 200 200 200 200 403 403 403 403 403 403 |
			POST   /api/v1/agency-agreements                         | 401 403 403 422 403 403 403 403 403 403 403 403 | {"principal":"{A}","flow":"SIDEWAYS","goods":"x","validUntil":"2099-12-31"}
			GET    /api/v1/agency-agreements/{agreement}             | 401 200 404 200 404 200 404 404 404 404 404 404 |
			POST   /api/v1/agency-agreements/{agreement}/confirm     | 401 409 404 403 403 403 403 403 403 403 403 403 |
			POST   /api/v1/agency-agreements/{agreement}/decline     | 401 409 404 403 403 403 403 403 403 403 403 403 | {"reason":"x"}
			POST   /api/v1/agency-agreements/{agreement}/withdraw    | 401 403 403 409 404 403 403 403 403 403 403 403 |
			GET    /api/v1/agency-agreement-rule                     | 401 200 200 200 200 200 200 200 200 200 200 200 |
			PUT    /api/v1/agency-agreement-rule                     | 401 403 403 403 403 403 403 403 403 403 403 422 | {"requiredFrom":"not-a-day"}
			GET    /api/v1/general-guarantees                        | 401 200 200 200 200 200 200 200 200 200 200 200 |
			POST   /api/v1/general-guarantees                        | 401 403 403 403 403 422 403 403 403 403 403 403 | {}
			GET    /api/v1/general-guarantees/{generalGuarantee}     | 401 200 404 200 404 200 404 404 404 404 404 404 |
			GET    /api/v1/general-guarantees/{generalGuarantee}/declarations | 401 200 404 200 404 200 404 404 404 404 404 404 |
			POST   /api/v1/general-guarantees/{generalGuarantee}/return | 401 403 403 403 403 200 403 403 403 403 403 403 |
			GET    /api/v1/general-guarantees/{generalGuarantee}/statements/2026-13 | 401 422 404 422 404 422 404 404 404 404 404 404 |
			POST   /api/v1/general-guarantees/{generalGuarantee}/statements/2026-11/payment | 401 403 403 403 403 422 403 403 403 403 403 403 | {}
			GET    /api/v1/permit-catalogue                          | 401 200 200 200 200 200 200 200 200 200 200 200 |
			GET    /api/v1/permit-catalogue/AIL                      | 401 200 200 200 200 200 200 200 200 200 200 200 |
			GET    /api/v1/permit-catalogue/requirements?hs=8471300000&flow=IMPORT | 401 200 200 200 200 200 200 200 200 200 200 200 |
			POST   /api/v1/permit-catalogue                          | 401 403 403 403 403 403 403 403 403 403 403 422 | {}
			PUT    /api/v1/permit-catalogue/AIL                      | 401 403 403 403 403 403 403 403 403 403 403 422 | {}
			POST   /api/v1/permit-applications                       | 401 422 403 422 403 403 403 403 403 403 403 403 | {"catalogueCode":"AIL","applicant":"{A}"}
			GET    /api/v1/permit-applications?applicant={A}         | 401 200 403 200 403 200 200 200 200 200 200 200 |
			GET    /api/v1/permit-applications/queue                 | 401 403 403 403 403 200 200 200 200 200 200 403 |
			GET    /api/v1/permit-applications/{application}         | 401 200 403 200 403 403 403 200 403 403 403 200 |
			POST   /api/v1/permit-applications/{application}/decision | 401 403 403 403 403 403 403 422 403 403 403 403 | {}
			POST   /api/v1/permit-applications/{application}/supplement | 401 422 403 422 403 403 403 403 403 403 403 403 | {}
			GET    /api/v1/permits?holder={A}                        | 401 200 403 200 403 200 200 200 200 200 200 200 |
			GET    /api/v1/permits/verification-queue                | 401 403 403 403 403 200 200 200 200 200 200 403 |
			GET    /api/v1/permits/{permit}                          | 401 200 403 200 403 200 200 200 200 200 200 200 |
			GET    /api/v1/permits/{permit}/permit.pdf               | 401 200 403 200 403 200 200 200 200 200 200 200 |
			GET    /api/v1/permit-checks/{permit}                    | 200 200 200 200 200 200 200 200 200 200 200 200 |
			POST   /api/v1/permits/{permit}/suspension               | 401 403 403 403 403 403 403 422 403 403 403 403 | {}
			POST   /api/v1/permits/{permit}/reinstatement            | 401 403 403 403 403 403 403 409 403 403 403 403 | {}
			POST   /api/v1/permits/{permit}/revocation               | 401 403 403 403 403 403 403 422 403 403 403 403 | {}
			POST   /api/v1/permits/{permit}/verification             | 401 403 403 403 403 403 403 422 403 403 403 403 | {}
			GET    /api/v1/permit-records/{A}                        | 401 200 403 200 403 200 200 200 200 200 200 200 |
			GET    /api/v1/working-calendar                          | 401 200 200 200 200 200 200 200 200 200 200 200 |
			GET    /api/v1/working-calendar/2026                     | 401 200 200 200 200 200 200 200 200 200 200 200 |
			GET    /api/v1/working-calendar/deadline?from=2026-01-05&workingDays=5 | 401 200 200 200 200 200 200 200 200 200 200 200 |
			PUT    /api/v1/working-calendar/1999                     | 401 403 403 403 403 403 403 403 403 403 403 422 | {}
			GET    /api/v1/audit                                     | 401 403 403 403 403 403 403 403 403 403 403 200 |
			GET    /api/v1/audit/verification                        | 401 403 403 403 403 403 403 403 403 403 403 200 |
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	final Map<String, String> targets = new LinkedHashMap<>();

	@BeforeAll
	void openTheStrangerBrokerAndCreateTheTargets() throws Exception {
		if (!accounts.isTaken("broker.stranger")) {
			UUID id = accounts.open("broker.stranger", "Qv7-stranger-Brokerage-2026", "Broker A never authorised", Role.BROKER,
					STRANGER_BROKERAGE, null);
			keyFor(id, "sw-test-broker.stranger");
		}
		targets.put("{A}", A.value());
		String declaration = body(call("trader.chip", post("/api/v1/declarations"), """
				{"flow":"IMPORT","tradeMode":"0110","transportMode":"4","port":"CNXMN","originCountry":"US",
				 "destinationCountry":"CN","tradingCountry":"US","currency":"USD","incoterm":"CIF","packages":1,
				 "grossWeight":12,"netWeight":10,
				 "items":[{"hsCode":"8471300000","description":"portable computers","quantity":1,"unit":"C62",
				           "value":800,"origin":"US"}]}"""));
		targets.put("{declaration}", JsonPath.read(declaration, "$.id"));
		targets.put("{ciqTask}", JsonPath.<List<String>>read(declaration, "$.tasks[?(@.agency == 'CIQ')].id").getFirst());
		targets.put("{permit}", jdbc.sql("""
				SELECT number FROM permit WHERE holder_uscc = ? AND catalogue_code = 'AIL' AND issued_by = 'demo-data'""")
			.param(A.value()).query(String.class).single());
		String application = body(call("trader.chip", post("/api/v1/permit-applications"), """
				{"catalogueCode":"AIL","applicant":"%s","scope":"authorisation matrix","goods":["8471300000"],
				 "requestedQuantity":10,"documents":["Import contract","Application form"]}""".formatted(A.value())));
		targets.put("{application}", JsonPath.read(application, "$.id"));
		// An agency agreement the demo broker proposed to A, declined by A: deciding or withdrawing it again is a 409.
		String agreement = body(call("broker", post("/api/v1/agency-agreements"), """
				{"principal":"%s","flow":"IMPORT","goods":"matrix","validUntil":"2099-12-31"}""".formatted(A.value())));
		targets.put("{agreement}", JsonPath.read(agreement, "$.number"));
		call("trader.chip", post("/api/v1/agency-agreements/" + targets.get("{agreement}") + "/decline"),
				"{\"reason\":\"matrix\"}").andExpect(status().isOk());
		// A's general guarantee, given back at once: customs giving it back again changes nothing.
		String general = body(call("officer.customs", post("/api/v1/general-guarantees"), """
				{"enterprise":"%s","kind":"DEPOSIT","amount":1000,"reference":"MATRIX-%s"}""".formatted(A.value(),
				java.util.UUID.randomUUID())));
		targets.put("{generalGuarantee}", JsonPath.read(general, "$.id"));
		call("officer.customs", post("/api/v1/general-guarantees/" + targets.get("{generalGuarantee}") + "/return"), null)
			.andExpect(status().isOk());
	}

	record Cell(String method, String path, String caller, String expected, String body) {

		@Override
		public String toString() {
			return method + " " + path + " as " + caller + " → " + expected;
		}
	}

	static Stream<Arguments> matrix() {
		List<Arguments> cells = new ArrayList<>();
		for (String row : MATRIX.strip().split("\n")) {
			String[] parts = row.split("\\|", -1);
			String[] endpoint = parts[0].strip().split("\\s+");
			String[] expected = parts[1].strip().split("\\s+");
			assertThat(expected).as(row).hasSize(CALLERS.size());
			String body = parts.length > 2 && !parts[2].isBlank() ? parts[2].strip() : null;
			for (int i = 0; i < CALLERS.size(); i++) {
				cells.add(Arguments.of(new Cell(endpoint[0], endpoint[1], CALLERS.get(i), expected[i], body)));
			}
		}
		return cells.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("matrix")
	void everyCallerGetsWhatTheTableSays(Cell cell) throws Exception {
		int actual = call(cell.caller(), request(HttpMethod.valueOf(cell.method()), resolve(cell.path())),
				cell.body() == null ? null : resolve(cell.body())).andReturn().getResponse().getStatus();

		assertThat(actual).as(cell.toString()).isEqualTo(Integer.parseInt(cell.expected()));
	}

	@Test
	void aRevokedBrokerIsRefusedOnItsVeryNextRequest() throws Exception {
		Uscc principal = EnterpriseFixtures.demo("TUNGSTEN");
		String path = "/api/v1/enterprises/" + principal.value();
		call("broker", get(path), null).andExpect(status().isForbidden());

		call("trader.tungsten", post("/api/v1/broker-authorisations"),
				"{\"broker\":\"" + EnterpriseFixtures.demo("BROKER").value() + "\"}")
			.andExpect(status().isCreated());
		call("broker", get(path), null).andExpect(status().isOk());
		call("trader.tungsten", get("/api/v1/broker-authorisations"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$[*].broker").value(org.hamcrest.Matchers.hasItem(EnterpriseFixtures.demo("BROKER").value())));

		call("trader.tungsten", delete("/api/v1/broker-authorisations/{b}", EnterpriseFixtures.demo("BROKER").value()),
				null).andExpect(status().isNoContent());
		call("broker", get(path), null).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("NOT_AUTHORISED_FOR_ENTERPRISE"));
		// Nor may it declare for its former principal.
		call("broker", post("/api/v1/declarations"), "{\"declarant\":\"" + principal.value() + "\"}")
			.andExpect(status().isForbidden());
	}

	@Test
	void aBrokerCannotGrantItselfAuthorityAndOnlyABrokerCanBeAuthorised() throws Exception {
		call("broker", post("/api/v1/broker-authorisations"),
				"{\"broker\":\"" + EnterpriseFixtures.demo("BROKER").value() + "\"}")
			.andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("ROLE_REQUIRED"));
		call("trader.tungsten", post("/api/v1/broker-authorisations"), "{\"broker\":\"" + A.value() + "\"}")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].code").value("BROKER_UNKNOWN"));
	}

	@Test
	void aRevokedApiKeyIsRefusedOnItsVeryNextRequest() throws Exception {
		String issued = body(call("trader.coffee", post("/api/v1/api-keys"), "{\"label\":\"to be revoked\"}"));
		String key = JsonPath.read(issued, "$.key");
		String id = JsonPath.read(issued, "$.id");
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + key)).andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value("trader.coffee"));

		call("trader.coffee", delete("/api/v1/api-keys/{id}", id), null).andExpect(status().isNoContent());

		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + key)).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("INVALID_API_KEY"));
		// The account's other keys are untouched.
		call("trader.coffee", get("/api/v1/me"), null).andExpect(status().isOk());
	}

	@Test
	void aCallerCannotRevokeSomeoneElsesApiKey() throws Exception {
		String issued = body(call("trader.coffee", post("/api/v1/api-keys"), "{\"label\":\"kept\"}"));
		call("trader.chip", delete("/api/v1/api-keys/{id}", (String) JsonPath.read(issued, "$.id")), null);
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + JsonPath.read(issued, "$.key")))
			.andExpect(status().isOk());
	}

	private String resolve(String text) throws Exception {
		String resolved = text;
		if (resolved.contains("{freshWebhook}")) {
			String webhook = body(call("trader.chip", post("/api/v1/webhooks"), "{\"url\":\"http://127.0.0.1:9/matrix\"}"));
			resolved = resolved.replace("{freshWebhook}", JsonPath.read(webhook, "$.id"));
		}
		for (var t : targets.entrySet()) {
			resolved = resolved.replace(t.getKey(), t.getValue());
		}
		return resolved;
	}

	private org.springframework.test.web.servlet.ResultActions call(String caller, MockHttpServletRequestBuilder request,
			String body) throws Exception {
		if (!caller.equals("anonymous")) {
			request.header("Authorization", "Bearer " + (caller.equals("broker.stranger") ? "sw-test-broker.stranger"
					: "sw-demo-" + caller));
		}
		if (body != null && body.startsWith("csv:")) {
			// An empty body would be refused (400) before anyone looks at the caller; a blank file is refused after.
			request.contentType("text/csv").content(body.length() == 4 ? " " : body.substring(4));
		} else if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return mvc.perform(request);
	}

	private void keyFor(UUID account, String key) throws Exception {
		String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		jdbc.sql("INSERT INTO api_key (id, user_id, label, key_prefix, key_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), account, "matrix test key", "sw-test", hash, Timestamp.from(Instant.now()))
			.update();
	}

	private static String body(org.springframework.test.web.servlet.ResultActions result) throws Exception {
		MvcResult r = result.andReturn();
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isBetween(200, 299);
		return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}
}
