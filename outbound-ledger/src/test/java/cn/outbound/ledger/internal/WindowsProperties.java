package cn.outbound.ledger.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.outbound.testing.Seeded;

import static cn.outbound.testing.Seeded.args;
import static cn.outbound.testing.Seeded.between;
import static cn.outbound.testing.Seeded.edge;
import static cn.outbound.testing.Seeded.list;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spills and windows hand back exactly the distinct hashes they were given, in ascending unsigned order, each with
 * the set of parts that held it, however the hashes were cut into runs and threads.
 */
@ExtendWith(Seeded.Replay.class)
class WindowsProperties {

	/**
	 * First one empty part and three empty parts; one part of one hash; the same hash 300 times; all 61 hashes in one,
	 * in each of three parts, and cut across three parts; each with the least and the most capacity and threads. Then
	 * one to three parts of up to 300 random hashes, a capacity of 1 to 50 per run and 1 to 3 threads.
	 */
	static Stream<Arguments> parts() {
		List<byte[]> all = IntStream.rangeClosed(0, 60).mapToObj(WindowsProperties::hash).toList();
		List<byte[]> backwards = new ArrayList<>(all);
		Collections.reverse(backwards);
		List<Object[]> shapes = List.of(new Object[] { "one empty part", List.of(List.of()) },
				new Object[] { "three empty parts", List.of(List.of(), List.of(), List.of()) },
				new Object[] { "one hash", List.of(List.of(hash(0))) },
				new Object[] { "the same hash 300 times", List.of(Collections.nCopies(300, hash(3))) },
				new Object[] { "all hashes", List.of(all) },
				new Object[] { "all hashes in three parts", List.of(all, backwards, all) },
				new Object[] { "all hashes cut across three parts",
						List.of(all.subList(0, 20), all.subList(20, 40), all.subList(40, 61)) });
		List<Arguments> edges = new ArrayList<>();
		for (Object[] shape : shapes) {
			for (int[] sizes : new int[][] { { 1, 1 }, { 1, 3 }, { 50, 1 }, { 50, 3 } }) {
				edges.add(edge(shape[0] + ", capacity " + sizes[0] + ", " + sizes[1] + " threads", shape[1], sizes[0],
						sizes[1]));
			}
		}
		return Seeded.cases(1_000_000, 300, edges,
				r -> args(list(r, 1, 3, p -> list(p, 0, 300, h -> hash(between(h, 0, 60)))), between(r, 1, 50),
						between(r, 1, 3)));
	}

	@ParameterizedTest
	@MethodSource("parts")
	void yieldEachDistinctHashOnceInOrderWithItsParts(List<List<byte[]>> parts, int capacity, int threads)
			throws Exception {
		Path dir = Files.createTempDirectory("windows-prop");
		TreeMap<byte[], Integer> expected = new TreeMap<>(Arrays::compareUnsigned);
		List<HashSpill> all = new ArrayList<>();
		List<List<Run>> runs = new ArrayList<>();
		for (int p = 0; p < parts.size(); p++) {
			List<HashSpill> spills = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				spills.add(new HashSpill(dir, capacity));
			}
			List<byte[]> hashes = parts.get(p);
			for (int i = 0; i < hashes.size(); i++) {
				spills.get(i % threads).add(hashes.get(i), 0);
				expected.merge(hashes.get(i), 1 << p, (a, b) -> a | b);
			}
			List<Run> partRuns = new ArrayList<>();
			for (HashSpill s : spills) {
				partRuns.addAll(s.finishRuns());
			}
			runs.add(partRuns);
			all.addAll(spills);
		}
		List<byte[]> actual = new ArrayList<>();
		List<Integer> masks = new ArrayList<>();
		try (Windows windows = new Windows(runs, null, null)) {
			Windows.Window w;
			while ((w = windows.next()) != null) {
				for (int i = 0; i < w.size(); i++) {
					actual.add(Arrays.copyOfRange(w.hashes(), i * 32, i * 32 + 32));
					masks.add(w.parts(i));
				}
				windows.release(w);
			}
		}
		all.forEach(HashSpill::close);
		assertThat(actual).usingElementComparator(Arrays::compareUnsigned).containsExactlyElementsOf(expected.keySet());
		assertThat(masks).containsExactlyElementsOf(expected.values());
		try (var left = Files.list(dir)) {
			assertThat(left).isEmpty();
		}
		Files.delete(dir);
	}

	/** One of few values with shared prefixes, so that duplicates and equal 44-bit prefixes are common. */
	static byte[] hash(int n) {
		byte[] h = new byte[32];
		h[0] = (byte) ((n % 3 == 0) ? 0xFF : (n % 5));
		h[1] = (byte) (n % 7);
		h[31] = (byte) n;
		h[17] = (byte) (n * 31);
		return h;
	}

}
