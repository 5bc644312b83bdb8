package cn.outbound.rules.pack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.outbound.rules.Basis;
import cn.outbound.rules.Mechanism;
import cn.outbound.rules.pack.PiRules.Band;
import cn.outbound.rules.source.Fields;
import cn.outbound.rules.source.Node;

import static cn.outbound.rules.pack.PackContext.key;
import static cn.outbound.rules.pack.PackContext.keys;
import static cn.outbound.rules.pack.PackContext.s;

/**
 * Binds {@code personalInformation:}: the exempt bases (every {@link Basis} but NONE, each with its rule, quote and the
 * day it starts to exempt), the CIIO rule, and the bands of persons per class. Whether the bases are complete and the
 * bands run from 0 upward without gap, overlap or weakening is {@link PackChecks}' (the bands are checked as they are
 * bound: see {@link PackChecks.Bands}).
 */
final class PiRulesBinder {

	private final PackContext c;

	private final Fields f;

	private final PackChecks checks;

	PiRulesBinder(PackContext context, PackChecks checks) {
		this.c = context;
		this.f = context.f;
		this.checks = checks;
	}

	PiRules personalInformation(Node.Obj obj) {
		if (obj == null) {
			return null;
		}
		this.f.onlyKeys(obj, keys("exemptBases", "ciio", "bands", "importantDataDuties"),
				key("personalInformation"));
		Node.Obj basesNode = this.f.object(obj, "exemptBases", false);
		Map<Basis, PiRules.ExemptBasis> bases = exemptBases(basesNode);
		this.checks.exemptBases(obj, basesNode, bases);
		Node.Obj ciioNode = this.f.object(obj, "ciio", true);
		PiRules.CiioRule ciio = null;
		if (ciioNode != null) {
			this.f.onlyKeys(ciioNode, keys("rule", "mechanism", "quote"), s("ciio-rule"));
			ciio = new PiRules.CiioRule(this.c.rule(ciioNode, "rule", true), this.c.mechanism(ciioNode, "mechanism"),
					ciioNode.has("quote") ? this.c.text(ciioNode, "quote", false) : null);
		}
		Node.Obj bandsNode = this.f.object(obj, "bands", true);
		List<Band> individuals = List.of();
		List<Band> sensitive = List.of();
		if (bandsNode != null) {
			this.f.onlyKeys(bandsNode, keys("individuals", "sensitiveIndividuals"), key("bands"));
			individuals = bands(bandsNode, "individuals");
			sensitive = bands(bandsNode, "sensitiveIndividuals");
		}
		Node.Obj dutiesNode = this.f.object(obj, "importantDataDuties", false);
		PiRules.ScaleRule duties = null;
		if (dutiesNode != null) {
			this.f.onlyKeys(dutiesNode, keys("atLeast", "rule"), s("scale-rule"));
			Long atLeast = this.f.whole(dutiesNode, "atLeast", true, 1, Long.MAX_VALUE);
			String rule = this.c.rule(dutiesNode, "rule", true);
			duties = (atLeast != null) ? new PiRules.ScaleRule(atLeast, rule) : null;
		}
		return new PiRules(Collections.unmodifiableMap(bases), ciio, individuals, sensitive, duties);
	}

	private Map<Basis, PiRules.ExemptBasis> exemptBases(Node.Obj basesNode) {
		Map<Basis, PiRules.ExemptBasis> bases = new LinkedHashMap<>();
		if (basesNode == null) {
			return bases;
		}
		for (Node.Member m : basesNode.members().values()) {
			Basis basis = this.f.enumeration(new Node.Scalar(Node.child(basesNode.pointer(), m.key()), m.keyLocation(),
					Node.Kind.STRING, m.key()), key("basis"), Basis.class);
			if (basis == Basis.NONE) {
				this.f.problem(m.value(), "none-exempt");
				continue;
			}
			Node.Obj def = this.f.object(m.value(), s("basis", "name", m.key()));
			if (basis == null || def == null) {
				continue;
			}
			this.f.onlyKeys(def, keys("rule", "quote", "inForceFrom"), s("exempt-basis"));
			bases.put(basis, new PiRules.ExemptBasis(basis, this.c.rule(def, "rule", true),
					def.has("quote") ? this.c.text(def, "quote", false) : null,
					def.has("inForceFrom") ? this.f.date(def, "inForceFrom", false) : null));
		}
		return bases;
	}

	private List<Band> bands(Node.Obj parent, String key) {
		List<Node> nodes = this.f.array(parent, key, true);
		List<Band> out = new ArrayList<>();
		if (nodes == null) {
			return out;
		}
		PackChecks.Bands order = this.checks.bands();
		for (Node n : nodes) {
			Node.Obj b = this.f.object(n, s("band"));
			if (b == null) {
				continue;
			}
			this.f.onlyKeys(b, keys("atLeast", "below", "mechanism", "rule", "quote"), s("band"));
			order.next(b);
			Long atLeast = this.f.whole(b, "atLeast", true, 0, Long.MAX_VALUE);
			Long below = this.f.whole(b, "below", false, 1, Long.MAX_VALUE);
			Mechanism m = this.c.mechanism(b, "mechanism");
			String rule = this.c.rule(b, "rule", m != null && m != Mechanism.EXEMPT);
			order.bound(b, atLeast, below, m);
			out.add(new Band((atLeast != null) ? atLeast : 0, below, m, rule,
					b.has("quote") ? this.c.text(b, "quote", false) : null));
		}
		order.end(parent.get(key), out);
		return List.copyOf(out);
	}

}
