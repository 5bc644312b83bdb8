package cn.outbound.pii.detect;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a column header suggests: {@code +1} the header names the type (身份证号, mobile),
 * {@code -1} it names something that merely looks like it (订单号, amount, created_at), 0
 * nothing. A hint moves the share of values needed; it never decides alone.
 */
public final class HeaderHints {

	private static final Map<PiType, String[]> POSITIVE = new EnumMap<>(PiType.class);

	/** Words that point away from personal information whatever the values look like. */
	private static final String[] NEGATIVE_ANY = { "订单", "单号", "流水", "交易号", "金额", "价格", "单价", "数量", "合计", "总计", "时间戳",
			"序号", "批次", "sku", "order", "amount", "price", "qty", "quantity", "total", "timestamp", "txn",
			"transaction", "invoice", "发票", "sequence", "serial", "version", "版本", "hash", "checksum" };

	private static final Map<PiType, String[]> NEGATIVE = new EnumMap<>(PiType.class);

	static {
		POSITIVE.put(PiType.CN_RESIDENT_ID, new String[] { "身份证", "证件号", "公民身份", "身份号", "id card", "idcard",
				"id_card", "id number", "id_no", "idno", "resident id", "national id", "sfz" });
		POSITIVE.put(PiType.CN_MOBILE, new String[] { "手机", "电话", "联系方式", "mobile", "phone", "cell", "tel", "contact" });
		POSITIVE.put(PiType.CN_LANDLINE,
				new String[] { "电话", "座机", "固话", "联系方式", "phone", "tel", "landline", "fax", "传真" });
		POSITIVE.put(PiType.BANK_CARD,
				new String[] { "银行卡", "卡号", "账号", "账户", "card", "account", "pan", "bank" });
		POSITIVE.put(PiType.EMAIL, new String[] { "邮箱", "邮件", "email", "e-mail", "mail" });
		POSITIVE.put(PiType.CN_PASSPORT, new String[] { "护照", "passport", "证件号", "证件" });
		POSITIVE.put(PiType.HMT_PERMIT, new String[] { "通行证", "回乡证", "台胞证", "港澳", "台湾", "permit", "证件号", "证件" });
		POSITIVE.put(PiType.VEHICLE_PLATE, new String[] { "车牌", "号牌", "plate", "license plate", "vehicle" });
		POSITIVE.put(PiType.IP_ADDRESS, new String[] { "ip", "地址", "address" });
		POSITIVE.put(PiType.MAC_ADDRESS, new String[] { "mac", "网卡", "物理地址" });
		POSITIVE.put(PiType.IMEI, new String[] { "imei", "设备号", "设备标识", "device" });
		POSITIVE.put(PiType.GEO_COORDINATE, new String[] { "经度", "纬度", "经纬", "坐标", "位置", "定位", "lat", "lng", "lon",
				"coord", "location", "gps", "geo" });
		POSITIVE.put(PiType.BIRTH_DATE,
				new String[] { "出生", "生日", "birth", "dob", "born", "生辰" });
		POSITIVE.put(PiType.PERSON_NAME, new String[] { "姓名", "名字", "联系人", "客户名", "患者", "收件人", "持卡人", "name", "contact",
				"customer", "patient", "recipient", "holder" });
		POSITIVE.put(PiType.ADDRESS,
				new String[] { "地址", "住址", "住所", "户籍", "居住", "收货", "address", "addr", "residence", "street" });
		POSITIVE.put(PiType.HEALTH, new String[] { "诊断", "病", "症", "医", "健康", "体检", "检查", "检验", "化验", "处方", "icd",
				"diagnos", "disease", "medical", "health", "condition", "lab", "test result", "prescription" });
		POSITIVE.put(PiType.BIOMETRIC, new String[] { "指纹", "人脸", "面部", "面容", "声纹", "虹膜", "掌纹", "步态", "基因", "生物特征",
				"face", "fingerprint", "iris", "voiceprint", "palm", "biometric", "gait", "dna", "gene", "template",
				"embedding" });
		POSITIVE.put(PiType.RELIGION, new String[] { "宗教", "信仰", "religion", "faith", "belief" });
		POSITIVE.put(PiType.ORG_CREDIT_CODE,
				new String[] { "信用代码", "社会信用", "统一代码", "税号", "uscc", "credit code", "tax id", "企业代码" });
		NEGATIVE.put(PiType.BIRTH_DATE, new String[] { "创建", "更新", "下单", "交易", "注册", "支付", "发货", "签约", "生效", "到期",
				"入职", "日志", "created", "updated", "modified", "order", "paid", "ship", "expire", "valid", "signup",
				"register", "log" });
		NEGATIVE.put(PiType.GEO_COORDINATE, new String[] { "汇率", "比例", "比率", "利率", "rate", "ratio", "percent", "score" });
		NEGATIVE.put(PiType.PERSON_NAME, new String[] { "产品", "商品", "公司", "企业", "城市", "product", "company", "city",
				"brand", "品牌", "item", "类别", "category" });
	}

	private HeaderHints() {
	}

	/** {@code +1}, {@code 0} or {@code -1} for {@code type} given the column header. */
	public static int hint(PiType type, String header) {
		if (header == null || header.isBlank()) {
			return 0;
		}
		String h = header.toLowerCase(Locale.ROOT);
		for (String w : NEGATIVE_ANY) {
			if (h.contains(w)) {
				return -1;
			}
		}
		String[] negative = NEGATIVE.get(type);
		if (negative != null) {
			for (String w : negative) {
				if (h.contains(w)) {
					return -1;
				}
			}
		}
		String[] positive = POSITIVE.get(type);
		if (positive != null) {
			for (String w : positive) {
				if (w.length() <= 3 && isAscii(w) ? containsWord(h, w) : h.contains(w)) {
					return 1;
				}
			}
		}
		return 0;
	}

	/**
	 * A short ASCII keyword ("ip", "tel", "dob") must stand as its own token in the header
	 * (delimited by non-letters), so "zip" is not "ip". Headers are short, so this allocates
	 * nothing worth counting and uses no regular expression.
	 */
	private static boolean containsWord(String h, String w) {
		int from = 0;
		while (true) {
			int i = h.indexOf(w, from);
			if (i < 0) {
				return false;
			}
			boolean before = i == 0 || !Character.isLetter(h.charAt(i - 1)) || h.charAt(i - 1) > 0x7F;
			int end = i + w.length();
			boolean after = end == h.length() || !Character.isLetter(h.charAt(end)) || h.charAt(end) > 0x7F;
			if (before && after) {
				return true;
			}
			from = i + 1;
		}
	}

	private static boolean isAscii(String w) {
		for (int i = 0; i < w.length(); i++) {
			if (w.charAt(i) > 0x7F) {
				return false;
			}
		}
		return true;
	}

}
