package cn.outbound.scan;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import cn.outbound.pii.Luhn;
import cn.outbound.pii.ResidentIdNumber;

/**
 * A seeded generator of labelled tables: one column per type with valid values written in messy
 * ways (spaces, lower-case x, legacy 15-digit IDs, +86), and decoy columns that only look like
 * personal information (wrong check digits, Luhn failures, order numbers, timestamps, amounts,
 * order dates). Every value is synthetic.
 */
final class LabelledDataset {

	static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林",
			"何", "郭", "马", "罗", "欧阳" };

	static final String[] GIVEN = { "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
			"超", "秀兰", "霞", "平", "刚", "桂英", "建华", "志强", "晓燕" };

	static final String[] REGIONS = { "110105", "120101", "120116", "310115", "440305", "510104", "650102", "130602" };

	static final String[] CITIES = { "天津市和平区", "天津市滨海新区", "北京市朝阳区", "上海市浦东新区", "广东省深圳市南山区", "四川省成都市武侯区" };

	static final String[] ROADS = { "南京路", "建国路", "世纪大道", "深南大道", "人民南路", "解放北路" };

	static final String[] DIAGNOSES = { "2型糖尿病", "高血压", "急性支气管炎", "冠心病", "肺炎", "慢性胃炎", "腰椎间盘突出", "甲状腺结节",
			"Type 2 diabetes", "空腹血糖 7.2 mmol/L" };

	static final String[] RELIGIONS = { "佛教", "道教", "伊斯兰教", "天主教", "基督教", "Christian", "Buddhist" };

	static final String[] PLATE_PROVINCES = { "津", "京", "沪", "粤", "川", "冀" };

	/** Column name → the one type it holds (null for decoys). */
	final Map<String, String> labels = new LinkedHashMap<>();

	final List<String[]> rows = new ArrayList<>();

	int distinctPersons;

	int minors;

	private final Random random;

	private final LocalDate asOf;

	LabelledDataset(long seed, int persons, LocalDate asOf) {
		this.random = new Random(seed);
		this.asOf = asOf;
		String[][] columns = { { "身份证号", "CN_RESIDENT_ID" }, { "手机", "CN_MOBILE" }, { "座机", "CN_LANDLINE" },
				{ "卡号", "BANK_CARD" }, { "邮箱", "EMAIL" }, { "护照号", "CN_PASSPORT" }, { "通行证", "HMT_PERMIT" },
				{ "车牌", "VEHICLE_PLATE" }, { "client_ip", "IP_ADDRESS" }, { "mac", "MAC_ADDRESS" }, { "imei", "IMEI" },
				{ "坐标", "GEO_COORDINATE" }, { "出生日期", "BIRTH_DATE" }, { "姓名", "PERSON_NAME" }, { "地址", "ADDRESS" },
				{ "诊断", "HEALTH" }, { "宗教信仰", "RELIGION" }, { "统一社会信用代码", "ORG_CREDIT_CODE" },
				{ "指纹模板", "BIOMETRIC" }, { "ref_a", null }, { "ref_b", null }, { "订单号", null }, { "ts", null },
				{ "amount", null }, { "created_at", null }, { "product", null }, { "batch", null } };
		for (String[] c : columns) {
			this.labels.put(c[0], c[1]);
		}
		int minorCount = 0;
		for (int p = 0; p < persons; p++) {
			LocalDate birth = (p % 10 == 0) ? asOf.minusDays(1 + this.random.nextInt(13 * 365))
					: LocalDate.of(1940 + this.random.nextInt(60), 1, 1).plusDays(this.random.nextInt(365));
			String id = residentId(REGIONS[this.random.nextInt(REGIONS.length)], birth, p % 1000);
			if (ResidentIdNumber.ageOn(id, 0, asOf) < 14) {
				minorCount++;
			}
			int repeats = 1 + this.random.nextInt(3);
			for (int r = 0; r < repeats; r++) {
				this.rows.add(row(id, birth));
			}
		}
		java.util.Collections.shuffle(this.rows, this.random);
		Set<String> ids = new HashSet<>();
		for (String[] row : this.rows) {
			ids.add(row[0]);
		}
		this.distinctPersons = persons;
		this.minors = minorCount;
	}

	private String[] row(String id, LocalDate birth) {
		List<String> v = new ArrayList<>();
		v.add(messyId(id, birth));
		v.add(pick("+86 ", "", "0086", "") + "13" + digits(1) + "-" + digits(4) + "-" + digits(4));
		v.add(pick("022-", "(010) ", "0315-") + (2 + this.random.nextInt(7)) + digits(6) + (this.random.nextBoolean() ? "" : "")
				+ digits(1));
		v.add(luhn("62" + digits(15)));
		v.add(pick(" ", "") + "user" + this.random.nextInt(100000) + pick("@example.com", "@Example.CN", "@mail.example.org"));
		v.add("E" + digits(8));
		v.add("C" + digits(8));
		v.add(PLATE_PROVINCES[this.random.nextInt(PLATE_PROVINCES.length)] + "A" + pick("·", "") + digits(5));
		v.add(this.random.nextInt(4) == 0 ? "2001:db8::" + Integer.toHexString(this.random.nextInt(65535))
				: (1 + this.random.nextInt(223)) + "." + this.random.nextInt(256) + "." + this.random.nextInt(256) + "."
						+ this.random.nextInt(256));
		v.add(mac());
		v.add(luhn("35" + digits(12)));
		v.add(String.format(java.util.Locale.ROOT, "%.6f,%.6f", 22 + this.random.nextDouble() * 20,
				100 + this.random.nextDouble() * 20));
		v.add(birth.toString());
		v.add(SURNAMES[this.random.nextInt(SURNAMES.length)] + GIVEN[this.random.nextInt(GIVEN.length)]);
		v.add(CITIES[this.random.nextInt(CITIES.length)] + ROADS[this.random.nextInt(ROADS.length)]
				+ (1 + this.random.nextInt(300)) + "号" + (1 + this.random.nextInt(9)) + "单元");
		v.add(DIAGNOSES[this.random.nextInt(DIAGNOSES.length)]);
		v.add(RELIGIONS[this.random.nextInt(RELIGIONS.length)]);
		v.add(creditCode());
		byte[] template = new byte[200];
		this.random.nextBytes(template);
		v.add(Base64.getEncoder().encodeToString(template));
		// decoys
		String badId = id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0');
		v.add(badId);
		String card = luhn("62" + digits(14));
		v.add(card + (char) ('0' + ((card.charAt(card.length() - 1) - '0' + 1) % 10)));
		v.add("2024" + digits(12));
		v.add(Long.toString(1_700_000_000_000L + (long) (this.random.nextDouble() * 1e11)));
		v.add(this.random.nextInt(100000) + "." + digits(2));
		v.add(LocalDate.of(2023, 1, 1).plusDays(this.random.nextInt(600)).toString());
		v.add(pick("苹果手机", "华为平板", "办公椅", "Laptop Stand", "咖啡机"));
		v.add("B" + digits(2) + "-" + digits(3));
		return v.toArray(String[]::new);
	}

	private String messyId(String id, LocalDate birth) {
		int style = this.random.nextInt(5);
		if (style == 0 && birth.getYear() < 2000) {
			return id.substring(0, 6) + id.substring(8, 17);
		}
		if (style == 1) {
			return " " + id.toLowerCase() + "  ";
		}
		if (style == 2) {
			return id.substring(0, 6) + " " + id.substring(6, 14) + " " + id.substring(14);
		}
		return id;
	}

	static String residentId(String region, LocalDate birth, int seq) {
		String first17 = region + String.format("%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(),
				birth.getDayOfMonth(), seq);
		return first17 + ResidentIdNumber.checkDigit(first17);
	}

	private String creditCode() {
		String charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
		StringBuilder sb = new StringBuilder("91").append(REGIONS[this.random.nextInt(REGIONS.length)]);
		while (sb.length() < 17) {
			sb.append(charset.charAt(this.random.nextInt(charset.length())));
		}
		return sb.toString() + cn.outbound.pii.detect.Detectors.orgCreditCodeCheck(sb);
	}

	private String mac() {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < 6; i++) {
			if (i > 0) {
				sb.append(':');
			}
			sb.append(String.format("%02X", this.random.nextInt(256)));
		}
		return sb.toString();
	}

	private String luhn(String payload) {
		return payload + Luhn.checkDigit(payload);
	}

	private String digits(int n) {
		StringBuilder sb = new StringBuilder(n);
		for (int i = 0; i < n; i++) {
			sb.append((char) ('0' + this.random.nextInt(10)));
		}
		return sb.toString();
	}

	private String pick(String... options) {
		return options[this.random.nextInt(options.length)];
	}

	void writeCsv(Path file, Charset charset) throws IOException {
		try (Writer w = Files.newBufferedWriter(file, charset)) {
			w.write(String.join(",", this.labels.keySet()));
			w.write("\r\n");
			for (String[] row : this.rows) {
				for (int i = 0; i < row.length; i++) {
					if (i > 0) {
						w.write(',');
					}
					String cell = row[i];
					if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0) {
						w.write('"' + cell.replace("\"", "\"\"") + '"');
					}
					else {
						w.write(cell);
					}
				}
				w.write("\r\n");
			}
		}
	}

}
