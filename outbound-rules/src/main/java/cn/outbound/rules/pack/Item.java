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

	public String ruleId() {
		return "item-" + this.number;
	}

}
