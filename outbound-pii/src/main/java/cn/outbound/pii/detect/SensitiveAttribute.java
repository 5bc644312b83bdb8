package cn.outbound.pii.detect;

import java.util.List;
import java.util.Locale;

/**
 * Sensitive personal information that no identifier carries: a fact about the person in the row, which the values
 * alone cannot prove (an account balance is a number like any other). A column holds one when its header names it and
 * its values have the shape the header promises; the column then counts as sensitive and so does every person with a
 * value in it. The scan report lists these beside the types ({@code columns[].attributes}), never among them: the
 * types of spec/scan-v1.md are proven by the values.
 *
 * <p>
 * Sources (docs/sensitivity.md): GB/T 35273-2020 §3.2 note 1 (财产信息、征信信息) and Annex B 个人财产信息 (deposits,
 * credit records, 征信); PIPL art. 28 金融账户 and TC260-PG-20244A §4 e) 金融账户 (个人收入明细 in Table A.1), which
 * Outbound reads to cover what an account holds.
 */
public enum SensitiveAttribute {

	/** Balances, deposits, loans and credit, credit scores, income: 个人财产信息 / 金融账户. */
	FINANCIAL_ACCOUNT("金融账户及财产信息", "financial account and property information",
			new String[] { "余额", "存款", "结余", "授信", "贷款", "信贷", "欠款", "负债", "征信", "信用分", "信用评分", "收入", "工资", "薪资",
					"月薪", "年薪", "持仓", "资产" },
			new String[] { "balance", "deposit", "loan", "credit limit", "credit score", "credit line", "debt", "income",
					"salary", "wage", "holdings", "net worth" });

	/** Share of the sampled non-empty values that must have the shape the header promises. */
	public static final double SHARE_NEEDED = 0.8;

	private final String zh;

	private final String en;

	private final String[] wordsZh;

	private final String[] wordsEn;

	SensitiveAttribute(String zh, String en, String[] wordsZh, String[] wordsEn) {
		this.zh = zh;
		this.en = en;
		this.wordsZh = wordsZh;
		this.wordsEn = wordsEn;
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

	/**
	 * Words that make a header a company's record rather than a person's property: an order's or an invoice's amount,
	 * a version or a checksum. An amount as such (贷款金额, loan amount) is a person's credit record and is named.
	 */
	private static final String[] NOT_A_PERSONS = { "订单", "单号", "交易号", "发票", "版本", "时间戳", "sku", "order",
			"invoice", "txn", "version", "hash", "checksum", "timestamp", "price", "价格", "单价" };

	/**
	 * The word of {@code header} that names this attribute, or {@code null}. A header about an order, an invoice, a
	 * price or a version ({@link #NOT_A_PERSONS}) names nothing.
	 */
	public String namedBy(String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		String h = header.toLowerCase(Locale.ROOT);
		for (String w : NOT_A_PERSONS) {
			if (h.contains(w)) {
				return null;
			}
		}
		for (String w : this.wordsZh) {
			if (h.contains(w)) {
				return w;
			}
		}
		for (String w : this.wordsEn) {
			if (h.contains(w)) {
				return w;
			}
		}
		return null;
	}

	/**
	 * How many of {@code values} (a column's first non-empty values) have this attribute's shape: for
	 * {@link #FINANCIAL_ACCOUNT}, an amount ({@link #isAmount}).
	 */
	public int bearingOut(List<String> values) {
		int n = 0;
		for (String v : values) {
			if (isAmount(v)) {
				n++;
			}
		}
		return n;
	}

	/**
	 * Whether {@code value} is an amount of money or a score: an optional sign, an optional currency sign (¥ ￥ $ € £)
	 * or code (CNY, RMB, USD …), digits with optional thousands separators (, or a space between groups of three), an
	 * optional decimal part, and an optional unit (元, 万元, 万, 亿元) or currency code after it. Nothing else: a date, an
	 * identifier with letters, free text are not amounts.
	 */
	public static boolean isAmount(String value) {
		if (value == null) {
			return false;
		}
		String s = value.strip();
		int i = 0;
		int end = s.length();
		if (i < end && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
			i++;
		}
		if (i < end && "¥￥$€£".indexOf(s.charAt(i)) >= 0) {
			i++;
		}
		else if (end - i >= 3 && isCode(s, i)) {
			i += 3;
			while (i < end && s.charAt(i) == ' ') {
				i++;
			}
		}
		end = withoutSuffix(s, i, end, UNITS);
		if (end == s.length()) {
			end = withoutSuffix(s, i, end, CODES);
		}
		return isNumber(s, i, end);
	}

	/** Currency codes, written before or after an amount. */
	private static final String[] CODES = { "CNY", "RMB", "USD", "EUR", "HKD" };

	/** Units of 元 written after an amount (a currency code may follow it too). */
	private static final String[] UNITS = { "万元", "亿元", "元", "万" };

	/** {@code end} before the first of {@code suffixes} that {@code s} ends with (and the spaces before it). */
	private static int withoutSuffix(String s, int from, int end, String[] suffixes) {
		for (String suffix : suffixes) {
			if (end - suffix.length() > from && s.regionMatches(true, end - suffix.length(), suffix, 0, suffix.length())) {
				int e = end - suffix.length();
				while (e > from && s.charAt(e - 1) == ' ') {
					e--;
				}
				return e;
			}
		}
		return end;
	}

	private static boolean isCode(String s, int i) {
		for (String c : CODES) {
			if (s.regionMatches(true, i, c, 0, 3)) {
				return true;
			}
		}
		return false;
	}

	/** Digits, grouped by threes with , or a space (all groups alike) or not at all, then at most one decimal part. */
	private static boolean isNumber(String s, int from, int to) {
		int dot = -1;
		for (int k = from; k < to; k++) {
			if (s.charAt(k) == '.') {
				if (dot >= 0) {
					return false;
				}
				dot = k;
			}
		}
		int intEnd = (dot < 0) ? to : dot;
		if (dot >= 0) {
			if (dot + 1 == to) {
				return false;
			}
			for (int k = dot + 1; k < to; k++) {
				if (!isDigit(s.charAt(k))) {
					return false;
				}
			}
		}
		if (intEnd == from) {
			return false;
		}
		char sep = 0;
		int group = 0;
		boolean grouped = false;
		for (int k = intEnd - 1; k >= from; k--) {
			char c = s.charAt(k);
			if (isDigit(c)) {
				group++;
				continue;
			}
			if ((c != ',' && c != ' ') || group != 3 || (sep != 0 && c != sep) || k == from) {
				return false;
			}
			sep = c;
			grouped = true;
			group = 0;
		}
		return !grouped || (group >= 1 && group <= 3);
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
