package cn.outbound.pii.detect;

import java.util.List;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

/**
 * Detectors for types that have no checksum: names and addresses (surname and address-marker
 * screens on every value, HanLP portable's dictionary recognisers on a sample), health,
 * biometrics and religion (vocabularies in Chinese and English).
 *
 * <p>
 * Chinese has no word boundaries, so vocabulary terms are matched as substrings of the value, and
 * never with {@code \b}.
 */
public final class TextDetectors {

	private TextDetectors() {
	}

	/** Lazily built HanLP segmenter: dictionary name and place recognition, no model. */
	static final class Hanlp {

		private static volatile Segment segment;

		static List<Term> segment(String text) {
			Segment s = segment;
			if (s == null) {
				synchronized (Hanlp.class) {
					s = segment;
					if (s == null) {
						s = HanLP.newSegment()
							.enableNameRecognize(true)
							.enablePlaceRecognize(true)
							.enableOrganizationRecognize(false)
							.enableCustomDictionary(false);
						segment = s;
					}
				}
			}
			synchronized (Hanlp.class) {
				return s.seg(text);
			}
		}

	}

	// The most common single-character surnames (百家姓 by frequency) and compound surnames.
	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由";

	private static final String[] COMPOUND_SURNAMES = { "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
			"宇文", "司徒", "夏侯", "轩辕", "令狐", "端木", "百里", "呼延", "南宫", "西门" };

	/** First characters of {@link #SURNAMES} and of {@link #COMPOUND_SURNAMES}, for a lookup without a scan. */
	private static final java.util.BitSet SURNAME = new java.util.BitSet(65536);

	private static final java.util.BitSet COMPOUND_FIRST = new java.util.BitSet(65536);

	static {
		SURNAMES.chars().forEach(SURNAME::set);
		for (String s : COMPOUND_SURNAMES) {
			COMPOUND_FIRST.set(s.charAt(0));
		}
	}

	/**
	 * Person names. Chinese: 2–4 ideographs starting with a common surname (or a compound one),
	 * or a transliterated name with a middle dot; English: two or three capitalised words. All are
	 * plausible only; HanLP's person recogniser confirms Chinese names on a sample.
	 */
	public static final class PersonName implements Detector {

		@Override
		public PiType type() {
			return PiType.PERSON_NAME;
		}

		@Override
		public int match(Value v) {
			int n = v.length();
			if (n < 2 || v.digits > 0 || v.at > 0) {
				return NO;
			}
			if (v.cjk >= 2 && v.letters == 0) {
				if (n <= 4 && v.cjk == n) {
					char first = v.charAt(0);
					if (SURNAME.get(first)) {
						return WEAK;
					}
					if (n >= 3 && COMPOUND_FIRST.get(first)) {
						for (String s : COMPOUND_SURNAMES) {
							if (v.charAt(0) == s.charAt(0) && v.charAt(1) == s.charAt(1)) {
								return WEAK;
							}
						}
					}
					return NO;
				}
				// transliterated minority or foreign names: 阿依古丽·买买提
				if (n <= 16 && v.cjk == n - 1) {
					for (int i = 1; i < n - 1; i++) {
						if (v.charAt(i) == '·' || v.charAt(i) == '•') {
							return WEAK;
						}
					}
				}
				return NO;
			}
			if (v.cjk == 0 && v.letters >= 4 && n <= 40 && v.blanks >= 1 && v.blanks <= 2 && v.others == 0
					&& v.dots + v.colons + v.slashes + v.commas == 0) {
				boolean wordStart = true;
				for (int i = 0; i < n; i++) {
					char c = v.charAt(i);
					if (c == ' ' || c == '-' || c == '\'') {
						wordStart = true;
						continue;
					}
					if (wordStart ? (c < 'A' || c > 'Z') : (c < 'a' || c > 'z')) {
						return NO;
					}
					wordStart = false;
				}
				return WEAK;
			}
			return NO;
		}

		@Override
		public boolean confirms() {
			return true;
		}

		/** HanLP segments the value as a person name (nr / nrf) and nothing else. */
		@Override
		public boolean confirm(String value) {
			// English names: no dictionary; a screen-only match stays plausible
			String s = chinese(value);
			if (s == null) {
				return false;
			}
			List<Term> terms = Hanlp.segment(s);
			int nameChars = 0;
			for (Term t : terms) {
				String nature = String.valueOf(t.nature);
				if (nature.startsWith("nr")) {
					nameChars += t.word.length();
				}
				else if (!"w".equals(nature)) {
					return false;
				}
			}
			return nameChars > 0;
		}

	}

	private static final String ADDRESS_MARKERS = "省市区县镇乡村路街道巷号弄栋幢楼室单元胡同大道社区小区";

	private static final boolean[] MARKER = new boolean['\u9FFF' - '\u4E00' + 1];

	static {
		for (int i = 0; i < ADDRESS_MARKERS.length(); i++) {
			MARKER[ADDRESS_MARKERS.charAt(i) - '\u4E00'] = true;
		}
	}

	private static final String[] EN_ADDRESS_WORDS = { " road", " rd", " street", " st.", " avenue", " ave",
			" district", " province", " city", " lane", " building", " room", " floor", "no." };

	/**
	 * Postal and home addresses. Chinese: at least six ideographs with two or more address markers
	 * (省, 市, 区, 路, 号, ...). English: a number and a street word. Plausible only; confirmed when
	 * HanLP's place recogniser or the province table finds a place name in it.
	 */
	public static final class Address implements Detector {

		@Override
		public PiType type() {
			return PiType.ADDRESS;
		}

		@Override
		public int match(Value v) {
			int n = v.length();
			if (n < 6 || n > 200 || v.at > 0) {
				return NO;
			}
			if (v.cjk >= 5) {
				int markers = 0;
				for (int i = 0; i < n; i++) {
					char c = v.charAt(i);
					if (c >= '\u4E00' && c <= '\u9FFF' && MARKER[c - '\u4E00']) {
						markers++;
					}
				}
				if (markers < 2) {
					return NO;
				}
				for (int i = 0; i < PROVINCE_PREFIXES.length; i++) {
					if (startsWith(v, PROVINCE_PREFIXES[i])) {
						return markers >= 3 ? STRONG : WEAK;
					}
				}
				return WEAK;
			}
			if (v.cjk == 0 && v.digits >= 1 && v.letters >= 6 && v.blanks >= 2) {
				for (String w : EN_ADDRESS_WORDS) {
					if (contains(v, w)) {
						return WEAK;
					}
				}
				return NO;
			}
			return NO;
		}

		@Override
		public boolean confirms() {
			return true;
		}

		@Override
		public boolean confirm(String value) {
			String s = chinese(value);
			if (s == null) {
				return false;
			}
			for (String p : PROVINCE_PREFIXES) {
				if (s.startsWith(p)) {
					return true;
				}
			}
			for (Term t : Hanlp.segment(s)) {
				if (String.valueOf(t.nature).startsWith("ns") && t.word.length() >= 2) {
					return true;
				}
			}
			return false;
		}

	}

	/** The value stripped, when it starts with an ideograph (the recognisers know Chinese only); else null. */
	static String chinese(String value) {
		String s = value.strip();
		return (s.isEmpty() || s.charAt(0) < '\u4E00') ? null : s;
	}

	/** Province-level names and their short forms as written at the start of an address. */
	static final String[] PROVINCE_PREFIXES = { "北京", "天津", "上海", "重庆", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "江苏",
			"浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "四川", "贵州", "云南", "西藏", "陕西",
			"甘肃", "青海", "宁夏", "新疆", "香港", "澳门", "台湾" };

	static boolean startsWith(Value v, String prefix) {
		if (v.length() < prefix.length()) {
			return false;
		}
		for (int i = 0; i < prefix.length(); i++) {
			if (v.charAt(i) != prefix.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether {@code v} contains {@code word} (lower case), ASCII letters compared without case,
	 * without allocating.
	 */
	static boolean contains(Value v, String word) {
		int n = v.length();
		int m = word.length();
		outer: for (int i = 0; i + m <= n; i++) {
			for (int j = 0; j < m; j++) {
				if (!sameLower(v.charAt(i + j), word.charAt(j))) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	/** Whether {@code c} is {@code lower} or, for an ASCII letter, its upper-case form. */
	static boolean sameLower(char c, char lower) {
		return c == lower || (c >= 'A' && c <= 'Z' && c + 32 == lower);
	}

	// Diagnoses and clinical terms (Chinese), matched as substrings.
	static final String[] HEALTH_TERMS_ZH = { "高血压", "糖尿病", "冠心病", "心脏病", "心肌梗", "心律失常", "心衰", "脑梗", "脑卒中", "中风",
			"肺炎", "支气管炎", "哮喘", "慢阻肺", "肺结核", "结核", "肝炎", "乙肝", "丙肝", "肝硬化", "脂肪肝", "胃炎", "胃溃疡", "肠炎", "阑尾炎",
			"胆结石", "肾结石", "肾炎", "肾衰", "尿毒症", "痛风", "关节炎", "骨折", "骨质疏松", "腰椎间盘", "颈椎病", "癌", "肿瘤", "白血病",
			"淋巴瘤", "抑郁", "焦虑症", "精神分裂", "双相", "癫痫", "帕金森", "阿尔茨海默", "痴呆", "艾滋", "HIV", "梅毒", "淋病", "流感", "新冠",
			"感冒", "发热", "贫血", "甲亢", "甲减", "甲状腺", "高血脂", "高脂血", "妊娠", "早产", "不孕", "过敏", "湿疹", "银屑病", "白内障",
			"青光眼", "近视", "中耳炎", "鼻炎", "咽炎", "扁桃体", "龋齿", "牙周", "病毒性", "细菌性", "感染", "综合征", "术后", "化疗", "放疗",
			"诊断", "门诊", "住院", "处方", "病历", "病史", "症状", "阳性", "阴性", "血常规", "尿常规", "血糖", "血压", "胆固醇", "甘油三酯",
			"转氨酶", "肌酐", "白细胞", "红细胞", "血红蛋白", "血小板", "CT检查", "核磁", "B超", "彩超", "心电图" };

	static final String[] HEALTH_TERMS_EN = { "hypertension", "diabetes", "asthma", "pneumonia", "bronchitis",
			"hepatitis", "cirrhosis", "cancer", "carcinoma", "tumor", "tumour", "leukemia", "lymphoma", "depression",
			"anxiety disorder", "schizophrenia", "epilepsy", "parkinson", "alzheimer", "dementia", "hiv", "aids",
			"tuberculosis", "influenza", "covid", "fracture", "arthritis", "stroke", "infarction", "arrhythmia",
			"heart failure", "kidney failure", "pregnan", "allergy", "allergic", "diagnos", "prescription", "syndrome",
			"infection", "positive", "negative" };

	static final String[] LAB_UNITS = { "mmol/l", "μmol/l", "umol/l", "mg/dl", "g/l", "mg/l", "u/l", "iu/l", "mmhg",
			"10^9/l", "10^12/l", "×10", "bpm", "ng/ml", "pg/ml", "miu/l", "meq/l" };

	/**
	 * Health information: a diagnosis or clinical term from the vocabularies, a measurement with a
	 * clinical unit (5.6 mmol/L, 120/80 mmHg), or an ICD-10 code (plausible only: it needs a
	 * header such as 诊断 or ICD).
	 */
	public static final class Health implements Detector {

		private static final Vocabulary ZH = new Vocabulary(HEALTH_TERMS_ZH);

		private static final Vocabulary EN = new Vocabulary(HEALTH_TERMS_EN);

		private static final Vocabulary UNITS = new Vocabulary(LAB_UNITS);

		@Override
		public PiType type() {
			return PiType.HEALTH;
		}

		@Override
		public int match(Value v) {
			int n = v.length();
			if (n < 2 || n > 500 || v.at > 0) {
				return NO;
			}
			if (v.cjk >= 1) {
				String term = ZH.find(v);
				if (term != null) {
					// a single-character term (癌) in a short value may be part of a name
					return (term.length() == 1 && n <= 3) ? WEAK : STRONG;
				}
				if (n >= 3 && n <= 12 && v.cjk == n) {
					char last = v.charAt(n - 1);
					if (last == '病' || last == '症' || last == '炎' || last == '瘤') {
						return WEAK;
					}
				}
			}
			if (v.letters >= 3) {
				String term = EN.find(v);
				if (term != null) {
					return (term.equals("positive") || term.equals("negative")) ? WEAK : STRONG;
				}
			}
			if (v.digits >= 1 && (v.letters >= 1 || v.others >= 1) && UNITS.find(v) != null) {
				return STRONG;
			}
			if (v.cjk == 0 && n >= 3 && n <= 8 && v.letters == 1 && v.blanks == 0) {
				return icd10(v, n) ? WEAK : NO;
			}
			return NO;
		}

		/** ICD-10: a letter (not U), two digits, optionally a dot and 1–4 more characters. */
		static boolean icd10(Value v, int n) {
			char c = v.charAt(0);
			if (c >= 'a' && c <= 'z') {
				c -= 32;
			}
			if (c < 'A' || c > 'Z' || c == 'U') {
				return false;
			}
			if (!Character.isDigit(v.charAt(1)) || !Character.isDigit(v.charAt(2))) {
				return false;
			}
			if (n == 3) {
				return true;
			}
			if (v.charAt(3) != '.' || n == 4) {
				return false;
			}
			for (int i = 4; i < n; i++) {
				if (!Character.isLetterOrDigit(v.charAt(i))) {
					return false;
				}
			}
			return true;
		}

	}

	/**
	 * Biometrics: DNA sequences validate (ACGT only, 30 or more); long Base64 or hex blobs and
	 * numeric feature vectors are only plausible templates (they need a header such as 指纹,
	 * 人脸, face, fingerprint).
	 */
	public static final class Biometric implements Detector {

		@Override
		public PiType type() {
			return PiType.BIOMETRIC;
		}

		@Override
		public int match(Value v) {
			int n = v.length();
			if (n < 30 || v.cjk > 0) {
				return NO;
			}
			if (v.letters == n) {
				boolean dna = true;
				for (int i = 0; i < n && dna; i++) {
					char c = v.charAt(i);
					dna = c == 'A' || c == 'C' || c == 'G' || c == 'T';
				}
				if (dna) {
					return STRONG;
				}
			}
			// Base64 (letters, digits, + / =) or hex template blobs
			if (n >= 128 && v.blanks == 0 && v.at + v.colons + v.commas + v.dots == 0
					&& (v.letters + v.digits) * 10L >= n * 9L) {
				return WEAK;
			}
			if (v.commas >= 31 && v.dots >= 32 && v.letters == 0) {
				return WEAK;
			}
			return NO;
		}

	}

	static final String[] RELIGIONS = {"佛教", "道教", "伊斯兰教", "天主教", "基督教", "新教", "东正教", "犹太教", "印度教",
			"藏传佛教", "汉传佛教", "南传佛教", "佛教徒", "基督徒", "穆斯林", "天主教徒", "道教徒", "伊斯兰", "无神论", "buddhism", "buddhist",
			"taoism", "taoist", "daoism", "islam", "muslim", "catholic", "catholicism", "christian", "christianity",
			"protestant", "orthodox", "judaism", "jewish", "hindu", "hinduism", "sikh", "atheist", "agnostic" };

	/** Religious belief: a value that is a religion's name, in Chinese or English. */
	public static final class Religion implements Detector {

		@Override
		public PiType type() {
			return PiType.RELIGION;
		}

		/** The names by first character (ASCII lower case), so a value is compared with a few at most. */
		private static final String[][] BY_FIRST = new String[65536][];

		static {
			for (String r : RELIGIONS) {
				String[] list = BY_FIRST[r.charAt(0)];
				list = (list == null) ? new String[1] : java.util.Arrays.copyOf(list, list.length + 1);
				list[list.length - 1] = r;
				BY_FIRST[r.charAt(0)] = list;
			}
		}

		@Override
		public int match(Value v) {
			int n = v.length();
			if (n < 2 || n > 14 || v.digits > 0) {
				return NO;
			}
			char first = v.charAt(0);
			String[] candidates = BY_FIRST[(first >= 'A' && first <= 'Z') ? first + 32 : first];
			if (candidates == null) {
				return NO;
			}
			outer: for (String r : candidates) {
				if (r.length() != n) {
					continue;
				}
				for (int i = 1; i < n; i++) {
					if (!sameLower(v.charAt(i), r.charAt(i))) {
						continue outer;
					}
				}
				return STRONG;
			}
			return NO;
		}

	}

}
