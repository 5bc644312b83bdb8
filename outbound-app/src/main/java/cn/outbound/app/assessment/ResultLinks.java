package cn.outbound.app.assessment;

import java.util.HashMap;
import java.util.Map;

import cn.outbound.app.rules.RuleLinks;
import cn.outbound.rules.pack.RulePack;
import cn.outbound.rules.pack.RulePacks;
import cn.outbound.service.assessment.Assessment;
import cn.outbound.service.assessment.Reviews;

/**
 * The pages of the rules a stored decision cites (item and article), keyed by rule id, resolved from the pack
 * edition that decided: {@code links.get("art-7-2")}.
 */
public final class ResultLinks {

	private ResultLinks() {
	}

	static Map<String, String> of(RulePacks packs, Assessment a) {
		Map<String, String> out = new HashMap<>();
		RulePack pack = packs.edition(a.packId(), a.packEdition()).orElse(null);
		if (pack == null || packs.citable(pack) == null) {
			return out;
		}
		for (String rule : packs.citable(pack).keySet()) {
			String href = RuleLinks.href(packs, pack, rule);
			if (href != null) {
				out.put(rule, href);
			}
		}
		return out;
	}

	/**
	 * The sign-off as the result page shows it.
	 * @param notCreator the signed-in user did not create the assessment (the form is offered only then)
	 * @param refused why the last review sent from the page was refused, or {@code null}
	 */
	public record ReviewState(Reviews.Status status, boolean notCreator, String refused) {
	}

}
