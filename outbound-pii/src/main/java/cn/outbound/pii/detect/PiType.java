package cn.outbound.pii.detect;

/**
 * The personal-information types of the scan report (spec/scan-v1.md). {@link #name()} is the
 * report's type id.
 */
public enum PiType {

	CN_RESIDENT_ID("居民身份证号码", "resident ID number"),

	CN_MOBILE("手机号码", "mobile number"),

	CN_LANDLINE("固定电话号码", "fixed-line number"),

	BANK_CARD("银行卡号", "payment card number"),

	EMAIL("电子邮箱", "e-mail address"),

	CN_PASSPORT("护照号码", "PRC passport number"),

	HMT_PERMIT("港澳台通行证号码", "HK/Macao/Taiwan permit number"),

	VEHICLE_PLATE("车牌号", "vehicle plate"),

	IP_ADDRESS("IP 地址", "IP address"),

	MAC_ADDRESS("MAC 地址", "MAC address"),

	IMEI("IMEI", "IMEI"),

	GEO_COORDINATE("经纬度", "coordinates"),

	BIRTH_DATE("出生日期", "date of birth"),

	PERSON_NAME("姓名", "person name"),

	ADDRESS("地址", "address"),

	HEALTH("医疗健康信息", "health information"),

	BIOMETRIC("生物识别信息", "biometric data"),

	RELIGION("宗教信仰", "religion"),

	/** A unified social credit code identifies an organisation: not personal information. */
	ORG_CREDIT_CODE("统一社会信用代码", "unified social credit code");

	private final String zh;

	private final String en;

	PiType(String zh, String en) {
		this.zh = zh;
		this.en = en;
	}

	public String id() {
		return name();
	}

	public String zh() {
		return this.zh;
	}

	public String en() {
		return this.en;
	}

	/** Whether values of this type are personal information (all but the credit code). */
	public boolean isPersonal() {
		return this != ORG_CREDIT_CODE;
	}

}
