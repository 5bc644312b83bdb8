package cn.outbound.rules.pack;

import java.util.Map;

import cn.outbound.rules.Text;

/**
 * A fact a scenario may give about a declared data item, e.g. {@code affectedCustomers}.
 *
 * @param unit the unit of a number, or {@code null}: a symbol (MW) is the same in both languages
 * @param values for {@link FactType#ENUM}: allowed value to label, in order
 */
public record Fact(String name, FactType type, FactRole role, Text unit, Text label, Text question,
		Map<String, Text> values) {

	public enum FactType {

		BOOLEAN, INTEGER, NUMBER, ENUM

	}

	public enum FactRole {

		/** A remark exemption: when true, the item is not triggered. */
		EXEMPTION,
		/** A threshold fact compared by the item's trigger condition. */
		THRESHOLD,
		/** {@code qualifies}: the data meets the description on another ground (true) or does not (false). */
		QUALIFIES

	}

}
