package cn.outbound.app.rules;

import cn.outbound.rules.pack.Citation;
import cn.outbound.rules.pack.RulePack;
import cn.outbound.rules.pack.RulePacks;

/**
 * Where the text of a cited rule is: a list item's page ({@code /list/PACK/EDITION/items/N}) or a provision's
 * ({@code /list/PACK/EDITION/provisions/art-7-2}), resolved as the deciding pack cites it (an article of the national
 * Provisions cited from the Tianjin list links to the national pack). The one place these addresses are made.
 */
public final class RuleLinks {

	private RuleLinks() {
	}

	/** The page of {@code rule} as {@code pack} cites it, or {@code null} when it does not resolve. */
	public static String href(RulePacks packs, RulePack pack, String rule) {
		if (packs == null || pack == null || rule == null) {
			return null;
		}
		var citable = packs.citable(pack);
		Citation c = (citable != null) ? citable.get(rule) : null;
		if (c == null) {
			return null;
		}
		return (c.item() != null) ? item(c.pack(), c.edition(), c.item()) : provision(c.pack(), c.edition(), c.rule());
	}

	public static String item(String pack, String edition, int number) {
		return "/list/" + pack + "/" + edition + "/items/" + number;
	}

	public static String provision(String pack, String edition, String id) {
		return "/list/" + pack + "/" + edition + "/provisions/" + id;
	}

}
