package cn.outbound.ledger.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spills and windows hand back exactly the distinct hashes they were given, in ascending unsigned order, each with
 * the set of parts that held it, however the hashes were cut into runs and threads.
 */
class WindowsProperties {

	@Property(tries = 300)
	void yieldEachDistinctHashOnceInOrderWithItsParts(@ForAll("events") List<List<byte[]>> parts,
			@ForAll @IntRange(min = 1, max = 50) int capacity, @ForAll @IntRange(min = 1, max = 3) int threads)
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

	@Provide
	Arbitrary<List<List<byte[]>>> events() {
		// few distinct values with shared prefixes, so that duplicates and equal 44-bit prefixes are common
		Arbitrary<byte[]> hash = Arbitraries.integers().between(0, 60).map(boxed -> {
			int n = boxed;
			byte[] h = new byte[32];
			h[0] = (byte) ((n % 3 == 0) ? 0xFF : (n % 5));
			h[1] = (byte) (n % 7);
			h[31] = (byte) n;
			h[17] = (byte) (n * 31);
			return h;
		});
		return hash.list().ofMaxSize(300).list().ofMinSize(1).ofMaxSize(3);
	}

}
