package cn.outbound.scan.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

import cn.outbound.pii.Luhn;
import cn.outbound.pii.ResidentIdNumber;
import cn.outbound.tables.Cells;
import cn.outbound.tables.TableReader;
import cn.outbound.scan.ScanReport;
import cn.outbound.scan.ScanSettings;
import cn.outbound.scan.Scanner;
import cn.outbound.tables.TextSource;

/**
 * Whole-file scan throughput (issue 5, point 8): generates a CSV of 20 mixed columns (default
 * 1 GiB, synthetic values) under target/bench, scans it with every detector on (on all cores),
 * scans it again without the value memo (every value decoded and checked), then reads the same
 * file through a baseline of one {@code java.util.regex} pattern per type per cell, and prints
 * for each the rows, wall time, MB/s, CPU seconds, MB per CPU-second, peak heap and the load
 * average, and the ratio of scanner to baseline.
 *
 * <pre>
 * mvn -q -o -pl outbound-scan -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx1g -cp outbound-scan/target/test-classes:outbound-scan/target/classes:$(cat outbound-scan/target/cp.txt) \
 *     cn.outbound.scan.bench.ScanBenchmark [megabytes [baseline-megabytes]]
 * </pre>
 *
 * ({@code -am} so that the class path holds this worktree's {@code outbound-pii}, not a jar
 * installed in the local repository.)
 */
public final class ScanBenchmark {

	/** The regex baseline: one pattern per type, each tried on every cell. */
	static final Pattern[] BASELINE = {
			Pattern.compile("\\s*\\d{6}(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx]\\s*"),
			Pattern.compile("\\s*(?:\\+?86)?[\\s-]*1[3-9]\\d[\\s-]*\\d{4}[\\s-]*\\d{4}\\s*"),
			Pattern.compile("\\s*\\(?0\\d{2,3}\\)?[\\s-]*[2-8]\\d{6,7}\\s*"),
			Pattern.compile("\\s*(?:62|4\\d|5[1-5])\\d{11,17}\\s*"),
			Pattern.compile("\\s*[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}\\s*"),
			Pattern.compile("\\s*(?:E[A-HJ-NP-Z0-9]\\d{7}|G\\d{8}|[DSP]\\d{7,8})\\s*"),
			Pattern.compile("\\s*(?:C[A-HJ-NP-Z0-9]\\d{7}|[WL]\\d{8}|[HM]\\d{8}(?:\\d{2})?)\\s*"),
			Pattern.compile("\\s*[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][·]?[A-HJ-NP-Z0-9]{5,6}\\s*"),
			Pattern.compile("\\s*(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\s*"),
			Pattern.compile("\\s*(?:[0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}\\s*"),
			Pattern.compile("\\s*\\d{15}\\s*"),
			Pattern.compile("\\s*-?\\d{1,2}\\.\\d{3,},\\s*-?\\d{1,3}\\.\\d{3,}\\s*"),
			Pattern.compile("\\s*(?:19|20)\\d{2}[-/.年](?:0?[1-9]|1[0-2])[-/.月](?:0?[1-9]|[12]\\d|3[01])日?\\s*"),
			Pattern.compile("\\s*[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤][\\u4e00-\\u9fff]{1,3}\\s*"),
			Pattern.compile(".*[\\u4e00-\\u9fff]{2,}(?:省|市|区|县).*(?:路|街|道|号).*"),
			Pattern.compile(".*(?:糖尿病|高血压|肺炎|支气管炎|冠心病|胃炎|癌|肿瘤|mmol/L|诊断).*"),
			Pattern.compile("\\s*[A-Za-z0-9+/=]{128,}\\s*"),
			Pattern.compile("\\s*(?:佛教|道教|伊斯兰教|天主教|基督教|Christian|Buddhist|Muslim)\\s*"),
			Pattern.compile("\\s*[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}\\s*") };

	private static final java.lang.management.OperatingSystemMXBean OS = ManagementFactory.getOperatingSystemMXBean();

	private ScanBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		long megabytes = (args.length > 0) ? Long.parseLong(args[0]) : 1024;
		// the regex baseline is ~60x slower: by default it reads the first 128 MB of the same file
		long baselineMegabytes = (args.length > 1) ? Long.parseLong(args[1]) : Math.min(megabytes, 128);
		Path module = Files.isDirectory(Path.of("outbound-scan")) ? Path.of("outbound-scan") : Path.of(".");
		Path file = module.resolve("target/bench/bench-" + megabytes + "mb.csv");
		Files.createDirectories(file.getParent());
		if (!Files.exists(file) || Files.size(file) < megabytes << 20) {
			long t0 = System.nanoTime();
			generate(file, megabytes << 20);
			System.out.printf(Locale.ROOT, "generated %s (%d bytes) in %.1f s%n", file, Files.size(file),
					(System.nanoTime() - t0) / 1e9);
		}
		double size = Files.size(file) / 1e6;
		System.out.printf(Locale.ROOT, "file: %,d bytes; cores: %d, max heap: %d MB%n", Files.size(file),
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
		// warm-up on the first part of the file is part of the measured run: one pass, as a user runs it
		Run scan = run(() -> scan(file, true));
		ScanReport report = scan.report;
		scan.print("scanner, all detectors", report.rows(), size,
				String.format(Locale.ROOT, "; %d distinct persons", report.persons().distinct()));
		for (ScanReport.Column c : report.columns()) {
			System.out.printf(Locale.ROOT, "    %-12s %s%n", c.name(), c.types());
		}
		Run checked = run(() -> scan(file, false));
		checked.print("scanner, no value memo", checked.report.rows(), size,
				checked.report.equals(report) ? "; same report" : "; REPORT DIFFERS");
		long baselineRows = report.rows() * baselineMegabytes / megabytes;
		if (baselineRows == 0) {
			return;
		}
		long[] hits = new long[1];
		Run base = run(() -> {
			hits[0] = baseline(file, baselineRows)[0];
			return null;
		});
		double baseSize = size * baselineRows / report.rows();
		base.print("regex baseline, one pattern per type per cell", baselineRows, baseSize,
				String.format(Locale.ROOT, "; %d matches", hits[0]));
		System.out.printf(Locale.ROOT, "ratio scanner/baseline (MB/s): %.1fx wall, %.1fx CPU%n",
				(size / scan.seconds) / (baseSize / base.seconds), (size / scan.cpu) / (baseSize / base.cpu));
	}

	private static ScanReport scan(Path file, boolean remember) throws IOException {
		try (TextSource source = new TextSource(file)) {
			return new Scanner(ScanSettings.defaults(LocalDate.of(2026, 6, 30))).rememberValues(remember).scan(source);
		}
	}

	interface Work {

		ScanReport run() throws IOException;

	}

	/** One measured pass. */
	private record Run(ScanReport report, double seconds, double cpu, long peakHeap, double loadBefore,
			double loadAfter) {

		void print(String what, long rows, double megabytes, String more) {
			System.out.printf(Locale.ROOT,
					"%s: %,d rows, %.0f MB in %.1f s = %.0f MB/s; %.1f CPU-s = %.0f MB per CPU-second; peak heap %d MB; load average %.2f before, %.2f after%s%n",
					what, rows, megabytes, this.seconds, megabytes / this.seconds, this.cpu, megabytes / this.cpu,
					this.peakHeap >> 20, this.loadBefore, this.loadAfter, more);
		}

	}

	private static Run run(Work work) throws IOException {
		System.gc();
		resetPeaks();
		double load = OS.getSystemLoadAverage();
		long cpu0 = processCpu();
		long t0 = System.nanoTime();
		ScanReport report = work.run();
		double seconds = (System.nanoTime() - t0) / 1e9;
		double cpu = (processCpu() - cpu0) / 1e9;
		return new Run(report, seconds, cpu, peakHeap(), load, OS.getSystemLoadAverage());
	}

	static long[] baseline(Path file, long maxRows) throws IOException {
		long matches = 0;
		try (TableReader reader = TableReader.open(file)) {
			int width = reader.header().size();
			java.util.regex.Matcher[] matchers = new java.util.regex.Matcher[BASELINE.length];
			for (int i = 0; i < matchers.length; i++) {
				matchers[i] = BASELINE[i].matcher("");
			}
			while (reader.rowsRead() < maxRows && reader.next()) {
				Cells cells = reader.cells();
				for (int c = 0; c < width; c++) {
					CharSequence cell = cells.get(c);
					for (java.util.regex.Matcher m : matchers) {
						if (m.reset(cell).matches()) {
							matches++;
						}
					}
				}
			}
		}
		return new long[] { matches };
	}

	private static long processCpu() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static void resetPeaks() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
	}

	private static long peakHeap() {
		long sum = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				sum += pool.getPeakUsage().getUsed();
			}
		}
		return sum;
	}

	static final String HEADER = "身份证号,姓名,手机,邮箱,座机,卡号,地址,出生日期,client_ip,车牌,诊断,金额,订单号,下单时间,商品,城市,状态,备注,坐标,宗教";

	/** Writes synthetic rows (pools of values picked at random) until the file reaches {@code bytes}. */
	static void generate(Path file, long bytes) throws IOException {
		Random random = new Random(2026);
		int pool = 50_000;
		String[][] pools = new String[20][pool];
		String[] surnames = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴" };
		String[] given = { "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "建华" };
		String[] cities = { "天津市和平区", "天津市滨海新区", "北京市朝阳区", "上海市浦东新区" };
		String[] diagnoses = { "2型糖尿病", "高血压", "急性支气管炎", "冠心病", "肺炎", "空腹血糖 7.2 mmol/L" };
		String[] products = { "苹果手机", "华为平板", "办公椅", "Laptop Stand", "咖啡机", "蓝牙耳机" };
		String[] status = { "已支付", "已发货", "已完成", "退款中" };
		String[] religions = { "佛教", "基督教", "无", "道教", "" };
		for (int i = 0; i < pool; i++) {
			LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(70 * 365));
			String first17 = "120101" + String.format("%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(),
					birth.getDayOfMonth(), random.nextInt(1000));
			pools[0][i] = first17 + ResidentIdNumber.checkDigit(first17);
			pools[1][i] = surnames[random.nextInt(surnames.length)] + given[random.nextInt(given.length)];
			pools[2][i] = "13" + (100000000 + random.nextInt(900000000));
			pools[3][i] = "user" + random.nextInt(1_000_000) + "@example.com";
			pools[4][i] = "022-" + (20000000 + random.nextInt(70000000));
			String card = "6222" + String.format("%012d", (long) (random.nextDouble() * 1e12));
			pools[5][i] = card + Luhn.checkDigit(card);
			pools[6][i] = cities[random.nextInt(cities.length)] + "南京路" + (1 + random.nextInt(300)) + "号";
			pools[7][i] = birth.toString();
			pools[8][i] = (1 + random.nextInt(223)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
					+ random.nextInt(256);
			pools[9][i] = "津A" + (10000 + random.nextInt(90000));
			pools[10][i] = diagnoses[random.nextInt(diagnoses.length)];
			pools[11][i] = random.nextInt(100000) + "." + (10 + random.nextInt(90));
			pools[12][i] = "2024" + String.format("%012d", (long) (random.nextDouble() * 1e12));
			pools[13][i] = "2025-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(9) + " 1" + random.nextInt(9) + ":3"
					+ random.nextInt(9) + ":00";
			pools[14][i] = products[random.nextInt(products.length)];
			pools[15][i] = cities[random.nextInt(cities.length)].substring(0, 3);
			pools[16][i] = status[random.nextInt(status.length)];
			pools[17][i] = (random.nextInt(10) == 0) ? "客户要求改约，电话13" + (100000000 + random.nextInt(900000000)) + "，已回访"
					: "正常配送，无备注信息";
			pools[18][i] = String.format(Locale.ROOT, "\"%.6f,%.6f\"", 30 + random.nextDouble() * 10,
					110 + random.nextDouble() * 10);
			pools[19][i] = religions[random.nextInt(religions.length)];
		}
		try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			w.write(HEADER);
			w.write('\n');
			long written = 0;
			StringBuilder row = new StringBuilder(512);
			while (written < bytes) {
				row.setLength(0);
				for (int c = 0; c < 20; c++) {
					if (c > 0) {
						row.append(',');
					}
					row.append(pools[c][random.nextInt(pool)]);
				}
				row.append('\n');
				w.append(row);
				written += row.length() + 2L * countCjk(row);
			}
		}
	}

	private static int countCjk(CharSequence s) {
		int n = 0;
		for (int i = 0; i < s.length(); i++) {
			if (s.charAt(i) >= 0x80) {
				n++;
			}
		}
		return n;
	}

}
