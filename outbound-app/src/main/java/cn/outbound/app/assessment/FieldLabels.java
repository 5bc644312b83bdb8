package cn.outbound.app.assessment;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import cn.outbound.rules.Text;
import cn.outbound.rules.pack.Fact;
import cn.outbound.rules.pack.Item;
import cn.outbound.rules.pack.RulePack;
import cn.outbound.rules.source.Message;
import cn.outbound.rules.source.Problem;

import org.springframework.context.MessageSource;

/**
 * What a person sees for a questionnaire field: the question's label in the page's language (never an internal name
 * such as {@code fact.20.affectedCustomers}), and a reader's problem retold with that label in place of the
 * scenario's field name.
 */
final class FieldLabels {

	private final RulePack pack;

	private final MessageSource messages;

	private final Locale locale;

	FieldLabels(RulePack pack, MessageSource messages, Locale locale) {
		this.pack = pack;
		this.messages = messages;
		this.locale = locale;
	}

	/** The label of a form field ({@link ScenarioForm}'s names). */
	String label(String field) {
		String[] p = field.split("\\.");
		return switch (p[0]) {
			case "jurisdiction", "date" -> get("assess." + field);
			case "title" -> get("assess.titleField");
			case "processor" -> "ciio".equals(last(p)) ? get("assess.ciio") : get("assess.s2") + " · "
					+ get("assess.processor." + last(p));
			case "recipient" -> get("assess.recipient." + last(p));
			case "item" -> (p.length > 2) ? item(p[1]) + " · " + get("assess.item.description") : item(p[1]);
			case "fact" -> (p.length > 2) ? item(p[1]) + " · " + fact(p[2]) : field;
			case "pi" -> (p.length > 2) ? get("assess.pi.group", number(p[1]) + 1) + " · " + group(last(p)) : field;
			case "prior" -> get("assess.s5") + " · " + get("assess.prior." + ("individuals".equals(last(p))
					? "individuals" : "sensitive"));
			case "flag" -> get("flag." + last(p));
			default -> field;
		};
	}

	/**
	 * The problem's message for the field it belongs to: with the question's label where the message names the
	 * scenario's field.
	 */
	String message(Problem problem, String field) {
		Message text = problem.text();
		if (field != null && text.args().containsKey("what")) {
			Map<String, Object> args = new LinkedHashMap<>(text.args());
			String label = "“" + label(field) + "”";
			args.put("what", new Text(label, label));
			text = new Message(text.code(), args);
		}
		return text.in(this.locale);
	}

	private String item(String number) {
		int n = number(number);
		Item item = this.pack.items().get(n);
		String title = get("item.title", n);
		return (item != null) ? title + " " + item.name().in(this.locale) : title;
	}

	private String fact(String name) {
		Fact fact = this.pack.facts().get(name);
		if (fact == null) {
			return name;
		}
		Text q = (fact.label() != null && !fact.label().isEmpty()) ? fact.label() : fact.question();
		return q.in(this.locale);
	}

	private String group(String part) {
		return switch (part) {
			case "individuals" -> get("assess.pi.individuals");
			case "sensitiveIndividuals" -> get("assess.pi.sensitive");
			default -> get("assess.pi.basis");
		};
	}

	private String get(String key, Object... args) {
		return this.messages.getMessage(key, args, key, this.locale);
	}

	private static String last(String[] parts) {
		return parts[parts.length - 1];
	}

	private static int number(String s) {
		try {
			return Integer.parseInt(s);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
