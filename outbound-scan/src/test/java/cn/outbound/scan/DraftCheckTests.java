package cn.outbound.scan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.outbound.rules.pack.RulePacks;
import cn.outbound.tables.TextSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Whether a scan's draft may go to 'outbound assess' ({@link DraftCheck}). Synthetic data. */
class DraftCheckTests {

	private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

	private static ScanReport scan(String csv) throws IOException {
		try (TextSource source = new TextSource(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "t.csv")) {
			return new Scanner(ScanSettings.defaults(AS_OF)).scan(source);
		}
	}

	@Test
	void aDraftWithCountedPersonsIsWrittenAsAssessReadsIt() throws IOException {
		ScanReport report = scan("身份证号,诊断\n11010519491231002X,2型糖尿病\n120101201501010021,高血压\n");
		DraftCheck.Result r = DraftCheck.check(report, RulePacks.builtIn(), "draft.json");
		assertThat(r.ok()).isTrue();
		assertThat(r.draft()).startsWith("{").endsWith("}\n").contains("\"personalInformation\"");
	}

	@Test
	void aDraftWhosePersonsWereNotCountedIsRefusedSayingWhy() throws IOException {
		// health information, but no column that identifies a person
		ScanReport report = scan("诊断,科室\n2型糖尿病,内分泌科\n高血压,心内科\n急性支气管炎,儿科\n");
		DraftCheck.Result r = DraftCheck.check(report, RulePacks.builtIn(), "draft.json");
		assertThat(r.ok()).isFalse();
		assertThat(r.draft()).isNull();
		assertThat(r.refusals()).singleElement()
			.asString()
			.contains("could not be counted")
			.endsWith(" The draft was not written.");
	}

}
