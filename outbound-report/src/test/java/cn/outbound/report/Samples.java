package cn.outbound.report;

import java.util.ArrayList;
import java.util.List;

/** A small document with every kind of block, and a long one that runs over several pages. */
final class Samples {

	private Samples() {
	}

	static Document small() {
		Document.Builder b = Document.builder("数据出境安全评估申报表", "zh");
		b.heading(1, "一、数据处理者情况");
		b.paragraph(Document.text("单位名称："), Document.strong("测试企业（天津）有限公司"));
		b.paragraph(Document.text("员工数量："), b.blank("员工数量"));
		b.table(List.of("序号", "数据项名称", "备注"), List.of(1, 4, 3),
				List.of(List.of(List.of(Document.text("1")), List.of(Document.text("客户姓名")), List.of(b.blank("")))));
		b.pageBreak();
		b.heading(2, "（一）第二页");
		b.paragraph("第二页的正文。");
		return b.build();
	}

	static Document longOne(int paragraphs) {
		Document.Builder b = Document.builder("Long document 长文档", "en");
		List<List<List<Run>>> rows = new ArrayList<>();
		for (int i = 1; i <= 40; i++) {
			rows.add(List.of(List.of(Document.text(String.valueOf(i))), List.of(Document.text("数据项 " + i))));
		}
		for (int i = 1; i <= paragraphs; i++) {
			b.heading(1, "Section " + i + " 第" + i + "节");
			b.paragraph("正文 " + i + "：出境数据的目的、范围、方式及其合法性、正当性和必要性。".repeat(3));
		}
		b.table(List.of("No.", "Item"), List.of(1, 5), rows);
		return b.build();
	}

}
