package cn.outbound.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The repository's copies of the team's reference material ({@code docs/source/copies.tsv}) are the same, byte for
 * byte, as the originals in {@code ../shared} when that folder is there; otherwise this test is skipped.
 */
class SharedCopiesTests {

	@Test
	void everyCopyMatchesItsOriginal() throws IOException {
		Path repo = Fixtures.repo();
		String configured = System.getProperty("outbound.shared");
		Path shared = ((configured != null) ? Path.of(configured) : repo.resolve("../shared")).toAbsolutePath()
			.normalize();
		assumeTrue(Files.isDirectory(shared), "no ../shared beside the repository: nothing to compare");
		List<String> drifted = new ArrayList<>();
		for (String[] pair : pairs(repo)) {
			compare(repo.resolve(pair[0]), shared.resolve(pair[1]), pair[0], drifted);
		}
		assertThat(drifted).as("in-repo copies that differ from ../shared (copy the new original in, then re-run "
				+ "the tests that use it)").isEmpty();
	}

	@Test
	void theCopiesListNamesFilesThatExist() throws IOException {
		Path repo = Fixtures.repo();
		List<String[]> pairs = pairs(repo);
		assertThat(pairs).hasSizeGreaterThanOrEqualTo(4);
		for (String[] pair : pairs) {
			assertThat(repo.resolve(pair[0])).as(pair[0]).exists();
		}
	}

	private static List<String[]> pairs(Path repo) throws IOException {
		List<String[]> pairs = new ArrayList<>();
		for (String line : Files.readAllLines(repo.resolve("docs/source/copies.tsv"), StandardCharsets.UTF_8)) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] cells = line.split("\t");
			assertThat(cells).as("copies.tsv line '%s': repository path TAB shared path", line).hasSize(2);
			pairs.add(cells);
		}
		return pairs;
	}

	private static void compare(Path copy, Path original, String name, List<String> drifted) throws IOException {
		if (Files.isDirectory(original) || Files.isDirectory(copy)) {
			TreeSet<String> names = new TreeSet<>(list(copy));
			names.addAll(list(original));
			for (String n : names) {
				compare(copy.resolve(n), original.resolve(n), name + "/" + n, drifted);
			}
		}
		else if (!Files.exists(copy)) {
			drifted.add(name + ": missing from the repository");
		}
		else if (!Files.exists(original)) {
			drifted.add(name + ": no longer in ../shared");
		}
		else if (!Arrays.equals(Files.readAllBytes(copy), Files.readAllBytes(original))) {
			drifted.add(name + ": differs from ../shared");
		}
	}

	private static List<String> list(Path dir) throws IOException {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(p -> p.getFileName().toString()).toList();
		}
	}

}
