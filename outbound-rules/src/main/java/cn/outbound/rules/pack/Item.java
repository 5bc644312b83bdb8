package cn.outbound.rules.pack;

import java.util.List;
import java.util.Map;

import cn.outbound.rules.Mechanism;
import cn.outbound.rules.Text;

/**
 * One item of a negative list, as the official table reads, with the facts and conditions that decide it.
 *
 * @param personalInformation items decided by the personal-information rules (44–46), not declarable in data[]
 * @param facts the facts a scenario may give for this item
 * @param exemptWhen remark exemptions: any one holding means the item is not triggered
 * @param triggerWhen the threshold condition, or {@code null}
 */
public record Item(int number, int category, String section, Text name, Text description, Text examples,
		Remark remark, int[] sourceLines, Mechanism mechanism, boolean personalInformation, List<String> facts,
		List<Condition> exemptWhen, Condition triggerWhen, Map<String, Text> factNotes) {

	/** The remark column; a merged cell lists the other items it also covers. */
	public record Remark(Text text, List<Integer> sharedWith) {
	}

	private static final String[] RULE_IDS = new String[1000];

	static {
		for (int i = 0; i < RULE_IDS.length; i++) {
			RULE_IDS[i] = "item-" + i;
		}
	}

	/** {@code item-N}; interned for the common numbers, as it is looked up on every decision. */
	public String ruleId() {
		return (this.number >= 0 && this.number < RULE_IDS.length) ? RULE_IDS[this.number] : "item-" + this.number;
	}

}
