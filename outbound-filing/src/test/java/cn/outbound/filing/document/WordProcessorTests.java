package cn.outbound.filing.document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import cn.outbound.report.CjkFont;
import cn.outbound.testing.Documents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The drafts open in a real word processor: LibreOffice headless converts every DOCX of both filings to PDF, and
 * poppler reads the text back (the processor's name, the section headings, the counts). Page 1 of each is kept as a
 * PNG under {@code target/filing-drafts/} to look at; our own PDFs carry their CJK font embedded. CI installs
 * LibreOffice and poppler ({@code .ci/run}), so there this never skips; a machine without {@code soffice} skips it.
 */
class WordProcessorTests {

	static final Path OUT = Path.of("target/filing-drafts");

	@BeforeAll
	static void tools() {
		assumeTrue(Documents.has("soffice"), "LibreOffice (soffice) not installed; CI installs libreoffice-writer-nogui");
		assumeTrue(Documents.has("pdftotext") && Documents.has("pdftoppm") && Documents.has("pdffonts"),
				"poppler-utils not installed");
	}

	@Test
	void everyDraftOpensInLibreOfficeWithItsNameHeadingsAndCounts() throws Exception {
		FilingDrafts writer = FilingDrafts.official(CjkFont.locate(null));
		Path sa = OUT.resolve("security-assessment");
		Path sc = OUT.resolve("standard-contract");
		clean(sa);
		clean(sc);
		List<Path> files = new ArrayList<>(writer.write(Drafts.of(DraftFixtures.hospitalSecurityAssessment("zh")), sa));
		files.addAll(writer.write(Drafts.of(DraftFixtures.contract("zh", DraftFixtures.details())), sc));
		List<Path> docx = files.stream().filter(p -> p.toString().endsWith(".docx")).toList();
		assertThat(docx).hasSize(7);
		List<Path> pdfs = Documents.officeToPdf(OUT.resolve("libreoffice"), docx);
		for (int i = 0; i < pdfs.size(); i++) {
			Path pdf = pdfs.get(i);
			String text = Documents.pdfText(pdf).replaceAll("[ \\t]+", " ");
			String name = docx.get(i).getFileName().toString();
			Documents.firstPagePng(pdf, OUT.resolve("png").resolve(name.replace(".docx", ".png")));
			assertThat(OUT.resolve("png").resolve(name.replace(".docx", ".png"))).isNotEmptyFile();
			if (name.contains("材料清单")) {
				assertThat(text).as(name).contains("序号", "材料", "状态", "缺：由单位准备", "已生成草稿");
			}
			else {
				assertThat(text).as(name).contains("测试企业（天津）有限公司");
			}
			switch (name.substring(0, name.indexOf('.'))) {
				case "01-数据出境安全评估申报表" -> assertThat(text).contains("一、数据处理者情况", "二、法定代表人",
						"三、数据安全负责人及管理机构", "四、经办人", "五、遵守法律情况", "六、数据出境场景", "七、承诺",
						"附：数据项表", "253,000", "91350100M000100Y43", "【待填写");
				case "02-数据出境风险自评估报告" -> assertThat(text).contains("一、自评估工作情况", "二、出境活动整体情况",
						"（二）拟出境数据情况", "三、风险自评估情况及结论", "253,000", "emr-2026-05", "依据原文");
				case "01-个人信息保护影响评估报告（个人信息出境）" -> assertThat(text).contains("一、评估工作简述",
						"二、出境活动整体情况", "四、评估结论", "350,000");
				case "02-个人信息出境情况说明（供填写标准合同附录）" -> assertThat(text).contains("一、出境个人信息", "350,000",
						"三、境外接收方", "新加坡");
				case "03-承诺书" -> assertThat(text).contains("承诺书", "【待填写：承诺书的官方文本未能取得");
				default -> assertThat(name).contains("材料清单");
			}
		}
		// our own PDFs: every font embedded (a subset), the CJK font among them
		for (Path pdf : files.stream().filter(p -> p.toString().endsWith(".pdf")).toList()) {
			String fonts = Documents.pdfFonts(pdf);
			assertThat(fonts.lines().skip(2).toList()).as(pdf.toString())
				.isNotEmpty()
				.allSatisfy(line -> assertThat(line).containsPattern("Identity-H +yes +yes +yes"));
		}
	}

	private static void clean(Path dir) throws Exception {
		if (Files.exists(dir)) {
			try (var s = Files.walk(dir)) {
				for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
					Files.delete(p);
				}
			}
		}
	}

}
