package cn.outbound.rules.pack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.outbound.rules.Text;
import cn.outbound.rules.source.InvalidInputException;
import cn.outbound.rules.source.Fields;
import cn.outbound.rules.source.Problem;
import cn.outbound.rules.source.Problems;
import cn.outbound.rules.source.SourceLocation;

/**
 * The set of rule packs a deployment decides with: every edition of every pack, checked together (references across
 * packs resolve, editions of one pack do not overlap). Immutable and thread-safe once built.
 */
public final class RulePacks {

	/** Classpath folder of the built-in packs, listed in {@code index.txt}. */
	public static final String BUILT_IN = "rulepacks/";

	private static volatile RulePacks builtIn;

	private final Map<String, List<RulePack>> byId;

	private final Map<String, Map<String, Citation>> citations = new HashMap<>();

	private RulePacks(List<RulePack> packs) {
		Map<String, List<RulePack>> map = new LinkedHashMap<>();
		packs.stream()
			.sorted(Comparator.comparing(RulePack::id).thenComparing(RulePack::inForceFrom))
			.forEach(p -> map.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(p));
		map.replaceAll((k, v) -> List.copyOf(v));
		this.byId = map;
		Problems problems = new Problems();
		checkEditions(problems);
		for (RulePack pack : packs) {
			this.citations.put(pack.key(), resolve(pack, problems));
		}
		problems.throwIfAny();
	}

	/** The packs shipped with Outbound (loaded and checked once). */
	public static RulePacks builtIn() {
		RulePacks r = builtIn;
		if (r == null) {
			synchronized (RulePacks.class) {
				r = builtIn;
				if (r == null) {
					r = of(loadBuiltIn());
					builtIn = r;
				}
			}
		}
		return r;
	}

	public static List<RulePack> loadBuiltIn() {
		String compiled = readOptionalResource(BUILT_IN + PackCompiler.INDEX);
		if (compiled != null) {
			// packs checked at build time and stored as JSON: a fast start for the CLI
			List<RulePack> packs = new ArrayList<>();
			for (String line : compiled.lines().filter(l -> !l.isBlank()).toList()) {
				String[] parts = line.split(" ");
				String json = readResource(BUILT_IN + PackCompiler.DIRECTORY + parts[0].replace(".yaml", ".json"));
				packs.add(RulePackLoader.loadCompiled(json.getBytes(StandardCharsets.UTF_8), parts[0], parts[1]));
			}
			return packs;
		}
		return loadBuiltInSources();
	}

	/** The built-in packs from their YAML sources, with every check. */
	public static List<RulePack> loadBuiltInSources() {
		List<RulePack> packs = new ArrayList<>();
		for (String name : readResource(BUILT_IN + "index.txt").lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
			packs.add(RulePackLoader.load(readResource(BUILT_IN + name).getBytes(StandardCharsets.UTF_8), name));
		}
		return packs;
	}

	/** The built-in packs plus every {@code *.yaml} pack in a directory (e.g. a new edition not yet released). */
	public static RulePacks builtInAnd(Path directory) {
		List<RulePack> packs = new ArrayList<>(loadBuiltIn());
		packs.addAll(loadDirectory(directory));
		return of(packs);
	}

	public static List<RulePack> loadDirectory(Path directory) {
		List<RulePack> packs = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList()) {
				try {
					packs.add(RulePackLoader.load(Files.readAllBytes(file), file.toString()));
				}
				catch (InvalidInputException ex) {
					problems.addAll(ex.problems());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read rule packs from " + directory, ex);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return packs;
	}

	/**
	 * Checks packs together.
	 * @throws InvalidInputException when a reference does not resolve or editions overlap
	 */
	public static RulePacks of(Collection<RulePack> packs) {
		return new RulePacks(List.copyOf(packs));
	}

	public Collection<List<RulePack>> all() {
		return this.byId.values();
	}

	public List<String> ids() {
		return List.copyOf(this.byId.keySet());
	}

	public List<RulePack> editions(String id) {
		return this.byId.getOrDefault(id, List.of());
	}

	public Optional<RulePack> edition(String id, String edition) {
		return editions(id).stream().filter(p -> p.edition().equals(edition)).findFirst();
	}

	/** The edition of {@code id} in force on {@code date}. */
	public Optional<RulePack> inForce(String id, LocalDate date) {
		List<RulePack> editions = editions(id);
		for (int i = editions.size() - 1; i >= 0; i--) {
			if (editions.get(i).inForceOn(date)) {
				return Optional.of(editions.get(i));
			}
		}
		return Optional.empty();
	}

	/**
	 * Which personal-information thresholds apply to exports under {@code jurisdiction} on {@code date}: those of its
	 * edition in force. Empty when no edition is in force or it has no personal-information rules.
	 */
	public Optional<PiThresholds> thresholds(String jurisdiction, LocalDate date) {
		return inForce(jurisdiction, date).map(PiThresholds::of);
	}

	/** The pack a pack's {@code art-*} references resolve in: its basedOn pack in force when it came into force. */
	public Optional<RulePack> base(RulePack pack) {
		if (pack.basedOn() == null) {
			return Optional.empty();
		}
		return inForce(pack.basedOn(), pack.inForceFrom());
	}

	/** Resolves a rule id cited by {@code pack}. */
	public Citation cite(RulePack pack, String rule) {
		Citation c = this.citations.get(pack.key()).get(rule);
		if (c == null) {
			throw new IllegalArgumentException("rule '" + rule + "' is not citable from " + pack.key());
		}
		return c;
	}

	/** Every rule id citable from {@code pack}: its items, its provisions, its base's provisions. */
	public Map<String, Citation> citable(RulePack pack) {
		return this.citations.get(pack.key());
	}

	/** Renders editions for messages: "2024 (from 2024-05-08)". */
	public String describeEditions(String id) {
		return editions(id).stream()
			.map(p -> p.edition() + " (" + p.inForceFrom() + ((p.inForceUntil() != null) ? " to " + p.inForceUntil() : " onward") + ")")
			.collect(Collectors.joining(", "));
	}

	private void checkEditions(Problems problems) {
		for (List<RulePack> editions : this.byId.values()) {
			for (int i = 1; i < editions.size(); i++) {
				RulePack earlier = editions.get(i - 1);
				RulePack later = editions.get(i);
				if (earlier.edition().equals(later.edition())) {
					problems.add("/edition", new SourceLocation(later.file(), 0, 0), "duplicate-edition", "edition",
							later.edition(), "pack", later.id(), "other", earlier.file());
				}
				if (earlier.inForceUntil() != null && !earlier.inForceUntil().isBefore(later.inForceFrom())) {
					problems.add("/inForceFrom", new SourceLocation(later.file(), 0, 0), "editions-overlap", "later",
							later.edition(), "from", later.inForceFrom(), "earlier", earlier.edition(), "until",
							earlier.inForceUntil());
				}
			}
		}
	}

	private Map<String, Citation> resolve(RulePack pack, Problems problems) {
		Map<String, Citation> out = new LinkedHashMap<>();
		RulePack base = null;
		if (pack.basedOn() != null) {
			base = inForce(pack.basedOn(), pack.inForceFrom()).orElse(null);
			if (base == null) {
				problems.add("/basedOn", new SourceLocation(pack.file(), 0, 0), "base-not-in-force", "basedOn",
						pack.basedOn(), "date", pack.inForceFrom(), "packs", String.valueOf(ids()));
			}
			else {
				for (Provision p : base.provisions().values()) {
					out.put(p.id(), provision(base, p));
				}
			}
		}
		for (Provision p : pack.provisions().values()) {
			out.put(p.id(), provision(pack, p));
		}
		for (Item item : pack.items().values()) {
			out.put(item.ruleId(), new Citation(item.ruleId(), pack.id(), pack.edition(), item.number(),
					new Text("第" + item.number() + "项 " + item.name().zh(), "Item " + item.number() + " " + item.name().en()),
					item.description(), pack.title(), true));
		}
		for (RulePack.Reference ref : pack.references()) {
			if (!out.containsKey(ref.ruleId()) && base != null) {
				problems.add(ref.pointer(), ref.location(), "rule-not-found", "rule", ref.ruleId(), "base", base.key(),
						"hint", Fields.hint(ref.ruleId(), out.keySet()));
			}
		}
		return Map.copyOf(out);
	}

	private static Citation provision(RulePack pack, Provision p) {
		return new Citation(p.id(), pack.id(), pack.edition(), null, p.title(), p.text(),
				(p.document() != null) ? p.document() : pack.title(), p.verbatim());
	}

	private static String readOptionalResource(String name) {
		try (InputStream in = RulePacks.class.getClassLoader().getResourceAsStream(name)) {
			return (in != null) ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String readResource(String name) {
		try (InputStream in = RulePacks.class.getClassLoader().getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("missing built-in resource " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
