package io.singlewindow.enterprise;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/** Registration applications as an applicant would send them to {@code POST /api/v1/enterprises}. */
public final class ApplicationFixtures {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, Object> fields = new LinkedHashMap<>();

	private ApplicationFixtures() {
	}

	/** A complete, valid application with a name and login no one else uses. */
	public static ApplicationFixtures anApplication() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		ApplicationFixtures a = new ApplicationFixtures();
		a.fields.put("nameZh", "厦门测试" + tag + "半导体有限公司");
		a.fields.put("nameEn", "Test " + tag + " Semiconductor Xiamen Co., Ltd.");
		a.fields.put("entityType", "LIMITED_LIABILITY_COMPANY");
		a.fields.put("legalRepresentative", "王测试");
		a.fields.put("registeredCapital", 5_000_000);
		a.fields.put("capitalCurrency", "CNY");
		a.fields.put("zoneArea", "XIANGYU_BONDED_ZONE");
		a.fields.put("address", "象屿路 88 号 " + tag);
		a.fields.put("businessScope", List.of("I6520", "F5191"));
		a.fields.put("industrialChain", "INTEGRATED_CIRCUITS");
		a.fields.put("highTech", true);
		a.fields.put("crossBorderTrader", true);
		a.fields.put("username", "t" + tag);
		a.fields.put("password", "s3cret-lantern-47");
		return a;
	}

	public ApplicationFixtures with(String field, Object value) {
		fields.put(field, value);
		return this;
	}

	public ApplicationFixtures without(String field) {
		fields.remove(field);
		return this;
	}

	public Object get(String field) {
		return fields.get(field);
	}

	public String json() {
		return JSON.writeValueAsString(fields);
	}
}
