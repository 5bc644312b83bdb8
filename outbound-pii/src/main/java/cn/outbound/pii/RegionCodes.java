package cn.outbound.pii;

/**
 * Administrative region codes (GB/T 2260) as used in the first six digits of a resident ID
 * number. Checks the province (first two digits) against the full list of provincial-level
 * divisions and the prefecture part against the ranges in use; it does not hold the
 * county-level table.
 */
public final class RegionCodes {

	private static final boolean[] PROVINCES = new boolean[100];

	private static final String[] PROVINCE_NAMES = new String[100];

	static {
		province(11, "北京市");
		province(12, "天津市");
		province(13, "河北省");
		province(14, "山西省");
		province(15, "内蒙古自治区");
		province(21, "辽宁省");
		province(22, "吉林省");
		province(23, "黑龙江省");
		province(31, "上海市");
		province(32, "江苏省");
		province(33, "浙江省");
		province(34, "安徽省");
		province(35, "福建省");
		province(36, "江西省");
		province(37, "山东省");
		province(41, "河南省");
		province(42, "湖北省");
		province(43, "湖南省");
		province(44, "广东省");
		province(45, "广西壮族自治区");
		province(46, "海南省");
		province(50, "重庆市");
		province(51, "四川省");
		province(52, "贵州省");
		province(53, "云南省");
		province(54, "西藏自治区");
		province(61, "陕西省");
		province(62, "甘肃省");
		province(63, "青海省");
		province(64, "宁夏回族自治区");
		province(65, "新疆维吾尔自治区");
		province(71, "台湾省");
		province(81, "香港特别行政区");
		province(82, "澳门特别行政区");
		province(83, "台湾地区居民（居住证）");
	}

	private RegionCodes() {
	}

	private static void province(int code, String name) {
		PROVINCES[code] = true;
		PROVINCE_NAMES[code] = name;
	}

	/** Whether the two digits name a provincial-level division. */
	public static boolean isProvince(int code) {
		return code >= 0 && code < 100 && PROVINCES[code];
	}

	/** The province's name, or {@code null}. */
	public static String provinceName(int code) {
		return (code >= 0 && code < 100) ? PROVINCE_NAMES[code] : null;
	}

	/**
	 * Whether {@code s[from, from+6)} is a plausible region code for an ID number: a real
	 * province and a prefecture part in use (01–70 or 90); Taiwan, Hong Kong and Macao
	 * (71, 81, 82, 83) appear as {@code xx0000}. Digits are assumed checked by the caller.
	 */
	public static boolean isPlausible(CharSequence s, int from) {
		int province = (s.charAt(from) - '0') * 10 + (s.charAt(from + 1) - '0');
		if (!isProvince(province)) {
			return false;
		}
		int prefecture = (s.charAt(from + 2) - '0') * 10 + (s.charAt(from + 3) - '0');
		if (province == 71 || province >= 81) {
			return prefecture == 0 && s.charAt(from + 4) == '0' && s.charAt(from + 5) == '0';
		}
		return (prefecture >= 1 && prefecture <= 70) || prefecture == 90;
	}

}
