package cn.outbound.pii.detect;

import java.util.EnumSet;
import java.util.Set;

import static cn.outbound.pii.detect.PiType.BANK_CARD;
import static cn.outbound.pii.detect.PiType.BIOMETRIC;
import static cn.outbound.pii.detect.PiType.CN_PASSPORT;
import static cn.outbound.pii.detect.PiType.CN_RESIDENT_ID;
import static cn.outbound.pii.detect.PiType.GEO_COORDINATE;
import static cn.outbound.pii.detect.PiType.HEALTH;
import static cn.outbound.pii.detect.PiType.HMT_PERMIT;
import static cn.outbound.pii.detect.PiType.RELIGION;

/**
 * Which types count as sensitive personal information, by standard. The table and its sources
 * are in docs/sensitivity.md; {@link #PIPL} is the default.
 *
 * <ul>
 * <li>{@link #PIPL}: PIPL art. 28 categories read literally: 生物识别 (BIOMETRIC), 宗教信仰
 * (RELIGION), 医疗健康 (HEALTH), 金融账户 (BANK_CARD), 行踪轨迹 (GEO_COORDINATE, precise location);
 * 特定身份 has no type of its own. Minors: under 14 (不满十四周岁).</li>
 * <li>{@link #GB_T_35273}: GB/T 35273-2020 §3.2 and Annex B also list identity-document numbers
 * (身份证、护照 and other 证件): adds CN_RESIDENT_ID, CN_PASSPORT, HMT_PERMIT. Minors: 14 and
 * under (14岁以下（含）).</li>
 * <li>{@link #TC260}: the 2024 TC260 identification guide (TC260-PG-20244A): the PIPL categories,
 * 精准定位 explicitly; the ID number is not listed (only the ID-card photo). Minors: under
 * 14.</li>
 * </ul>
 */
public enum SensitivityStandard {

	PIPL(EnumSet.of(BIOMETRIC, RELIGION, HEALTH, BANK_CARD, GEO_COORDINATE),
			EnumSet.of(SensitiveAttribute.FINANCIAL_ACCOUNT), 13),

	GB_T_35273(EnumSet.of(BIOMETRIC, RELIGION, HEALTH, BANK_CARD, GEO_COORDINATE, CN_RESIDENT_ID, CN_PASSPORT,
			HMT_PERMIT), EnumSet.of(SensitiveAttribute.FINANCIAL_ACCOUNT), 14),

	TC260(EnumSet.of(BIOMETRIC, RELIGION, HEALTH, BANK_CARD, GEO_COORDINATE),
			EnumSet.of(SensitiveAttribute.FINANCIAL_ACCOUNT), 13);

	private final Set<PiType> sensitive;

	private final Set<SensitiveAttribute> attributes;

	private final int oldestMinorAge;

	SensitivityStandard(Set<PiType> sensitive, Set<SensitiveAttribute> attributes, int oldestMinorAge) {
		this.sensitive = sensitive;
		this.attributes = attributes;
		this.oldestMinorAge = oldestMinorAge;
	}

	/** The default: PIPL art. 28. */
	public static SensitivityStandard defaultStandard() {
		return PIPL;
	}

	public boolean isSensitive(PiType type) {
		return this.sensitive.contains(type);
	}

	/** Whether {@code attribute} is sensitive under this standard (docs/sensitivity.md). */
	public boolean isSensitive(SensitiveAttribute attribute) {
		return this.attributes.contains(attribute);
	}

	public Set<PiType> sensitiveTypes() {
		return EnumSet.copyOf(this.sensitive);
	}

	/**
	 * Whether a person of {@code age} full years is a minor whose information is sensitive:
	 * under 14 for PIPL and TC260, 14 and under for GB/T 35273.
	 */
	public boolean isMinor(int age) {
		return age >= 0 && age <= this.oldestMinorAge;
	}

	public int oldestMinorAge() {
		return this.oldestMinorAge;
	}

}
