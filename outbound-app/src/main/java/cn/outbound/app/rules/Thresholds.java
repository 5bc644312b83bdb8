package cn.outbound.app.rules;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.outbound.rules.Text;
import cn.outbound.rules.pack.Condition;
import cn.outbound.rules.pack.Fact;
import cn.outbound.rules.pack.Item;
import cn.outbound.rules.pack.RulePack;

/**
 * Explains, from a pack's conditions, what a fact of an item is compared against: "≥ 1,000,000 persons — “…”".
 */
public final class Thresholds {

	private Thresholds() {
	}

	/** The comparisons of an item's trigger condition on one fact, in both languages. */
	public static List<Text> of(RulePack pack, Item item, String factName) {
		List<Text> out = new ArrayList<>();
		Fact fact = pack.facts().get(factName);
		if (item.triggerWhen() != null) {
			item.triggerWhen().comparisons(c -> {
				if (c.fact().equals(factName)) {
					out.add(describe(c, fact));
				}
			});
		}
		for (Condition exempt : item.exemptWhen()) {
			exempt.comparisons(c -> {
				if (c.fact().equals(factName)) {
					Text d = describe(c, fact);
					out.add(new Text(d.zh() + " → 不触发本项", d.en() + " → item not triggered"));
				}
			});
		}
		return out;
	}

	static Text describe(Condition.Compare c, Fact fact) {
		String zh;
		String en;
		switch (c.op()) {
			case EQUALS -> {
				zh = "= " + value(c.value(), fact, "zh");
				en = "= " + value(c.value(), fact, "en");
			}
			case IN -> {
				List<String> z = new ArrayList<>();
				List<String> e = new ArrayList<>();
				for (Object v : (List<?>) c.value()) {
					z.add(value(v, fact, "zh"));
					e.add(value(v, fact, "en"));
				}
				zh = "属于：" + String.join("、", z);
				en = "one of: " + String.join(", ", e);
			}
			default -> {
				String symbol = switch (c.op()) {
					case AT_LEAST -> "≥";
					case GREATER_THAN -> ">";
					case BELOW -> "<";
					case AT_MOST -> "≤";
					default -> "";
				};
				zh = symbol + " " + number((BigDecimal) c.value(), Locale.SIMPLIFIED_CHINESE) + unit(fact, "zh");
				en = symbol + " " + number((BigDecimal) c.value(), Locale.ENGLISH) + unit(fact, "en");
			}
		}
		if (c.quote() != null) {
			zh += "（“" + c.quote().zh() + "”）";
			en += " (“" + c.quote().en() + "”)";
		}
		return new Text(zh, en);
	}

	private static String unit(Fact fact, String lang) {
		if (fact == null || fact.unit() == null) {
			return "";
		}
		String u = fact.unit().in(lang);
		return (!u.isEmpty() && u.codePointAt(0) >= 0x2E80) ? u : " " + u;
	}

	private static String value(Object v, Fact fact, String lang) {
		if (v instanceof Boolean b) {
			return "zh".equals(lang) ? (b ? "是" : "否") : (b ? "yes" : "no");
		}
		if (fact != null && fact.values() != null && fact.values().containsKey(String.valueOf(v))) {
			return fact.values().get(String.valueOf(v)).in(lang);
		}
		return String.valueOf(v);
	}

	static String number(BigDecimal n, Locale locale) {
		NumberFormat f = NumberFormat.getNumberInstance(locale);
		f.setMaximumFractionDigits(6);
		return f.format(n);
	}

}
