package cn.outbound.pii.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.outbound.testing.Seeded;

import static cn.outbound.testing.Seeded.args;
import static cn.outbound.testing.Seeded.edge;
import static cn.outbound.testing.Seeded.pick;
import static cn.outbound.testing.Seeded.string;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The screen never drops a value a detector would match: the scanner hands a value only to the
 * detectors the screen names, so a miss here would be a lost match. Every value is synthetic.
 */
@ExtendWith(Seeded.Replay.class)
class ScreenProperties {

	private static final List<Detector> DETECTORS = Detectors.all();

	/** Characters every detector cares about: digits, letters, ideographs, separators, odd blanks. */
	private static final String ALPHABET = "0123456789012345678901234567890123456789XxEGCHMDabcdefABCDEFmolLgTS"
			+ "张王李欧阳伟芳省市区路号室楼天津北京病症炎癌高血压糖尿佛教基督津京粤转挂·•@.:-,/°'\"()+# \t\u3000\u00A0"
			+ "０１２３４５６７８９ＡＢ－（）";

	/** Values that pass or nearly pass a detector, decorated. */
	private static final String[] NEAR = { "11010519491231002X", "110105491231002", "13812345678", "+86 138 1234 5678",
			"022-23456789", "(0315) 2345678", "010 62345678转123", "6222021234567890128", "4111 1111 1111 1111",
			"zhang.wei@example.com", "E12345678", "EA1234567", "D1234567", "C12345678", "H1234567890", "津A12345",
			"京A·D12345", "粤B1234挂", "192.168.1.20", "2001:db8::8a2e:370:7334", "::ffff:192.0.2.1",
			"00:1A:2B:3C:4D:5E", "001a.2b3c.4d5e", "356938035643809", "39.9042,116.4074", "39°54'15\"N 116°24'27\"E",
			"116.397128", "1990-05-17", "1990年5月17日", "19900517", "张伟", "欧阳娜娜", "阿依古丽·买买提", "John Smith",
			"天津市和平区南京路100号3单元", "12 Nanjing Road, Heping District", "2型糖尿病", "空腹血糖 7.2 mmol/L", "E11.9",
			"positive", "ACGTACGTACGTACGTACGTACGTACGTACGT", "佛教", "Buddhist", "CHRISTIAN", "91120101MA05JKLX3A",
			"120/80 mmHg", "高血压病" };

	/** What may stand before and after a near value. */
	private static final String DECORATION = " \u3000-.x0";

	/**
	 * First every near value bare and every character of the alphabet alone, then random strings of the alphabet, near
	 * values with up to two blanks or separators either side, and bare near values, a third each.
	 */
	static Stream<Arguments> values() {
		List<Arguments> edges = new ArrayList<>();
		for (String near : NEAR) {
			edges.add(edge(near, near));
		}
		ALPHABET.chars().distinct().forEach(c -> edges.add(edge(String.format("U+%04X", c), String.valueOf((char) c))));
		return Seeded.cases(1_000_000, 3000, edges, r -> args(switch (r.nextInt(3)) {
			case 0 -> string(r, ALPHABET, 1, 70);
			case 1 -> string(r, DECORATION, 0, 2) + pick(r, NEAR) + string(r, DECORATION, 0, 2);
			default -> pick(r, NEAR);
		}));
	}

	@ParameterizedTest
	@MethodSource("values")
	void screenNamesEveryDetectorThatMatches(String text) {
		Value v = new Value().set(text);
		int screened = Screen.of(v);
		for (Detector d : DETECTORS) {
			if (d.match(v) != Detector.NO) {
				assertThat(screened & (1 << d.type().ordinal())).as("%s screened out of %s", d.type(), text).isNotZero();
			}
		}
	}

}
