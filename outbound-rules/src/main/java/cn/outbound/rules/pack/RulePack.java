package cn.outbound.rules.pack;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import cn.outbound.rules.Text;

/**
 * One edition of a rule pack (a negative list, or the national provisions), loaded from a YAML file and validated.
 *
 * @param id the jurisdiction it governs, e.g. {@code tianjin-ftz}
 * @param edition e.g. {@code 2024}
 * @param inForceFrom first day it governs
 * @param inForceUntil last day it governs, or {@code null}
 * @param basedOn the pack whose articles it cites, or {@code null}
 * @param listItems whether scenario {@code data[]} entries are decided against {@link #items()}
 * @param file the file it was loaded from
 * @param contentHash {@code sha256:<hex>} of the file's bytes
 */
public record RulePack(String id, String edition, LocalDate inForceFrom, LocalDate inForceUntil, String basedOn,
		boolean listItems, Text title, Text issuer, SourceInfo source, List<Section> sections, List<Category> categories,
		Map<String, Fact> facts, Map<String, Provision> provisions, SortedMap<Integer, Item> items,
		Map<String, FlagRule> flags, PiRules personalInformation, List<Obligation> obligations,
		List<Reference> references, String file, String contentHash) {

	public boolean inForceOn(LocalDate date) {
		return !date.isBefore(this.inForceFrom) && (this.inForceUntil == null || !date.isAfter(this.inForceUntil));
	}

	public Item item(int number) {
		return this.items.get(number);
	}

	public String key() {
		return this.id + "@" + this.edition;
	}

	public record SourceInfo(String document, String url, LocalDate published) {
	}

	public record Section(String id, Text title, cn.outbound.rules.Mechanism mechanism) {
	}

	public record Category(int number, Text name) {

		private static final String[] DIGITS = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

		/** As the table heads it: "四、金融类" / "IV. Finance". */
		public Text numbered() {
			return new Text(chinese(this.number) + "、" + this.name.zh(), roman(this.number) + ". " + this.name.en());
		}

		static String chinese(int n) {
			if (n < 10) {
				return DIGITS[n];
			}
			return ((n / 10 > 1) ? DIGITS[n / 10] : "") + "十" + DIGITS[n % 10];
		}

		static String roman(int n) {
			String[] tens = { "", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC" };
			String[] ones = { "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX" };
			return tens[(n / 10) % 10] + ones[n % 10];
		}

	}

	/** A place in the pack that cites a rule id; resolved when the registry is built. */
	public record Reference(String ruleId, String pointer, cn.outbound.rules.source.SourceLocation location) {
	}

}
