package cn.outbound.pii.detect;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** All identifiers below are synthetic test data. */
class DetectorsTests {

	private static Map<PiType, Integer> matches(String value) {
		Value v = new Value().set(value);
		Map<PiType, Integer> found = new TreeMap<>();
		for (Detector d : Detectors.all()) {
			int m = d.match(v);
			if (m != Detector.NO) {
				found.put(d.type(), m);
			}
		}
		return found;
	}

	private static void strong(String value, PiType type) {
		assertThat(matches(value)).as(value).containsEntry(type, Detector.STRONG);
	}

	private static void weak(String value, PiType type) {
		assertThat(matches(value)).as(value).containsEntry(type, Detector.WEAK);
	}

	private static void none(String value) {
		assertThat(matches(value)).as(value).isEmpty();
	}

	@Test
	void structuredTypesValidate() {
		strong("11010519491231002X", PiType.CN_RESIDENT_ID);
		strong(" 110105 19491231 002x ", PiType.CN_RESIDENT_ID);
		strong("110105491231002", PiType.CN_RESIDENT_ID);
		strong("13812345678", PiType.CN_MOBILE);
		strong("+86 138-1234-5678", PiType.CN_MOBILE);
		strong("022-23456789", PiType.CN_LANDLINE);
		strong("(0315) 2345678", PiType.CN_LANDLINE);
		strong("010 62345678转123", PiType.CN_LANDLINE);
		strong("4111 1111 1111 1111", PiType.BANK_CARD);
		strong("6222021234567890128", PiType.BANK_CARD);
		strong("zhang.wei@example.com", PiType.EMAIL);
		strong("E12345678", PiType.CN_PASSPORT);
		strong("EA1234567", PiType.CN_PASSPORT);
		weak("D1234567", PiType.CN_PASSPORT);
		strong("C12345678", PiType.HMT_PERMIT);
		strong("H12345678", PiType.HMT_PERMIT);
		strong("津A12345", PiType.VEHICLE_PLATE);
		strong("京A·D12345", PiType.VEHICLE_PLATE);
		strong("粤B1234挂", PiType.VEHICLE_PLATE);
		strong("192.168.1.20", PiType.IP_ADDRESS);
		strong("2001:db8::8a2e:370:7334", PiType.IP_ADDRESS);
		strong("::ffff:192.0.2.1", PiType.IP_ADDRESS);
		strong("00:1A:2B:3C:4D:5E", PiType.MAC_ADDRESS);
		strong("001a.2b3c.4d5e", PiType.MAC_ADDRESS);
		strong("490154203237518", PiType.IMEI);
		strong("39.904200,116.407400", PiType.GEO_COORDINATE);
		strong("39°54'15\"N 116°24'26\"E", PiType.GEO_COORDINATE);
		weak("116.407412", PiType.GEO_COORDINATE);
		weak("1990-05-17", PiType.BIRTH_DATE);
		weak("1990年5月17日", PiType.BIRTH_DATE);
		weak("19900517", PiType.BIRTH_DATE);
		strong("91120116MA06XXXX5Y".replace("XXXX", "0000").substring(0, 17)
				+ Detectors.OrgCreditCode.checkCharacter("91120116MA0600005"), PiType.ORG_CREDIT_CODE);
	}

	@Test
	void lookAlikesAreRejected() {
		none("110105194912310021"); // wrong check digit
		none("4111111111111112"); // Luhn failure
		none("12812345678"); // no such mobile prefix
		none("2024112712345678"); // order number
		none("1732700000000"); // epoch milliseconds
		none("1234.56"); // amount
		none("256.1.1.1");
		none("2024-02-30");
		none("2099-01-01");
		none("hello world");
		none("");
		assertThat(matches("2024-11-27 10:15:00")).doesNotContainKey(PiType.BIRTH_DATE);
	}

	@Test
	void textTypesUseVocabularies() {
		weak("张伟", PiType.PERSON_NAME);
		weak("欧阳娜娜", PiType.PERSON_NAME);
		weak("John Smith", PiType.PERSON_NAME);
		none("苹果手机");
		strong("天津市和平区南京路88号3单元", PiType.ADDRESS);
		weak("和平区南京路88号", PiType.ADDRESS);
		strong("2型糖尿病", PiType.HEALTH);
		strong("Type 2 diabetes", PiType.HEALTH);
		strong("空腹血糖 6.1 mmol/L", PiType.HEALTH);
		weak("E11.9", PiType.HEALTH);
		strong("佛教", PiType.RELIGION);
		strong("Christian", PiType.RELIGION);
		strong("ACGTTGCAACGTACGTTGCAACGTACGTTGCAAC", PiType.BIOMETRIC);
	}

	@Test
	void hanlpConfirmsNamesAndPlaces() {
		Detector name = new TextDetectors.PersonName();
		assertThat(name.confirm("张伟")).isTrue();
		assertThat(name.confirm("王秀英")).isTrue();
		assertThat(name.confirm("高兴")).isFalse();
		Detector address = new TextDetectors.Address();
		assertThat(address.confirm("天津市和平区南京路88号")).isTrue();
		assertThat(address.confirm("朝阳区建国路88号")).isTrue();
	}

	@Test
	void findsIdentifiersInsideChineseText() {
		assertThat(EmbeddedFinder.find("客户张伟，电话13812345678，已回访")).isEqualTo(EmbeddedFinder.MOBILE);
		assertThat(EmbeddedFinder.find("身份证11010519491231002X核验通过")).isEqualTo(EmbeddedFinder.RESIDENT_ID);
		assertThat(EmbeddedFinder.find("联系邮箱zhang.wei@example.com。")).isEqualTo(EmbeddedFinder.EMAIL);
		assertThat(EmbeddedFinder.find("订单号202411271381234567899")).isZero();
	}

	@Test
	void headerHintsRaiseAndLower() {
		assertThat(HeaderHints.hint(PiType.CN_RESIDENT_ID, "身份证号")).isEqualTo(1);
		assertThat(HeaderHints.hint(PiType.BIRTH_DATE, "出生日期")).isEqualTo(1);
		assertThat(HeaderHints.hint(PiType.BIRTH_DATE, "created_at")).isEqualTo(-1);
		assertThat(HeaderHints.hint(PiType.IP_ADDRESS, "zip")).isZero();
		assertThat(HeaderHints.hint(PiType.IP_ADDRESS, "client_ip")).isEqualTo(1);
		assertThat(HeaderHints.hint(PiType.BANK_CARD, "订单号")).isEqualTo(-1);
	}

}
